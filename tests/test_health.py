"""Node health: up / slow / down, latency, record count — against the live demo node, a dead
node, a hanging node, a slow one, and scripted CKAN / OGC API Records catalogues."""
import json
import threading

import pytest
from qgis.core import QgsSettings

from hostile import HTML_ERROR
from sdi_plugin.core.nodes import health
from sdi_plugin.core.nodes.registry import Node


@pytest.fixture
def settings():
    s = QgsSettings()
    yield s
    for key in (health.SLOW_KEY, health.TIMEOUT_KEY, health.INTERVAL_KEY):
        s.remove(key)


def test_demo_node_detected_and_counted(demo_node):
    node = Node(name="Simpul Demo", url=demo_node.base_url)
    state, services = health.check(node, timeout=10)
    assert state["state"] in ("up", "slow") and state["latency_ms"] > 0 and state["checked"]
    assert state["record_count"] == len(demo_node.record_ids) and state["count_source"] == "catalogue"
    assert state["message"] == ""
    kinds = {s["kind"] for s in services}
    assert {"CSW", "WMS", "WFS", "OGC API Features"} <= kinds


def test_known_services_are_checked_lightly(demo_node):
    node = Node(name="Simpul Demo", url=demo_node.base_url, services=[
        {"kind": "CSW", "url": demo_node.csw_url, "version": "3.0.0", "versions": ["2.0.2", "3.0.0"]},
        {"kind": "WMS", "url": demo_node.ows_url}, {"kind": "OGC API Features", "url": demo_node.oapif_url}])
    state, services = health.check(node, timeout=10)
    assert services is None            # no fresh detection: the known services were probed
    assert state["state"] in ("up", "slow") and state["record_count"] == len(demo_node.record_ids)


def test_dead_node_is_down_with_a_reason_and_the_cache_count(scripted_server):
    url = scripted_server.url
    scripted_server.close()
    node = Node(name="Simpul Mati", url=url, services=[{"kind": "CSW", "url": url + "/csw"}])
    state, _ = health.check(node, timeout=2, cache_count=lambda node_id: 7 if node_id == "simpul-mati" else None)
    assert state["state"] == "down" and state["latency_ms"] == 0
    assert state["message"].startswith("CSW: ")
    assert (state["record_count"], state["count_source"]) == (7, "cache")
    state, _ = health.check(node, timeout=2, cache_count=lambda node_id: 1 / 0)   # a broken cache never matters
    assert state["state"] == "down" and state["record_count"] is None


def test_hanging_node_costs_one_timeout(scripted_server):
    scripted_server.hang("/csw")
    scripted_server.hang("/ows")
    node = Node(name="Simpul Macet", url=scripted_server.url, services=[
        {"kind": "CSW", "url": scripted_server.url + "/csw"}, {"kind": "WMS", "url": scripted_server.url + "/ows"}])
    state, _ = health.check(node, timeout=1)
    assert state["state"] == "down"
    assert "no answer within 1 s" in state["message"] and state["message"].startswith("CSW: ")
    assert "WMS" not in state["message"]           # the first timeout ended the check


def test_unknown_node_without_services_is_detected(scripted_server):
    node = Node(name="Simpul Kosong", url=scripted_server.url)   # every path answers 404
    state, services = health.check(node, timeout=2)
    assert state["state"] == "down" and services == [] and "404" in state["message"]


def test_error_pages_are_down(scripted_server):
    scripted_server.static("/csw", HTML_ERROR, status=502, ctype="text/html")
    scripted_server.static("/ows", HTML_ERROR, status=200, ctype="text/html")
    node = Node(name="Simpul Rusak", url=scripted_server.url, services=[
        {"kind": "CSW", "url": scripted_server.url + "/csw"}, {"kind": "WMS", "url": scripted_server.url + "/ows"}])
    state, _ = health.check(node, timeout=2)
    assert state["state"] == "down"
    assert "HTTP 502" in state["message"] and "web page" in state["message"]


def test_slow_node(scripted_server, settings):
    gate = threading.Event()

    def slow(req):
        gate.wait(0.3)   # the server takes 300 ms to answer (its behaviour, not the test's synchronisation)
        req.send_simple(200, json.dumps({"currentVersion": 10.9, "services": []}).encode(), "application/json")
    scripted_server.routes["/arcgis/rest/services"] = slow
    settings.setValue(health.SLOW_KEY, 100)
    node = Node(name="Simpul Lambat", url=scripted_server.url,
                services=[{"kind": "ArcGIS REST", "url": scripted_server.url + "/arcgis/rest/services"}])
    state, _ = health.check(node, timeout=5)
    assert state["state"] == "slow" and state["latency_ms"] >= 300 and state["record_count"] is None
    settings.setValue(health.SLOW_KEY, 60000)
    assert health.check(node, timeout=5)[0]["state"] == "up"


def test_ckan_and_ogc_api_records_counts(scripted_server):
    scripted_server.static("/api/3/action/package_search",
                           json.dumps({"success": True, "result": {"count": 1234, "results": []}}),
                           ctype="application/json")
    scripted_server.static("/records/collections", json.dumps({"collections": [
        {"id": "metadata", "itemType": "record"}, {"id": "peta", "itemType": "feature"}]}), ctype="application/json")
    scripted_server.static("/records/collections/metadata/items", json.dumps({"type": "FeatureCollection",
                                                                              "numberMatched": 42, "features": []}),
                           ctype="application/json")
    ckan = Node(name="Ina-Geoportal uji", url=scripted_server.url,
                services=[{"kind": "CKAN", "url": scripted_server.url + "/api/3/action"}])
    state, _ = health.check(ckan, timeout=3)
    assert state["state"] in ("up", "slow") and state["record_count"] == 1234
    records = Node(name="Records uji", url=scripted_server.url,
                   services=[{"kind": "OGC API Records", "url": scripted_server.url + "/records"}])
    state, _ = health.check(records, timeout=3)
    assert state["state"] in ("up", "slow") and state["record_count"] == 42


def test_csw_exception_instead_of_a_count(scripted_server):
    scripted_server.static("/csw", b'<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows">'
                                   b'<ows:Exception><ows:ExceptionText>Tidak boleh</ows:ExceptionText></ows:Exception>'
                                   b'</ows:ExceptionReport>')
    node = Node(name="Simpul CSW", url=scripted_server.url,
                services=[{"kind": "CSW", "url": scripted_server.url + "/csw"}])
    state, _ = health.check(node, timeout=2)
    assert state["state"] == "down" and "Tidak boleh" in state["message"]


def test_settings_have_defaults(settings):
    assert health.interval_minutes() == 15 and health.slow_ms() == 2000 and health.timeout_s() == 5.0
    settings.setValue(health.INTERVAL_KEY, 0)
    assert health.interval_minutes() == 0
    assert health.state_label("down") == "Down" and health.state_label("") == "Not checked"
