"""The dataset validator: rules (KUGI, SRGI2013, geometry, topology, text, extent, metadata),
reports (JSON, HTML, error layer) and safe fixes.

Entry points: :func:`validate_layer`, :func:`validate_path`, :func:`validate_batch` (engine),
:func:`write_outputs` (report files), :func:`fix_dataset` (fix.py).  Rule ids: :data:`RULE_IDS`.
"""
from .engine import validate_batch, validate_layer, validate_path  # noqa: F401
from .report import DatasetResult, Report  # noqa: F401
from .rules import RULE_IDS, RULES  # noqa: F401
from .sources import InputError  # noqa: F401
