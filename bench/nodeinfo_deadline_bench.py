"""Benchmark of a node check against a node that never answers (prints figures; not a test).

A loopback server accepts every connection and never answers. ``detect_services`` (what
``sdi:nodeinfo`` runs) checks it with TIMEOUT seconds, idle and with the machine loaded by CPU
hogs (2 per core, in child processes), with

  * the deadline: one deadline for the whole check; each request gets the time left, probes
    whose turn comes after it are reported as not checked;
  * the baseline measured in the same run: the former behaviour, each request its own full
    TIMEOUT (``whole_check=False``), so a check takes TIMEOUT per round of probe threads.

Figures: total seconds per check (median and worst of REPEAT), probes started and skipped.
Target: the deadline ends within TIMEOUT + 1 s, idle and loaded.

    /usr/bin/python3 bench/nodeinfo_deadline_bench.py [--timeout 5] [--repeat 3] [--checks 1]

``--checks N`` runs N checks at once (they share the probe threads, as the Discover page's
node checks do).
"""
import argparse
import multiprocessing
import os
import socket
import statistics
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _silent_server():
    """A server on 127.0.0.1 that accepts and reads, and never answers; returns (url, stop)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    held, stop = [], threading.Event()

    def accept():
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            held.append(conn)   # kept open, never answered

    threading.Thread(target=accept, daemon=True).start()

    def close():
        stop.set()
        for conn in held:
            conn.close()
        sock.close()
    return "http://127.0.0.1:%d" % sock.getsockname()[1], close


def _hog(stop):
    while not stop.is_set():
        sum(range(10000))


def run_checks(url, timeout, checks, whole):
    from sdi_plugin.core.nodes.nodeinfo import detect_services
    results = [None] * checks

    def one(k):
        start = time.monotonic()
        info = detect_services(url, timeout=timeout, whole_check=whole)
        results[k] = (time.monotonic() - start, info)

    threads = [threading.Thread(target=one, args=(k,)) for k in range(checks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--checks", type=int, default=1)
    args = parser.parse_args()

    from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis  # ends QGIS cleanly
    start_qgis()
    url, close = _silent_server()
    print("node check of a node that never answers, TIMEOUT=%g s, %d check(s) at once, %d cores"
          % (args.timeout, args.checks, os.cpu_count()))
    print("%-8s %-28s %9s %9s %8s %8s" % ("load", "behaviour", "median s", "worst s", "started", "skipped"))
    rows = []
    for load in ("idle", "loaded"):
        stop = multiprocessing.Event()
        hogs = []
        if load == "loaded":
            hogs = [multiprocessing.Process(target=_hog, args=(stop,)) for _ in range(2 * os.cpu_count())]
            for h in hogs:
                h.start()
        try:
            for whole, name in ((False, "baseline: per-request timeout"), (True, "deadline for the whole check")):
                times, started, skipped = [], 0, 0
                for _ in range(args.repeat):
                    for elapsed, info in run_checks(url, args.timeout, args.checks, whole):
                        times.append(elapsed)
                        started += sum(not p.skipped for p in info.probes)
                        skipped += sum(p.skipped for p in info.probes)
                n = len(times)
                rows.append((load, whole, statistics.median(times), max(times)))
                print("%-8s %-28s %9.2f %9.2f %8.1f %8.1f" % (load, name, statistics.median(times), max(times),
                                                          started / n, skipped / n))
        finally:
            stop.set()
            for h in hogs:
                h.join()
    worst = max(r[3] for r in rows if r[1])
    print("deadline worst %.2f s (target <= %.1f s): %s" % (worst, args.timeout + 1,
                                                             "met" if worst <= args.timeout + 1 else "NOT met"))
    close()
    stop_qgis()


if __name__ == "__main__":
    main()
