#!/usr/bin/env python3
"""``make demo``: start the embedded demo node and open QGIS with Simpul in a fresh profile
of its own (the user's own QGIS profile is untouched), the demo node registered and checked.

With a display, QGIS opens for you to use; closing it stops the node. Without a display (or
with --screenshot), QGIS runs under Xvfb and a screenshot of QGIS with the Simpul panel open
is saved to build/demo/.
"""
import argparse
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tools"))

import qgis_desktop  # noqa: E402
from demo.node import DemoNode, NodeError, PortInUse  # noqa: E402
from demo.postgis import CONNECTION_NAME  # noqa: E402

DEMO_NODE_ID = "simpul-demo"
POSTGIS_AUTHCFG = "smplpg0"    # the demo PostGIS login in the profile's auth database


def add_postgis_login(profiles, prof, pg):
    """The demo database's login into the profile's auth database (the only place its password is
    kept besides the node's memory); the saved connection (``pg.connection_settings``) uses it."""
    qgis_desktop.add_authcfgs(profiles, prof, [{
        "node": "postgis", "id": POSTGIS_AUTHCFG, "name": "Simpul Demo PostGIS (%s)" % pg.user,
        "user": pg.user, "password": pg.password}])
    return POSTGIS_AUTHCFG


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "demo"))
    ap.add_argument("--language", default="id", choices=["id", "en"])
    ap.add_argument("--screenshot", action="store_true", help="always run under Xvfb and save a screenshot")
    ap.add_argument("--no-postgis", action="store_true",
                    help="do not keep the sample data in a PostGIS database of the node as well")
    args = ap.parse_args(argv)

    headless = args.screenshot or not os.environ.get("DISPLAY")
    os.makedirs(args.out, exist_ok=True)
    profiles = os.path.join(args.out, "qgis-profile")
    shutil.rmtree(profiles, ignore_errors=True)  # a fresh profile every time
    node = DemoNode(host=args.host, port=args.port, workdir=os.path.join(args.out, "node"),
                    sample_dir=os.path.join(ROOT, "resources", "sample_data"), postgis=not args.no_postgis,
                    progress=lambda message: print(message, flush=True))
    try:
        node.start()
    except PortInUse as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except NodeError as exc:
        print("The demo node could not start: %s" % exc, file=sys.stderr)
        node.stop()
        return 1
    try:
        print("Simpul demo node: %s" % node.base_url)
        pg = node.postgis if node.postgis is not None and node.postgis.running else None
        prof = qgis_desktop.make_profile(profiles, language=args.language, nodes=[{
            "id": DEMO_NODE_ID, "name": "Simpul Demo (latihan)", "url": node.base_url,
            "level": "provinsi", "parent": "", "source": "demo"}],
            node_auth={DEMO_NODE_ID: (node.publish_user, node.publish_password)},   # Publish works at once
            extra_settings=pg.connection_settings(POSTGIS_AUTHCFG) if pg else None)
        if pg:
            add_postgis_login(profiles, prof, pg)
            print("PostGIS: the QGIS Browser shows the connection %r (login: authcfg %s)"
                  % (CONNECTION_NAME, POSTGIS_AUTHCFG))
        elif node.postgis is not None:
            print("PostGIS: not available (%s); the demo runs without it" % node.postgis.reason)
        shot = os.path.join(args.out, "simpul-demo-%s.png" % args.language) if headless else ""
        sample = os.path.join(ROOT, "resources", "sample_data")
        base_map = [[os.path.join(sample, "kalteng", "kalteng.gpkg"), "ADMINISTRASIKABKOTA_AR_250K",
                     "Kab/Kota Kalimantan Tengah"],
                    [os.path.join(sample, "paser", "paser.gpkg"), "ADMINISTRASIKECAMATAN_AR_25K",
                     "Kecamatan Kabupaten Paser"]]
        env = {"SIMPUL_DEMO_NODE": DEMO_NODE_ID, "SIMPUL_SCREENSHOT": shot,
               "SIMPUL_DEMO_BASEMAP": json.dumps(base_map)}   # the demo region on the map, not an empty canvas
        os.environ.update(env)
        log = os.path.join(args.out, "qgis.log")
        print("Opening QGIS with the Simpul panel%s …" % (" under Xvfb" if headless else ""))
        code = qgis_desktop.run_qgis(profiles, os.path.join(ROOT, "tools", "demo_gui.py"),
                                     timeout=300 if headless else None, log=log)
        if headless:
            if code != 0 or not os.path.exists(shot):
                print("QGIS could not take the screenshot (status %s); see %s" % (code, log), file=sys.stderr)
                return 1
            print("Screenshot of QGIS with the Simpul panel: %s" % shot)
        return 0
    finally:
        node.stop()


if __name__ == "__main__":
    sys.exit(main())
