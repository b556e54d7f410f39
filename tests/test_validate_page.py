"""The Validate tab, offscreen: pick project layers or a folder, run in a QgsTask, browse and
filter the findings, zoom to one (real map canvas) and select its feature, add the error
layer, cancel."""
import os

from qgis.core import QgsApplication, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qtwait import wait_for


class CanvasIface:
    """The two parts of QGIS's iface the page uses, as real widgets."""

    def __init__(self):
        self.canvas = QgsMapCanvas()
        self.canvas.resize(600, 400)
        self.bar = QgsMessageBar()

    def mapCanvas(self):  # noqa: N802 (QGIS's name)
        return self.canvas

    def messageBar(self):  # noqa: N802 (QGIS's name)
        return self.bar


def wait_until(predicate, timeout_ms=60000):
    return wait_for(predicate, timeout_ms)


def make_page(width=440):
    from sdi_plugin.gui.validate_page import ValidatePage
    iface = CanvasIface()
    page = ValidatePage(iface=iface)
    page.resize(width, 700)
    page.show()
    return page, iface


def test_validate_project_layer_browse_zoom_select(sample_data_dir):
    layer = QgsVectorLayer(os.path.join(sample_data_dir, "latihan", "geom_valid.gpkg") + "|layername=PERSIL_AR_1K",
                           "Persil latihan", "ogr")
    other = QgsVectorLayer(os.path.join(sample_data_dir, "tangerang", "JALAN_LN_10K.shp"), "Jalan", "ogr")
    QgsProject.instance().addMapLayers([layer, other])
    page, iface = make_page()
    try:
        names = [page.layers.item(i).text() for i in range(page.layers.count())]
        assert {"Persil latihan", "Jalan"} <= set(names)
        assert page.minimumSizeHint().width() <= 440
        page.set_checked([layer.id()])
        page.run()
        assert page.task is not None and not page.btn_run.isEnabled() and page.btn_cancel.isEnabled()
        assert wait_until(lambda: page.task is None)
        assert page.report is not None and page.visible_rows() == 4            # 3 geom.valid + 1 info
        assert "3" in page.summary.text()
        page.filter.setCurrentIndex(page.filter.findData("error"))
        assert page.visible_rows() == 3
        assert {page.table.topLevelItem(i).text(1) for i in range(3)} == {"geom.valid"}
        iface.canvas.setDestinationCrs(layer.crs())
        iface.canvas.setExtent(QgsRectangle(0, 0, 10, 10))
        item = page.table.topLevelItem(1)
        page.table.itemDoubleClicked.emit(item, 0)
        ri, fi = item.data(0, Qt.UserRole)
        finding = page.report.results[ri].findings[fi]
        assert layer.selectedFeatureIds() == [finding.feature_id]
        from qgis.core import QgsGeometry
        where = QgsGeometry.fromWkt(finding.location).asPoint()
        assert iface.canvas.extent().contains(where)
        assert page.btn_report.isEnabled() and os.path.exists(page.outputs["html"])
        added = page.add_error_layers()
        assert [a.featureCount() for a in added] == [3]
        for a in added:
            QgsProject.instance().removeMapLayer(a.id())
    finally:
        page.shutdown()
        QgsProject.instance().removeMapLayers([layer.id(), other.id()])


def test_validate_a_folder_and_cancel(sample_data_dir, tmp_path):
    page, _ = make_page(420)
    try:
        page.set_checked([])
        page.path.setText(os.path.join(sample_data_dir, "latihan"))
        page.run()
        assert wait_until(lambda: page.task is None)
        assert len(page.report.results) == 18
        batch_rules = {page.table.topLevelItem(i).text(1) for i in range(page.visible_rows())}
        assert {"topo.overlap", "kugi.fcode", "text.encoding"} <= batch_rules
        from bench_layer import make_parcels
        big = make_parcels(str(tmp_path / "persil.gpkg"), 20000)
        page.path.setText(big)
        page.run()
        task = page.task
        assert wait_until(lambda: task.progress() > 1, 30000)
        page.btn_cancel.click()
        assert wait_until(lambda: page.task is None)
        assert "canceled" in page.summary.text().lower()
        assert page.report is not None and len(page.report.results) == 18    # the last complete run stays
    finally:
        page.shutdown()


def test_nothing_chosen_says_so():
    page, iface = make_page()
    messages = []
    page.message.connect(lambda text, level: messages.append(text))
    try:
        page.set_checked([])
        page.path.setText("")
        page.run()
        assert page.task is None and messages and "Tick at least one layer" in messages[0]
        page.path.setText("/tidak/ada")
        page.run()
        assert "does not exist" in messages[-1]
    finally:
        page.shutdown()
    assert QgsApplication.taskManager().countActiveTasks() == 0
