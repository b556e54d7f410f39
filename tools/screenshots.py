#!/usr/bin/env python3
"""The user guide's screenshots, from the real QGIS desktop with Simpul (under Xvfb).

    /usr/bin/python3 tools/screenshots.py --lang id --out docs/img/id
    /usr/bin/python3 tools/screenshots.py --lang en --out docs/img/en [--only 01,02,03]

Starts the embedded demo node (and a second one on another port, added in the guide as a node
"by address"), makes a fresh QGIS profile with Simpul under build/screenshots/<lang>/ (the
user's own profile is never touched), and runs tools/screenshots_gui.py inside QGIS, which
drives the panel step by step and saves one PNG per step (1366×768, the QGIS main window).
Stops the nodes when QGIS asks (the "network off" step) and starts them again after it.
Prints the PNGs written; exits non-zero with the failing step and its reason otherwise.
"""
import argparse
import json
import os
import shutil
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tools"))

import qgis_desktop  # noqa: E402
from demo.node import DemoNode, NodeError, PortInUse  # noqa: E402

SIZE = (1366, 768)
MAX_PNG_BYTES = 300 * 1024
LATIHAN = os.path.join(ROOT, "resources", "sample_data", "latihan")
SAMPLE = os.path.join(ROOT, "resources", "sample_data")

# What each language set shows: the nodes (names as a Bappeda would type them), the search.
NODES = {
    "id": [dict(id="simpul-demo", name="Simpul Demo (latihan)", level="provinsi", parent=""),
           dict(name="Geoportal Kabupaten Paser (latihan)", level="kabupaten", parent="Kalimantan Timur")],
    "en": [dict(id="simpul-demo", name="Simpul Demo (training)", level="provinsi", parent=""),
           dict(name="Paser Regency Geoportal (training)", level="kabupaten", parent="Kalimantan Timur")],
}


