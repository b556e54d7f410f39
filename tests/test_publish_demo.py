"""Publishing to the demo node itself (what `make demo` and the bimtek lab node run): a fixed
latihan dataset published with ``sdi:publishdataset`` through Processing, as a participant
would, into a workspace of their own; the record found through the node's CSW and the layer
loaded back from the WMS and WFS links of that record; then ``demo.publish_rest.reset`` puts
the node back as it was seeded."""
import base64
import json
import os
import urllib.request
from urllib.parse import urlencode

import processing
from qgis.core import QgsVectorLayer

from demo.publish_rest import DEFAULT_PASSWORD, DEFAULT_USER, reset, state_dir
from fixtures_publish import catalogue_records, make_authcfg
from sdi_plugin.core.catalog.query import SearchQuery
from sdi_plugin.core.catalog.search import search_nodes
from sdi_plugin.core.loading.loader import load_link
from sdi_plugin.core.nodes.registry import Node
from sdi_plugin.core.publish.verify import check_wfs, check_wms

DEFAULTS = {"node_code": "6200", "node_name": "Simpul Jaringan Provinsi Kalimantan Tengah (latihan)",
            "organisation": "Bappeda Provinsi Kalimantan Tengah", "individual": "Peserta bimtek",
            "position": "Analis data spasial", "email": "simpul@bappeda.kalteng.go.id", "phone": "+62 536 000000",
            "address": "Jl. Tjilik Riwut", "city": "Palangka Raya", "region": "Kalimantan Tengah",
            "postal_code": "73112", "url": "https://bappeda.kaltengprov.go.id", "topic_category": "inlandWaters"}
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _workspaces(node):
    auth = base64.b64encode(("%s:%s" % (DEFAULT_USER, DEFAULT_PASSWORD)).encode()).decode()
    req = urllib.request.Request(node.base_url + "/geoserver/rest/workspaces.json",
                                 headers={"Authorization": "Basic " + auth, "Accept": "application/json"})
    with _NO_PROXY.open(req, timeout=30) as resp:
        listing = json.loads(resp.read())["workspaces"]
    return sorted(w["name"] for w in listing["workspace"]) if listing else []


def test_participant_publishes_to_the_demo_node_and_reset_clears_it(sdi_provider, demo_node, sample_data_dir,
                                                                    tmp_path):
    seeded = catalogue_records(demo_node)
    auth = make_authcfg("simpul-demo-latihan", DEFAULT_USER, DEFAULT_PASSWORD)
    defaults = tmp_path / "node_defaults.json"
    defaults.write_text(json.dumps(DEFAULTS))
    fixed = str(tmp_path / "SUNGAI_LN_10K.gpkg")
    out = processing.run("sdi:fixdataset", {"INPUT": os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"),
                                            "OUTPUT": fixed})
    assert out["SRS_ID_FILLED"] == 6
    plan = tmp_path / "publish.json"
    try:
        result = processing.run("sdi:publishdataset", {
            "INPUT": fixed, "NODE": demo_node.base_url, "AUTHCFG": auth, "WORKSPACE": "peserta_uji",
            "METADATA_DEFAULTS": str(defaults), "OUTPUT_PLAN": str(plan), "LOG_FOLDER": str(tmp_path / "log")})
        report = json.loads(plan.read_text())
        assert result["RESULT"] == "published", report["message"]
        assert report["node"]["geoserver_rest"] == demo_node.geoserver_rest_url   # found from the base URL
        assert report["node"]["csw"] == demo_node.csw_url
        assert report["verified"], report["verification"]
        assert report["layer"] == "peserta_uji:SUNGAI_LN_10K"
        assert [(c["resource"], c["action"]) for c in report["changes"]] == [
            ("workspace", "create"), ("datastore", "create"), ("featuretype", "create"), ("style", "create"),
            ("layer", "create"), ("record", "create")]
        assert "peserta_uji" in _workspaces(demo_node)
        record_id = report["record_id"]
        assert record_id not in seeded

        # Discover: the node's CSW finds the record, with the links to the published layer
        node = Node(name="Simpul Demo", url=demo_node.base_url,
                    services=[{"kind": "CSW", "url": demo_node.csw_url, "version": "2.0.2"}])
        found = search_nodes(SearchQuery(text="SUNGAI_LN_10K"), [node], timeout=20)
        ours = [r for r in found.records if r.identifier == record_id]
        assert ours, [r.identifier for r in found.records]
        links = {link.protocol: link for link in ours[0].links}
        assert links["OGC:WMS"].url == demo_node.geoserver_ows_url
        assert links["OGC:WMS"].name == "peserta_uji:SUNGAI_LN_10K"
        wms_layer = load_link(links["OGC:WMS"], ours[0], timeout=30, style=False)
        assert wms_layer.ok and wms_layer.layer.isValid(), wms_layer.message
        wfs_layer = load_link(links["OGC:WFS"], ours[0], timeout=30, style=False)   # QGIS Server names it ws-name
        assert wfs_layer.ok and wfs_layer.layer.isValid(), wfs_layer.message
        assert wfs_layer.layer.featureCount() == 6
        wms = check_wms(links["OGC:WMS"].url, [links["OGC:WMS"].name], None, "")   # draws something
        wfs = check_wfs(links["OGC:WFS"].url, [links["OGC:WFS"].name], 6, "")      # all 6 features
        assert wms["ok"] and wfs["ok"] and wfs["features"] == 6, (wms, wfs)
        _any_client_follows(links["OGC:WMS"], links["OGC:WFS"], 6)
    finally:
        removed = reset(demo_node.workdir)

    assert "peserta_uji" in removed["workspaces"] and removed["records"] >= 1
    assert _workspaces(demo_node) == []
    assert not os.path.exists(os.path.join(state_dir(demo_node.workdir), "data", "peserta_uji"))
    assert catalogue_records(demo_node) == seeded
    again = check_wfs(demo_node.geoserver_ows_url, ["peserta_uji:SUNGAI_LN_10K"], 6, "")
    assert not again["ok"]   # the published layer is gone from the node's WFS too


