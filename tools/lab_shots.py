#!/usr/bin/python3
"""Screenshots of the training (Latihan) tab and the lab node's trainer view, in Indonesian, in
the real QGIS desktop (under Xvfb without a display):

    /usr/bin/python3 tools/lab_shots.py [--out build/shots]

Starts a demo node as the lab node (on this machine's LAN address when it has one), lets two
made-up participants report progress over HTTP, then runs QGIS in a fresh profile as a third
participant who connects to the lab node and really does the exercises (search, load, validate,
fix, metadata, publish into their own workspace) through Simpul's core; the checklist ticks from what
the plugin observed. Writes
``lab-peserta.png`` (participant), ``lab-pelatih.png`` (trainer section of the tab) and
``lab-trainer-view.png`` (``/lab`` rendered by QtWebKit).

Strings not yet in ``i18n/simpul_id.ts`` can be given with ``--tsv FILE`` (lines
``Simpul<TAB>source<TAB>translation``); they are compiled into an extra translator.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tools"))

from demo.node import DemoNode, _lan_address, free_port  # noqa: E402
from qgis_desktop import make_profile, run_qgis  # noqa: E402

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))

QGIS_CODE = r'''
import json, os, traceback
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer, QTranslator, QCoreApplication, QUrl
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

URL = os.environ["SIMPUL_LAB_URL"]
PORT = int(os.environ["SIMPUL_LAB_PORT"])
OUT = os.environ["SIMPUL_SHOT_DIR"]
QM = os.environ.get("SIMPUL_EXTRA_QM", "")
state = {"t": 0}
_keep = []


def fail(text):
    print("SIMPUL-SHOT-ERROR: " + text, flush=True)
    os._exit(1)


def dock():
    return plugins["sdi_plugin"].dock


def wait(pred, then, limit=600):
    state["t"] += 1
    if pred() or state["t"] > limit:
        state["t"] = 0
        QTimer.singleShot(300, then)
    else:
        QTimer.singleShot(100, lambda: wait(pred, then, limit))


def start():
    try:
        if QM:
            t = QTranslator()
            if not t.load(QM):
                fail("cannot load " + QM)
            QCoreApplication.installTranslator(t)
            _keep.append(t)
            plugins["sdi_plugin"]._language_changed("id")
        win = iface.mainWindow()
        win.showMaximized()
        win.setGeometry(win.screen().availableGeometry())
        d = dock()
        d.show(); d.raise_()
        win.resizeDocks([d], [590], 1)
        d.tabs.setCurrentWidget(d.latihan)
        page = d.latihan
        page.name_edit.setText("Budi Santoso")
        page.url_edit.setText(URL)
        page.connect_lab()
        wait(lambda: not page.busy(), exercises_run)
    except Exception:
        fail(traceback.format_exc())


def exercises_run():
    try:
        from sdi_plugin.core.training import exercises
        from sdi_plugin.core.catalog.query import SearchQuery
        from sdi_plugin.core.catalog.search import search_nodes
        from sdi_plugin.core.loading.loader import load_record
        from sdi_plugin.core.metadata import storage
        from sdi_plugin.core.metadata.generate import generate
        from sdi_plugin.core.nodes.registry import NodeRegistry
        from sdi_plugin.core.validate.engine import validate_path
        from sdi_plugin.core.validate.fix import fix_dataset
        from qgis.core import QgsVectorLayer
        node = NodeRegistry().nodes()[0]
        found = search_nodes(SearchQuery(text="jalan"), [node])                        # discover
        rec = next(r for r in found.records if "Tangerang" in r.title)
        for res in load_record(rec):                                                    # load
            if res.ok:
                QgsProject.instance().addMapLayer(res.layer)
        ds = exercises.training_dataset("latihan_crs_dgn95")
        validate_path(ds["path"], ds["layer"])                                          # validate
        out = os.path.join(OUT, "lab-work", "JALAN_LN_10K.gpkg")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if os.path.exists(out):
            os.remove(out)
        fixed = fix_dataset(QgsVectorLayer(ds["uri"], ds["layer"], "ogr"), out)         # fix
        layer = QgsVectorLayer(fixed.uri, "JALAN_LN_10K (diperbaiki)", "ogr")
        # metadata: generated, then what the generator cannot know filled in (as the participant does)
        from sdi_plugin.core.metadata.defaults import load_defaults
        own = os.path.join(OUT, "lab-work", "node_defaults.json")
        with open(own, "w", encoding="utf-8") as fh:
            json.dump({"node_code": "3671", "node_name": "Simpul Jaringan Kota Tangerang (latihan)",
                       "organisation": "Bappeda Kota Tangerang", "individual": "Budi Santoso",
                       "position": "Analis data spasial", "email": "budi@example.org", "phone": "+62 21 000000",
                       "address": "Jl. Satria Sudirman", "city": "Tangerang", "region": "Banten",
                       "postal_code": "15111", "url": "https://bappeda.tangerangkota.go.id",
                       "topic_category": "transportation"}, fh)
        record = generate(layer, defaults=load_defaults(own))
        storage.save_for_layer(record, layer)                                             # metadata
        QgsProject.instance().addMapLayer(layer)
        from sdi_plugin.core.training import lab
        from sdi_plugin.core.publish import publish_dataset
        node = NodeRegistry().nodes()[0]
        QgsApplication.authManager().setMasterPassword("simpul-lab-shots", True)   # (a person types it once)
        lab.store_publish_login(node, "simpul", os.environ["SIMPUL_LAB_PASSWORD"])   # what the trainer says
        report = publish_dataset(fixed.uri, node.id, workspace=lab.default_workspace(), timeout=60)  # publish
        if report["result"] != "published":
            fail("publish: %s %s" % (report["result"], report["message"]))
        iface.mapCanvas().setExtent(layer.extent())
        iface.mapCanvas().refresh()
    except Exception:
        fail(traceback.format_exc())
    page = dock().latihan
    wait(lambda: not page.tracker.busy() and not page.busy(), shoot_participant)


def shoot_participant():
    QgsApplication.processEvents()
    iface.mainWindow().grab().save(os.path.join(OUT, "lab-peserta.png"))
    page = dock().latihan
    page.trainer.setCollapsed(False)
    page.port.setValue(PORT)
    page.refresh_progress()
    wait(lambda: not page.busy(), shoot_trainer)


def shoot_trainer():
    page = dock().latihan
    page.show_trainer()
    area = page.findChildren(__import__("qgis.PyQt.QtWidgets", fromlist=["QScrollArea"]).QScrollArea)[0]
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    QgsApplication.processEvents()
    QTimer.singleShot(500, lambda: (iface.mainWindow().grab().save(os.path.join(OUT, "lab-pelatih.png")),
                                    shoot_view()))


def shoot_view():
    from qgis.PyQt.QtWebKitWidgets import QWebView
    view = QWebView()
    _keep.append(view)
    view.resize(1280, 560)
    view.loadFinished.connect(lambda ok: QTimer.singleShot(500, lambda: done(view, ok)))
    view.load(QUrl(URL + "/lab"))
    view.show()


def done(view, ok):
    if not ok:
        fail("the trainer view did not load")
    view.grab().save(os.path.join(OUT, "lab-trainer-view.png"))
    os._exit(0)


QTimer.singleShot(2500, start)
'''


def extra_qm(tsv, work):
    """A .qm with the existing Indonesian translations plus those of ``tsv``."""
    tree = ET.parse(os.path.join(ROOT, "i18n", "simpul_id.ts"))
    ctx = tree.getroot().find("context")
    with open(tsv, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = parts[1].replace("\\n", "\n")
            ET.SubElement(msg, "translation").text = parts[2].replace("\\n", "\n")
    ts = os.path.join(work, "simpul_lab_id.ts")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = os.path.join(work, "simpul_lab_id.qm")
    subprocess.run(["lrelease", "-silent", ts, "-qm", qm], check=True)
    return qm


def post(url, participant, step, detail=None):
    body = json.dumps({"participant": participant, "step": step, "detail": detail or {}}).encode("utf-8")
    req = urllib.request.Request(url + "/lab/progress", body, {"Content-Type": "application/json"})
    with NO_PROXY.open(req, timeout=10) as resp:
        assert resp.status == 200


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "shots"))
    ap.add_argument("--tsv", default="")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="simpul-lab-shots-")
    port = free_port()
    lan = _lan_address()
    host, url = ("0.0.0.0", "http://%s:%d" % (lan, port)) if lan else ("127.0.0.1", "http://127.0.0.1:%d" % port)
    node = DemoNode(host=host, port=port, workdir=os.path.join(work, "node"), public_url=url,
                    progress=lambda m: print(m, flush=True))
    node.start()
    try:
        for step in ("discover", "load", "validate", "fix"):
            post(node.local_url, "Siti Rahmawati", step)
        post(node.local_url, "Andi Wijaya", "discover")
        profiles = os.path.join(work, "profiles")
        make_profile(profiles, nodes=[], language="id")
        code = os.path.join(work, "lab_shots_qgis.py")
        with open(code, "w") as fh:
            fh.write(QGIS_CODE)
        os.environ.update(SIMPUL_LAB_URL=node.base_url, SIMPUL_LAB_PORT=str(port), SIMPUL_SHOT_DIR=out,
                          SIMPUL_LAB_PASSWORD=node.publish_password,   # random when bound to 0.0.0.0
                          SIMPUL_EXTRA_QM=extra_qm(args.tsv, work) if args.tsv else "")
        log = os.path.join(out, "lab-shots-qgis.log")
        status = run_qgis(profiles, code, timeout=300, log=log)
        print("QGIS exited with %s; log %s" % (status, log))
        return status
    finally:
        node.stop()


if __name__ == "__main__":
    sys.exit(main())
