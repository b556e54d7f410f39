"""The seam to Simpul's validator and metadata packages: the validation gate and the record.

Both packages are looked up lazily, only here:

* the dataset validator (``sdi_plugin.core.validate``) through its Processing algorithm
  ``sdi:validatedataset`` (INPUT, METADATA, OUTPUT_JSON — its JSON report's ``findings`` and
  ``summary``, see README);
* the metadata package (``sdi_plugin.core.metadata``): the record saved with the dataset
  (``storage``: the GeoPackage's metadata tables, else the sidecar XML), ``sdi:generatemetadata``
  (INPUT, DEFAULTS, OUTPUT) to write one when there is none, and ``check_metadata_file(path)``
  for the record's findings when the validator (whose ``meta.complete`` uses it) is absent.

**The gate**: findings of severity ``error`` block publishing unless the user gives a reason
to override them; that reason, with the rules overridden, goes into the record's lineage.
When a package is not installed the gate says so plainly (and does not block on what it
could not check); a minimal record is written when no metadata can be generated.
"""
import importlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

from ..findings import ERROR, INFO, WARNING
from ..i18n import tr

VALIDATOR_PACKAGE = "sdi_plugin.core.validate"
METADATA_PACKAGE = "sdi_plugin.core.metadata"
VALIDATE_ALG = "sdi:validatedataset"
GENERATE_ALG = "sdi:generatemetadata"

RAN, ABSENT, BROKEN = "ran", "absent", "failed"


@dataclass
class GateResult:
    validator: str = ABSENT        # ran | absent | failed
    metadata_check: str = ABSENT   # ran | absent | failed
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    findings: list = field(default_factory=list)    # finding dicts (rule, severity, feature_id, message, fix)
    override_reason: str = ""
    messages: list = field(default_factory=list)    # for people: what was and was not checked

    @property
    def blocked(self):
        return self.errors > 0 and not self.override_reason.strip()

    @property
    def overridden(self):
        return self.errors > 0 and bool(self.override_reason.strip())

    def verdict(self):
        """One sentence for people: blocked, overridden, or clear (and what was not checked)."""
        rules = ", ".join(self.rules_with_errors())
        if self.blocked:
            text = tr("{count} validation error(s) ({rules}) block publishing; fix them, or give a reason to publish "
                      "anyway (it is recorded in the metadata lineage).").format(count=self.errors, rules=rules)
        elif self.overridden:
            text = tr("{count} validation error(s) ({rules}) overridden. Reason given: {reason}").format(
                count=self.errors, rules=rules, reason=self.override_reason.strip().rstrip(".") + ".")
        else:
            text = tr("No validation errors.") if self.validator == RAN else ""
        return " ".join([text] + self.messages).strip()

    def rules_with_errors(self):
        return sorted({f.get("rule", "?") for f in self.findings if f.get("severity") == ERROR})

    def lineage_statement(self):
        """The sentence recorded in the metadata lineage when errors were overridden, else ''."""
        if not self.overridden:
            return ""
        return tr("Published on {date} with {count} validation error(s) overridden by the publisher "
                  "(rules: {rules}). Reason given: {reason}").format(
            date=date.today().isoformat(), count=self.errors, rules=", ".join(self.rules_with_errors()),
            reason=self.override_reason.strip())

    def to_dict(self):
        d = asdict(self)
        d["blocked"] = self.blocked
        d["overridden"] = self.overridden
        d["verdict"] = self.verdict()
        return d


def _package(name):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _algorithm(alg_id):
    return QgsApplication.processingRegistry().createAlgorithmById(alg_id)


def _as_dict(finding):
    if isinstance(finding, dict):
        return finding
    if hasattr(finding, "to_dict"):
        return finding.to_dict()
    return {"rule": getattr(finding, "rule", "?"), "severity": getattr(finding, "severity", INFO),
            "message": getattr(finding, "message", str(finding)), "fix": getattr(finding, "fix", ""),
            "feature_id": getattr(finding, "feature_id", None)}


def _count(result, findings):
    for f in findings:
        sev = f.get("severity")
        if sev == ERROR:
            result.errors += 1
        elif sev == WARNING:
            result.warnings += 1
        else:
            result.infos += 1
    result.findings.extend(findings)


