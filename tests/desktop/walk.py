"""Run inside the real QGIS desktop (``qgis --code``), started by ``tools/walk.py``: the walk of
issue 13 — a raw parcel shapefile to a verified layer published on the demo node — through the
real widgets (mouse clicks on buttons and tabs, keys typed into fields), counting the user's
actions (each click, typed field or choice = 1). Saves a screenshot after each step.

Configuration: $SIMPUL_WALK_CONFIG (JSON: raw, shots, result, lang, size). Result: JSON at
``result`` ({"actions": N, "log": [...], "report": {...}, "error": "..."}).
"""
import json
import os
import time
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDropEvent, QGuiApplication
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QStackedWidget
from qgis.utils import iface

CONFIG = json.load(open(os.environ["SIMPUL_WALK_CONFIG"], encoding="utf-8"))
WIDTH, HEIGHT = CONFIG.get("size", [1366, 768])


class Walk:
    def __init__(self):
        self.actions = 0
        self.log = []
        self.shots = []
        self.data = {}

    # -- what the user does (each one action) --------------------------------------------------
    def act(self, what):
        self.actions += 1
        self.log.append("%2d. %s" % (self.actions, what))

    def click(self, widget, what):
        """A left click in the middle of ``widget``, from the event loop (a click that opens a modal
        dialog must not run inside the walk's own step)."""
        self.act(what)
        QTimer.singleShot(0, lambda: QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, widget.rect().center()))

    def click_tab(self, tabs, page, what):
        bar = tabs.tabBar()
        index = tabs.indexOf(page)
        self.act(what)
        QTimer.singleShot(0, lambda: QTest.mouseClick(bar, Qt.LeftButton, Qt.NoModifier, bar.tabRect(index).center()))

    def type_into(self, edit, text, what):
        self.act(what)
        edit.setFocus()
        QTest.keyClicks(edit, text)

    # -- pictures ------------------------------------------------------------------------------
    def shot(self, name, screen=False):
        if not CONFIG.get("shots"):
            return
        QgsApplication.processEvents()
        image = (QGuiApplication.primaryScreen().grabWindow(0) if screen else iface.mainWindow().grab()).toImage()
        path = os.path.join(CONFIG["shots"], name + ".png")
        image.save(path)
        self.shots.append(path)


W = Walk()


def dock():
    return [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "SimpulDock"][0]


def modal(cls_name):
    w = QApplication.activeModalWidget()
    return w if w is not None and type(w).__name__ == cls_name and w.isVisible() else None


def drop_file(path):
    """Drag the file from the file manager onto the map: drag-enter then drop, as Qt delivers them."""
    from qgis.PyQt.QtGui import QDragEnterEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    target = iface.mapCanvas().viewport()
    pos = QPoint(target.width() // 2, target.height() // 2)
    enter = QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, enter)
    event = QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, event)
    DROPS.append(mime)     # the drop is handled a moment later: keep its data alive


DROPS = []


