"""``sdi:validatedataset``, ``sdi:validatefolder`` and ``sdi:fixdataset`` — check datasets
against the national standards (KUGI, SRGI2013, SNI 8843-1, geometry and topology) and write
safe fixes to a new dataset.  The logic is in ``sdi_plugin.core.validate``."""
import json
import os

from qgis.core import (QgsProcessingContext, QgsProcessingException, QgsProcessingOutputBoolean,
                       QgsProcessingParameterDatabaseSchema, QgsProcessingParameterProviderConnection)

from ..core.i18n import tr, tr_noop
from ..core.validate import InputError
from ..core.validate.fix import fix_dataset
from ..core.validate.pipeline import ReportFiles, run_validation
from .base import SimpulAlgorithm, check_input, thread_layer  # noqa: F401 (importable from here, as before)


class _ReportAlgorithm(SimpulAlgorithm):
    """The validate tools: their three report files and their counts."""
    GROUP = "validate"
    OUTPUT_ERRORS = "OUTPUT_ERRORS"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_JSON = "OUTPUT_JSON"

    def add_report_outputs(self):
        self.add_destination(self.OUTPUT_ERRORS, tr("Error layer (GeoPackage)"), tr("GeoPackage (*.gpkg)"),
                             optional=True)
        self.add_destination(self.OUTPUT_HTML, tr("Report (HTML)"), tr("HTML files (*.html)"), optional=True)
        self.add_destination(self.OUTPUT_JSON, tr("Report (JSON)"), tr("JSON files (*.json)"), optional=True)
        self.add_number_outputs(("ERRORS", tr("Number of errors")), ("WARNINGS", tr("Number of warnings")),
                                ("INFOS", tr("Number of infos")), ("FINDINGS", tr("Number of findings")))
        self.addOutput(QgsProcessingOutputBoolean("VALID", tr("No errors")))
        self.add_string_outputs(("BY_RULE", tr("Findings by rule (JSON)")))

    def check_outputs(self, parameters, context):
        """Refuse unusable report paths (a folder, a file of another kind) before the work starts."""
        from ..core.files.safe_output import check_destination, html_or_empty, json_or_empty
        from ..core.validate.errorlayer import is_error_layer_file
        for key, same_kind, what in ((self.OUTPUT_ERRORS, is_error_layer_file, tr("error layer")),
                                     (self.OUTPUT_HTML, html_or_empty, tr("HTML report")),
                                     (self.OUTPUT_JSON, json_or_empty, tr("JSON report"))):
            path = self.parameterAsFileOutput(parameters, key, context)
            if path:
                with self.refused(OSError):
                    check_destination(path, same_kind, what)

    def validate(self, parameters, context, feedback, jobs=(), **how):
        """The validation pipeline (:func:`run_validation`) with this tool's report files; its
        counts as the tool's outputs.  Returns (report, outputs)."""
        paths = {k: self.parameterAsFileOutput(parameters, k, context)
                 for k in (self.OUTPUT_ERRORS, self.OUTPUT_HTML, self.OUTPUT_JSON)}
        files = ReportFiles(paths[self.OUTPUT_ERRORS], paths[self.OUTPUT_HTML], paths[self.OUTPUT_JSON])
        with self.refused(InputError, OSError):
            report, written = run_validation(jobs, files, feedback, **how)
        self.check_canceled(feedback)
        for name, _count, uri in written["errors"]:
            if name != "findings" and context.project() is not None:
                context.addLayerToLoadOnCompletion(uri, QgsProcessingContext.LayerDetails(
                    tr("Findings ({name})").format(name=name), context.project(), self.OUTPUT_ERRORS))
        s = report.summary()
        for r in report.results:
            rs = r.summary()
            feedback.pushInfo(tr("{name}: {errors} error(s), {warnings} warning(s), {infos} info(s)").format(
                name=r.label, errors=rs["errors"], warnings=rs["warnings"], infos=rs["infos"]))
        for rule_id, n in s["by_rule"].items():
            feedback.pushInfo("  %s: %d" % (rule_id, n))
        out = {k: v for k, v in paths.items() if v}
        out.update({"ERRORS": s["errors"], "WARNINGS": s["warnings"], "INFOS": s["infos"],
                    "FINDINGS": s["total"], "VALID": s["errors"] == 0 and not report.canceled,
                    "BY_RULE": json.dumps(s["by_rule"])})
        return report, out


