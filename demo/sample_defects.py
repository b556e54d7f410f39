"""Planted-defect datasets (``latihan/``) for validation training.

Each dataset is a clean, KUGI-conformant dataset from demo/sample_data.py with exactly
one kind of defect planted, tagged with the validator rule id that must find it (a fixed
contract): geom.valid, geom.empty, geom.duplicate, topo.overlap, topo.gap, topo.sliver,
crs.accepted, kugi.required_attribute, kugi.fcode, kugi.srs_id, kugi.metadata_ref,
kugi.layer_name, kugi.geometry_type, text.encoding, extent.indonesia.

GeoPackage defects get one file each (so every layer keeps its proper KUGI name);
Shapefile defects get one folder each.
"""
from qgis.core import QgsGeometry, QgsPointXY

from demo import sample_regions as R
from demo.geometry_gen import polygon_geometry, ring_area, ring_centroid, split_off_sliver
from demo.sample_common import CORE_FIELDS, Dataset, area_ha, core, metadata_id
from demo.sample_io import patch_cpg, reproject, set_null_geometry

LATIHAN_DATE = "2024-06-03"
ORGANISATION = "Tim Simpul (data latihan)"


def derive(src, id, file, suffix, title, title_en, abstract, abstract_en, **over):
    """A copy of clean dataset ``src`` under latihan/ with its own metadata id."""
    kw = dict(src.__dict__)
    prefix = src.metadata_id.split("_")[0][:-8]          # e.g. TASWIL10000
    mid = "%s%s_LATIHAN_%s" % (prefix, LATIHAN_DATE.replace("-", ""), suffix)
    assert len(mid) <= 50, mid
    feats = [(dict(a, METADATA=mid), QgsGeometry(g) if g is not None else None)
             for a, g in kw["features"]]
    kw.update(id=id, file=file, metadata_id=mid, features=feats, publish=False,
              date=LATIHAN_DATE, organisation=ORGANISATION, title=title, title_en=title_en,
              abstract=abstract, abstract_en=abstract_en, defects=[], post=None,
              format="GPKG", encoding="UTF-8",
              keywords=list(src.keywords) + ["latihan validasi"])
    kw.update(over)
    return kw


def _multi(geom):
    geom = QgsGeometry(geom)
    geom.convertToMultiType()
    return geom


def _round(p):
    return (round(p[0], 3), round(p[1], 3))


