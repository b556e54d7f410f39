"""Issue 12 against real servers and real-world records: pycsw 2.6.2 serving tiles that share
title and extent (no record lost, node report = records held), pygeoapi with one failing record
collection (the other collection's records kept, the failing one named), and the checker's
service / ISO 19115-2 / 2006 handling on corpus records (tests/data/realworld)."""
import copy
import json
import os
import re
import shutil
import sys

import pytest

from sdi_plugin.core.catalog.query import SearchQuery
from sdi_plugin.core.catalog.results import ResultSet
from sdi_plugin.core.catalog.search import search_nodes
from sdi_plugin.core.findings import ERROR
from sdi_plugin.core.metadata import check, iso_reader

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "data", "realworld")
with open(os.path.join(CORPUS, "manifest.json"), encoding="utf-8") as _fh:
    MANIFEST = json.load(_fh)
TILES = sorted(n for n in MANIFEST["records"] if n.startswith("pycsw_apiso_"))


def _read(name):
    with open(os.path.join(CORPUS, "records", name), "rb") as fh:
        return fh.read()


# -- real pycsw 2.6.2: tiles with the same title and extent, distinct identifiers ---------------------
def _copy_tiles(out_dir, suffix=""):
    """The corpus tiles as a pycsw repository; ``suffix`` makes other file identifiers (the same
    tiles catalogued again at another node under identifiers of its own)."""
    os.makedirs(out_dir, exist_ok=True)
    for name in TILES:
        data = _read(name)
        if suffix:
            fid = MANIFEST["records"][name]["identifier"]
            data = data.replace(fid.encode(), (fid + suffix).encode())
        with open(os.path.join(out_dir, name), "wb") as fh:
            fh.write(data)


@pytest.fixture(scope="module")
def tile_catalogues(tmp_path_factory):
    """Two real pycsw 2.6.2 catalogues (the fixture of tests/fixtures_catalogues.py) serving the 15
    corpus tiles: node A with the files' identifiers, node B with identifiers of its own."""
    sys.path.insert(0, HERE)
    import catalog_records
    from fixtures_catalogues import CswCatalogues

    cats = {"tiles-a": {"name": "Dinas Tata Ruang (A)", "level": "kota", "datasets": ""},
            "tiles-b": {"name": "Geoportal Provinsi (B)", "level": "provinsi", "datasets": "-b"}}
    old = catalog_records.CATALOGUES, catalog_records.write_iso
    catalog_records.CATALOGUES = cats
    catalog_records.write_iso = lambda suffix, out_dir, public_url: _copy_tiles(out_dir, suffix)
    server = CswCatalogues(str(tmp_path_factory.mktemp("tiles")))
    try:
        server.start()
    finally:
        catalog_records.CATALOGUES, catalog_records.write_iso = old
    try:
        yield server
    finally:
        server.stop()


def test_tiles_of_one_node_are_all_listed(qgis_app, tile_catalogues):
    node = tile_catalogues.nodes["tiles-a"]
    outcome = search_nodes(SearchQuery(text="", page_size=50), [node], timeout=30.0)
    state = outcome.nodes[0]
    assert state.ok, state.message
    assert state.total == len(TILES)
    ids = sorted(r.identifier for r in outcome.records)
    assert ids == sorted(MANIFEST["records"][n]["identifier"] for n in TILES)
    assert state.returned == len(outcome.records) == len(TILES)      # the report says what is listed


def test_tiles_at_two_nodes_group_across_nodes_and_every_member_stays(qgis_app, tile_catalogues):
    nodes = [tile_catalogues.nodes["tiles-a"], tile_catalogues.nodes["tiles-b"]]
    outcome = search_nodes(SearchQuery(text="", page_size=50), nodes, timeout=30.0)
    assert all(s.ok for s in outcome.nodes), [s.message for s in outcome.nodes]
    held = [(r.node_id, r.identifier) for r in outcome.records]
    held += [(m.node_id, m.identifier) for r in outcome.records for m in r.members]
    assert len(held) == len(set(held)) == 2 * len(TILES)              # nothing lost, nothing twice
    for state in outcome.nodes:
        assert state.returned == state.total == len(TILES)
    for row in outcome.records:
        # a row groups at most one record per node, all with the row's title and extent
        assert len({row.node_id} | {m.node_id for m in row.members}) == 1 + len(row.members)
        assert all(m.title == row.title for m in row.members)
        assert [d["identifier"] for d in row.duplicates] == [m.identifier for m in row.members]


def test_result_set_keeps_same_node_records_and_exposes_members():
    from sdi_plugin.core.catalog.model import Record

    def rec(node, ident):
        return Record(identifier=ident, title="Foto Udara 1994", bbox=(106.6, -6.25, 106.7, -6.15), node_id=node,
                      node_name=node.upper())
    rs = ResultSet()
    a1, a2, b1 = rec("a", "t1"), rec("a", "t2"), rec("b", "x1")
    rs.add([a1, a2])
    rs.add([b1, rec("a", "T1")])                  # the same record of node a again (case aside)
    assert len(rs) == 2 and rs.count("a") == 2 and rs.count("b") == 1
    assert rs.members(a1) == [a1, b1] and rs.members(b1) == [a1, b1]
    assert rs.members(a2) == [a2]


