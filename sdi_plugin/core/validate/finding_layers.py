"""The report's findings as in-memory layers (one per geometry kind, and a table of every
finding): what the error layer file writes and what the HTML report's map thumbnail draws."""
import json

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsFeature, QgsField,
                       QgsFields, QgsGeometry, QgsProject, QgsVectorLayer, QgsWkbTypes)

from ...compat import FieldType, GeometryType, WkbType
from ..network.secrets import redact, redact_all
from .severity import style

LAYERS = (("errors_point", GeometryType.Point, "MultiPoint"),
          ("errors_line", GeometryType.Line, "MultiLineString"),
          ("errors_polygon", GeometryType.Polygon, "MultiPolygon"))
BATCH_CRS = "EPSG:9470"


def fields():
    out = QgsFields()
    for name, kind in (("rule", FieldType.String), ("severity", FieldType.String), ("message", FieldType.String),
                       ("fix", FieldType.String), ("feature_id", FieldType.LongLong), ("dataset", FieldType.String),
                       ("details", FieldType.String)):
        out.append(QgsField(name, kind))
    return out


def output_crs(report):
    """The error layer's CRS: the dataset's own, or SRGI2013 geographic for a mixed batch."""
    wkts = {r.crs_wkt for r in report.results if r.crs_wkt}
    if len(wkts) == 1:
        return QgsCoordinateReferenceSystem.fromWkt(wkts.pop())
    return QgsCoordinateReferenceSystem(BATCH_CRS)


def _geometry(finding, transform):
    wkb = finding.location_wkb
    if wkb:
        g = QgsGeometry()
        g.fromWkb(wkb)
    elif finding.location:
        g = QgsGeometry.fromWkt(finding.location)
    else:
        return None
    if g.isNull() or g.isEmpty():
        return None
    if QgsWkbTypes.flatType(g.wkbType()) == WkbType.GeometryCollection:
        for kind in (GeometryType.Polygon, GeometryType.Line, GeometryType.Point):
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
    for name, _kind, wkb in LAYERS:
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
