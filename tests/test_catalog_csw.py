"""The CSW client against real pycsw catalogues (three test catalogues and the demo node)."""
from catalog_records import CATALOGUES
from sdi_plugin.core.catalog.csw import CswClient
from sdi_plugin.core.catalog.query import SearchQuery


def _all(client, query, page_size):
    ids, token, pages = [], None, 0
    while True:
        page = client.search(query, page_token=token, page_size=page_size, timeout=10)
        ids += [r.identifier for r in page.records]
        pages += 1
        token = page.next_token
        if token is None:
            return ids, pages, page.matched


def test_iso_records_paged_by_start_position(csw_catalogues):
    client = CswClient(csw_catalogues.urls["kalteng"], "2.0.2")
    ids, pages, matched = _all(client, SearchQuery(), page_size=2)
    expected = sorted(d["metadata_id"] for d in CATALOGUES["kalteng"]["datasets"])
    assert sorted(ids) == expected and matched == len(expected)
    assert pages == 3                       # 2 + 2 + 1
    assert client.iso                       # ISO 19139 was served


def test_free_text_theme_date_and_extent(csw_catalogues):
    client = CswClient(csw_catalogues.urls["big"], "2.0.2")
    page = client.search(SearchQuery(text="jalan paser"), timeout=10)
    assert [r.identifier for r in page.records] == ["paser-jalan-2022"]
    rec = page.records[0]
    assert rec.source_format == "iso19139" and rec.theme == "Transportasi" and rec.bbox
    # theme = KUGI category, matched in pycsw's comma-joined keywords
    assert [r.identifier for r in client.search(SearchQuery(theme="Batas Wilayah"), timeout=10).records] == \
        ["big-batas-kabkota"]
    # the extent of Kota Tangerang, lon/lat (CRS84): only the Tangerang record and the national one
    hits = {r.identifier for r in client.search(SearchQuery(bbox=(106.6, -6.2, 106.7, -6.15)), timeout=10).records}
    assert hits == {"tangerang-bangunan", "big-batas-kabkota"}
    hits = {r.identifier for r in client.search(SearchQuery(date_from="2023-06-01", date_to="2023-12-31"),
                                                timeout=10).records}
    assert hits == {"tangerang-bangunan"}


def test_dublin_core_fallback(csw_catalogues):
    """A catalogue without the ISO profile refuses outputSchema gmd; the client asks for DC."""
    client = CswClient(csw_catalogues.urls["paser"], "2.0.2")
    page = client.search(SearchQuery(text="sungai"), timeout=10)
    assert not client.iso
    assert [r.identifier for r in page.records] == ["paser-sungai"]
    rec = page.records[0]
    assert rec.source_format == "dc" and rec.bbox == (115.6, -2.35, 116.6, -1.05)   # read in lat/lon order
    assert {l.kind for l in rec.links} >= {"WMS", "WFS"}


def test_csw_30(csw_catalogues):
    client = CswClient(csw_catalogues.urls["kalteng"], "3.0.0")
    ids, pages, matched = _all(client, SearchQuery(text="sungai"), page_size=2)
    assert ids == ["kalteng-sungai"] and matched == 1 and pages == 1
    ids, pages, matched = _all(client, SearchQuery(), page_size=2)
    assert sorted(ids) == sorted(d["metadata_id"] for d in CATALOGUES["kalteng"]["datasets"])
    assert matched == 5 and pages == 3


def test_demo_node_catalogue(demo_node):
    client = CswClient(demo_node.csw_url, "2.0.2")
    ids, _pages, matched = _all(client, SearchQuery(), page_size=5)
    assert sorted(ids) == sorted(demo_node.record_ids) and matched == len(ids)
    page = client.search(SearchQuery(), page_size=1, timeout=10)
    wms = [l for l in page.records[0].links if l.kind == "WMS"]
    assert wms and wms[0].url == demo_node.ows_url and wms[0].name in demo_node.layer_names.values()