def quantise(path):
    """Shrink a PNG over MAX_PNG_BYTES to 256 colours (Pillow, which Debian's QGIS brings along)."""
    if os.path.getsize(path) <= MAX_PNG_BYTES:
        return
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def run_gui(profiles, config_path, control, nodes, log, timeout):
    """Run QGIS with the driver script; answer its requests to stop/start the nodes."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["SIMPUL_SHOTS_CONFIG"] = config_path
    secret = os.path.join(profiles, qgis_desktop.MASTER_FILE)
    if os.path.exists(secret):   # the profile's auth database opens without a prompt
        env["QGIS_AUTH_PASSWORD_FILE"] = secret
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-%d" % os.getuid())
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    saved = os.environ.pop("DISPLAY", None)   # always a virtual screen of the guide's size
    try:
        cmd = qgis_desktop.qgis_command(profiles, os.path.join(ROOT, "tools", "screenshots_gui.py"))
    finally:
        if saved is not None:
            os.environ["DISPLAY"] = saved
    env.pop("DISPLAY", None)
    cmd = [c if not c.startswith("-screen 0") else "-screen 0 %dx%dx24" % SIZE for c in cmd]
    deadline = time.time() + timeout
    driver_log = os.path.join(control, "driver.log")
    seen = 0
    with open(log, "w") as out:
        proc = qgis_desktop.start_desktop(cmd, env=env, out=out)
        try:
            while proc.poll() is None:
                if time.time() > deadline:
                    raise TimeoutError("QGIS did not finish within %d s" % timeout)
                for name in ("stop-nodes", "start-nodes"):
                    req = os.path.join(control, name + ".request")
                    if os.path.exists(req):
                        os.remove(req)
                        for node in nodes:
                            node.stop() if name == "stop-nodes" else node.start()
                        print("  (%s)" % name, flush=True)
                        open(os.path.join(control, name + ".done"), "w").close()
                if os.path.exists(driver_log):
                    with open(driver_log, encoding="utf-8") as fh:
                        lines = fh.read().splitlines()
                    for line in lines[seen:]:
                        print("  " + line, flush=True)
                    seen = len(lines)
                time.sleep(0.1)   # polling a child process and request files, not synchronising on time
            return proc.returncode
        finally:
            if proc.poll() is None:
                qgis_desktop.end_group(proc)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="id", choices=["id", "en"])
    ap.add_argument("--out", default=None, help="folder for the PNGs (default docs/img/<lang>)")
    ap.add_argument("--port", type=int, default=8785, help="first demo node's port (the second uses port+1)")
    ap.add_argument("--only", default="", help="comma-separated step numbers, e.g. 01,02")
    ap.add_argument("--timeout", type=int, default=600)
    args = ap.parse_args(argv)

    out = os.path.abspath(args.out or os.path.join(ROOT, "docs", "img", args.lang))
    work = os.path.join(ROOT, "build", "screenshots", args.lang)
    shutil.rmtree(work, ignore_errors=True)
    control = os.path.join(work, "control")
    os.makedirs(control)
    os.makedirs(out, exist_ok=True)
    specs = NODES[args.lang]
    nodes = []
    for i, _spec in enumerate(specs):
        port = args.port + i
        nodes.append(DemoNode(host="127.0.0.1", port=port, workdir=os.path.join(work, "node%d" % (i + 1)),
                              sample_dir=SAMPLE, public_url="http://127.0.0.1:%d" % port))
    try:
        for node in nodes:
            node.start()
    except PortInUse as exc:
        print("screenshots: %s (use --port)" % exc, file=sys.stderr)
        return 2
    except NodeError as exc:
        print("screenshots: the demo node could not start: %s" % exc, file=sys.stderr)
        for node in nodes:
            node.stop()
        return 1
    try:
        first = dict(specs[0], url=nodes[0].base_url, source="demo")
        qgis_desktop.make_profile(os.path.join(work, "profile"), language=args.lang, nodes=[first],
                                  extra_settings={"simpul/health/interval_minutes": 0},
                                  # the node's publishing login, in the profile's auth database (as make demo does)
                                  node_auth={first["id"]: (nodes[0].publish_user, nodes[0].publish_password)})
        config = {
            "lang": args.lang, "out": out, "control": control, "root": ROOT, "size": list(SIZE),
            "dock_width": 570,
            "only": [s.strip() for s in args.only.split(",") if s.strip()],
            "nodes": [dict(specs[0], url=nodes[0].base_url), dict(specs[1], url=nodes[1].base_url)],
            # Kalimantan (Kalimantan Tengah and Paser): the map extent the search uses
            "search_extent": [108.5, -4.6, 118.8, 1.6],
            "search_text": "",
            "base_map": [[os.path.join(SAMPLE, "kalteng", "kalteng.gpkg"), "ADMINISTRASIKABKOTA_AR_250K",
                          "ADMINISTRASIKABKOTA_AR_250K"],
                         [os.path.join(SAMPLE, "paser", "paser.gpkg"), "ADMINISTRASIKECAMATAN_AR_25K",
                          "ADMINISTRASIKECAMATAN_AR_25K"]],
            "layers_width": 250,
            "record_title": "Penutup Lahan Kabupaten Paser",
            "validate_path": os.path.join(LATIHAN, "topo_overlap.gpkg"), "validate_layer": "PERSIL_AR_1K",
            "validate_title": "PERSIL_AR_1K (topo_overlap)",
            "publish_path": os.path.join(SAMPLE, "paser", "paser.gpkg"), "publish_layer": "SUNGAI_LN_25K",
            "publish_title": "SUNGAI_LN_25K",
        }
        config_path = os.path.join(control, "config.json")
        with open(config_path, "w", encoding="utf-8") as fh:
            json.dump(config, fh, indent=1, ensure_ascii=False)
        for old in os.listdir(out):
            if old.endswith(".png") and old[:2].isdigit():
                os.remove(os.path.join(out, old))
        log = os.path.join(work, "qgis.log")
        print("screenshots (%s): QGIS under Xvfb, log %s" % (args.lang, log), flush=True)
        try:
            code = run_gui(os.path.join(work, "profile"), config_path, control, nodes, log, args.timeout)
        except TimeoutError as exc:
            print("screenshots: %s; see %s" % (exc, log), file=sys.stderr)
            return 1
    finally:
        for node in nodes:
            node.stop()
    result_path = os.path.join(control, "result.json")
    if not os.path.exists(result_path):
        print("screenshots: QGIS ended (status %s) before the driver reported; see %s" % (code, log), file=sys.stderr)
        return 1
    result = json.load(open(result_path, encoding="utf-8"))
    for note in result.get("notes", []):
        print("note: " + note)
    for path in result["shots"]:
        quantise(path)
        print("%s  (%d KB)" % (os.path.relpath(path, ROOT), os.path.getsize(path) // 1024))
    if result.get("error") or code != 0:
        print("screenshots: FAILED at %s (QGIS status %s); see %s" % (result.get("error") or "?", code, log),
              file=sys.stderr)
        return 1
    print("screenshots (%s): %d PNG(s) written to %s" % (args.lang, len(result["shots"]), out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
