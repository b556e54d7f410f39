"""The offline cache (SQLite, FTS5 + R-tree), harvesting a node completely, and searching with
the network gone."""
import json
import os
import sqlite3
from datetime import datetime, timedelta, timezone

from searchrun import SearchLog, held_by
from sdi_plugin.core.catalog.cache import RecordCache, default_cache_path, format_age, record_age
from sdi_plugin.core.catalog.harvest import harvest_node
from sdi_plugin.core.catalog.model import Link, Record
from sdi_plugin.core.catalog.query import SearchQuery
from sdi_plugin.core.catalog.search import FederatedSearch
from sdi_plugin.core.nodes.registry import Node
from sdi_plugin.core.paths import PLUGIN_DIR


def test_debian_sqlite_has_fts5_and_rtree():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(a)")
    conn.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")


def _rec(ident, title, node="n1", bbox=None, date="", keywords=(), theme="", harvested=""):
    return Record(identifier=ident, title=title, node_id=node, node_name=node.upper(), bbox=bbox, date=date,
                  keywords=list(keywords), theme=theme, harvested=harvested, abstract="Abstrak " + title,
                  links=[Link(url="http://h/ows", protocol="OGC:WMS", name=ident, kind="WMS")])


def test_put_and_search(tmp_path):
    cache = RecordCache(str(tmp_path / "c.sqlite"))
    cache.put([
        _rec("a", "Batas Desa Kalimantan Tengah", bbox=(110.7, -3.55, 115.85, 0.8), date="2023-05-02",
             keywords=["batas desa"], theme="Batas Wilayah"),
        _rec("b", "Jaringan Jalan Kabupaten Paser", bbox=(115.6, -2.35, 116.6, -1.05), date="2022-08-17",
             theme="Transportasi"),
        _rec("c", "Bangunan Kota Tangerang", node="n2", bbox=(106.55, -6.28, 106.73, -6.09), date="2023-11-20"),
        _rec("d", "Daftar tanpa lokasi", node="n2", date="2019-01-01"),
    ])
    assert cache.count() == 4 and cache.count("n2") == 2

    def ids(**kw):
        return [r.identifier for r in cache.search(SearchQuery(**kw))]
    assert ids(text="batas") == ["a"]
    assert ids(text="jal pas") == ["b"]                       # every word, each as a prefix
    assert ids(text="kalimantan desa") == ["a"]
    assert ids(text="kalimantan jalan") == []
    assert ids(theme="Batas Wilayah") == ["a"]
    assert sorted(ids(bbox=(115.0, -3.0, 117.0, -1.0))) == ["a", "b"]
    assert ids(text="batas", bbox=(106.0, -7.0, 107.0, -6.0)) == []
    assert ids(date_from="2023-01-01") == ["c", "a"]          # newest first without text
    assert ids(date_from="2022-01-01", date_to="2022-12-31") == ["b"]
    assert [r.identifier for r in cache.search(SearchQuery(), node_ids=["n2"])] == ["c", "d"]
    assert ids(text='"; DROP TABLE records; --') == [] and cache.count() == 4
    rec = cache.search(SearchQuery(text="batas"))[0]
    assert rec.from_cache and rec.harvested and rec.links[0].kind == "WMS" and rec.bbox == (110.7, -3.55, 115.85, 0.8)
    # the same record from the same node again: replaced, not doubled
    cache.put([_rec("A", "Batas Desa Kalteng (revisi)", bbox=(110.7, -3.55, 115.85, 0.8))])
    assert cache.count() == 4 and ids(text="revisi") == ["A"] and ids(text="tengah") == []
    assert cache.keep_only("n1", ["A"]) == 1 and cache.count("n1") == 1
    cache.clear("n2")
    assert cache.count() == 1 and list(cache.nodes()) == ["n1"]


def test_record_age(tmp_path):
    then = (datetime.now(timezone.utc) - timedelta(days=3, hours=1)).isoformat(timespec="seconds")
    cache = RecordCache(str(tmp_path / "c.sqlite"))
    cache.put([_rec("old", "Rekaman lama", harvested=then)])
    rec = cache.search(SearchQuery(text="lama"))[0]
    assert rec.harvested == then
    assert 3 * 86400 < record_age(rec) < 4 * 86400
    assert format_age(record_age(rec)) == "3 days"
    assert format_age(30) == "30 seconds" and format_age(600) == "10 minutes" and format_age(7300) == "2 hours"


def test_default_path_is_in_the_qgis_profile_not_the_plugin():
    from qgis.core import QgsApplication
    path = default_cache_path()
    assert path.startswith(QgsApplication.qgisSettingsDirPath())
    assert path.endswith(os.path.join("simpul", "cache.sqlite"))
    assert not os.path.abspath(path).startswith(PLUGIN_DIR)


def test_harvest_a_node_completely(csw_catalogues, pygeoapi_records, tmp_path):
    cache = RecordCache(str(tmp_path / "c.sqlite"))
    result = harvest_node(csw_catalogues.nodes["kalteng"], cache=cache, page_size=2, timeout=10)
    assert result.ok and result.count == 5 and result.total == 5 and result.pages == 3
    assert cache.count("kalteng") == 5
    result = harvest_node(pygeoapi_records.node, cache=cache, page_size=10, timeout=10)
    assert result.ok and result.count == 23 and result.pages == 3 and cache.count("oarec") == 23
    # a stale record the node no longer holds goes; the rest stays
    cache.put([_rec("hilang", "Sudah dihapus di simpul", node="kalteng")])
    assert harvest_node(csw_catalogues.nodes["kalteng"], cache=cache, page_size=50, timeout=10).removed == 1
    assert cache.count("kalteng") == 5


