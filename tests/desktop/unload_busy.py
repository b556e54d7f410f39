"""Run inside the real QGIS desktop (``qgis --code``) by tests/test_unload_busy.py: unload and
reload Simpul while a validation, a publish (plan) and a search with a node check run, and
record into $SIMPUL_TEST_OUT (JSON) every Python error seen (sys.excepthook, QGIS's message
log) and the task manager's tasks after each unload; then quit.

$SIMPUL_BUSY: JSON {"big": GeoPackage to validate, "layer": a layer source to publish,
"publish_mark": file that appears once the GeoServer double holds a request of the plan,
"search_log": file the silent server appends each request to}."""
import json
import os
import sys
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer

OUT = os.environ["SIMPUL_TEST_OUT"]
JOB = json.loads(os.environ["SIMPUL_BUSY"])
ERRORS = []

_previous_hook = sys.excepthook


def _hook(kind, value, tb):
    ERRORS.append("".join(traceback.format_exception(kind, value, tb)))
    _previous_hook(kind, value, tb)


def _logged(message, tag, level):
    if tag == "Python error" or "Traceback" in message or "has been deleted" in message:
        ERRORS.append("%s: %s" % (tag, message))


def turn():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QgsApplication.processEvents()


def wait_until(predicate, seconds=60):
    """Turn the event loop until ``predicate()`` holds (bounded); returns its last value."""
    end = time.monotonic() + seconds
    while not predicate() and time.monotonic() < end:
        QgsApplication.processEvents()
    return predicate()


def dock():
    return qgis.utils.plugins["sdi_plugin"].dock


def tasks():
    return [t.description() for t in QgsApplication.taskManager().tasks()]


def save(result):
    """Written after every step: what was seen so far survives a hang."""
    with open(OUT, "w") as fh:
        json.dump(dict(result, errors=ERRORS), fh, indent=1)


def unload_and_look(result, name, before):
    qgis.utils.unloadPlugin("sdi_plugin")
    right_after = tasks()       # stop_tasks waited: the work has ended, the manager may still list it
    turn()
    turn()
    result[name] = {"tasks_right_after_unload": right_after, "tasks": tasks(), "tasks_before": before,
                    "errors_so_far": len(ERRORS)}
    save(result)
    qgis.utils.loadPlugin("sdi_plugin")
    qgis.utils.startPlugin("sdi_plugin")
    turn()


def run():
    result = {}
    sys.excepthook = _hook
    QgsApplication.messageLog().messageReceived.connect(_logged)
    try:
        turn()
        baseline = tasks()
        result["baseline"] = baseline
        # 1. a validation of a big GeoPackage, running for real
        page = dock().validate
        page.set_checked([])
        page.path.setText(JOB["big"])
        page.run()
        task = page.task
        result["validate_started"] = wait_until(lambda: task.progress() > 1)
        result["validate_running"] = tasks()
        save(result)
        unload_and_look(result, "validate", baseline)

        # 2. a publish plan while the node holds its request
        layer = QgsVectorLayer(JOB["layer"], "Batas kecamatan", "ogr")
        QgsProject.instance().addMapLayer(layer)
        page = dock().publish
        page.layer.setLayer(layer)
        page.node.setCurrentIndex(page.node.findData("gs"))
        page.reason.setText("Uji bimtek")
        page.start(dry_run=True)
        result["publish_started"] = page.task is not None and wait_until(
            lambda: os.path.exists(JOB["publish_mark"]))
        result["publish_running"] = tasks()
        result["publish_status"] = [page.status.text(), page.result.toPlainText()[:500]]
        unload_and_look(result, "publish", baseline)
        QgsProject.instance().removeMapLayer(layer.id())

        # 3. a search and a node check of a node that never answers
        discover = dock().discover
        discover.search_panel.text.setText("batas desa")
        discover.search_panel.run()
        discover.check_node("slow", detect=True)
        result["search_started"] = wait_until(lambda: os.path.exists(JOB["search_log"]))
        result["search_running"] = tasks()
        unload_and_look(result, "search", baseline)
        result["final_tasks"] = tasks()
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        result["error"] = traceback.format_exc()
    turn()
    result["done"] = True
    save(result)
    os._exit(0)


QTimer.singleShot(500, run)