# ----------------------------------------------------------------------- geometry
def geom_valid(ctx, persil):
    kw = derive(persil, "latihan_geom_valid", "latihan/geom_valid.gpkg", "PERSIL_TIDAK_VALID",
                "Latihan: persil dengan geometri tidak valid",
                "Training: parcels with invalid geometries",
                "Bidang tanah Kota Tangerang; tiga persil sengaja dibuat tidak valid (dua "
                "'dasi kupu-kupu' yang batasnya bersilangan, satu cincin yang menyentuh dirinya).",
                "Parcels of Kota Tangerang; three are deliberately invalid (two bow-ties whose "
                "edges cross, one ring that touches itself).")
    parcels = ctx.persil.parcels
    plans = [(4, "bowtie"), (22, "ring"), (41, "bowtie")]
    for idx, kind in plans:
        a, b, c, d = parcels[idx]["ring"]
        if kind == "bowtie":
            ring, note = [a, b, d, c], "bow-tie: two corners swapped, edges cross"
        else:
            m = _round(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
            ring, note = [a, m, b, c, m, d], "ring passes twice through one vertex"
        geom = _multi(polygon_geometry(ring))
        errors = [e.what() for e in geom.validateGeometry(QgsGeometry.ValidatorGeos)]
        assert errors and not geom.isGeosValid(), (idx, errors)
        kw["features"][idx] = (kw["features"][idx][0], geom)
        kw["defects"].append({"rule": "geom.valid", "feature_ids": [idx + 1],
                              "geos_error": errors[0], "note": note})
    return Dataset(**kw)


def geom_empty(ctx, roads):
    kw = derive(roads, "latihan_geom_empty", "latihan/geom_empty.gpkg", "JALAN_GEOM_KOSONG",
                "Latihan: jalan tanpa geometri", "Training: roads without geometry",
                "Jaringan jalan Kota Tangerang dengan dua ruas yang tidak punya geometri "
                "(satu NULL, satu kosong).",
                "Road network of Kota Tangerang with two records lacking geometry "
                "(one NULL, one empty).")
    n = len(kw["features"])
    mid = kw["metadata_id"]
    for name in ("Jalan Kisamaun", "Jalan Veteran"):
        attrs = core(roads.fcode, name, "Jalan Kolektor Sekunder", mid)
        attrs.update(JNSJLN="Kolektor", STSJLN="Jalan Kota")
        kw["features"].append((attrs, None))
    kw["features"][-1] = (kw["features"][-1][0], QgsGeometry.fromWkt("MultiLineString EMPTY"))
    null_fid = n + 1
    kw["post"] = lambda path: set_null_geometry(path, kw["layer"], null_fid)
    kw["defects"] = [
        {"rule": "geom.empty", "feature_ids": [null_fid], "note": "geometry is SQL NULL"},
        {"rule": "geom.empty", "feature_ids": [n + 2], "note": "geometry is an empty MultiLineString"},
    ]
    return Dataset(**kw)


def geom_duplicate(ctx, lurah):
    keep = {"Tangerang", "Karawaci"}
    kw = derive(lurah, "latihan_geom_duplicate", "latihan/geom_duplicate.gpkg", "LURAH_GANDA",
                "Latihan: kantor lurah tercatat ganda", "Training: duplicated kelurahan office",
                "Kantor lurah di Kecamatan Tangerang dan Karawaci; satu titik tercatat dua kali "
                "dengan geometri dan atribut yang sama.",
                "Kelurahan offices of Kecamatan Tangerang and Karawaci; one point is recorded "
                "twice with identical geometry and attributes.")
    kw["features"] = [f for f in kw["features"] if f[0]["WADMKC"] in keep]
    attrs, geom = kw["features"][4]
    kw["features"].append((dict(attrs), QgsGeometry(geom)))
    kw["defects"] = [{"rule": "geom.duplicate", "feature_ids": [5, len(kw["features"])],
                      "note": "same point and attributes (%s) stored twice" % attrs["NAMOBJ"]}]
    return Dataset(**kw)


# ------------------------------------------------------------------------ topology
def topo_overlap(ctx, persil):
    kw = derive(persil, "latihan_topo_overlap", "latihan/topo_overlap.gpkg", "PERSIL_TUMPANG_TINDIH",
                "Latihan: persil tumpang tindih", "Training: overlapping parcels",
                "Bidang tanah Kota Tangerang; dua pasang persil bertetangga saling tumpang tindih "
                "karena batas satu persil menjorok ke persil sebelahnya.",
                "Parcels of Kota Tangerang; two pairs of neighbouring parcels overlap because one "
                "parcel's boundary juts into its neighbour.")
    parcels = ctx.persil.parcels
    for i in (11, 56):
        j = i + 1
        pi, pj = parcels[i], parcels[j]
        assert (pi["block"], pi["row"], pi["lot"] + 1) == (pj["block"], pj["row"], pj["lot"])
        a, b, c, d = pi["ring"]
        mid = ((b[0] + c[0]) / 2, (b[1] + c[1]) / 2)
        cj = ring_centroid(pj["ring"])
        x = _round((mid[0] + 0.35 * (cj[0] - mid[0]), mid[1] + 0.35 * (cj[1] - mid[1])))
        geom = _multi(polygon_geometry([a, b, x, c, d]))
        assert geom.isGeosValid()
        other = kw["features"][j][1]
        area = geom.intersection(other).area()
        assert area > 1.0 and abs(area - abs(ring_area([b, x, c]))) < 1e-3
        attrs = dict(kw["features"][i][0], LUAS=round(geom.area(), 2))
        kw["features"][i] = (attrs, geom)
        kw["defects"].append({"rule": "topo.overlap", "feature_ids": [i + 1, j + 1],
                              "area_m2": round(area, 2),
                              "note": "parcel %d juts into parcel %d" % (i + 1, j + 1)})
    return Dataset(**kw)


def _gap_cells(part, a, b):
    """Two edge-adjacent interior cells of unit a whose 8 neighbours are all a or b."""
    def pure(r, c):
        around = [part.grid.get((r + dr, c + dc)) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
        return all(x in (a, b) for x in around)
    cells = [rc for rc in part.border_cells(a, b) if pure(*rc)]
    for rc in cells:
        for nb in part.neighbours(*rc):
            if nb in cells:
                return [rc, nb]
    return None


def topo_gap(ctx, kec):
    part = ctx.partition
    names = list(R.TANGERANG_KECAMATAN)
    for a in names:
        pair = next(((a, b) for b in names if b != a and _gap_cells(part, a, b)), None)
        if pair:
            break
    a, b = pair
    cells = _gap_cells(part, a, b)
    area = sum(abs(ring_area(part.quad(*rc))) for rc in cells)
    kw = derive(kec, "latihan_topo_gap", "latihan/topo_gap.gpkg", "KECAMATAN_CELAH",
                "Latihan: celah antar kecamatan", "Training: gap between sub-districts",
                "Batas kecamatan Kota Tangerang dengan celah (area tak bertuan) antara Kecamatan "
                "%s dan %s." % (a, b),
                "Sub-district boundaries of Kota Tangerang with a gap (unclaimed area) between "
                "Kecamatan %s and %s." % (a, b))
    fa = names.index(a)
    geom = _multi(part.geometry(a, exclude=set(cells)))
    assert geom.isGeosValid()
    attrs = dict(kw["features"][fa][0], LUASWH=area_ha(geom, ctx.crs))
    kw["features"][fa] = (attrs, geom)
    kw["defects"] = [{"rule": "topo.gap", "feature_ids": [fa + 1, names.index(b) + 1],
                      "area_m2": round(area, 2),
                      "note": "gap between %s and %s" % (a, b)}]
    return Dataset(**kw)


def topo_sliver(ctx, kec):
    names = list(R.PASER_KECAMATAN)
    width = 4.0
    result = None
    for a in names:
        for b in names:
            if a == b or not ctx.units[a].touches(ctx.units[b]):
                continue
            try:
                new_a, sliver = split_off_sliver(ctx.units[a], ctx.units[b], width)
            except ValueError:
                continue
            if new_a.isGeosValid() and sliver.isGeosValid() and \
                    abs(new_a.area() + sliver.area() - ctx.units[a].area()) < 1e-3:
                result = (a, b, new_a, sliver)
                break
        if result:
            break
    a, b, new_a, sliver = result
    kw = derive(kec, "latihan_topo_sliver", "latihan/topo_sliver.gpkg", "KECAMATAN_SLIVER",
                "Latihan: poligon sliver pada batas kecamatan",
                "Training: sliver polygon in sub-district boundaries",
                "Batas kecamatan Kabupaten Paser; sepotong poligon sangat tipis (%g m) di sepanjang "
                "batas Kecamatan %s dan %s tercatat sebagai fitur tersendiri." % (width, a, b),
                "Sub-district boundaries of Kabupaten Paser; a very thin polygon (%g m) along the "
                "border of Kecamatan %s and %s is stored as a feature of its own." % (width, a, b))
    fa = names.index(a)
    new_a, sliver = _multi(new_a), _multi(sliver)
    attrs = kw["features"][fa][0]
    kw["features"][fa] = (dict(attrs, LUASWH=area_ha(new_a, ctx.crs)), new_a)
    kw["features"].append((dict(attrs, LUASWH=area_ha(sliver, ctx.crs)), sliver))
    kw["defects"] = [{"rule": "topo.sliver", "feature_ids": [len(kw["features"])],
                      "area_m2": round(sliver.area(), 2), "width_m": width,
                      "note": "sliver split off %s along its border with %s" % (a, b)}]
    return Dataset(**kw)


# ---------------------------------------------------------------------------- CRS
def crs_dgn95(ctx, roads):
    kw = derive(roads, "latihan_crs_dgn95", "latihan/crs_dgn95.gpkg", "JALAN_DGN95",
                "Latihan: jalan dalam datum lama DGN95", "Training: roads in the legacy DGN95 datum",
                "Jaringan jalan Kota Tangerang dalam DGN95 geografis (EPSG:4755), bukan SRGI2013.",
                "Road network of Kota Tangerang in geographic DGN95 (EPSG:4755) instead of SRGI2013.",
                crs="EPSG:4755")
    kw["features"] = [(a, reproject(g, ctx.crs, "EPSG:4755")) for a, g in kw["features"]]
    kw["defects"] = [{"rule": "crs.accepted", "feature_ids": [], "crs": "EPSG:4755",
                      "note": "DGN95 geographic; SRGI2013 expected (DGN95 -> SRGI2013: EPSG:9472)"}]
    return Dataset(**kw)


def crs_dgn95_utm(ctx, kec):
    kw = derive(kec, "latihan_crs_dgn95_utm", "latihan/crs_dgn95_utm/ADMINISTRASIKECAMATAN_AR_10K.shp",
                "KECAMATAN_DGN95_UTM48S",
                "Latihan: batas kecamatan dalam DGN95 / UTM 48S",
                "Training: sub-district boundaries in DGN95 / UTM zone 48S",
                "Batas kecamatan Kota Tangerang sebagai Shapefile dalam DGN95 / UTM zona 48S "
                "(EPSG:23878), bukan SRGI2013.",
                "Sub-district boundaries of Kota Tangerang as a Shapefile in DGN95 / UTM zone 48S "
                "(EPSG:23878) instead of SRGI2013.",
                crs="EPSG:23878", format="ESRI Shapefile", layer="ADMINISTRASIKECAMATAN_AR_10K")
    kw["features"] = [(a, reproject(g, ctx.crs, "EPSG:23878")) for a, g in kw["features"]]
    kw["defects"] = [{"rule": "crs.accepted", "feature_ids": [], "crs": "EPSG:23878",
                      "note": "DGN95 / UTM 48S; SRGI2013 / UTM 48S (EPSG:9488) expected"}]
    return Dataset(**kw)


# --------------------------------------------------------------------------- KUGI
def _blank(kw, field, fids, values):
    for fid, value in zip(fids, values):
        attrs, geom = kw["features"][fid - 1]
        kw["features"][fid - 1] = (dict(attrs, **{field: value}), geom)


def fcode_kosong(ctx, rivers):
    kw = derive(rivers, "latihan_fcode_kosong", "latihan/fcode_kosong.gpkg", "SUNGAI_FCODE_KOSONG",
                "Latihan: FCODE kosong pada sebagian sungai", "Training: FCODE missing on some rivers",
                "Sungai Kabupaten Paser; tiga fitur tidak punya FCODE (dua teks kosong, satu NULL).",
                "Rivers of Kabupaten Paser; three features have no FCODE (two empty strings, one NULL).")
    fids = [2, 4, 5]
    _blank(kw, "FCODE", fids, ["", None, ""])
    kw["defects"] = [{"rule": "kugi.required_attribute", "feature_ids": fids, "field": "FCODE",
                      "note": "FCODE empty ('') on 2 and 5, NULL on 4"}]
    return Dataset(**kw)


def fcode_hilang(ctx, roads):
    kw = derive(roads, "latihan_fcode_hilang", "latihan/fcode_hilang.gpkg", "JALAN_TANPA_FCODE",
                "Latihan: kolom FCODE tidak ada", "Training: FCODE column missing",
                "Jalan Kabupaten Paser tanpa kolom FCODE sama sekali.",
                "Roads of Kabupaten Paser without any FCODE column.")
    kw["fields"] = [f for f in kw["fields"] if f[0] != "FCODE"]
    kw["defects"] = [{"rule": "kugi.required_attribute", "feature_ids": [], "field": "FCODE",
                      "note": "the FCODE column is missing from the layer"}]
    return Dataset(**kw)


def fcode_salah(ctx, roads):
    kw = derive(roads, "latihan_fcode_salah", "latihan/fcode_salah.gpkg", "JALAN_FCODE_SALAH",
                "Latihan: FCODE tidak sesuai pola KUGI", "Training: malformed FCODE",
                "Jalan Kota Tangerang; tiga fitur memakai FCODE buatan sendiri yang tidak mengikuti "
                "pola KUGI (2 huruf + 8 angka).",
                "Roads of Kota Tangerang; three features carry home-made FCODEs that do not follow "
                "the KUGI pattern (2 letters + 8 digits).")
    fids, values = [1, 6, 10], ["JLN-01", "CA0207016", "JALAN"]
    _blank(kw, "FCODE", fids, values)
    kw["defects"] = [{"rule": "kugi.fcode", "feature_ids": fids, "field": "FCODE", "values": values,
                      "note": "FCODE not 2 letters + 8 digits"}]
    return Dataset(**kw)


def srs_id_kosong(ctx, rivers):
    kw = derive(rivers, "latihan_srs_id_kosong", "latihan/srs_id_kosong.gpkg", "SUNGAI_SRSID_KOSONG",
                "Latihan: SRS_ID kosong", "Training: empty SRS_ID",
                "Sungai Kota Tangerang dengan atribut SRS_ID kosong pada semua fitur.",
                "Rivers of Kota Tangerang with an empty SRS_ID on every feature.")
    fids = list(range(1, len(kw["features"]) + 1))
    _blank(kw, "SRS_ID", fids, [""] * len(fids))
    kw["defects"] = [{"rule": "kugi.srs_id", "feature_ids": fids, "field": "SRS_ID",
                      "note": "SRS_ID empty; 'SRGI 2013' expected"}]
    return Dataset(**kw)


def metadata_kosong(ctx, landcover):
    kw = derive(landcover, "latihan_metadata_kosong", "latihan/metadata_kosong.gpkg", "PLAHAN_TANPA_METADATA",
                "Latihan: METADATA kosong", "Training: empty METADATA reference",
                "Penutup lahan Kabupaten Paser; atribut METADATA kosong sehingga fitur tidak "
                "merujuk ke rekaman metadata.",
                "Land cover of Kabupaten Paser; METADATA is empty, so features do not refer to "
                "their metadata record.")
    fids = list(range(1, len(kw["features"]) + 1))
    _blank(kw, "METADATA", fids, [""] * len(fids))
    kw["defects"] = [{"rule": "kugi.metadata_ref", "feature_ids": fids, "field": "METADATA",
                      "note": "METADATA empty; the dataset's metadata_id is what it should hold"}]
    return Dataset(**kw)


def layer_name(ctx, roads):
    bad = "jalan baru final(2)"
    kw = derive(roads, "latihan_layer_name", "latihan/layer_name/%s.shp" % bad, "JALAN_NAMA_LAYER",
                "Latihan: nama layer tidak sesuai KUGI", "Training: layer name not following KUGI",
                "Jalan Kota Tangerang sebagai Shapefile bernama '%s' (seharusnya JALAN_LN_10K)." % bad,
                "Roads of Kota Tangerang as a Shapefile named '%s' (JALAN_LN_10K expected)." % bad,
                format="ESRI Shapefile", layer=bad)
    kw["defects"] = [{"rule": "kugi.layer_name", "feature_ids": [], "layer": bad,
                      "expected": "JALAN_LN_10K", "note": "not THEME_GEOM_SCALE"}]
    return Dataset(**kw)


def geometry_type(ctx, roads):
    kw = derive(roads, "latihan_geometry_type", "latihan/geometry_type.gpkg", "JALAN_TITIK",
                "Latihan: layer garis berisi titik", "Training: line layer holding points",
                "Layer JALAN_LN_10K Kota Tangerang yang berisi titik (satu titik per ruas jalan), "
                "bukan garis.",
                "Layer JALAN_LN_10K of Kota Tangerang holding points (one per road) instead of lines.",
                geometry="Point", wkb="Point")
    kw["features"] = [(a, g.interpolate(g.length() / 2.0)) for a, g in kw["features"]]
    kw["defects"] = [{"rule": "kugi.geometry_type", "feature_ids": [], "expected": "LineString",
                      "found": "Point", "note": "_LN_ layer holds points"}]
    return Dataset(**kw)


def encoding(ctx, declared):
    """Landmarks of Kota Tangerang in a Windows-1252 DBF with a wrong or no .cpg."""
    folder = "encoding_cpg_utf8" if declared else "encoding_tanpa_cpg"
    suffix = "TOPONIMI_CP1252_CPG" if declared else "TOPONIMI_CP1252"
    mid = metadata_id("TOPONM", 10000, LATIHAN_DATE, "LATIHAN_" + suffix)
    feats = []
    for name, remark, (lon, lat) in R.TANGERANG_LANDMARKS:
        geom = QgsGeometry.fromPointXY(QgsPointXY(*[round(v, 3) for v in ctx.to(lon, lat)]))
        attrs = core("KA01070010", name, remark, mid)
        attrs["WADMKK"] = "Kota Tangerang"
        feats.append((attrs, geom))
    bad = [i for i, (a, _) in enumerate(feats) if not (a["NAMOBJ"] + a["REMARK"]).isascii()]
    what = ("a .cpg that says UTF-8" if declared else "no .cpg and no DBF language driver id")
    return Dataset(
        id="latihan_encoding_" + ("cpg_utf8" if declared else "tanpa_cpg"), region="tangerang",
        file="latihan/%s/TOPONIMI_PT_10K.shp" % folder, layer="TOPONIMI_PT_10K",
        format="ESRI Shapefile", encoding="windows-1252", geometry="Point", crs=ctx.crs,
        scale=10000, fcode="KA01070010", kugi_category="Toponimi", metadata_id=mid,
        date=LATIHAN_DATE, organisation=ORGANISATION, publish=False,
        title="Latihan: DBF Windows-1252 dengan penanda pengodean %s"
              % ("yang salah" if declared else "yang hilang"),
        title_en="Training: Windows-1252 DBF with %s encoding hint"
                 % ("a wrong" if declared else "no"),
        abstract="Tempat penting Kota Tangerang; teks DBF ditulis dalam Windows-1252 (mis. ’ = "
                 "0x92) tetapi %s." % ("berkas .cpg menyatakan UTF-8" if declared
                                       else "tidak ada berkas .cpg"),
        abstract_en="Landmarks of Kota Tangerang; DBF text is Windows-1252 (e.g. ’ = 0x92) but "
                    "the Shapefile has %s." % what,
        keywords=["toponimi", "Kota Tangerang", "latihan validasi"],
        fields=CORE_FIELDS + [("WADMKK", "String", 50)], features=feats,
        post=lambda path: patch_cpg(path, declared),
        defects=[{"rule": "text.encoding", "feature_ids": bad, "fields": ["NAMOBJ", "REMARK"],
                  "actual_encoding": "windows-1252", "declared_encoding": declared,
                  "note": "DBF bytes are cp1252 (0x92, 0x96: invalid UTF-8); shapefile has %s" % what}])


def extent(ctx, roads):
    kw = derive(roads, "latihan_extent", "latihan/extent.gpkg", "JALAN_LONLAT_TERTUKAR",
                "Latihan: koordinat bujur/lintang tertukar", "Training: swapped lon/lat",
                "Jalan Kota Tangerang dalam SRGI2013 geografis (EPSG:9470) dengan bujur dan lintang "
                "tertukar, sehingga fitur jatuh di luar Indonesia.",
                "Roads of Kota Tangerang in geographic SRGI2013 (EPSG:9470) with longitude and "
                "latitude swapped, so the features fall outside Indonesia.",
                crs="EPSG:9470")
    feats = []
    for attrs, geom in kw["features"]:
        g = reproject(geom, ctx.crs, "EPSG:9470")
        parts = [[QgsPointXY(round(p.y(), 7), round(p.x(), 7)) for p in part]
                 for part in g.asMultiPolyline()]
        feats.append((attrs, QgsGeometry.fromMultiPolylineXY(parts)))
    kw["features"] = feats
    kw["defects"] = [{"rule": "extent.indonesia", "feature_ids": list(range(1, len(feats) + 1)),
                      "note": "x holds latitude and y longitude (swapped)"}]
    return Dataset(**kw)


def latihan_datasets(ctxs, clean):
    t, p = ctxs["tangerang"], ctxs["paser"]
    return [
        geom_valid(t, clean["tangerang_persil"]),
        geom_empty(t, clean["tangerang_jalan"]),
        geom_duplicate(t, clean["tangerang_kantor_lurah"]),
        topo_overlap(t, clean["tangerang_persil"]),
        topo_gap(t, clean["tangerang_kecamatan"]),
        topo_sliver(p, clean["paser_kecamatan"]),
        crs_dgn95(t, clean["tangerang_jalan"]),
        crs_dgn95_utm(t, clean["tangerang_kecamatan"]),
        fcode_kosong(p, clean["paser_sungai"]),
        fcode_hilang(p, clean["paser_jalan"]),
        fcode_salah(t, clean["tangerang_jalan"]),
        srs_id_kosong(t, clean["tangerang_sungai"]),
        metadata_kosong(p, clean["paser_penutuplahan"]),
        layer_name(t, clean["tangerang_jalan"]),
        geometry_type(t, clean["tangerang_jalan"]),
        encoding(t, "UTF-8"),
        encoding(t, None),
        extent(t, clean["tangerang_jalan"]),
    ]
