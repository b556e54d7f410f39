"""Publishing to GeoNode (its API v2 upload) against the GeoNode test double
(tests/geonode_double.py): the plan, a fixed latihan dataset published with its ISO record,
re-publish in place (never a second dataset), faults at every step leaving the node as it was,
Basic and OAuth2 credentials through authcfg, the upload streamed from disk."""
import hashlib
import json
import os
import shutil
import sqlite3

import processing
import pytest
from qgis.core import QgsProcessingFeedback

from sdi_plugin.core.publish import publish_dataset
from sdi_plugin.core.publish.geonode import MultipartBody, fixup_name, is_geonode
from sdi_plugin.core.publish.model import Endpoints
from sdi_plugin.core.network.http import http_request

DEFAULTS = {"node_code": "3600", "node_name": "Simpul Jaringan Provinsi Banten (uji)",
            "organisation": "Bappeda Provinsi Banten", "individual": "Teknisi GIS", "position": "Analis data spasial",
            "email": "simpul@bappeda.bantenprov.go.id", "phone": "+62 254 000000", "address": "Jl. Syekh Nawawi",
            "city": "Serang", "region": "Banten", "postal_code": "42171", "url": "https://bappeda.bantenprov.go.id",
            "topic_category": "inlandWaters"}
FAST = 1.5   # seconds without progress before a request is given up (the timeout faults wait this long)


@pytest.fixture(autouse=True)
def _quick_import_polls(monkeypatch):
    """The double's first look at an import always finds it running (so the poll loop runs every
    time); its next look finds it finished. The pause between two looks is 0.25 s against a real
    GeoNode; against the double nothing changes meanwhile, so the tests pause 0.01 s."""
    from sdi_plugin.core.publish import geonode
    monkeypatch.setattr(geonode, "POLL_SECONDS", 0.01)


def _run(double, src, auth, log, timeout=20, **kw):
    ep = Endpoints(base_url=double.base_url, geonode=double.base_url)
    kw.setdefault("gate", False)
    kw.setdefault("verify", False)
    return publish_dataset(src, authcfg=auth, endpoints=ep, log_folder=log, timeout=timeout, **kw)


def _plan(report):
    return [(c["resource"], c["action"]) for c in report["changes"]]


def _sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _gpkg(sample_data_dir, region, table):
    return "%s|layername=%s" % (os.path.join(sample_data_dir, region, region + ".gpkg"), table)


@pytest.fixture
def fixed_latihan(sdi_provider, sample_data_dir, tmp_path):
    """latihan/srs_id_kosong.gpkg (features without a KUGI SRS_ID) fixed with sdi:fixdataset."""
    out = str(tmp_path / "SUNGAI_LN_10K.gpkg")
    result = processing.run("sdi:fixdataset", {"INPUT": os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"),
                                               "OUTPUT": out})
    assert result["SRS_ID_FILLED"] == 6
    return out


