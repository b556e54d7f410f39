"""Long-lived worker threads for network calls.

Requests made from short-lived threads (a thread pool made per call and ended after it) were
seen to crash QGIS 3.22 now and then: each thread gets a network manager of its own, and its
end tears Qt objects down while others are still in use (`tests/stress_http_threads.py`:
1 run in 30 segfaulted with per-call pools, none of 30 with these). So every parallel network
call of Simpul runs in one of these pools, whose threads live until the plugin is unloaded.
"""
import threading
from concurrent.futures import ThreadPoolExecutor

_POOLS = {}
_LOCK = threading.Lock()


def pool(name, workers):
    """The shared pool ``name`` (made on first use with ``workers`` threads)."""
    with _LOCK:
        found = _POOLS.get(name)
        if found is None:
            found = _POOLS[name] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="simpul-%s" % name)
        return found


def shutdown(name=None, wait=False):
    """Let the threads of pool ``name`` (every pool when None) go; running calls end at their
    timeout, queued ones are dropped (plugin unload). ``wait``: return only once the threads
    have ended (a process that is about to end QGIS, see ``core/qgis_app.py``)."""
    ended = []
    with _LOCK:
        names = [name] if name else list(_POOLS)
        for key in names:
            found = _POOLS.pop(key, None)
            if found is not None:
                found.shutdown(wait=False, cancel_futures=True)
                if wait:
                    ended.append(found)
    for found in ended:
        found.shutdown(wait=True)
