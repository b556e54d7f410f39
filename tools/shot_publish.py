#!/usr/bin/env python3
"""Screenshots of the Publish page in the real QGIS desktop (under Xvfb), in the demo profile:
the plan (dry run) of a fixed latihan dataset to the demo node, and the result after publishing.

    /usr/bin/python3 tools/shot_publish.py [--lang id] [--out build/shots]

Outside QGIS it starts a demo node, makes the demo profile (the node registered with its
publishing authcfg, as ``make demo`` does) and runs QGIS with this same file as ``--code``;
inside QGIS (``SIMPUL_SHOT_PUBLISH`` set) it drives the Simpul panel: fixes
``latihan/srs_id_kosong.gpkg`` with ``sdi:fixdataset``, saves its ISO record beside it with
``sdi:generatemetadata``, plans, shoots ``publish-plan-<lang>.png``, publishes into workspace
``peserta_budi``, loads the layer back from WMS and WFS and shoots ``publish-result-<lang>.png``.
"""
import json
import os
import sys

try:
    HERE = os.path.abspath(__file__)
except NameError:   # run by ``qgis --code`` (exec, no __file__): the driver said where it is
    HERE = os.environ.get("SIMPUL_SHOT_SCRIPT", "")
ROOT = os.path.dirname(os.path.dirname(HERE)) if HERE else ""
DEMO_NODE_ID = "simpul-demo"
DEFAULTS = {"node_code": "6200", "node_name": "Simpul Jaringan Provinsi Kalimantan Tengah (latihan)",
            "organisation": "Bappeda Provinsi Kalimantan Tengah", "individual": "Peserta bimtek",
            "position": "Analis data spasial", "email": "simpul@bappeda.kalteng.go.id", "phone": "+62 536 000000",
            "address": "Jl. Tjilik Riwut", "city": "Palangka Raya", "region": "Kalimantan Tengah",
            "postal_code": "73112", "url": "https://bappeda.kaltengprov.go.id", "topic_category": "inlandWaters"}


def driver(argv=None):
    import argparse
    import shutil
    sys.path.insert(0, ROOT)
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import qgis_desktop
    from demo.node import DemoNode, free_port

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="id", choices=["id", "en"])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "shots"))
    args = ap.parse_args(argv)
    work = os.path.join(ROOT, "build", "shot-publish")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(args.out, exist_ok=True)
    node = DemoNode(host="127.0.0.1", port=free_port(), workdir=os.path.join(work, "node"),
                    progress=lambda m: print(m, flush=True))
    node.start()
    try:
        profiles = os.path.join(work, "profile")
        qgis_desktop.make_profile(profiles, language=args.lang, nodes=[{
            "id": DEMO_NODE_ID, "name": "Simpul Demo (latihan)", "url": node.base_url, "level": "provinsi",
            "parent": "", "source": "demo"}], node_auth={DEMO_NODE_ID: (node.publish_user, node.publish_password)})
        defaults = os.path.join(work, "node_defaults.json")
        with open(defaults, "w", encoding="utf-8") as fh:
            json.dump(DEFAULTS, fh)
        os.environ.update({"SIMPUL_SHOT_PUBLISH": "1", "SIMPUL_SHOT_OUT": args.out, "SIMPUL_SHOT_LANG": args.lang,
                           "SIMPUL_SHOT_WORK": work, "SIMPUL_SHOT_DEFAULTS": defaults,
                           "SIMPUL_SHOT_SAMPLE": node.sample_dir, "SIMPUL_SHOT_SCRIPT": HERE})
        log = os.path.join(work, "qgis.log")
        code = qgis_desktop.run_qgis(profiles, HERE, timeout=400, log=log)
        shots = [os.path.join(args.out, "publish-%s-%s.png" % (k, args.lang)) for k in ("plan", "result")]
        with open(log, encoding="utf-8", errors="replace") as fh:
            tail = fh.read()[-3000:]
        if code != 0 or not all(os.path.exists(s) for s in shots):
            print("QGIS did not take the screenshots (status %s); the end of %s:\n%s" % (code, log, tail))
            return 1
        print("\n".join(line for line in tail.splitlines() if line.startswith("SIMPUL-SHOT")))
        print("saved: %s" % ", ".join(shots))
        return 0
    finally:
        node.stop()


