"""Run inside the QGIS desktop started by ``tools/screenshots.py`` (``qgis --code``).

Drives the real Simpul panel through the user guide's story and saves a full-window
screenshot after each step. Every step is a generator: it acts on the GUI, then yields
``Wait(condition, seconds, what)`` (poll until the condition holds, fail after the deadline)
or ``Settle(ms)`` (let Qt paint after a condition is met); ``ctx.shot(name)`` saves the PNG.

Configuration: $SIMPUL_SHOTS_CONFIG, a JSON file written by tools/screenshots.py. Results:
``<control>/result.json`` ({"shots": [...], "error": "...", "notes": [...]}) and the exit status.
Talks to tools/screenshots.py through request files in the control folder (stop/start the
demo nodes): ``<control>/<name>.request`` → ``<control>/<name>.done``.
"""
import json
import os
import time
import traceback

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsLayerTreeGroup,
                       QgsProject, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QStackedWidget
from qgis.utils import iface

CONFIG = json.load(open(os.environ["SIMPUL_SHOTS_CONFIG"], encoding="utf-8"))
OUT = CONFIG["out"]
CONTROL = CONFIG["control"]
WIDTH, HEIGHT = CONFIG.get("size", [1366, 768])
DOCK_WIDTH = CONFIG.get("dock_width", 500)


def log(text):
    """A line for the driver's log (<control>/driver.log; QGIS does not pass Python's stdout on)."""
    with open(os.path.join(CONTROL, "driver.log"), "a", encoding="utf-8") as fh:
        fh.write("%s %s\n" % (time.strftime("%H:%M:%S"), text))


class StepFailed(Exception):
    pass


class Wait:
    def __init__(self, condition, seconds, what):
        self.condition, self.seconds, self.what = condition, seconds, what


class Settle:
    def __init__(self, ms=600):
        self.ms = ms


def wait(condition, seconds, what):
    return Wait(condition, seconds, what)


def settle(ms=600):
    return Settle(ms)


# -- the context a step works with --------------------------------------------------------------
class Context:
    def __init__(self):
        self.shots = []
        self.notes = []
        self.state = {}

    @property
    def win(self):
        return iface.mainWindow()

    @property
    def dock(self):
        found = [d for d in self.win.findChildren(QDockWidget) if d.objectName() == "SimpulDock"]
        if not found:
            raise StepFailed("the Simpul panel (SimpulDock) is missing: is the plugin enabled?")
        return found[0]

    @property
    def discover(self):
        return self.dock.discover

    @property
    def search(self):
        return self.dock.discover.search_panel

    @property
    def canvas(self):
        return iface.mapCanvas()

    def tab(self, page):
        self.dock.tabs.setCurrentWidget(page)

    def note(self, text):
        log("note: " + text)
        self.notes.append(text)

    def _save(self, image, name):
        path = os.path.join(OUT, name + ".png")
        if not image.save(path):
            raise StepFailed("could not write %s" % path)
        self.shots.append(path)
        log("shot: " + path)
        return path

    def quiet_messages(self):
        """Drop the Training page's "step done" messages: noise in a picture of another page."""
        from sdi_plugin.core.i18n import tr
        prefix = tr("Exercise step done: {step}").split("{")[0].strip()
        bar = iface.messageBar()
        for item in list(bar.items()):
            text = item.text() or ""
            log("  message: %s" % text.replace("\n", " "))
            if prefix and text.startswith(prefix):
                bar.popWidget(item)

    def shot(self, name):
        """The QGIS main window, as the user sees it."""
        self.quiet_messages()
        QgsApplication.processEvents()
        return self._save(self.win.grab().toImage(), name)

    def shot_screen(self, name):
        """The whole (virtual) screen: the main window with a dialog over it."""
        QgsApplication.processEvents()
        return self._save(QGuiApplication.primaryScreen().grabWindow(0).toImage(), name)

    def request(self, name):
        """Ask tools/screenshots.py to do ``name`` (stop-nodes, start-nodes); a Wait for its answer."""
        done = os.path.join(CONTROL, name + ".done")
        if os.path.exists(done):
            os.remove(done)
        with open(os.path.join(CONTROL, name + ".request"), "w") as fh:
            fh.write(str(time.time()))
        return wait(lambda: os.path.exists(done), 90, "tools/screenshots.py to %s" % name)

    # canvas helpers
    def render_wait(self):
        """Refresh the map and a Wait until the canvas finished drawing."""
        self.state["rendered"] = False
        self.canvas.refresh()
        return wait(lambda: self.state.get("rendered") and not self.canvas.isDrawing(), 60,
                    "the map canvas to finish drawing")

    def zoom_to_layers(self, layers, pad=0.08):
        dest = self.canvas.mapSettings().destinationCrs()
        rect = QgsRectangle()
        rect.setMinimal()
        for layer in layers:
            ext = layer.extent()
            if ext.isEmpty():
                continue
            if layer.crs() != dest:
                ext = QgsCoordinateTransform(layer.crs(), dest, QgsProject.instance()).transformBoundingBox(ext)
            rect.combineExtentWith(ext)
        if not rect.isEmpty():
            self.canvas.setExtent(rect.buffered(max(rect.width(), rect.height()) * pad))

    def clear_project(self):
        project = QgsProject.instance()
        project.removeAllMapLayers()
        project.layerTreeRoot().removeAllChildren()

    def add_vector(self, path, layer_name, title):
        layer = QgsVectorLayer("%s|layername=%s" % (path, layer_name), title, "ogr")
        if not layer.isValid():
            raise StepFailed("could not open %s (layer %s)" % (path, layer_name))
        QgsProject.instance().addMapLayer(layer)
        return layer

    def find_result(self, title_part):
        sp = self.search
        for i in range(sp.results.topLevelItemCount()):
            item = sp.results.topLevelItem(i)
            if title_part.lower() in item.text(0).lower():
                return item
        return None


