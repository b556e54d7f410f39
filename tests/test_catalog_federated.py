"""Federated search over real catalogues at once: pycsw ×3 (ISO and Dublin Core), pygeoapi
(OGC API Records) and CKAN (documented answers on a loopback server)."""
from qgis.PyQt.QtCore import QThread

from searchrun import SearchLog
from sdi_plugin.core.catalog.query import SearchQuery
from sdi_plugin.core.catalog.search import FederatedSearch, search_nodes
from sdi_plugin.core.nodes.registry import Node
from test_catalog_ogcapi_ckan import _ckan


def _ckan_node(server):
    _ckan(server)
    return Node(name="Ina-Geoportal CKAN (uji)", url=server.url, level="nasional", id="ckan",
                services=[{"kind": "CKAN", "url": server.url + "/api/3/action", "version": "2.10.4", "title": ""}])


def _nodes(csw_catalogues, pygeoapi_records, scripted_server):
    return list(csw_catalogues.nodes.values()) + [pygeoapi_records.node, _ckan_node(scripted_server)]


def test_streams_and_merges_duplicates(csw_catalogues, pygeoapi_records, scripted_server):
    nodes = _nodes(csw_catalogues, pygeoapi_records, scripted_server)
    search = FederatedSearch(timeout=10)
    log = SearchLog(search)
    assert sorted(search.start(SearchQuery(text="batas"), nodes)) == sorted(n.id for n in nodes)
    log.wait()
    assert log.finished == 1
    assert {e[1] for e in log.events if e[0] == "started"} == {n.id for n in nodes}
    for node in nodes:
        ok, message, _total = log.node_result(node.id)
        assert ok and message == "", (node.id, message)
    assert log.node_result("kalteng")[2] == 1 and log.node_result("paser")[2] == 2
    # streamed: records came in several emissions (at least two, whatever order the nodes answer
    # in: Paser first brings BIG's record and its own in one, and Kalteng's or CKAN's copy of the
    # desa record comes in another), each with its node's badge
    emissions = [e for e in log.events if e[0] == "records"]
    assert len(emissions) >= 2
    for _what, node_id, recs in emissions:
        assert all(r.node_id == node_id and r.node_name for r in recs)
    results = search.results()
    ids = [r.identifier for r in results]
    assert len(ids) == len(set(ids))
    by_id = {r.identifier: r for r in results}
    # the national record is held by BIG and by Paser (same identifier): listed once, both badges
    national = by_id["big-batas-kabkota"]
    assert {national.node_id} | {d["node_id"] for d in national.duplicates} == {"big", "paser"}
    # the CKAN package harvested from Kalteng's CSW record merges with it (same identifier)
    desa = by_id["kalteng-batas-desa"]
    assert {desa.node_id} | {d["node_id"] for d in desa.duplicates} == {"kalteng", "ckan"}
    assert {"WMS", "ArcGIS MapServer"} <= {l.kind for l in desa.links}    # links of both copies
    assert "paser-batas-desa" in by_id
    # the recordsArrived lists never repeat a record already listed
    arrived = [r.identifier for r in log.arrived()]
    assert sorted(arrived) == sorted(ids)


def test_same_title_and_extent_under_other_identifiers_is_one_record(csw_catalogues):
    search = FederatedSearch(timeout=10)
    log = SearchLog(search)
    search.start(SearchQuery(text="jalan paser"), list(csw_catalogues.nodes.values()))
    log.wait()
    results = search.results()
    assert len(results) == 1, [(r.identifier, r.node_id) for r in results]
    rec = results[0]
    holders = {(rec.node_id, rec.identifier)} | {(d["node_id"], d["identifier"]) for d in rec.duplicates}
    assert holders == {("big", "paser-jalan-2022"), ("paser", "paser-jalan-2022"),
                       ("kalteng", "kalteng-copy-of-paser-jalan")}


def test_sorting_relevance_and_date(csw_catalogues):
    search = FederatedSearch(timeout=10)
    log = SearchLog(search)
    search.start(SearchQuery(text="batas", bbox=(115.6, -2.35, 116.6, -1.05)), list(csw_catalogues.nodes.values()))
    log.wait()
    by_relevance = search.results("relevance")
    # "Batas Desa Kabupaten Paser" has the word in its title and the searched footprint exactly
    assert by_relevance[0].identifier == "paser-batas-desa"
    scores = [r.score for r in by_relevance]
    assert scores == sorted(scores, reverse=True)
    dates = [r.date for r in search.results("date")]
    assert dates == sorted(dates, reverse=True)


