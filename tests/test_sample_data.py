"""demo/sample_data.py: the generated sample datasets open in QGIS, match manifest.json,
clean ones are valid and KUGI-complete, planted defects are really there, and the
output is the same on every run."""
import hashlib
import json
import os
import re
import struct

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry,
                       QgsProject, QgsVectorLayer, QgsWkbTypes)

from demo import sample_data

FCODE_RE = re.compile(r"^[A-Z]{2}\d{8}$")
LAYER_RE = re.compile(r"^[A-Z]+_(PT|LN|AR)_\d+(\.\d+)?K$")
INDONESIA = (94.0, -11.5, 141.5, 6.5)       # lon/lat box around Indonesia
GEOM = {"Point": QgsWkbTypes.PointGeometry, "LineString": QgsWkbTypes.LineGeometry,
        "Polygon": QgsWkbTypes.PolygonGeometry}
AREA_TOL = 1e-6                              # relative, for coverage area sums


@pytest.fixture(scope="module")
def out(tmp_path_factory, qgis_app):
    d = tmp_path_factory.mktemp("sample_data")
    sample_data.generate(str(d))
    return str(d)


@pytest.fixture(scope="module")
def manifest(out):
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as fh:
        return json.load(fh)


def open_layer(out, ds):
    path = os.path.join(out, ds["file"])
    uri = "%s|layername=%s" % (path, ds["layer"]) if ds["format"] == "GPKG" else path
    layer = QgsVectorLayer(uri, ds["id"], "ogr")
    assert layer.isValid(), uri
    return layer


def features(layer):
    return {f.id(): f for f in layer.getFeatures()}


def by_id(manifest, ds_id):
    return next(d for d in manifest["datasets"] if d["id"] == ds_id)


def rules(ds):
    return {d["rule"] for d in ds["defects"]}


def the_defect(manifest, rule):
    hits = [d for d in manifest["datasets"] if rule in rules(d)]
    assert hits, "no dataset plants %s" % rule
    return hits


def union_and_sum(feats):
    geoms = [f.geometry() for f in feats.values()]
    union = QgsGeometry.unaryUnion(geoms)
    return union, sum(g.area() for g in geoms)


def holes(geom):
    polys = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
    return [QgsGeometry.fromPolygonXY([ring]) for poly in polys for ring in poly[1:]]


# ------------------------------------------------------------------------ manifest
def test_manifest_contract(manifest):
    assert manifest["generator"] == "demo/sample_data.py"
    assert manifest["generator_version"] == sample_data.GENERATOR_VERSION
    assert any("illustrative" in n for n in manifest["notes"])
    regions = {r["id"]: r for r in manifest["regions"]}
    assert {k: r["crs"] for k, r in regions.items()} == {
        "kalteng": "EPSG:9470", "paser": "EPSG:9490", "tangerang": "EPSG:9488"}
    keys = {"id", "region", "title", "title_en", "abstract", "abstract_en", "file", "layer",
            "format", "geometry", "crs", "scale", "fcode", "kugi_category", "keywords",
            "metadata_id", "feature_count", "bbox_4326", "date", "organisation", "publish",
            "fields", "defects"}
    ids, mids = set(), set()
    recorded = {f["fcode"] for f in manifest["fcodes"]}
    for ds in manifest["datasets"]:
        assert keys <= set(ds), ds["id"]
        assert ds["region"] in regions
        assert ds["id"] not in ids and ds["metadata_id"] not in mids
        ids.add(ds["id"])
        mids.add(ds["metadata_id"])
        assert len(ds["metadata_id"]) <= 50
        assert ds["publish"] == (not ds["defects"])
        assert ds["fcode"] in recorded
        assert len(rules(ds)) <= 1, "one defect kind per dataset: %s" % ds["id"]
    clean = [d for d in manifest["datasets"] if d["publish"]]
    assert {d["region"] for d in clean} == set(regions)
    for rid in regions:      # one GeoPackage and at least one Shapefile per region
        fmts = {d["format"] for d in clean if d["region"] == rid}
        assert fmts == {"GPKG", "ESRI Shapefile"}
    planted = set().union(*(rules(d) for d in manifest["datasets"]))
    assert planted == {"geom.valid", "geom.empty", "geom.duplicate", "topo.overlap", "topo.gap",
                       "topo.sliver", "crs.accepted", "kugi.required_attribute", "kugi.fcode",
                       "kugi.srs_id", "kugi.metadata_ref", "kugi.layer_name",
                       "kugi.geometry_type", "text.encoding", "extent.indonesia"}


