"""Every process that starts QGIS ends it cleanly (issue 11, item 3).

Without ``exitQgis()`` C++ exit handlers destroyed QgsCoordinateTransform's static cache after
PROJ's context, and a test process segfaulted at interpreter exit now and then. One helper,
``sdi_plugin/core/runtime/qgis_app.py`` (``start_qgis`` / ``stop_qgis``), starts and ends QGIS in every
script of the repository; these tests hold every script to it and run the typical work of a
Simpul process in a child process many times over, asserting it always exits with 0."""
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELPER = os.path.join("sdi_plugin", "core", "runtime", "qgis_app.py")
THIS = os.path.join("tests", "test_qgis_exit.py")
STARTS = re.compile(r"initQgis|QgsApplication\(")
RUNS = 20


def _scripts():
    for dirpath, dirnames, filenames in os.walk(ROOT):
        rel_dir = os.path.relpath(dirpath, ROOT)
        dirnames[:] = [d for d in dirnames if d not in (".git", "build", "__pycache__", "node_modules")
                       and not (rel_dir == "resources" and d in ("sample_data", "schemas"))]
        for name in filenames:
            if name.endswith((".py", ".sh", ".mk")) or name in ("Makefile",):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as fh:
                    yield os.path.relpath(path, ROOT), fh.read()


def test_every_script_starts_and_ends_qgis_through_the_helper():
    starting, unended = [], []
    seen = 0
    for rel, text in _scripts():
        if rel in (HELPER, THIS):
            continue
        if STARTS.search(text):
            starting.append(rel)      # QGIS started by hand: exitQgis may be missed
        if "start_qgis(" in text:
            seen += 1
            if "with start_qgis(" not in text and "stop_qgis(" not in text:
                unended.append(rel)   # started through the helper, never ended through it
    assert not starting, "start QGIS with sdi_plugin.core.runtime.qgis_app.start_qgis(), not by hand: %s" % starting
    assert not unended, "these start QGIS but never call stop_qgis() / use `with start_qgis()`: %s" % unended
    assert seen >= 10   # conftest, tools, bench, demo and the tests' child scripts all use it


def test_the_static_check_finds_a_script_that_starts_qgis_by_hand(tmp_path):
    text = "from qgis.core import QgsApplication\napp = QgsApplication([], False)\napp.initQgis()\n"
    assert STARTS.search(text)
    assert not STARTS.search("from sdi_plugin.core.runtime.qgis_app import start_qgis\nwith start_qgis():\n    pass\n")


def _run_child(mode, folder, sample_dir):
    os.makedirs(folder, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests", "exit_child.py"), mode, folder, sample_dir],
                          capture_output=True, text=True, env=env, timeout=300)
    return proc.returncode, "WORK-DONE" in proc.stdout, proc.stderr[-1500:]


def test_typical_work_then_exit_never_crashes(tmp_path, sample_data_dir):
    """Open a GeoPackage, transform coordinates, run Processing algorithms, a QgsTask and a call
    on Simpul's worker threads, validate a folder in a FunctionTask, end through stop_qgis(): exit status 0 every time, {RUNS} runs,
    two side by side (as ``make test`` runs next to another run)."""
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda k: _run_child("helper", str(tmp_path / ("run%02d" % k)), sample_data_dir),
                             range(RUNS)))
    bad = [(k, code, err) for k, (code, done, err) in enumerate(runs) if code != 0 or not done]
    assert not bad, "%d of %d runs did not end cleanly: %s" % (len(bad), RUNS, bad[:3])


test_typical_work_then_exit_never_crashes.__doc__ = test_typical_work_then_exit_never_crashes.__doc__.format(RUNS=RUNS)


def test_stop_qgis_ends_running_tasks_and_worker_threads(tmp_path):
    """stop_qgis() cancels a task that would run for ever and waits for it, and waits for
    Simpul's worker threads, before exitQgis(): the child prints what it saw and exits 0."""
    script = tmp_path / "stop.py"
    script.write_text(
        "import sys, threading\n"
        "sys.path.insert(0, %r)\n"
        "from qgis.PyQt.QtCore import QCoreApplication\n"
        "from sdi_plugin.core.network import workers\n"
        "from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis\n"
        "from sdi_plugin.core.runtime.tasks import FunctionTask\n"
        "start_qgis()\n"
        "started, seen = threading.Event(), []\n"
        "def forever(fb):\n"
        "    started.set()\n"
        "    while not fb.isCanceled():\n"
        "        fb.setProgress(1)\n"
        "        threading.Event().wait(0.01)   # polls the feedback, as Simpul's work does\n"
        "    seen.append('canceled')\n"
        "task = FunctionTask('for ever', forever).submit()\n"
        "gate = threading.Event()\n"
        "future = workers.pool('exit-test', 1).submit(lambda: gate.wait(30) and seen.append('worker'))\n"
        "while not started.is_set():\n"
        "    QCoreApplication.processEvents()\n"
        "gate.set()\n"
        "stop_qgis()\n"
        "print('SEEN', sorted(seen))\n" % ROOT)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(["/usr/bin/python3", str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "SEEN ['canceled', 'worker']" in proc.stdout, proc.stdout + proc.stderr[-2000:]


def test_layers_still_held_by_python_do_not_crash_the_exit(tmp_path, sample_data_dir):
    """A script (or a test module) that still holds a layer, its feature source and an iterator
    when QGIS ends: those objects went at interpreter exit, after exitQgis() had closed GDAL, and
    the process segfaulted every time (~QgsVectorLayer -> GDALCloseWrapper in Py_FinalizeEx).
    stop_qgis() deletes them first."""
    gpkg = next(os.path.join(d, f) for d, _s, fs in os.walk(sample_data_dir) for f in sorted(fs)
                if f.endswith(".gpkg"))
    script = tmp_path / "held.py"
    script.write_text(
        "import sys\n"
        "sys.path.insert(0, %r)\n"
        "from qgis.core import QgsVectorLayer\n"
        "from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis\n"
        "start_qgis()\n"
        "LAYER = QgsVectorLayer(%r, 'held', 'ogr')\n"
        "assert LAYER.isValid()\n"
        "SOURCE = LAYER.dataProvider().featureSource()\n"
        "ITERATOR = LAYER.getFeatures()\n"
        "FIRST = next(ITERATOR)\n"
        "stop_qgis()\n"
        "print('ENDED')\n" % (ROOT, gpkg))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(3):
        proc = subprocess.run(["/usr/bin/python3", str(script)], capture_output=True, text=True, env=env,
                              timeout=120)
        assert proc.returncode == 0 and "ENDED" in proc.stdout, (proc.returncode, proc.stderr[-2000:])