def test_offline_search_from_the_cache(csw_catalogues, tmp_path):
    cache = RecordCache(str(tmp_path / "c.sqlite"))
    for key in ("kalteng", "paser"):
        assert harvest_node(csw_catalogues.nodes[key], cache=cache, timeout=10).ok
    # the bimtek room has no network: the same nodes, unreachable
    dead = [Node(name=n.name, url="http://127.0.0.1:9", id=n.id, level=n.level,
                 services=[{"kind": "CSW", "url": "http://127.0.0.1:9/csw", "version": "2.0.2"}])
            for n in (csw_catalogues.nodes["kalteng"], csw_catalogues.nodes["paser"])]
    search = FederatedSearch(cache=cache, offline=True)
    log = SearchLog(search)
    search.start(SearchQuery(text="jalan"), dead)
    log.wait()
    results = search.results()
    assert held_by(results, "kalteng") == ["kalteng-copy-of-paser-jalan", "kalteng-jalan"]
    assert held_by(results, "paser") == ["paser-jalan-2022"]
    assert len(results) == 2            # the Paser road network is one record, held by both
    assert all(r.from_cache and record_age(r) is not None for r in results)
    assert all(log.node_result(n.id)[0] for n in dead)


def test_a_dead_node_falls_back_to_the_cache(csw_catalogues, tmp_path):
    cache = RecordCache(str(tmp_path / "c.sqlite"))
    search = FederatedSearch(cache=cache, timeout=10)
    log = SearchLog(search)
    search.start(SearchQuery(), [csw_catalogues.nodes["big"]])
    log.wait()
    assert cache.count("big") == 4     # what a live search finds is kept
    dead = Node(name="Ina-Geoportal (uji)", url="http://127.0.0.1:9", id="big",
                services=[{"kind": "CSW", "url": "http://127.0.0.1:9/csw", "version": "2.0.2"}])
    search = FederatedSearch(cache=cache, timeout=5)
    log = SearchLog(search)
    search.start(SearchQuery(text="kota"), [dead, csw_catalogues.nodes["paser"]])
    log.wait()
    ok, message, _total = log.node_result("big")
    assert not ok and message.startswith("Ina-Geoportal (uji): ") and "offline cache" in message
    assert held_by(search.results(), "big") == ["big-batas-kabkota", "tangerang-bangunan"]
    assert log.arrived("big") and all(r.from_cache for r in log.arrived("big"))
    assert search.node_states()["big"].from_cache
    assert log.node_result("paser")[0]


def test_a_query_of_punctuation_alone_matches_nothing(tmp_path):
    cache = RecordCache(str(tmp_path / "c.sqlite"))
    cache.put([_rec("a", "Batas Desa"), _rec("b", "Jaringan Jalan")])
    for text in ("***", "%%%", "?!", "...", "- / -", "'\"", "\\\\"):
        assert cache.search(SearchQuery(text=text)) == [], text
    assert [r.identifier for r in cache.search(SearchQuery(text="batas !!!"))] == ["a"]   # the word still counts


def test_an_emoji_matches_the_title_that_holds_it(tmp_path):
    cache = RecordCache(str(tmp_path / "c.sqlite"))
    cache.put([_rec("a", "Peta banjir 🌊 Kota Tangerang"), _rec("b", "Jalan 🚗 Paser"), _rec("c", "Sungai Paser")])
    assert [r.identifier for r in cache.search(SearchQuery(text="🌊"))] == ["a"]
    assert [r.identifier for r in cache.search(SearchQuery(text="🚗 paser"))] == ["b"]
    assert cache.search(SearchQuery(text="🌊 paser")) == []


def test_a_cache_made_before_the_marker_is_upgraded_and_kept(tmp_path):
    path = str(tmp_path / "lama.sqlite")
    conn = sqlite3.connect(path)           # schema 1, as Simpul 0.x made it: no application_id
    conn.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE records (id INTEGER PRIMARY KEY, node_id TEXT NOT NULL, ikey TEXT NOT NULL, identifier TEXT,
            title TEXT, date TEXT, type TEXT, harvested TEXT, json TEXT NOT NULL, UNIQUE (node_id, ikey));
        CREATE INDEX records_date ON records (date);
        CREATE VIRTUAL TABLE records_fts USING fts5(title, abstract, keywords, organisation, theme,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE records_bbox USING rtree(id, minx, maxx, miny, maxy);
        INSERT INTO meta VALUES ('schema', '1');""")
    rec = _rec("a", "Peta banjir 🌊 Kota Tangerang")
    conn.execute("INSERT INTO records (id, node_id, ikey, identifier, title, json) VALUES (1, 'n1', 'a', 'a', ?, ?)",
                 (rec.title, json.dumps(rec.to_dict())))
    conn.execute("INSERT INTO records_fts (rowid, title) VALUES (1, ?)", (rec.title,))
    conn.commit()
    conn.close()
    cache = RecordCache(path)
    assert cache.count() == 1
    assert [r.identifier for r in cache.search(SearchQuery(text="🌊"))] == ["a"]
    assert [r.identifier for r in cache.search(SearchQuery(text="banjir"))] == ["a"]


def test_threads_opening_a_new_cache_at_once_share_one_file(tmp_path):
    import threading
    path = str(tmp_path / "baru.sqlite")
    errors, caches = [], []
    start = threading.Barrier(6)

    def open_it():
        try:
            start.wait()
            cache = RecordCache(path)
            cache.put([_rec("x%d" % threading.get_ident(), "Batas")])
            caches.append(cache)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and RecordCache(path).count() == 6
    assert sorted(os.listdir(str(tmp_path)))[0] == "baru.sqlite" and not [
        f for f in os.listdir(str(tmp_path)) if f.startswith(".")]
