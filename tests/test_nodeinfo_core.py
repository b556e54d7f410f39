"""Service detection from a base URL, against scripted answers (good, broken and hostile).
The same detection against the real demo node is in test_nodeinfo_demo.py."""
import json

from hostile import BILLION_LAUGHS, HTML_ERROR, MALFORMED, WMS_OK
from sdi_plugin.core.nodes.nodeinfo import detect_services, normalise_base

CSW_30 = b"""<?xml version="1.0"?>
<csw30:Capabilities xmlns:csw30="http://www.opengis.net/cat/csw/3.0" xmlns:ows20="http://www.opengis.net/ows/2.0" version="3.0.0">
<ows20:ServiceIdentification><ows20:Title>Katalog Simpul</ows20:Title><ows20:ServiceType>CSW</ows20:ServiceType>
<ows20:ServiceTypeVersion>2.0.2</ows20:ServiceTypeVersion><ows20:ServiceTypeVersion>3.0.0</ows20:ServiceTypeVersion>
</ows20:ServiceIdentification></csw30:Capabilities>"""
WFS_20 = b"""<?xml version="1.0"?>
<wfs:WFS_Capabilities xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0">
<ows:ServiceIdentification><ows:Title>Unsur Peta</ows:Title></ows:ServiceIdentification></wfs:WFS_Capabilities>"""
ARCGIS = json.dumps({"currentVersion": 10.81, "folders": ["Basemap"], "services": [
    {"name": "RBI", "type": "MapServer"}]}).encode()


def _ows_route(server, path, answers):
    """One path answering per SERVICE= value."""
    def handler(req):
        q = req.path.upper()
        for service, body in answers.items():
            if "SERVICE=%s" % service in q:
                req.send_simple(200, body, "application/xml")
                return
        req.send_simple(400, b"<ServiceExceptionReport/>", "application/xml")
    server.routes[path] = handler


def test_detects_csw_wms_wfs_and_arcgis(scripted_server):
    _ows_route(scripted_server, "/csw", {"CSW": CSW_30})
    _ows_route(scripted_server, "/ows", {"WMS": WMS_OK, "WFS": WFS_20})
    scripted_server.static("/arcgis/rest/services", ARCGIS, ctype="application/json")
    info = detect_services(scripted_server.url + "/", timeout=3)
    kinds = {s.kind: s for s in info.services}
    assert set(kinds) == {"CSW", "WMS", "WFS", "ArcGIS REST"}
    assert kinds["CSW"].version == "3.0.0" and kinds["CSW"].versions == ["2.0.2", "3.0.0"]
    assert kinds["CSW"].url == scripted_server.url + "/csw"
    assert kinds["CSW"].title == "Katalog Simpul"
    assert kinds["WMS"].version == "1.3.0" and kinds["WMS"].url == scripted_server.url + "/ows"
    assert kinds["WFS"].version == "2.0.0"
    assert kinds["ArcGIS REST"].version == "10.81"
    assert info.reachable
    json.loads(info.to_json())  # JSON-ready


def test_broken_answers_are_reported_not_raised(scripted_server):
    scripted_server.static("/csw", HTML_ERROR, status=502, ctype="text/html")
    scripted_server.static("/ows", MALFORMED)
    scripted_server.static("/wms", BILLION_LAUGHS)
    scripted_server.static("/wfs", b"oops", status=500, ctype="text/plain")
    info = detect_services(scripted_server.url, timeout=3)
    assert info.services == []
    by_url = {p.url.split("?")[0].replace(scripted_server.url, ""): p for p in info.probes}
    assert "HTTP 502" in by_url["/csw"].message
    assert "not well-formed" in by_url["/ows"].message
    assert "entities" in by_url["/wms"].message
    assert "HTTP 500" in by_url["/wfs"].message


def test_hanging_path_does_not_hold_up_the_others(scripted_server):
    scripted_server.hang("/csw")
    _ows_route(scripted_server, "/ows", {"WMS": WMS_OK})
    # the whole check's deadline (5 s) is shared by every probe: generous enough that a loaded
    # machine still answers /ows in time, while the hanging /csw is cut at the deadline
    info = detect_services(scripted_server.url, timeout=5.0)
    assert [s.kind for s in info.services] == ["WMS"]
    hung = [p for p in info.probes if p.url.startswith(scripted_server.url + "/csw?")]
    assert hung and "no answer within 5 s" in hung[0].message


def test_dead_node(scripted_server):
    url = scripted_server.url
    scripted_server.close()
    info = detect_services(url, timeout=2.0)
    assert not info.reachable and info.services == []
    assert all(p.message for p in info.probes)


def test_base_url_normalised():
    assert normalise_base("geoportal.example.go.id/") == "http://geoportal.example.go.id"
    assert normalise_base(" https://a.b/csw/?x=1 ") == "https://a.b/csw"
    info = detect_services("not a url at all")
    assert not info.reachable and info.services == []


def _hang_everywhere(server):
    from sdi_plugin.core.nodes import nodeinfo
    for path in set(nodeinfo.OWS_PATHS + nodeinfo.CSW_PATHS + nodeinfo.WMTS_PATHS + nodeinfo.OAPI_PATHS
                    + nodeinfo.ARCGIS_PATHS + nodeinfo.CKAN_PATHS):
        server.hang(path or "/")


def test_a_node_that_never_answers_gets_one_deadline_for_the_whole_check(scripted_server):
    """Every probe is given what is left of the check's time, and the probes whose turn comes
    after it (the probe threads are all held by hanging requests) are reported, not started."""
    from sdi_plugin.core.nodes import nodeinfo
    _hang_everywhere(scripted_server)
    info = detect_services(scripted_server.url, timeout=1.0)
    started = [p for p in info.probes if not p.skipped]
    skipped = [p for p in info.probes if p.skipped]
    assert len(info.probes) == 31 and not info.reachable           # every probe is in the report
    assert len(started) == nodeinfo.PROBE_WORKERS and len(skipped) == 31 - nodeinfo.PROBE_WORKERS
    for p in started:
        assert p.message == "no answer within 1 s"
        assert 0 < p.timeout_ms < 1000                              # the time left, not a full second
    for p in skipped:
        assert p.message == "not checked: the node check's 1 s were up"
        assert p.status == 0 and p.timeout_ms == 0
    assert len(scripted_server.hits) <= len(started)                # no skipped probe was sent
    json.loads(info.to_json())


def test_the_former_per_request_timeout_gave_every_probe_the_full_time(scripted_server):
    """The baseline the deadline replaces (kept for the benchmark): every request its own full
    timeout, none skipped — so a check took a timeout per round of probe threads."""
    _hang_everywhere(scripted_server)
    info = detect_services(scripted_server.url, timeout=1.0, whole_check=False)
    assert len(info.probes) == 31
    assert all(not p.skipped and p.timeout_ms == 1000 for p in info.probes)