# -- the walk: a generator yielding (condition, seconds, what) to wait for ---------------------------
def steps():
    d = dock()
    v, m, p = d.validate, d.metadata, d.publish
    raw = CONFIG["raw"]

    W.act("drag %s onto the map" % os.path.basename(raw))
    drop_file(raw)
    yield (lambda: any(lyr.name().startswith("persil") for lyr in QgsProject.instance().mapLayers().values()),
           15, "the raw layer to load (dropped)", "optional")
    if not any(lyr.name().startswith("persil") for lyr in QgsProject.instance().mapLayers().values()):
        W.data["drop"] = "the drop event was not taken; the same file added with iface.addVectorLayer"
        iface.addVectorLayer(raw, os.path.splitext(os.path.basename(raw))[0], "ogr")
    rawl = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name().startswith("persil")][0]
    iface.setActiveLayer(rawl)
    iface.mapCanvas().setExtent(rawl.extent().buffered(200))
    W.data["raw_name"] = rawl.name()

    W.click_tab(d.tabs, v, "tab Validasi")
    yield (lambda: d.tabs.currentWidget() is v and v.checked_layer_ids() == [rawl.id()], 10,
           "the Validate tab with the raw layer ticked")
    W.click(v.btn_run, "button Validasi")
    yield (lambda: v.task is None and v.report is not None, 120, "the first validation")
    W.data["raw_errors"] = v.report.summary()["errors"]
    yield (lambda: True, 0.5, "paint")
    W.shot("walk-01-validasi-mentah")

    W.click(v.btn_fix, "button Perbaiki dataset…")
    yield (lambda: modal("FixDialog") is not None or getattr(v, "_fix_dialog", None) is not None and
           v._fix_dialog.isVisible(), 30, "the Fix dialog")
    dlg = v._fix_dialog
    W.data["suggested"] = dlg.feature_type().fcode if dlg.feature_type() else ""
    W.data["output"] = dlg.output_path()
    yield (lambda: True, 0.5, "paint")
    W.shot("walk-02-perbaiki-dialog", screen=True)
    from qgis.PyQt.QtWidgets import QDialogButtonBox
    W.click(dlg.buttons.button(QDialogButtonBox.Ok), "button Perbaiki (feature type and field map as suggested)")
    yield (lambda: d.current.state("fixed") is not None and v.fix_task is None and v.task is None, 180,
           "the fix and the validation of the fixed copy")
    W.data["fixed_summary"] = v.report.summary()
    W.data["fixed_rules"] = sorted({f.rule for r in v.report.results for f in r.findings if f.severity == "error"})
    yield (lambda: True, 0.8, "paint")
    W.shot("walk-03-validasi-diperbaiki")

    W.click_tab(d.tabs, m, "tab Metadata")
    yield (lambda: d.tabs.currentWidget() is m and m.layer() is not None and
           m.layer().id() == d.current.layer_id, 10, "the Metadata tab on the fixed layer")
    W.data["missing_before"] = m.missing_names()
    yield (lambda: True, 0.5, "paint")
    W.shot("walk-04-metadata")
    W.click(m.save_button, "button Simpan")
    yield (lambda: modal("ContactDialog") is not None, 20, "the organisation dialog (asked once)")
    cd = modal("ContactDialog")
    W.type_into(cd.fields["organisation"], CONFIG.get("organisation", "Bappeda Kabupaten Paser"), "type Organisasi")
    W.type_into(cd.fields["place"], CONFIG.get("place", "Kabupaten Paser"), "type Wilayah")
    yield (lambda: True, 0.3, "paint")
    W.shot("walk-05-organisasi", screen=True)
    W.click(cd.buttons.button(cd.buttons.Ok), "button Ingat")
    yield (lambda: modal("ContactDialog") is None and d.current.state("described") is not None, 30,
           "the metadata to be saved")
    yield (lambda: v.task is None and (d.current.state("validated") or {}).get("errors") == 0, 120,
           "the dataset validated again, clean, after its metadata was saved")
    W.data["title"] = m.form.title.text()
    W.data["complete"] = m.update_completeness().complete
    yield (lambda: True, 0.5, "paint")
    W.shot("walk-06-metadata-tersimpan")

    W.click_tab(d.tabs, p, "tab Publikasi")
    yield (lambda: d.tabs.currentWidget() is p and p.layer.currentLayer() is not None and
           p.layer.currentLayer().id() == d.current.layer_id and bool(p.node_value()), 10,
           "the Publish tab with the node and the fixed dataset")
    W.click(p.btn_plan, "button Rencanakan")
    yield (lambda: p.task is None and p.report is not None and p.report.get("dry_run"), 180, "the plan")
    W.data["plan"] = {k: p.report.get(k) for k in ("result", "message", "gate")}
    yield (lambda: True, 0.5, "paint")
    W.shot("walk-07-rencana")
    if not p.btn_publish.isEnabled():
        raise RuntimeError("Publish stays disabled after the plan: %s" % p.report.get("message"))
    W.click(p.btn_publish, "button Publikasikan")
    yield (lambda: p.task is None and p.report is not None and not p.report.get("dry_run"), 300, "the publish")
    rep = p.report
    W.data["report"] = {k: rep.get(k) for k in ("result", "message", "verified", "verification", "links", "layer",
                                                  "record_id", "gate", "workspace")}
    W.data["checklist"] = p.checklist_state()
    W.data["checklist_visible"] = _in_view(p.checklist)
    W.data["override_reason"] = p.reason.text()
    W.data["flow"] = d.current.to_dict()
    yield (lambda: True, 0.8, "paint")
    W.shot("walk-08-terbit")


