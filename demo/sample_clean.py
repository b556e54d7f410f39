"""The clean sample datasets of the three regions (``publish: true`` in manifest.json).

Kalimantan Tengah: kabupaten/kota, rivers, roads, land cover (+ rivers as Shapefile);
Kabupaten Paser: kecamatan (+ as Shapefile), rivers, roads, land use;
Kota Tangerang: kecamatan, rivers, roads (+ as Shapefile), land parcels, kelurahan offices.
"""
import random
from types import SimpleNamespace

from qgis.core import QgsGeometry, QgsPointXY

from demo import sample_regions as R
from demo.geometry_gen import (Partition, line_geometry, meander, parcel_blocks, point_in_ring,
                               polygon_geometry)
from demo.sample_common import (CORE_FIELDS, GEOGRAPHIC, REGIONS, SEED, SYNTHETIC, Dataset,
                                area_ha, core, dataset_kw, metadata_id)
from demo.sample_io import transformer


def _random_seeds(rng, outline_ll, n, zone_of, classes):
    xs = [p[0] for p in outline_ll]
    ys = [p[1] for p in outline_ll]
    seeds = {}
    while len(seeds) < n:
        x, y = rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys))
        if point_in_ring(x, y, outline_ll):
            names, weights = zip(*classes[zone_of(x, y)])
            seeds["LC%03d" % (len(seeds) + 1)] = (x, y, rng.choices(names, weights)[0])
    return seeds


def build_context(region_id, outline_ll, units, cell, lc_cell=None, lc_count=0, lc_zone=None,
                  lc_classes=None, warp=0.04):
    """Partition the region into its administrative units (and land cover)."""
    crs = REGIONS[region_id]["crs"]
    to = transformer(GEOGRAPHIC, crs)
    nd = 7 if crs == GEOGRAPHIC else 3
    rng = random.Random("%s-%d" % (region_id, SEED))
    outline = [to(*p) for p in outline_ll]
    seeds = {name: [to(x, y) + (w,) for (x, y, w) in spec] for name, spec in units.items()}
    part = Partition(outline, seeds, cell, rng, jitter=0.3, warp=warp, ndigits=nd)
    ctx = SimpleNamespace(id=region_id, crs=crs, to=to, rng=rng, outline=outline,
                          outline_geom=polygon_geometry(outline), partition=part,
                          units={name: part.geometry(name) for name in units})
    if lc_count:
        lc = _random_seeds(rng, outline_ll, lc_count, lc_zone, lc_classes)
        lc_part = Partition(outline, {k: [to(x, y) + (1.0,)] for k, (x, y, _) in lc.items()},
                            lc_cell, rng, jitter=0.3, warp=0.06, ndigits=nd)
        ctx.landcover = [(lc[k][2], lc_part.geometry(k)) for k in lc]
    for name, geom in ctx.units.items():
        if not geom.isGeosValid():
            raise RuntimeError("invalid unit %s" % name)
    return ctx


def lines(ctx, specs, amplitude, step):
    """Clip meandering lines to the region; returns [(spec, multi-line geometry)]."""
    out = []
    for spec in specs:
        ctrl = [ctx.to(*p) for p in spec[-1]]
        geom = line_geometry(meander(ctrl, ctx.rng, amplitude, step)).intersection(ctx.outline_geom)
        if geom.isEmpty():
            continue
        geom.convertToMultiType()
        out.append((spec, geom))
    return out