# -- real pygeoapi: one record collection answers HTTP 500 ----------------------------------------------
@pytest.fixture(scope="module")
def pygeoapi_broken(tmp_path_factory):
    sys.path.insert(0, HERE)
    import fixtures_pygeoapi
    workdir = str(tmp_path_factory.mktemp("pygeoapi-broken"))
    broken = os.path.join(workdir, "rusak.tinydb")
    original = fixtures_pygeoapi._config

    def with_broken_collection(url, port, tinydb):
        cfg = original(url, port, tinydb)
        # a copy of the good records now (pygeoapi reads it to write its OpenAPI document);
        # spoiled once the server runs, so that collection's /items answers HTTP 500
        shutil.copy(tinydb, broken)
        res = copy.deepcopy(cfg["resources"]["metadata-records"])
        res["title"] = "Koleksi rusak"
        res["providers"][0]["data"] = broken
        cfg["resources"]["koleksi-rusak"] = res
        return cfg

    fixtures_pygeoapi._config = with_broken_collection
    server = fixtures_pygeoapi.PygeoapiRecords(workdir)
    try:
        server.start()
    finally:
        fixtures_pygeoapi._config = original
    with open(broken, "w", encoding="utf-8") as fh:
        fh.write("{ this is not JSON")
    try:
        yield server
    finally:
        server.stop()


def test_failing_records_collection_is_named_and_the_others_kept(qgis_app, pygeoapi_broken):
    import urllib.error
    import urllib.request
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with pytest.raises(urllib.error.HTTPError) as err:      # the server really fails on that collection
        opener.open(pygeoapi_broken.url + "/collections/koleksi-rusak/items?f=json", timeout=30)
    assert err.value.code == 500
    outcome = search_nodes(SearchQuery(text="", page_size=50), [pygeoapi_broken.node], timeout=30.0)
    state = outcome.nodes[0]
    assert len(outcome.records) == len(pygeoapi_broken.records) > 0
    assert "koleksi-rusak" in state.message
    assert state.returned == len(outcome.records)


# -- checker: services, ISO 19115-2, the 2006 release -----------------------------------------------------
def test_service_record_is_checked_as_a_service():
    data = _read("geonetwork3_service_wms.xml")
    assert not [f for f in check.check_metadata_bytes(data) if f.severity == ERROR]
    stripped = re.sub(rb"<srv:serviceType>.*?</srv:serviceType>", b"", data)
    found = check.check_metadata_bytes(stripped, schema=False)
    assert [f.details["element"] for f in found if f.severity == ERROR] == ["service_type"]


def test_gmi_record_profile_sees_inside_the_gmi_root():
    data = _read("noaa_nciso_gmi_1.xml")
    assert not [f for f in check.check_metadata_bytes(data) if f.severity == ERROR]
    title = MANIFEST["records"]["noaa_nciso_gmi_1.xml"]["title"].encode()
    no_title = data.replace(b"<gco:CharacterString>" + title + b"</gco:CharacterString></gmd:title>",
                            b"<gco:CharacterString></gco:CharacterString></gmd:title>", 1)
    found = check.check_metadata_bytes(no_title)
    assert "title" in [f.details.get("element") for f in found if f.severity == ERROR]


def test_2006_record_is_validated_against_the_2006_schemas_and_errors_name_it():
    data = _read("geonode_1.xml")
    assert not [f for f in check.check_metadata_bytes(data) if f.severity == ERROR]
    broken = data.replace(b"<gmd:dateStamp>", b"<gmd:dateStampX>", 1).replace(b"</gmd:dateStamp>",
                                                                             b"</gmd:dateStampX>", 1)
    errors = [f for f in check.check_metadata_bytes(broken) if f.rule == check.RULE_SCHEMA and f.severity == ERROR]
    assert errors and {f.details["schema_release"] for f in errors} == {"20060504"}
    assert "20060504" in errors[0].message


def _owslib_raises(data):
    from lxml import etree
    from owslib.iso import MD_Metadata
    try:   # OWSLib 0.27 (Debian 12) raises on the PT_Locale record; 0.33 (Debian 13) reads it
        MD_Metadata(etree.fromstring(data))
        return False
    except AttributeError:
        return True


def test_reader_survives_owslib_and_says_what_happened():
    data = _read("inspire_national_1.xml")
    rec = iso_reader.read_bytes(data)
    assert rec.title and rec.bbox() and rec.online_resources
    assert bool(rec.read_notes and "OWSLib" in rec.read_notes[0]) == _owslib_raises(data)
    assert not iso_reader.read_bytes(_read("geonetwork4_inspire_1.xml")).read_notes