def test_every_dataset_opens_and_matches_manifest(out, manifest):
    for ds in manifest["datasets"]:
        layer = open_layer(out, ds)
        assert layer.crs().authid() == ds["crs"], ds["id"]
        assert layer.featureCount() == ds["feature_count"], ds["id"]
        assert layer.geometryType() == GEOM[ds["geometry"]], ds["id"]
        names = [f.name() for f in layer.fields() if f.name() != "fid"]
        assert names == [f["name"] for f in ds["fields"]], ds["id"]
        for spec in ds["fields"]:
            fld = layer.fields().field(spec["name"])
            assert fld.typeName() == spec["type"]
            if spec["type"] == "String":
                assert fld.length() == spec["length"]


# --------------------------------------------------------------------------- clean
def test_clean_datasets_are_valid_and_kugi_complete(out, manifest):
    regions = {r["id"]: r for r in manifest["regions"]}
    for ds in (d for d in manifest["datasets"] if d["publish"]):
        assert ds["crs"] == regions[ds["region"]]["crs"], ds["id"]
        assert LAYER_RE.match(ds["layer"]), ds["layer"]
        assert FCODE_RE.match(ds["fcode"])
        minx, miny, maxx, maxy = ds["bbox_4326"]
        rminx, rminy, rmaxx, rmaxy = regions[ds["region"]]["bbox"]
        assert rminx - 0.01 <= minx < maxx <= rmaxx + 0.01, ds["id"]
        assert rminy - 0.01 <= miny < maxy <= rmaxy + 0.01, ds["id"]
        layer = open_layer(out, ds)
        assert layer.crs().authid() == ds["crs"]
        for f in layer.getFeatures():
            g = f.geometry()
            assert not g.isNull() and not g.isEmpty(), (ds["id"], f.id())
            assert g.isGeosValid(), (ds["id"], f.id())
            assert f["FCODE"] == ds["fcode"] and f["SRS_ID"] == "SRGI 2013"
            assert f["METADATA"] == ds["metadata_id"]
            assert f["NAMOBJ"], (ds["id"], f.id())


def test_clean_coverages_have_no_gaps_or_overlaps(out, manifest):
    checked = 0
    for ds in manifest["datasets"]:
        if not ds["publish"] or not ds.get("coverage"):
            continue
        union, total = union_and_sum(features(open_layer(out, ds)))
        assert union.isGeosValid()
        assert abs(union.area() - total) <= AREA_TOL * total, ds["id"]       # no overlaps
        if ds["coverage"] == "full":
            assert holes(union) == [], ds["id"]                                # no gaps
            assert len(union.asMultiPolygon() if union.isMultipart() else [1]) == 1
        checked += 1
    assert checked >= 7


# ------------------------------------------------------------------------- defects
def test_geom_valid(out, manifest):
    for ds in the_defect(manifest, "geom.valid"):
        bad = {fid for d in ds["defects"] for fid in d["feature_ids"]}
        assert len(bad) >= 2
        for fid, f in features(open_layer(out, ds)).items():
            assert f.geometry().isGeosValid() == (fid not in bad), fid


def test_geom_empty(out, manifest):
    for ds in the_defect(manifest, "geom.empty"):
        bad = {fid for d in ds["defects"] for fid in d["feature_ids"]}
        feats = features(open_layer(out, ds))
        assert any(feats[fid].geometry().isNull() for fid in bad)       # one SQL NULL
        for fid, f in feats.items():
            g = f.geometry()
            assert (g.isNull() or g.isEmpty()) == (fid in bad), fid


