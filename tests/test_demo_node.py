"""The embedded demo node, end to end: real gunicorn gateway, real pycsw, real QGIS Server,
real clients (OWSLib, PyQGIS' WMS and WFS providers, raw HTTP). No mocks."""
import glob
import http.client as httpclient
import json
import os
import signal
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import requests
from lxml import etree

from fixtures_node import ROOT, free_port, start_demo_node

from demo import identity, records
from demo.node import DemoNode, NodeError, die_with_this_process

QGIS_PYTHON = "/usr/bin/python3"
NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "csw30": "http://www.opengis.net/cat/csw/3.0",
    "ows": "http://www.opengis.net/ows",
    "ows11": "http://www.opengis.net/ows/1.1",
    "ows20": "http://www.opengis.net/ows/2.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dct": "http://purl.org/dc/terms/",
    "gmd": "http://www.isotc211.org/2005/gmd",
    "gco": "http://www.isotc211.org/2005/gco",
    "wms": "http://www.opengis.net/wms",
    "xlink": "http://www.w3.org/1999/xlink",
}
GMD_XSD = glob.glob(os.path.join(ROOT, "build", "venv", "pycsw", "lib", "python3*", "site-packages", "pycsw", "plugins",
                                 "profiles", "apiso", "schemas", "ogc", "iso", "19139", "20070417", "gmd", "gmd.xsd"))


@pytest.fixture(scope="module")
def web():
    s = requests.Session()
    s.trust_env = False  # the node is local: never through a proxy from the environment
    yield s
    s.close()


def _xml(resp):
    assert resp.status_code == 200, resp.text[:500]
    return etree.fromstring(resp.content)


def _csw_get(web, node, **params):
    return web.get(node.csw_url, params=dict({"service": "CSW"}, **params), timeout=30)


def _published(node):
    return node.datasets


def _transaction(node, body, source="127.0.0.1", headers=None):
    """POST a CSW request to the gateway from the given local source address."""
    parts = urlsplit(node.csw_url)
    conn = httpclient.HTTPConnection(parts.hostname, parts.port, source_address=(source, 0), timeout=30)
    try:
        conn.request("POST", parts.path, body, dict({"Content-Type": "application/xml"}, **(headers or {})))
        resp = conn.getresponse()
        return resp.status, etree.fromstring(resp.read())
    finally:
        conn.close()


def _insert_body(node, metadata_id):
    ds = {"id": "uji_transaksi", "title": "Uji transaksi CSW-T", "metadata_id": metadata_id, "crs": "EPSG:4326",
          "bbox_4326": [106.6, -6.4, 106.9, -6.1], "date": "2024-05-17", "organisation": "Bappeda Uji",
          "kugi_category": "Batas Wilayah", "keywords": ["uji"], "format": "GPKG", "scale": 10000}
    rec = records.build_record(ds, node.base_url)
    tx = etree.Element("{%s}Transaction" % NS["csw"], nsmap={"csw": NS["csw"]}, service="CSW", version="2.0.2")
    etree.SubElement(tx, "{%s}Insert" % NS["csw"]).append(rec)
    return etree.tostring(tx, xml_declaration=True, encoding="UTF-8")


def _delete_body(metadata_id):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<csw:Transaction xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc"
    service="CSW" version="2.0.2"><csw:Delete><csw:Constraint version="1.1.0"><ogc:Filter>
  <ogc:PropertyIsEqualTo><ogc:PropertyName>apiso:Identifier</ogc:PropertyName>
  <ogc:Literal>%s</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint></csw:Delete>
