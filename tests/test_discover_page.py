"""The Discover page, offscreen, against the live demo node: add and check nodes (QgsTask),
grouping, search with results streaming in, the record view and its footprint, loading records
into the project (grouped per node), offline search from the cache, import/export."""
import json

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

from sdi_plugin.core.nodes import health
from sdi_plugin.core.nodes.registry import Node, NodeRegistry
from qtwait import wait_for



@pytest.fixture
def page(qgis_app, tmp_path):
    from sdi_plugin.gui.discover_page import DiscoverPage
    s = QgsSettings()
    s.remove("simpul/nodes")
    s.setValue(health.INTERVAL_KEY, 0)
    s.setValue("simpul/data_dir", str(tmp_path / "data"))
    p = DiscoverPage(registry=NodeRegistry(s))
    p.resize(440, 900)
    p.messages = []
    p.message.connect(lambda text, level: p.messages.append(text))
    yield p
    p.shutdown()
    wait_for(lambda: not p._tasks and not p.load_tasks, 10000)
    p.deleteLater()
    QCoreApplication.processEvents()
    for key in ("simpul/nodes", health.INTERVAL_KEY, "simpul/data_dir"):
        s.remove(key)
    QgsProject.instance().clear()


def _add_demo(page, demo_node, services=True):
    known = [{"kind": "CSW", "url": demo_node.csw_url, "version": "2.0.2", "versions": ["2.0.2", "3.0.0"]},
             {"kind": "WMS", "url": demo_node.ows_url, "version": "1.3.0"},
             {"kind": "WFS", "url": demo_node.ows_url, "version": "2.0.0"},
             {"kind": "OGC API Features", "url": demo_node.oapif_url, "version": "1.0"}]
    return page.registry.add(Node(name="Simpul Demo", url=demo_node.base_url, level="provinsi",
                                  parent="Kalimantan Tengah", services=known if services else []))


def test_nodes_are_checked_in_tasks_and_grouped(page, demo_node, scripted_server):
    from qgis.core import QgsApplication
    node = _add_demo(page, demo_node)
    page.refresh()
    assert page.tree.topLevelItemCount() == 1 and page.tree.topLevelItem(0).text(2) == "Not checked"
    task = page.check_node(node.id)
    assert task is not None and QgsApplication.taskManager().tasks() and node.id in page._tasks
    assert page.tree.topLevelItem(0).text(2) == "Checking…"
    assert wait_for(lambda: not page._tasks)
    checked = page.registry.get(node.id)
    assert checked.health["state"] in ("up", "slow")
    assert checked.health["record_count"] == len(demo_node.record_ids)
    item = page.tree.item_for(node.id)
    assert item.text(1) == str(len(demo_node.record_ids)) and item.text(2) in ("Up", "Slow")
    assert "CSW" in page.detail.toPlainText() and "records in the catalogue" in page.detail.toPlainText()

    url = scripted_server.url
    scripted_server.close()
    dead = page.registry.add(Node(name="Simpul Mati", url=url, level="kota", parent="Banten",
                                  services=[{"kind": "WMS", "url": url + "/ows"}]))
    page.refresh()
    assert page.tree.topLevelItemCount() == 2            # two groups now: Province · Kalimantan Tengah, City · Banten
    assert [page.tree.topLevelItem(i).text(0) for i in range(2)] == ["Province · Kalimantan Tengah",
                                                                     "City (kota) · Banten"]
    page.check_node(dead.id)
    assert wait_for(lambda: not page._tasks)
    assert page.registry.get(dead.id).health["state"] == "down"
    assert any("Simpul Mati" in m for m in page.messages)
    assert page.tree.item_for(dead.id).text(2) == "Down"


