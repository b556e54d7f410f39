"""Standardise a dataset to its KUGI feature type, into a NEW file (the source is only read).

One run: the safe fixes of ``fix_dataset`` (encoding, reprojection to SRGI2013 with the policy's
operation, geometry repair, SRS_ID), then the KUGI schema: the type's attributes with the
catalogue's types and lengths, the columns mapped onto them (FIELD_MAP or automatic), coded
values matched to the domains, FCODE from the type, SRS_ID from the reference system, METADATA =
the identifier of the dataset's metadata record (a record is generated when there is none), the
layer named after the type, and the KUGI domains as value maps on the layer's form.
"""
import os
import shutil
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass, field

from qgis.core import (QgsCoordinateTransformContext, QgsEditorWidgetSetup, QgsFeature, QgsFeatureRequest,
                       QgsField, QgsFields, QgsVectorFileWriter, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QDateTime

from ...compat import FieldType
from ..i18n import tr
from ..validate.context import is_blank, plain
from ..validate.engine import SubFeedback
from ..validate.fix import fix_dataset
from ..validate.metadata_seam import file_identifier, find_metadata
from ..validate.sources import InputError, ref_of_layer
from .fieldmap import FILLED, match_domain, resolve_field_map
from .search import _catalogue, describe_type, geometry_token, suggest_feature_types

QVARIANT = {"String": FieldType.String, "Integer": FieldType.Int, "Int64": FieldType.LongLong,
            "Double": FieldType.Double, "Date": FieldType.Date, "DateTime": FieldType.DateTime,
            "Boolean": FieldType.Bool}
TYPE_NAMES = {"String": "String", "Integer": "Integer", "Int64": "Integer64", "Double": "Real", "Date": "Date",
              "DateTime": "DateTime", "Boolean": "Boolean"}


def _geometry_label(token):
    return {"PT": tr("point"), "LN": tr("line"), "AR": tr("polygon")}.get(token, tr("no geometry"))


@dataclass
class Plan:
    feature_type: object = None
    how: str = ""                   # "given", "suggested" or ""
    suggestions: list = field(default_factory=list)
    field_map: object = None
    unmatched_codes: dict = field(default_factory=dict)
    output_name: str = ""
    problems: list = field(default_factory=list)


@dataclass
class StandardizeResult:
    path: str
    layer_name: str
    uri: str
    feature_type: object
    how: str = ""
    field_map: object = None
    added_fields: list = field(default_factory=list)
    kept_fields: list = field(default_factory=list)
    unmatched_codes: dict = field(default_factory=dict)
    not_converted: dict = field(default_factory=dict)
    metadata_id: str = ""
    metadata_path: str = ""
    metadata_generated: bool = False
    srs_id: str = ""
    crs: str = ""
    fixes: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)    # what still keeps the dataset from validating clean

    def to_dict(self):
        ft = self.feature_type
        return {
            "output": self.path, "layer": self.layer_name, "uri": self.uri,
            "feature_type": {"fcode": ft.fcode, "layer": ft.layer, "type_name": ft.type_name,
                             "definition": ft.definition, "how": self.how},
            "field_map": [list(p) for p in self.field_map.pairs], "field_map_text": self.field_map.to_text(),
            "added_fields": list(self.added_fields), "kept_fields": list(self.kept_fields),
            "unmatched_codes": {k: [str(v) for v in vs] for k, vs in self.unmatched_codes.items()},
            "not_converted": dict(self.not_converted),
            "metadata": {"id": self.metadata_id, "file": self.metadata_path, "generated": self.metadata_generated},
            "srs_id": self.srs_id, "crs": self.crs, "fixes": dict(self.fixes), "notes": list(self.notes),
            "warnings": list(self.warnings),
        }