def _table(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT table_name FROM gpkg_contents WHERE data_type='features'").fetchone()[0]
    finally:
        con.close()


def test_dry_run_lists_the_changes_and_changes_nothing(geonode_double, gn_auth, sample_data_dir, tmp_path):
    src = _gpkg(sample_data_dir, "tangerang", "JALAN_LN_10K")
    report = _run(geonode_double, src, gn_auth, str(tmp_path), dry_run=True)
    assert report["result"] == "planned" and report["dry_run"], report["message"]
    assert _plan(report) == [("dataset", "create"), ("metadata", "create")]
    assert report["changes"][0]["name"] == "jalan_ln_10k"   # GeoNode's own naming (fixup_name)
    assert report["changes"][0]["url"] == geonode_double.api_url + "/uploads/upload"
    assert geonode_double.snapshot() == {}
    assert {r["method"] for r in geonode_double.requests} == {"GET"}


def test_publish_a_fixed_latihan_dataset_with_its_iso_record(geonode_double, gn_auth, fixed_latihan, tmp_path):
    defaults = tmp_path / "node_defaults.json"
    defaults.write_text(json.dumps(DEFAULTS))
    report = _run(geonode_double, fixed_latihan, gn_auth, str(tmp_path / "log"), gate=True, verify=True,
                  metadata_defaults=str(defaults))
    assert report["result"] == "published", (report["message"], report["gate"])
    assert report["metadata"]["source"] == "generated"
    assert report["verified"], report["verification"]
    snap = geonode_double.snapshot()
    assert len(snap) == 1
    ds = list(snap.values())[0]
    assert ds["name"] == fixup_name(_table(fixed_latihan))
    assert ds["_sha256"] == _sha(fixed_latihan)          # the exact bytes of the file
    assert ds["title"] != _table(fixed_latihan) and ds["title"]   # the ISO record's title, not the table name
    assert ds["abstract"] != "No abstract provided"
    assert [c["result"] for c in report["changes"]] == ["done", "done"]
    sent = [r for r in geonode_double.requests if r["template"] == "/api/v2/uploads/upload"]
    assert sent[0]["fields"] == ["action", "base_file"]
    meta = [r for r in geonode_double.requests if r["template"] == "/api/v2/datasets/{pk}/metadata"]
    assert meta[0]["fields"] == ["metadata_file"] and meta[0]["status"] == 200
    assert report["links"]["geonode"]


def test_republish_needs_confirmation_then_updates_in_place(geonode_double, gn_auth, sample_data_dir, tmp_path):
    src = _gpkg(sample_data_dir, "paser", "SUNGAI_LN_25K")
    first = _run(geonode_double, src, gn_auth, str(tmp_path))
    assert first["result"] == "published", first["message"]
    before = geonode_double.snapshot()
    again = _run(geonode_double, src, gn_auth, str(tmp_path))
    assert again["result"] == "blocked" and again["needs_confirmation"], again["message"]
    assert _plan(again) == [("dataset", "update"), ("metadata", "update")]
    assert geonode_double.snapshot() == before
    done = _run(geonode_double, src, gn_auth, str(tmp_path), overwrite=True)
    assert done["result"] == "published", done["message"]
    after = geonode_double.snapshot()
    assert list(after) == list(before)            # the same dataset (same pk), no second one
    pk = list(after)[0]
    assert after[pk]["name"] == before[pk]["name"] and after[pk]["uuid"] == before[pk]["uuid"]
    overwrite = [r for r in geonode_double.requests if r["template"] == "/api/v2/uploads/upload"][-1]
    assert sorted(overwrite["fields"]) == ["action", "base_file", "overwrite_existing_layer", "resource_pk"]


def test_a_plain_second_upload_would_duplicate(geonode_double, gn_auth, sample_data_dir, tmp_path):
    """Why the plan matters: GeoNode itself makes a second dataset for the same upload when it is
    not told to overwrite (the double does as GeoNode does); Simpul's re-publish never does."""
    src = os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")
    assert _run(geonode_double, src, gn_auth, str(tmp_path))["result"] == "published"
    body = MultipartBody([("action", "upload")], [("base_file", src, "fcode_salah.gpkg", "application/octet-stream")])
    resp = http_request("POST", geonode_double.api_url + "/uploads/upload", body,
                        {"Content-Type": body.content_type}, authcfg=gn_auth, timeout=20)
    assert resp.status == 201
    first, second = sorted((d["name"] for d in geonode_double.snapshot().values()), key=len)
    assert second.startswith(first + "_")


# --- faults: each step fails in each way; the node is left as it was; a rerun succeeds ----------------
KINDS = ("500", "drop", "timeout", "401")
FIRST = [("upload", "POST", r"/uploads/upload$"),
         ("import status", "GET", r"/executionrequest/"),
         ("metadata", "PUT", r"/datasets/\d+/metadata$")]
AGAIN = [("dataset lookup", "GET", r"/datasets/\d+$"),
         ("data copy", "GET", r"/assets/\d+/download$"),
         ("upload", "POST", r"/uploads/upload$"),
         ("import status", "GET", r"/executionrequest/"),
         ("metadata", "PUT", r"/datasets/\d+/metadata$")]


def _check_failed_cleanly(report, before, double, kind, step):
    assert report["result"] == "failed", (step, kind, report["message"])
    assert "Traceback" not in report["message"]
    assert double.snapshot() == before, "GeoNode changed after a %s at step %s" % (kind, step)
    assert all(r["result"] == "done" for r in report["rollback"]), report["rollback"]
    if kind == "500":
        assert "simulated failure (fault injection)" in report["message"]   # the server's own words
    if kind == "401":
        assert "401" in report["message"]


@pytest.mark.parametrize("step,method,pattern", FIRST, ids=[s[0] for s in FIRST])
def test_first_publish_fault_leaves_geonode_as_it_was(geonode_double, gn_auth, sample_data_dir, tmp_path, step,
                                                      method, pattern):
    src = os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")
    before = geonode_double.snapshot()
    for kind in KINDS:
        geonode_double.fail(method, pattern, kind)
        report = _run(geonode_double, src, gn_auth, str(tmp_path), timeout=FAST)
        _check_failed_cleanly(report, before, geonode_double, kind, step)
        geonode_double.faults.clear()
    again = _run(geonode_double, src, gn_auth, str(tmp_path))
    assert again["result"] == "published", again["message"]
    assert len(geonode_double.snapshot()) == 1


@pytest.mark.parametrize("step,method,pattern", AGAIN, ids=[s[0] for s in AGAIN])
def test_republish_fault_restores_what_was_there(geonode_double, gn_auth, sample_data_dir, tmp_path, step, method,
                                                 pattern):
    first_src = os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")
    assert _run(geonode_double, first_src, gn_auth, str(tmp_path))["result"] == "published"
    # the same table, other data: a copy of the file with one feature less
    other = str(tmp_path / "fcode_salah.gpkg")
    shutil.copy(first_src, other)
    con = sqlite3.connect(other)
    table = _table(other)
    con.execute('DELETE FROM "%s" WHERE fid = (SELECT max(fid) FROM "%s")' % (table, table))
    con.commit()
    con.close()
    before = geonode_double.snapshot()
    for kind in KINDS:
        geonode_double.fail(method, pattern, kind)
        report = _run(geonode_double, other, gn_auth, str(tmp_path), timeout=FAST, overwrite=True)
        _check_failed_cleanly(report, before, geonode_double, kind, step)
        geonode_double.faults.clear()
    again = _run(geonode_double, other, gn_auth, str(tmp_path), overwrite=True)
    assert again["result"] == "published", again["message"]
    after = geonode_double.snapshot()
    assert list(after) == list(before) and list(after.values())[0]["_sha256"] == _sha(other)


# --- credentials ------------------------------------------------------------------------------------
def test_wrong_or_missing_credentials_say_so(geonode_double, sample_data_dir, tmp_path):
    from fixtures_publish import make_authcfg
    wrong = make_authcfg("gn-wrong", "admin", "salah")
    for auth in (wrong, ""):
        report = _run(geonode_double, _gpkg(sample_data_dir, "tangerang", "SUNGAI_LN_10K"), auth, str(tmp_path))
        assert report["result"] == "failed"
        assert "HTTP 401" in report["message"] and "credentials" in report["message"], report["message"]
    assert geonode_double.snapshot() == {}


def test_basic_credentials_go_through_the_auth_manager(geonode_double, gn_auth, sample_data_dir, tmp_path):
    report = _run(geonode_double, _gpkg(sample_data_dir, "tangerang", "SUNGAI_LN_10K"), gn_auth, str(tmp_path))
    assert report["result"] == "published", report["message"]
    writes = [r for r in geonode_double.requests if r["method"] in ("POST", "PUT")]
    assert writes and all(r["status"] in (200, 201) for r in writes)


def test_oauth2_credentials_through_the_auth_manager(geonode_double, sample_data_dir, tmp_path):
    from fixtures_publish import make_oauth2_authcfg
    auth = make_oauth2_authcfg("gn-oauth2", geonode_double.base_url + "/o/token/", "admin", "admin")
    report = _run(geonode_double, _gpkg(sample_data_dir, "tangerang", "SUNGAI_LN_10K"), auth, str(tmp_path))
    assert report["result"] == "published", report["message"]
    assert len(geonode_double.tokens) == 1
    assert [d["name"] for d in geonode_double.snapshot().values()] == ["sungai_ln_10k"]


# --- streaming ------------------------------------------------------------------------------------
def _big_gpkg(sample_data_dir, tmp_path, mb=12):
    """A copy of a one-table GeoPackage padded to ``mb`` MB (a table of random blobs)."""
    path = str(tmp_path / "fcode_salah.gpkg")
    shutil.copy(os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg"), path)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE padding (b BLOB)")
    for _ in range(mb):
        con.execute("INSERT INTO padding VALUES (?)", (os.urandom(1 << 20),))
    con.commit()
    con.close()
    return path


class _Watch(QgsProcessingFeedback):
    """Records the progress reported once the run says it publishes."""
    publishing = False

    def __init__(self):
        super().__init__()
        self.seen = []
        self.progressChanged.connect(lambda p: self.seen.append(p) if self.publishing else None)

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        self.publishing = self.publishing or text.startswith("Publishing to")
        super().pushInfo(text)


def test_the_upload_streams_from_disk_with_progress(geonode_double, gn_auth, sample_data_dir, tmp_path):
    path = _big_gpkg(sample_data_dir, tmp_path)
    size = os.path.getsize(path)
    assert size > 12 * 1024 * 1024
    geonode_double.throttle = 0.01     # a slower link, so the upload spans several progress ticks
    feedback = _Watch()
    report = _run(geonode_double, path, gn_auth, str(tmp_path / "log"), feedback=feedback)
    assert report["result"] == "published", report["message"]
    assert list(geonode_double.snapshot().values())[0]["_sha256"] == _sha(path)   # the exact bytes
    during = [p for p in feedback.seen if 10 < p < 80]     # the upload's share of the progress bar
    assert during, feedback.seen                           # progress while the body goes out …
    assert during == sorted(during)                        # … only ever forward (how many ticks: timing)


def test_the_multipart_body_never_holds_the_file(geonode_double, gn_auth, sample_data_dir, tmp_path):
    path = _big_gpkg(sample_data_dir, tmp_path, mb=8)
    body = MultipartBody([("action", "upload")], [("base_file", path, "fcode_salah.gpkg", "application/octet-stream")])
    assert body.size() > os.path.getsize(path)
    sent = []
    resp = http_request("POST", geonode_double.api_url + "/uploads/upload", body, {"Content-Type": body.content_type},
                        authcfg=gn_auth, timeout=20, progress=lambda s, t: sent.append((s, t)))
    assert resp.status == 201, (resp.status, resp.error, resp.content)
    assert 0 < body.largest_read <= 1024 * 1024 < os.path.getsize(path)   # read piece by piece
    assert sent[-1] == (body.size(), body.size())
    assert list(geonode_double.snapshot().values())[0]["_sha256"] == _sha(path)


class _CancelWhenUploading(QgsProcessingFeedback):
    """Armed once the run says it publishes (a generated record reports progress on the same feedback)."""
    publishing = False

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        self.publishing = self.publishing or text.startswith("Publishing to")
        super().pushInfo(text)


def test_cancel_during_upload_undoes_everything(geonode_double, gn_auth, sample_data_dir, tmp_path):
    path = _big_gpkg(sample_data_dir, tmp_path)
    geonode_double.throttle = 0.01
    feedback = _CancelWhenUploading()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if feedback.publishing and 10 < p < 80 else None)
    report = _run(geonode_double, path, gn_auth, str(tmp_path / "log"), feedback=feedback)
    assert report["result"] == "canceled" and "undone" in report["message"], report["message"]
    assert geonode_double.snapshot() == {}