def add_base_map(ctx):
    """Local boundary files as a quiet base map (what a Bappeda has on disk anyway)."""
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer
    project = QgsProject.instance()
    group = project.layerTreeRoot().addGroup(tr_("Base map (local files)", "Peta dasar (berkas lokal)"))
    for path, layer_name, title in CONFIG["base_map"]:
        layer = QgsVectorLayer("%s|layername=%s" % (path, layer_name), title, "ogr")
        if not layer.isValid():
            raise StepFailed("could not open the base map %s" % path)
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "240,240,235,255", "outline_color": "120,120,120,255", "outline_width": "0.2"})))
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    group.setExpanded(False)


def tr_(en, id_):
    """Text for the screenshots' own inputs (names typed into dialogs) in the set's language."""
    return id_ if CONFIG["lang"] == "id" else en


# -- the steps ----------------------------------------------------------------------------------
def step_01_discover(ctx):
    """The demo node in the node list, its services detected and its health (Up / Aktif)."""
    page = ctx.discover
    page.toolbox.setCurrentIndex(0)
    node_id = CONFIG["nodes"][0]["id"]
    page.tree.setCurrentItem(page.tree.item_for(node_id))
    page.check_node(node_id, detect=True)
    ctx.canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    add_base_map(ctx)
    ctx.canvas.setExtent(QgsRectangle(*CONFIG["search_extent"]))
    yield ctx.render_wait()

    def checked():
        node = page.registry.get(node_id)
        return node_id not in page._tasks and node is not None and (node.health or {}).get("state") \
            and node.services
    yield wait(checked, 60, "the demo node's check (health and services)")
    state = page.registry.get(node_id).health.get("state")
    if state != "up":
        raise StepFailed("the demo node is %r, not up: %s" % (state, page.registry.get(node_id).health))
    page.tree.setCurrentItem(page.tree.item_for(node_id))
    yield settle()
    ctx.shot("01-discover-node")


