"""``sdi:generatemetadata`` — an ISO 19139 record for a layer, and ``sdi:checkmetadata`` — schema
and profile findings for a record, as JSON in the validator's report shape."""

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterVectorLayer)

from ..core.i18n import tr
from ..core.files.safe_output import explain, write_bytes, write_json, xml_or_empty
from ..core.metadata.check import check_metadata_file, check_root, report, summary
from ..core.metadata.defaults import DefaultsError, load_defaults
from ..core.metadata.generate import generate
from ..core.metadata.iso_writer import to_bytes, to_element


class GenerateMetadataAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"
    DEFAULTS = "DEFAULTS"
    OUTPUT = "OUTPUT"

    def createInstance(self):
        return GenerateMetadataAlgorithm()

    def name(self):
        return "generatemetadata"

    def displayName(self):
        return tr("Generate ISO 19139 metadata")

    def group(self):
        return tr("Metadata")

    def groupId(self):
        return "metadata"

    def shortHelpString(self):
        return tr("Writes an ISO 19139 metadata record (gmd:MD_Metadata) in the Indonesian profile "
                  "(SNI 8843-1:2019 as Palapa nodes practise it) for a vector layer: extent in EPSG:4326, "
                  "reference system, geometry type, feature count, attributes, the KUGI feature type and "
                  "FCODE as keywords, the METADATA attribute as record identifier, plus the node's defaults "
                  "(organisation, contact, node code, access level) from DEFAULTS, a JSON file shaped like "
                  "resources/metadata/node_defaults.json. The record is checked against the ISO 19139 schema "
                  "and the profile; MISSING counts the required elements still empty.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Layer"),
                                                            [QgsProcessing.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterFile(self.DEFAULTS, tr("Node defaults (JSON)"),
                                                     extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Metadata record (ISO 19139 XML)"),
                                                                tr("XML files (*.xml)")))
        self.addOutput(QgsProcessingOutputString("FILE_IDENTIFIER", tr("Record identifier")))
        self.addOutput(QgsProcessingOutputNumber("MISSING", tr("Required elements missing")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Errors found by the check")))

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(tr("The input layer cannot be read."))
        path = self.parameterAsFile(parameters, self.DEFAULTS, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            defaults = load_defaults(path or None)
        except DefaultsError as exc:
            raise QgsProcessingException(str(exc)) from None
        feedback.setProgress(5)
        feedback.pushInfo(tr("Reading {layer} …").format(layer=layer.name()))
        record = generate(layer, defaults, feedback=feedback)
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        feedback.setProgress(70)
        findings = check_root(to_element(record))
        for f in findings:
            (feedback.reportError if f.severity == "error" else feedback.pushInfo)(
                "%s [%s] %s" % (f.severity, f.rule, f.message))
        try:
            write_bytes(out, to_bytes(record), xml_or_empty, tr("XML file"))
        except OSError as exc:
            raise QgsProcessingException(explain(exc, out)) from None
        feedback.setProgress(100)
        missing = sum(1 for f in findings if f.rule == "meta.complete" and f.severity == "error")
        return {self.OUTPUT: out, "FILE_IDENTIFIER": record.file_identifier, "MISSING": missing,
                "ERRORS": summary(findings)["errors"]}


class CheckMetadataAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"

    def createInstance(self):
        return CheckMetadataAlgorithm()

    def name(self):
        return "checkmetadata"

    def displayName(self):
        return tr("Check ISO 19139 metadata")

    def group(self):
        return tr("Metadata")

    def groupId(self):
        return "metadata"

    def shortHelpString(self):
        return tr("Checks a metadata record (ISO 19139; ISO 19115-3 is read and checked for the profile) "
                  "against the ISO 19139 XML Schema bundled with Simpul (offline) and against the "
                  "Indonesian metadata profile (mandatory and conditional elements, code lists, bounding "
                  "box). Findings use rules meta.schema and meta.complete; OUTPUT is a JSON report in the "
                  "validator's shape: file, standard, summary, findings.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("Metadata record (XML)"), extension="xml"))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Findings (JSON)"),
                                                                tr("JSON files (*.json)")))
        for key, label in (("ERRORS", tr("Errors")), ("WARNINGS", tr("Warnings")), ("INFOS", tr("Notes"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(tr("Give the metadata file to check."))
        feedback.pushInfo(tr("Checking {file} …").format(file=path))
        findings = check_metadata_file(path)
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        for f in findings:
            (feedback.reportError if f.severity == "error" else feedback.pushInfo)(
                "%s [%s] %s" % (f.severity, f.rule, f.message))
        doc = report(findings, path)
        try:
            write_json(out, doc, tr("JSON report"))
        except OSError as exc:
            raise QgsProcessingException(explain(exc, out)) from None
        feedback.setProgress(100)
        s = doc["summary"]
        return {self.OUTPUT: out, "ERRORS": s["errors"], "WARNINGS": s["warnings"], "INFOS": s["infos"]}


ALGORITHMS = [GenerateMetadataAlgorithm, CheckMetadataAlgorithm]
