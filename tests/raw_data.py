"""Raw regional datasets as a kabupaten keeps them (not KUGI), for sdi:standardizedataset.

``make_raw(folder)`` writes them and returns {key: RawDataset}. Each says what it is, the feature
type it should become and the exact texts that must survive (UTF-8 in the output).

- ``persil``: parcels, Shapefile ``persil_desa_x.shp`` in DGN95 / UTM 50S (EPSG:23880), lowercase
  fields nama, jenis, kecamatan, no FCODE/SRS_ID/METADATA, cp1252 text WITHOUT a .cpg (the DBF
  header names no code page either), two bow-tie (self-intersecting) polygons.
- ``jalan``: road lines, Shapefile ``jalan_kab_2019.shp`` in ID74 / UTM 50S (EPSG:23890), UTF-8
  with a .cpg, fields nama_jalan, jenis, status.
- ``toponimi``: place-name points, Shapefile ``titik_nama_tempat.shp`` in WGS 84 (EPSG:4326), latin-1
  text without a .cpg, fields nama, kabupaten.
- ``desa``: village areas, GeoPackage ``batas_wilayah.gpkg`` layer ``desa_2020`` in WGS 84 / UTM 50S
  (EPSG:32750), UTF-8, fields desa, kecamatan, tipe (coded values written as labels in mixed case).
- ``tutupan``: land cover, DGN95 geographic, polygons with Z, areas as text ("1.234,5").
- ``sungai``: rivers in DGN95 / TM-3 zone 50.1, cp1252 without .cpg.
- ``batas``: district boundary lines (SRGI2013 / UTM 50S), three coded columns written as labels.
"""
import os
from dataclasses import dataclass, field

from osgeo import ogr, osr

# Tanah Grogot, Kabupaten Paser (Kalimantan Timur): about 116.19 E, 1.91 S; UTM zone 50 south.
X0, Y0 = 410800.0, 9788600.0


@dataclass
class RawDataset:
    key: str
    path: str
    layer: str              # the layer name inside the file
    epsg: int
    feature_type: str       # the KUGI layer it becomes
    texts: dict = field(default_factory=dict)    # {source field: [exact texts]}
    field_map: dict = field(default_factory=dict)    # {source field: KUGI attribute} expected automatically
    bow_ties: int = 0
    codes: dict = field(default_factory=dict)   # {KUGI attribute: {source value: code}}

    @property
    def files(self):
        base = os.path.splitext(self.path)[0]
        exts = (".shp", ".shx", ".dbf", ".prj", ".cpg") if self.path.endswith(".shp") else (".gpkg",)
        return [base + e for e in exts if os.path.exists(base + e)]

    @property
    def uri(self):
        return self.path if self.path.endswith(".shp") else "%s|layername=%s" % (self.path, self.layer)


def _srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def _square(x, y, w, h):
    return "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))" % (x, y, x + w, y, x + w, y + h, x, y + h, x, y)


def _bow_tie(x, y, s):
    return "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))" % (x, y, x + s, y + s, x + s, y, x, y + s, x, y)


def _write(path, layer_name, epsg, geom_type, fields, rows, driver="ESRI Shapefile", encoding=None):
    drv = ogr.GetDriverByName(driver)
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.CreateDataSource(path)
    options = ["ENCODING=%s" % encoding] if encoding is not None else []
    lyr = ds.CreateLayer(layer_name, _srs(epsg), geom_type, options=options)
    for name, kind, width in fields:
        fd = ogr.FieldDefn(name, kind)
        if width:
            fd.SetWidth(width)
        lyr.CreateField(fd)
    for values, wkt in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for (name, _, _), v in zip(fields, values):
            if v is not None:
                f.SetField(name, v)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
        f = None
    lyr = None
    ds = None


def _recode_dbf(shp_path, texts, codec):
    """Write the DBF's text in ``codec``: each text was written as an ASCII stand-in of the same
    byte length (single-byte code pages), replaced here byte for byte; no .cpg is left."""
    base = os.path.splitext(shp_path)[0]
    with open(base + ".dbf", "rb") as fh:
        data = fh.read()
    for text in sorted(set(texts), key=len, reverse=True):     # longest first: one may contain another
        stand_in = _stand_in(text)
        raw = text.encode(codec)
        assert len(raw) == len(stand_in) and stand_in.encode("ascii") in data, text
        data = data.replace(stand_in.encode("ascii"), raw)
    data = data[:29] + b"\x00" + data[30:]          # language driver id: none
    with open(base + ".dbf", "wb") as fh:
        fh.write(data)
    if os.path.exists(base + ".cpg"):
        os.remove(base + ".cpg")


