"""The Simpul dock, offscreen: pages, node list, adding and checking a node in a QgsTask."""
import json

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

from sdi_plugin.core.nodes.registry import Node, NodeRegistry
from qtwait import wait_for


def _wait_for(predicate, timeout_ms=20000):
    return wait_for(predicate, timeout_ms)


def test_registry_keeps_no_secret_and_round_trips():
    s = QgsSettings()
    s.remove("simpul/nodes")
    reg = NodeRegistry(s)
    reg.add(Node(name="Geoportal Paser (lama)", url="https://geoportal.paserkab.go.id"))
    reg.add(Node(name="Geoportal Paser", url="https://geoportal.paserkab.go.id/", level="kabupaten",
                 parent="Kalimantan Timur", authcfg="abc1234"))  # same URL replaces the old entry
    nodes = reg.nodes()
    assert len(nodes) == 1
    assert (nodes[0].id, nodes[0].level, nodes[0].authcfg) == ("geoportal-paser", "kabupaten", "abc1234")
    stored = json.loads(s.value("simpul/nodes"))
    assert set(stored[0]) >= {"name", "url", "level", "authcfg"}
    assert not any("password" in k.lower() for k in stored[0])
    reg.remove(nodes[0].id)
    assert reg.nodes() == []


def test_dock_has_the_four_pages_and_lists_nodes(scripted_server):
    from hostile import WMS_OK
    from sdi_plugin.gui.dock import SimpulDock
    from sdi_plugin.core.paths import ICON

    def ows(req):
        req.send_simple(200, WMS_OK if "SERVICE=WMS" in req.path else b"<x/>", "application/xml")
    scripted_server.routes["/ows"] = ows
    s = QgsSettings()
    s.remove("simpul/nodes")
    NodeRegistry(s).add(Node(name="Simpul Uji", url=scripted_server.url, level="provinsi"))
    dock = SimpulDock(ICON)
    try:
        tabs = dock.tabs
        assert [tabs.tabText(i) for i in range(tabs.count())] == ["Discover", "Validate", "Metadata", "Publish",
                                                                      "Training"]
        page = dock.discover
        assert page.tree.topLevelItemCount() == 1
        assert page.tree.topLevelItem(0).text(0) == "Simpul Uji"
        assert page.tree.topLevelItem(0).text(2) == "Not checked"
        page.check_node("simpul-uji")
        assert page.tree.topLevelItem(0).text(2) == "Checking…"
        assert _wait_for(lambda: not page._tasks)
        node = NodeRegistry(s).get("simpul-uji")
        assert node.health["state"] == "up"
        assert [sv["kind"] for sv in node.services] == ["WMS"]
        assert page.tree.topLevelItem(0).text(2) == "Up"
        assert "WMS" in page.detail.toPlainText()
    finally:
        dock.shutdown()
        dock.deleteLater()
        QCoreApplication.processEvents()
        s.remove("simpul/nodes")


def test_dead_node_is_marked_down_with_a_reason(scripted_server):
    from sdi_plugin.gui.dock import SimpulDock
    from sdi_plugin.core.paths import ICON
    url = scripted_server.url
    scripted_server.close()
    s = QgsSettings()
    s.remove("simpul/nodes")
    NodeRegistry(s).add(Node(name="Simpul Mati", url=url))
    dock = SimpulDock(ICON)
    messages = []
    dock.discover.message.connect(lambda text, level: messages.append(text))
    try:
        dock.discover.check_node("simpul-mati")
        assert _wait_for(lambda: not dock.discover._tasks)
        assert NodeRegistry(s).get("simpul-mati").health["state"] == "down"
        assert messages and "Simpul Mati" in messages[0]
        assert QgsApplication.taskManager().countActiveTasks() == 0
    finally:
        dock.shutdown()
        dock.deleteLater()
        s.remove("simpul/nodes")


def test_narrow_panel_shows_tab_icons_with_labels_as_tooltips():
    from sdi_plugin.gui.dock import SimpulDock
    from sdi_plugin.core.paths import ICON
    labels = ["Discover", "Validate", "Metadata", "Publish", "Training"]
    dock = SimpulDock(ICON)
    try:
        tabs = dock.tabs
        dock.resize(1200, 600)
        dock.show()
        QCoreApplication.processEvents()
        assert [tabs.tabText(i) for i in range(tabs.count())] == labels
        dock.resize(560, 600)                       # labels without icons still fit
        QCoreApplication.processEvents()
        assert [tabs.tabText(i) for i in range(tabs.count())] == labels
        assert all(tabs.tabIcon(i).isNull() for i in range(tabs.count()))
        dock.resize(430, 600)
        QCoreApplication.processEvents()
        assert [tabs.tabText(i) for i in range(tabs.count())] == [""] * 5
        assert not any(tabs.tabIcon(i).isNull() for i in range(tabs.count()))
        assert [tabs.tabToolTip(i) for i in range(tabs.count())] == labels
        assert not tabs.tabBar().isVisible() or tabs.tabBar().sizeHint().width() <= tabs.width()
        dock.resize(1200, 600)
        QCoreApplication.processEvents()
        assert [tabs.tabText(i) for i in range(tabs.count())] == labels
    finally:
        dock.hide()
        dock.shutdown()
        dock.deleteLater()
