"""The validation gate: the dataset validator (:mod:`sdi_plugin.core.validate`) and, when the
validator could not run, the metadata check (:mod:`sdi_plugin.core.metadata`) on the record.

**The gate**: findings of severity ``error`` block publishing unless the user gives a reason
to override them; that reason, with the rules overridden, goes into the record's lineage.
A validator that breaks counts as an error (``publish.validator``): never a clean dataset.
"""
import json
from dataclasses import asdict, dataclass, field
from datetime import date

from ..findings import ERROR, WARNING
from ..i18n import tr
from ..metadata.check import check_metadata_file
from ..network.secrets import redact_all
from ..validate.pipeline import run_validation
from ..validate.sources import open_ref, ref_of_layer
from .dataset import load_layer

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


def run_gate(source, metadata_path="", override_reason="", feedback=None):
    """Run the validator (and the metadata check on ``metadata_path`` when the validator could
    not) on the dataset ``source``, opened afresh in this thread."""
    result = GateResult(override_reason=override_reason or "")
    try:
        findings = _validate(source, metadata_path, feedback)
        _count(result, findings)
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


def _validate(source, metadata_path, feedback):
    """The validation pipeline's findings on ``source`` as the JSON report writes them (secrets
    out). Only the findings: no error layer, no HTML report (its chart and map thumbnail would be drawn in
    this worker thread while the GUI thread paints — fonts are not thread-safe)."""
    layer = load_layer(source)
    ref = ref_of_layer(layer)
    if ref.path or ref.provider == "postgres":
        layer = open_ref(ref)
    report, written = run_validation([(ref, layer)], feedback=feedback, metadata_path=metadata_path or "")
    if written is None:
        raise RuntimeError(tr("Canceled."))
    return json.loads(json.dumps(redact_all(report.to_dict()), default=str))["findings"]


def _check_metadata(result, path):
    try:
        _count(result, [f.to_dict() for f in check_metadata_file(path)])
        result.metadata_check = RAN
    except Exception as exc:  # noqa: BLE001
        result.metadata_check = BROKEN
        result.messages.append(tr("The metadata checker failed: {why}").format(why=exc))