def test_next_page_per_node(pygeoapi_records, csw_catalogues):
    search = FederatedSearch(timeout=10)
    log = SearchLog(search)
    search.start(SearchQuery(page_size=10), [pygeoapi_records.node, csw_catalogues.nodes["kalteng"]])
    log.wait()
    assert len(log.arrived("oarec")) == 10 and search.has_more("oarec")
    assert len(log.arrived("kalteng")) == 5 and not search.has_more("kalteng")
    assert search.fetch_more() == ["oarec"]
    log.wait()
    assert len(log.arrived("oarec")) == 20
    search.fetch_more()
    log.wait()
    assert len(log.arrived("oarec")) == 23 and not search.has_more()
    assert search.fetch_more() == []
    assert log.finished == 3
    assert search.node_states()["oarec"].returned == 23 and search.node_states()["oarec"].total == 23


def test_node_and_level_filters(csw_catalogues):
    nodes = list(csw_catalogues.nodes.values())
    search = FederatedSearch(timeout=10)
    assert search.start(SearchQuery(levels=["kabupaten"]), nodes) == ["paser"]
    SearchLog(search).wait()
    assert search.start(SearchQuery(node_ids=["big", "kalteng"]), nodes) == ["kalteng", "big"]
    log = SearchLog(search).wait()
    assert {r.node_id for r in search.results()} <= {"big", "kalteng"}
    assert log.finished == 1


def test_cancel_stops_a_hanging_node_and_the_gui_keeps_running(csw_catalogues, scripted_server):
    from fixtures_catalogues import post_capable
    post_capable(scripted_server).hang("/csw")
    stuck = Node(name="Simpul Macet", url=scripted_server.url, id="stuck",
                 services=[{"kind": "CSW", "url": scripted_server.url + "/csw", "version": "2.0.2"}])
    search = FederatedSearch(timeout=120)
    log = SearchLog(search)
    search.nodeFinished.connect(lambda node_id, *a: search.cancel() if node_id == "kalteng" else None)
    search.start(SearchQuery(), [csw_catalogues.nodes["kalteng"], stuck])
    log.wait()
    ok, message, _ = log.node_result("stuck")
    assert not ok and message.startswith("Simpul Macet") and "canceled" in message
    assert search.node_states()["stuck"].state == "canceled"
    assert len(log.arrived("kalteng")) == 5
    # the main thread's event loop went on turning while the search ran
    assert log.ticks_before_finish > 0


def test_a_new_search_replaces_the_running_one(csw_catalogues, scripted_server):
    from fixtures_catalogues import post_capable
    post_capable(scripted_server).hang("/csw")
    stuck = Node(name="Simpul Macet", url=scripted_server.url, id="stuck",
                 services=[{"kind": "CSW", "url": scripted_server.url + "/csw", "version": "2.0.2"}])
    search = FederatedSearch(timeout=120)
    log = SearchLog(search)
    search.start(SearchQuery(), [stuck])
    search.start(SearchQuery(text="sungai"), [csw_catalogues.nodes["paser"]])
    log.wait()
    assert {e[1] for e in log.events if e[0] != "started"} == {"paser"}
    assert [r.identifier for r in search.results()] == ["paser-sungai"]


def test_synchronous_search_off_the_main_thread(csw_catalogues, pygeoapi_records):
    class Worker(QThread):
        def run(self):
            self.outcome = search_nodes(SearchQuery(text="sungai"), [csw_catalogues.nodes["kalteng"],
                                        csw_catalogues.nodes["paser"], pygeoapi_records.node], timeout=10)
    worker = Worker()
    worker.start()
    assert worker.wait(60000)
    outcome = worker.outcome
    assert sorted(r.identifier for r in outcome.records) == ["kalteng-sungai", "paser-sungai"]
    assert [s.ok for s in outcome.nodes] == [True, True, True]
    assert [s.kind for s in outcome.nodes] == ["CSW", "CSW", "OGC API Records"]


def test_synchronous_search_pages_up_to_max_records(pygeoapi_records):
    outcome = search_nodes(SearchQuery(page_size=10), [pygeoapi_records.node], timeout=10, max_records=15)
    assert len(outcome.records) == 20 and outcome.nodes[0].has_more
    outcome = search_nodes(SearchQuery(page_size=10), [pygeoapi_records.node], timeout=10, max_records=1000)
    assert len(outcome.records) == 23 and not outcome.nodes[0].has_more
