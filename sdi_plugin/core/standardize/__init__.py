"""Standardise a dataset to KUGI: feature-type search and suggestions (``search``), the field
map and domain matching (``fieldmap``), and the run into a new file (``run``) that
``sdi:standardizedataset`` and the Validate page's Fix button call."""
from .fieldmap import (FieldMap, auto_field_map, field_aliases, match_domain, parse_field_map,  # noqa: F401
                       resolve_field_map)
from .run import (Plan, StandardizeResult, apply_value_maps, plan_standardization, resolve_feature_type,  # noqa: F401
                  standardize_dataset, suggest_output_path, unmatched_codes)
from .search import TypeMatch, describe_type, search_feature_types, suggest_feature_types  # noqa: F401