def resolve_feature_type(value, layer, kugi=None):
    """(FeatureType, how, suggestions) from an FCODE, a KUGI layer name, a FeatureType or None
    (then the best suggestion). InputError when nothing fits."""
    kugi = _catalogue(kugi)
    if value is not None and not isinstance(value, str):
        return value, "given", []
    text = (value or "").strip()
    if text:
        ft = kugi.feature_type(text.upper())
        match = kugi.for_layer(text) if ft is None else None
        if match is not None:
            ft = match.feature_type
            codes = sorted({c.fcode for c in match.candidates})
            if ft is None and len(codes) > 1:
                raise InputError(tr("FEATURE_TYPE {value} fits several KUGI feature types ({codes}); give the FCODE "
                                    "or the layer name with its scale, e.g. {example}.").format(
                    value=text, codes=", ".join("%s %s" % (kugi.feature_type(c).layer, c) for c in codes),
                    example=kugi.feature_type(codes[0]).layer))
        if ft is None:
            raise InputError(tr("FEATURE_TYPE {value} is not a feature type of the KUGI catalogue "
                                "(give its FCODE, e.g. CA02070160, or its layer name).").format(value=text))
        return ft, "given", []
    suggestions = suggest_feature_types(layer, kugi=kugi)
    if not suggestions:
        raise InputError(tr("The KUGI feature type of {name} could not be suggested from its name, geometry or "
                            "fields; give it as FEATURE_TYPE (an FCODE or a KUGI layer name).").format(
                                name=layer.name()))
    return suggestions[0].feature_type, "suggested", suggestions


def suggest_output_path(source_path, feature_type, ext=".gpkg"):
    """A new file beside the source, named after the feature type; never an existing file."""
    folder = os.path.dirname(os.path.abspath(source_path)) if source_path else tempfile.gettempdir()
    ext = ext if ext.startswith(".") else "." + ext
    base = feature_type.layer
    path = os.path.join(folder, base + ext)
    n = 2
    while os.path.exists(path) or os.path.abspath(path) == os.path.abspath(source_path or ""):
        path = os.path.join(folder, "%s_%d%s" % (base, n, ext))
        n += 1
    return path


def _check_geometry(layer, ft):
    token = geometry_token(layer)
    if token != ft.geometry:
        raise InputError(tr("The dataset holds {found} geometries but {layer} is a {expected} feature type; "
                            "choose a feature type of its geometry.").format(
            found=_geometry_label(token), layer=ft.layer, expected=_geometry_label(ft.geometry)))


def _distinct(layer, name, limit=100000):
    idx = layer.fields().lookupField(name)
    return [plain(v) for v in layer.uniqueValues(idx, limit)] if idx >= 0 else []


def plan_standardization(layer, feature_type=None, field_map=None, kugi=None):
    """What a run would do, without writing: the feature type (given or suggested), the field
    map, the coded values that match no domain code, the output layer name."""
    plan = Plan()
    try:
        plan.feature_type, plan.how, plan.suggestions = resolve_feature_type(feature_type, layer, kugi)
    except InputError as exc:
        plan.problems.append(str(exc))
        plan.suggestions = []
        return plan
    ft = plan.feature_type
    if not plan.suggestions:
        plan.suggestions = suggest_feature_types(layer, kugi=kugi)
    plan.output_name = ft.layer
    if geometry_token(layer) != ft.geometry:
        plan.problems.append(tr("The dataset holds {found} geometries but {layer} is a {expected} feature type; "
                                "choose a feature type of its geometry.").format(
            found=_geometry_label(geometry_token(layer)), layer=ft.layer, expected=_geometry_label(ft.geometry)))
    try:
        plan.field_map = resolve_field_map(field_map, layer.fields(), ft)
    except InputError as exc:
        plan.problems.append(str(exc))
        plan.field_map = resolve_field_map(None, layer.fields(), ft)
    plan.unmatched_codes = unmatched_codes(layer, ft, plan.field_map)
    return plan


def unmatched_codes(layer, feature_type, field_map):
    """{TARGET: [values]} of the mapped columns whose values match no code of the KUGI domain."""
    out = {}
    for src, target in field_map.pairs:
        attr = feature_type.attribute(target)
        if attr is not None and attr.domain:
            _, bad = match_domain(_distinct(layer, src), attr)
            if bad:
                out[target] = bad
    return out


def _number(text):
    """'1.234,5' (Indonesian), '1,234.5', '1234,5', ' 12 ' -> float; ValueError otherwise."""
    t = str(text).strip().replace(" ", "").replace("\u00a0", "")
    if "," in t and "." in t:
        t = t.replace(".", "").replace(",", ".") if t.rfind(",") > t.rfind(".") else t.replace(",", "")
    elif t.count(",") == 1:
        t = t.replace(",", ".")
    elif t.count(".") > 1:
        t = t.replace(".", "")
    return float(t)