def test_a_node_is_recognised_by_its_api_index(geonode_double):
    from sdi_plugin.core.publish.geonode import find_geonode
    assert find_geonode(geonode_double.base_url) == geonode_double.api_url
    assert find_geonode(geonode_double.base_url + "/api/v2") == geonode_double.api_url
    assert not is_geonode({"collections": "x"})


def test_endpoints_of_a_geonode_come_from_its_base_url(geonode_double, gn_auth):
    from sdi_plugin.core.publish.endpoints import detect_endpoints
    ep = detect_endpoints(geonode_double.base_url, gn_auth, timeout=10)
    assert ep.geonode == geonode_double.api_url
    assert ep.geoserver_rest == ""   # a GeoNode publishes to its GeoServer itself: never a second time directly


def test_a_shapefile_goes_as_a_geopackage_of_its_own(geonode_double, gn_auth, sample_data_dir, tmp_path):
    shp = os.path.join(sample_data_dir, "paser", "ADMINISTRASIKECAMATAN_AR_25K.shp")
    report = _run(geonode_double, shp, gn_auth, str(tmp_path))
    assert report["result"] == "published", report["message"]
    (ds,) = geonode_double.snapshot().values()
    assert ds["name"] == "administrasikecamatan_ar_25k"
    upload = [r for r in geonode_double.requests if r["template"] == "/api/v2/uploads/upload"][0]
    assert upload["status"] == 201 and "base_file" in upload["fields"]