def _get(url, params):
    with _NO_PROXY.open(url + ("&" if "?" in url else "?") + urlencode(params), timeout=60) as resp:
        return resp.headers.get("Content-Type", ""), resp.read()


def _any_client_follows(wms_link, wfs_link, count):
    """The record's links as any WMS/WFS client follows them: the name exactly as the record
    gives it (workspace:layer), on the URL the record gives, with plain requests."""
    kind, caps = _get(wfs_link.url, {"SERVICE": "WFS", "VERSION": "1.1.0", "REQUEST": "GetCapabilities"})
    assert ("<Name>%s</Name>" % wfs_link.name).encode() in caps, caps[:2000]
    kind, body = _get(wfs_link.url, {"SERVICE": "WFS", "VERSION": "1.1.0", "REQUEST": "GetFeature",
                                     "TYPENAME": wfs_link.name, "OUTPUTFORMAT": "application/vnd.geo+json"})
    assert len(json.loads(body)["features"]) == count, body[:500]
    kind, gml = _get(wfs_link.url, {"SERVICE": "WFS", "VERSION": "1.1.0", "REQUEST": "GetFeature",
                                    "TYPENAME": wfs_link.name})
    assert gml.count(b"<gml:featureMember") == count, gml[:1000]
    layer = QgsVectorLayer("url='%s' typename='%s' version='1.1.0' restrictToRequestBBOX='0'" % (
        wfs_link.url, wfs_link.name), "wfs", "WFS")                  # QGIS's own WFS client, the exact name
    assert layer.isValid() and sum(1 for _ in layer.getFeatures()) == count
    kind, caps = _get(wms_link.url, {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetCapabilities"})
    assert ("<Name>%s</Name>" % wms_link.name).encode() in caps
    kind, png = _get(wms_link.url, {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": wms_link.name,
                                    "STYLES": "", "CRS": "EPSG:4326", "BBOX": "-11,94,6,142", "WIDTH": "64",
                                    "HEIGHT": "64", "FORMAT": "image/png"})
    assert kind.startswith("image/png") and png[:4] == b"\x89PNG", png[:300]


def test_the_catalogue_survives_a_restart_and_reset_empties_it(tmp_path, sample_data_dir):
    """What the node holds lives in its work folder: a second process (here: a second instance,
    as after a restart) sees it, and ``reset`` from elsewhere empties it for the running one."""
    from demo.publish_rest import PublishRest, STATE_FILE
    root = state_dir(str(tmp_path))
    state = os.path.join(root, STATE_FILE)
    first = PublishRest(os.path.join(root, "data"), "http://127.0.0.1:9", state_file=state)
    first.add_workspace("peserta_budi")
    gpkg = os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")
    upload = tmp_path / "upload.gpkg"
    upload.write_bytes(open(gpkg, "rb").read())
    route, args = first.route("/workspaces/peserta_budi/datastores/sungai/file.gpkg", "PUT")
    status = first.call("PUT", route, args, {}, {"Content-Type": "application/x-sqlite3"}, str(upload))[0]
    assert status == 201
    after_restart = PublishRest(os.path.join(root, "data"), "http://127.0.0.1:9", state_file=state)
    assert after_restart.snapshot() == first.snapshot()
    assert after_restart.snapshot()["workspaces"] == ["peserta_budi"]
    assert list(after_restart.snapshot()["featuretypes"]) == ["peserta_budi:" + list(
        after_restart.catalog.stores[("peserta_budi", "sungai")]["tables"])[0]]
    removed = reset(str(tmp_path))
    assert removed["workspaces"] == ["peserta_budi"] and removed["layers"] == 1
    assert first.snapshot()["workspaces"] == [] and first.snapshot()["stores"] == {}
    assert not os.path.exists(os.path.join(root, "data", "peserta_budi"))
    first.add_workspace("peserta_sari")      # the running node goes on after a reset
    assert after_restart.snapshot()["workspaces"] == ["peserta_sari"]
