"""Long-lived worker threads for network calls, and the gate between them and the GUI thread's
deleting widgets.

Requests made from short-lived threads (a thread pool made per call and ended after it) were
seen to crash QGIS 3.22 now and then: each thread gets a network manager of its own, and its
end tears Qt objects down while others are still in use (`tests/stress_http_threads.py`:
1 run in 30 segfaulted with per-call pools, none of 30 with these). So every parallel network
call of Simpul runs in one of these pools, whose threads live until the plugin is unloaded.

**The gate (a lock-order inversion between the GIL and Qt's signal-slot mutexes).** Qt guards
connections with a pool of 131 mutexes shared by all objects (picked by address). Deleting a
widget, Qt holds the widget's pooled mutex and calls ``disconnectNotify`` on every object whose
signals reach it; for an object made in Python that is a PyQt method, which takes the GIL to
look for a Python override. Meanwhile a worker thread inside a PyQt call that keeps the GIL —
``QgsNetworkAccessManager.get()`` does (PyQt releases the GIL only for calls marked so), and
QGIS's ``createRequest`` then connects the new reply's signals, taking pooled mutexes — waits
for a mutex the GUI thread holds, while the GUI thread waits for the GIL the worker holds. Both
wait for ever (seen on QGIS 3.40: ``tests/test_dock.py`` hung deleting the dock while a worker
was in ``nam.get``; it is not specific to 3.40, only rare). So a worker thread's Qt calls in
``core/network/http.py`` run inside :data:`GATE` sections (the waits in Qt's event loop, which release
the GIL, are outside them), and the GUI thread closes the gate before it deletes a panel full
of widgets (:func:`quiet_until_deleted`, called by the dock's ``shutdown``): it waits until no
worker is inside a section, and no worker enters one until the panel is gone.
"""
import threading
import time
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
    have ended (a process that is about to end QGIS, see ``core/runtime/qgis_app.py``)."""
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


class Gate:
    """Worker threads' Qt sections on one side, the GUI thread's deleting widgets on the other.
    The main (GUI) thread never waits at its own gate."""

    def __init__(self):
        self._cond = threading.Condition(threading.Lock())
        self._inside = 0          # worker threads inside a section now
        self.waiting = 0          # worker threads waiting at the closed gate
        self._until = 0.0         # closed until then (monotonic), at the latest

    @staticmethod
    def _exempt():
        return threading.current_thread() is threading.main_thread()

    def enter(self):
        if self._exempt():
            return
        with self._cond:
            self.waiting += 1
            while self._until > time.monotonic():
                self._cond.wait(self._until - time.monotonic())
            self.waiting -= 1
            self._inside += 1

    def leave(self):
        if self._exempt():
            return
        with self._cond:
            self._inside -= 1
            self._cond.notify_all()

    def __enter__(self):
        self.enter()
        return self

    def __exit__(self, *exc):
        self.leave()

    def close(self, hold_s=10.0, wait_s=5.0):
        """Close the gate (for ``hold_s`` seconds at most) and wait, ``wait_s`` seconds at most,
        until no worker is inside a section; True when none is."""
        with self._cond:
            now = time.monotonic()
            self._until = max(self._until, now + hold_s)
            end = now + wait_s
            while self._inside and time.monotonic() < end:
                self._cond.wait(end - time.monotonic())
            return self._inside == 0

    def open(self, *_args):
        with self._cond:
            self._until = 0.0
            self._cond.notify_all()

    def is_closed(self):
        return self._until > time.monotonic()


GATE = Gate()


def quiet_until_deleted(obj, hold_s=10.0):
    """GUI thread, before ``obj`` (a dock, a panel) and its children are deleted: no worker
    thread is inside a Qt call from now until the deletion is over (the gate opens at the next
    turn of the event loop after ``obj`` is destroyed, or after ``hold_s`` seconds)."""
    from qgis.PyQt.QtCore import QTimer
    GATE.close(hold_s)
    obj.destroyed.connect(lambda *_: QTimer.singleShot(0, GATE.open))


class teardown:
    """``with teardown(widget): widget.deleteLater(); <run the event loop>`` — the gate is closed
    while the widget is deleted, and open again afterwards."""

    def __init__(self, widget):
        self.widget = widget

    def __enter__(self):
        GATE.close()
        return self.widget

    def __exit__(self, *exc):
        GATE.open()