def _stand_in(text):
    return "".join(c if ord(c) < 128 else "~" for c in text)


def make_persil(folder):
    path = os.path.join(folder, "persil_desa_x.shp")
    names = ["Jl. Sudirman – Tanah Grogot", "Ma’ruf", "Café", "Hj. Siti Aminah", "Tanah Ulayat Ma’ruf"]
    kinds = ["Hak Milik", "Hak Guna Bangunan", "Hak Milik", "Hak Pakai", "Hak Milik"]
    kec = ["Tanah Grogot", "Tanah Grogot", "Pasir Belengkong", "Tanah Grogot", "Kuaro"]
    rows = []
    for i in range(5):
        x, y = X0 + i * 60.0, Y0
        wkt = _bow_tie(x, y, 40.0) if i in (1, 3) else _square(x, y, 40.0, 40.0)
        rows.append(([_stand_in(names[i]), kinds[i], kec[i]], wkt))
    _write(path, "persil_desa_x", 23880, ogr.wkbPolygon,
           [("nama", ogr.OFTString, 60), ("jenis", ogr.OFTString, 30), ("kecamatan", ogr.OFTString, 40)], rows,
           encoding="")
    _recode_dbf(path, [n for n in names if _stand_in(n) != n], "cp1252")
    return RawDataset("persil", path, "persil_desa_x", 23880, "PERSIL_AR_1K",
                      texts={"nama": names, "kecamatan": kec},
                      field_map={"nama": "NAMOBJ", "jenis": "TIPHAK", "kecamatan": "WADMKC"}, bow_ties=2)


def make_jalan(folder):
    path = os.path.join(folder, "jalan_kab_2019.shp")
    names = ["Jl. Jenderal Sudirman", "Jl. Kusuma Bangsa – Senaken", "Jl. Ma’ruf Amin", "Jalan Poros Batu Kajang"]
    rows = []
    for i, n in enumerate(names):
        x, y = X0 + i * 300.0, Y0 + 500.0
        rows.append(([n, "Kolektor" if i % 2 else "Lokal", "Kabupaten"],
                     "LINESTRING (%f %f, %f %f, %f %f)" % (x, y, x + 150, y + 80, x + 280, y + 60)))
    _write(path, "jalan_kab_2019", 23890, ogr.wkbLineString,
           [("nama_jalan", ogr.OFTString, 80), ("jenis", ogr.OFTString, 30), ("status", ogr.OFTString, 30)], rows,
           encoding="UTF-8")
    return RawDataset("jalan", path, "jalan_kab_2019", 23890, "JALAN_LN_25K",
                      texts={"nama_jalan": names}, field_map={"jenis": "JNSJLN", "status": "STSJLN"})


def make_toponimi(folder):
    path = os.path.join(folder, "titik_nama_tempat.shp")
    names = ["Pénajam", "Muara Komam", "Long Ikis", "Batu Sopang", "Kampung Señor"]
    rows = []
    for i, n in enumerate(names):
        lon, lat = 116.05 + i * 0.07, -1.95 + i * 0.03
        rows.append(([_stand_in(n), "Paser"], "POINT (%f %f)" % (lon, lat)))
    _write(path, "titik_nama_tempat", 4326, ogr.wkbPoint,
           [("nama", ogr.OFTString, 50), ("kabupaten", ogr.OFTString, 40)], rows, encoding="")
    _recode_dbf(path, [n for n in names if _stand_in(n) != n], "latin-1")
    return RawDataset("toponimi", path, "titik_nama_tempat", 4326, "TOPONIMI_PT_10K",
                      texts={"nama": names, "kabupaten": ["Paser"] * 5},
                      field_map={"nama": "NAMOBJ", "kabupaten": "WADMKK"})