def test_data_geonode_cannot_give_back_are_not_overwritten(geonode_double, gn_auth, sample_data_dir, tmp_path):
    """GeoNode's asset download returns only the first file of a dataset uploaded as Shapefile
    parts (geonode/assets/local.py): such data could not be put back, so they are not replaced."""
    src = os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")
    assert _run(geonode_double, src, gn_auth, str(tmp_path))["result"] == "published"
    (pk,) = geonode_double.snapshot()
    geonode_double.datasets[pk]["_filename"] = "jalan_ln_10k.shp"
    before = geonode_double.snapshot()
    report = _run(geonode_double, src, gn_auth, str(tmp_path), overwrite=True)
    assert report["result"] == "failed" and "jalan_ln_10k.shp" in report["message"], report["message"]
    assert geonode_double.snapshot() == before
    assert not [r for r in geonode_double.requests if r["method"] == "POST"][1:]   # no second upload


def test_the_algorithm_takes_a_geonode_url(sdi_provider, geonode_double, gn_auth, sample_data_dir, tmp_path):
    out = tmp_path / "plan.json"
    result = processing.run("sdi:publishdataset", {
        "INPUT": _gpkg(sample_data_dir, "paser", "JALAN_LN_25K"), "NODE": geonode_double.base_url,
        "AUTHCFG": gn_auth, "GEONODE_URL": geonode_double.base_url, "TARGETS": [3], "DRY_RUN": True,
        "OUTPUT_PLAN": str(out), "LOG_FOLDER": str(tmp_path / "log")})
    assert result["RESULT"] == "planned" and result["CHANGES"] == 2
    plan = json.loads(out.read_text())
    assert [(c["target"], c["resource"], c["name"]) for c in plan["changes"]] == [
        ("geonode", "dataset", "jalan_ln_25k"), ("geonode", "metadata", "jalan_ln_25k")]
    assert plan["node"]["geonode"] == geonode_double.base_url
    assert geonode_double.snapshot() == {}