class ValidateDatasetAlgorithm(_ReportAlgorithm):
    NAME, CHECKS_INPUT = "validatedataset", True
    TITLE = tr_noop("Validate dataset (KUGI, SRGI2013, geometry, topology)")

    def initAlgorithm(self, config=None):
        self.add_dataset()
        self.add_feature_type()
        self.add_metadata_file()
        self.add_report_outputs()
        self.add_string_outputs(("FEATURE_TYPE", tr("KUGI feature type used (FCODE)")))

    def processAlgorithm(self, parameters, context, feedback):
        self.check_outputs(parameters, context)
        layer, ref = thread_layer(self, parameters, self.INPUT, context)
        feature_type = self.text(parameters, self.FEATURE_TYPE, context) or None
        metadata = self.parameterAsFile(parameters, self.METADATA, context) or ""
        report, out = self.validate(parameters, context, feedback, [(ref, layer)], feature_type=feature_type,
                                    metadata_path=metadata)
        result = report.results[0]
        if result.dataset.get("feature_count") == 0:
            feedback.pushWarning(tr("The layer has no features."))
        out["FEATURE_TYPE"] = (result.dataset.get("feature_type") or {}).get("fcode", "")
        return out


class ValidateFolderAlgorithm(_ReportAlgorithm):
    NAME = "validatefolder"
    GEOPACKAGE = "GEOPACKAGE"
    RECURSIVE = "RECURSIVE"
    METADATA_FOLDER = "METADATA_FOLDER"
    POSTGIS_CONNECTION = "POSTGIS_CONNECTION"
    POSTGIS_SCHEMA = "POSTGIS_SCHEMA"
    TITLE = tr_noop("Validate a folder or GeoPackage (batch)")

    def initAlgorithm(self, config=None):
        self.add_file(self.INPUT, tr("Folder"), folder=True, optional=True)
        self.add_file(self.GEOPACKAGE, tr("or a GeoPackage (every layer)"), extension="gpkg", optional=True)
        self.add_bool(self.RECURSIVE, tr("Include sub-folders"), True)
        self.add_file(self.METADATA_FOLDER, tr("Folder of metadata files (optional)"), folder=True, optional=True)
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.POSTGIS_CONNECTION, tr("or a PostGIS connection"), "postgres", optional=True))
        self.addParameter(QgsProcessingParameterDatabaseSchema(
            self.POSTGIS_SCHEMA, tr("… and its schema (every table)"), self.POSTGIS_CONNECTION, optional=True))
        self.add_report_outputs()
        self.add_number_outputs(("DATASETS", tr("Number of datasets")))

    def processAlgorithm(self, parameters, context, feedback):
        self.check_outputs(parameters, context)
        folder = self.parameterAsFile(parameters, self.INPUT, context)
        gpkg = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        connection = self.parameterAsConnectionName(parameters, self.POSTGIS_CONNECTION, context) \
            if parameters.get(self.POSTGIS_CONNECTION) else ""
        schema = self.parameterAsSchema(parameters, self.POSTGIS_SCHEMA, context) \
            if parameters.get(self.POSTGIS_SCHEMA) else ""
        if sum(map(bool, (folder, gpkg, connection or schema))) != 1:
            raise QgsProcessingException(tr("Give either a folder (INPUT), a GeoPackage (GEOPACKAGE) or a PostGIS "
                                            "connection and schema (POSTGIS_CONNECTION, POSTGIS_SCHEMA)."))
        if connection or schema:
            if not (connection and schema):
                raise QgsProcessingException(tr("Give both the PostGIS connection and the schema."))
            report, out = self.validate(parameters, context, feedback, schema=(connection, schema))
            if not report.results:
                feedback.pushWarning(tr("No table with geometry in the schema {schema}.").format(schema=schema))
        else:
            source = folder or gpkg
            if not os.path.exists(source):
                raise QgsProcessingException(tr("{path} does not exist.").format(path=source))
            report, out = self.validate(
                parameters, context, feedback, source=source,
                recursive=self.parameterAsBoolean(parameters, self.RECURSIVE, context),
                metadata_dir=self.parameterAsFile(parameters, self.METADATA_FOLDER, context) or "")
            if not report.results:
                feedback.pushWarning(tr("No vector dataset found in {path}.").format(path=source))
        out["DATASETS"] = len(report.results)
        return out


