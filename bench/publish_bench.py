#!/usr/bin/env python3
"""Benchmark of publishing a large GeoPackage (figures, not a test).

    /usr/bin/python3 bench/publish_bench.py [--size-mb 1024] [--runs 3] [--link-mbit 1000] [--keep DIR]

Makes a GeoPackage of ``--size-mb`` quickly: one small KUGI feature table (the tangerang roads
of the sample data, copied with GDAL) plus a non-spatial table of 1 MB zero blobs written
by SQLite with journalling off (``zeroblob``), so the file is a real GeoPackage of that size
in a few seconds. Then, in the same run and against the same loopback endpoint — the
GeoServer REST test double (``tests/geoserver_double.py``) in a child process of its own,
taking ``PUT …/datastores/{store}/file.gpkg`` and writing the body to disk:

* the baseline: ``curl -T file -u admin:geoserver`` to the upload URL;
* Simpul: a whole publish (``publish_dataset`` to the double: plan, upload, feature type,
  style, layer; no gate, no checks afterwards) in this process, whose resident memory (VmRSS)
  is sampled every 10 ms by a thread — peak minus the value just before the publish.

Runs alternate (curl, Simpul, curl, Simpul, …); medians are reported. Targets (issue 6):
memory growth <= 100 MB; Simpul's throughput >= 80 % of curl's. With ``--link-mbit N`` the
same is measured a second time with the endpoint reading no faster than N Mbit/s, as over a
real network link (loopback has no such limit).
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))
SAMPLE = os.path.join(ROOT, "resources", "sample_data", "tangerang", "tangerang.gpkg")


# --- the endpoint (child process) -------------------------------------------------------------------
def serve(link_mbit=0):
    from geoserver_double import GeoServerDouble
    double = GeoServerDouble()
    if link_mbit:
        _pace(double, link_mbit * 1e6 / 8)
    double.add_workspace("bench")
    print(double.base_url, flush=True)
    sys.stdin.read()   # until the parent closes our stdin
    double.close()


def _pace(double, rate):
    """Read request bodies no faster than ``rate`` bytes/s, like a real network link would."""
    original = double.read_body

    def paced(h, to_file=False):
        rfile = h.rfile
        start, seen = time.monotonic(), [0]

        class Slow:
            def read(self, n):
                chunk = rfile.read(min(n, 256 * 1024))
                seen[0] += len(chunk)
                ahead = seen[0] / rate - (time.monotonic() - start)
                if ahead > 0:
                    time.sleep(ahead)
                return chunk
        h.rfile = Slow()
        try:
            return original(h, to_file)
        finally:
            h.rfile = rfile
    double.read_body = paced


# --- the data ----------------------------------------------------------------------------------------
def make_gpkg(path, size_mb):
    from osgeo import gdal
    gdal.UseExceptions()
    gdal.VectorTranslate(path, SAMPLE, layers=["JALAN_LN_10K"], format="GPKG")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("CREATE TABLE padding (id INTEGER PRIMARY KEY, data BLOB)")
    have = os.path.getsize(path)
    blobs = max(0, int((size_mb * 1048576 - have) / 1048576))
    conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                 "INSERT INTO padding (data) SELECT zeroblob(1048576) FROM n", (blobs,))
    conn.commit()
    conn.close()
    return os.path.getsize(path)


# --- measuring ---------------------------------------------------------------------------------------
def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


class Sampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak = rss_mb()
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(0.01):
            self.peak = max(self.peak, rss_mb())


def curl_once(url, path):
    start = time.monotonic()
    proc = subprocess.run(["curl", "-sS", "-f", "-o", "/dev/null", "-u", "admin:geoserver", "-H",
                           "Content-Type: application/octet-stream", "-T", path, url], capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit("curl failed: %s" % proc.stderr)
    return elapsed


def simpul_once(base, rest, path, auth, n):
    from sdi_plugin.core.publish import publish_dataset
    from sdi_plugin.core.publish.model import Endpoints
    ep = Endpoints(base_url=base, geoserver_rest=rest)
    before = rss_mb()
    sampler = Sampler()
    sampler.start()
    start = time.monotonic()
    report = publish_dataset(path, authcfg=auth, endpoints=ep, workspace="bench", layer_name="run%d" % n,
                             gate=False, verify=False, log_folder="", timeout=120)
    elapsed = time.monotonic() - start
    sampler.stop.set()
    sampler.join()
    if report["result"] != "published":
        raise SystemExit("publish failed: %s" % report["message"])
    return elapsed, sampler.peak - before, before, sampler.peak


def measure(path, size, auth, runs, link_mbit):
    """Alternate curl and Simpul ``runs`` times against a fresh endpoint; returns the figures."""
    child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve", str(link_mbit)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    base = child.stdout.readline().strip()
    rest = base + "/geoserver/rest"
    label = "link %d Mbit/s" % link_mbit if link_mbit else "loopback, unpaced"
    curl, simpul, growth = [], [], []
    try:
        for n in range(runs):
            url = "%s/workspaces/bench/datastores/curl%d/file.gpkg?configure=none" % (rest, n)
            curl.append(curl_once(url, path))
            elapsed, grew, before, peak = simpul_once(base, rest, path, auth, n)
            simpul.append(elapsed)
            growth.append(grew)
            print("[%s] run %d: curl %.2f s (%.0f MB/s) | Simpul publish %.2f s (%.0f MB/s), RSS %.0f -> %.0f MB "
                  "(+%.1f MB)" % (label, n + 1, curl[-1], size / 1048576.0 / curl[-1], elapsed,
                                  size / 1048576.0 / elapsed, before, peak, grew), flush=True)
    finally:
        child.stdin.close()
        child.wait(timeout=30)
    c, s = statistics.median(curl), statistics.median(simpul)
    print("[%s] memory growth %.1f MB (target <= 100): %s; throughput %.0f%% of curl (target >= 80%%): %s" % (
        label, max(growth), "met" if max(growth) <= 100 else "NOT met", 100 * c / s,
        "met" if c / s >= 0.8 else "NOT met"), flush=True)
    return {"endpoint": label, "size_mb": round(size / 1048576.0, 1), "runs": runs,
            "curl_s": round(c, 2), "curl_mb_s": round(size / 1048576.0 / c, 1),
            "simpul_s": round(s, 2), "simpul_mb_s": round(size / 1048576.0 / s, 1),
            "throughput_vs_curl": round(c / s, 3), "rss_growth_mb_max": round(max(growth), 1),
            "targets": {"rss_growth_mb": 100, "throughput_vs_curl": 0.8}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", default="", help="folder for the generated GeoPackage (kept)")
    ap.add_argument("--link-mbit", type=int, default=0,
                    help="also pace the endpoint's reading to this many Mbit/s (a real network link)")
    ap.add_argument("--serve", type=int, default=-1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve >= 0:
        return serve(args.serve)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = args.keep or tempfile.mkdtemp(prefix="simpul-publish-bench-")
    os.makedirs(work, exist_ok=True)
    sandbox = tempfile.mkdtemp(prefix="simpul-bench-auth-")
    os.environ["QGIS_AUTH_DB_DIR_PATH"] = sandbox   # a throw-away auth database, never the user's own
    from sdi_plugin.core.runtime.qgis_app import start_qgis
    with start_qgis():
        return _measure(args, work, sandbox)


def _measure(args, work, sandbox):
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    am = QgsApplication.authManager()
    am.setMasterPassword("bench", True)
    cfg = QgsAuthMethodConfig()
    cfg.setName("bench")
    cfg.setMethod("Basic")
    cfg.setConfig("username", "admin")
    cfg.setConfig("password", "geoserver")
    am.storeAuthenticationConfig(cfg)

    path = os.path.join(work, "JALAN_LN_10K.gpkg")
    t0 = time.monotonic()
    size = make_gpkg(path, args.size_mb)
    made = time.monotonic() - t0
    print("GeoPackage: %.0f MB (%d bytes) made in %.1f s" % (size / 1048576.0, size, made), flush=True)

    results = [measure(path, size, cfg.id(), args.runs, 0)]
    if args.link_mbit:
        results.append(measure(path, size, cfg.id(), args.runs, args.link_mbit))
    print(json.dumps(results, indent=1))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(sandbox, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
