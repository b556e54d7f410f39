"""sdi:validatedataset, sdi:validatefolder and sdi:fixdataset: in Processing, and through
qgis_process as a user runs them from a fresh checkout."""
import json
import os
import subprocess

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsVectorLayer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QGIS_PROCESS = os.path.join(ROOT, "tools", "qgis_process")


def run(alg, params):
    import processing
    return processing.run(alg, params, feedback=QgsProcessingFeedback())


def qgis_process(*args):
    proc = subprocess.run([QGIS_PROCESS, "--json", "run"] + list(args), capture_output=True, text=True,
                          timeout=180, cwd=ROOT)
    return proc


def test_algorithms_are_offered(sdi_provider):
    reg = QgsApplication.processingRegistry()
    for alg_id in ("sdi:validatedataset", "sdi:validatefolder", "sdi:fixdataset"):
        assert reg.algorithmById(alg_id) is not None, alg_id
    names = [p.name() for p in reg.algorithmById("sdi:validatedataset").parameterDefinitions()]
    assert names == ["INPUT", "FEATURE_TYPE", "METADATA", "OUTPUT_ERRORS", "OUTPUT_HTML", "OUTPUT_JSON"]


def test_validatedataset_in_processing(sdi_provider, sample_data_dir, tmp_path):
    res = run("sdi:validatedataset", {
        "INPUT": os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg"),
        "OUTPUT_ERRORS": str(tmp_path / "e.gpkg"), "OUTPUT_HTML": str(tmp_path / "r.html"),
        "OUTPUT_JSON": str(tmp_path / "r.json")})
    assert (res["ERRORS"], res["WARNINGS"], res["INFOS"], res["FINDINGS"]) == (3, 0, 1, 4)
    assert res["VALID"] is False and res["FEATURE_TYPE"] == "CA02070160"
    assert json.loads(res["BY_RULE"]) == {"kugi.fcode": 3, "meta.complete": 1}
    assert os.path.exists(res["OUTPUT_HTML"]) and os.path.exists(res["OUTPUT_ERRORS"])
    with open(res["OUTPUT_JSON"], encoding="utf-8") as fh:
        assert json.load(fh)["summary"]["errors"] == 3


def test_validatedataset_takes_a_project_layer_and_a_feature_type(sdi_provider, sample_data_dir, tmp_path):
    layer = QgsVectorLayer(os.path.join(sample_data_dir, "latihan", "layer_name", "jalan baru final(2).shp"),
                           "jalan", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        res = run("sdi:validatedataset", {"INPUT": layer.id(), "FEATURE_TYPE": "JALAN_LN_10K",
                                          "OUTPUT_JSON": str(tmp_path / "r.json")})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert res["FEATURE_TYPE"] == "CA02070160" and json.loads(res["BY_RULE"])["kugi.layer_name"] == 1


def test_validatefolder_over_a_folder_and_a_geopackage(sdi_provider, sample_data_dir, tmp_path):
    res = run("sdi:validatefolder", {"INPUT": os.path.join(sample_data_dir, "paser"),
                                     "OUTPUT_JSON": str(tmp_path / "p.json")})
    assert (res["DATASETS"], res["ERRORS"], res["WARNINGS"]) == (5, 0, 0)
    res = run("sdi:validatefolder", {"GEOPACKAGE": os.path.join(sample_data_dir, "latihan", "topo_gap.gpkg"),
                                     "OUTPUT_HTML": str(tmp_path / "g.html")})
    assert res["DATASETS"] == 1 and json.loads(res["BY_RULE"])["topo.gap"] == 1
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException):
        run("sdi:validatefolder", {})


def test_fixdataset_in_processing(sdi_provider, sample_data_dir, tmp_path):
    out = str(tmp_path / "fixed.gpkg")
    res = run("sdi:fixdataset", {"INPUT": os.path.join(sample_data_dir, "latihan", "crs_dgn95.gpkg"), "OUTPUT": out})
    assert res["CRS"] == "EPSG:9470" and res["TRANSFORMED"] == 14 and res["OUTPUT"] == out
    assert res["OUTPUT_LAYER"] == out + "|layername=JALAN_LN_10K"
    again = run("sdi:validatedataset", {"INPUT": res["OUTPUT_LAYER"]})
    assert (again["ERRORS"], again["WARNINGS"]) == (0, 0)


