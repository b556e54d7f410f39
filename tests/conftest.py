"""Test set-up: one real QgsApplication (offscreen), Processing with QGIS's native
algorithms and Simpul's provider, and the fixtures that start real servers."""
import os
import sys

import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QGIS settings and data of the tests live in a throw-away place, never the user's own.
_SANDBOX = tempfile.mkdtemp(prefix="simpul-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ.setdefault("XDG_RUNTIME_DIR", os.path.join(_SANDBOX, "runtime"))
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for p in (ROOT, os.path.join(ROOT, "tests"), "/usr/share/qgis/python/plugins"):
    if p not in sys.path:
        sys.path.insert(0, p)

import pytest  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402

_APP = None


def _start_qgis():
    global _APP
    if _APP is None:
        from sdi_plugin.core.runtime.qgis_app import start_qgis
        _APP = start_qgis(gui=True, processing=True).app
    return _APP


_start_qgis()


def pytest_unconfigure(config):
    """The session's end ends QGIS cleanly (tasks, worker threads, deferred deletes, then
    exitQgis()): without it the process segfaulted at exit now and then."""
    from sdi_plugin.core.runtime.qgis_app import stop_qgis
    stop_qgis()


@pytest.fixture(scope="session")
def qgis_app():
    return _APP


@pytest.fixture(scope="session")
def sdi_provider(qgis_app):
    """Simpul's Processing provider, registered once for the session."""
    from sdi_plugin.processing.provider import SimpulProvider
    reg = QgsApplication.processingRegistry()
    prov = reg.providerById("sdi")
    if prov is None:
        prov = SimpulProvider()
        reg.addProvider(prov)
    return prov


# Fixtures that start real servers live in tests/fixtures_*.py (one module per kind of
# server); pytest loads every one of them as a plugin.
pytest_plugins = sorted(os.path.splitext(name)[0] for name in os.listdir(os.path.join(ROOT, "tests"))
                        if name.startswith("fixtures_") and name.endswith(".py"))


@pytest.fixture
def scripted_server():
    """A scripted HTTP server on 127.0.0.1 (see tests/httpfixture.py)."""
    from httpfixture import ScriptedServer
    srv = ScriptedServer()
    yield srv
    srv.close()