def convert(value, kind):
    """(value as KUGI type ``kind``, ok). Blank -> (None, True)."""
    value = plain(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    try:
        if kind == "String":
            if isinstance(value, float) and value.is_integer():
                return str(int(value)), True
            if isinstance(value, (QDate, QDateTime)):
                return value.toString("yyyy-MM-dd" if isinstance(value, QDate) else "yyyy-MM-ddTHH:mm:ss"), True
            return str(value), True
        if kind in ("Integer", "Int64"):
            if isinstance(value, bool):
                return int(value), True
            number = _number(value) if not isinstance(value, (int, float)) else value
            if float(number).is_integer():
                return int(number), True
            return None, False
        if kind == "Double":
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value), True
            return _number(value), True
        if kind == "Date":
            if isinstance(value, QDate):
                return value, True
            if isinstance(value, QDateTime):
                return value.date(), True
            d = QDate.fromString(str(value).strip()[:10], "yyyy-MM-dd")
            return (d, True) if d.isValid() else (None, False)
        if kind == "DateTime":
            if isinstance(value, QDateTime):
                return value, True
            d = QDateTime.fromString(str(value).strip(), "yyyy-MM-ddTHH:mm:ss")
            return (d, True) if d.isValid() else (None, False)
        if kind == "Boolean":
            text = str(value).strip().lower()
            if text in ("1", "true", "ya", "y", "yes", "t"):
                return True, True
            if text in ("0", "false", "tidak", "n", "no", "f"):
                return False, True
            return None, False
    except (TypeError, ValueError, OverflowError):
        return None, False
    return value, True


def _out_field(attr, shapefile):
    length = attr.length or (254 if shapefile and attr.type == "String" else 0)
    return QgsField(attr.name, QVARIANT.get(attr.type, FieldType.String), TYPE_NAMES.get(attr.type, "String"),
                    length if attr.type == "String" else 0)


def _output_path(out_path, ft, kugi):
    """The path written: a Shapefile's name is its layer name, so one not naming the type is
    written as <folder>/<KUGI layer>.shp."""
    ext = os.path.splitext(out_path)[1].lower()
    if ext != ".shp":
        return out_path
    base = os.path.splitext(os.path.basename(out_path))[0]
    ln = kugi.parse_layer_name(base)
    if ln and (ln.theme, ln.geometry) == (ft.theme, ft.geometry) and ln.scale in (None, ft.scale) and ln.exact_case:
        return out_path
    return os.path.join(os.path.dirname(os.path.abspath(out_path)), ft.layer + ".shp")


def _refuse_source(path, ref, meta_sources=()):
    real = os.path.realpath(path)
    sources = {os.path.realpath(p) for p in ref.files} | ({os.path.realpath(ref.path)} if ref.path else set())
    if real in sources:
        raise InputError(tr("The output {path} is the source dataset itself; standardisation never writes to the "
                            "source. Choose a new file.").format(path=path))
    stem = os.path.splitext(real)[0]
    if os.path.splitext(real)[1].lower() != ".shp":
        return
    for p in sources | {os.path.realpath(m) for m in meta_sources if m}:
        if p.lower().endswith((".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml", ".xml")) and \
                os.path.splitext(p)[0] in (stem, stem + ".shp"):
            raise InputError(tr("The output {path} would replace files of the source dataset; choose another "
                                "name or folder.").format(path=path))


DEFAULTS_KEY = "simpul/metadata/defaults_path"     # the node defaults file picked on the Metadata page


def node_defaults(path=None):
    """The node's metadata defaults: the file ``path``, else the one last picked on the Metadata
    page (QgsSettings), merged over the bundled ones; a file that fails to load is skipped."""
    from qgis.core import QgsSettings
    from ..metadata.defaults import DefaultsError, load_defaults
    if not path:
        path = QgsSettings().value(DEFAULTS_KEY, "", type=str) or ""
        if path and not os.path.isfile(path):
            path = ""
        try:
            return load_defaults(path or None)
        except DefaultsError:
            return load_defaults()
    return load_defaults(path)


def metadata_identifier(out_path, layer_name, defaults=None):
    """The identifier of a generated record (stable for the same output file and layer)."""
    node = (defaults or {}).get("node_code", "") if isinstance(defaults, dict) else ""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "simpul:standardized:%s:%s:%s" % (
        node, os.path.abspath(out_path), layer_name)))


