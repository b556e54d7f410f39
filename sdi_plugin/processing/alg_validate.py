"""``sdi:validatedataset``, ``sdi:validatefolder`` and ``sdi:fixdataset`` — check datasets
against the national standards (KUGI, SRGI2013, SNI 8843-1, geometry and topology) and write
safe fixes to a new dataset.  The logic is in ``sdi_plugin.core.validate``."""
import json
import os

from qgis.core import (QgsFeatureRequest, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingOutputBoolean, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterBoolean, QgsProcessingParameterCrs,
                       QgsProcessingParameterDatabaseSchema, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterProviderConnection,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsVectorLayer)

from ..core.i18n import tr
from ..core.validate import InputError, validate_batch, validate_layer
from ..core.validate.engine import validate_schema
from ..core.validate.fix import fix_dataset
from ..core.validate.outputs import write_outputs
from ..core.validate.report import Report
from ..core.validate.sources import check_layer, open_ref, ref_for, ref_of_layer


def thread_layer(alg, parameters, name, context):
    """(layer, ref) for the INPUT parameter, opened afresh in this thread (project layers
    belong to the GUI thread).  Bad input -> QgsProcessingException with a clear message."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        raw = parameters.get(name)
        raw = raw if isinstance(raw, str) else str(raw or "")
        path = raw.split("|")[0]
        try:
            ref = ref_for(path, _layername(raw))
            return open_ref(ref), ref
        except InputError as exc:
            raise QgsProcessingException(str(exc)) from None
    ref = ref_of_layer(layer)
    try:
        if ref.path or ref.provider == "postgres":
            # a PostGIS table is opened afresh in this thread (not copied): its rules run in the database
            return open_ref(ref), ref
        check_layer(layer, ref.label)
    except InputError as exc:
        raise QgsProcessingException(str(exc)) from None
    # not a file (memory, database): copy its features through the thread-safe source
    source = alg.parameterAsSource(parameters, name, context)
    copy = QgsVectorLayer("%s?crs=%s" % (_wkb_name(layer), layer.crs().authid()), layer.name(), "memory")
    if not layer.crs().authid():
        copy.setCrs(layer.crs())
    copy.dataProvider().addAttributes(list(layer.fields()))
    copy.updateFields()
    copy.dataProvider().addFeatures(list(source.getFeatures(QgsFeatureRequest())))
    return copy, ref


def check_input(alg, parameters, context, name="INPUT"):
    """Say plainly why INPUT does not open (missing, damaged, unsupported) instead of
    Processing's generic 'Incorrect parameter value'."""
    raw = parameters.get(name)
    if isinstance(raw, str) and raw and alg.parameterAsVectorLayer(parameters, name, context) is None:
        try:
            ref_for(raw.split("|")[0], _layername(raw))
        except InputError as exc:
            return False, str(exc)
    return None


def _layername(raw):
    for part in raw.split("|")[1:]:
        if part.startswith("layername="):
            return part[len("layername="):]
    return None


def _wkb_name(layer):
    from qgis.core import QgsWkbTypes
    return QgsWkbTypes.displayString(layer.wkbType()) or "None"