def kalteng_datasets(ctx):
    reg = REGIONS["kalteng"]
    date, scale, name = reg["date"], reg["scale"], reg["name"]
    out = []
    mid = metadata_id("TASWIL", scale, date, "BATAS_KABKOTA_KALTENG")
    feats = []
    for kab, (kdpkab, kdbbps, seat, _) in R.KALTENG_KABKOTA.items():
        geom = QgsGeometry(ctx.units[kab])
        geom.convertToMultiType()
        attrs = core("BA03030020", kab, "Ibu kota %s. %s" % (seat, SYNTHETIC), mid)
        attrs.update(WADMKK=kab, WADMPR="Kalimantan Tengah", KDPKAB=kdpkab, KDBBPS=kdbbps,
                     LUASWH=area_ha(geom, ctx.crs))
        feats.append((attrs, geom))
    out.append(Dataset(**dataset_kw(
        "kalteng", "batas wilayah", id="kalteng_kabkota", file="kalteng/kalteng.gpkg",
        layer="ADMINISTRASIKABKOTA_AR_250K", geometry="Polygon", scale=scale, fcode="BA03030020",
        kugi_category="Batas Wilayah", metadata_id=mid, coverage="full",
        title="Batas Kabupaten/Kota Provinsi Kalimantan Tengah",
        title_en="Regency and city boundaries of Central Kalimantan Province",
        abstract="Batas 13 kabupaten dan 1 kota di %s skala 1:250.000 dalam SRGI2013 "
                 "(EPSG:9470). Nama dan kode wilayah nyata; geometri sintetis untuk contoh." % name,
        abstract_en="Boundaries of the 13 regencies and 1 city of Central Kalimantan at 1:250,000 "
                    "in SRGI2013 (EPSG:9470). Real names and codes; synthetic geometry for demonstration.",
        keywords=["batas wilayah", "kabupaten", "kota", name],
        fields=CORE_FIELDS + [("WADMKK", "String", 50), ("WADMPR", "String", 50),
                              ("KDPKAB", "String", 50), ("KDBBPS", "String", 50), ("LUASWH", "Real")],
        features=feats)))
    out += line_datasets(ctx, "kalteng", "kalteng/kalteng.gpkg", "250K", "KALTENG",
                         R.KALTENG_RIVERS, R.KALTENG_ROADS, "DA02030010", "CA02030160",
                         river_amp=0.05, road_amp=0.015, step=0.02, shp="sungai")
    out.append(landcover_dataset(ctx, "kalteng", "kalteng/kalteng.gpkg", "PENUTUPLAHAN_AR_250K",
                                 "FA03030010", "KALTENG"))
    return out


def line_datasets(ctx, region, file, suffix, tag, rivers, roads, river_fcode, road_fcode,
                  river_amp, road_amp, step, shp):
    reg = REGIONS[region]
    date, scale, name = reg["date"], reg["scale"], reg["name"]
    out = []
    river_mid = metadata_id("HIDROG", scale, date, "SUNGAI_" + tag)
    river_feats = [(core(river_fcode, spec[0], spec[1], river_mid), geom)
                   for spec, geom in lines(ctx, rivers, river_amp, step)]
    road_mid = metadata_id("TRANSP", scale, date, "JALAN_" + tag)
    road_feats = []
    for spec, geom in lines(ctx, roads, road_amp, step):
        attrs = core(road_fcode, spec[0], spec[1], road_mid)
        attrs.update(JNSJLN=spec[2], STSJLN=spec[3])
        road_feats.append((attrs, geom))
    scale_txt = "{:,}".format(scale).replace(",", ".")
    river = dict(dataset_kw(region, "hidrografi"), id="%s_sungai" % region, file=file,
                 layer="SUNGAI_LN_%s" % suffix, geometry="LineString", scale=scale,
                 fcode=river_fcode, kugi_category="Hidrografi", metadata_id=river_mid,
                 title="Sungai %s" % name, title_en="Rivers of %s" % name,
                 abstract="Sungai utama dan anak sungai di %s skala 1:%s. Nama sungai nyata; alur "
                          "sintetis mengikuti arah umum sungai sebenarnya." % (name, scale_txt),
                 abstract_en="Main rivers and tributaries of %s at 1:%s. Real river names; synthetic "
                             "courses that follow the real rivers only roughly." % (name, scale_txt),
                 keywords=["hidrografi", "sungai", name], features=river_feats)
    road = dict(dataset_kw(region, "transportasi"), id="%s_jalan" % region, file=file,
                layer="JALAN_LN_%s" % suffix, geometry="LineString", scale=scale,
                fcode=road_fcode, kugi_category="Transportasi", metadata_id=road_mid,
                title="Jaringan Jalan %s" % name, title_en="Road network of %s" % name,
                abstract="Jalan nasional, provinsi dan lokal di %s skala 1:%s dengan kelas (REMARK), "
                         "jenis (JNSJLN) dan status (STSJLN). Nama jalan nyata; geometri sintetis."
                         % (name, scale_txt),
                abstract_en="National, provincial and local roads of %s at 1:%s with class (REMARK), "
                            "type (JNSJLN) and status (STSJLN). Real road names; synthetic geometry."
                            % (name, scale_txt),
                keywords=["transportasi", "jalan", name],
                fields=CORE_FIELDS + [("JNSJLN", "String", 50), ("STSJLN", "String", 50)],
                features=road_feats)
    out += [Dataset(**river), Dataset(**road)]
    if shp:
        shp_src = river if shp == "sungai" else road
        out.append(shapefile_copy(shp_src, "%s/%s.shp" % (region, shp_src["layer"])))
    return out