def make_desa(folder):
    path = os.path.join(folder, "batas_wilayah.gpkg")
    desa = ["Tanah Grogot", "Senaken", "Sungai Tuak", "Pepara", "Janju", "Tepian Batang"]
    tipe = ["Kelurahan", "desa", " DESA ", "Désa", "Desa", "kelurahan"]
    rows = []
    for i, n in enumerate(desa):
        x, y = X0 + (i % 3) * 1000.0, Y0 + 2000.0 + (i // 3) * 1000.0
        rows.append(([n, "Tanah Grogot", tipe[i]], _square(x, y, 1000.0, 1000.0)))
    _write(path, "desa_2020", 32750, ogr.wkbPolygon,
           [("desa", ogr.OFTString, 60), ("kecamatan", ogr.OFTString, 60), ("tipe", ogr.OFTString, 20)], rows,
           driver="GPKG")
    codes = {t: ("2" if t.strip().lower() == "kelurahan" else "1") for t in tipe}
    return RawDataset("desa", path, "desa_2020", 32750, "ADMINISTRASIDESA_AR_10K",
                      texts={"desa": desa, "kecamatan": ["Tanah Grogot"] * 6},
                      field_map={"desa": "WADMKD", "kecamatan": "WADMKC", "tipe": "TIPADM"},
                      codes={"TIPADM": codes})


def make_tutupan(folder):
    """Land cover, DGN95 geographic (EPSG:4755), polygons with Z, areas written the Indonesian way."""
    path = os.path.join(folder, "tutupan_lahan_2022.shp")
    rows, kelas = [], ["Hutan lahan kering", "Perkebunan sawit", "Sawah"]
    for i, k in enumerate(kelas):
        x, y = 116.10 + i * 0.01, -1.90
        rows.append(([k, ["1.234,5", "880,25", "12"][i]],
                     "POLYGON Z ((%f %f 5, %f %f 5, %f %f 5, %f %f 5, %f %f 5))" % (
                         x, y, x + 0.01, y, x + 0.01, y + 0.01, x, y + 0.01, x, y)))
    _write(path, "tutupan_lahan_2022", 4755, ogr.wkbPolygon25D,
           [("kelas", ogr.OFTString, 40), ("luas_ha", ogr.OFTString, 20)], rows, encoding="UTF-8")
    return RawDataset("tutupan", path, "tutupan_lahan_2022", 4755, "PENUTUPLAHAN_AR_25K",
                      texts={"kelas": kelas}, field_map={"luas_ha": "LUASHA"})


def make_sungai(folder):
    """Rivers in DGN95 / Indonesia TM-3 zone 50.1 (EPSG:23837), a truncated DBF field name."""
    path = os.path.join(folder, "sungai_kab.shp")
    names = ["Sungai Kandilo", "Sungai Kasungai", "Sungai Tell’ao"]
    rows = [([_stand_in(n)], "LINESTRING (%f 1290000, %f 1290400)" % (200000 + i * 900, 200500 + i * 900))
            for i, n in enumerate(names)]
    _write(path, "sungai_kab", 23837, ogr.wkbLineString, [("nama_sunga", ogr.OFTString, 50)], rows, encoding="")
    _recode_dbf(path, [n for n in names if _stand_in(n) != n], "cp1252")
    return RawDataset("sungai", path, "sungai_kab", 23837, "SUNGAI_LN_25K",
                      texts={"nama_sunga": names}, field_map={"nama_sunga": "NAMOBJ"})


def make_batas(folder):
    """District boundary lines in SRGI2013 / UTM 50S, coded values written as their labels."""
    path = os.path.join(folder, "batas_kecamatan.gpkg")
    rows = [(["Batas Kecamatan/Distrik", "hasil kesepakatan", "Darat"],
             "LINESTRING (410000 9788000, 411000 9789000)"),
            (["batas kelurahan/desa", "Belum ditegaskan", "darat"], "LINESTRING (411000 9789000, 412000 9789500)")]
    _write(path, "garis_batas", 9490, ogr.wkbLineString,
           [("jenis_batas", ogr.OFTString, 50), ("status_batas", ogr.OFTString, 50), ("lokasi", ogr.OFTString, 20)],
           rows, driver="GPKG")
    return RawDataset("batas", path, "garis_batas", 9490, "ADMINISTRASI_LN_50K",
                      field_map={"jenis_batas": "KLBADM", "status_batas": "STSBTS", "lokasi": "TIPLOK"},
                      codes={"KLBADM": {"Batas Kecamatan/Distrik": "9", "batas kelurahan/desa": "10"}})


def make_raw(folder):
    """Every raw dataset, written into ``folder``: {key: RawDataset}."""
    os.makedirs(folder, exist_ok=True)
    out = {}
    for maker in (make_persil, make_jalan, make_toponimi, make_desa, make_tutupan, make_sungai, make_batas):
        ds = maker(folder)
        out[ds.key] = ds
    return out


if __name__ == "__main__":
    import sys
    for key, ds in make_raw(sys.argv[1] if len(sys.argv) > 1 else "raw_data").items():
        print(key, ds.path)
