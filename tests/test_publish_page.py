"""The Publish page: plan against a node (a table of changes to confirm), publish with progress,
the result with its links, and the layer loaded back from the node's WMS and WFS; sized for a
420–470 px wide dock. Screenshots of the plan and the result are saved (SIMPUL_SCREENSHOTS=dir
keeps them)."""
import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QEventLoop, QTimer

from sdi_plugin.core.nodes.registry import Node, NodeRegistry
from sdi_plugin.gui.publish_page import PublishPage


def _shot(widget, tmp_path, name):
    folder = os.environ.get("SIMPUL_SCREENSHOTS") or str(tmp_path)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    assert widget.grab().save(path)
    return path


def _wait_for(page, timeout_ms=60000):
    loop = QEventLoop()
    page.finished.connect(loop.quit)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(timeout_ms)
    loop.exec_()
    assert guard.isActive(), "the publish task did not finish"


def test_plan_publish_and_load_back(qgis_app, sdi_provider, gs_node, gs_auth, sample_data_dir, tmp_path):
    registry = NodeRegistry()
    registry.add(Node(name="Geoportal Banten (uji)", url=gs_node.base_url, level="provinsi", authcfg=gs_auth))
    source = "%s|layername=ADMINISTRASIKECAMATAN_AR_10K" % os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg")
    layer = QgsVectorLayer(source, "Batas kecamatan", "ogr")
    QgsProject.instance().addMapLayer(layer)
    page = None
    try:
        page = PublishPage(registry=registry, log_folder=str(tmp_path / "log"))
        page.resize(450, 980)
        page.show()
        page.layer.setLayer(layer)
        page.node.setCurrentIndex(page.node.findData(registry.nodes()[-1].id))
        assert b"PolygonSymbolizer" in page.sld
        page.reason.setText("Uji bimtek")   # the generated record may lack a contact: override for the test
        page.start(dry_run=True)
        assert page.task is not None and page.progress.isVisible()
        _wait_for(page)
        report = page.report
        assert report["result"] == "planned", report["message"]
        assert page.plan.topLevelItemCount() == 6
        rows = [(page.plan.topLevelItem(i).text(0), page.plan.topLevelItem(i).text(2)) for i in range(6)]
        # the demo catalogue already holds this dataset's record: it is updated in place, not added
        assert rows[0] == ("Workspace", "create") and rows[-1] == ("Catalogue record", "update")
        assert page.btn_publish.isEnabled() and gs_node.snapshot()["workspaces"] == []
        _shot(page, tmp_path, "publish-plan.png")
        page.start(dry_run=False)
        _wait_for(page)
        report = page.report
        assert report["result"] == "published", report["message"]
        assert report["verified"], report["verification"]
        html = page.result.toHtml()
        assert "Batas_kecamatan" in html or "GetRecordById" in html
        assert page.btn_wms.isVisible() and page.btn_wfs.isVisible()
        _shot(page, tmp_path, "publish-result.png")
        wms = page.load_back("wms")
        wfs = page.load_back("wfs")
        assert wms is not None and wms.isValid() and wfs is not None and wfs.featureCount() == 13
        for extra in (wms, wfs):
            QgsProject.instance().removeMapLayer(extra.id())
    finally:
        if page is not None:    # also after a failed assertion: its preview job must not outlive it
            page.shutdown()
        QgsProject.instance().removeMapLayer(layer.id())
        for node in registry.nodes():   # the node goes with the test (the dock's health checks read the registry)
            if node.url == gs_node.base_url:
                registry.remove(node.id)


def test_page_without_a_layer_or_node_says_so(qgis_app):
    page = PublishPage(registry=NodeRegistry())
    page.layer.setLayer(None)
    page.start(dry_run=True)
    assert page.task is None and "Choose a node and a dataset" in page.status.text()
    assert not page.btn_publish.isEnabled()
    page.shutdown()


def test_a_login_missing_from_the_auth_database_is_explained_not_asked_for(qgis_app, gs_auth, sample_data_dir):
    """A node whose authcfg is not in this profile's auth database (another profile, a copied node
    list): QGIS 3.40 would offer to set a NEW master password in a modal window and the publish wait
    on it; the page says what is wrong instead, and starts nothing."""
    from qgis.core import QgsApplication
    missing = "zq9x8w7"
    assert missing not in QgsApplication.authManager().configIds()
    registry = NodeRegistry()
    registry.add(Node(name="Simpul lain", url="http://127.0.0.1:9", level="provinsi", authcfg=missing))
    source = "%s|layername=ADMINISTRASIKECAMATAN_AR_10K" % os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg")
    layer = QgsVectorLayer(source, "Batas kecamatan", "ogr")
    QgsProject.instance().addMapLayer(layer)
    page = PublishPage(registry=registry)
    said = []
    page.message.connect(lambda text, level: said.append(text))
    try:
        page.layer.setLayer(layer)
        page.node.setCurrentIndex(page.node.findData(registry.nodes()[-1].id))
        page.start(dry_run=True)
        assert page.task is None
        assert missing in page.status.text() and "not in QGIS's authentication database" in page.status.text()
        assert said and said[-1] == page.status.text()
    finally:
        page.shutdown()
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_page_shut_down_starts_no_preview_when_a_layer_is_added(qgis_app, sample_data_dir):
    """After shutdown the page's layer box still follows the project; a layer added then started a
    preview job that called back into the gone page (Python aborted at exit)."""
    page = PublishPage(registry=NodeRegistry())
    page.shutdown()
    source = "%s|layername=ADMINISTRASIKECAMATAN_AR_10K" % os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg")
    layer = QgsVectorLayer(source, "Batas kecamatan", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        assert page._render_job is None and page._render_jobs == []
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_workspace_follows_the_lab_participant_until_typed(qgis_app):
    from qgis.core import QgsSettings
    from sdi_plugin.core.training import lab
    s = QgsSettings()
    try:
        s.remove(lab.PARTICIPANT_KEY)
        s.remove(lab.LAB_URL_KEY)
        page = PublishPage(registry=NodeRegistry())
        assert page.workspace.text() == "simpul"          # not in a training room
        lab.set_participant_name("Budi Santoso")
        lab.set_lab_url("http://192.0.2.2:8765")
        page.show()
        assert page.workspace.text() == "peserta_budi_santoso"
        page.hide()
        page.workspace.setText("bappeda")
        page.workspace.setModified(True)                   # the user typed their own
        page.show()
        assert page.workspace.text() == "bappeda"
        page.hide()
        page.shutdown()
    finally:
        s.remove(lab.PARTICIPANT_KEY)
        s.remove(lab.LAB_URL_KEY)