class _Outputs:
    OUTPUT_ERRORS = "OUTPUT_ERRORS"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_JSON = "OUTPUT_JSON"

    def add_report_outputs(self):
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_ERRORS, tr("Error layer (GeoPackage)"), tr("GeoPackage (*.gpkg)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("Report (HTML)"), tr("HTML files (*.html)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_JSON, tr("Report (JSON)"), tr("JSON files (*.json)"), optional=True))
        for key, label in (("ERRORS", tr("Number of errors")), ("WARNINGS", tr("Number of warnings")),
                           ("INFOS", tr("Number of infos")), ("FINDINGS", tr("Number of findings"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputBoolean("VALID", tr("No errors")))
        self.addOutput(QgsProcessingOutputString("BY_RULE", tr("Findings by rule (JSON)")))

    def check_outputs(self, parameters, context):
        """Refuse unusable report paths (a folder, a file of another kind) before the work starts."""
        from ..core.files.safe_output import check_destination, html_or_empty, json_or_empty
        from ..core.validate.errorlayer import is_error_layer_file
        for key, same_kind, what in ((self.OUTPUT_ERRORS, is_error_layer_file, tr("error layer")),
                                     (self.OUTPUT_HTML, html_or_empty, tr("HTML report")),
                                     (self.OUTPUT_JSON, json_or_empty, tr("JSON report"))):
            path = self.parameterAsFileOutput(parameters, key, context)
            if path:
                try:
                    check_destination(path, same_kind, what)
                except OSError as exc:
                    raise QgsProcessingException(str(exc)) from None

    def finish(self, report, parameters, context, feedback):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        paths = {k: self.parameterAsFileOutput(parameters, k, context)
                 for k in (self.OUTPUT_ERRORS, self.OUTPUT_HTML, self.OUTPUT_JSON)}
        feedback.setProgress(99)
        try:
            written = write_outputs(report, paths[self.OUTPUT_ERRORS], paths[self.OUTPUT_HTML],
                                    paths[self.OUTPUT_JSON], feedback=feedback)
        except OSError as exc:
            raise QgsProcessingException(str(exc)) from None
        for name, count, uri in written["errors"]:
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
        return out


class ValidateDatasetAlgorithm(_Outputs, QgsProcessingAlgorithm):
    INPUT = "INPUT"
    FEATURE_TYPE = "FEATURE_TYPE"
    METADATA = "METADATA"

    def createInstance(self):
        return ValidateDatasetAlgorithm()

    def name(self):
        return "validatedataset"

    def displayName(self):
        return tr("Validate dataset (KUGI, SRGI2013, geometry, topology)")

    def group(self):
        return tr("Validate")

    def groupId(self):
        return "validate"

    def shortHelpString(self):
        return tr("Checks a vector dataset against the national standards before it is shared: KUGI (layer "
                  "name, geometry type, required attributes, types, FCODE, domains, SRS_ID, METADATA), the "
                  "SRGI2013 reference system, geometry validity, empty and duplicate geometries, overlaps, gaps "
                  "(administrative areas) and slivers, text encoding, the extent of Indonesia and, when a file is "
                  "given or found beside the dataset, the ISO metadata. FEATURE_TYPE (an FCODE or KUGI layer "
                  "name) overrides the feature type found from the FCODE and the layer name. Writes an error "
                  "layer (GeoPackage), an HTML report and a JSON report; the source is only read.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Dataset"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.FEATURE_TYPE, tr("KUGI feature type (FCODE or layer "
                                                                             "name; optional)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(self.METADATA, tr("ISO 19139 metadata file (optional)"),
                                                     extension="xml", optional=True))
        self.add_report_outputs()
        self.addOutput(QgsProcessingOutputString("FEATURE_TYPE", tr("KUGI feature type used (FCODE)")))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS's name)
        return check_input(self, parameters, context) or super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        self.check_outputs(parameters, context)
        layer, ref = thread_layer(self, parameters, self.INPUT, context)
        feature_type = self.parameterAsString(parameters, self.FEATURE_TYPE, context).strip() or None
        metadata = self.parameterAsFile(parameters, self.METADATA, context) or ""
        feedback.pushInfo(tr("Validating {name} …").format(name=ref.label))
        try:
            result = validate_layer(layer, ref, feature_type, metadata, feedback)
        except InputError as exc:
            raise QgsProcessingException(str(exc)) from None
        if result.dataset.get("feature_count") == 0:
            feedback.pushWarning(tr("The layer has no features."))
        out = self.finish(Report([result]), parameters, context, feedback)
        out["FEATURE_TYPE"] = (result.dataset.get("feature_type") or {}).get("fcode", "")
        return out


class ValidateFolderAlgorithm(_Outputs, QgsProcessingAlgorithm):
    INPUT = "INPUT"
    GEOPACKAGE = "GEOPACKAGE"
    RECURSIVE = "RECURSIVE"
    METADATA_FOLDER = "METADATA_FOLDER"
    POSTGIS_CONNECTION = "POSTGIS_CONNECTION"
    POSTGIS_SCHEMA = "POSTGIS_SCHEMA"

    def createInstance(self):
        return ValidateFolderAlgorithm()

    def name(self):
        return "validatefolder"

    def displayName(self):
        return tr("Validate a folder or GeoPackage (batch)")

    def group(self):
        return tr("Validate")

    def groupId(self):
        return "validate"

    def shortHelpString(self):
        return tr("Validates every vector dataset of a folder (GeoPackage layers, Shapefiles, GeoJSON …; "
                  "sub-folders too when RECURSIVE) or every layer of one GeoPackage in one run, and writes one "
                  "report over all of them. A file that cannot be read is reported (rule dataset.readable) and "
                  "the run goes on. Metadata files named <layer>.xml are looked for beside each dataset or in "
                  "METADATA_FOLDER.") + " " + tr(
            "Or give a PostGIS connection and schema (POSTGIS_CONNECTION, POSTGIS_SCHEMA): every table with "
            "geometry in it is validated, the geometry and topology rules as SQL in the database.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("Folder"), QgsProcessingParameterFile.Folder,
                                                     optional=True))
        self.addParameter(QgsProcessingParameterFile(self.GEOPACKAGE, tr("or a GeoPackage (every layer)"),
                                                     extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.RECURSIVE, tr("Include sub-folders"), True))
        self.addParameter(QgsProcessingParameterFile(self.METADATA_FOLDER, tr("Folder of metadata files (optional)"),
                                                     QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.POSTGIS_CONNECTION, tr("or a PostGIS connection"), "postgres", optional=True))
        self.addParameter(QgsProcessingParameterDatabaseSchema(
            self.POSTGIS_SCHEMA, tr("… and its schema (every table)"), self.POSTGIS_CONNECTION, optional=True))
        self.add_report_outputs()
        self.addOutput(QgsProcessingOutputNumber("DATASETS", tr("Number of datasets")))

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
            try:
                report = validate_schema(connection, schema, feedback)
            except InputError as exc:
                raise QgsProcessingException(str(exc)) from None
            if not report.results:
                feedback.pushWarning(tr("No table with geometry in the schema {schema}.").format(schema=schema))
            out = self.finish(report, parameters, context, feedback)
            out["DATASETS"] = len(report.results)
            return out
        source = folder or gpkg
        if not os.path.exists(source):
            raise QgsProcessingException(tr("{path} does not exist.").format(path=source))
        try:
            report = validate_batch(source, self.parameterAsBoolean(parameters, self.RECURSIVE, context),
                                    self.parameterAsFile(parameters, self.METADATA_FOLDER, context) or "", feedback)
        except InputError as exc:
            raise QgsProcessingException(str(exc)) from None
        if not report.results:
            feedback.pushWarning(tr("No vector dataset found in {path}.").format(path=source))
        out = self.finish(report, parameters, context, feedback)
        out["DATASETS"] = len(report.results)
        return out


class FixDatasetAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"
    FEATURE_TYPE = "FEATURE_TYPE"
    TARGET_CRS = "TARGET_CRS"
    ASSIGN_CRS = "ASSIGN_CRS"
    MAKE_VALID = "MAKE_VALID"
    FILL_SRS_ID = "FILL_SRS_ID"
    FIX_TEXT = "FIX_TEXT"
    OUTPUT = "OUTPUT"
    OUTPUT_POSTGIS_CONNECTION = "OUTPUT_POSTGIS_CONNECTION"
    OUTPUT_POSTGIS_SCHEMA = "OUTPUT_POSTGIS_SCHEMA"
    OUTPUT_POSTGIS_TABLE = "OUTPUT_POSTGIS_TABLE"
    ADD_SPATIAL_REF_SYS = "ADD_SPATIAL_REF_SYS"

    def createInstance(self):
        return FixDatasetAlgorithm()

    def name(self):
        return "fixdataset"

    def displayName(self):
        return tr("Fix dataset (safe fixes, to a new file)")

    def group(self):
        return tr("Validate")

    def groupId(self):
        return "validate"

    def shortHelpString(self):
        return tr("Writes a corrected copy of a dataset to a NEW GeoPackage or Shapefile; the source is never "
                  "changed. Safe fixes only: invalid geometries are repaired (same geometry type); a dataset "
                  "without reference system gets ASSIGN_CRS; legacy datums are transformed to SRGI2013 (DGN95 "
                  "with EPSG:9472) or to TARGET_CRS; SRS_ID is filled ('SRGI 2013'); text is trimmed and "
                  "re-encoded as UTF-8. The layer is named after its KUGI feature type when it is known. Empty "
                  "or duplicate geometries, overlaps, gaps, FCODE and METADATA are left for you to decide.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Dataset"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.FEATURE_TYPE, tr("KUGI feature type (FCODE or layer "
                                                                             "name; optional)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.TARGET_CRS, tr("Transform to (default: SRGI2013 for "
                                                                         "legacy datums)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.ASSIGN_CRS, tr("Reference system to assign when the "
                                                                         "data has none"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.MAKE_VALID, tr("Repair invalid geometries"), True))
        self.addParameter(QgsProcessingParameterBoolean(self.FILL_SRS_ID, tr("Fill SRS_ID"), True))
        self.addParameter(QgsProcessingParameterBoolean(self.FIX_TEXT, tr("Trim and re-encode text as UTF-8"), True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Fixed dataset"), tr("GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)")))
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.OUTPUT_POSTGIS_CONNECTION, tr("Also write to a new PostGIS table: connection"), "postgres",
            optional=True))
        self.addParameter(QgsProcessingParameterDatabaseSchema(
            self.OUTPUT_POSTGIS_SCHEMA, tr("… schema"), self.OUTPUT_POSTGIS_CONNECTION, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.OUTPUT_POSTGIS_TABLE, tr("… new table (default: the KUGI layer name)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ADD_SPATIAL_REF_SYS, tr("Add the missing spatial_ref_sys rows (e.g. SRGI2013) to the database"),
            False))
        self.addOutput(QgsProcessingOutputString("OUTPUT_LAYER", tr("Fixed layer (URI)")))
        self.addOutput(QgsProcessingOutputString("OUTPUT_POSTGIS", tr("Fixed PostGIS table (URI, no password)")))
        self.addOutput(QgsProcessingOutputString("CRS", tr("Reference system of the fixed dataset")))
        for key, label in (("FEATURES", tr("Features written")), ("MADE_VALID", tr("Geometries repaired")),
                           ("NOT_FIXED", tr("Invalid geometries that could not be repaired")),
                           ("TRANSFORMED", tr("Features transformed")), ("SRS_ID_FILLED", tr("SRS_ID values filled")),
                           ("TEXT_FIXED", tr("Text values trimmed or re-encoded"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS's name)
        return check_input(self, parameters, context) or super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        layer, ref = thread_layer(self, parameters, self.INPUT, context)
        out_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        target = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        assign = self.parameterAsCrs(parameters, self.ASSIGN_CRS, context)
        try:
            result = fix_dataset(layer, out_path, ref, target if target.isValid() else None,
                                 assign if assign.isValid() else None,
                                 self.parameterAsBoolean(parameters, self.MAKE_VALID, context),
                                 self.parameterAsBoolean(parameters, self.FILL_SRS_ID, context),
                                 self.parameterAsBoolean(parameters, self.FIX_TEXT, context),
                                 feature_type=self.parameterAsString(parameters, self.FEATURE_TYPE, context).strip()
                                 or None, feedback=feedback)
        except (InputError, OSError) as exc:
            raise QgsProcessingException(str(exc)) from None
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
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
        table = self.parameterAsString(parameters, self.OUTPUT_POSTGIS_TABLE, context).strip() or result.layer_name
        try:
            uri, notes = write_table(result.uri, conn, schema, table,
                                     self.parameterAsBoolean(parameters, self.ADD_SPATIAL_REF_SYS, context), feedback)
        except InputError as exc:
            raise QgsProcessingException(str(exc)) from None
        result.notes.extend(notes)
        feedback.pushInfo(tr("Written to the PostGIS table {schema}.{table}.").format(schema=schema, table=table))
        return public_uri(uri)


ALGORITHMS = [ValidateDatasetAlgorithm, ValidateFolderAlgorithm, FixDatasetAlgorithm]
