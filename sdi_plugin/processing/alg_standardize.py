"""``sdi:standardizedataset`` — a raw dataset made into its KUGI feature type, in a NEW file:
the safe fixes of ``sdi:fixdataset`` plus the KUGI schema, FCODE, SRS_ID, METADATA (a record
generated when none is given), coded values and value maps. The logic is in
``sdi_plugin.core.standardize``."""
import json

from qgis.core import QgsProcessingContext, QgsProcessingException

from ..core.i18n import tr, tr_noop
from ..core.standardize import standardize_dataset
from ..core.validate.sources import InputError
from .base import SimpulAlgorithm, thread_layer


class StandardizeDatasetAlgorithm(SimpulAlgorithm):
    NAME, GROUP, CHECKS_INPUT = "standardizedataset", "validate", True
    TITLE = tr_noop("Standardise dataset to KUGI (to a new file)")
    FIELD_MAP = "FIELD_MAP"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def initAlgorithm(self, config=None):
        self.add_dataset()
        self.add_feature_type()
        self.add_string(self.FIELD_MAP, tr("Field map (source=TARGET, …; optional)"), optional=True)
        self.add_metadata_file()
        self.add_defaults_file()
        self.add_assign_crs()
        self.add_target_crs()
        self.add_destination(self.OUTPUT, tr("Standardised dataset"), tr("GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)"))
        self.add_destination(self.OUTPUT_SUMMARY, tr("Summary (JSON)"), tr("JSON files (*.json)"), optional=True)
        self.add_string_outputs(("OUTPUT_LAYER", tr("Standardised layer (URI)")),
                                ("FEATURE_TYPE", tr("KUGI feature type used (FCODE)")),
                                ("METADATA_ID", tr("Metadata record identifier")), ("SUMMARY", tr("Summary (JSON)")))
        self.add_number_outputs(("FEATURES", tr("Features written")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.metadata.defaults import DefaultsError
        from ..core.standardize.run import node_defaults
        layer, ref = thread_layer(self, parameters, self.INPUT, context)
        out_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        with self.refused(InputError, DefaultsError, OSError):
            defaults = node_defaults(self.parameterAsFile(parameters, self.DEFAULTS, context) or None)
            result = standardize_dataset(
                layer, out_path, self.text(parameters, self.FEATURE_TYPE, context) or None,
                self.text(parameters, self.FIELD_MAP, context) or None,
                self.parameterAsFile(parameters, self.METADATA, context) or "", ref, defaults, feedback,
                assign_crs=self.crs_or_none(parameters, self.ASSIGN_CRS, context),
                target_crs=self.crs_or_none(parameters, self.TARGET_CRS, context))
        summary = result.to_dict()
        for note in result.notes:
            feedback.pushInfo(note)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(tr("{features} feature(s) written to {path} as {layer} ({fcode}); field map: {map}.").format(
            features=result.fixes.get("features", 0), path=result.path, layer=result.layer_name,
            fcode=result.feature_type.fcode, map=result.field_map.to_text() or "-"))
        text = json.dumps(summary, ensure_ascii=False, indent=1)
        summary_path = self.parameterAsFileOutput(parameters, self.OUTPUT_SUMMARY, context)
        if summary_path:
            try:
                with open(summary_path, "w", encoding="utf-8") as fh:
                    fh.write(text)
            except OSError as exc:
                raise QgsProcessingException(tr("The summary could not be written to {file}: {error}").format(
                    file=summary_path, error=exc.strerror or exc)) from None
        if context.project() is not None:
            context.addLayerToLoadOnCompletion(result.uri, QgsProcessingContext.LayerDetails(
                result.layer_name, context.project(), self.OUTPUT))
        out = {self.OUTPUT: result.path, "OUTPUT_LAYER": result.uri, "FEATURE_TYPE": result.feature_type.fcode,
               "METADATA_ID": result.metadata_id, "SUMMARY": text, "FEATURES": result.fixes.get("features", 0)}
        if summary_path:
            out[self.OUTPUT_SUMMARY] = summary_path
        return out


ALGORITHMS = [StandardizeDatasetAlgorithm]
