"""Run by tests/test_http_threads.py in a process of its own: worker threads make requests
through core/network/http.py while the GUI thread deletes panels of widgets (a dock's teardown:
deleteLater, then Qt's event loop deletes them, without the GIL) connected to objects made in
Python. Deleting such a widget, Qt holds one of its pooled signal-slot mutexes and asks the
sender's Python wrapper for the GIL (disconnectNotify: sip looks for a Python override); a
worker inside a PyQt call that keeps the GIL (``nam.get``, ``disconnect``) and wants the same
pooled mutex waits for it: both wait for ever. Each panel is deleted the way the dock's
shutdown does it, with core/network/workers.py's gate closed.

    stress_gil_deadlock.py ROUNDS WORKERS HANG_S [nogate]

Prints "finished N" and exits 0; a hang ends the process after HANG_S seconds (exit 1) with
every thread's stack (faulthandler, which needs no GIL). ``nogate`` deletes the panels
without closing the gate — the former behaviour: on QGIS 3.22 it hung within the first 100
rounds (16 workers) in each of three runs, one worker in ``nam.get`` and one in
``reply.finished.disconnect``, the GUI thread in the event loop deleting the panel."""
import contextlib
import faulthandler
import os
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")



from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis  # noqa: E402 - ends QGIS cleanly

app = start_qgis().app

from qgis.PyQt.QtCore import QEventLoop, QTimer  # noqa: E402
from qgis.PyQt.QtWidgets import QLabel, QWidget  # noqa: E402

from httpfixture import ScriptedServer  # noqa: E402
from sdi_plugin.core.network import workers  # noqa: E402
from sdi_plugin.core.network.http import http_get  # noqa: E402

GATED = sys.argv[4:] != ["nogate"]
teardown = workers.teardown if GATED else (lambda widget: contextlib.nullcontext())
ROUNDS, WORKERS = int(sys.argv[1]), int(sys.argv[2])
faulthandler.dump_traceback_later(int(sys.argv[3]) if len(sys.argv) > 3 else 120, exit=True)
server = ScriptedServer()
server.static("/ok", b"<ok/>")
stop = threading.Event()
done = [0]


def work():
    while not stop.is_set():
        http_get(server.url + "/ok", timeout=5)
        done[0] += 1


threads = [threading.Thread(target=work) for _ in range(WORKERS)]
for t in threads:
    t.start()
for r in range(ROUNDS):
    if r % 100 == 0:
        print("round %d requests %d" % (r, done[0]), flush=True)
    # made in Python: sip wrappers, whose first disconnectNotify looks for a Python override
    senders = [QTimer() for _ in range(200)]
    panel = QWidget()
    for k in range(400):
        label = QLabel(panel)
        senders[k % len(senders)].timeout.connect(label.clear)
        label.linkActivated.connect(lambda *_: None)     # a Python slot: PyQt's proxy object
    with teardown(panel):                         # what the dock's shutdown does
        panel.deleteLater()
        loop = QEventLoop()                       # Qt deletes it in the event loop, without the GIL
        QTimer.singleShot(0, loop.quit)
        loop.exec_()
stop.set()
for t in threads:
    t.join()
server.close()
print("finished %d requests %d" % (ROUNDS, done[0]))
stop_qgis()