class FixDatasetAlgorithm(SimpulAlgorithm):
    NAME, GROUP, CHECKS_INPUT = "fixdataset", "validate", True
    TITLE = tr_noop("Fix dataset (safe fixes, to a new file)")
    MAKE_VALID = "MAKE_VALID"
    FILL_SRS_ID = "FILL_SRS_ID"
    FIX_TEXT = "FIX_TEXT"
    OUTPUT = "OUTPUT"
    OUTPUT_POSTGIS_CONNECTION = "OUTPUT_POSTGIS_CONNECTION"
    OUTPUT_POSTGIS_SCHEMA = "OUTPUT_POSTGIS_SCHEMA"
    OUTPUT_POSTGIS_TABLE = "OUTPUT_POSTGIS_TABLE"
    ADD_SPATIAL_REF_SYS = "ADD_SPATIAL_REF_SYS"

    def initAlgorithm(self, config=None):
        self.add_dataset()
        self.add_feature_type()
        self.add_target_crs()
        self.add_assign_crs()
        self.add_bool(self.MAKE_VALID, tr("Repair invalid geometries"), True)
        self.add_bool(self.FILL_SRS_ID, tr("Fill SRS_ID"), True)
        self.add_bool(self.FIX_TEXT, tr("Trim and re-encode text as UTF-8"), True)
        self.add_destination(self.OUTPUT, tr("Fixed dataset"), tr("GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)"))
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.OUTPUT_POSTGIS_CONNECTION, tr("Also write to a new PostGIS table: connection"), "postgres",
            optional=True))
        self.addParameter(QgsProcessingParameterDatabaseSchema(
            self.OUTPUT_POSTGIS_SCHEMA, tr("… schema"), self.OUTPUT_POSTGIS_CONNECTION, optional=True))
        self.add_string(self.OUTPUT_POSTGIS_TABLE, tr("… new table (default: the KUGI layer name)"), optional=True)
        self.add_bool(self.ADD_SPATIAL_REF_SYS,
                      tr("Add the missing spatial_ref_sys rows (e.g. SRGI2013) to the database"), False)
        self.add_string_outputs(("OUTPUT_LAYER", tr("Fixed layer (URI)")),
                                ("OUTPUT_POSTGIS", tr("Fixed PostGIS table (URI, no password)")),
                                ("CRS", tr("Reference system of the fixed dataset")))
        self.add_number_outputs(("FEATURES", tr("Features written")), ("MADE_VALID", tr("Geometries repaired")),
                                ("NOT_FIXED", tr("Invalid geometries that could not be repaired")),
                                ("TRANSFORMED", tr("Features transformed")),
                                ("SRS_ID_FILLED", tr("SRS_ID values filled")),
                                ("TEXT_FIXED", tr("Text values trimmed or re-encoded")))

    def processAlgorithm(self, parameters, context, feedback):
        layer, ref = thread_layer(self, parameters, self.INPUT, context)
        out_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        with self.refused(InputError, OSError):
            result = fix_dataset(layer, out_path, ref, self.crs_or_none(parameters, self.TARGET_CRS, context),
                                 self.crs_or_none(parameters, self.ASSIGN_CRS, context),
                                 self.parameterAsBoolean(parameters, self.MAKE_VALID, context),
                                 self.parameterAsBoolean(parameters, self.FILL_SRS_ID, context),
                                 self.parameterAsBoolean(parameters, self.FIX_TEXT, context),
                                 feature_type=self.text(parameters, self.FEATURE_TYPE, context) or None,
                                 feedback=feedback)
        self.check_canceled(feedback)
        pg_uri = ""
        if parameters.get(self.OUTPUT_POSTGIS_CONNECTION):
            pg_uri = self._to_postgis(parameters, context, feedback, result)
        for note in result.notes:
            feedback.pushInfo(note)
        c = result.counts
        feedback.pushInfo(tr("{features} feature(s) written to {path}: {valid} geometry(ies) repaired, "
                             "{srs} SRS_ID value(s) filled, {text} text value(s) fixed.").format(
            features=c["features"], path=result.path, valid=c["made_valid"], srs=c["srs_id_filled"],
            text=c["text_trimmed"] + c["text_reencoded"]))
        if context.project() is not None:
            context.addLayerToLoadOnCompletion(result.uri, QgsProcessingContext.LayerDetails(
                result.layer_name, context.project(), self.OUTPUT))
        return {self.OUTPUT: result.path, "OUTPUT_LAYER": result.uri, "OUTPUT_POSTGIS": pg_uri, "CRS": result.crs,
                "FEATURES": c["features"], "MADE_VALID": c["made_valid"], "NOT_FIXED": c["not_fixed"],
                "TRANSFORMED": c["transformed"], "SRS_ID_FILLED": c["srs_id_filled"],
                "TEXT_FIXED": c["text_trimmed"] + c["text_reencoded"]}

    def _to_postgis(self, parameters, context, feedback, result):
        """Copy the fixed file into a new PostGIS table with the EPSG code as SRID; its URI
        without user and password."""
        from ..core.validate.postgis_sources import public_uri
        from ..core.validate.postgis_write import write_table
        conn = self.parameterAsConnectionName(parameters, self.OUTPUT_POSTGIS_CONNECTION, context)
        schema = self.parameterAsSchema(parameters, self.OUTPUT_POSTGIS_SCHEMA, context) \
            if parameters.get(self.OUTPUT_POSTGIS_SCHEMA) else ""
        table = self.text(parameters, self.OUTPUT_POSTGIS_TABLE, context) or result.layer_name
        with self.refused(InputError):
            uri, notes = write_table(result.uri, conn, schema, table,
                                     self.parameterAsBoolean(parameters, self.ADD_SPATIAL_REF_SYS, context), feedback)
        result.notes.extend(notes)
        feedback.pushInfo(tr("Written to the PostGIS table {schema}.{table}.").format(schema=schema, table=table))
        return public_uri(uri)


ALGORITHMS = [ValidateDatasetAlgorithm, ValidateFolderAlgorithm, FixDatasetAlgorithm]
