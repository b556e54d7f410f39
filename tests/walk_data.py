"""A raw parcel shapefile as a kabupaten keeps it (the walk test's input): DGN95 / UTM 50S
(EPSG:23880), a file name that is no KUGI name, lowercase fields ``nama``, ``jenis``,
``kecamatan``, no FCODE/SRS_ID/METADATA, cp1252 text without a ``.cpg`` (and no code page in the
.dbf header), two bow-tie polygons among clean squares, near Tanah Grogot (Kabupaten Paser).

    /usr/bin/python3 tests/walk_data.py OUT_DIR     → OUT_DIR/persil_tanahgrogot_2024.shp
"""
import os
import sys

TEXTS = ["Jl. Sudirman – Tanah Grogot", "Ma’ruf", "Café"]
NAME = "persil_tanahgrogot_2024"
FIELDS = ("nama", "jenis", "kecamatan")


def rows():
    """[(wkt, nama, jenis, kecamatan)]: 10 squares, of which two are bow-ties."""
    x0, y0, size = 411000.0, 9788000.0, 40.0
    out = []
    for i in range(10):
        x, y = x0 + (i % 5) * 60.0, y0 + (i // 5) * 60.0
        if i in (3, 7):     # bow-tie: the ring crosses itself
            ring = [(x, y), (x + size, y + size), (x + size, y), (x, y + size), (x, y)]
        else:
            ring = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
        wkt = "POLYGON((%s))" % ", ".join("%.1f %.1f" % p for p in ring)
        nama = TEXTS[i % 3] if i < 6 else "Persil %d" % (i + 1)
        out.append((wkt, nama, "Hak Milik" if i % 2 == 0 else "HGB", "Tanah Grogot"))
    return out


def make(out_dir):
    """Write the shapefile; returns its path."""
    from osgeo import ogr, osr
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, NAME + ".shp")
    drv = ogr.GetDriverByName("ESRI Shapefile")
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(23880)
    lyr = ds.CreateLayer(NAME, srs, ogr.wkbPolygon, options=["ENCODING=CP1252"])
    for name in FIELDS:
        field = ogr.FieldDefn(name, ogr.OFTString)
        field.SetWidth(80)
        lyr.CreateField(field)
    for wkt, nama, jenis, kec in rows():
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        feat.SetField("nama", nama)
        feat.SetField("jenis", jenis)
        feat.SetField("kecamatan", kec)
        lyr.CreateFeature(feat)
    ds = None
    cpg = os.path.join(out_dir, NAME + ".cpg")
    if os.path.exists(cpg):
        os.remove(cpg)
    with open(os.path.join(out_dir, NAME + ".dbf"), "r+b") as fh:   # no code page in the header either
        fh.seek(29)
        fh.write(b"\x00")
    return path


if __name__ == "__main__":
    print(make(sys.argv[1] if len(sys.argv) > 1 else "build/walk-data"))
