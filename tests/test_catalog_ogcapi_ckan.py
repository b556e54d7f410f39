"""OGC API Records against a real pygeoapi (paging by ``next`` links) and CKAN against its
documented answers (tests/data/catalog) on a loopback server."""
import json
import os
from urllib.parse import parse_qs, urlsplit

from sdi_plugin.core.catalog.ckan import CkanClient, organisation_node, organisations
from sdi_plugin.core.catalog.client import CatalogueError
from sdi_plugin.core.catalog.endpoints import client_for_node, node_from_url
from sdi_plugin.core.catalog.ogcapi_records import RecordsClient
from sdi_plugin.core.catalog.query import SearchQuery

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "catalog")


def _pages(client, query):
    ids, token, pages = [], None, []
    while True:
        page = client.search(query, page_token=token, page_size=query.page_size, timeout=10)
        ids += [r.identifier for r in page.records]
        pages.append(len(page.records))
        token = page.next_token
        if token is None:
            return ids, pages, page.matched


def test_records_paged_by_next_links(pygeoapi_records):
    client = RecordsClient(pygeoapi_records.url)          # the landing page: collections are found
    ids, pages, matched = _pages(client, SearchQuery(page_size=10))
    assert sorted(ids) == sorted(f["id"] for f in pygeoapi_records.records)
    assert pages == [10, 10, 3] and matched == 23
    assert client.collections() == [pygeoapi_records.collection_url]


def test_records_query_bbox_datetime(pygeoapi_records):
    client = RecordsClient(pygeoapi_records.collection_url)
    ids, _pages_, _ = _pages(client, SearchQuery(text="Wilayah 05", page_size=10))
    assert ids == ["rtrw-05"]
    ids, _pages_, _ = _pages(client, SearchQuery(bbox=(100.0, -6.0, 102.2, -3.0), page_size=10))
    assert sorted(ids) == ["rtrw-00", "rtrw-01", "rtrw-02"]
    ids, _pages_, _ = _pages(client, SearchQuery(date_from="2020-01-01", date_to="2021-12-31", page_size=10))
    assert sorted(ids) == ["rtrw-10", "rtrw-11"]
    page = client.search(SearchQuery(text="Wilayah 05"), timeout=10)
    rec = page.records[0]
    assert rec.source_format == "ogcapi-records" and rec.theme == "Dataset Khusus"
    assert {l.kind for l in rec.links} == {"WMS", "download"}


def _ckan(server):
    pages = {0: "ckan_package_search_page1.json", 2: "ckan_package_search_page2.json"}

    def package_search(req):
        params = parse_qs(urlsplit(req.path).query)
        start = int(params.get("start", ["0"])[0])
        with open(os.path.join(DATA, pages.get(start, "ckan_package_search_error.json")), "rb") as fh:
            req.send_simple(200, fh.read(), "application/json")

    server.routes["/api/3/action/package_search"] = package_search
    for name in ("organization_list", "status_show"):
        with open(os.path.join(DATA, "ckan_%s.json" % name), "rb") as fh:
            server.static("/api/3/action/" + name, fh.read(), ctype="application/json")
    return server


def test_ckan_search_pages_with_rows_and_start(scripted_server):
    _ckan(scripted_server)
    client = CkanClient(scripted_server.url, organization="bappeda-kalteng")
    ids, pages, matched = _pages(client, SearchQuery(text="batas desa", theme="Batas Wilayah",
                                                     date_from="2020-01-01", bbox=(110, -4, 116, 1), page_size=2))
    assert pages == [2, 1] and matched == 3
    assert ids[0] == "kalteng-batas-desa"
    first = parse_qs(urlsplit(scripted_server.hits[0]).query)
    assert first["rows"] == ["2"] and first["start"] == ["0"]
    assert first["q"] == ["batas AND desa"]
    fq = first["fq"][0]
    assert 'organization:"bappeda-kalteng"' in fq and 'tags:"Batas Wilayah"' in fq
    assert "metadata_modified:[2020-01-01T00:00:00Z TO *]" in fq
    assert first["ext_bbox"] == ["110.0,-4.0,116.0,1.0"]
    assert parse_qs(urlsplit(scripted_server.hits[1]).query)["start"] == ["2"]


def test_ckan_organisations_are_nodes(scripted_server):
    _ckan(scripted_server)
    orgs = organisations(scripted_server.url + "/api/3/action", timeout=5)
    assert [(o["name"], o["count"]) for o in orgs] == [("bappeda-kalteng", 2), ("bpbd-kota-tangerang", 1)]
    assert orgs[0]["title"] == "Bappeda Provinsi Kalimantan Tengah"
    node = organisation_node(orgs[1], level="kota")
    client = client_for_node(node, timeout=5)
    assert client.kind == "CKAN" and client.organization == "bpbd-kota-tangerang"
    client.search(SearchQuery(), timeout=5)
    assert 'organization:"bpbd-kota-tangerang"' in parse_qs(urlsplit(scripted_server.hits[-1]).query)["fq"][0]


def test_ckan_error_answer_says_why(scripted_server):
    with open(os.path.join(DATA, "ckan_package_search_error.json"), "rb") as fh:
        scripted_server.static("/api/3/action/package_search", fh.read(), ctype="application/json")
    try:
        CkanClient(scripted_server.url).search(SearchQuery(), timeout=5)
    except CatalogueError as exc:
        assert "Invalid search query" in str(exc)
    else:
        raise AssertionError("an error answer must raise")


def test_node_without_known_services_is_detected_first(scripted_server):
    """A node added by its base URL only: the search probes it and finds CKAN."""
    _ckan(scripted_server)
    node = node_from_url(scripted_server.url)
    assert node.services == []
    client = client_for_node(node, timeout=3)
    assert client.kind == "CKAN" and client.api == scripted_server.url + "/api/3/action"
    assert [s["kind"] for s in node.services] == ["CKAN"]


def test_catalogue_urls_are_recognised_by_shape():
    assert node_from_url("http://h:1/csw").services[0]["kind"] == "CSW"
    assert node_from_url("http://h:1/geonetwork/srv/eng/csw?service=CSW").services[0]["url"] == \
        "http://h:1/geonetwork/srv/eng/csw"
    assert node_from_url("http://h:1/api/3/action").services[0]["kind"] == "CKAN"
    assert node_from_url("http://h:1/oapi/collections/metadata").services[0]["kind"] == "OGC API Records"
    assert node_from_url("h:1").url == "http://h:1" and node_from_url("h:1").services == []
    assert json.dumps(node_from_url("http://h:1/csw").services)