</csw:Transaction>""" % metadata_id).encode("utf-8")


def _catalogue_ids(web, node):
    doc = _xml(_csw_get(web, node, version="2.0.2", request="GetRecords", typeNames="csw:Record",
                        resultType="results", elementSetName="brief", maxRecords="100"))
    return sorted(e.text for e in doc.iterfind(".//csw:BriefRecord/dc:identifier", NS))


# --- landing page ---------------------------------------------------------------------------------

def test_landing_page_lists_the_endpoints(web, demo_node):
    doc = web.get(demo_node.base_url + "/", params={"f": "json"}, timeout=30).json()
    assert doc["title"] == identity.TITLE
    assert doc["endpoints"]["csw"] == demo_node.csw_url
    assert doc["endpoints"]["wms"] == demo_node.ows_url == doc["endpoints"]["wfs"]
    assert doc["endpoints"]["ogcapi_features"] == demo_node.oapif_url
    assert [d["id"] for d in doc["datasets"]] == [d["id"] for d in _published(demo_node)]
    page = web.get(demo_node.base_url + "/", timeout=30)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert identity.TITLE in page.text and demo_node.csw_url in page.text
    assert web.get(demo_node.base_url + "/nothing-here", timeout=30).status_code == 404


# --- CSW -------------------------------------------------------------------------------------------

def test_csw_202_capabilities_title_and_urls(demo_node):
    from owslib.csw import CatalogueServiceWeb
    csw = CatalogueServiceWeb(demo_node.csw_url, version="2.0.2", timeout=30)
    assert csw.identification.title == identity.TITLE
    assert csw.provider.name == identity.CONTACT["organisation"]
    # clients follow the advertised operation URLs: they must be the node's own
    urls = {m["url"] for op in csw.operations for m in op.methods}
    assert urls == {demo_node.csw_url}
    assert "Transaction" in [op.name for op in csw.operations]


def test_csw_300_capabilities_title(web, demo_node):
    doc = _xml(_csw_get(web, demo_node, version="3.0.0", request="GetCapabilities", acceptVersions="3.0.0"))
    assert etree.QName(doc).namespace == NS["csw30"] and doc.get("version") == "3.0.0"
    assert doc.findtext("ows20:ServiceIdentification/ows20:Title", namespaces=NS) == identity.TITLE
    hrefs = {e.get("{%s}href" % NS["xlink"]) for e in doc.iterfind(".//ows20:DCP/ows20:HTTP/*", NS)}
    assert hrefs and {h.split("?")[0] for h in hrefs} == {demo_node.csw_url}
    # without a version pycsw answers 3.0.0 and lists both versions it speaks
    doc = _xml(_csw_get(web, demo_node, request="GetCapabilities"))
    assert doc.get("version") == "3.0.0"
    versions = {e.text for e in doc.iterfind("ows20:ServiceIdentification/ows20:ServiceTypeVersion", NS)}
    assert versions == {"2.0.2", "3.0.0"}


def test_getrecords_returns_exactly_the_seeded_records(demo_node):
    from owslib.csw import CatalogueServiceWeb
    csw = CatalogueServiceWeb(demo_node.csw_url, version="2.0.2", timeout=30)
    csw.getrecords2(outputschema=NS["gmd"], esn="full", maxrecords=100)
    expected = sorted(d["metadata_id"] for d in _published(demo_node))
    assert csw.results["matches"] == len(expected) == csw.results["returned"]
    assert sorted(csw.records) == expected == sorted(demo_node.record_ids)
    by_id = {d["metadata_id"]: d for d in _published(demo_node)}
    for mid, md in csw.records.items():
        ds = by_id[mid]
        ident = md.identification[0] if isinstance(md.identification, list) else md.identification
        assert ident.title == ds["title"]
        links = {o.protocol: o for o in md.distribution.online}
        assert links["OGC:WMS"].url == demo_node.ows_url and links["OGC:WMS"].name == demo_node.layer_names[ds["id"]]
        assert links["OGC:WFS"].url == demo_node.ows_url and links["OGC:WFS"].name == ds["id"]
        assert links["OGC:API-Features"].url == "%s/collections/%s" % (demo_node.oapif_url, ds["id"])


def test_dublin_core_references_point_at_the_gateway(web, demo_node):
    doc = _xml(_csw_get(web, demo_node, version="2.0.2", request="GetRecords", typeNames="csw:Record",
                        resultType="results", elementSetName="full", maxRecords="100"))
    wms = [e.text for e in doc.iterfind(".//csw:Record/dct:references[@scheme='OGC:WMS']", NS)]
    assert len(wms) == len(_published(demo_node)) and set(wms) == {demo_node.ows_url}


def test_seed_records_are_valid_iso19139(web, demo_node):
    assert GMD_XSD, "pycsw's bundled ISO 19139 schemas are missing (make setup)"
    schema = etree.XMLSchema(etree.parse(GMD_XSD[0]))
    for ds in _published(demo_node):
        doc = _xml(_csw_get(web, demo_node, version="2.0.2", request="GetRecordById", id=ds["metadata_id"],
                            outputSchema=NS["gmd"], elementSetName="full"))
        md = doc.find("gmd:MD_Metadata", NS)
        assert md is not None, etree.tostring(doc)[:500]
        assert schema.validate(etree.ElementTree(md)), schema.error_log.last_error
        t = lambda path, md=md: md.findtext(path, namespaces=NS)  # noqa: E731
        assert t("gmd:fileIdentifier/gco:CharacterString") == ds["metadata_id"]
        assert md.find("gmd:language/gmd:LanguageCode", NS).get("codeListValue") == "ind"
        assert md.find("gmd:characterSet/gmd:MD_CharacterSetCode", NS).get("codeListValue") == "utf8"
        assert md.find("gmd:hierarchyLevel/gmd:MD_ScopeCode", NS).get("codeListValue") == "dataset"
        assert "ISO 19115" in t("gmd:metadataStandardName/gco:CharacterString")
        assert "SNI 8843-1:2019" in t("gmd:metadataStandardName/gco:CharacterString")
        assert t("gmd:contact//gmd:organisationName/gco:CharacterString") == ds["organisation"]
        code = t("gmd:referenceSystemInfo//gmd:code/gco:CharacterString")
        assert "EPSG:" + code == ds["crs"]
        ident = md.find("gmd:identificationInfo/gmd:MD_DataIdentification", NS)
        keywords = [k.text for k in ident.iterfind(".//gmd:keyword/gco:CharacterString", NS)]
        assert ds["kugi_category"] in keywords and set(ds["keywords"]) <= set(keywords)
        assert ident.findtext("gmd:topicCategory/gmd:MD_TopicCategoryCode", namespaces=NS)
        box = ident.find(".//gmd:EX_GeographicBoundingBox", NS)
        got = [float(box.findtext("gmd:%s/gco:Decimal" % k, namespaces=NS)) for k in
               ("westBoundLongitude", "southBoundLatitude", "eastBoundLongitude", "northBoundLatitude")]
        assert got == pytest.approx(ds["bbox_4326"])


def test_records_follow_the_public_url():
    """A node on a LAN advertises its LAN address in every online resource (no server needed)."""
    ds = {"id": "x_y", "title": "T", "metadata_id": "m-1", "crs": "EPSG:9488", "bbox_4326": [106, -7, 107, -6]}
    md = records.build_record(ds, "http://192.168.1.10:8765/")
    urls = {md_.findtext("gmd:protocol/gco:CharacterString", namespaces=NS):
            md_.findtext("gmd:linkage/gmd:URL", namespaces=NS) for md_ in md.iterfind(".//gmd:CI_OnlineResource", NS)}
    assert urls == {"OGC:WMS": "http://192.168.1.10:8765/ows", "OGC:WFS": "http://192.168.1.10:8765/ows",
                    "OGC:API-Features": "http://192.168.1.10:8765/wfs3/collections/x_y"}


# --- CSW-T: only from 127.0.0.1 -------------------------------------------------------------------

def test_csw_insert_from_localhost_succeeds_and_is_deleted_again(web, demo_node):
    mid = "simpul-uji-transaksi-lokal"
    seeded = _catalogue_ids(web, demo_node)
    status, doc = _transaction(demo_node, _insert_body(demo_node, mid))
    try:
        assert status == 200 and doc.findtext(".//csw:totalInserted", namespaces=NS) == "1", etree.tostring(doc)
        assert _catalogue_ids(web, demo_node) == sorted(seeded + [mid])
    finally:
        status, doc = _transaction(demo_node, _delete_body(mid))
    assert doc.findtext(".//csw:totalDeleted", namespaces=NS) == "1", etree.tostring(doc)
    assert _catalogue_ids(web, demo_node) == seeded


def _basic(user, password):
    import base64
    return {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()}


def test_csw_insert_from_another_address_with_the_publishing_login_succeeds(web, demo_node):
    """In a training room participants publish from their own machines with the node's login."""
    mid = "simpul-uji-transaksi-peserta"
    seeded = _catalogue_ids(web, demo_node)
    login = _basic(demo_node.publish_user, demo_node.publish_password)
    status, doc = _transaction(demo_node, _insert_body(demo_node, mid), source="127.0.0.2", headers=login)
    try:
        assert status == 200 and doc.findtext(".//csw:totalInserted", namespaces=NS) == "1", etree.tostring(doc)
        assert _catalogue_ids(web, demo_node) == sorted(seeded + [mid])
    finally:
        _transaction(demo_node, _delete_body(mid), source="127.0.0.2", headers=login)
    assert _catalogue_ids(web, demo_node) == seeded