def test_geom_duplicate(out, manifest):
    for ds in the_defect(manifest, "geom.duplicate"):
        feats = features(open_layer(out, ds))
        wkts = {}
        for fid, f in feats.items():
            wkts.setdefault(f.geometry().asWkt(), []).append(fid)
        dups = [sorted(v) for v in wkts.values() if len(v) > 1]
        assert dups == [sorted(ds["defects"][0]["feature_ids"])]


def test_topo_overlap(out, manifest):
    for ds in the_defect(manifest, "topo.overlap"):
        feats = features(open_layer(out, ds))
        expected = 0.0
        for d in ds["defects"]:
            a, b = (feats[i].geometry() for i in d["feature_ids"])
            assert a.intersects(b)
            area = a.intersection(b).area()
            assert area > 0 and area == pytest.approx(d["area_m2"], abs=0.01)
            expected += area
        union, total = union_and_sum(feats)
        assert total - union.area() == pytest.approx(expected, rel=1e-6)   # nothing else overlaps


def test_topo_gap(out, manifest):
    ds = the_defect(manifest, "topo.gap")[0]
    d = ds["defects"][0]
    feats = features(open_layer(out, ds))
    union, total = union_and_sum(feats)
    assert union.area() == pytest.approx(total, rel=AREA_TOL)               # no overlap
    gaps = holes(union)
    assert len(gaps) == 1 and gaps[0].area() == pytest.approx(d["area_m2"], abs=0.01)
    for fid in d["feature_ids"]:                                           # between the two
        assert gaps[0].intersects(feats[fid].geometry())


def test_topo_sliver(out, manifest):
    ds = the_defect(manifest, "topo.sliver")[0]
    d = ds["defects"][0]
    feats = features(open_layer(out, ds))
    union, total = union_and_sum(feats)
    assert union.area() == pytest.approx(total, rel=AREA_TOL) and holes(union) == []
    (fid,) = d["feature_ids"]
    sliver = feats[fid].geometry()
    assert sliver.isGeosValid() and sliver.area() == pytest.approx(d["area_m2"], abs=0.01)
    width = 2 * sliver.area() / sliver.length()                          # thin: ~ area/half perimeter
    assert width < 2 * d["width_m"]
    others = [f.geometry().area() for i, f in feats.items() if i != fid]
    assert min(others) > 100 * sliver.area()


def test_crs_accepted(out, manifest):
    srgi = {"EPSG:9470"} | {"EPSG:%d" % c for c in range(9476, 9483)} | \
           {"EPSG:%d" % c for c in range(9487, 9495)}
    hits = the_defect(manifest, "crs.accepted")
    assert {d["crs"] for d in hits} >= {"EPSG:4755", "EPSG:23878"}
    for ds in hits:
        layer = open_layer(out, ds)
        assert layer.crs().authid() == ds["defects"][0]["crs"] not in srgi
        assert "DGN95" in layer.crs().description()
        for f in layer.getFeatures():                  # otherwise clean
            assert f.geometry().isGeosValid() and f["FCODE"] and f["METADATA"]


def test_kugi_attribute_defects(out, manifest):
    kinds = {}
    for rule in ("kugi.required_attribute", "kugi.fcode", "kugi.srs_id", "kugi.metadata_ref"):
        for ds in the_defect(manifest, rule):
            layer = open_layer(out, ds)
            for d in ds["defects"]:
                field = d["field"]
                if field not in layer.fields().names():
                    kinds["missing " + field] = rule
                    assert d["feature_ids"] == []
                    continue
                for fid, f in features(layer).items():
                    value = f[field]
                    if rule == "kugi.fcode":
                        assert bool(FCODE_RE.match(value or "")) == (fid not in d["feature_ids"])
                        kinds["malformed " + field] = rule
                    else:
                        empty = not value            # None, '' or QVariant NULL
                        assert empty == (fid in d["feature_ids"]), (ds["id"], fid)
                        kinds["empty " + field] = rule
    assert kinds == {"missing FCODE": "kugi.required_attribute",
                     "empty FCODE": "kugi.required_attribute", "malformed FCODE": "kugi.fcode",
                     "empty SRS_ID": "kugi.srs_id", "empty METADATA": "kugi.metadata_ref"}


