"""Safe fixes, written to a NEW dataset (the source is only ever read).

What is safe, and so done: repair invalid geometries (``makeValid``, keeping the layer's
geometry type); give the data an EPSG-coded reference system (assign ``ASSIGN_CRS`` when it
has none; the EPSG equivalent of an ESRI ``.prj``) and transform legacy datums to SRGI2013
with the policy's operation (DGN95 -> SRGI2013 is EPSG:9472, pinned in the transform
context); fill SRS_ID (and correct it where it names another datum than the output's);
trim text and re-encode it as UTF-8 (a Shapefile's DBF text is decoded with its real code
page).  Not safe, so left alone: empty geometries, duplicates, overlaps, gaps, slivers,
FCODE and METADATA values.
"""
import os
from dataclasses import dataclass, field

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
                       QgsCsException, QgsDatumTransform, QgsFeature, QgsFeatureRequest, QgsField,
                       QgsFields, QgsVectorFileWriter, QgsWkbTypes)

from ...compat import FieldType, WkbType
from ..runtime.events import observe
from ..i18n import tr
from ..files.safe_output import (OutputRefused, check_destination, explain, is_empty_file, is_geopackage, make_folder,
                           remove_quietly, temp_beside)
from ..standards.pack import crs_status
from .attribute_rules import srs_id_authid
from .context import Context, is_blank, plain
from .crs_identify import identify
from .encoding import _dbf_path, _guess, dbf_records, declared_encoding
from .settings import load_settings
from .sources import InputError, ref_of_layer


@dataclass
class FixResult:
    path: str
    layer_name: str
    uri: str
    crs: str
    counts: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)


def kugi_layer_name(layer, ref, feature_type=None):
    """The KUGI layer name of the dataset's feature type ('' when it is not known)."""
    try:
        ctx = Context(layer, ref, feature_type)
    except InputError:
        return ""
    return ctx.feature_type.layer if ctx.feature_type else ""


def pinned_context(src, dst, status):
    """A transform context that uses the policy's operation (e.g. EPSG:9472) from src to dst."""
    ctx = QgsCoordinateTransformContext()
    trans = status.transformation if status else None
    if not trans:
        return ctx, ""
    names = [s.get("name", "") for s in trans.get("steps", [])]
    codes = [s["code"].split(":")[-1] for s in trans.get("steps", [])]
    for op in QgsDatumTransform.operations(src, dst):
        direct = len(codes) == 1 and (op.authority, op.code) == ("EPSG", codes[0])
        if op.isAvailable and (direct or (names and all(n in op.name for n in names))):
            ctx.addCoordinateOperation(src, dst, op.proj)
            return ctx, op.name
    return ctx, ""


def _shapefile_text(ref, feedback=None):
    """{record: {field: text}} for DBF text that GDAL would decode wrongly, decoded right."""
    if not ref.path.lower().endswith(".shp") or not _dbf_path(ref.path):
        return {}, ""
    declared, _ = declared_encoding(ref.path)
    out, used = {}, ""
    for recno, raw in dbf_records(_dbf_path(ref.path)):
        if feedback and feedback.isCanceled():
            break
        for name, value in raw.items():
            codec = declared
            try:
                text = value.decode(declared) if declared else None
            except UnicodeDecodeError:
                text = None
            if text is None:
                codec = _guess(value) or "cp1252"
                text = value.decode(codec, "replace")
            used = used or codec
            out.setdefault(recno, {})[name.upper()] = text
    return out, used


def _output_crs(layer, assign_crs, target_crs):
    """(source CRS to read the coordinates in, output CRS, CRS status of the source, notes)."""
    notes = []
    src = layer.crs()
    authid, how = identify(src)
    if how == "none":
        if assign_crs is None or not assign_crs.isValid():
            notes.append(tr("The data has no reference system and none was given to assign (ASSIGN_CRS); "
                            "it is written without one."))
            return src, src, None, notes
        src = assign_crs
        authid = assign_crs.authid()
        notes.append(tr("Reference system {crs} assigned.").format(crs=authid or assign_crs.description()))
    elif how == "matched":
        src = QgsCoordinateReferenceSystem(authid)
        notes.append(tr("The .prj without EPSG code was read as {crs}.").format(crs=authid))
    status = crs_status(authid) if authid else None
    if target_crs is not None and target_crs.isValid():
        dst = target_crs
    elif status is not None and status.status == "flagged" and status.target:
        dst = QgsCoordinateReferenceSystem(status.target)
    else:
        dst = src
    return src, dst, status, notes