@pytest.mark.parametrize("headers", [{}, {"X-Forwarded-For": "127.0.0.1"}, _basic("simpul", "salah"),
                                     _basic("admin", "latihan")],
                         ids=["plain", "spoofed-xff", "wrong-password", "wrong-user"])
def test_csw_insert_from_another_address_is_refused(web, demo_node, headers):
    mid = "simpul-uji-transaksi-luar"
    seeded = _catalogue_ids(web, demo_node)
    status, doc = _transaction(demo_node, _insert_body(demo_node, mid), source="127.0.0.2", headers=headers)
    assert etree.QName(doc).localname == "ExceptionReport", etree.tostring(doc)
    text = doc.findtext(".//ows:ExceptionText", namespaces=NS)
    assert "not allowed for this IP address: 127.0.0.2" in text
    assert _catalogue_ids(web, demo_node) == seeded and mid not in seeded


# --- QGIS Server through the gateway -------------------------------------------------------------

def test_wms_capabilities_self_links_follow_the_host_header(web, demo_node):
    host = "simpul.contoh.invalid:8765"
    resp = web.get(demo_node.ows_url, params={"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetCapabilities"},
                    headers={"Host": host}, timeout=30)
    doc = _xml(resp)
    href = doc.find(".//wms:GetMap//wms:OnlineResource", NS).get("{%s}href" % NS["xlink"])
    assert href.startswith("http://%s/ows" % host)
    assert doc.findtext("wms:Service/wms:Title", namespaces=NS) == identity.TITLE
    names = {e.text for e in doc.iterfind(".//wms:Layer/wms:Name", NS)}
    assert {d["id"] for d in _published(demo_node)} <= names
    crs = {e.text for e in doc.iterfind("wms:Capability/wms:Layer/wms:CRS", NS)}
    assert {"EPSG:4326", "EPSG:3857", "EPSG:9470"} | {d["crs"] for d in _published(demo_node)} <= crs