def run_gate(source, workdir, metadata_path="", override_reason="", feedback=None):
    """Run the validator (and the metadata check on ``metadata_path``) on the dataset ``source``."""
    result = GateResult(override_reason=override_reason or "")
    feedback = feedback or QgsProcessingFeedback()
    alg = _algorithm(VALIDATE_ALG) if _package(VALIDATOR_PACKAGE) is not None else None
    if alg is None:
        result.messages.append(tr("The dataset validator is not installed: the dataset was not checked against "
                                  "the national standards before publishing."))
    else:
        report = os.path.join(workdir, "validation.json")
        from .dataset import is_postgis_uri
        if is_postgis_uri(source) and not str(source).startswith("postgres://"):
            source = "postgres://" + str(source)     # how Processing takes a PostGIS layer given as text
        params = {"INPUT": source, "OUTPUT_JSON": report}
        if metadata_path:
            params["METADATA"] = metadata_path
        try:
            # the JSON report only: no error layer, no HTML report (its chart and map thumbnail
            # would be drawn in this worker thread while the GUI thread paints — fonts are not
            # thread-safe)
            _, ok = alg.run(params, QgsProcessingContext(), feedback)
            with open(report, encoding="utf-8") as fh:
                data = json.load(fh)
            _count(result, [_as_dict(f) for f in data.get("findings", [])])
            result.validator = RAN
        except Exception as exc:  # noqa: BLE001 - a broken validator must not look like a clean dataset
            result.validator = BROKEN
            result.errors += 1
            result.findings.append({"rule": "publish.validator", "severity": ERROR, "feature_id": None,
                                    "message": tr("The validator could not check the dataset: {why}").format(why=exc),
                                    "fix": tr("Run Validate on the dataset and fix what stops it.")})
    if metadata_path and result.validator != RAN:   # the validator's meta.complete already checked it
        _check_metadata(result, metadata_path)
    return result


def _check_metadata(result, path):
    pkg = _package(METADATA_PACKAGE)
    check = getattr(pkg, "check_metadata_file", None) if pkg is not None else None
    if check is None:
        result.messages.append(tr("The metadata checker is not installed: the record was not checked against the "
                                  "SNI 8843-1 profile."))
        return
    try:
        found = check(path)
        found = getattr(found, "findings", found)
        _count(result, [_as_dict(f) for f in (found or [])])
        result.metadata_check = RAN
    except Exception as exc:  # noqa: BLE001
        result.metadata_check = BROKEN
        result.messages.append(tr("The metadata checker failed: {why}").format(why=exc))


def stored_record(layer):
    """The ISO 19139 record saved with the layer's data by the metadata package (its
    GeoPackage metadata tables, else its sidecar XML) as bytes, or None."""
    storage = _package(METADATA_PACKAGE + ".storage")
    if storage is None or layer is None:
        return None
    try:
        path, name, kind = storage.dataset_of(layer)
        if kind == "gpkg":
            data = storage.read_gpkg_metadata(path, name)
            if data:
                return data if isinstance(data, bytes) else data.encode("utf-8")
        sidecar = storage.sidecar_path(path, name) if kind else ""
        if sidecar and os.path.isfile(sidecar):
            with open(sidecar, "rb") as fh:
                return fh.read()
    except Exception:  # noqa: BLE001 - an unreadable stored record: generate one instead
        return None
    return None


def generate_metadata(source, out_path, defaults_path="", feedback=None):
    """Write an ISO 19139 record for ``source`` with ``sdi:generatemetadata`` (``defaults_path``:
    the node's defaults file); returns the path, or '' when the metadata package is not
    installed or cannot write one (the caller writes a minimal record)."""
    alg = _algorithm(GENERATE_ALG) if _package(METADATA_PACKAGE) is not None else None
    if alg is None:
        return ""
    params = {"INPUT": source, "OUTPUT": out_path}
    if defaults_path:
        params["DEFAULTS"] = defaults_path
    try:
        _, ok = alg.run(params, QgsProcessingContext(), feedback or QgsProcessingFeedback())
    except Exception:  # noqa: BLE001 - e.g. a bad defaults file: the minimal record is written instead
        return ""
    return out_path if ok and os.path.exists(out_path) else ""
