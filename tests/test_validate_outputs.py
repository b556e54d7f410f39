"""The validator's outputs: the JSON report (its schema is a contract), the HTML report
(summary, chart, map thumbnail, every finding, print CSS, the UI language) and the error
layer (a GeoPackage with one feature per finding, at its location)."""
import base64
import json
import os
import re

import pytest
from qgis.core import QgsVectorLayer, QgsWkbTypes

from sdi_plugin.core.i18n import install_translator, remove_translator
from sdi_plugin.core.validate import validate_batch, validate_path
from sdi_plugin.core.validate.outputs import write_outputs


@pytest.fixture(scope="module")
def overlap(sample_data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    report = validate_path(os.path.join(sample_data_dir, "latihan", "topo_overlap.gpkg"))
    paths = write_outputs(report, str(out / "errors.gpkg"), str(out / "report.html"), str(out / "report.json"))
    return report, paths


def test_json_report_schema(overlap):
    report, paths = overlap
    with open(paths["json"], encoding="utf-8") as fh:
        doc = json.load(fh)
    assert {"dataset", "standard", "rules", "summary", "findings"} <= set(doc)
    assert doc["report"] == "simpul.validation" and doc["schema_version"] == 1
    assert doc["dataset"]["name"] == "PERSIL_AR_1K" and doc["dataset"]["feature_count"] == 80
    assert doc["dataset"]["crs"] == "EPSG:9488"
    assert doc["dataset"]["feature_type"]["fcode"] == "LA03100010"
    assert doc["standard"]["name"].startswith("KUGI") and doc["standard"]["version"]
    assert {p["kind"] for p in doc["standard"]["parts"]} == {"kugi", "crs", "metadata_profile", "validation_settings"}
    assert all({"id", "severity", "title"} <= set(r) for r in doc["rules"])
    assert "topo.overlap" in [r["id"] for r in doc["rules"]]
    s = doc["summary"]
    assert (s["errors"], s["warnings"], s["infos"], s["total"]) == (2, 0, 1, 3)
    assert s["by_rule"] == {"topo.overlap": 2, "meta.complete": 1}
    assert s["by_rule_severity"]["topo.overlap"] == {"error": 2, "warning": 0, "info": 0}
    for f in doc["findings"]:
        assert {"rule", "severity", "feature_id", "message", "fix"} <= set(f)
    ov = [f for f in doc["findings"] if f["rule"] == "topo.overlap"]
    assert [f["feature_id"] for f in ov] == [12, 57]
    assert ov[0]["details"]["pair"] == [12, 13] and ov[0]["location"].startswith("Polygon")
    assert doc["canceled"] is False and doc["batch"] is False


def test_html_report(overlap):
    report, paths = overlap
    with open(paths["html"], encoding="utf-8") as fh:
        text = fh.read()
    assert text.startswith("<!DOCTYPE html>") and '<html lang="' in text
    assert "<svg" in text and "topo.overlap" in text                          # the chart
    assert "@media print" in text and "@page" in text                          # printable
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched
    m = re.search(r'src="data:image/png;base64,([^"]+)"', text)                # the map thumbnail
    png = base64.b64decode(m.group(1))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000
    for f in report.findings:                                                   # every finding listed
        assert f.message.replace("²", "&#178;") in text or f.message in text
    assert "Features 12 and 13 overlap" in text


def test_error_layer(overlap):
    _, paths = overlap
    names = {name: (count, uri) for name, count, uri in paths["errors"]}
    assert set(names) == {"errors_polygon", "findings"}
    poly = QgsVectorLayer(names["errors_polygon"][1], "e", "ogr")
    assert poly.isValid() and poly.featureCount() == 2
    assert poly.geometryType() == QgsWkbTypes.PolygonGeometry and poly.crs().authid() == "EPSG:9488"
    assert {"rule", "severity", "message", "feature_id"} <= set(poly.fields().names())
    rows = sorted((f["rule"], f["severity"], f["feature_id"]) for f in poly.getFeatures())
    assert rows == [("topo.overlap", "error", 12), ("topo.overlap", "error", 57)]
    assert all(f.geometry().area() > 20 for f in poly.getFeatures())          # the overlap itself
    table = QgsVectorLayer(names["findings"][1], "t", "ogr")
    assert table.featureCount() == 3                                            # also dataset-level ones
    assert poly.styleManager() is not None and poly.renderer().type() == "categorizedSymbol"


def test_batch_report_over_a_folder(sample_data_dir, tmp_path):
    report = validate_batch(os.path.join(sample_data_dir, "latihan"))
    paths = write_outputs(report, str(tmp_path / "e.gpkg"), str(tmp_path / "r.html"), str(tmp_path / "r.json"))
    with open(paths["json"], encoding="utf-8") as fh:
        doc = json.load(fh)
    assert doc["batch"] is True and doc["dataset"]["kind"] == "batch"
    assert len(doc["datasets"]) == 18 and all("summary" in d for d in doc["datasets"])
    labels = {d["label"] for d in doc["datasets"]}
    assert "encoding_cpg_utf8/TOPONIMI_PT_10K.shp" in labels and "topo_gap.gpkg | ADMINISTRASIKECAMATAN_AR_10K" in labels
    assert all(f["dataset"] in labels for f in doc["findings"])
    assert doc["summary"]["datasets"] == 18
    expected = {"kugi.layer_name", "kugi.geometry_type", "kugi.required_attribute", "kugi.fcode", "kugi.srs_id",
                "kugi.metadata_ref", "crs.accepted", "geom.valid", "geom.empty", "geom.duplicate", "topo.overlap",
                "topo.gap", "topo.sliver", "text.encoding", "extent.indonesia"}
    assert expected <= set(doc["summary"]["by_rule"])
    layers = {name for name, _, _ in paths["errors"]}
    assert {"errors_point", "errors_polygon", "findings"} <= layers
    point = QgsVectorLayer(str(tmp_path / "e.gpkg") + "|layername=errors_point", "p", "ogr")
    assert point.crs().authid() == "EPSG:9470"                       # mixed CRSs: SRGI2013 geographic
    with open(paths["html"], encoding="utf-8") as fh:
        assert fh.read().count("data:image/png;base64,") >= 10      # a thumbnail per dataset


def test_a_multi_layer_geopackage_in_one_run(sample_data_dir):
    report = validate_batch(os.path.join(sample_data_dir, "kalteng", "kalteng.gpkg"))
    assert [r.dataset["name"] for r in report.results] == [
        "ADMINISTRASIKABKOTA_AR_250K", "SUNGAI_LN_250K", "JALAN_LN_250K", "PENUTUPLAHAN_AR_250K"]
    s = report.summary()
    assert (s["errors"], s["warnings"]) == (0, 0)


def test_report_speaks_the_ui_language(sample_data_dir, tmp_path):
    try:
        lang = install_translator("id")
        report = validate_path(os.path.join(sample_data_dir, "latihan", "geom_valid.gpkg"))
        path = write_outputs(report, html_path=str(tmp_path / "r.html"), json_path=str(tmp_path / "r.json"))
        with open(path["json"], encoding="utf-8") as fh:
            doc = json.load(fh)
        assert doc["language"] == report.language == "id"
        crs_part = [p for p in doc["standard"]["parts"] if p["kind"] == "crs"][0]
        assert crs_part["name"].startswith("Reference systems")          # the file's name stays as it is
        assert crs_part["title"].startswith("Sistem referensi")          # the title follows the language
    finally:
        remove_translator()
        install_translator("en")
    assert lang == "id"
    with open(path["html"], encoding="utf-8") as fh:
        html = fh.read()
    assert '<html lang="%s">' % report.language in html
    assert "bagian yang dihimpun untuk Simpul" in html and "subset compiled" not in html
