"""Training (bimtek): the demo node as a lab node (/lab: progress, trainer view, directory,
reset), the exercises and their observer, and progress posting from the plugin. Real demo node,
real pycsw, the plugin's own HTTP stack; no mocks."""
import http.client as httpclient
import json
import os
import sqlite3
import urllib.request
from urllib.parse import urlsplit

import pytest
from lxml import etree
from qgis.core import QgsApplication, QgsSettings, QgsVectorLayer


from demo import lab as demo_lab
from demo import records
from sdi_plugin.core.runtime import events
from sdi_plugin.core.training import exercises
from sdi_plugin.core.training import lab
from sdi_plugin.core.nodes.registry import NodeRegistry
from qtwait import wait_for

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
CSW = "http://www.opengis.net/cat/csw/2.0.2"



def request(node, method, path, body=None, headers=None, source="127.0.0.1"):
    """(status, parsed JSON or text) of a request to the node from a local source address."""
    parts = urlsplit(node.base_url)
    conn = httpclient.HTTPConnection(parts.hostname, parts.port, source_address=(source, 0), timeout=30)
    try:
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            headers = dict({"Content-Type": "application/json"}, **(headers or {}))
        conn.request(method, path, body, headers or {})
        resp = conn.getresponse()
        raw = resp.read()
        if resp.getheader("Content-Type", "").startswith("application/json"):
            return resp.status, json.loads(raw.decode("utf-8"))
        return resp.status, raw.decode("utf-8")
    finally:
        conn.close()


def catalogue_ids(node):
    with sqlite3.connect(os.path.join(node.workdir, "catalogue.db")) as conn:
        return sorted(r[0] for r in conn.execute("SELECT identifier FROM records"))


@pytest.fixture
def clean_lab(demo_node):
    """The lab node's progress cleared before and after (a reset from this machine)."""
    lab.reset_lab(demo_node.port)
    yield demo_node
    lab.reset_lab(demo_node.port)


@pytest.fixture
def settings(qgis_app):
    s = QgsSettings()
    keys = ("simpul/nodes", lab.PARTICIPANT_KEY, lab.LAB_URL_KEY, "simpul/language")
    for k in keys:
        s.remove(k)
    exercises.Checklist().reset()
    yield s
    for k in keys:
        s.remove(k)
    exercises.Checklist().reset()


# --- the lab node ------------------------------------------------------------------------------

def test_progress_round_trip_and_trainer_view(clean_lab):
    node = clean_lab
    status, answer = request(node, "POST", "/lab/progress",
                             {"participant": "Budi Santoso", "step": "validate", "detail": {"dataset": "crs_dgn95.gpkg"}})
    assert status == 200 and answer["ok"] and answer["workspace"] == "peserta_budi_santoso"
    status, _ = request(node, "POST", "/lab/progress", {"participant": "Siti Ä. Rahmawati", "step": "discover"})
    assert status == 200
    status, doc = request(node, "GET", "/lab?f=json")
    assert status == 200 and [s["id"] for s in doc["steps"]] == list(events.STEPS)
    people = {p["participant"]: p for p in doc["participants"]}
    assert set(people) == {"Budi Santoso", "Siti Ä. Rahmawati"}
    assert people["Budi Santoso"]["steps"]["validate"]["detail"] == {"dataset": "crs_dgn95.gpkg"}
    assert people["Budi Santoso"]["done"] == 1 and people["Siti Ä. Rahmawati"]["workspace"] == "peserta_siti_a_rahmawati"
    assert next(s for s in doc["steps"] if s["id"] == "validate")["done_by"] == 1
    status, page = request(node, "GET", "/lab")
    assert status == 200 and "Latihan Simpul: kemajuan peserta" in page and "Budi Santoso" in page
    assert 'http-equiv="refresh"' in page and "Validasi" in page and "&#10003;" in page
    assert node.base_url in page and "//cdn" not in page and "<script" not in page
    status, landing = request(node, "GET", "/")
    assert 'href="lab"' in landing


