"""Benchmark of federated catalogue search and of the offline cache (prints figures; not a test).

1. Federated search over 30 loopback CSW nodes, each answering every request after 300 ms,
   three of them hanging past the timeout, against the baseline measured in the same run: a
   sequential OWSLib loop over the same nodes, one catalogue after another, the way MetaSearch
   works (``CatalogueServiceWeb(url)`` — GetCapabilities — then ``getrecords2``).
   Figures: time to the first result and to completion; the longest gap between ticks of a
   10 ms QTimer on the main (GUI) thread while Simpul's search runs.
   Targets: first result <= 1 s; complete <= timeout + 1 s; >= 10x faster than sequential;
   main thread never blocked > 50 ms.
2. Offline cache with 100,000 records: text + bbox queries (target <= 100 ms), against a plain
   scan of the same table (LIKE on the stored JSON and the footprint columns) as baseline.

    /usr/bin/python3 bench/search_bench.py [--timeout 2] [--nodes 30] [--hang 3] [--records 100000]

The loopback nodes run in a child process (``--serve``), so their work never competes with
the measured process.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

GMD = "http://www.isotc211.org/2005/gmd"


# --- the loopback nodes (child process) ------------------------------------------------------------
def _capabilities(url):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<csw:Capabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ows="http://www.opengis.net/ows"
 xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" version="2.0.2">
 <ows:ServiceIdentification><ows:Title>Simpul bench node</ows:Title><ows:ServiceType>CSW</ows:ServiceType>
  <ows:ServiceTypeVersion>2.0.2</ows:ServiceTypeVersion></ows:ServiceIdentification>
 <ows:ServiceProvider><ows:ProviderName>Simpul</ows:ProviderName></ows:ServiceProvider>
 <ows:OperationsMetadata>
  <ows:Operation name="GetCapabilities"><ows:DCP><ows:HTTP><ows:Get xlink:href="%(u)s"/><ows:Post xlink:href="%(u)s"/>
  </ows:HTTP></ows:DCP></ows:Operation>
  <ows:Operation name="GetRecords"><ows:DCP><ows:HTTP><ows:Get xlink:href="%(u)s"/><ows:Post xlink:href="%(u)s"/>
  </ows:HTTP></ows:DCP><ows:Parameter name="outputSchema"><ows:Value>http://www.isotc211.org/2005/gmd</ows:Value>
  <ows:Value>http://www.opengis.net/cat/csw/2.0.2</ows:Value></ows:Parameter></ows:Operation>
 </ows:OperationsMetadata>
 <ogc:Filter_Capabilities><ogc:Spatial_Capabilities><ogc:GeometryOperands><ogc:GeometryOperand>gml:Envelope</ogc:GeometryOperand>
 </ogc:GeometryOperands><ogc:SpatialOperators><ogc:SpatialOperator name="BBOX"/></ogc:SpatialOperators>
 </ogc:Spatial_Capabilities><ogc:Scalar_Capabilities><ogc:LogicalOperators/><ogc:ComparisonOperators>
 <ogc:ComparisonOperator>Like</ogc:ComparisonOperator></ogc:ComparisonOperators></ogc:Scalar_Capabilities>
 <ogc:Id_Capabilities><ogc:EID/></ogc:Id_Capabilities></ogc:Filter_Capabilities>
</csw:Capabilities>""" % {"u": url}).encode()


