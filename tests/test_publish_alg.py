"""``sdi:publishdataset`` in-process and under ``qgis_process`` (as a user runs it): a dry run
against the GeoServer double with an authcfg, a real publish of the record to pycsw, and a
failure that still writes OUTPUT_PLAN and exits non-zero with the node's words."""
import json
import os
import subprocess

import processing
import pytest
from qgis.core import QgsApplication, QgsProcessingException

from fixtures_publish import catalogue_records, restore_catalogue

from sdi_plugin.compat import auth_database_path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASTER = "simpul-test-master"


def _qgis_process(args, tmp_path):
    secret = tmp_path / "master.txt"
    secret.write_text(MASTER)   # how qgis_process unlocks the tests' auth database (no prompt)
    env = dict(os.environ, QGIS_AUTH_PASSWORD_FILE=str(secret),
               QGIS_AUTH_DB_DIR_PATH=os.path.dirname(auth_database_path()))
    return subprocess.run([os.path.join(ROOT, "tools", "qgis_process"), "--json", "run", "sdi:publishdataset", "--"]
                          + args, capture_output=True, text=True, timeout=180, env=env)


def _gpkg(sample_data_dir, region, table):
    return "%s|layername=%s" % (os.path.join(sample_data_dir, region, region + ".gpkg"), table)


def test_algorithm_is_offered(sdi_provider):
    alg = QgsApplication.processingRegistry().algorithmById("sdi:publishdataset")
    assert alg is not None
    names = {p.name() for p in alg.parameterDefinitions()}
    assert {"INPUT", "NODE", "AUTHCFG", "METADATA", "DRY_RUN", "OUTPUT_PLAN", "WORKSPACE", "OVERWRITE",
            "OVERRIDE_REASON"} <= names


def test_dry_run_in_process(sdi_provider, gs_double, gs_auth, sample_data_dir, tmp_path):
    out = tmp_path / "plan.json"
    result = processing.run("sdi:publishdataset", {
        "INPUT": _gpkg(sample_data_dir, "paser", "JALAN_LN_25K"), "NODE": gs_double.base_url, "AUTHCFG": gs_auth,
        "DRY_RUN": True, "WORKSPACE": "bappeda_paser", "OUTPUT_PLAN": str(out), "LOG_FOLDER": str(tmp_path / "log")})
    assert result["RESULT"] == "planned" and result["CHANGES"] == 5
    plan = json.loads(out.read_text())
    assert plan["node"]["geoserver_rest"] == gs_double.rest_url
    assert [c["name"] for c in plan["changes"]][:2] == ["bappeda_paser", "bappeda_paser:JALAN_LN_25K"]
    assert gs_double.snapshot()["workspaces"] == []
    assert os.listdir(str(tmp_path / "log"))


def test_qgis_process_dry_run_against_the_double(gs_double, gs_auth, sample_data_dir, tmp_path):
    out = tmp_path / "plan.json"
    proc = _qgis_process(["INPUT=%s" % _gpkg(sample_data_dir, "tangerang", "PERSIL_AR_1K"),
                          "NODE=%s" % gs_double.base_url, "AUTHCFG=%s" % gs_auth, "DRY_RUN=true",
                          "OUTPUT_PLAN=%s" % out, "LOG_FOLDER=%s" % (tmp_path / "log")], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["RESULT"] == "planned"
    plan = json.loads(out.read_text())
    assert [(c["resource"], c["action"]) for c in plan["changes"]] == [
        ("workspace", "create"), ("datastore", "create"), ("featuretype", "create"), ("style", "create"),
        ("layer", "create")]
    assert {r["method"] for r in gs_double.requests} == {"GET"}
    assert gs_double.snapshot()["workspaces"] == []


def test_qgis_process_publishes_a_record_to_pycsw(demo_node, sample_data_dir, tmp_path):
    before = catalogue_records(demo_node, canonical=False)
    out = tmp_path / "result.json"
    try:
        proc = _qgis_process(["INPUT=%s" % os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"),
                              "NODE=%s" % demo_node.base_url, "OUTPUT_PLAN=%s" % out,
                              "TARGETS=1",   # the catalogue only (the node's /geoserver wants credentials)
                              "OVERRIDE_REASON=Uji publikasi katalog; SRS_ID dilengkapi pekan depan",
                              "LOG_FOLDER=%s" % (tmp_path / "log")], tmp_path)
        assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
        report = json.loads(out.read_text())
        assert report["result"] == "published" and report["verified"], report["message"]
        assert report["gate"]["validator"] == "ran" and report["gate"]["overridden"]
        assert "kugi.srs_id" in report["gate"]["verdict"] or report["gate"]["errors"] >= 6
        assert [(c["target"], c["action"], c["result"]) for c in report["changes"]] == [("csw", "create", "done")]
        record_id = report["record_id"]
        assert record_id == "HIDROG1000020240603_LATIHAN_SUNGAI_SRSID_KOSONG"
        stored = catalogue_records(demo_node)[record_id]
        assert b"SRS_ID dilengkapi pekan depan" in stored and b"kugi.srs_id" in stored   # in the lineage
    finally:
        restore_catalogue(demo_node, before)


def test_a_failure_writes_the_plan_and_raises_the_nodes_words(sdi_provider, gs_double, sample_data_dir, tmp_path):
    out = tmp_path / "result.json"
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sdi:publishdataset", {"INPUT": _gpkg(sample_data_dir, "tangerang", "PERSIL_AR_1K"),
                                              "NODE": gs_double.base_url, "OUTPUT_PLAN": str(out),
                                              "LOG_FOLDER": str(tmp_path / "log")})
    report = json.loads(out.read_text())
    assert report["result"] == "failed" and "HTTP 401" in report["message"]
    assert "HTTP 401" in str(err.value) and "Traceback" not in str(err.value)