def shapefile_copy(kw, file):
    """The same layer as a Shapefile, Palapa's upload format, with its own metadata id."""
    kw = dict(kw)
    feats = []
    mid = kw["metadata_id"][:46] + "_SHP"
    for attrs, geom in kw["features"]:
        attrs = dict(attrs, METADATA=mid)
        feats.append((attrs, geom))
    kw.update(id=kw["id"] + "_shp", file=file, format="ESRI Shapefile", metadata_id=mid,
              features=feats, title=kw["title"] + " (Shapefile)",
              title_en=kw["title_en"] + " (Shapefile)")
    return Dataset(**kw)


def landcover_dataset(ctx, region, file, layer, fcode, tag):
    reg = REGIONS[region]
    mid = metadata_id("PLAHAN", reg["scale"], reg["date"], "PENUTUP_LAHAN_" + tag)
    feats = []
    for cls, geom in ctx.landcover:
        geom = QgsGeometry(geom)
        geom.convertToMultiType()
        attrs = core(fcode, cls, cls, mid)
        attrs["LUASHA"] = area_ha(geom, ctx.crs)
        feats.append((attrs, geom))
    name = reg["name"]
    return Dataset(**dataset_kw(
        region, "penutup lahan", id="%s_penutuplahan" % region, file=file, layer=layer,
        geometry="Polygon", scale=reg["scale"], fcode=fcode, kugi_category="Vegetasi",
        metadata_id=mid, coverage="full",
        title="Penutup Lahan %s" % name, title_en="Land cover of %s" % name,
        abstract="Kelas penutup/penggunaan lahan (REMARK) %s hasil interpretasi tiruan; poligon "
                 "sintetis tanpa celah dan tumpang tindih." % name,
        abstract_en="Land cover/land use classes (REMARK) of %s from a mock interpretation; "
                    "synthetic polygons without gaps or overlaps." % name,
        keywords=["penutup lahan", "penggunaan lahan", name],
        fields=CORE_FIELDS + [("LUASHA", "Real")], features=feats))


def admin_kecamatan(ctx, kecamatan, kdpkab, wadmkk, wadmpr, fcode, mid):
    feats = []
    for kec, spec in kecamatan.items():
        geom = QgsGeometry(ctx.units[kec])
        geom.convertToMultiType()
        attrs = core(fcode, kec, SYNTHETIC, mid)
        attrs.update(WADMKC=kec, WADMKK=wadmkk, WADMPR=wadmpr, KDPKAB=kdpkab, KDCBPS=spec[0],
                     LUASWH=area_ha(geom, ctx.crs))
        feats.append((attrs, geom))
    return feats


KEC_FIELDS = CORE_FIELDS + [("WADMKC", "String", 50), ("WADMKK", "String", 50),
                            ("WADMPR", "String", 50), ("KDPKAB", "String", 50),
                            ("KDCBPS", "String", 50), ("LUASWH", "Real")]


def kecamatan_dataset(ctx, region, kecamatan, kdpkab, wadmkk, wadmpr, fcode, layer, file):
    reg = REGIONS[region]
    mid = metadata_id("TASWIL", reg["scale"], reg["date"], "BATAS_KECAMATAN_" + region.upper())
    name = reg["name"]
    n = len(kecamatan)
    return dict(dataset_kw(
        region, "batas wilayah", id="%s_kecamatan" % region, file=file, layer=layer,
        geometry="Polygon", scale=reg["scale"], fcode=fcode, kugi_category="Batas Wilayah",
        metadata_id=mid, coverage="full",
        title="Batas Kecamatan %s" % name, title_en="Sub-district boundaries of %s" % name,
        abstract="Batas %d kecamatan di %s dalam SRGI2013 (%s) dengan nama, kode BPS dan luas "
                 "(LUASWH, ha). Nama nyata; geometri sintetis untuk contoh." % (n, name, reg["crs"]),
        abstract_en="Boundaries of the %d sub-districts (kecamatan) of %s in SRGI2013 (%s) with "
                    "names, BPS codes and area (LUASWH, ha). Real names; synthetic geometry."
                    % (n, name, reg["crs"]),
        keywords=["batas wilayah", "kecamatan", name], fields=KEC_FIELDS,
        features=admin_kecamatan(ctx, kecamatan, kdpkab, wadmkk, wadmpr, fcode, mid)))


