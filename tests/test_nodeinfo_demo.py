"""sdi:nodeinfo against the real demo node (pycsw + QGIS Server behind one gateway),
in-process and through qgis_process as a user would run it."""
import json
import os
import subprocess

from sdi_plugin.core.nodes.nodeinfo import detect_services

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_detects_the_demo_node_services(demo_node):
    info = detect_services(demo_node.base_url, timeout=10)
    kinds = {s.kind: s for s in info.services}
    assert {"CSW", "WMS", "WFS", "OGC API Features"} <= set(kinds)
    assert kinds["CSW"].url == demo_node.csw_url
    assert {"2.0.2", "3.0.0"} <= set(kinds["CSW"].versions)
    assert kinds["WMS"].url == demo_node.ows_url and kinds["WMS"].version == "1.3.0"
    assert kinds["WFS"].url == demo_node.ows_url
    assert kinds["OGC API Features"].url == demo_node.oapif_url
    assert info.reachable and info.latency_ms >= 0


def test_qgis_process_nodeinfo_reports_csw_wms_wfs(demo_node, tmp_path):
    out = tmp_path / "node.json"
    proc = subprocess.run([os.path.join(ROOT, "tools", "qgis_process"), "--json", "run", "sdi:nodeinfo", "--",
                           "URL=%s" % demo_node.base_url, "OUTPUT=%s" % out],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads(proc.stdout[proc.stdout.index("{"):])
    results = doc["results"]
    kinds = results["KINDS"].split(",")
    assert {"CSW", "WMS", "WFS"} <= set(kinds)
    assert results["SERVICE_COUNT"] == len(kinds)
    report = json.loads(out.read_text())
    assert report["url"] == demo_node.base_url.rstrip("/")
    by_kind = {s["kind"]: s for s in report["services"]}
    assert by_kind["CSW"]["url"] == demo_node.csw_url
    assert by_kind["WMS"]["url"] == demo_node.ows_url
    assert json.loads(results["SERVICES"]) == report["services"]