def step_02_add_node(ctx):
    """Add the second node by its address: the dialog filled in, then the node in the list."""
    page = ctx.discover
    second = CONFIG["nodes"][1]
    ctx.state["dialog"] = None

    def drive_dialog():
        # runs inside the dialog's own event loop (NodeDialog.exec_)
        from qgis.PyQt.QtWidgets import QDialogButtonBox
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            if time.time() - ctx.state.setdefault("dialog_t0", time.time()) > 20:
                ctx.state["dialog"] = "the Add node dialog did not open"
                return
            QTimer.singleShot(100, drive_dialog)
            return
        try:
            dlg.name.setText(second["name"])
            dlg.url.setText(second["url"])
            dlg.level.setCurrentIndex(max(0, dlg.level.findData(second["level"])))
            dlg.parent_prov.setText(second["parent"])
            dlg.adjustSize()
            geo = ctx.win.geometry()
            dlg.move(geo.x() + (geo.width() - dlg.width()) // 2, geo.y() + (geo.height() - dlg.height()) // 3)
            QgsApplication.processEvents()

            def snap():
                try:
                    QgsApplication.processEvents()
                    ctx.shot_screen("02a-add-node-dialog")
                    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
                    ctx.state["dialog"] = "ok"
                except Exception as exc:  # noqa: BLE001
                    ctx.state["dialog"] = "the Add node dialog failed: %s" % exc
                    dlg.reject()
            QTimer.singleShot(500, snap)
        except Exception as exc:  # noqa: BLE001
            ctx.state["dialog"] = "the Add node dialog failed: %s" % exc
            dlg.reject()

    QTimer.singleShot(100, drive_dialog)
    page.add_node()   # modal: returns after drive_dialog clicked Add
    if ctx.state["dialog"] != "ok":
        raise StepFailed(ctx.state["dialog"] or "the Add node dialog was not driven")
    node = next((n for n in page.registry.nodes() if n.url.rstrip("/") == second["url"].rstrip("/")), None)
    if node is None:
        raise StepFailed("the node added by address is not in the list")
    ctx.state["second_id"] = node.id

    def checked():
        n = page.registry.get(node.id)
        return node.id not in page._tasks and n is not None and (n.health or {}).get("state") and n.services
    yield wait(checked, 60, "the new node's check")
    page.tree.setCurrentItem(page.tree.item_for(node.id))
    yield settle()
    ctx.shot("02b-node-added")


def _run_search(ctx, text):
    sp = ctx.search
    sp.text.setText(text)
    sp.use_extent.setChecked(True)
    sp.offline.setChecked(False)
    sp.scope.setCurrentIndex(0)
    ctx.state["search_done"] = False
    sp.searchFinished.connect(lambda: ctx.state.__setitem__("search_done", True))
    sp.run()
    if sp.search is None:
        raise StepFailed("the search did not start: %s" % sp.status.text())


def step_03_search(ctx):
    """Federated search over both nodes within the map extent: streamed, de-duplicated results."""
    page = ctx.discover
    page.toolbox.setCurrentIndex(1)
    # the map on Kalimantan: what the search's "map extent" uses
    ctx.canvas.setExtent(QgsRectangle(*CONFIG["search_extent"]))
    yield ctx.render_wait()
    _run_search(ctx, CONFIG["search_text"])
    sp = ctx.search
    yield wait(lambda: ctx.state["search_done"] and not sp.search.is_running(), 60, "the federated search to finish")
    if not sp._records:
        raise StepFailed("the search found nothing: %s" % sp.status.text())
    dups = [r for r in sp._records if getattr(r, "duplicates", None)]
    if not dups:
        raise StepFailed("no result is held by both nodes: de-duplication is not visible")
    sp.results.clearSelection()
    sp.results.setCurrentItem(None)
    yield settle()
    ctx.shot("03-federated-search")


def step_04_record(ctx):
    """One record opened in the record view (its footprint on the map)."""
    sp = ctx.search
    item = ctx.find_result(CONFIG["record_title"])
    if item is None:
        raise StepFailed("no result titled %r" % CONFIG["record_title"])
    sp.results.setCurrentItem(item)
    rv = ctx.discover.record_view
    yield wait(lambda: rv.record is not None and CONFIG["record_title"].lower() in (rv.record.title or "").lower(),
               10, "the record view to show the record")
    ctx.state["record"] = rv.record
    yield ctx.render_wait()
    yield settle()
    ctx.shot("04-record-view")


def step_05_load(ctx):
    """The record's WMS and WFS on the map, in a group named after the node."""
    from sdi_plugin.core.loading.loader import link_kind
    page = ctx.discover
    rec = ctx.state["record"]
    links = {}
    for lk in rec.links or []:
        links.setdefault(link_kind(lk), lk)
    missing = [k for k in ("WMS", "WFS") if k not in links]
    if missing:
        raise StepFailed("the record has no %s link" % " / ".join(missing))
    before = set(QgsProject.instance().mapLayers())
    page.load_links([(rec, links["WMS"]), (rec, links["WFS"])])

    def loaded():
        new = [lyr for lid, lyr in QgsProject.instance().mapLayers().items() if lid not in before]
        return not page.load_tasks and len(new) >= 2
    yield wait(loaded, 90, "the WMS and WFS layers to load")
    new = [lyr for lid, lyr in QgsProject.instance().mapLayers().items() if lid not in before]
    bad = [lyr.name() for lyr in new if not lyr.isValid()]
    if bad:
        raise StepFailed("layers not valid: %s" % ", ".join(bad))
    groups = [c.name() for c in QgsProject.instance().layerTreeRoot().children() if isinstance(c, QgsLayerTreeGroup)]
    if not groups:
        raise StepFailed("the loaded layers are not in a node group")
    wfs = [lyr for lyr in new if lyr.providerType() in ("WFS", "OAPIF")]
    if wfs and wfs[0].featureCount() == 0:
        raise StepFailed("the WFS layer has no features")
    ctx.discover._clear_footprint()
    ctx.zoom_to_layers(wfs or new)
    yield ctx.render_wait()
    yield settle(800)
    ctx.shot("05-layers-loaded")


def step_06_offline(ctx):
    """The nodes stopped: the same search answered from the offline cache, with each record's age."""
    yield ctx.request("stop-nodes")
    ctx.canvas.setExtent(QgsRectangle(*CONFIG["search_extent"]))
    yield ctx.render_wait()
    ctx.discover.toolbox.setCurrentIndex(1)
    _run_search(ctx, CONFIG["search_text"])
    sp = ctx.search
    yield wait(lambda: ctx.state["search_done"] and not sp.search.is_running(), 90,
               "the search with the nodes down to finish")
    cached = [r for r in sp._records if getattr(r, "from_cache", False)]
    if not cached:
        raise StepFailed("no result came from the offline cache: %s" % sp.status.text())
    item = ctx.find_result(CONFIG["record_title"])
    if item is not None:
        sp.results.setCurrentItem(item)
    yield settle(800)
    ctx.shot("06-offline-cache")


def step_07_validate(ctx):
    """A dataset with planted defects validated: the findings, the error layer on the map."""
    ctx.discover._clear_footprint()
    ctx.clear_project()
    iface.messageBar().clearWidgets()
    layer = ctx.add_vector(CONFIG["validate_path"], CONFIG["validate_layer"], CONFIG["validate_title"])
    ctx.state["validate_layer"] = layer
    page = ctx.dock.validate
    ctx.tab(page)
    page.refresh_layers()
    page.set_checked([layer.id()])
    page.run()
    yield wait(lambda: page.task is None and page.report is not None, 120, "the validation task to finish")
    if not page.table.topLevelItemCount():
        raise StepFailed("the validation found nothing in a dataset with planted defects")
    added = page.add_error_layers()
    if not added:
        raise StepFailed("no error layer was added")
    ctx.state["report_html"] = page.outputs.get("html", "")
    ctx.zoom_to_layers([layer])
    # the first error in the table, its detail below it, the map on it (as a double-click does)
    for i in range(page.table.topLevelItemCount()):
        item = page.table.topLevelItem(i)
        ri, fi = item.data(0, Qt.UserRole)
        if page.report.results[ri].findings[fi].severity == "error":
            page.table.setCurrentItem(item)
            page.zoom_to(ri, fi)
            ctx.canvas.zoomByFactor(4.0)
            break
    layer.removeSelection()
    yield ctx.render_wait()
    yield settle(800)
    ctx.shot("07-validate")


def step_08_report(ctx):
    """The HTML validation report, as the user's browser shows it (QtWebKit here)."""
    path = ctx.state.get("report_html")
    if not path or not os.path.exists(path):
        raise StepFailed("the validation wrote no HTML report")
    from qgis.PyQt.QtWebKitWidgets import QWebView
    view = QWebView()
    ctx.state["webview"] = view
    ctx.state["web_loaded"] = None
    view.loadFinished.connect(lambda ok: ctx.state.__setitem__("web_loaded", ok))
    view.setWindowTitle(os.path.basename(path))
    view.resize(QSize(WIDTH, HEIGHT))
    view.move(0, 0)
    view.load(QUrl.fromLocalFile(path))
    view.show()
    yield wait(lambda: ctx.state["web_loaded"] is not None, 30, "the HTML report to load")
    if not ctx.state["web_loaded"]:
        raise StepFailed("the HTML report did not load: %s" % path)
    yield settle(800)
    QgsApplication.processEvents()
    ctx._save(view.grab().toImage(), "08-validation-report")
    view.close()


def step_09_metadata(ctx):
    """The Metadata page with a record generated from the layer."""
    page = ctx.dock.metadata
    ctx.tab(page)
    page.layer_combo.setLayer(ctx.state["validate_layer"])
    record = page.generate()
    if record is None:
        raise StepFailed("Generate from layer made no record: %s" % page.status.text())
    yield wait(lambda: page.bar.value() > 0, 10, "the completeness bar")
    yield settle()
    ctx.shot("09-metadata")


def step_10_publish(ctx):
    """The Publish page: the plan for a clean dataset on the demo node (whatever the page offers)."""
    page = getattr(ctx.dock, "publish", None)
    if page is None or not hasattr(page, "start"):
        ctx.note("the Publish page offers no plan yet: screenshot of the page as it is")
        ctx.tab(page)
        yield settle()
        ctx.shot("10-publish")
        return
    yield ctx.request("start-nodes")
    ctx.clear_project()
    layer = ctx.add_vector(CONFIG["publish_path"], CONFIG["publish_layer"], CONFIG["publish_title"])
    ctx.zoom_to_layers([layer])
    ctx.tab(page)
    if hasattr(page, "refresh_nodes"):
        page.refresh_nodes()
    index = page.node.findText(CONFIG["nodes"][0]["name"])
    if index >= 0:
        page.node.setCurrentIndex(index)
    else:
        page.node.setEditText(CONFIG["nodes"][0]["url"])
    page.layer.setLayer(layer)
    page.start(dry_run=True)
    ctx.state["plan_t0"] = time.time()
    yield wait(lambda: page.task is None or time.time() - ctx.state["plan_t0"] > 60, 90,
               "the publish plan (or 60 s of it)")
    if page.task is not None:
        ctx.note("the publish plan had not finished after 60 s: the screenshot shows the page while planning "
                 "(status: %s)" % page.status.text())
    yield ctx.render_wait()
    yield settle(800)
    ctx.shot("10-publish-plan")
    if page.task is not None:
        page.cancel()


def step_11_lab(ctx):
    """The Latihan (training) page, when this version has it."""
    here = os.path.join(CONFIG["root"], "sdi_plugin", "gui", "lab_page.py")
    page = getattr(ctx.dock, "latihan", None) or getattr(ctx.dock, "lab", None)
    if not os.path.exists(here) or page is None:
        ctx.note("no Latihan page in this version (sdi_plugin/gui/lab_page.py or dock.lab missing): step 11 skipped")
        return
    ctx.tab(page)
    yield settle(800)
    ctx.shot("11-latihan")


STEPS = [step_01_discover, step_02_add_node, step_03_search, step_04_record, step_05_load, step_06_offline,
         step_07_validate, step_08_report, step_09_metadata, step_10_publish, step_11_lab]


# -- the driver ---------------------------------------------------------------------------------
class Driver:
    def __init__(self, ctx, steps):
        self.ctx = ctx
        self.steps = list(steps)
        self.gen = None
        self.step = None

    def start(self):
        self.next_step()

    def next_step(self):
        if not self.steps:
            self.finish("")
            return
        self.step = self.steps.pop(0)
        log("step: %s" % self.step.__name__)
        try:
            self.gen = self.step(self.ctx)
        except Exception as exc:  # noqa: BLE001
            self.fail(exc)
            return
        if self.gen is None:    # a step with nothing to wait for
            QTimer.singleShot(0, self.next_step)
            return
        self.resume()

    def resume(self):
        try:
            cmd = next(self.gen)
        except StopIteration:
            QTimer.singleShot(0, self.next_step)
            return
        except Exception as exc:  # noqa: BLE001
            self.fail(exc)
            return
        if isinstance(cmd, Settle):
            QTimer.singleShot(cmd.ms, self.resume)
        elif isinstance(cmd, Wait):
            self.poll(cmd, time.time() + cmd.seconds)
        else:
            self.fail(StepFailed("a step yielded %r" % (cmd,)))

    def poll(self, cmd, deadline):
        try:
            ok = cmd.condition()
        except Exception as exc:  # noqa: BLE001
            self.fail(exc)
            return
        if ok:
            self.resume()
        elif time.time() > deadline:
            self.fail(StepFailed("waited %d s for %s" % (cmd.seconds, cmd.what)))
        else:
            QTimer.singleShot(100, lambda: self.poll(cmd, deadline))

    def fail(self, exc):
        detail = "" if isinstance(exc, StepFailed) else "\n" + traceback.format_exc()
        self.finish("step %s: %s%s" % (self.step.__name__ if self.step else "?", exc, detail))

    def finish(self, error):
        result = {"shots": self.ctx.shots, "notes": self.ctx.notes, "error": error}
        with open(os.path.join(CONTROL, "result.json"), "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1)
        if error:
            log("error: " + error)
        try:
            self.ctx.dock.shutdown()
        except Exception:  # noqa: BLE001 - leaving anyway
            pass
        os._exit(1 if error else 0)


def prepare_window(ctx):
    win = ctx.win
    win.showMaximized()
    win.setGeometry(0, 0, WIDTH, HEIGHT)   # Xvfb has no window manager to maximise for us
    # the map canvas, not the welcome page ("Recent projects" / "Project templates")
    canvas = ctx.canvas
    for stack in win.findChildren(QStackedWidget):
        for i in range(stack.count()):
            page = stack.widget(i)
            if page is canvas or page.isAncestorOf(canvas):
                stack.setCurrentIndex(i)
    d = ctx.dock
    d.show()
    d.raise_()
    win.resizeDocks([d], [DOCK_WIDTH], Qt.Horizontal)
    left = [w for w in win.findChildren(QDockWidget) if w.objectName() in ("Layers", "Browser") and w.isVisible()]
    if left:
        win.resizeDocks(left, [CONFIG.get("layers_width", 250)] * len(left), Qt.Horizontal)
    ctx.canvas.mapCanvasRefreshed.connect(lambda: ctx.state.__setitem__("rendered", True))


def main():
    log("QGIS is up; driving %s" % ", ".join(s.__name__ for s in STEPS))
    ctx = Context()
    driver = Driver(ctx, [s for s in STEPS if not CONFIG.get("only") or s.__name__[5:7] in CONFIG["only"]])
    try:
        prepare_window(ctx)
    except Exception as exc:  # noqa: BLE001
        log(traceback.format_exc())
        driver.fail(exc)
        return
    log("window ready")
    DRIVERS.append(driver)   # QTimer does not keep the driver alive
    QTimer.singleShot(500, driver.start)


DRIVERS = []


QTimer.singleShot(1500, main)
