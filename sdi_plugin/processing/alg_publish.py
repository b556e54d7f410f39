"""``sdi:publishdataset`` — publish a dataset with its style and ISO metadata to a node, safely."""

from qgis.core import (QgsProcessingException, QgsProcessingParameterAuthConfig, QgsProcessingParameterEnum,
                       QgsProcessingParameterFolderDestination)

from ..core.i18n import tr, tr_noop
from ..core.files.safe_output import check_destination, json_or_empty, write_json
from ..core.publish import publish_dataset
from ..core.publish.dataset import safe_name
from ..core.publish.sld import layer_sld
from .base import SimpulAlgorithm

TARGETS = ("geoserver", "csw", "records", "geonode")


class PublishDatasetAlgorithm(SimpulAlgorithm):
    NAME, GROUP = "publishdataset", "publish"
    TITLE = tr_noop("Publish dataset to a node")
    NODE = "NODE"
    AUTHCFG = "AUTHCFG"
    DRY_RUN = "DRY_RUN"
    OUTPUT_PLAN = "OUTPUT_PLAN"
    WORKSPACE = "WORKSPACE"
    LAYER_NAME = "LAYER_NAME"
    OVERWRITE = "OVERWRITE"
    OVERRIDE_REASON = "OVERRIDE_REASON"
    TARGETS = "TARGETS"
    GEOSERVER_URL = "GEOSERVER_URL"
    CSW_URL = "CSW_URL"
    RECORDS_URL = "RECORDS_URL"
    GEONODE_URL = "GEONODE_URL"
    VERIFY = "VERIFY"
    LOG_FOLDER = "LOG_FOLDER"
    METADATA_DEFAULTS = "METADATA_DEFAULTS"
    POSTGIS_STORE = "POSTGIS_STORE"

    def __init__(self):
        super().__init__()
        self._source, self._sld = "", None

    def initAlgorithm(self, config=None):
        self.add_dataset()
        self.add_string(self.NODE, tr("Node (base URL or the id of a registered node)"))
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, tr("Authentication configuration"),
                                                           optional=True))
        self.add_file(self.METADATA, tr("ISO 19139 metadata (generated when empty)"), extension="xml", optional=True)
        self.add_bool(self.DRY_RUN, tr("Dry run: plan only, change nothing"), False)
        self.add_string(self.WORKSPACE, tr("GeoServer workspace"), "simpul")
        self.add_string(self.LAYER_NAME, tr("Layer name on the node (default: the dataset's)"), optional=True)
        self.add_bool(self.OVERWRITE, tr("Overwrite what the node already serves (update in place)"), False)
        self.add_string(self.OVERRIDE_REASON, tr("Reason to publish despite validation errors"), optional=True)
        self.add_file(self.METADATA_DEFAULTS, tr("Node defaults for a generated record (JSON)"), extension="json",
                      optional=True, advanced=True)
        self.add_string(self.POSTGIS_STORE, tr("Existing PostGIS store on the node (for a PostGIS table)"),
                        optional=True, advanced=True)
        self._add(QgsProcessingParameterEnum(
            self.TARGETS, tr("Publish to (default: every target the node offers)"),
            [tr("GeoServer REST"), tr("CSW catalogue"), tr("OGC API Records"), tr("GeoNode")],
            allowMultiple=True, optional=True), advanced=True)
        self.add_string(self.GEOSERVER_URL, tr("GeoServer REST URL (instead of the one found)"), optional=True,
                        advanced=True)
        self.add_string(self.CSW_URL, tr("CSW-T URL (instead of the one found)"), optional=True, advanced=True)
        self.add_string(self.RECORDS_URL, tr("OGC API Records collection URL (instead of the one found)"),
                        optional=True, advanced=True)
        self.add_string(self.GEONODE_URL, tr("GeoNode URL (its base URL; publishes through its API v2 upload)"),
                        optional=True, advanced=True)
        self.add_number(self.TIMEOUT, tr("Give up a request after this many seconds without progress"), 60.0,
                        minimum=1.0, maximum=3600.0, advanced=True)
        self.add_bool(self.VERIFY, tr("Check the published layer and record afterwards"), True, advanced=True)
        self._add(QgsProcessingParameterFolderDestination(
            self.LOG_FOLDER, tr("Publish log folder (default: in the QGIS profile)"), optional=True), advanced=True)
        self.add_destination(self.OUTPUT_PLAN, tr("Publish plan and result (JSON)"), tr("JSON files (*.json)"))
        self.add_string_outputs(("RESULT", tr("Result (planned, published, failed, blocked, canceled)")),
                                ("MESSAGE", tr("Message")), ("LAYER", tr("Published layer")),
                                ("RECORD_ID", tr("Catalogue record identifier")), ("WMS_URL", tr("WMS address")),
                                ("WFS_URL", tr("WFS address")), ("RECORD_URL", tr("Catalogue record address")))
        self.add_number_outputs(("CHANGES", tr("Number of remote changes")))

    def prepareAlgorithm(self, parameters, context, feedback):
        """In the thread that owns the layer: its source and its symbology as SLD."""
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The dataset could not be opened."))
        self._source = layer.source()
        name = safe_name(self.text(parameters, self.LAYER_NAME, context) or layer.name())
        try:
            self._sld = layer_sld(layer, name) if layer.isSpatial() else None
        except Exception:  # noqa: BLE001 - a style QGIS cannot export: GeoServer's default style is used
            self._sld = None
            feedback.pushWarning(tr("The layer's style could not be exported as SLD."))
        return True

    def processAlgorithm(self, parameters, context, feedback):
        node = self.text(parameters, self.NODE, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT_PLAN, context)
        with self.refused(OSError, path=out):    # before anything is sent: a plan that cannot be written stops here
            check_destination(out, json_or_empty, tr("publish plan"))
        # an unset optional enum reads as its first option: only take TARGETS when it was given
        given = parameters.get(self.TARGETS) not in (None, "", [])
        chosen = self.parameterAsEnums(parameters, self.TARGETS, context) if given else []
        overrides = {"geoserver_rest": self.text(parameters, self.GEOSERVER_URL, context),
                     "csw": self.text(parameters, self.CSW_URL, context),
                     "records": self.text(parameters, self.RECORDS_URL, context),
                     "geonode": self.text(parameters, self.GEONODE_URL, context)}
        log_folder = None
        if parameters.get(self.LOG_FOLDER):
            log_folder = self.parameterAsString(parameters, self.LOG_FOLDER, context)
        report = publish_dataset(
            self._source, node, authcfg=self.parameterAsString(parameters, self.AUTHCFG, context),
            metadata_path=self.parameterAsFile(parameters, self.METADATA, context),
            dry_run=self.parameterAsBoolean(parameters, self.DRY_RUN, context),
            workspace=self.parameterAsString(parameters, self.WORKSPACE, context),
            layer_name=self.text(parameters, self.LAYER_NAME, context),
            overwrite=self.parameterAsBoolean(parameters, self.OVERWRITE, context),
            override_reason=self.parameterAsString(parameters, self.OVERRIDE_REASON, context),
            log_folder=log_folder, kinds=[TARGETS[i] for i in chosen] or None, overrides=overrides,
            timeout=self.parameterAsDouble(parameters, self.TIMEOUT, context) or 60.0,
            verify=self.parameterAsBoolean(parameters, self.VERIFY, context), feedback=feedback, sld=self._sld,
            metadata_defaults=self.parameterAsFile(parameters, self.METADATA_DEFAULTS, context),
            postgis_store=self.text(parameters, self.POSTGIS_STORE, context))
        with self.refused(OSError, path=out):
            write_json(out, report, tr("publish plan"))
        for change in report.get("changes", []):
            feedback.pushInfo("%s %s %s — %s%s" % (change["target"], change["resource"], change["name"],
                                                   change["action"], " → " + change["result"]))
        for check in report.get("verification", []):
            (feedback.pushInfo if check["ok"] else feedback.pushWarning)(
                "%s: %s %s" % (check["check"], tr("ok") if check["ok"] else tr("failed"), check.get("message", "")))
        if report["result"] in ("failed", "blocked", "canceled"):
            raise QgsProcessingException(report["message"])
        feedback.pushInfo(report["message"])
        links = report.get("links", {})
        return {self.OUTPUT_PLAN: out, "RESULT": report["result"], "MESSAGE": report["message"],
                "CHANGES": sum(1 for c in report.get("changes", []) if c["action"] != "skip"),
                "LAYER": report.get("layer", ""), "RECORD_ID": report.get("record_id", ""),
                "WMS_URL": links.get("wms", ""), "WFS_URL": links.get("wfs", ""), "RECORD_URL": links.get("record", "")}


ALGORITHMS = [PublishDatasetAlgorithm]