def on_screen():
    """What the desktop shows when a wait ends too soon (e.g. a window nobody answers): the visible
    top-level windows, and a grab of the whole screen beside the result (walk-timeout.png)."""
    shown = ["%s %r" % (type(w).__name__, w.windowTitle()) for w in QApplication.topLevelWidgets()
             if w.isVisible() and w is not iface.mainWindow()]
    modal_w = QApplication.activeModalWidget()
    path = os.path.join(os.path.dirname(CONFIG["result"]), "walk-timeout.png")
    try:
        QGuiApplication.primaryScreen().grabWindow(0).save(path)
    except Exception:  # noqa: BLE001
        path = "(no screen grab)"
    return "; on screen: %s; modal: %s; screen: %s" % (
        ", ".join(shown) or "only the main window",
        "%s %r" % (type(modal_w).__name__, modal_w.windowTitle()) if modal_w is not None else "none", path)


def _deleted(obj):
    try:
        obj.id()
        return False
    except RuntimeError:
        return True


def _in_view(widget):
    """True when ``widget`` is visible on the screen (inside the window, not scrolled away)."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(iface.mainWindow(), QPoint(0, 0))
    win = iface.mainWindow()
    return 0 <= top_left.y() and top_left.y() + min(widget.height(), 60) <= win.height()


class Driver:
    def __init__(self):
        self.gen = steps()
        self.error = ""

    def resume(self):
        try:
            cond, seconds, what, *optional = next(self.gen)
        except StopIteration:
            self.finish()
            return
        except Exception as exc:  # noqa: BLE001
            self.error = "%s\n%s" % (exc, traceback.format_exc())
            self.finish()
            return
        start = time.time()
        if what == "paint":
            QTimer.singleShot(int(seconds * 1000), self.resume)
            return
        self.poll(cond, start + seconds, what, bool(optional))

    def poll(self, cond, deadline, what, optional=False):
        try:
            ok = cond()
        except Exception as exc:  # noqa: BLE001
            self.error = "waiting for %s: %s\n%s" % (what, exc, traceback.format_exc())
            self.finish()
            return
        if ok:
            QTimer.singleShot(0, self.resume)
        elif time.time() > deadline:
            if optional:
                QTimer.singleShot(0, self.resume)
                return
            self.error = "waited too long for %s%s" % (what, on_screen())
            self.finish()
        else:
            QTimer.singleShot(100, lambda: self.poll(cond, deadline, what, optional))

    def finish(self):
        result = {"actions": W.actions, "log": W.log, "shots": W.shots, "data": W.data, "error": self.error}
        with open(CONFIG["result"], "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1, ensure_ascii=False, default=str)
        try:
            dock().shutdown()
        except Exception:  # noqa: BLE001
            pass
        os._exit(0)


def start():
    win = iface.mainWindow()
    win.showMaximized()
    win.setGeometry(0, 0, WIDTH, HEIGHT)   # Xvfb has no window manager to maximise for us
    canvas = iface.mapCanvas()
    for stack in win.findChildren(QStackedWidget):
        for i in range(stack.count()):
            page = stack.widget(i)
            if page is canvas or page.isAncestorOf(canvas):
                stack.setCurrentIndex(i)
    d = dock()
    d.show()
    d.raise_()
    DRIVERS.append(Driver())
    QTimer.singleShot(800, DRIVERS[0].resume)


DRIVERS = []
QTimer.singleShot(1500, start)