def _records(node, count=10):
    from lxml import etree

    from demo.records import build_record
    results = etree.Element("{http://www.opengis.net/cat/csw/2.0.2}SearchResults", numberOfRecordsMatched="40",
                            numberOfRecordsReturned=str(count), nextRecord=str(count + 1), elementSet="full")
    for i in range(count):
        ds = {"id": "n%02d_r%02d" % (node, i), "metadata_id": "bench-%02d-%02d" % (node, i),
              "title": "Batas Desa %02d Simpul %02d" % (i, node), "kugi_category": "Batas Wilayah",
              "bbox_4326": [100 + i, -5, 101 + i, -4], "date": "2024-01-%02d" % (i + 1), "crs": "EPSG:4326",
              "scale": 25000, "format": "GPKG", "organisation": "Bappeda %d" % node, "keywords": ["batas"]}
        results.append(build_record(ds, "http://127.0.0.1:9"))
    root = etree.Element("{http://www.opengis.net/cat/csw/2.0.2}GetRecordsResponse", version="2.0.2")
    etree.SubElement(root, "{http://www.opengis.net/cat/csw/2.0.2}SearchStatus", timestamp="2026-01-01T00:00:00Z")
    root.append(results)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def serve(nodes, delay, hang):
    servers, ports = [], []
    for i in range(nodes):
        hanging = i % (nodes // hang) == nodes // hang - 1 if hang else False
        state = {"caps": None, "records": _records(i), "hang": hanging}

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            node = state

            def log_message(self, *args):
                pass

            def _answer(self, body):
                if self.node["hang"]:
                    time.sleep(3600)
                    return
                time.sleep(delay)
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self._answer(_capabilities("http://127.0.0.1:%d/csw" % self.server.server_address[1]))

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer(self.node["records"])

        srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        ports.append((srv.server_address[1], hanging))
    print(json.dumps(ports), flush=True)
    sys.stdin.read()   # until the parent closes our stdin


# --- 1. federated search vs. a sequential OWSLib loop ----------------------------------------------------
def sequential_owslib(urls, timeout):
    from owslib.csw import CatalogueServiceWeb
    from owslib.fes import PropertyIsLike
    start = time.monotonic()
    first, last, count, failed = None, None, 0, 0
    for url in urls:
        try:
            csw = CatalogueServiceWeb(url, timeout=timeout)
            csw.getrecords2(constraints=[PropertyIsLike("csw:AnyText", "%batas%")], esn="full", outputschema=GMD,
                            maxrecords=10)
            if csw.records:
                last = time.monotonic() - start
                first = last if first is None else first
            count += len(csw.records)
        except Exception:  # noqa: BLE001 - the timeouts of the hanging nodes
            failed += 1
    return {"first": first, "last": last, "complete": time.monotonic() - start, "records": count, "failed": failed}


def federated(urls, timeout):
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    from sdi_plugin.core.catalog.query import SearchQuery
    from sdi_plugin.core.catalog.search import FederatedSearch
    from sdi_plugin.core.nodes.registry import Node
    nodes = [Node(name="Simpul %02d" % i, url=u.rsplit("/", 1)[0], id="n%02d" % i,
                  services=[{"kind": "CSW", "url": u, "version": "2.0.2", "versions": ["2.0.2"]}])
             for i, u in enumerate(urls)]
    search = FederatedSearch(timeout=timeout)
    state = {"first": None, "last": None, "records": 0, "failed": 0, "last_tick": None, "max_gap": 0.0, "gap_at": 0.0}
    loop = QEventLoop()

    def on_records(_node, records):
        state["records"] += len(records)
        state["last"] = time.monotonic() - start
        if state["first"] is None:
            state["first"] = state["last"]

    def on_node(_node, ok, _message, _total):
        state["failed"] += 0 if ok else 1

    def tick():
        now = time.monotonic()
        if state["last_tick"] is not None and now - state["last_tick"] > state["max_gap"]:
            state["max_gap"], state["gap_at"] = now - state["last_tick"], state["last_tick"] - start
        state["last_tick"] = now

    search.recordsArrived.connect(on_records)
    search.nodeFinished.connect(on_node)
    search.finished.connect(loop.quit)
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    state["last_tick"] = start = time.monotonic()
    search.start(SearchQuery(text="batas", page_size=10), nodes)
    loop.exec_()
    complete = time.monotonic() - start
    tick()
    timer.stop()
    return {"first": state["first"], "last": state["last"], "complete": complete, "records": state["records"],
            "failed": state["failed"],
            "max_gap_ms": state["max_gap"] * 1000, "gap_at": state["gap_at"]}


# --- 2. offline cache ----------------------------------------------------------------------------------
WORDS = ["batas", "desa", "kelurahan", "jalan", "sungai", "bangunan", "kontur", "toponimi", "irigasi", "rawan",
         "banjir", "longsor", "tutupan", "lahan", "hutan", "kawasan", "permukiman", "pola", "ruang", "rencana"]
PLACES = ["Kalimantan Tengah", "Kabupaten Paser", "Kota Tangerang", "Banten", "Jawa Barat", "Kota Palangka Raya",
          "Kabupaten Kapuas", "Kabupaten Katingan", "Kota Balikpapan", "Kabupaten Bogor", "Sulawesi Selatan",
          "Kota Makassar", "Papua", "Kabupaten Jayapura", "Nusa Tenggara Timur", "Kota Kupang"]
THEMES = ["Batas Wilayah", "Transportasi", "Hidrografi", "Hipsografi", "Lingkungan Terbangun", "Kebencanaan"]


def build_cache(path, count, seed=7):
    from sdi_plugin.core.catalog.cache import RecordCache
    from sdi_plugin.core.catalog.model import Link, Record
    rnd = random.Random(seed)
    cache = RecordCache(path)
    start = time.monotonic()
    batch = []
    for i in range(count):
        words = rnd.sample(WORDS, 3)
        place = rnd.choice(PLACES)
        x, y = rnd.uniform(95, 140), rnd.uniform(-11, 5)
        w, h = rnd.uniform(0.05, 2.0), rnd.uniform(0.05, 2.0)
        batch.append(Record(
            identifier="rec-%06d" % i, title="%s %s %s" % (" ".join(words[:2]).title(), place, 2000 + i % 25),
            abstract="Data %s %s skala 1:%d." % (" ".join(words), place, rnd.choice([5000, 25000, 50000])),
            keywords=words, theme=rnd.choice(THEMES), organisation="Bappeda %s" % place,
            date="20%02d-%02d-%02d" % (i % 25, 1 + i % 12, 1 + i % 28), bbox=(x, y, x + w, y + h),
            links=[Link(url="http://h/ows", protocol="OGC:WMS", name="l%d" % i, kind="WMS")],
            node_id="node-%02d" % (i % 40), node_name="Simpul %02d" % (i % 40)))
        if len(batch) == 2000:
            cache.put(batch)
            batch = []
    if batch:
        cache.put(batch)
    return cache, time.monotonic() - start


QUERIES = [("batas desa", (110.7, -3.6, 115.9, 0.8)), ("sungai", (106.5, -6.4, 106.8, -6.0)),
           ("rawan banjir", (95.0, -11.0, 141.0, 6.0)), ("jal", (115.0, -3.0, 117.0, -1.0)),
           ("kawasan hutan kapuas", (112.0, -3.5, 115.0, 0.0))]


def time_cache_queries(cache, repeat=5):
    from sdi_plugin.core.catalog.query import SearchQuery
    rows = []
    for text, bbox in QUERIES:
        q = SearchQuery(text=text, bbox=bbox)
        times, n = [], 0
        for _ in range(repeat):
            t = time.monotonic()
            n = len(cache.search(q, limit=100))
            times.append((time.monotonic() - t) * 1000)
        rows.append((text, bbox, n, statistics.median(times), max(times)))
    return rows


def time_naive_scan(path, repeat=3):
    """Baseline: the same questions by scanning the table (LIKE on the stored JSON, bbox from it)."""
    import sqlite3
    conn = sqlite3.connect(path)
    rows = []
    for text, bbox in QUERIES:
        times, n = [], 0
        for _ in range(repeat):
            t = time.monotonic()
            found = 0
            likes = " AND ".join("json LIKE ?" for _ in text.split())
            words = ["%%%s%%" % w for w in text.split()]
            for (data,) in conn.execute("SELECT json FROM records WHERE %s" % likes, words):
                b = json.loads(data).get("bbox")
                if b and b[2] >= bbox[0] and b[0] <= bbox[2] and b[3] >= bbox[1] and b[1] <= bbox[3]:
                    found += 1
                    if found >= 100:
                        break
            n = found
            times.append((time.monotonic() - t) * 1000)
        rows.append((text, n, statistics.median(times)))
    conn.close()
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--nodes", type=int, default=30)
    ap.add_argument("--delay", type=float, default=0.3)
    ap.add_argument("--hang", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=2.0)
    ap.add_argument("--records", type=int, default=100000)
    ap.add_argument("--skip-sequential", action="store_true")
    args = ap.parse_args(argv)
    if args.serve:
        serve(args.nodes, args.delay, args.hang)
        return 0

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sdi_plugin.core.runtime.qgis_app import start_qgis
    with start_qgis():
        return _measure(args)


def _measure(args):
    child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve", "--nodes", str(args.nodes),
                              "--delay", str(args.delay), "--hang", str(args.hang)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env=dict(os.environ, PYTHONPATH=ROOT))
    try:
        ports = json.loads(child.stdout.readline())
        urls = ["http://127.0.0.1:%d/csw" % p for p, _h in ports]
        print("Federated search: %d loopback CSW nodes answering after %.0f ms, %d hanging; timeout %g s"
              % (args.nodes, args.delay * 1000, sum(h for _p, h in ports), args.timeout))
        cold = federated(urls, args.timeout)
        warm = federated(urls, args.timeout)
        seq = None if args.skip_sequential else sequential_owslib(urls, args.timeout)
    finally:
        child.stdin.close()
        child.kill()
        child.wait()

    def line(name, r):
        gap = " | main thread longest gap %5.1f ms (at %.2f s)" % (r["max_gap_ms"], r["gap_at"]) \
            if "max_gap_ms" in r else ""
        print("  %-34s first result %5.2f s | last result %5.2f s | complete %5.2f s | %3d records, %d nodes "
              "failed%s" % (name, r["first"] or float("nan"), r["last"] or float("nan"), r["complete"], r["records"],
                            r["failed"], gap))
    line("Simpul FederatedSearch (cold)", cold)
    line("Simpul FederatedSearch (warm)", warm)
    if seq:
        line("sequential OWSLib (MetaSearch way)", seq)
        print("  speed-up to complete: %.1fx (cold), %.1fx (warm); to the last result: %.1fx; to the first: %.1fx"
              % (seq["complete"] / cold["complete"], seq["complete"] / warm["complete"],
                 (seq["last"] or 0) / (warm["last"] or 1), (seq["first"] or 0) / (warm["first"] or 1)))
    print("  targets: first <= 1 s, complete <= %.1f s, >= 10x, gap <= 50 ms" % (args.timeout + 1))

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cache.sqlite")
        cache, build_s = build_cache(path, args.records)
        size = os.path.getsize(path) / 1048576
        print("\nOffline cache: %d records stored in %.1f s (%.0f records/s), file %.0f MB"
              % (cache.count(), build_s, args.records / build_s, size))
        naive = {t: (n, ms) for t, n, ms in time_naive_scan(path)}
        for text, bbox, n, med, worst in time_cache_queries(cache):
            print("  text %-22r + bbox %-28s %3d hits: median %6.1f ms, worst %6.1f ms | plain scan %7.1f ms"
                  % (text, "(%g, %g, %g, %g)" % bbox, n, med, worst, naive[text][1]))
        print("  target: text + bbox <= 100 ms")
        cache.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
