"""Publishing a validated dataset with its style and ISO metadata to a node, safely.

Targets behind one interface (plan → apply → rollback → verify, :mod:`.target`):
GeoServer REST (:mod:`.geoserver`), CSW-T (:mod:`.csw`, pycsw and GeoNetwork) and OGC API
Records transactions (:mod:`.records`). :func:`publish_dataset` (:mod:`.api`) runs one publish:
the validation gate (:mod:`.gate`: the validator, called directly), the
plan, the changes with rollback on any failure (:mod:`.runner`), the checks from outside
(:mod:`.verify`) and the local publish log (:mod:`.publog`).
"""
from .api import build_targets, find_endpoints, publish_dataset, unpublish_record  # noqa: F401
from .model import Change, Dataset, Endpoints, Job, PublishError  # noqa: F401