def test_reader_degrades_whenever_owslib_raises(monkeypatch):
    """Whatever OWSLib release is installed: when its parser raises, the record is still read
    with our own XPaths and the notes say OWSLib could not read it."""
    import owslib.iso

    def broken(*_args, **_kwargs):
        raise AttributeError("'NoneType' object has no attribute 'attrib'")   # as OWSLib 0.27 raised
    monkeypatch.setattr(owslib.iso, "MD_Metadata", broken)   # the reader imports it at each call
    rec = iso_reader.read_bytes(_read("inspire_national_1.xml"))
    assert rec.title and rec.bbox() and rec.online_resources
    assert rec.read_notes and "OWSLib" in rec.read_notes[0]


def test_discover_results_list_every_member_and_load_any(qgis_app, tile_catalogues, tmp_path):
    """The Discover page's result list (real pycsw, two nodes with the same tiles under other
    identifiers): each node's record of a group is a row (the listed one, or a child row of it),
    and selecting a child row makes that record the one shown and loaded."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from qtwait import wait_for
    from sdi_plugin.core.nodes.registry import NodeRegistry
    from sdi_plugin.gui.search_panel import SearchPanel

    s = QgsSettings()
    s.remove("simpul/nodes")
    registry = NodeRegistry(s)
    for key in ("tiles-a", "tiles-b"):
        registry.add(tile_catalogues.nodes[key])
    panel = SearchPanel(registry)
    panel.resize(520, 700)
    panel.show()
    try:
        panel.run()
        assert wait_for(lambda: panel.search is not None and not panel.search.is_running(), 60000)
        rows, children = [], []
        for i in range(panel.results.topLevelItemCount()):
            top = panel.results.topLevelItem(i)
            rows.append(top)
            children += [top.child(k) for k in range(top.childCount())]
        assert len(rows) + len(children) == 2 * len(TILES)
        assert children
        assert panel.status.text().startswith("%d record(s) from 2 of 2 node(s)" % (2 * len(TILES)))
        child = children[0]
        child.parent().setExpanded(True)
        panel.results.setCurrentItem(child)
        chosen = panel.current_record()
        assert chosen.node_id != panel._shown[child.parent().data(0, 0x0100)].node_id
        assert chosen.identifier and chosen in panel.search.members(chosen)
        child.setSelected(True)
        assert chosen in panel.selected_records()
        QCoreApplication.processEvents()
        panel.grab().save(str(tmp_path / "discover_members.png"))
        if os.environ.get("SIMPUL_SCREENSHOT_DIR"):
            shutil.copy(str(tmp_path / "discover_members.png"), os.environ["SIMPUL_SCREENSHOT_DIR"])
    finally:
        panel.cancel()
        panel.close()
        panel.deleteLater()
        s.remove("simpul/nodes")


def test_codes_written_as_text_only_are_not_missing():
    """Older producers write a code list value as the element's text without codeListValue."""
    data = re.sub(rb' codeListValue="[^"]*"', b"", _read("pycsw_apiso_aerfo_1.xml"))
    assert b"codeListValue" not in data
    found = check.check_metadata_bytes(data, schema=False)
    assert not [f for f in found if f.severity == ERROR], [f.message for f in found if f.severity == ERROR]


def test_text_given_only_in_pt_freetext_is_read():
    """Multilingual GeoNetwork records may fill a text only in its PT_FreeText translations."""
    from sdi_plugin.core.catalog.csw import parse_getrecords
    title = MANIFEST["records"]["geocat_che_1.xml"]["title"]
    data = _read("geocat_che_1.xml").replace(
        ("<gco:CharacterString>%s</gco:CharacterString><gmd:PT_FreeText>" % title).encode(), b"<gmd:PT_FreeText>", 1)
    assert data.count(title.encode()) == 1                      # now only in the translation
    assert iso_reader.read_bytes(data).title == title
    found = check.check_metadata_bytes(data)
    assert "title" not in [f.details.get("element") for f in found if f.severity == ERROR]
    answer = (b'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults '
              b'numberOfRecordsMatched="1" numberOfRecordsReturned="1">' + data.split(b"?>", 1)[1]
              + b"</csw:SearchResults></csw:GetRecordsResponse>")
    assert [r.title for r in parse_getrecords(answer).records] == [title]


def test_searchcatalogs_output_keeps_every_member(sdi_provider, tile_catalogues, tmp_path):
    import processing
    nodes = "%s, %s" % (tile_catalogues.urls["tiles-a"], tile_catalogues.urls["tiles-b"])
    result = processing.run("sdi:searchcatalogs", {"NODES": nodes, "CACHE": str(tmp_path / "cache.sqlite"),
                                                   "TIMEOUT": 30, "OUTPUT": "memory:"})
    held = []
    for f in result["OUTPUT"].getFeatures():
        held.append((f["node_id"], f["identifier"]))
        for m in json.loads(f["members"] or "[]"):
            assert m["links"] and m["title"] == f["title"]
            held.append((m["node_id"], m["identifier"]))
    assert len(held) == len(set(held)) == 2 * len(TILES)
    report = json.loads(result["NODE_REPORT"])
    assert [r["returned"] for r in report] == [len(TILES), len(TILES)]
