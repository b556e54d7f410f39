"""The demo node keeps its region's data in PostGIS too (demo/postgis.py): a real PostgreSQL 15 +
PostGIS 3.3 started by the node, read through QGIS's postgres provider, validated in the database
through sdi:validatedataset; stopped with the node, and by its watchdog when the node is killed;
the node runs on without it when PostgreSQL cannot be started."""
import json
import os
import signal
import subprocess
import sys

import pytest

from fixtures_node import ROOT, start_demo_node
from demo import postgis as node_postgis
from qtwait import wait_for


def _postgres_processes(data):
    """pids of the processes whose command line names the cluster folder ``data``."""
    out = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if "postgres" in cmd and data in cmd and "pytest" not in cmd:
            out.append(int(pid))
    return out


@pytest.fixture(scope="module")
def pg_node(tmp_path_factory, sample_data_dir):
    messages = []
    node = start_demo_node(str(tmp_path_factory.mktemp("demo-pg")), sample_data_dir, postgis=True,
                           progress=messages.append)
    node.messages = messages
    try:
        yield node
    finally:
        node.stop()


def _authcfg(pg):
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    mgr = QgsApplication.authManager()
    if not mgr.masterPasswordIsSet():
        mgr.setMasterPassword("simpul-uji-master", True)
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setName("demo pg")
    cfg.setConfig("username", pg.user)
    cfg.setConfig("password", pg.password)
    ok = mgr.storeAuthenticationConfig(cfg)
    assert ok[0] if isinstance(ok, tuple) else ok
    return cfg.id()


def test_the_node_keeps_its_sample_data_in_postgis(qgis_app, pg_node):
    from qgis.core import QgsVectorLayer
    pg = pg_node.postgis
    assert pg is not None and pg.running, pg_node.messages
    assert pg.skipped == []
    loaded = {t[2] for t in pg.tables}
    # every published dataset, once per table (a Shapefile copy of a GeoPackage layer is the same table)
    tables = {(d["region"], d["layer"]) for d in pg_node.datasets}
    assert {(s, t) for s, t, _ in pg.tables} == tables and loaded
    authcfg = _authcfg(pg)
    persil = QgsVectorLayer(pg.uri("tangerang", "PERSIL_AR_1K", authcfg=authcfg), "persil", "postgres")
    assert persil.isValid()
    assert persil.featureCount() > 0 and persil.crs().authid() == "EPSG:9488"   # SRGI2013 under its EPSG SRID
    gpkg = next(d for d in pg_node.datasets if d["layer"] == "PERSIL_AR_1K" and d["format"] == "GPKG")
    assert persil.featureCount() == gpkg["feature_count"]
    # node.json tells where it runs, never the password
    state = open(pg_node.state_file, encoding="utf-8").read()
    assert json.loads(state)["postgis"]["port"] == pg.port
    assert pg.password not in state
    for path in pg_node.logs.values():
        if os.path.exists(path):
            assert pg.password not in open(path, encoding="utf-8", errors="replace").read(), path
    assert not any(pg.password in m for m in pg_node.messages)


