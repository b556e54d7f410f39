"""Run by tests/test_http_memory.py (and bench/) in a process of its own: fetch one hostile
answer through core/network/http.py and print, as JSON on the last line, how much this process's
resident memory grew at its peak while doing it.

    memory_child.py get URL MAX_BYTES TIMEOUT KILL_MB
    memory_child.py nodeinfo BASE_URL - TIMEOUT KILL_MB

The peak is the kernel's high-water mark (VmHWM), reset just before the fetch (clear_refs 5)
so QGIS's own start-up does not count. A watchdog ends the process (exit 3, printing what it
saw) once it has grown by KILL_MB, so a run-away fetch never takes the machine's memory."""
import json
import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")




def status(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def main():
    mode, url, max_bytes, timeout, kill_mb = sys.argv[1:6]
    timeout, kill = float(timeout), int(kill_mb) * 1024 * 1024
    from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis  # ends QGIS cleanly
    start_qgis()
    from sdi_plugin.core.network.http import http_get
    from sdi_plugin.core.nodes.nodeinfo import detect_services
    warm = url.split("/", 3)
    http_get("/".join(warm[:3]) + "/warm-up", timeout=5)   # load the network stack first
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")                                     # VmHWM := VmRSS
    base = status("VmRSS")
    out = {"baseline_mb": round(base / 1048576, 1)}

    def watchdog():
        while True:
            grown = status("VmRSS") - base
            if grown > kill:
                out.update(killed=True, peak_growth_mb=round(grown / 1048576, 1))
                print(json.dumps(out), flush=True)
                os._exit(3)
            time.sleep(0.005)   # sampling period of the watchdog, not synchronisation
    threading.Thread(target=watchdog, daemon=True).start()
    start = time.monotonic()
    if mode == "get":
        resp = http_get(url, timeout=timeout, max_bytes=int(max_bytes))
        out.update(too_large=resp.too_large, timed_out=resp.timed_out, error=resp.error,
                   status=resp.status, content_len=len(resp.content))
    else:
        info = detect_services(url, timeout=timeout)
        out.update(probes=len(info.probes), too_large=sum("larger than" in p.message for p in info.probes))
    out["elapsed_s"] = round(time.monotonic() - start, 2)
    out["peak_growth_mb"] = round((status("VmHWM") - base) / 1048576, 1)
    print(json.dumps(out), flush=True)
    stop_qgis()


if __name__ == "__main__":
    main()