def test_search_streams_records_and_loads_them(page, demo_node):
    from sdi_plugin.gui.search_panel import SearchPanel
    _add_demo(page, demo_node)
    page.refresh()
    panel = page.search_panel
    assert isinstance(panel, SearchPanel) and panel.scope.count() == 3   # all, level, the node
    page.toolbox.setCurrentIndex(1)
    panel.text.setText("sungai")
    panel.run()
    assert wait_for(lambda: panel.search is not None and not panel.search.is_running())
    expected = sorted(d["title"] for d in demo_node.datasets if "sungai" in (d["title"] + d["abstract"]).lower())
    titles = sorted(panel.results.topLevelItem(i).text(0) for i in range(panel.results.topLevelItemCount()))
    assert titles == expected
    assert {panel.results.topLevelItem(i).text(1) for i in range(panel.results.topLevelItemCount())} == {"Simpul Demo"}
    assert "record(s) from 1 of 1 node(s)" in panel.status.text()
    assert not panel.btn_more.isEnabled()

    # selecting a record shows it and draws its footprint
    from qgis.gui import QgsMapCanvas
    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    page.canvas = canvas
    panel.results.setCurrentItem(panel.results.topLevelItem(0))
    record = panel.current_record()
    assert page.record_view.record is record and record.title in page.record_view.browser.toPlainText()
    band = page._rubber
    assert band is not None
    box = band.asGeometry().boundingBox()
    assert [round(v, 4) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())] == \
        [round(v, 4) for v in record.bbox]

    # two selected records load together, into a group named after the node
    panel.results.topLevelItem(0).setSelected(True)
    panel.results.topLevelItem(1).setSelected(True)
    chosen = panel.selected_records()
    panel.load_selected(["WFS"])
    assert wait_for(lambda: not page.load_tasks)
    group = QgsProject.instance().layerTreeRoot().findGroup("Simpul Demo")
    assert group is not None
    layers = [n.layer() for n in group.findLayers()]
    assert sorted(lyr.name() for lyr in layers) == sorted(r.title for r in chosen)
    assert all(lyr.isValid() and lyr.providerType() == "WFS" for lyr in layers)
    assert {lyr.metadata().identifier() for lyr in layers} == {r.identifier for r in chosen}
    assert any("2 layer(s) added" in m for m in page.messages)

    # a link clicked in the record view loads that link
    wms = next(lk for lk in record.links if lk.kind == "WMS")
    page.record_view.loadRequested.emit(record, wms)
    assert wait_for(lambda: not page.load_tasks)
    assert any(n.layer().providerType() == "wms" for n in group.findLayers())

    # offline: the records found above are in the cache, with their age
    panel.offline.setChecked(True)
    panel.run()
    assert wait_for(lambda: not panel.search.is_running())
    assert panel.results.topLevelItemCount() == len(expected)
    offline = panel._records[0]
    assert offline.from_cache and "seconds ago" in panel.results.topLevelItem(0).text(2)   # the cache's format_age
    panel.results.setCurrentItem(panel.results.topLevelItem(0))
    assert "from the offline cache" in page.record_view.browser.toPlainText()


def test_search_with_the_map_extent(page, demo_node):
    _add_demo(page, demo_node)
    page.refresh()
    paser = next(d for d in demo_node.datasets if d["id"] == "paser_sungai")["bbox_4326"]
    page.canvas = type("Canvas", (), {})()   # an extent provider is all the search needs
    page.canvas.extent = lambda: QgsRectangle(*paser)
    page.canvas.mapSettings = lambda: type("S", (), {"destinationCrs": lambda self: QgsCoordinateReferenceSystem(
        "EPSG:4326")})()
    panel = page.search_panel
    panel.use_extent.setChecked(True)
    assert panel.query().bbox == pytest.approx(tuple(paser))
    panel.run()
    assert wait_for(lambda: not panel.search.is_running())
    assert panel.results.topLevelItemCount() > 0
    for rec in panel._records:
        w, s, e, n = rec.bbox
        assert w <= paser[2] and e >= paser[0] and s <= paser[3] and n >= paser[1]
    assert any("Paser" in r.title for r in panel._records)
    assert not any("Tangerang" in r.title for r in panel._records)


def test_import_export_from_the_page(page, tmp_path):
    page.registry.add(Node(name="Simpul Rahasia", url="https://rahasia.go.id", level="provinsi", parent="Banten",
                           authcfg="abc1234"))
    path = tmp_path / "kelas.json"
    assert page.export_nodes(str(path), include_authcfg=False) == 1
    assert "abc1234" not in path.read_text()
    page.registry.remove("simpul-rahasia")
    page.refresh()
    result = page.import_nodes(str(path))
    assert result.added == ["simpul-rahasia"] and page.tree.topLevelItem(0).text(0) == "Simpul Rahasia"
    bad = tmp_path / "rusak.json"
    bad.write_text(json.dumps({"format": "simpul-nodes", "nodes": [{"name": "X", "url": "ftp://x"}]}))
    assert page.import_nodes(str(bad)) is None and "http:// or https://" in page.messages[-1]


def test_directory_dialog_adds_chosen_nodes(page):
    from qgis.PyQt.QtCore import Qt
    from sdi_plugin.gui.directory_dialog import DirectoryDialog
    page.registry.add(Node(name="Banten (punya saya)", url="https://geoportal.bantenprov.go.id", level="provinsi"))
    dlg = DirectoryDialog(page.registry)
    items = {dlg.tree.topLevelItem(i).child(j).text(0): dlg.tree.topLevelItem(i).child(j)
             for i in range(dlg.tree.topLevelItemCount()) for j in range(dlg.tree.topLevelItem(i).childCount())}
    assert not items["Geoportal Provinsi Banten"].flags() & Qt.ItemIsEnabled     # already mine
    items["Geoportal Kota Tangerang"].setCheckState(0, Qt.Checked)
    items["Ina-Geoportal (BIG)"].setCheckState(0, Qt.Checked)
    assert sorted(n.id for n in dlg.chosen()) == ["ina-geoportal", "kota-tangerang"]
    dlg.filter.setText("tangerang")
    assert not items["Geoportal Kota Tangerang"].isHidden() and items["Ina-Geoportal (BIG)"].isHidden()
    dlg.deleteLater()