def _forget_styles(gpkg, table):
    """Drop the stored styles of ``table`` (a layer this run has just rewritten) from the
    GeoPackage, so that saving the new default style asks nothing (QGIS would otherwise ask,
    in a dialog, whether to overwrite a style of the same name)."""
    try:
        con = sqlite3.connect(gpkg, timeout=10)
        try:
            if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'").fetchone():
                con.execute("DELETE FROM layer_styles WHERE f_table_name = ?", (table,))
                con.commit()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise OSError(tr("The form (value maps) could not be saved in the GeoPackage: {error}").format(
            error=exc)) from None


def apply_value_maps(layer, feature_type, shapefile_qml=""):
    """Set every KUGI domain as a ValueMap widget on ``layer``'s form and save it as the layer's
    default style (GeoPackage layer_styles, or the .qml ``shapefile_qml``); returns the fields set."""
    done = []
    for attr in feature_type.all_attributes():
        idx = layer.fields().lookupField(attr.name)
        if idx < 0 or not attr.domain:
            continue
        config = {"map": [{label: code} for code, label in attr.domain]}
        layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup("ValueMap", config))
        done.append(attr.name)
    if not done:
        return done
    if shapefile_qml:
        message, ok = layer.saveNamedStyle(shapefile_qml)
        if not ok:
            raise OSError(tr("The form (value maps) could not be saved to {file}: {error}").format(
                file=shapefile_qml, error=message))
    else:
        error = layer.saveStyleToDatabase(feature_type.layer, tr("KUGI domains as value maps (Simpul)"), True, "")
        if error:
            raise OSError(tr("The form (value maps) could not be saved in the GeoPackage: {error}").format(error=error))
    return done


def _write_metadata(out_layer, out_path, layer_name, ft, metadata_path, ref, layer, defaults, identifier):
    """(id, sidecar path, generated) after writing the output's metadata record."""
    from ..metadata.generate import generate, refresh_from_layer
    from ..metadata.storage import read_sidecar, save_for_layer
    given = None
    if metadata_path:
        given = read_sidecar(metadata_path)
        if given is None or not (given.file_identifier or "").strip():
            raise InputError(tr("The metadata file {file} has no record identifier (gmd:fileIdentifier); it "
                                "cannot be referred to from METADATA.").format(file=metadata_path))
    generated = generate(out_layer, defaults, values={"file_identifier": identifier})
    record = generated if given is None else refresh_from_layer(given, generated)
    record.file_identifier = identifier
    saved = save_for_layer(record, out_layer)
    from ..metadata.check import check_record
    missing = [f.message for f in check_record(record, schema=False) if f.severity == "error"]
    return saved["sidecar"], missing


def _metadata_values(layer):
    """The one identifier the dataset's own METADATA column holds on every feature, or ''."""
    idx = next((i for i, f in enumerate(layer.fields()) if f.name().upper() == "METADATA"), -1)
    if idx < 0:
        return ""
    values = list(layer.uniqueValues(idx, 3))
    if len(values) != 1 or is_blank(values[0]):
        return ""
    return str(values[0]).strip()


