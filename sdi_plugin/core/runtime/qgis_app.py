"""Start and end QGIS in a process of our own (tests, tools, bench, demo, child scripts).

A process that calls ``initQgis()`` must end with ``exitQgis()``: otherwise C++ exit handlers
destroy QGIS's static caches (QgsCoordinateTransform's among them) after PROJ's context is
gone, and the interpreter segfaults at exit now and then (``tests/test_qgis_exit.py``).
Before ``exitQgis()`` the work still going on has to end: QgsTasks, Simpul's worker threads,
objects waiting for deferred deletion. :func:`stop_qgis` does all of it, in that order, and
:func:`start_qgis` is the one way Simpul's scripts start QGIS::

    with start_qgis():
        ...            # QGIS is up; it is shut down cleanly on the way out

Inside the QGIS desktop (the plugin) none of this is used: QGIS starts and ends itself.
"""
import contextlib
import gc
import time
from ..log import swallowed

_APP = None


def app():
    """The QgsApplication started by :func:`start_qgis` (None when there is none)."""
    return _APP


def start_qgis(gui=False, profile=None, processing=False, prefix="/usr"):
    """Start QGIS (once per process) and return a context manager whose exit calls
    :func:`stop_qgis`. Used without ``with``, it leaves QGIS running: then the caller must
    call :func:`stop_qgis` itself (the test session does, at its end).

    ``gui``: a QApplication with widgets (needs a display or QT_QPA_PLATFORM=offscreen);
    ``profile``: QGIS's settings directory; ``processing``: also initialise Processing with
    QGIS's native algorithms."""
    global _APP
    from qgis.core import QgsApplication
    if _APP is None:
        if profile:
            _profile_env(profile)
        QgsApplication.setPrefixPath(prefix, True)
        args = ([], bool(gui), profile) if profile else ([], bool(gui))
        _APP = QgsApplication(*args)
        _APP.initQgis()
    if processing:
        _start_processing()
    return _Running(_APP)


def _profile_env(profile):
    """QGIS 3.22 takes the profile folder given to QgsApplication; QGIS 3.40 ignores it and uses
    ``~/.local/share/profiles/default`` (so an auth config stored "in the profile" went elsewhere
    and the desktop on that profile did not find it). The environment QGIS reads on every release
    says the same: the auth database's folder (QGIS_AUTH_DB_DIR_PATH) and, for a profile laid out
    as QGIS's own (``ROOT/profiles/NAME``), its root (QGIS_CUSTOM_CONFIG_PATH)."""
    import os
    path = os.path.abspath(profile)
    os.environ["QGIS_AUTH_DB_DIR_PATH"] = path
    parent = os.path.dirname(path)
    if os.path.basename(parent) == "profiles":
        os.environ["QGIS_CUSTOM_CONFIG_PATH"] = os.path.dirname(parent)


def _start_processing():
    import sys
    from qgis.core import QgsApplication
    plugins = QgsApplication.pkgDataPath() + "/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)   # QGIS's own Processing plugin
    from processing.core.Processing import Processing
    Processing.initialize()
    from qgis.analysis import QgsNativeAlgorithms
    reg = QgsApplication.processingRegistry()
    if not reg.providerById("native"):
        reg.addProvider(QgsNativeAlgorithms())


class _Running(contextlib.AbstractContextManager):
    def __init__(self, qgs_app):
        self.app = qgs_app

    def __enter__(self):
        return self.app

    def __exit__(self, *exc):
        stop_qgis()
        return False


def stop_qgis(timeout=60.0):
    """End QGIS cleanly: cancel the tasks of the task manager and wait for them (up to
    ``timeout`` seconds in all), let Simpul's worker threads finish, process deferred
    deletions, then ``exitQgis()``. Safe to call more than once, and when QGIS was never
    started."""
    global _APP
    if _APP is None:
        return
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    end = time.monotonic() + timeout
    manager = QgsApplication.taskManager()
    for task in manager.tasks():
        task.cancel()
    for task in manager.tasks():
        task.waitForFinished(max(1, int((end - time.monotonic()) * 1000)))
    # the manager learns of ended tasks through queued signals: let them arrive
    while manager.count() and time.monotonic() < end:
        QCoreApplication.processEvents()
    from ..network import workers
    workers.shutdown(wait=True)
    try:
        from qgis.core import QgsProject
        QgsProject.instance().clear()
    except Exception:  # noqa: BLE001 - the project may be half gone already; exit anyway
        swallowed("the project may be half gone already; exit anyway")
    gc.collect()
    _delete_python_owned_data_objects()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _APP.exitQgis()
    _APP = None


def _delete_python_owned_data_objects():
    """Delete now the layers, feature sources and iterators that Python still holds (a script's
    or a test module's variables): their providers close GDAL datasets and database connections
    when they go, which after ``exitQgis()`` — when Python drops them at interpreter exit — would
    be a segfault (seen: ``QgsOgrProviderUtils::GDALCloseWrapper`` from ``~QgsVectorLayer`` in
    ``Py_FinalizeEx``). Objects owned by C++ (a project's layers) are left to their owner."""
    from qgis.core import QgsAbstractFeatureSource, QgsFeatureIterator, QgsMapLayer
    from qgis.PyQt import sip
    kinds = (QgsFeatureIterator, QgsAbstractFeatureSource, QgsMapLayer)   # iterators before their sources
    for kind in kinds:
        for obj in [o for o in gc.get_objects() if isinstance(o, kind)]:
            try:
                if not sip.isdeleted(obj) and sip.ispyowned(obj):
                    sip.delete(obj)
            except (RuntimeError, TypeError):
                pass   # already gone, or not a wrapper sip can delete