# --- inside QGIS ---------------------------------------------------------------------------------

def gui():
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QDockWidget
    from qgis.utils import iface

    out, lang, work = os.environ["SIMPUL_SHOT_OUT"], os.environ["SIMPUL_SHOT_LANG"], os.environ["SIMPUL_SHOT_WORK"]
    state = {}

    def say(text):
        print("SIMPUL-SHOT " + text, flush=True)

    def finish(error=""):
        if error:
            say("ERROR " + error)
        os._exit(1 if error else 0)

    def dock():
        found = [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "SimpulDock"]
        return found[0] if found else None

    def shoot(name):
        QgsApplication.processEvents()
        path = os.path.join(out, "publish-%s-%s.png" % (name, lang))
        iface.mainWindow().grab().save(path)
        say("shot " + path)

    def start():
        try:
            import processing
            win = iface.mainWindow()
            win.showMaximized()
            screen = win.screen().availableGeometry() if hasattr(win, "screen") else None
            if screen is not None:
                win.setGeometry(screen)
            d = dock()
            if d is None:
                return finish("the Simpul panel is missing")
            d.show()
            d.raise_()
            win.resizeDocks([d], [520], 1)
            d.tabs.setCurrentWidget(d.publish)
            fixed = os.path.join(work, "SUNGAI_LN_10K.gpkg")
            res = processing.run("sdi:fixdataset", {
                "INPUT": os.path.join(os.environ["SIMPUL_SHOT_SAMPLE"], "latihan", "srs_id_kosong.gpkg"),
                "OUTPUT": fixed})
            layer = QgsVectorLayer(res["OUTPUT"], "SUNGAI_LN_10K", "ogr")
            if not layer.isValid():
                return finish("the fixed dataset does not load: %s" % res["OUTPUT"])
            from sdi_plugin.core.metadata import storage
            path, name, kind = storage.dataset_of(layer)
            sidecar = storage.sidecar_path(path, name)
            processing.run("sdi:generatemetadata", {"INPUT": layer, "DEFAULTS": os.environ["SIMPUL_SHOT_DEFAULTS"],
                                                    "OUTPUT": sidecar})
            QgsProject.instance().addMapLayer(layer)
            iface.mapCanvas().setExtent(layer.extent().buffered(layer.extent().width() * 0.1))
            page = d.publish
            page.refresh_nodes()
            page.layer.setLayer(layer)
            page.node.setCurrentIndex(page.node.findData(DEMO_NODE_ID))
            page.options.setCollapsed(False)
            page.workspace.setText("peserta_budi")
            state["page"] = page
            page.finished.connect(on_finished)
            say("planning")
            QTimer.singleShot(1500, lambda: page.start(dry_run=True))
        except Exception as exc:  # noqa: BLE001
            import traceback
            finish("%s\n%s" % (exc, traceback.format_exc()))

    def scroll_to(widget):
        page = state["page"]
        from qgis.PyQt.QtWidgets import QScrollArea
        area = page.findChild(QScrollArea)
        if area is not None:
            area.ensureWidgetVisible(widget, 0, 40)

    def on_finished(report):
        page = state["page"]
        say("%s: %s" % (report.get("result"), report.get("message")))
        if report.get("dry_run"):
            if report.get("result") != "planned":
                return finish("the plan failed: %s" % report.get("message"))
            scroll_to(page.plan)
            QTimer.singleShot(800, lambda: (shoot("plan"), QTimer.singleShot(300, lambda: page.start(dry_run=False))))
            return
        if report.get("result") != "published":
            shoot("result")
            return finish("publishing failed: %s" % report.get("message"))
        for kind in ("wms", "wfs"):
            page.load_back(kind)
        iface.mapCanvas().refreshAllLayers()
        scroll_to(page.btn_wms)
        QTimer.singleShot(3000, lambda: (shoot("result"), finish()))

    QTimer.singleShot(2000, start)


if os.environ.get("SIMPUL_SHOT_PUBLISH"):
    gui()
elif __name__ == "__main__":
    sys.exit(driver())