def standardize_dataset(layer, out_path, feature_type=None, field_map=None, metadata_path="", ref=None,
                        defaults=None, feedback=None, kugi=None, assign_crs=None, target_crs=None):
    """Write the KUGI-standard copy of ``layer`` to ``out_path`` (.gpkg or .shp): see the module
    doc. Returns :class:`StandardizeResult`; :class:`InputError` for input it cannot use."""
    kugi = _catalogue(kugi)
    ref = ref or ref_of_layer(layer)
    ext = os.path.splitext(out_path)[1].lower()
    if ext not in (".gpkg", ".shp"):
        raise InputError(tr("Write the standardised dataset as a GeoPackage (.gpkg) or a Shapefile (.shp), "
                            "not {ext}.").format(ext=ext or tr("(no extension)")))
    ft, how, _ = resolve_feature_type(feature_type, layer, kugi)
    _check_geometry(layer, ft)
    fmap = resolve_field_map(field_map, layer.fields(), ft)
    if metadata_path and not os.path.isfile(metadata_path):
        raise InputError(tr("The metadata file {path} does not exist.").format(path=metadata_path))
    source_meta = "" if metadata_path else find_metadata(ref)
    _refuse_source(out_path, ref, [metadata_path, source_meta])      # what was asked, then what is written
    out_path = _output_path(out_path, ft, kugi)
    _refuse_source(out_path, ref, [metadata_path, source_meta])
    shapefile = ext == ".shp"
    notes = list(fmap.notes)
    if how == "suggested":
        notes.append(tr("Feature type suggested: {type}.").format(type=describe_type(ft)))
    if feedback:
        feedback.setProgress(1)

    work = tempfile.mkdtemp(prefix="simpul-standardize-")
    try:
        try:
            fixed = fix_dataset(layer, os.path.join(work, "fixed.gpkg"), ref, target_crs=target_crs,
                                assign_crs=assign_crs, feature_type=ft.fcode, layer_name="fixed",
                                feedback=SubFeedback(feedback, 1, 60))
        except OSError:
            # the fix refuses to finish a canceled run (nothing of it is kept): a cancel, not a write error
            if feedback and feedback.isCanceled():
                raise InputError(tr("Canceled.")) from None
            raise
        if feedback and feedback.isCanceled():
            raise InputError(tr("Canceled."))
        notes.extend(fixed.notes)
        src = QgsVectorLayer(fixed.uri, "fixed", "ogr")
        if not src.isValid():
            raise OSError(tr("The repaired copy could not be read again ({path}).").format(path=fixed.path))
        srs_idx = next((i for i, f in enumerate(src.fields()) if f.name().upper() == "SRS_ID"), -1)

        attrs = ft.all_attributes()
        out_fields = QgsFields()
        for a in attrs:
            out_fields.append(_out_field(a, shapefile))
        kugi_upper = {a.name.upper() for a in attrs}
        kept = [n for n in fmap.unmapped if src.fields().lookupField(n) >= 0]
        for n in kept:
            fld = QgsField(src.fields().field(n))
            if n.upper() in kugi_upper:     # a column named like a KUGI attribute another column was mapped to
                fld.setName(n + "_0")
                notes.append(tr("Column {name} is kept as {new}: {name} is filled from {source}.").format(
                    name=n, new=fld.name(), source=next((s_ for s_, t in fmap.pairs if t.upper() == n.upper()), "")))
            out_fields.append(fld)
        mapped = {t: s for s, t in fmap.pairs}
        added = [a.name for a in attrs if a.name not in mapped and a.name.upper() not in FILLED]

        domains, unmatched = {}, {}
        for a in attrs:
            s = mapped.get(a.name)
            if s and a.domain:
                mapping, bad = match_domain(_distinct(src, s), a)
                domains[a.name] = mapping
                if bad:
                    unmatched[a.name] = bad

        layer_name = ft.layer if not shapefile else os.path.splitext(os.path.basename(out_path))[0]
        given_meta = metadata_path or source_meta
        identifier = file_identifier(given_meta) if given_meta else ""
        if metadata_path and not identifier:
            raise InputError(tr("The metadata file {file} has no record identifier (gmd:fileIdentifier); it "
                                "cannot be referred to from METADATA.").format(file=metadata_path))
        if source_meta and not identifier:
            source_meta = ""
        generated = not identifier
        identifier = identifier or _metadata_values(layer) or metadata_identifier(out_path, layer_name, defaults)

        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.driverName = "ESRI Shapefile" if shapefile else "GPKG"
        opts.layerName = layer_name
        opts.fileEncoding = "UTF-8"
        on_existing = QgsVectorFileWriter.ActionOnExistingFile
        opts.actionOnExistingFile = (on_existing.CreateOrOverwriteLayer if not shapefile and os.path.exists(out_path)
                                     else on_existing.CreateOrOverwriteFile)
        os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
        created = shapefile or not os.path.exists(out_path)
        wkb = src.wkbType()
        promote = not QgsWkbTypes.isMultiType(wkb) and any(
            f.geometry().isMultipart() for f in src.getFeatures(QgsFeatureRequest().setNoAttributes()))
        if promote:                     # a repaired bow-tie is two parts: a single-part layer cannot hold it
            wkb = QgsWkbTypes.multiType(wkb)
        writer = QgsVectorFileWriter.create(out_path, out_fields, wkb, src.crs(),
                                            QgsCoordinateTransformContext(), opts)
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise OSError(tr("Could not create {path}: {error}").format(path=out_path, error=writer.errorMessage()))
        src_idx = {a.name: src.fields().lookupField(mapped[a.name]) for a in attrs if a.name in mapped}
        kept_idx = [src.fields().lookupField(n) for n in kept]
        not_converted, srs_value = {}, ""
        total = max(src.featureCount(), 1)
        count = 0
        for n, f in enumerate(src.getFeatures(QgsFeatureRequest())):
            if n % 500 == 0 and feedback:
                if feedback.isCanceled():
                    break
                feedback.setProgress(62 + 29.0 * n / total)
            values = f.attributes()
            row = []
            for a in attrs:
                up = a.name.upper()
                if up == "FCODE":
                    row.append(ft.fcode)
                elif up == "SRS_ID":
                    v = plain(values[srs_idx]) if srs_idx >= 0 else None
                    srs_value = srs_value or (str(v) if v is not None else "")
                    row.append(v)
                elif up == "METADATA":
                    row.append(identifier)
                elif a.name in src_idx:
                    v = plain(values[src_idx[a.name]])
                    if a.name in domains and not is_blank(v):
                        v = domains[a.name].get(v, v)
                    out, ok = convert(v, a.type)
                    if not ok:
                        not_converted[a.name] = not_converted.get(a.name, 0) + 1
                    row.append(out)
                else:
                    row.append(None)
            row.extend(plain(values[i]) for i in kept_idx)
            feat = QgsFeature(out_fields)
            feat.setAttributes(row)
            geom = f.geometry()
            if promote and not geom.isNull() and not geom.isMultipart():
                geom.convertToMultiType()
            feat.setGeometry(geom)
            if not writer.addFeature(feat):
                raise OSError(tr("Could not write feature {fid} to {path}: {error}").format(
                    fid=f.id(), path=out_path, error=writer.errorMessage()))
            count += 1
        del writer
        del src
        if feedback and feedback.isCanceled():
            if created:                 # a half-written file of ours is no result
                for ext_ in ((".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml") if shapefile else (".gpkg",)):
                    part = os.path.splitext(out_path)[0] + ext_
                    if os.path.exists(part):
                        os.remove(part)
            raise InputError(tr("Canceled."))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if not shapefile and not created:
        _forget_styles(out_path, layer_name)
    uri = out_path if shapefile else "%s|layername=%s" % (out_path, layer_name)
    out_layer = QgsVectorLayer(uri, layer_name, "ogr")
    if not out_layer.isValid():
        raise OSError(tr("The standardised dataset {path} could not be read again.").format(path=out_path))
    value_maps = apply_value_maps(out_layer, ft, os.path.splitext(out_path)[0] + ".qml" if shapefile else "")
    if value_maps:
        notes.append(tr("KUGI domains set as value maps on the form: {names}.").format(names=", ".join(value_maps)))
        del out_layer           # saving the style changed the file under the layer: read it afresh
        out_layer = QgsVectorLayer(uri, layer_name, "ogr")
    if feedback:
        feedback.setProgress(93)
    node = node_defaults()
    node.update({k: v for k, v in (defaults or {}).items() if v not in (None, "")})
    given = given_meta if not generated else ""
    sidecar, missing = _write_metadata(out_layer, out_path, layer_name, ft, given, ref, layer, node, identifier)
    if generated:
        notes.append(tr("Metadata record {id} generated: {file}.").format(id=identifier, file=sidecar))
    else:
        notes.append(tr("METADATA refers to the record {id} of {file}.").format(
            id=identifier, file=os.path.basename(given_meta)))
    warnings = []
    if missing:
        warnings.append(tr("The metadata record is not complete ({missing}): give the node defaults (DEFAULTS, with "
                           "organisation and e-mail) or complete it on the Metadata page.").format(
            missing="; ".join(missing)))
    for target, bad in unmatched.items():
        warnings.append(tr("{name}: values not in the KUGI domain: {values}.").format(
            name=target, values=", ".join(str(v) for v in bad[:20])))
    for target, n in not_converted.items():
        warnings.append(tr("{name}: {count} value(s) could not be converted to {type} and were left empty.").format(
            name=target, count=n, type=ft.attribute(target).type))
    if feedback:
        feedback.setProgress(100)
    counts = dict(fixed.counts)
    counts["features"] = count
    return StandardizeResult(out_path, layer_name, uri, ft, how, fmap, added, kept, unmatched, not_converted,
                             identifier, sidecar, generated, srs_value, fixed.crs, counts, notes, warnings)