def _render(layer, bbox):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize, Qt
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(QgsRectangle(*bbox))
    settings.setOutputSize(QSize(256, 256))
    settings.setBackgroundColor(Qt.transparent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def _painted_pixels(image):
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 0)


def test_wms_layers_load_in_pyqgis_and_render(qgis_app, demo_node):
    from qgis.core import QgsRasterLayer
    for ds in _published(demo_node):
        uri = ("contextualWMSLegend=0&crs=EPSG:4326&format=image/png&layers=%s&styles=&url=%s"
               % (demo_node.layer_names[ds["id"]], demo_node.ows_url))
        layer = QgsRasterLayer(uri, ds["id"], "wms")
        assert layer.isValid(), (ds["id"], layer.error().summary())
        minx, miny, maxx, maxy = ds["bbox_4326"]
        padx, pady = (maxx - minx) * 0.05 or 0.01, (maxy - miny) * 0.05 or 0.01
        image = _render(layer, (minx - padx, miny - pady, maxx + padx, maxy + pady))
        assert not image.isNull()
        assert _painted_pixels(image) > 0, "GetMap of %s drew nothing" % ds["id"]


def test_wfs_layers_load_in_pyqgis_with_the_manifest_feature_count(qgis_app, demo_node):
    from qgis.core import QgsVectorLayer
    for ds in _published(demo_node):
        uri = ("pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='0' "
               "typename='%s' url='%s' version='2.0.0'" % (demo_node.layer_names[ds["id"]], demo_node.ows_url))
        layer = QgsVectorLayer(uri, ds["id"], "WFS")
        assert layer.isValid(), (ds["id"], layer.error().summary())
        assert sum(1 for _ in layer.getFeatures()) == ds["feature_count"], ds["id"]
        assert layer.featureCount() == ds["feature_count"], ds["id"]


