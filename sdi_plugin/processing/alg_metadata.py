"""``sdi:generatemetadata`` — an ISO 19139 record for a layer, and ``sdi:checkmetadata`` — schema
and profile findings for a record, as JSON in the validator's report shape."""

from qgis.core import QgsProcessingException

from ..compat import ProcessingSourceType
from ..core.i18n import tr, tr_noop
from ..core.files.safe_output import write_bytes, write_json, xml_or_empty
from ..core.metadata.check import check_metadata_file, check_root, report, summary
from ..core.metadata.defaults import DefaultsError, load_defaults
from ..core.metadata.generate import generate
from ..core.metadata.iso_writer import to_bytes, to_element
from .base import SimpulAlgorithm


def _log_findings(findings, feedback):
    for f in findings:
        (feedback.reportError if f.severity == "error" else feedback.pushInfo)(
            "%s [%s] %s" % (f.severity, f.rule, f.message))


class GenerateMetadataAlgorithm(SimpulAlgorithm):
    NAME, GROUP = "generatemetadata", "metadata"
    TITLE = tr_noop("Generate ISO 19139 metadata")

    def initAlgorithm(self, config=None):
        self.add_dataset(tr("Layer"), ProcessingSourceType.VectorAnyGeometry)
        self.add_defaults_file()
        self.add_destination(self.OUTPUT, tr("Metadata record (ISO 19139 XML)"), tr("XML files (*.xml)"))
        self.add_string_outputs(("FILE_IDENTIFIER", tr("Record identifier")))
        self.add_number_outputs(("MISSING", tr("Required elements missing")),
                                ("ERRORS", tr("Errors found by the check")))

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(tr("The input layer cannot be read."))
        path = self.parameterAsFile(parameters, self.DEFAULTS, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        with self.refused(DefaultsError):
            defaults = load_defaults(path or None)
        feedback.setProgress(5)
        feedback.pushInfo(tr("Reading {layer} …").format(layer=layer.name()))
        record = generate(layer, defaults, feedback=feedback)
        self.check_canceled(feedback)
        feedback.setProgress(70)
        findings = check_root(to_element(record))
        _log_findings(findings, feedback)
        with self.refused(OSError, path=out):
            write_bytes(out, to_bytes(record), xml_or_empty, tr("XML file"))
        feedback.setProgress(100)
        missing = sum(1 for f in findings if f.rule == "meta.complete" and f.severity == "error")
        return {self.OUTPUT: out, "FILE_IDENTIFIER": record.file_identifier, "MISSING": missing,
                "ERRORS": summary(findings)["errors"]}


class CheckMetadataAlgorithm(SimpulAlgorithm):
    NAME, GROUP = "checkmetadata", "metadata"
    TITLE = tr_noop("Check ISO 19139 metadata")

    def initAlgorithm(self, config=None):
        self.add_file(self.INPUT, tr("Metadata record (XML)"), extension="xml")
        self.add_destination(self.OUTPUT, tr("Findings (JSON)"), tr("JSON files (*.json)"))
        self.add_number_outputs(("ERRORS", tr("Errors")), ("WARNINGS", tr("Warnings")), ("INFOS", tr("Notes")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(tr("Give the metadata file to check."))
        feedback.pushInfo(tr("Checking {file} …").format(file=path))
        findings = check_metadata_file(path)
        self.check_canceled(feedback)
        _log_findings(findings, feedback)
        doc = report(findings, path)
        with self.refused(OSError, path=out):
            write_json(out, doc, tr("JSON report"))
        feedback.setProgress(100)
        s = doc["summary"]
        return {self.OUTPUT: out, "ERRORS": s["errors"], "WARNINGS": s["warnings"], "INFOS": s["infos"]}


ALGORITHMS = [GenerateMetadataAlgorithm, CheckMetadataAlgorithm]
