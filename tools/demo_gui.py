"""Run inside the QGIS desktop started by ``make demo`` (``qgis --code``).

Opens the Simpul panel, checks the demo node (service detection runs as a QgsTask), and —
when $SIMPUL_SCREENSHOT is set — saves a screenshot of the whole window there and quits.
"""
import json
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface

SHOT = os.environ.get("SIMPUL_SCREENSHOT", "")
BASE_MAP = json.loads(os.environ.get("SIMPUL_DEMO_BASEMAP", "[]"))   # [[path, layer name, title], …]
NODE_ID = os.environ.get("SIMPUL_DEMO_NODE", "")
state = {"ticks": 0}


def dock():
    found = [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "SimpulDock"]
    return found[0] if found else None


def start():
    win = iface.mainWindow()
    win.showMaximized()
    screen = win.screen().availableGeometry() if hasattr(win, "screen") else None
    if screen is not None:
        win.setGeometry(screen)  # Xvfb has no window manager to maximise for us
    d = dock()
    if d is None:
        finish("the Simpul panel is missing")
        return
    # the map canvas, not QGIS's welcome page ("Recent Projects" / "Project Templates")
    from qgis.PyQt.QtWidgets import QStackedWidget
    canvas = iface.mapCanvas()
    for stack in win.findChildren(QStackedWidget):
        for i in range(stack.count()):
            page = stack.widget(i)
            if page is canvas or page.isAncestorOf(canvas):
                stack.setCurrentIndex(i)
    d.show()
    d.raise_()
    win.resizeDocks([d], [560], 1)  # Qt.Horizontal: wide enough for the tab labels
    add_base_map()
    if NODE_ID:
        d.discover.check_node(NODE_ID)
    QTimer.singleShot(200, wait_for_check)


def add_base_map():
    """The demo region on the map (local boundary files, quiet grey), not an empty canvas at 1:1."""
    from qgis.core import QgsCoordinateTransform, QgsFillSymbol, QgsProject, QgsRectangle, QgsSingleSymbolRenderer, \
        QgsVectorLayer
    if not BASE_MAP:
        return
    project = QgsProject.instance()
    group = project.layerTreeRoot().addGroup("Peta dasar (berkas lokal)")
    extent = QgsRectangle()
    extent.setMinimal()
    canvas = iface.mapCanvas()
    layers = []
    for path, layer_name, title in BASE_MAP:
        layer = QgsVectorLayer("%s|layername=%s" % (path, layer_name), title, "ogr")
        if not layer.isValid():
            print("SIMPUL-DEMO-NOTE: the base map %s could not be opened" % path, flush=True)
            continue
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "240,240,235,255", "outline_color": "120,120,120,255", "outline_width": "0.2"})))
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers.append(layer)
    if not layers:
        return
    if not project.crs().isValid():
        project.setCrs(layers[0].crs())
    dest = canvas.mapSettings().destinationCrs()
    for layer in layers:
        ext = layer.extent()
        if layer.crs() != dest:
            ext = QgsCoordinateTransform(layer.crs(), dest, project).transformBoundingBox(ext)
        extent.combineExtentWith(ext)
    canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.05))
    canvas.refresh()


def wait_for_check():
    d = dock()
    state["ticks"] += 1
    if d.discover._tasks and state["ticks"] < 300:
        QTimer.singleShot(100, wait_for_check)
        return
    if SHOT:
        QTimer.singleShot(800, shoot)


def shoot():
    QgsApplication.processEvents()
    os.makedirs(os.path.dirname(SHOT), exist_ok=True)
    iface.mainWindow().grab().save(SHOT)
    finish("")


def finish(error):
    if error:
        print("SIMPUL-DEMO-ERROR: " + error, flush=True)
    if SHOT:
        os._exit(1 if error else 0)


QTimer.singleShot(1500, start)