def paser_datasets(ctx):
    kec = kecamatan_dataset(ctx, "paser", R.PASER_KECAMATAN, "64.01", "Paser", "Kalimantan Timur",
                            "BA03060030", "ADMINISTRASIKECAMATAN_AR_25K", "paser/paser.gpkg")
    out = [Dataset(**kec), shapefile_copy(kec, "paser/ADMINISTRASIKECAMATAN_AR_25K.shp")]
    out += line_datasets(ctx, "paser", "paser/paser.gpkg", "25K", "PASER", R.PASER_RIVERS,
                         R.PASER_ROADS, "DA02060010", "CA02060160", river_amp=1500.0,
                         road_amp=400.0, step=300.0, shp=None)
    out.append(landcover_dataset(ctx, "paser", "paser/paser.gpkg", "PENUTUPLAHAN_AR_25K",
                                 "FA03060010", "PASER"))
    return out


def tangerang_datasets(ctx):
    kec = kecamatan_dataset(ctx, "tangerang", R.TANGERANG_KECAMATAN, "36.71", "Kota Tangerang",
                            "Banten", "BA03070030", "ADMINISTRASIKECAMATAN_AR_10K",
                            "tangerang/tangerang.gpkg")
    out = [Dataset(**kec)]
    out += line_datasets(ctx, "tangerang", "tangerang/tangerang.gpkg", "10K", "TANGERANG",
                         R.TANGERANG_RIVERS, R.TANGERANG_ROADS, "DA02070010", "CA02070160",
                         river_amp=120.0, road_amp=25.0, step=40.0, shp="jalan")
    ctx.persil = tangerang_parcels(ctx)
    out.append(Dataset(**persildataset_kw(ctx, ctx.persil)))
    out.append(Dataset(**kantor_lurahdataset_kw(ctx)))
    return out