def test_qgis_process_validatedataset(sample_data_dir, tmp_path):
    proc = qgis_process("sdi:validatedataset", "--",
                        "INPUT=%s" % os.path.join(sample_data_dir, "latihan", "geom_valid.gpkg"),
                        "OUTPUT_JSON=%s" % (tmp_path / "r.json"), "OUTPUT_HTML=%s" % (tmp_path / "r.html"),
                        "OUTPUT_ERRORS=%s" % (tmp_path / "e.gpkg"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert (results["ERRORS"], results["WARNINGS"]) == (3, 0)
    with open(tmp_path / "r.json", encoding="utf-8") as fh:
        doc = json.load(fh)
    assert sorted(f["feature_id"] for f in doc["findings"] if f["rule"] == "geom.valid") == [5, 23, 42]
    assert os.path.getsize(tmp_path / "r.html") > 1000 and os.path.exists(tmp_path / "e.gpkg")


def test_qgis_process_fixdataset_then_validate(sample_data_dir, tmp_path):
    out = tmp_path / "ADMINISTRASIKECAMATAN_AR_10K.gpkg"
    proc = qgis_process("sdi:fixdataset", "--",
                        "INPUT=%s" % os.path.join(sample_data_dir, "latihan", "crs_dgn95_utm",
                                                  "ADMINISTRASIKECAMATAN_AR_10K.shp"),
                        "OUTPUT=%s" % out)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["CRS"] == "EPSG:9488" and results["TRANSFORMED"] == 13
    check = qgis_process("sdi:validatedataset", "--", "INPUT=%s" % results["OUTPUT_LAYER"])
    assert check.returncode == 0, check.stderr[-2000:]
    assert json.loads(check.stdout[check.stdout.index("{"):])["results"]["ERRORS"] == 0


def test_qgis_process_validatefolder(sample_data_dir, tmp_path):
    proc = qgis_process("sdi:validatefolder", "--", "INPUT=%s" % os.path.join(sample_data_dir, "paser"),
                        "OUTPUT_JSON=%s" % (tmp_path / "p.json"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert (results["DATASETS"], results["ERRORS"], results["WARNINGS"]) == (5, 0, 0)
    assert os.path.getsize(tmp_path / "p.json") > 100


def test_every_sdi_algorithm_runs_under_qgis_process_in_the_suite(sdi_provider):
    """qgis_process lists every algorithm of the provider, and each has a test that runs it through
    qgis_process (issue 16: every algorithm runs under qgis_process on both QGIS releases)."""
    import glob
    import re
    proc = subprocess.run([QGIS_PROCESS, "--json", "list"], capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    listed = json.loads(proc.stdout[proc.stdout.index("{"):])["providers"]["sdi"]["algorithms"]
    offered = {a.id() for a in QgsApplication.processingRegistry().providerById("sdi").algorithms()}
    assert set(listed) == offered and len(offered) >= 9, (sorted(listed), sorted(offered))
    ran = set()
    for path in glob.glob(os.path.join(ROOT, "tests", "test_*.py")):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if "qgis_process" in text:   # the ids written in a test (or its helper) that runs qgis_process
            for body in re.split(r"\ndef ", text)[1:]:
                if "qgis_process" in body.split("\n", 1)[0] or re.search(r"qgis_process\(|QGIS_PROCESS", body):
                    ran |= set(re.findall(r"sdi:[a-z]+", body))
    assert offered <= ran, "run through qgis_process by no test: %s" % sorted(offered - ran)


def test_qgis_process_says_why_an_input_is_bad(tmp_path):
    bad = tmp_path / "rusak.gpkg"
    bad.write_bytes(b"bukan geopackage")
    proc = qgis_process("sdi:validatedataset", "--", "INPUT=%s" % bad)
    assert proc.returncode != 0
    assert "rusak.gpkg could not be opened" in proc.stdout + proc.stderr


def test_validatedataset_on_a_memory_layer(sdi_provider, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry
    layer = QgsVectorLayer("Point?crs=EPSG:9488&field=FCODE:string(50)&field=NAMOBJ:string(250)"
                           "&field=SRS_ID:string(50)&field=METADATA:string(50)", "TOPONIMI_PT_10K", "memory")
    feats = []
    for i, fcode in enumerate(("KA01070010", "")):
        f = QgsFeature(layer.fields())
        f.setAttributes([fcode, "Tugu %d" % i, "SRGI 2013", "TOPONM1000020240101_TUGU"])
        f.setGeometry(QgsGeometry.fromWkt("Point(%d 9317000)" % (680000 + 10 * i)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    try:
        res = run("sdi:validatedataset", {"INPUT": layer.id(), "OUTPUT_JSON": str(tmp_path / "m.json")})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert json.loads(res["BY_RULE"]).get("kugi.required_attribute") == 1 and res["ERRORS"] == 1
