"""Run inside the real QGIS desktop (``qgis --code``): load → unload → load → unload Simpul
and record what QGIS holds after each step, into $SIMPUL_TEST_OUT (JSON); then quit."""
import json
import os
import threading
import traceback

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar, QToolButton
from qgis.utils import iface

OUT = os.environ["SIMPUL_TEST_OUT"]


def snapshot():
    # What deleteLater() scheduled is gone once the event loop turns; let it turn.
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QgsApplication.processEvents()
    win = iface.mainWindow()
    web_menu = iface.webMenu()
    menu_titles = [a.text() for a in web_menu.actions()]
    simpul_menu_actions = []
    for a in web_menu.actions():
        if a.menu() is not None and "Simpul" in a.text():
            simpul_menu_actions += [x.objectName() for x in a.menu().actions()]
    toolbar_actions = [a.objectName() for tb in win.findChildren(QToolBar) for a in tb.actions()
                       if a.objectName() == "SimpulShowPanel"]
    return {
        "active": "sdi_plugin" in qgis.utils.active_plugins,
        "docks": len([d for d in win.findChildren(QDockWidget) if d.objectName() == "SimpulDock"]),
        "web_menu_simpul": [t for t in menu_titles if "Simpul" in t],
        "menu_actions": simpul_menu_actions,
        "toolbar_actions": toolbar_actions,
        "all_panel_actions": len([a for a in win.findChildren(QAction) if a.objectName() == "SimpulShowPanel"]),
        "provider": QgsApplication.processingRegistry().providerById("sdi") is not None,
        "algorithms": sorted(a.id() for a in QgsApplication.processingRegistry().algorithms()
                             if a.provider() and a.provider().id() == "sdi"),
        "tasks": QgsApplication.taskManager().count(),
        "threads": threading.active_count(),
    }


def tab_texts():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    win = iface.mainWindow()
    dock = [d for d in win.findChildren(QDockWidget) if d.objectName() == "SimpulDock"][0]
    return [dock.tabs.tabToolTip(i) for i in range(dock.tabs.count())]


def choose_language(code):
    """What a user does: Simpul settings button → Language → the language."""
    win = iface.mainWindow()
    dock = [d for d in win.findChildren(QDockWidget) if d.objectName() == "SimpulDock"][0]
    button = [b for b in dock.findChildren(QToolButton) if b.objectName() == "SimpulSettings"][0]
    lang_menu = button.menu().actions()[0].menu()
    [a for a in lang_menu.actions() if a.data() == code][0].trigger()
    QgsApplication.processEvents()


def run():
    result = {"steps": {}}
    try:
        QgsApplication.processEvents()
        result["steps"]["start"] = snapshot()
        qgis.utils.unloadPlugin("sdi_plugin")
        QgsApplication.processEvents()
        result["steps"]["unloaded"] = snapshot()
        qgis.utils.loadPlugin("sdi_plugin")
        qgis.utils.startPlugin("sdi_plugin")
        QgsApplication.processEvents()
        result["steps"]["reloaded"] = snapshot()
        qgis.utils.unloadPlugin("sdi_plugin")
        QgsApplication.processEvents()
        result["steps"]["unloaded_again"] = snapshot()
        qgis.utils.loadPlugin("sdi_plugin")
        qgis.utils.startPlugin("sdi_plugin")
        QgsApplication.processEvents()
        result["steps"]["final"] = snapshot()
        result["tabs_before"] = tab_texts()
        choose_language("id")
        result["steps"]["after_language"] = snapshot()
        result["tabs_id"] = tab_texts()
        choose_language("en")
        result["tabs_en"] = tab_texts()
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        result["error"] = traceback.format_exc()
    with open(OUT, "w") as fh:
        json.dump(result, fh, indent=1)
    os._exit(0)


QTimer.singleShot(500, run)
