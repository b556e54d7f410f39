"""One shape for every finding, from the dataset validator and the metadata checker alike.

The JSON report's ``findings`` entries are ``Finding.to_dict()``: ``rule``, ``severity``,
``feature_id``, ``message``, ``fix`` (contract: see README), plus optional ``location`` (WKT in
the layer's CRS) and ``details`` (rule-specific facts, e.g. the overlapping pair and area).
"""
import sys
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)


# A finding without an attribute dictionary where Python can (3.10 and newer; QGIS 3.22 on Windows
# brings 3.9): a province's validation holds about a hundred thousand of them, and each is about
# 45 bytes smaller (measured with tracemalloc on Python 3.11 and 3.13)
@dataclass(**({"slots": True} if sys.version_info >= (3, 10) else {}))
class Finding:
    rule: str                 # stable rule id, e.g. "topo.overlap", "meta.complete"
    severity: str             # "error" | "warning" | "info"
    message: str              # in the report's language
    fix: str = ""             # suggested fix, in the report's language
    feature_id: object = None  # the feature's id (fid) or None for dataset-level findings
    location: str = ""        # WKT in the layer's CRS where the finding is, or ""
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError("severity must be one of %s" % (SEVERITIES,))

    def to_dict(self):
        d = {"rule": self.rule, "severity": self.severity, "feature_id": self.feature_id,
             "message": self.message, "fix": self.fix}
        if self.location:
            d["location"] = self.location
        if self.details:
            d["details"] = self.details
        return d
