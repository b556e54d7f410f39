"""The records of the test catalogues: three pycsw catalogues whose holdings overlap, so that
federated search has duplicates to merge (same identifier at two nodes; the same dataset under
two identifiers with the same title and extent), plus the OGC API Records set for pygeoapi.

Plain data; ``write_iso(datasets, out_dir, public_url)`` renders ISO 19139 with the demo node's
record builder (``demo/records.py``)."""
import json
import os

KALTENG = (110.7, -3.55, 115.85, 0.8)
PASER = (115.6, -2.35, 116.6, -1.05)
TANGERANG = (106.55, -6.28, 106.73, -6.09)
INDONESIA = (95.0, -11.0, 141.0, 6.0)


def _ds(mid, title, category, bbox, date, organisation, keywords=(), abstract=""):
    return {"id": mid.replace("-", "_"), "metadata_id": mid, "title": title, "kugi_category": category,
            "bbox_4326": list(bbox), "date": date, "organisation": organisation, "keywords": list(keywords),
            "abstract": abstract or "%s (data uji Simpul)." % title, "crs": "EPSG:4326", "scale": 25000,
            "format": "GPKG"}


RBI_KALTENG = _ds("big-rbi-kalteng", "Rupa Bumi Indonesia 1:25.000 Kalimantan Tengah", "Referensi Spasial", KALTENG,
                  "2020-06-01", "Badan Informasi Geospasial", ["RBI", "peta dasar"])
BATAS_KAB = _ds("big-batas-kabkota", "Batas Kabupaten/Kota Indonesia", "Batas Wilayah", INDONESIA, "2024-01-10",
                "Badan Informasi Geospasial", ["batas administrasi", "kabupaten", "kota"])
JALAN_PASER = _ds("paser-jalan-2022", "Jaringan Jalan Kabupaten Paser", "Transportasi", PASER, "2022-08-17",
                  "Bappeda Kabupaten Paser", ["jalan", "JALAN_LN_25K"])
# The same dataset, catalogued again by the province under another identifier.
JALAN_PASER_AGAIN = dict(_ds("kalteng-copy-of-paser-jalan", "Jaringan Jalan Kabupaten Paser", "Transportasi", PASER,
                             "2022-08-17", "Bappeda Provinsi Kalimantan Tengah", ["jalan"]))

CATALOGUES = {
    "kalteng": {
        "name": "Geoportal Kalimantan Tengah", "level": "provinsi",
        "datasets": [
            _ds("kalteng-batas-desa", "Batas Desa Kalimantan Tengah", "Batas Wilayah", KALTENG, "2023-05-02",
                "Bappeda Provinsi Kalimantan Tengah", ["batas desa", "ADMINISTRASIDESA_AR_25K"]),
            _ds("kalteng-sungai", "Sungai Kalimantan Tengah", "Hidrografi", KALTENG, "2021-07-01",
                "Dinas PUPR Provinsi Kalimantan Tengah", ["sungai", "SUNGAI_LN_25K"]),
            _ds("kalteng-jalan", "Jaringan Jalan Provinsi Kalimantan Tengah", "Transportasi", KALTENG, "2022-03-01",
                "Dinas PUPR Provinsi Kalimantan Tengah", ["jalan", "JALAN_LN_25K"]),
            RBI_KALTENG,
            JALAN_PASER_AGAIN,
        ],
    },
    "big": {
        "name": "Ina-Geoportal (uji)", "level": "nasional",
        "datasets": [RBI_KALTENG, BATAS_KAB, JALAN_PASER,
                     _ds("tangerang-bangunan", "Bangunan Kota Tangerang", "Lingkungan Terbangun", TANGERANG,
                         "2023-11-20", "Bappeda Kota Tangerang", ["bangunan", "BANGUNAN_AR_5K"])],
    },
    "paser": {
        # This catalogue runs without pycsw's ISO profile: it answers in Dublin Core only.
        "name": "Simpul Jaringan Kabupaten Paser", "level": "kabupaten", "dublin_core_only": True,
        "datasets": [JALAN_PASER, BATAS_KAB,
                     _ds("paser-batas-desa", "Batas Desa Kabupaten Paser", "Batas Wilayah", PASER, "2023-02-14",
                         "Bappeda Kabupaten Paser", ["batas desa"]),
                     _ds("paser-sungai", "Sungai Kabupaten Paser", "Hidrografi", PASER, "2019-12-31",
                         "Bappeda Kabupaten Paser", ["sungai"])],
    },
}


def write_iso(datasets, out_dir, public_url):
    """One ISO 19139 file per dataset in ``out_dir``; returns the paths."""
    from demo.records import record_bytes
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for i, ds in enumerate(datasets):
        path = os.path.join(out_dir, "%02d_%s.xml" % (i, ds["metadata_id"]))
        with open(path, "wb") as fh:
            fh.write(record_bytes(ds, public_url))
        paths.append(path)
    return paths


# --- OGC API Records (pygeoapi, TinyDB) -------------------------------------------------------------
def oarec_records(count=23):
    """``count`` OGC API Records features: kota/kabupaten land-use plans, enough for three pages of 10."""
    feats = []
    for i in range(count):
        x = 100.0 + i
        title = "Rencana Tata Ruang Wilayah %02d" % i
        description = "Peta pola ruang RTRW nomor %d (data uji Simpul)." % i
        feats.append({
            "id": "rtrw-%02d" % i,
            "type": "Feature",
            "conformsTo": ["http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core"],
            "time": {"interval": ["20%02d-01-01" % (10 + i % 14), ".."]},
            "geometry": {"type": "Polygon", "coordinates": [[[x, -5.0], [x + 0.5, -5.0], [x + 0.5, -4.0],
                                                              [x, -4.0], [x, -5.0]]]},
            "properties": {
                "type": "dataset",
                "title": title,
                "description": description,
                "keywords": ["RTRW", "pola ruang", "Dataset Khusus"],
                "themes": [{"concepts": [{"id": "Dataset Khusus"}],
                            "scheme": "https://kugi.ina-sdi.or.id (Katalog Unsur Geografi Indonesia)"}],
                "created": "20%02d-01-01" % (10 + i % 14),
                "updated": "20%02d-06-30" % (10 + i % 14),
                "contacts": [{"organization": "Bappeda Uji %d" % i, "emails": [{"value": "uji@contoh.invalid"}],
                              "roles": ["pointOfContact"]}],
                "language": {"code": "id"},
                "_metadata-anytext": title + description,
            },
            "links": [
                {"href": "http://127.0.0.1:9/ows?service=WMS&request=GetCapabilities", "rel": "item",
                 "type": "OGC:WMS", "title": "rtrw_%02d" % i, "name": "rtrw_%02d" % i},
                {"href": "http://127.0.0.1:9/download/rtrw_%02d.gpkg" % i, "rel": "enclosure",
                 "type": "application/geopackage+sqlite3", "title": "GeoPackage"},
            ],
        })
    return feats


def write_tinydb(path, features):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"_default": {str(i + 1): f for i, f in enumerate(features)}}, fh)