def test_validate_through_processing_runs_in_the_database(qgis_app, sdi_provider, pg_node, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback
    pg = pg_node.postgis
    uri = pg.uri("tangerang", "PERSIL_AR_1K", authcfg=_authcfg(pg))
    out = tmp_path / "persil.json"
    processing.run("sdi:validatedataset", {"INPUT": "postgres://" + uri, "OUTPUT_JSON": str(out)},
                   feedback=QgsProcessingFeedback())
    report = json.loads(out.read_text(encoding="utf-8"))
    dataset = report["dataset"] if "dataset" in report else report["datasets"][0]
    assert dataset["engine"] == "postgis", report.get("notes")
    assert pg.password not in out.read_text(encoding="utf-8")


def test_the_browser_connection_of_the_demo_profile(qgis_app, pg_node):
    """The saved connection ``make demo`` writes into the demo profile lists the sample tables."""
    from qgis.core import QgsProviderRegistry, QgsSettings
    pg = pg_node.postgis
    settings = QgsSettings()
    name = node_postgis.CONNECTION_NAME
    entries = pg.connection_settings(_authcfg(pg), name)
    for key, value in entries.items():
        settings.setValue(key, value)
    try:
        assert not any(pg.password in str(v) for v in entries.values())
        conn = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection(name, False)
        assert conn is not None
        names = {t.tableName() for t in conn.tables("tangerang")}
        assert "PERSIL_AR_1K" in names
    finally:
        settings.remove("PostgreSQL/connections/%s" % name)
        settings.remove("PostgreSQL/connections/selected")


def test_stop_leaves_no_postgres_process(tmp_path, sample_data_dir):
    node = start_demo_node(str(tmp_path / "node"), sample_data_dir, postgis=True)
    try:
        data = node.postgis.data
        assert node.postgis.running and _postgres_processes(data)
    finally:
        node.stop()
    assert _postgres_processes(data) == []
    assert not node.postgis.running


_KILLED = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from demo.postgis import NodePostgis
pg = NodePostgis(sys.argv[2])
assert pg.start(), pg.reason
print(json.dumps({"data": pg.data, "port": pg.port}), flush=True)
sys.stdin.read()
"""


def test_the_watchdog_stops_postgres_when_the_node_process_is_killed(qgis_app, tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", _KILLED, ROOT, str(tmp_path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(proc.stdout.readline())
        assert _postgres_processes(info["data"])
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        # the watchdog sees its pipe close and stops the server
        pidfile = os.path.join(info["data"], "postmaster.pid")
        assert wait_for(lambda: not _postgres_processes(info["data"]), 60000)
        assert not os.path.exists(pidfile)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_without_postgresql_the_node_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(node_postgis, "PG_BIN", str(tmp_path / "no-postgresql"))
    pg = node_postgis.NodePostgis(str(tmp_path))
    assert pg.start() is False
    assert "PostgreSQL %s is not installed" % node_postgis.PG_VERSION in pg.reason
    assert not pg.running and pg.password is None


_PROFILE_CHILD = r"""
import json, os, sys
from qgis.PyQt.QtCore import QCoreApplication, QSettings
from qgis.core import QgsApplication, QgsProviderRegistry, QgsSettings
prof, master, name = sys.argv[1:4]
# the settings file QGIS desktop reads for this profile (qgis --profiles-path …): PROFILE/QGIS/QGIS3.ini
QCoreApplication.setOrganizationName("QGIS")
QCoreApplication.setApplicationName("QGIS3")
QSettings.setDefaultFormat(QSettings.IniFormat)
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, prof)
sys.path.insert(0, 'ROOT_PLACEHOLDER')
from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis
start_qgis(profile=prof)
assert os.path.samefile(QgsSettings().fileName(), os.path.join(prof, "QGIS", "QGIS3.ini")), QgsSettings().fileName()
assert QgsApplication.authManager().setMasterPassword(master, True)
conn = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection(name, False)
tables = sorted(t.tableName() for t in conn.tables("tangerang")) if conn else None
print("TABLES " + json.dumps(tables), flush=True)
stop_qgis()
"""


def test_make_demo_profile_shows_the_database_with_the_login_in_the_auth_db(pg_node, tmp_path):
    """What ``make demo`` does (tools/run_demo.py): the saved connection in the profile, its
    password in the profile's auth database only; a QGIS of that profile lists the tables."""
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import qgis_desktop
    import run_demo
    pg = pg_node.postgis
    profiles = str(tmp_path / "profiles")
    prof = qgis_desktop.make_profile(profiles, extra_settings=pg.connection_settings(run_demo.POSTGIS_AUTHCFG))
    run_demo.add_postgis_login(profiles, prof, pg)
    for folder, _dirs, files in os.walk(profiles):
        for name in files:
            with open(os.path.join(folder, name), "rb") as fh:
                assert pg.password.encode() not in fh.read(), name
    done = subprocess.run(["/usr/bin/python3", "-c", _PROFILE_CHILD.replace("ROOT_PLACEHOLDER", ROOT), prof.rstrip("/") + "/", qgis_desktop.DEMO_MASTER,
                           node_postgis.CONNECTION_NAME], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("TABLES ")]
    assert line, done.stderr[-2000:]
    tables = json.loads(line[-1][len("TABLES "):])
    assert tables and "PERSIL_AR_1K" in tables
    assert pg.password not in done.stdout + done.stderr


_SRGI_CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from osgeo import gdal, osr
gdal.UseExceptions()
osr.UseExceptions()      # as something in the QGIS 3.40 suite turns them on
from demo.postgis import srgi2013_rows
print("ROWS " + json.dumps([r[0] for r in srgi2013_rows()]))
"""


def test_the_srgi2013_rows_skip_codes_that_are_no_crs_also_with_gdal_exceptions_on():
    """EPSG:9472 (DGN95 -> SRGI2013) is a transformation: with GDAL's exceptions on, reading it raised
    and the demo node ran without PostGIS on QGIS 3.40."""
    proc = subprocess.run(["/usr/bin/python3", "-c", _SRGI_CHILD, ROOT], capture_output=True, text=True, timeout=120)
    found = [line for line in proc.stdout.splitlines() if line.startswith("ROWS ")]
    assert proc.returncode == 0 and found, proc.stderr[-2000:]
    codes = json.loads(found[-1][5:])
    assert 9472 not in codes and {9470, 9488, 9490} <= set(codes)
