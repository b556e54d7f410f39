"""Regression: QGIS's network stack used from many worker threads at once must not abort the
process. The stress runs in a child process (an abort there cannot take the test run down) and
must end normally with every request answered."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QGIS_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def test_parallel_probes_from_several_tasks_do_not_crash():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([QGIS_PYTHON, os.path.join(HERE, "stress_http_threads.py"), "3", "15"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, (proc.returncode, proc.stdout[-1000:], proc.stderr[-3000:])
    finished = proc.stdout.strip().splitlines()[-1].split()
    assert finished[:4] == ["finished", "3", "errors", "0"], proc.stdout
    assert int(finished[5]) > 3 * 15 * 20   # every round probed every path (dozens per round)


def test_no_worker_enters_a_qt_call_while_the_gui_thread_deletes_a_panel(scripted_server, qgis_app):
    """The gate of core/network/workers.py: once a panel's teardown began (the dock's shutdown), a
    worker's request waits at the gate — no Qt call, nothing sent — until the panel is deleted."""
    from qgis.PyQt.QtWidgets import QLabel, QWidget
    from qtwait import wait_for
    from sdi_plugin.core.network import workers
    from sdi_plugin.core.network.http import http_get
    scripted_server.static("/ok", b"<ok/>")
    panel = QWidget()
    QLabel("Simpul", panel)
    workers.quiet_until_deleted(panel)
    assert workers.GATE.is_closed()
    done = []   # a long-lived worker thread, as Simpul's own (core/network/workers.py)
    worker = workers.pool("test-gate", 1).submit(lambda: done.append(http_get(scripted_server.url + "/ok", timeout=10)))
    try:
        assert wait_for(lambda: workers.GATE.waiting == 1)
        assert scripted_server.hits == [] and not done
        panel.deleteLater()
        assert wait_for(lambda: not workers.GATE.is_closed())   # deleted, then opened at the next turn
        assert wait_for(lambda: bool(done))
        assert done[0].ok and scripted_server.hits == ["/ok"]
    finally:
        workers.GATE.open()
        worker.result(30)


def test_a_worker_waiting_for_an_answer_is_outside_the_gate(scripted_server, qgis_app):
    """Waiting in Qt's event loop releases the GIL: a worker waiting for a slow server must not
    hold up the GUI thread's teardown (closing the gate returns at once, not after 5 s)."""
    from qtwait import wait_for
    from sdi_plugin.core.network import workers
    from sdi_plugin.core.network.http import http_get

    def slow(req):   # no answer until the test releases it, then one: the worker ends at once (a route
        scripted_server.release.wait(60)   # that never answers had it wait out its own 30 s)
        req.send_simple(200, b"<ok/>")
    scripted_server.routes["/slow"] = slow
    worker = workers.pool("test-gate", 1).submit(http_get, scripted_server.url + "/slow", timeout=30)
    try:
        assert wait_for(lambda: scripted_server.hits == ["/slow"])
        assert workers.GATE.close(hold_s=1, wait_s=5) is True
    finally:
        workers.GATE.open()
        scripted_server.release.set()
        worker.result(60)


def test_deleting_panels_while_workers_make_requests_never_deadlocks():
    """The GIL / signal-slot mutex deadlock (issue 16): without the gate the stress hangs in
    its first rounds (``stress_gil_deadlock.py 300 16 120 nogate``); with it, every round ends.
    A hang is ended by faulthandler from C (exit 1), so this test cannot hang itself."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([QGIS_PYTHON, os.path.join(HERE, "stress_gil_deadlock.py"), "300", "16", "120"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, (proc.returncode, proc.stdout[-1000:], proc.stderr[-4000:])
    assert proc.stdout.strip().splitlines()[-1].startswith("finished 300 requests"), proc.stdout
