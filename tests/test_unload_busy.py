"""Unloading Simpul while its work runs (issue 11, item 4), in the real QGIS desktop: a
validation of a big GeoPackage, a publish plan against the GeoServer double holding its
request, a search and a node check of a node that never answers. After each unload: no Python
error (sys.excepthook, QGIS's message log), no Simpul task left in the task manager."""
import json
import os
import sys
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import qgis_desktop  # noqa: E402


class SilentServer:
    """Answers nothing: each request line is appended to ``log``, then the connection is held
    until :meth:`close` (a node that never answers)."""

    def __init__(self, log):
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _hold(self):
                with open(log, "a") as fh:
                    fh.write("%s %s\n" % (self.command, self.path))
                outer.release.wait(120)
                self.close_connection = True

            do_GET = do_POST = do_HEAD = _hold

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def _mark_when_fired(fault, mark, stop):
    """The publish mark appears once the double holds a request of the plan."""
    while not stop.is_set():
        if fault.fired:
            open(mark, "w").close()
            return
        stop.wait(0.02)   # polling the double's counter (a test-side watcher, not a sleep)


def test_unload_and_reload_while_work_runs(tmp_path, monkeypatch, gs_double, sample_data_dir):
    from bench_layer import make_parcels
    big = make_parcels(str(tmp_path / "persil.gpkg"), 20000)
    silent = SilentServer(str(tmp_path / "search.log"))
    fault = gs_double.fail("GET", r"^/", "timeout", times=1000)   # every REST read held
    stop = threading.Event()
    mark = str(tmp_path / "publish.mark")
    watcher = threading.Thread(target=_mark_when_fired, args=(fault, mark, stop), daemon=True)
    watcher.start()
    try:
        qgis_desktop.make_profile(str(tmp_path), nodes=[
            {"id": "gs", "name": "GeoServer uji", "url": gs_double.base_url, "level": "provinsi"},
            {"id": "slow", "name": "Simpul lambat", "url": silent.url + "/csw", "level": "kabkota"}],
            language="en", node_auth={"gs": ("admin", "geoserver")})
        layer = "%s|layername=ADMINISTRASIKECAMATAN_AR_10K" % os.path.join(sample_data_dir, "tangerang",
                                                                          "tangerang.gpkg")
        out = tmp_path / "result.json"
        monkeypatch.setenv("SIMPUL_TEST_OUT", str(out))
        monkeypatch.setenv("SIMPUL_BUSY", json.dumps({"big": big, "layer": layer, "publish_mark": mark,
                                                      "search_log": str(tmp_path / "search.log")}))
        try:
            code = qgis_desktop.run_qgis(str(tmp_path), os.path.join(ROOT, "tests", "desktop", "unload_busy.py"),
                                         log=str(tmp_path / "qgis.log"))
        except subprocess.TimeoutExpired:
            code = "killed after its time"
    finally:
        stop.set()
        silent.close()
    assert out.exists(), "QGIS ended (status %s) without a result; log:\n%s" % (
        code, (tmp_path / "qgis.log").read_text()[-3000:])
    result = json.loads(out.read_text())
    assert "error" not in result, result.get("error")
    assert result["errors"] == [], "\n".join(result["errors"])
    assert result.get("done"), ("QGIS did not get through (status %s)" % code, result)
    # each kind of work was really running when the plugin went
    assert result["validate_started"] and "Simpul: validating" in result["validate_running"], result
    assert result["publish_started"] and "Simpul: planning the publish" in result["publish_running"], (
        result, gs_double.requests)
    assert result["search_started"] and any("Simpul" in t for t in result["search_running"]), result
    for step in ("validate", "publish", "search"):
        seen = result[step]
        assert seen["tasks"] == seen["tasks_before"], (step, seen)
    assert result["final_tasks"] == result["baseline"]