def test_kugi_layer_name_and_geometry_type(manifest):
    (bad,) = the_defect(manifest, "kugi.layer_name")
    assert not LAYER_RE.match(bad["layer"]) and bad["file"].endswith(bad["layer"] + ".shp")
    for ds in manifest["datasets"]:
        if ds is not bad:
            assert LAYER_RE.match(ds["layer"]), ds["layer"]
    for ds in the_defect(manifest, "kugi.geometry_type"):
        geom_code = ds["layer"].split("_")[1]
        assert {"PT": "Point", "LN": "LineString", "AR": "Polygon"}[geom_code] != ds["geometry"]


def _dbf_text(path, field):
    """Raw bytes of one character field in every DBF record (our own reader)."""
    with open(path, "rb") as fh:
        data = fh.read()
    nrec, hlen, rlen = struct.unpack("<IHH", data[4:12])
    offset, fields = 1, {}
    for pos in range(32, hlen - 1, 32):
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        length = data[pos + 16]
        fields[name] = (offset, length)
        offset += length
    off, length = fields[field]
    return [data[hlen + i * rlen + off: hlen + i * rlen + off + length].rstrip(b" ")
            for i in range(nrec)]


def test_text_encoding(out, manifest):
    hits = the_defect(manifest, "text.encoding")
    assert {d["defects"][0]["declared_encoding"] for d in hits} == {"UTF-8", None}
    for ds in hits:
        d = ds["defects"][0]
        base = os.path.splitext(os.path.join(out, ds["file"]))[0]
        for ext in (".shp", ".shx", ".dbf", ".prj"):
            assert os.path.exists(base + ext)
        cpg = base + ".cpg"
        if d["declared_encoding"]:
            with open(cpg, encoding="ascii") as fh:
                assert fh.read().strip() == d["declared_encoding"]
        else:
            assert not os.path.exists(cpg)
        assert open(base + ".dbf", "rb").read()[29] == 0          # no language driver id
        raw = _dbf_text(base + ".dbf", "NAMOBJ")
        remark = _dbf_text(base + ".dbf", "REMARK")
        assert any(b"\x92" in r for r in raw)                       # ’ in cp1252
        for i, (n, r) in enumerate(zip(raw, remark)):
            text = n + b" " + r
            try:
                text.decode("utf-8")
                valid = True
            except UnicodeDecodeError:
                valid = False
            assert valid == (i not in d["feature_ids"]), i
            assert text.decode("cp1252")
        layer = open_layer(out, ds)                                 # GDAL still opens it
        assert layer.featureCount() == len(raw)
        assert all(f.geometry().isGeosValid() for f in layer.getFeatures())


def test_extent_indonesia(out, manifest):
    def inside(b):
        return INDONESIA[0] <= b[0] and b[2] <= INDONESIA[2] and INDONESIA[1] <= b[1] and b[3] <= INDONESIA[3]
    (bad,) = the_defect(manifest, "extent.indonesia")
    ext = open_layer(out, bad).extent()
    assert not inside([ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()])
    for ds in manifest["datasets"]:
        if ds is not bad:
            assert inside(ds["bbox_4326"]), ds["id"]


# --------------------------------------------------------------------- reproducible
def _content(out, manifest):
    content = {}
    for ds in manifest["datasets"]:
        layer = open_layer(out, ds)
        content[ds["id"]] = [(f.id(), f.attributes(), f.geometry().asWkt())
                             for f in layer.getFeatures()]
    return content


def _digests(folder):
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, folder)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def test_same_output_every_run(out, manifest, tmp_path):
    again = tmp_path / "again"
    again.mkdir()
    (again / "manifest.json").write_text(json.dumps({"generator_version": 0}))
    assert sample_data.main(["--out", str(again), "--if-missing"]) == 0   # outdated: regenerates
    with open(again / "manifest.json", encoding="utf-8") as fh:
        second = json.load(fh)
    assert second == manifest
    assert _content(str(again), second) == _content(out, manifest)
    assert _digests(str(again)) == _digests(out)                          # even the bytes


