"""The validation report: one or more datasets, their findings, and the summary.

JSON schema (``Report.to_dict``; the contract is documented in the README):
``report``, ``schema_version``, ``generator``, ``created``, ``language``, ``dataset`` (what was
validated), ``datasets`` (each with its own ``summary``), ``standard`` (``name``, ``version``
and ``parts``), ``rules`` (the rules run), ``summary`` (``errors``, ``warnings``, ``infos``,
``total``, ``by_rule``, ``by_rule_severity``), ``findings`` (``rule``, ``severity``,
``feature_id``, ``message``, ``fix``, ``dataset``, optional ``location`` and ``details``),
``notes``, ``canceled``.
"""
import configparser
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..findings import ERROR, INFO, WARNING
from .. import i18n
from ..paths import PLUGIN_DIR
from ..standards.pack import load_crs, load_profile
from .rules import BY_ID, RULE_IDS
from .settings import load_settings

SCHEMA_VERSION = 1


def plugin_version():
    cp = configparser.ConfigParser(interpolation=None)
    try:
        cp.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
        return cp.get("general", "version", fallback="")
    except (configparser.Error, OSError):
        return ""


def report_language():
    """The language the messages are in: that of the installed Simpul translator, else English."""
    return i18n.current_language()


def standard_block(language=None):
    """The standards a report was checked against: ``name`` as the files give it (English) and
    ``title`` in the report's language (the files' ``name_id`` for Indonesian)."""
    from .context import catalogue
    lang = (language or report_language())[:2]
    kugi, crs, profile, settings = catalogue(), load_crs(), load_profile(), load_settings()

    def part(kind, name, name_id, version):
        return {"kind": kind, "name": name, "title": (name_id if lang == "id" and name_id else name),
                "version": version}
    parts = [part("kugi", kugi.meta["name"], kugi.meta.get("name_id"), kugi.meta["version"]),
             part("crs", crs.meta["name"], crs.meta.get("name_id"), crs.meta["version"]),
             part("metadata_profile", profile.meta["name"], profile.meta.get("name_id"), profile.meta["version"]),
             part("validation_settings", settings.name, settings.name_id, settings.version)]
    return {"name": kugi.meta["name"], "title": parts[0]["title"], "version": kugi.meta["version"], "parts": parts}


def summarise(findings):
    sev = Counter(f.severity for f in findings)
    by_rule = Counter(f.rule for f in findings)
    by_rule_sev = {}
    for f in findings:
        by_rule_sev.setdefault(f.rule, {ERROR: 0, WARNING: 0, INFO: 0})[f.severity] += 1
    order = {r: i for i, r in enumerate(RULE_IDS)}
    keys = sorted(by_rule, key=lambda r: (order.get(r, len(order)), r))
    return {"errors": sev[ERROR], "warnings": sev[WARNING], "infos": sev[INFO], "total": len(findings),
            "by_rule": {k: by_rule[k] for k in keys}, "by_rule_severity": {k: by_rule_sev[k] for k in keys}}


_RULE_ORDER = {r: i for i, r in enumerate(RULE_IDS)}


def sort_key(f):
    """Findings in the rules' order, then by feature id (once per finding: the order is built once)."""
    fid = f.feature_id if isinstance(f.feature_id, int) else -1
    return (_RULE_ORDER.get(f.rule, len(_RULE_ORDER)), fid)


def sort_findings(findings):
    """Sort ``findings`` in place as :func:`sort_key` orders them, in two stable passes (feature
    id, then rule) whose keys are objects that exist already: no key tuple per finding, which at
    80,000 findings took 6 MB while sorting."""
    findings.sort(key=lambda f: f.feature_id if isinstance(f.feature_id, int) else -1)
    last = len(_RULE_ORDER)
    findings.sort(key=lambda f: _RULE_ORDER.get(f.rule, last))


@dataclass
class DatasetResult:
    """What validating one dataset gave."""
    dataset: dict
    findings: list = field(default_factory=list)
    rules: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    canceled: bool = False
    seconds: float = 0.0
    ref: object = None            # sources.DatasetRef
    crs_wkt: str = ""             # the layer CRS, for the error layer
    layer: object = None          # the QgsVectorLayer validated (for the map thumbnail)

    @property
    def label(self):
        return self.dataset.get("label") or self.dataset.get("name") or ""

    def summary(self):
        return summarise(self.findings)


class Report:
    """A validation report over one dataset or a batch of them."""

    def __init__(self, results, source=None, canceled=False, language=None, skipped=None):
        self.results = list(results)
        self.source = source
        self.canceled = canceled or any(r.canceled for r in self.results)
        self.language = language or report_language()
        self.created = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        self.skipped = list(skipped or [])

    @property
    def is_batch(self):
        return self.source is not None

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]

    def entries(self):
        """(DatasetResult, Finding) for every finding, dataset by dataset."""
        return [(r, f) for r in self.results for f in r.findings]

    def summary(self):
        out = summarise(self.findings)
        out["datasets"] = len(self.results)
        return out

    def rules_run(self):
        seen = []
        for r in self.results:
            for rid in r.rules:
                if rid not in seen:
                    seen.append(rid)
        order = {rid: i for i, rid in enumerate(RULE_IDS)}
        return sorted(seen, key=lambda x: order.get(x, len(order)))

    def dataset_block(self):
        if not self.is_batch and len(self.results) == 1:
            return dict(self.results[0].dataset)
        return {"name": os.path.basename(str(self.source).rstrip("/")) or str(self.source), "kind": "batch",
                "source": str(self.source), "count": len(self.results)}

    def to_dict(self):
        batch = self.is_batch or len(self.results) != 1
        findings = []
        for r, f in self.entries():
            d = f.to_dict()
            d["dataset"] = r.label
            findings.append(d)
        return {
            "report": "simpul.validation", "schema_version": SCHEMA_VERSION,
            "generator": "Simpul %s" % plugin_version(), "created": self.created, "language": self.language,
            "dataset": self.dataset_block(),
            "datasets": [dict(r.dataset, summary=r.summary(), seconds=round(r.seconds, 3), canceled=r.canceled)
                         for r in self.results],
            "standard": standard_block(self.language),
            "rules": [BY_ID[r].to_dict() if r in BY_ID else {"id": r} for r in self.rules_run()],
            "summary": self.summary(),
            "findings": findings,
            "notes": [n for r in self.results for n in r.notes] + [str(s) for s in self.skipped],
            "canceled": self.canceled,
            "batch": batch,
        }

    def write_json(self, path):
        """Write the JSON report (beside, then renamed: never a partial file); an existing file is
        replaced only when it is a JSON file (or empty)."""
        from ..files.safe_output import json_or_empty, write_text
        from ..network.secrets import redact_all
        text = json.dumps(redact_all(self.to_dict()), ensure_ascii=False, indent=1, default=str) + "\n"
        return write_text(path, text, json_or_empty, i18n.tr("JSON report"))
