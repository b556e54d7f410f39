"""Writing the sample datasets: memory layers, GeoPackage/Shapefile output, read-back.

Used by demo/sample_data.py.  Only PyQGIS (GDAL/OGR through QGIS) and the standard
library.
"""
import os
import sqlite3

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsCoordinateTransformContext, QgsFeature, QgsGeometry,
                       QgsProject, QgsRectangle, QgsVectorFileWriter, QgsVectorLayer,
                       QgsWkbTypes)

# KUGI core attributes with the types/lengths KUGI data carry (see docs in shared README)
CORE_FIELDS = [("FCODE", "String", 50), ("NAMOBJ", "String", 250), ("REMARK", "String", 250),
               ("SRS_ID", "String", 50), ("METADATA", "String", 50)]

WKB = {"Point": "Point", "LineString": "MultiLineString", "Polygon": "MultiPolygon"}


def _uri_field(spec):
    name, typ = spec[0], spec[1]
    if typ == "String":
        return "field=%s:string(%d)" % (name, spec[2])
    if typ == "Real":
        return "field=%s:double(24,15)" % name
    if typ == "Integer":
        return "field=%s:integer" % name
    raise ValueError(typ)


def memory_layer(wkb, crs, fields, features):
    """A memory layer with ``fields`` [(name, type, length)] and ``features``
    [(attribute dict, QgsGeometry or None)], in that order."""
    uri = "%s?crs=%s&%s" % (wkb, crs, "&".join(_uri_field(f) for f in fields))
    layer = QgsVectorLayer(uri, "sample", "memory")
    if not layer.isValid():
        raise RuntimeError("memory layer: " + uri)
    feats = []
    for attrs, geom in features:
        f = QgsFeature(layer.fields())
        f.setAttributes([attrs.get(name) for name, *_ in fields])
        if geom is not None:
            f.setGeometry(geom)
        feats.append(f)
    ok, _ = layer.dataProvider().addFeatures(feats)
    if not ok:
        raise RuntimeError("could not add features")
    return layer


def write_layer(layer, path, driver, layer_name, encoding="UTF-8"):
    """Write ``layer`` to ``path``; a GeoPackage receives one more layer per call."""
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = driver
    opts.layerName = layer_name
    opts.fileEncoding = encoding
    if driver == "GPKG" and os.path.exists(path):
        opts.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    else:
        opts.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteFile
    os.makedirs(os.path.dirname(path), exist_ok=True)
    err, msg, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, QgsCoordinateTransformContext(), opts)
    if err != QgsVectorFileWriter.NoError:
        raise RuntimeError("writing %s|%s: %s" % (path, layer_name, msg))


def open_layer(path, layer_name, driver):
    uri = "%s|layername=%s" % (path, layer_name) if driver == "GPKG" else path
    layer = QgsVectorLayer(uri, layer_name, "ogr")
    if not layer.isValid():
        raise RuntimeError("cannot open " + uri)
    return layer


def set_null_geometry(path, layer_name, fid):
    """Store SQL NULL as the geometry of one GeoPackage feature (the writer turns a
    missing geometry into an empty one)."""
    layer = open_layer(path, layer_name, "GPKG")
    if not layer.dataProvider().changeGeometryValues({fid: QgsGeometry()}):
        raise RuntimeError("could not null the geometry of fid %d" % fid)
    del layer


def field_list(layer):
    out = []
    for f in layer.fields():
        if f.name().lower() == "fid":
            continue
        entry = {"name": f.name(), "type": f.typeName(), "length": f.length()}
        if f.precision():
            entry["precision"] = f.precision()
        out.append(entry)
    return out


def geometry_class(layer):
    return {QgsWkbTypes.PointGeometry: "Point", QgsWkbTypes.LineGeometry: "LineString",
            QgsWkbTypes.PolygonGeometry: "Polygon"}.get(layer.geometryType(), "Unknown")


def bbox_4326(layer):
    """Layer extent in lon/lat, rounded to 1e-6 degree.  Coordinates that cannot be
    transformed (the planted lon/lat swap) are reported as stored when the layer is
    geographic."""
    ext = layer.extent()
    crs = layer.crs()
    try:
        ct = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance())
        ext = ct.transformBoundingBox(ext)
    except Exception:  # QgsCsException
        if not crs.isGeographic():
            raise
        ext = QgsRectangle(ext)
    return [round(v, 6) for v in (ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum())]


def transformer(src, dst):
    """A function mapping (x, y) from CRS ``src`` to ``dst`` (authids)."""
    if src == dst:
        return lambda x, y: (x, y)
    ct = QgsCoordinateTransform(QgsCoordinateReferenceSystem(src), QgsCoordinateReferenceSystem(dst),
                                QgsProject.instance())

    def f(x, y):
        p = ct.transform(x, y)
        return p.x(), p.y()
    return f


def reproject(geom, src, dst):
    g = QgsGeometry(geom)
    g.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(src),
                                       QgsCoordinateReferenceSystem(dst), QgsProject.instance()))
    return g


def write_prj(shp_path, authid):
    """Replace GDAL's ESRI-style .prj with WKT1 carrying AUTHORITY["EPSG",...].

    GDAL 3.6 writes SRGI2013 as ESRI WKT that QGIS 3.22 matches to EPSG:9470 with only
    70 % confidence, so the layer would open with a CRS that has no authid."""
    wkt = QgsCoordinateReferenceSystem(authid).toWkt(QgsCoordinateReferenceSystem.WKT1_GDAL)
    with open(os.path.splitext(shp_path)[0] + ".prj", "w", encoding="ascii") as fh:
        fh.write(wkt)


def patch_cpg(shp_path, declared):
    """Replace the .cpg written by GDAL with ``declared`` (None: no .cpg at all) and
    clear the DBF language driver byte, so the only encoding hint is the given one."""
    base = os.path.splitext(shp_path)[0]
    cpg = base + ".cpg"
    if os.path.exists(cpg):
        os.remove(cpg)
    if declared is not None:
        with open(cpg, "w", encoding="ascii") as fh:
            fh.write(declared)
    with open(base + ".dbf", "r+b") as fh:
        fh.seek(29)           # dBASE header byte 29: language driver id
        fh.write(b"\x00")


def stamp_date(path, layer_name, date):
    """Set the file's own "last changed" date to ``date`` (YYYY-MM-DD) instead of today,
    so that the same content gives the same bytes on every run."""
    y, m, d = (int(v) for v in date.split("-"))
    if path.lower().endswith(".shp"):
        with open(os.path.splitext(path)[0] + ".dbf", "r+b") as fh:
            fh.seek(1)        # dBASE header bytes 1-3: year - 1900, month, day
            fh.write(bytes([y - 1900, m, d]))
        return
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?",
                        ("%sT00:00:00.000Z" % date, layer_name))
    finally:
        con.close()