def test_if_missing_keeps_current_output(tmp_path):
    (tmp_path / "manifest.json").write_text(
        json.dumps({"generator_version": sample_data.GENERATOR_VERSION}))
    assert sample_data.main(["--out", str(tmp_path), "--if-missing"]) == 0
    assert sorted(os.listdir(tmp_path)) == ["manifest.json"]


# ------------------------------------------------- every dataset: only its own defect
SRGI = {"EPSG:9470"} | {"EPSG:%d" % c for c in list(range(9476, 9483)) + list(range(9487, 9495))}


def _encoding_ok(out, ds):
    if ds["format"] == "GPKG":
        return True
    base = os.path.splitext(os.path.join(out, ds["file"]))[0]
    declared = None
    if os.path.exists(base + ".cpg"):
        with open(base + ".cpg", encoding="ascii") as fh:
            declared = fh.read().strip()
    codec = {"UTF-8": "utf-8", "1252": "cp1252"}.get(declared, "ascii")
    try:
        for name in ("NAMOBJ", "REMARK"):
            for raw in _dbf_text(base + ".dbf", name):
                raw.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def reference_findings(out, ds):
    """Plain checks standing in for the validator: which rules fire on ``ds``."""
    found = set()
    layer = open_layer(out, ds)
    feats = features(layer)
    names = layer.fields().names()
    if not LAYER_RE.match(ds["layer"]):
        found.add("kugi.layer_name")
    else:
        code = ds["layer"].split("_")[1]
        if {"PT": "Point", "LN": "LineString", "AR": "Polygon"}[code] != ds["geometry"]:
            found.add("kugi.geometry_type")
    if layer.crs().authid() not in SRGI:
        found.add("crs.accepted")
    for field in ("FCODE", "SRS_ID", "METADATA"):
        if field not in names:
            found.add("kugi.required_attribute")
    for f in feats.values():
        if "FCODE" in names:
            if not f["FCODE"]:
                found.add("kugi.required_attribute")
            elif not FCODE_RE.match(f["FCODE"]):
                found.add("kugi.fcode")
        if "SRS_ID" in names and f["SRS_ID"] != "SRGI 2013":
            found.add("kugi.srs_id")
        if "METADATA" in names and not f["METADATA"]:
            found.add("kugi.metadata_ref")
    if not _encoding_ok(out, ds):
        found.add("text.encoding")
    geoms = {fid: f.geometry() for fid, f in feats.items()}
    if any(g.isNull() or g.isEmpty() for g in geoms.values()):
        found.add("geom.empty")
    geoms = {fid: g for fid, g in geoms.items() if not (g.isNull() or g.isEmpty())}
    if any(not g.isGeosValid() for g in geoms.values()):
        found.add("geom.valid")
    wkts = [g.asWkt() for g in geoms.values()]
    if len(set(wkts)) != len(wkts):
        found.add("geom.duplicate")
    ext = layer.extent()
    if not layer.crs().isGeographic():
        ext = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                     QgsProject.instance()).transformBoundingBox(ext)
    if not (INDONESIA[0] <= ext.xMinimum() and ext.xMaximum() <= INDONESIA[2]
            and INDONESIA[1] <= ext.yMinimum() and ext.yMaximum() <= INDONESIA[3]):
        found.add("extent.indonesia")
    if ds["geometry"] == "Polygon" and "geom.valid" not in found and not layer.crs().isGeographic():
        union = QgsGeometry.unaryUnion(list(geoms.values()))
        total = sum(g.area() for g in geoms.values())
        if total - union.area() > AREA_TOL * total:
            found.add("topo.overlap")
        if ds.get("coverage") == "full" and holes(union):
            found.add("topo.gap")
        min_width = 0.0005 * ds["scale"]          # 0.5 mm at map scale
        if any(2 * g.area() / g.length() < min_width for g in geoms.values()):
            found.add("topo.sliver")
    return found


def test_each_dataset_shows_exactly_its_planted_defect(out, manifest):
    for ds in manifest["datasets"]:
        assert reference_findings(out, ds) == rules(ds), ds["id"]