def _target_geometry(geom, wkb_type):
    """``geom`` made valid with the layer's geometry type kept; None if that is impossible."""
    fixed = geom.makeValid()
    if fixed.isNull() or fixed.isEmpty():
        return None
    kind = QgsWkbTypes.geometryType(wkb_type)
    if fixed.type() != kind or QgsWkbTypes.flatType(fixed.wkbType()) == WkbType.GeometryCollection:
        fixed = fixed.convertGeometryCollectionToSubclass(kind)
        if fixed.isNull() or fixed.isEmpty():
            return None
    if QgsWkbTypes.isMultiType(wkb_type) and not fixed.isMultipart():
        fixed.convertToMultiType()
    if not fixed.isGeosValid():
        return None
    return fixed


def fix_dataset(layer, out_path, ref=None, target_crs=None, assign_crs=None, make_valid=True,
                fill_srs_id=True, fix_text=True, layer_name=None, feature_type=None, feedback=None):
    """Write the fixed copy of ``layer`` to ``out_path`` (.gpkg or .shp); returns :class:`FixResult`."""
    ref = ref or ref_of_layer(layer)
    ext = os.path.splitext(out_path)[1].lower()
    if ext not in (".gpkg", ".shp"):
        raise InputError(tr("Write the fixed dataset as a GeoPackage (.gpkg) or a Shapefile (.shp), not {ext}.").format(
            ext=ext or tr("(no extension)")))
    real = os.path.realpath(out_path)
    if real in {os.path.realpath(p) for p in ref.files} or (ref.path and real == os.path.realpath(ref.path)):
        raise InputError(tr("The output {path} is the source dataset itself; the fix never writes to the "
                            "source. Choose a new file.").format(path=out_path))
    settings = load_settings()
    src, dst, status, notes = _output_crs(layer, assign_crs, target_crs)
    context, op_name = QgsCoordinateTransformContext(), ""
    transform = None
    if src.isValid() and dst.isValid() and src != dst:
        context, op_name = pinned_context(src, dst, status)
        transform = QgsCoordinateTransform(src, dst, context)
        notes.append(tr("Transformed from {src} to {dst}{how}.").format(
            src=src.authid(), dst=dst.authid(), how=(" " + tr("with {op}").format(op=op_name)) if op_name else ""))
    dst_authid, _ = identify(dst)
    dst_status = crs_status(dst_authid) if dst_authid else None
    fill = settings.srs_id_fill if dst_status and dst_status.datum == "SRGI2013" else \
        (dst_authid.split(":")[-1] if dst_authid else "")
    texts, codec = _shapefile_text(ref, feedback) if fix_text else ({}, "")
    fields = QgsFields(layer.fields())
    pk = set(layer.primaryKeyAttributes())
    srs_idx = fields.lookupField("SRS_ID")
    if srs_idx < 0:
        srs_idx = next((i for i, f in enumerate(fields) if f.name().upper() == "SRS_ID"), -1)
    add_srs = fill_srs_id and srs_idx < 0 and bool(fill)
    if add_srs:
        fields.append(QgsField("SRS_ID", FieldType.String, "String", 50))
        srs_idx = fields.count() - 1
    out_fields = QgsFields()
    keep = [i for i in range(fields.count()) if i not in pk]
    for i in keep:
        out_fields.append(fields.at(i))
    name = layer_name or kugi_layer_name(layer, ref, feature_type) or ref.layer_name
    # an existing GeoPackage keeps its other layers (a layer of the same name is replaced); an
    # existing file of another kind is refused. The fixed layer is written to a new file beside
    # the output and moved there only when complete: an error or a cancel leaves no partial output.
    check_destination(out_path, _same_kind(ext), tr("fixed dataset"))
    make_folder(out_path)
    final_path, out_path = out_path, temp_beside(out_path)
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG" if ext == ".gpkg" else "ESRI Shapefile"
    opts.layerName = name
    opts.fileEncoding = "UTF-8"
    opts.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    try:
        counts = _write_fixed(layer, out_path, out_fields, dst, opts, texts, fields, fix_text, fill_srs_id, srs_idx,
                              fill, settings, dst_status, add_srs, transform, make_valid, keep, notes, feedback,
                              final_path)
        if feedback is not None:
            feedback.setProgress(99)
        if feedback is not None and feedback.isCanceled():
            raise OutputRefused(tr("Canceled."))
        _move_into_place(out_path, final_path, ext, name)
    except OutputRefused:
        _remove_dataset(out_path, ext)
        raise
    except OSError as exc:
        _remove_dataset(out_path, ext)
        raise OutputRefused(explain(exc, final_path) if not isinstance(exc, _WriteError) else str(exc)) from None
    except BaseException:
        _remove_dataset(out_path, ext)
        raise
    out_path = final_path
    if codec:
        notes.append(tr("Text read as {codec} and written as UTF-8.").format(codec=codec))
    uri = "%s|layername=%s" % (out_path, name) if ext == ".gpkg" else out_path
    if feedback:
        feedback.setProgress(100)
    observe("fix", dataset=os.path.basename(out_path), features=counts.get("features", 0),
            source=os.path.basename(str(layer.source() if hasattr(layer, "source") else layer).split("|")[0]))
    return FixResult(out_path, name if ext == ".gpkg" else os.path.splitext(os.path.basename(out_path))[0], uri,
                     dst.authid(), counts, notes)