def test_bad_progress_gets_400_with_a_message(clean_lab):
    node = clean_lab
    big = {"participant": "Budi", "step": "load", "detail": {"x": "y" * 9000}}
    status, answer = request(node, "POST", "/lab/progress", big)
    assert status == 400 and "8192" in answer["error"]
    status, answer = request(node, "POST", "/lab/progress", "this is { not json",
                             {"Content-Type": "application/json"})
    assert status == 400 and "JSON" in answer["error"]
    for hostile in ("<script>alert(1)</script>", "../../etc/passwd", "Budi\x00Santoso", "", "   ", "x" * 61,
                    "Robert'); DROP TABLE progress;--", 42, None, "<b>", "Budi\u202eosla"):
        status, answer = request(node, "POST", "/lab/progress", {"participant": hostile, "step": "load"})
        assert status == 400 and "participant" in answer["error"], (hostile, answer)
    status, answer = request(node, "POST", "/lab/progress", {"participant": "Budi", "step": "hack"})
    assert status == 400 and "step" in answer["error"]
    status, answer = request(node, "POST", "/lab/progress", {"participant": "Budi", "step": "load", "detail": [1]})
    assert status == 400 and "detail" in answer["error"]
    status, answer = request(node, "GET", "/lab/progress")
    assert status == 405
    status, doc = request(node, "GET", "/lab?f=json")
    assert doc["participants"] == []


def _insert(node, metadata_id):
    ds = {"id": "uji_lab", "title": "Uji lab", "metadata_id": metadata_id, "crs": "EPSG:4326",
          "bbox_4326": [106.6, -6.4, 106.9, -6.1], "date": "2024-05-17", "organisation": "Peserta",
          "kugi_category": "Batas Wilayah", "keywords": ["uji"], "format": "GPKG", "scale": 10000}
    tx = etree.Element("{%s}Transaction" % CSW, nsmap={"csw": CSW}, service="CSW", version="2.0.2")
    etree.SubElement(tx, "{%s}Insert" % CSW).append(records.build_record(ds, node.base_url))
    parts = urlsplit(node.csw_url)
    conn = httpclient.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("POST", parts.path, etree.tostring(tx, xml_declaration=True, encoding="UTF-8"),
                 {"Content-Type": "application/xml"})
    answer = conn.getresponse().read()
    conn.close()
    assert b"totalInserted>1<" in answer, answer[:1000]


