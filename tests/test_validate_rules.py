"""The validator's rules on the sample data (the acceptance test of issue 4): every planted
defect of every latihan/ dataset is found with its rule id and feature ids, and the clean
datasets give no error and no warning.  Plus the rules' own edge cases on small real layers."""
import json
import os

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorFileWriter,
                       QgsVectorLayer, QgsCoordinateTransformContext)

from sdi_plugin.core.findings import ERROR, INFO, WARNING
from sdi_plugin.core.validate import RULE_IDS, validate_layer, validate_path
from sdi_plugin.core.validate.crs_identify import identify

CONTRACT_IDS = ["kugi.layer_name", "kugi.geometry_type", "kugi.required_attribute", "kugi.attribute_type",
                "kugi.fcode", "kugi.domain", "kugi.srs_id", "kugi.metadata_ref", "crs.accepted", "geom.valid",
                "geom.empty", "geom.duplicate", "topo.overlap", "topo.gap", "topo.sliver", "text.encoding",
                "extent.indonesia", "meta.complete"]


@pytest.fixture(scope="module")
def manifest(sample_data_dir):
    with open(os.path.join(sample_data_dir, "manifest.json"), encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def results(sample_data_dir, manifest):
    out = {}
    for ds in manifest["datasets"]:
        layer = ds["layer"] if ds["format"] == "GPKG" else None
        out[ds["id"]] = validate_path(os.path.join(sample_data_dir, ds["file"]), layer).results[0]
    return out


def ids_of(findings):
    """Every feature id a set of findings names (the feature, its pair, its neighbours)."""
    ids = set()
    for f in findings:
        if f.feature_id is not None:
            ids.add(f.feature_id)
        for key in ("pair", "feature_ids"):
            ids.update(f.details.get(key) or [])
        if "duplicate_of" in f.details:
            ids.add(f.details["duplicate_of"])
    return ids


def test_rule_ids_are_the_contract():
    assert list(RULE_IDS[:len(CONTRACT_IDS)]) == CONTRACT_IDS


def test_every_planted_defect_is_found_with_its_rule_and_features(manifest, results):
    planted = [ds for ds in manifest["datasets"] if ds["defects"]]
    assert len(planted) >= 18
    for ds in planted:
        found = results[ds["id"]].findings
        for defect in ds["defects"]:
            hits = [f for f in found if f.rule == defect["rule"] and f.severity != INFO]
            assert hits, (ds["id"], defect)
            if defect["feature_ids"]:
                assert set(defect["feature_ids"]) <= ids_of(hits), (ds["id"], defect, ids_of(hits))
            else:
                assert any(f.feature_id is None for f in hits), (ds["id"], defect)
        # nothing else is wrong with it: the rules of its errors and warnings are the planted ones
        rules = {f.rule for f in found if f.severity in (ERROR, WARNING)}
        assert rules == {d["rule"] for d in ds["defects"]}, ds["id"]


def test_clean_datasets_give_no_error_and_no_warning(manifest, results):
    clean = [ds for ds in manifest["datasets"] if ds["publish"]]
    assert len(clean) >= 15
    for ds in clean:
        bad = [(f.rule, f.message) for f in results[ds["id"]].findings if f.severity != INFO]
        assert bad == [], ds["id"]
        infos = {f.rule for f in results[ds["id"]].findings}
        assert infos <= {"meta.complete", "kugi.attribute_type"}, ds["id"]   # justified infos only


def test_planted_details(manifest, results):
    by_id = {d["id"]: d for d in manifest["datasets"]}
    valid = [f for f in results["latihan_geom_valid"].findings if f.rule == "geom.valid"]
    reasons = {d["feature_ids"][0]: d["geos_error"] for d in by_id["latihan_geom_valid"]["defects"]}
    for f in valid:                                      # GEOS's reason and location
        assert f.details["reason"] == reasons[f.feature_id]
        assert f.location.startswith("POINT(")
    overlaps = {tuple(f.details["pair"]): f for f in results["latihan_topo_overlap"].findings
                if f.rule == "topo.overlap"}
    for d in by_id["latihan_topo_overlap"]["defects"]:     # the pair and the area
        f = overlaps[tuple(d["feature_ids"])]
        assert f.details["area_m2"] == pytest.approx(d["area_m2"], abs=0.01)
        assert QgsGeometry.fromWkt(f.location).area() == pytest.approx(d["area_m2"], abs=0.01)
    (gap,) = [f for f in results["latihan_topo_gap"].findings if f.rule == "topo.gap"]
    assert gap.details["area_m2"] == pytest.approx(by_id["latihan_topo_gap"]["defects"][0]["area_m2"], abs=0.01)
    (dup,) = [f for f in results["latihan_geom_duplicate"].findings if f.rule == "geom.duplicate"]
    assert dup.severity == ERROR and dup.details["same_attributes"] is True
    (crs,) = [f for f in results["latihan_crs_dgn95"].findings if f.rule == "crs.accepted"]
    assert crs.details["target"] == "EPSG:9470" and "EPSG:9472" in crs.fix
    (utm,) = [f for f in results["latihan_crs_dgn95_utm"].findings if f.rule == "crs.accepted"]
    assert utm.details["target"] == "EPSG:9488"
    (name,) = [f for f in results["latihan_layer_name"].findings if f.rule == "kugi.layer_name"]
    assert name.details["expected"] == "JALAN_LN_10K" and "JALAN_LN_10K" in name.fix
    (geom,) = [f for f in results["latihan_geometry_type"].findings if f.rule == "kugi.geometry_type"]
    assert (geom.details["expected"], geom.details["found"]) == ("LineString", "Point")
    swapped = [f for f in results["latihan_extent"].findings if f.rule == "extent.indonesia"]
    assert all(f.details.get("swapped") for f in swapped)
    enc = [f for f in results["latihan_encoding_tanpa_cpg"].findings if f.rule == "text.encoding"]
    assert {f.details.get("detected") for f in enc} == {"cp1252"}


def test_rules_run_depend_on_the_layer(results):
    assert "topo.gap" in results["latihan_topo_gap"].rules            # administrative areas: a coverage
    assert "topo.gap" not in results["tangerang_persil"].rules        # parcels are not
    assert "topo.overlap" not in results["tangerang_jalan"].rules     # lines
    assert set(CONTRACT_IDS) - {"topo.gap"} <= set(results["latihan_topo_overlap"].rules)


# -- small layers for the rules' edge cases ---------------------------------------------------
def write_gpkg(path, layer_name, wkb, crs, fields, rows):
    """rows: [(attribute dict, WKT or None)] -> a GeoPackage layer (real file, real driver)."""
    spec = "&".join("field=%s:%s" % (n, t) for n, t in fields)
    mem = QgsVectorLayer("%s?crs=%s&%s" % (wkb, crs, spec), layer_name, "memory")
    feats = []
    for attrs, wkt in rows:
        f = QgsFeature(mem.fields())
        f.setAttributes([attrs.get(n) for n, _ in fields])
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    mem.dataProvider().addFeatures(feats)
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName, opts.layerName = "GPKG", layer_name
    err = QgsVectorFileWriter.writeAsVectorFormatV3(mem, str(path), QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return str(path)


CORE = [("FCODE", "string(50)"), ("NAMOBJ", "string(250)"), ("REMARK", "string(250)"), ("SRS_ID", "string(50)"),
        ("METADATA", "string(50)")]


def core(fcode="BA02060040", name="Batas", srs="SRGI 2013", meta="TASWIL2500020240101_BATAS"):
    return {"FCODE": fcode, "NAMOBJ": name, "REMARK": "", "SRS_ID": srs, "METADATA": meta}


def test_domain_srs_id_types_and_lengths(tmp_path):
    fields = [(n, "string(400)" if n == "NAMOBJ" else t) for n, t in CORE] + [("KLBADM", "integer"),
                                                                        ("STSBTS", "string(10)")]
    rows = [(dict(core(), KLBADM=8, STSBTS="1"), "LineString(700000 9300000, 700100 9300000)"),
            (dict(core(srs="WGS 84"), KLBADM=42, STSBTS="1"), "LineString(700000 9300100, 700100 9300100)"),
            (dict(core(srs="apa saja", name="x" * 300), KLBADM=8, STSBTS="1"),
             "LineString(700000 9300200, 700100 9300200)")]
    path = write_gpkg(tmp_path / "a.gpkg", "ADMINISTRASI_LN_25K", "LineString", "EPSG:9488", fields, rows)
    found = validate_path(path).results[0].findings
    by = {}
    for f in found:
        by.setdefault(f.rule, []).append(f)
    assert [f.feature_id for f in by["kugi.domain"]] == [2]                    # 42 is not a KLBADM code
    assert sorted(f.feature_id for f in by["kugi.srs_id"]) == [2, 3]         # WGS 84 != SRGI2013; unknown
    types = {(f.severity, f.details.get("field")) for f in by["kugi.attribute_type"]}
    assert (ERROR, "STSBTS") in types                                         # text where KUGI wants a number
    assert (ERROR, "NAMOBJ") in types                                         # 300 > 250 characters


def test_esri_prj_without_epsg_code_is_srgi2013(tmp_path):
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(9470)
    srs.MorphToESRI()
    crs = QgsCoordinateReferenceSystem.fromWkt(srs.ExportToWkt())
    mem = QgsVectorLayer("Point?field=FCODE:string(50)", "TOPONIMI_PT_10K", "memory")
    f = QgsFeature(mem.fields())
    f.setGeometry(QgsGeometry.fromWkt("Point(106.6 -6.2)"))
    mem.dataProvider().addFeatures([f])
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "ESRI Shapefile"
    path = str(tmp_path / "TOPONIMI_PT_10K.shp")
    QgsVectorFileWriter.writeAsVectorFormatV3(mem, path, QgsCoordinateTransformContext(), opts)
    with open(path[:-4] + ".prj", "w") as fh:
        fh.write(srs.ExportToWkt())                    # what ArcGIS or GDAL write: no EPSG code
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.crs().isValid() and crs.isValid()
    assert identify(layer.crs()) == ("EPSG:9470", "matched" if not layer.crs().authid() else "authid")
    found = validate_path(path).results[0].findings
    assert not [f for f in found if f.rule == "crs.accepted"]


def test_no_crs_is_an_error_with_a_clear_message(tmp_path):
    rows = [(core(fcode="KA01070010"), "Point(106.6 -6.2)")]
    gpkg = write_gpkg(tmp_path / "n.gpkg", "TOPONIMI_PT_10K", "Point", "", CORE, rows)
    gpkg_crs = QgsVectorLayer(gpkg, "n", "ogr").crs()
    # QGIS 3.22: GeoPackage's "Undefined geographic SRS"; QGIS 3.40: an invalid CRS, empty description
    assert gpkg_crs.description().startswith("Undefined") or (not gpkg_crs.isValid() and not gpkg_crs.description())
    shp = str(tmp_path / "TOPONIMI_PT_10K.shp")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "ESRI Shapefile"
    QgsVectorFileWriter.writeAsVectorFormatV3(QgsVectorLayer(gpkg, "n", "ogr"), shp,
                                              QgsCoordinateTransformContext(), opts)
    if os.path.exists(shp[:-4] + ".prj"):
        os.remove(shp[:-4] + ".prj")
    assert not QgsVectorLayer(shp, "s", "ogr").crs().isValid()
    for path in (gpkg, shp):
        found = validate_layer(QgsVectorLayer(path, "n", "ogr")).findings
        (crs,) = [f for f in found if f.rule == "crs.accepted"]
        assert crs.severity == ERROR and "no coordinate reference system" in crs.message, path
        assert not [f for f in found if f.rule == "extent.indonesia"]


def test_wgs84_is_accepted_with_a_warning(tmp_path):
    rows = [(core(fcode="KA01070010", srs="4326"), "Point(106.6 -6.2)")]
    path = write_gpkg(tmp_path / "w.gpkg", "TOPONIMI_PT_10K", "Point", "EPSG:4326", CORE, rows)
    found = validate_path(path).results[0].findings
    (crs,) = [f for f in found if f.rule == "crs.accepted"]
    assert crs.severity == WARNING and crs.details["target"] == "EPSG:9470"
    assert not [f for f in found if f.rule == "kugi.srs_id"]        # '4326' names the layer's datum


def test_sliver_and_overlap_in_geographic_degrees(tmp_path):
    fields = CORE + [("LUASHA", "double")]
    rows = [(core(fcode="FA03030010"), "Polygon((113 -2, 113.1 -2, 113.1 -1.9, 113 -1.9, 113 -2))"),
            (core(fcode="FA03030010"), "Polygon((113.05 -2, 113.15 -2, 113.15 -1.9, 113.05 -1.9, 113.05 -2))"),
            (core(fcode="FA03030010"), "Polygon((113.2 -2, 113.2001 -2, 113.2001 -1.9, 113.2 -1.9, 113.2 -2))")]
    path = write_gpkg(tmp_path / "g.gpkg", "PENUTUPLAHAN_AR_250K", "Polygon", "EPSG:9470", fields, rows)
    found = validate_path(path).results[0].findings
    (ov,) = [f for f in found if f.rule == "topo.overlap"]
    assert ov.details["pair"] == [1, 2]
    assert 5.0e7 < ov.details["area_m2"] < 6.5e7                  # 0.05 x 0.1 degree near the equator
    (sl,) = [f for f in found if f.rule == "topo.sliver"]
    assert sl.feature_id == 3 and 5 < sl.details["width_m"] < 25  # 0.0001 degree wide at 1:250,000


def test_mojibake_in_a_geopackage_and_untrimmed_text(tmp_path):
    rows = [(core(fcode="KA01070010", name="Masjid Raya Al-A\u00e2\u20ac\u2122zhom"), "Point(680000 9317000)"),
            (core(fcode="KA01070010", name=" Pasar Lama "), "Point(680100 9317000)")]
    path = write_gpkg(tmp_path / "m.gpkg", "TOPONIMI_PT_10K", "Point", "EPSG:9488", CORE, rows)
    found = [f for f in validate_path(path).results[0].findings if f.rule == "text.encoding"]
    assert {(f.severity, f.feature_id) for f in found} == {(WARNING, 1), (INFO, None)}
    assert [f.details["feature_ids"] for f in found if f.severity == INFO] == [[2]]


def test_metadata_seam(tmp_path, sample_data_dir):
    path = os.path.join(sample_data_dir, "tangerang", "JALAN_LN_10K.shp")
    (info,) = [f for f in validate_path(path).results[0].findings if f.rule == "meta.complete"]
    assert info.severity == INFO and "not checked" in info.message
    xml = tmp_path / "meta.xml"
    xml.write_text('<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" '
                   'xmlns:gco="http://www.isotc211.org/2005/gco"><gmd:fileIdentifier><gco:CharacterString>'
                   'LAIN_ID</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>')
    found = validate_path(path, metadata_path=str(xml)).results[0].findings
    assert any(f.rule == "meta.complete" and f.details.get("file") == str(xml) for f in found)
    # METADATA must name the record: every feature says TRANSP…_JALAN_TANGERANG, the record LAIN_ID
    refs = [f for f in found if f.rule == "kugi.metadata_ref"]
    assert refs and all("LAIN_ID" in f.fix for f in refs)
    missing = validate_path(path, metadata_path=str(tmp_path / "nope.xml")).results[0].findings
    assert any(f.rule == "meta.complete" and f.severity == ERROR for f in missing)


def test_worded_findings_read_in_the_language_of_their_run(sample_data_dir):
    """topo.overlap and geom.valid findings keep their facts and the run's wording, not a message
    and a details dictionary each (a province holds them by the hundred thousand): read later,
    after the language changed, they still say what the run said, in its language."""
    import gc

    from osgeo import ogr

    from sdi_plugin.core.findings import Finding
    from sdi_plugin.core.i18n import install_translator, remove_translator
    latihan = os.path.join(sample_data_dir, "latihan")
    try:
        install_translator("id")
        overlaps = validate_path(os.path.join(latihan, "topo_overlap.gpkg")).results[0].findings
        invalid = validate_path(os.path.join(latihan, "geom_valid.gpkg")).results[0].findings
    finally:
        remove_translator()
        install_translator("en")
    overlaps = [f for f in overlaps if f.rule == "topo.overlap"]
    invalid = [f for f in invalid if f.rule == "geom.valid"]
    assert overlaps and invalid
    # the area computed apart, by OGR from the file, in Indonesian number format
    ds = ogr.Open(os.path.join(latihan, "topo_overlap.gpkg"))
    lyr = ds.GetLayer(0)
    for f in overlaps:
        a, b = f.feature_id, f.details["other_id"]
        fa, fb = lyr.GetFeature(a), lyr.GetFeature(b)      # kept: their geometries are theirs
        area = fa.GetGeometryRef().Intersection(fb.GetGeometryRef()).GetArea()
        assert f.details["pair"] == [a, b] and abs(f.details["area_m2"] - area) < 0.001
        text = ("%.2f" % area).replace(".", ",")
        text = text[:-6] + "." + text[-6:] if area >= 1000 else text   # 1.234,56
        assert f.message == "Unsur %d dan %d tumpang tindih seluas %s m²." % (a, b, text), f.message
        assert f.to_dict()["message"] == f.message and f.to_dict()["details"] == f.details
        # what a reader changes in the details it got changes nothing; what it assigns stays
        f.details["pair"].append(99)
        assert f.details["pair"] == [a, b]
        # the location is the overlap's WKT, kept as WKB: the finding refers to no dictionary, no
        # message and no WKT of its own
        assert QgsGeometry.fromWkt(f.location).area() == pytest.approx(area, rel=1e-9)
        assert not [r for r in gc.get_referents(f) if isinstance(r, dict) or r in (f.message, f.location)]
    for f in invalid:
        assert f.message.startswith("Geometri tidak valid: ") and f.details == {"reason": f.details["reason"]}
        if f.location:
            x, y = f.location[len("POINT("):-1].split()
            assert " di %.2f, %.2f." % (float(x), float(y)) in f.message
    # a worded finding equals the same finding written out, and can be rewritten
    f = overlaps[0]
    plain = Finding(f.rule, f.severity, f.message, f.fix, f.feature_id, f.location, f.details)
    assert f == plain and repr(f) == repr(plain)
    f.details = {"pair": [1, 2]}
    assert f.details == {"pair": [1, 2]} and f.message == plain.message and f != plain


def test_findings_sort_in_two_passes_as_the_key_orders_them():
    """sort_findings (two stable passes, no key tuple per finding) gives the order of sort_key,
    ties kept in the order found: rules in RULE_IDS order then unknown ones, ids ascending, a
    missing or text id first."""
    import random

    from sdi_plugin.core.findings import Finding
    from sdi_plugin.core.validate.report import sort_findings, sort_key
    rng = random.Random(7)
    rules = list(RULE_IDS) + ["no.such.rule", "other.rule"]
    found = [Finding(rng.choice(rules), ERROR, "#%d" % i, feature_id=rng.choice([None, "x", -3, 0, 1, 2, 5, 10 ** 12]))
             for i in range(3000)]
    want = [f.message for f in sorted(found, key=sort_key)]
    sort_findings(found)
    assert [f.message for f in found] == want
    assert found[0].rule == RULE_IDS[0] or RULE_IDS[0] not in {f.rule for f in found}