class _WriteError(OSError):
    """A writer's own failure, already a translated sentence."""

    def __str__(self):
        return self.args[0]


SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx")


def _same_kind(ext):
    def same(path):
        if is_empty_file(path):
            return True
        if ext == ".gpkg":
            return is_geopackage(path)
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x00\x00\x27\x0a"          # a Shapefile's file code (9994)
    return same


def _remove_dataset(path, ext):
    base = os.path.splitext(path)[0]
    parts = SHAPEFILE_PARTS if ext == ".shp" else (ext, ext + "-wal", ext + "-shm", ext + "-journal")
    remove_quietly(*[base + p for p in parts])


def _move_into_place(tmp, path, ext, name):
    if ext == ".shp":
        base, tmp_base = os.path.splitext(path)[0], os.path.splitext(tmp)[0]
        for part in SHAPEFILE_PARTS:
            if os.path.exists(tmp_base + part):
                os.replace(tmp_base + part, base + part)
            elif part in (".cpg", ".prj", ".qix", ".sbn", ".sbx", ".qpj"):
                remove_quietly(base + part)     # the old copy's, it would not match the new file
        return
    if not os.path.exists(path) or is_empty_file(path):
        os.replace(tmp, path)
        return
    # an existing GeoPackage: add (or replace) the one layer, the others stay
    from qgis.core import QgsVectorLayer
    done = QgsVectorLayer("%s|layername=%s" % (tmp, name), name, "ogr")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = name
    opts.fileEncoding = "UTF-8"
    opts.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    err, msg = QgsVectorFileWriter.writeAsVectorFormatV3(done, path, QgsCoordinateTransformContext(), opts)[:2]
    del done
    if err != QgsVectorFileWriter.WriterError.NoError:
        raise _WriteError(tr("Could not create {path}: {error}").format(path=path, error=msg))
    _remove_dataset(tmp, ext)


def _write_fixed(layer, out_path, out_fields, dst, opts, texts, fields, fix_text, fill_srs_id, srs_idx, fill,
                 settings, dst_status, add_srs, transform, make_valid, keep, notes, feedback, shown):
    writer = QgsVectorFileWriter.create(out_path, out_fields, layer.wkbType(), dst, QgsCoordinateTransformContext(),
                                        opts)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise _WriteError(tr("Could not create {path}: {error}").format(path=shown, error=writer.errorMessage()))
    counts = {"features": 0, "made_valid": 0, "not_fixed": 0, "srs_id_filled": 0, "text_trimmed": 0,
              "text_reencoded": 0, "transformed": 0}
    total = max(layer.featureCount(), 1)
    names_upper = [f.name().upper() for f in fields]
    for n, f in enumerate(layer.getFeatures(QgsFeatureRequest())):
        if n % 1000 == 0 and feedback:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * n / total)
        attrs = list(f.attributes()) + ([None] if add_srs else [])
        for name_u, text in texts.get(f.id(), {}).items():
            if name_u in names_upper and attrs[names_upper.index(name_u)] != text:
                attrs[names_upper.index(name_u)] = text
                counts["text_reencoded"] += 1
        if fix_text:
            for i, v in enumerate(attrs):
                if isinstance(v, str) and v != v.strip():
                    attrs[i] = v.strip()
                    counts["text_trimmed"] += 1
        if fill_srs_id and srs_idx >= 0 and fill:
            value = plain(attrs[srs_idx])
            code = srs_id_authid(str(value), settings) if not is_blank(value) else ""
            named = crs_status(code).datum if code else ""
            if is_blank(value) or (dst_status and named != dst_status.datum):
                attrs[srs_idx] = fill
                counts["srs_id_filled"] += 1
        g = f.geometry()
        if not g.isNull() and not g.isEmpty():
            if transform is not None:
                try:
                    g.transform(transform)
                    counts["transformed"] += 1
                except QgsCsException:
                    notes.append(tr("Feature {fid} could not be transformed; it is written unchanged.").format(
                        fid=f.id()))
            if make_valid and not g.isGeosValid():
                fixed = _target_geometry(g, layer.wkbType())
                if fixed is None:
                    counts["not_fixed"] += 1
                else:
                    g = fixed
                    counts["made_valid"] += 1
        out = QgsFeature(out_fields)
        out.setAttributes([attrs[i] for i in keep])
        out.setGeometry(g)
        if not writer.addFeature(out):
            raise _WriteError(tr("Could not write feature {fid} to {path}: {error}").format(
                fid=f.id(), path=shown, error=writer.errorMessage()))
        counts["features"] += 1
    del writer
    return counts
