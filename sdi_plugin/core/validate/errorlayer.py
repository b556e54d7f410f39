"""The error layer: every finding with a location as a feature, in a GeoPackage.

Layers written (only those that have features, ``findings`` always):
``errors_point``, ``errors_line``, ``errors_polygon`` (the finding's location: a GEOS error
point, an overlap area, a gap, the sliver, a point on the feature …) and ``findings`` (a table
without geometry: every finding, also those about the whole dataset).  Attributes: ``rule``,
``severity``, ``message``, ``fix``, ``feature_id``, ``dataset``, ``details`` (JSON).  Each
spatial layer carries a default style (red errors, orange warnings, blue infos).
"""
import json
import os

from qgis.core import (QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsCoordinateTransformContext, QgsCsException, QgsFeature, QgsField, QgsFields,
                       QgsGeometry, QgsProject, QgsRendererCategory, QgsSymbol, QgsVectorFileWriter,
                       QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ..findings import ERROR, INFO, WARNING
from ..i18n import tr
from ..network.secrets import redact, redact_all
from ..files.safe_output import (OutputRefused, check_destination, explain, geopackage_layers, make_folder,
                           remove_quietly, temp_beside)

LAYERS = (("errors_point", QgsWkbTypes.PointGeometry, "MultiPoint"),
          ("errors_line", QgsWkbTypes.LineGeometry, "MultiLineString"),
          ("errors_polygon", QgsWkbTypes.PolygonGeometry, "MultiPolygon"))
COLOURS = {ERROR: "#c0392b", WARNING: "#e67e22", INFO: "#2e86c1"}
BATCH_CRS = "EPSG:9470"
ERROR_LAYER_FILE_TABLES = {"errors_point", "errors_line", "errors_polygon", "findings", "layer_styles"}


def fields():
    out = QgsFields()
    for name, kind in (("rule", QVariant.String), ("severity", QVariant.String), ("message", QVariant.String),
                       ("fix", QVariant.String), ("feature_id", QVariant.LongLong), ("dataset", QVariant.String),
                       ("details", QVariant.String)):
        out.append(QgsField(name, kind))
    return out


def severity_labels():
    return {ERROR: tr("Error"), WARNING: tr("Warning"), INFO: tr("Info")}


def style(layer):
    """Colour the error layer by severity."""
    labels = severity_labels()
    cats = []
    for sev in (ERROR, WARNING, INFO):
        sym = QgsSymbol.defaultSymbol(layer.geometryType())
        sym.setColor(QColor(COLOURS[sev]))
        if layer.geometryType() == QgsWkbTypes.PolygonGeometry:
            sym.setOpacity(0.6)
        elif layer.geometryType() == QgsWkbTypes.PointGeometry:
            sym.symbolLayer(0).setSize(3.0)
        elif layer.geometryType() == QgsWkbTypes.LineGeometry:
            sym.setWidth(0.8)
        cats.append(QgsRendererCategory(sev, sym, labels[sev]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("severity", cats))
    return layer


def output_crs(report):
    """The error layer's CRS: the dataset's own, or SRGI2013 geographic for a mixed batch."""
    wkts = {r.crs_wkt for r in report.results if r.crs_wkt}
    if len(wkts) == 1:
        return QgsCoordinateReferenceSystem.fromWkt(wkts.pop())
    return QgsCoordinateReferenceSystem(BATCH_CRS)


def _geometry(finding, transform):
    if not finding.location:
        return None
    g = QgsGeometry.fromWkt(finding.location)
    if g.isNull() or g.isEmpty():
        return None
    if QgsWkbTypes.flatType(g.wkbType()) == QgsWkbTypes.GeometryCollection:
        for kind in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.LineGeometry, QgsWkbTypes.PointGeometry):
            part = g.convertGeometryCollectionToSubclass(kind)
            if not part.isNull() and not part.isEmpty():
                g = part
                break
        else:
            return None
    if not QgsWkbTypes.isMultiType(g.wkbType()):
        g.convertToMultiType()
    if transform is not None:
        try:
            g.transform(transform)
        except QgsCsException:
            return None
    return g


def memory_layers(report, crs=None):
    """{name: memory layer} of the report's findings (used for the file and the thumbnail)."""
    crs = crs or output_crs(report)
    flds = fields()
    layers = {}
    for name, kind, wkb in LAYERS:
        layer = QgsVectorLayer("%s?crs=%s" % (wkb, crs.authid() or "EPSG:4326"), name, "memory")
        if not crs.authid():
            layer.setCrs(crs)
        layer.dataProvider().addAttributes(list(flds))
        layer.updateFields()
        layers[name] = layer
    table = QgsVectorLayer("None", "findings", "memory")
    table.dataProvider().addAttributes(list(flds))
    table.updateFields()
    feats = {name: [] for name in layers}
    rows = []
    for result in report.results:
        src = QgsCoordinateReferenceSystem.fromWkt(result.crs_wkt) if result.crs_wkt else None
        transform = None
        if src is not None and src.isValid() and crs.isValid() and src != crs:
            transform = QgsCoordinateTransform(src, crs, QgsProject.instance())
        for f in result.findings:
            attrs = [f.rule, f.severity, redact(f.message), redact(f.fix),
                     f.feature_id if isinstance(f.feature_id, int) else None, redact(result.label),
                     json.dumps(redact_all(f.details), ensure_ascii=False, default=str) if f.details else None]
            row = QgsFeature(table.fields())
            row.setAttributes(attrs)
            rows.append(row)
            g = _geometry(f, transform)
            if g is None:
                continue
            for name, kind, _ in LAYERS:
                if g.type() == kind:
                    feat = QgsFeature(layers[name].fields())
                    feat.setAttributes(attrs)
                    feat.setGeometry(g)
                    feats[name].append(feat)
                    break
    for name, layer in layers.items():
        layer.dataProvider().addFeatures(feats[name])
        layer.updateExtents()
        style(layer)
    table.dataProvider().addFeatures(rows)
    return layers, table


def is_error_layer_file(path):
    """An earlier Simpul error layer (a GeoPackage holding only its layers), or an empty file:
    what a new error layer may replace."""
    if os.path.isfile(path) and os.path.getsize(path) == 0:
        return True
    names = geopackage_layers(path)
    return names is not None and names <= ERROR_LAYER_FILE_TABLES


def write_error_layer(report, path):
    """Write the error GeoPackage; returns [(layer name, feature count, uri)] of what it holds.
    Written beside ``path`` and renamed onto it when complete; an existing file is replaced only
    when it is an earlier error layer (never a GeoPackage of the user's)."""
    check_destination(path, is_error_layer_file, tr("error layer"))
    make_folder(path)
    tmp = temp_beside(path)
    try:
        written = _write_error_layer(report, tmp)
        remove_quietly(path + "-wal", path + "-shm")   # the old file's journal must not meet the new one
        os.replace(tmp, path)
    except OSError as exc:
        remove_quietly(tmp)
        raise OutputRefused(explain(exc, path)) from None
    except BaseException:
        remove_quietly(tmp)
        raise
    return [(name, count, "%s|layername=%s" % (path, name)) for name, count in written]


def _write_error_layer(report, path):
    layers, table = memory_layers(report)
    written = []
    first = True
    for name, layer in list(layers.items()) + [("findings", table)]:
        if name != "findings" and layer.featureCount() == 0:
            continue
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.driverName = "GPKG"
        opts.layerName = name
        opts.fileEncoding = "UTF-8"
        opts.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteFile if first
                                     else QgsVectorFileWriter.CreateOrOverwriteLayer)
        err, msg, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), opts)
        if err != QgsVectorFileWriter.NoError:
            raise OSError(tr("Could not write the error layer {path}: {error}").format(path=path, error=msg))
        first = False
        uri = "%s|layername=%s" % (path, name)
        if name != "findings":
            saved = QgsVectorLayer(uri, name, "ogr")
            if saved.isValid():
                style(saved)
                saved.saveStyleToDatabase(name, tr("Simpul validation findings by severity"), True, "")
            del saved
        written.append((name, layer.featureCount()))
    return written
