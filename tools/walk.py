#!/usr/bin/env python3
"""The walk of issue 13 in the real QGIS desktop (Xvfb, 1366×768, Indonesian): a raw parcel
shapefile (tests/raw_data.py, ``persil``) → Validate → Fix → Metadata → Publish on the embedded demo node,
through the real widgets, counting the user's actions. Prints ``walk: N actions``.

    /usr/bin/python3 tools/walk.py [--shots docs/img/id] [--port N]

Run by tests/test_walk.py (which asserts N ≤ 15 and follows the published layer from outside)
and by ``make docs`` (the screenshots of each step, for the guide).
"""
import argparse
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import qgis_desktop  # noqa: E402
import raw_data  # noqa: E402  (h13's raw datasets)
from demo.node import DemoNode, free_port  # noqa: E402

SIZE = (1366, 768)
NODE_ID = "simpul-demo"


def run_walk(work, shots="", port=0, lang="id", timeout=900):
    """Start a demo node, a fresh profile, QGIS with tests/desktop/walk.py; returns (result dict, node
    facts {base_url, ows, geoserver_ows}). The node is stopped before returning."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if shots:
        os.makedirs(shots, exist_ok=True)
    os.makedirs(os.path.join(work, "data"))
    raw = raw_data.make_persil(os.path.join(work, "data")).path
    port = port or free_port()
    node = DemoNode(host="127.0.0.1", port=port, workdir=os.path.join(work, "node"),
                    sample_dir=os.path.join(ROOT, "resources", "sample_data"),
                    public_url="http://127.0.0.1:%d" % port)
    node.start()
    try:
        profiles = os.path.join(work, "profile")
        qgis_desktop.make_profile(profiles, language=lang, nodes=[{
            "id": NODE_ID, "name": "Simpul Demo (latihan)", "url": node.base_url, "level": "provinsi",
            "parent": "", "source": "demo"}], extra_settings={"simpul/health/interval_minutes": 0},
            node_auth={NODE_ID: (node.publish_user, node.publish_password)})
        result_path = os.path.join(work, "result.json")
        config = {"raw": raw, "shots": os.path.abspath(shots) if shots else "", "result": result_path,
                  "lang": lang, "size": list(SIZE)}
        config_path = os.path.join(work, "walk.json")
        with open(config_path, "w", encoding="utf-8") as fh:
            json.dump(config, fh)
        env = dict(os.environ, SIMPUL_WALK_CONFIG=config_path)
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("DISPLAY", None)          # always a virtual screen of 1366×768
        secret = os.path.join(profiles, qgis_desktop.MASTER_FILE)
        if os.path.exists(secret):
            env["QGIS_AUTH_PASSWORD_FILE"] = secret
        env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-%d" % os.getuid())
        os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
        saved = os.environ.pop("DISPLAY", None)
        try:
            cmd = qgis_desktop.qgis_command(profiles, os.path.join(ROOT, "tests", "desktop", "walk.py"))
        finally:
            if saved is not None:
                os.environ["DISPLAY"] = saved
        cmd = [c if not c.startswith("-screen 0") else "-screen 0 %dx%dx24" % SIZE for c in cmd]
        log = os.path.join(work, "qgis.log")
        code = qgis_desktop.run_desktop(cmd, env=env, timeout=timeout, log=log)
        if not os.path.exists(result_path):
            with open(log, encoding="utf-8", errors="replace") as fh:
                tail = fh.read()[-3000:]
            raise RuntimeError("QGIS ended (status %s) without a walk result; log:\n%s" % (code, tail))
        with open(result_path, encoding="utf-8") as fh:
            result = json.load(fh)
        facts = {"base_url": node.base_url, "ows": node.ows_url,
                 "geoserver_ows": getattr(node, "geoserver_ows_url", node.base_url + "/geoserver/ows"),
                 "csw": node.csw_url}
        if result.get("error") is None:
            result["error"] = ""
        result["node"] = facts
        result["published_check"] = follow_published(result, facts) if not result["error"] else {}
        with open(os.path.join(work, "walk-result.json"), "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1, ensure_ascii=False, default=str)
        return result
    finally:
        node.stop()


def follow_published(result, facts):
    """Follow the published layer from outside Simpul, as any WFS client would (plain HTTP
    GetFeature, GeoJSON): the features with their FCODE, SRS_ID, METADATA and text."""
    import urllib.request
    from urllib.parse import urlencode
    links = (result.get("data", {}).get("report") or {}).get("links") or {}
    url = links.get("workspace_ows") or links.get("wfs")
    name = links.get("wfs_typename", "")
    if not url or not name:
        return {"error": "the report has no WFS link"}
    query = urlencode({"SERVICE": "WFS", "VERSION": "1.1.0", "REQUEST": "GetFeature", "TYPENAME": name,
                       "OUTPUTFORMAT": "application/vnd.geo+json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url + ("&" if "?" in url else "?") + query, timeout=120) as resp:
        data = json.loads(resp.read().decode("utf-8"))
    props = [f.get("properties") or {} for f in data.get("features", [])]
    return {"url": url, "typename": name, "count": len(props), "properties": props}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shots", default="", help="folder for the screenshots (e.g. docs/img/id)")
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "walk"))
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args(argv)
    result = run_walk(os.path.abspath(args.work), os.path.abspath(args.shots) if args.shots else "", args.port)
    for line in result["log"]:
        print("  " + line)
    for path in result.get("shots", []):
        print("  shot: " + os.path.relpath(path, ROOT))
    if result["error"]:
        print("walk FAILED: %s" % result["error"], file=sys.stderr)
        return 1
    print("walk: %d actions" % result["actions"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