def test_ogc_api_features_landing_and_items(web, demo_node):
    landing = web.get(demo_node.oapif_url, headers={"Accept": "application/json"}, timeout=30)
    assert landing.status_code == 200
    rels = {link["rel"]: link["href"] for link in landing.json()["links"]}
    assert rels["data"] == demo_node.oapif_url + "/collections"  # self-links point at the gateway
    assert rels["conformance"] == demo_node.oapif_url + "/conformance"
    collections = web.get(rels["data"], headers={"Accept": "application/json"}, timeout=30).json()
    ids = {c["id"] for c in collections["collections"]}
    assert ids == {demo_node.layer_names[d["id"]] for d in _published(demo_node)}
    for ds in _published(demo_node):
        items = web.get("%s/collections/%s/items" % (demo_node.oapif_url, ds["id"]),
                         params={"limit": 10000}, headers={"Accept": "application/geo+json"}, timeout=60)
        assert items.status_code == 200, items.text[:300]
        doc = items.json()
        assert doc["type"] == "FeatureCollection"
        assert len(doc["features"]) == ds["feature_count"] == doc["numberMatched"], ds["id"]


# --- the command line: port in use, signals ------------------------------------------------------

def _node_cmd(port, workdir, sample_dir):
    return [QGIS_PYTHON, "-m", "demo.node", "--host", "127.0.0.1", "--port", str(port),
            "--workdir", str(workdir), "--sample-dir", sample_dir]


def _env():
    return dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1", QT_QPA_PLATFORM="offscreen")


def test_second_node_on_the_same_port_fails_clearly(web, demo_node, tmp_path):
    workdir = tmp_path / "second"
    proc = subprocess.run(_node_cmd(demo_node.port, workdir, demo_node.sample_dir), cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    msg = proc.stderr.strip()
    assert "127.0.0.1:%d" % demo_node.port in msg and "already in use" in msg
    assert "make demo-node PORT=" in msg and "--port" in msg
    assert "\n" not in msg  # one paragraph
    assert not workdir.exists()  # nothing was started or written
    assert web.get(demo_node.base_url + "/", params={"f": "json"}, timeout=30).status_code == 200


def test_a_work_folder_serves_one_node_at_a_time(web, demo_node):
    other = DemoNode(host="127.0.0.1", port=free_port(), workdir=demo_node.workdir, sample_dir=demo_node.sample_dir)
    with pytest.raises(NodeError, match="in use by another running demo node"):
        other.start()
    assert other.pids == {} and os.path.exists(demo_node.state_file)
    assert web.get(demo_node.base_url + "/", params={"f": "json"}, timeout=30).status_code == 200


def _group_pids(pgid):
    from demo.node import _group_members
    return [pid for pid, state in _group_members(pgid)]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_stops_every_process_of_the_node(demo_node, tmp_path, signum):
    workdir = tmp_path / "node"
    port = free_port()
    proc = subprocess.Popen(_node_cmd(port, workdir, demo_node.sample_dir), cwd=ROOT, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=die_with_this_process())   # never outlives this test process
    try:
        out = []
        for line in proc.stdout:  # waits for the node to say it is ready (or to exit)
            out.append(line)
            if "Ctrl-C stops the node" in line:
                break
        assert proc.poll() is None, "".join(out)
        assert "http://127.0.0.1:%d/csw" % port in "".join(out)
        state = json.loads((workdir / "node.json").read_text())
        assert state["pid"] == proc.pid
        groups = [c["pgid"] for c in state["children"].values()]
        assert set(state["children"]) == {"gateway", "qgis_server", "qgis_server_publish"}
        members = [pid for g in groups for pid in _group_pids(g)]
        assert len(members) >= 3  # gunicorn master + worker, qgis_mapserver
        proc.send_signal(signum)
        rest, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0, "".join(out) + rest
        assert "stopped" in rest
        for pgid in groups:
            with pytest.raises(ProcessLookupError):
                os.killpg(pgid, 0)
        for pid in members:
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
        assert not (workdir / "node.json").exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_dying_child_is_reported_with_its_log(demo_node, tmp_path):
    node = start_demo_node(str(tmp_path / "node"), demo_node.sample_dir)
    try:
        victim = node._children[[c.name for c in node._children].index("qgis_server")]
        os.killpg(victim.pgid, signal.SIGKILL)
        victim.popen.wait(timeout=30)
        with pytest.raises(NodeError) as err:
            node.check()
        text = str(err.value)
        assert "qgis_server" in text and "qgis-server.log" in text
    finally:
        node.stop()
    assert node.pids == {}


def test_module_help_lists_the_options():
    proc = subprocess.run([sys.executable, "-m", "demo.node", "--help"], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "--public-url" in proc.stdout