def test_reset_only_from_this_machine_and_restores_the_catalogue(clean_lab, qgis_app):
    node = clean_lab
    seeded = sorted(node.record_ids)
    assert catalogue_ids(node) == seeded
    request(node, "POST", "/lab/progress", {"participant": "Budi", "step": "publish"})
    _insert(node, "PESERTA_BUDI_UJI_LAB")
    assert catalogue_ids(node) == sorted(seeded + ["PESERTA_BUDI_UJI_LAB"])

    # another client (127.0.0.2 is not the node's own 127.0.0.1), also claiming to be local
    status, answer = request(node, "POST", "/lab/reset", {}, {"X-Forwarded-For": "127.0.0.1"}, source="127.0.0.2")
    assert status == 403 and "127.0.0.1" in answer["error"]
    status, answer = request(node, "POST", "/lab/reset", "confirm=1",
                             {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and "application/json" in answer["error"]   # no reset from a cross-site form
    assert "PESERTA_BUDI_UJI_LAB" in catalogue_ids(node)
    assert request(node, "GET", "/lab?f=json")[1]["participants"]

    answer = lab.reset_lab(node.port)                      # the plugin's reset, from this machine
    assert answer["ok"] and answer["records_removed"] == ["PESERTA_BUDI_UJI_LAB"]
    assert answer["participants_cleared"] == 1 and answer["publish"] in ("absent", "reset")
    assert catalogue_ids(node) == seeded
    assert request(node, "GET", "/lab?f=json")[1]["participants"] == []


def test_reset_brings_back_a_deleted_seed_record(clean_lab, qgis_app):
    node = clean_lab
    victim = node.record_ids[0]
    body = ('<csw:Transaction xmlns:csw="%s" xmlns:ogc="http://www.opengis.net/ogc" service="CSW" version="2.0.2">'
            '<csw:Delete><csw:Constraint version="1.1.0"><ogc:Filter><ogc:PropertyIsEqualTo>'
            '<ogc:PropertyName>apiso:Identifier</ogc:PropertyName><ogc:Literal>%s</ogc:Literal>'
            '</ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint></csw:Delete></csw:Transaction>' % (CSW, victim))
    status, answer = request(node, "POST", "/csw", body, {"Content-Type": "application/xml"})
    assert "totalDeleted>1<" in answer
    assert victim not in catalogue_ids(node)
    lab.reset_lab(node.port)
    assert catalogue_ids(node) == sorted(node.record_ids)


def test_directory_json_imports_into_the_registry(clean_lab, settings, scripted_server):
    node = clean_lab
    status, doc = request(node, "GET", "/lab/directory.json")
    assert status == 200 and doc["format"] == "simpul-nodes" and doc["nodes"][0]["url"] == node.base_url
    registry = NodeRegistry(settings)
    conn = lab.connect_lab(node.base_url.replace("http://", "") + "/lab/", registry)
    assert conn.url == node.base_url and conn.added
    assert lab.lab_url() == node.base_url
    [added] = registry.nodes()
    assert added.url == node.base_url and added.id == demo_lab.LAB_NODE_ID
    assert {s["kind"]: s["url"] for s in added.services}["CSW"] == node.csw_url
    again = lab.connect_lab(node.base_url + "/lab/directory.json", registry)   # pasting the file's URL
    assert not again.added and len(registry.nodes()) == 1

    scripted_server.static("/lab/directory.json", b"<html>router login</html>", ctype="text/html")
    with pytest.raises(lab.LabError) as err:
        lab.connect_lab(scripted_server.url, registry)
    assert "not a Simpul lab node" in str(err.value)
    with pytest.raises(lab.LabError):
        lab.connect_lab("ftp://example.org", registry)
    assert len(registry.nodes()) == 1


def test_participant_workspace_is_a_safe_slug():
    cases = {"Budi": "peserta_budi", "Budi Santoso": "peserta_budi_santoso", "  Ñoño  Ä ": "peserta_nono_a",
             "<script>": "peserta_script", "": "peserta_anonim", "李雷": "peserta_anonim",
             "../../etc": "peserta_etc", "x" * 80: "peserta_" + "x" * 40}
    for name, expected in cases.items():
        assert lab.participant_workspace(name) == expected == demo_lab.participant_workspace(name), name
    assert lab.normalise_url(" 192.168.1.10:8765/lab ") == "http://192.168.1.10:8765"
    with pytest.raises(lab.LabError):
        lab.normalise_url("http://user:secret@10.0.0.1:8765")


# --- the exercises and the observer -------------------------------------------------------------

def test_exercises_file_lists_the_steps_with_their_datasets():
    ex = exercises.load_exercises()
    assert ex.ids == list(events.STEPS) and ex.meta["source"] and ex.meta["version"]
    for step in ex.steps:
        assert step.text("title", "id") and step.text("instruction", "en")
        if step.dataset:
            ds = exercises.training_dataset(step.dataset)
            assert ds is not None and os.path.exists(ds["path"]) and ds["defects"], step.dataset


def test_the_observer_ticks_steps_when_core_functions_run(settings, demo_node, tmp_path):
    from sdi_plugin.core.catalog.model import Link
    from sdi_plugin.core.catalog.query import SearchQuery as Query
    from sdi_plugin.core.catalog.search import search_nodes
    from sdi_plugin.core.loading.loader import load_link
    from sdi_plugin.core.metadata import storage
    from sdi_plugin.core.metadata.generate import generate
    from sdi_plugin.core.nodes.registry import Node
    from sdi_plugin.core.validate.engine import validate_path
    from sdi_plugin.core.validate.fix import fix_dataset

    tracker = exercises.Tracker(exercises.Checklist()).start()
    ticked = []
    tracker.changed.connect(ticked.append)
    try:
        assert exercises.Checklist().state() == {}
        ds = exercises.training_dataset("latihan_crs_dgn95")
        validate_path(ds["path"], ds["layer"])               # everyday work, not a training session:
        assert ticked == [] and exercises.Checklist().state() == {}   # nothing ticks
        lab.set_participant_name("Rina")
        other = exercises.training_dataset("latihan_srs_id_kosong")
        validate_path(other["path"], other["layer"])         # a dataset this exercise does not ask for
        assert ticked == []
        report = validate_path(ds["path"], ds["layer"])
        assert any(f.rule == "crs.accepted" for f in report.results[0].findings)
        assert ticked == ["validate"]
        assert exercises.Checklist().get("validate")["detail"]["findings"] == len(report.results[0].findings)

        layer = QgsVectorLayer(ds["uri"], ds["layer"], "ogr")
        fixed = fix_dataset(layer, str(tmp_path / "JALAN_LN_10K.gpkg"))
        assert fixed.crs != "EPSG:4755" and ticked[-1] == "fix"

        out = QgsVectorLayer(fixed.uri, fixed.layer_name, "ogr")
        storage.save_for_layer(generate(out), out)
        assert ticked[-1] == "metadata"

        node = Node(name="Simpul Demo", url=demo_node.base_url,
                    services=[{"kind": "CSW", "url": demo_node.csw_url, "version": "2.0.2"}])
        assert not search_nodes(Query(text="tidak ada kata seperti ini"), [node]).records
        assert "discover" not in ticked                      # nothing found: not discovered
        found = search_nodes(Query(text="jalan"), [node])
        assert found.records and ticked[-1] == "discover"

        res = load_link(Link(url=demo_node.ows_url, protocol="OGC:WFS", name="tangerang_jalan"))
        assert res.ok, res.message
        assert ticked[-1] == "load"
        validate_path(ds["path"], ds["layer"])               # a second time: no second tick
        assert ticked.count("validate") == 1
        assert set(exercises.Checklist().state()) == {"discover", "load", "validate", "fix", "metadata"}
    finally:
        tracker.stop()
    events.observe("publish", table="x")                    # a stopped tracker ticks nothing
    assert exercises.Checklist().get("publish") is None


def test_progress_posting_reaches_the_node_and_retries_quietly(settings, clean_lab, free_port_url):
    node = clean_lab
    lab.set_participant_name("Dewi Lestari")
    lab.set_lab_url(free_port_url)            # nothing listens there: the send fails quietly
    tracker = exercises.Tracker(exercises.Checklist()).start()
    finished = []
    tracker.sendFinished.connect(lambda sent, failed: finished.append((sent, failed)))
    try:
        events.observe("discover", records=3, query="Jalan Tangerang")
        assert wait_for(lambda: finished and not tracker.busy())
        assert finished[-1] == ([], ["discover"])
        assert exercises.Checklist().unsent(free_port_url) == ["discover"]

        lab.set_lab_url(node.base_url)        # the right address now; the next step sends both
        events.observe("load", layer="tangerang_jalan")
        assert wait_for(lambda: len(finished) == 2 and not tracker.busy())
        assert sorted(finished[-1][0]) == ["discover", "load"] and finished[-1][1] == []
        assert exercises.Checklist().unsent(node.base_url) == []
    finally:
        tracker.stop()
    _, doc = request(node, "GET", "/lab?f=json")
    [dewi] = doc["participants"]
    assert dewi["participant"] == "Dewi Lestari" and set(dewi["steps"]) == {"discover", "load"}
    assert dewi["steps"]["load"]["detail"] == {"layer": "tangerang_jalan"}
    assert lab.fetch_progress(node.base_url)["participants"][0]["workspace"] == "peserta_dewi_lestari"


@pytest.fixture
def free_port_url():
    from fixtures_node import free_port
    return "http://127.0.0.1:%d" % free_port()


def test_the_plugin_starts_and_stops_a_lab_node(settings, sample_data_dir, tmp_path):
    from fixtures_node import free_port
    port = free_port()
    url = "http://127.0.0.1:%d" % port
    assert lab.node_available() == ""
    start = lab.start_lab_node(port, public_url=url, log_dir=str(tmp_path), workdir=str(tmp_path / "node"),
                               host="127.0.0.1")
    try:
        assert start.state == "started" and start.pid, start.message
        assert lab.wait_ready(start, port, timeout=120) == ""
        again = lab.start_lab_node(port, public_url=url, log_dir=str(tmp_path))
        assert again.state == "running" and again.pid == start.pid
        assert lab.fetch_progress(url)["url"] == url
    finally:
        message = lab.stop_lab_node()
    assert message == "The lab node was stopped."
    assert lab.started_node() is None and not lab.answers(port, timeout=2)
    assert not os.path.exists("/proc/%d" % start.pid) or not lab._alive(start.pid)
    missing = lab.node_available(str(tmp_path))
    assert "make demo-node HOST=0.0.0.0" in missing


def test_participant_publishes_into_their_own_workspace_with_the_trainers_password(
        settings, clean_lab, sdi_provider, sample_data_dir, tmp_path):
    import processing
    from sdi_plugin.core.publish import publish_dataset
    node = clean_lab
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("simpul-test-master", True)
    registry = NodeRegistry(settings)
    conn = lab.connect_lab(node.base_url, registry)
    assert conn.publish_user == "simpul"                      # the login's name comes from the node …
    _, served = request(node, "GET", "/lab/directory.json")
    assert '"latihan"' not in json.dumps(served)              # … its password never does
    lab.set_participant_name("Budi Santoso")
    assert lab.default_workspace() == "peserta_budi_santoso"

    authcfg = lab.store_publish_login(conn.node, conn.publish_user, "latihan", registry)
    assert registry.get(conn.node.id).authcfg == authcfg
    assert lab.store_publish_login(registry.get(conn.node.id), "simpul", "latihan", registry) == authcfg  # updated, not a second one
    assert '"latihan"' not in (settings.value("simpul/nodes") or "")

    fixed = str(tmp_path / "SUNGAI_LN_10K.gpkg")
    processing.run("sdi:fixdataset", {"INPUT": os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"),
                                      "OUTPUT": fixed})
    tracker = exercises.Tracker(exercises.Checklist()).start()
    finished = []
    tracker.sendFinished.connect(lambda sent, failed: finished.append((sent, failed)))
    try:
        from test_publish_demo import DEFAULTS   # the node's metadata defaults, as a Bappeda fills them in
        defaults = tmp_path / "node_defaults.json"
        defaults.write_text(json.dumps(DEFAULTS))
        report = publish_dataset(fixed, conn.node.id, workspace=lab.default_workspace(), metadata_defaults=str(defaults),
                                 log_folder=str(tmp_path / "log"), timeout=60)
        assert report["result"] == "published", (report["message"], report.get("gate"))
        assert report["layer"] == "peserta_budi_santoso:SUNGAI_LN_10K"
        assert exercises.Checklist().get("publish") is not None
        assert wait_for(lambda: finished and not tracker.busy())
        assert "publish" in finished[-1][0]
    finally:
        tracker.stop()
    _, doc = request(node, "GET", "/lab?f=json")
    [budi] = doc["participants"]
    assert budi["workspace"] == "peserta_budi_santoso" and "publish" in budi["steps"]