def tangerang_parcels(ctx):
    """80 parcels in four blocks of a housing area; returns (parcels, kecamatan, kelurahan)."""
    rng = random.Random("persil-%d" % SEED)
    origin = ctx.to(106.6125, -6.2045)
    parcels = parcel_blocks(origin, 17.0, [(0, 0), (1, 0), (0, 1), (1, 1)], rows=2, lots=10, rng=rng)
    centre = QgsGeometry.fromPointXY(QgsPointXY(*parcels[len(parcels) // 2]["ring"][2]))
    kec = next(k for k, g in ctx.units.items() if g.contains(centre))
    kel = R.TANGERANG_KECAMATAN[kec][2][1]
    for p in parcels:
        if not all(ctx.units[kec].contains(QgsGeometry.fromPointXY(QgsPointXY(*v))) for v in p["ring"]):
            raise RuntimeError("parcel outside kecamatan %s" % kec)
    return SimpleNamespace(parcels=parcels, kec=kec, kel=kel, rng=rng)


PERSIL_FIELDS = CORE_FIELDS + [("NIB", "String", 50), ("TIPHAK", "String", 50), ("LUAS", "Real"),
                               ("WADMKD", "String", 50), ("WADMKC", "String", 50),
                               ("WADMKK", "String", 50)]


def persil_features(ctx, persil, mid):
    rng = random.Random("nib-%d" % SEED)
    kec_code = R.TANGERANG_KECAMATAN[persil.kec][0][-3:-1]
    feats = []
    for i, p in enumerate(persil.parcels):
        geom = polygon_geometry(p["ring"])
        geom.convertToMultiType()
        nib = "3671%s02%06d" % (kec_code, 1200 + i * 3 + rng.randint(0, 2))
        attrs = core("LA03100010", "Bidang %s" % nib,
                     "Data contoh sintetis, bukan data pertanahan resmi", mid)
        hak = rng.choices(["Hak Milik", "Hak Guna Bangunan", "Hak Pakai"], [16, 3, 1])[0]
        attrs.update(NIB=nib, TIPHAK=hak, LUAS=round(abs(geom.area()), 2), WADMKD=persil.kel,
                     WADMKC=persil.kec, WADMKK="Kota Tangerang")
        feats.append((attrs, geom))
    return feats


def persildataset_kw(ctx, persil, mid=None):
    reg = REGIONS["tangerang"]
    mid = mid or metadata_id("KADAST", 1000, reg["date"], "PERSIL_TANGERANG")
    return dict(dataset_kw(
        "tangerang", "kadaster", id="tangerang_persil", file="tangerang/tangerang.gpkg",
        layer="PERSIL_AR_1K", geometry="Polygon", scale=1000, fcode="LA03100010",
        kugi_category="Kadaster", metadata_id=mid, coverage="no_overlap",
        organisation="Kantor Pertanahan Kota Tangerang",
        title="Bidang Tanah (Persil) Kelurahan %s" % persil.kel,
        title_en="Land parcels of Kelurahan %s, Kota Tangerang" % persil.kel,
        abstract="Bidang tanah sintetis di Kelurahan %s, Kecamatan %s: persil bersebelahan tanpa "
                 "tumpang tindih, dipisah jalan lingkungan." % (persil.kel, persil.kec),
        abstract_en="Synthetic land parcels in Kelurahan %s, Kecamatan %s: adjoining parcels "
                    "without overlaps, separated by local streets." % (persil.kel, persil.kec),
        keywords=["kadaster", "persil", "bidang tanah", "Kota Tangerang"], fields=PERSIL_FIELDS,
        features=persil_features(ctx, persil, mid)))


PT_FIELDS = CORE_FIELDS + [("WADMKD", "String", 50), ("WADMKC", "String", 50)]


def kantor_lurah_features(ctx, mid):
    """One KANTOR LURAH point per kelurahan, inside its kecamatan."""
    rng = random.Random("lurah-%d" % SEED)
    feats = []
    for kec, (_, _, kels) in R.TANGERANG_KECAMATAN.items():
        bb = ctx.units[kec].boundingBox()
        for kel in kels:
            while True:
                x = round(rng.uniform(bb.xMinimum(), bb.xMaximum()), 3)
                y = round(rng.uniform(bb.yMinimum(), bb.yMaximum()), 3)
                if ctx.units[kec].contains(QgsGeometry.fromPointXY(QgsPointXY(x, y))):
                    break
            attrs = core("GD01080040", "Kantor Lurah %s" % kel, "Kantor Lurah", mid)
            attrs.update(WADMKD=kel, WADMKC=kec)
            feats.append((attrs, QgsGeometry.fromPointXY(QgsPointXY(x, y))))
    return feats


def kantor_lurahdataset_kw(ctx):
    reg = REGIONS["tangerang"]
    mid = metadata_id("PEMRTH", 5000, reg["date"], "KANTOR_LURAH_TANGERANG")
    return dict(dataset_kw(
        "tangerang", "pemerintahan", id="tangerang_kantor_lurah", file="tangerang/tangerang.gpkg",
        layer="PEMERINTAHAN_PT_5K", geometry="Point", scale=5000, fcode="GD01080040",
        kugi_category="Lingkungan Terbangun", metadata_id=mid,
        title="Kantor Lurah Kota Tangerang", title_en="Kelurahan offices of Kota Tangerang",
        abstract="Titik kantor lurah untuk 104 kelurahan di 13 kecamatan Kota Tangerang. Nama "
                 "kelurahan nyata; letak titik sintetis di dalam kecamatannya.",
        abstract_en="Points of the kelurahan offices of the 104 kelurahan in the 13 kecamatan of "
                    "Kota Tangerang. Real names; synthetic positions inside their kecamatan.",
        keywords=["pemerintahan", "kantor lurah", "kelurahan", "Kota Tangerang"], fields=PT_FIELDS,
        features=kantor_lurah_features(ctx, mid)))


def build_contexts():
    kalteng = build_context(
        "kalteng", R.KALTENG_OUTLINE, {k: v[3] for k, v in R.KALTENG_KABKOTA.items()}, cell=0.05,
        lc_cell=0.07, lc_count=45, lc_classes=R.KALTENG_LANDCOVER,
        lc_zone=lambda x, y: "pesisir" if y < -2.6 else ("hulu" if y > -1.0 else "tengah"))
    paser = build_context(
        "paser", R.PASER_OUTLINE, {k: v[1] for k, v in R.PASER_KECAMATAN.items()}, cell=1500.0,
        lc_cell=2000.0, lc_count=40, lc_classes=R.PASER_LANDUSE,
        lc_zone=lambda x, y: "pesisir" if x > 116.3 else ("barat" if x < 115.9 else "tengah"))
    tangerang = build_context(
        "tangerang", R.TANGERANG_OUTLINE, {k: v[1] for k, v in R.TANGERANG_KECAMATAN.items()},
        cell=200.0)
    return {"kalteng": kalteng, "paser": paser, "tangerang": tangerang}


def clean_datasets(ctxs):
    return (kalteng_datasets(ctxs["kalteng"]) + paser_datasets(ctxs["paser"])
            + tangerang_datasets(ctxs["tangerang"]))
