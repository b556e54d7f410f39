"""A real PostgreSQL 15 + PostGIS 3.3 (Debian ``postgresql-15-postgis-3``) on 127.0.0.1.

* ``postgis_db`` (session): a server started as the ``postgres`` user in a temporary data folder
  on a free port, password (SCRAM) authentication only, with a database ``simpul`` holding the
  ``postgis`` extension and every latihan dataset loaded by ``ogr2ogr`` — one schema per dataset
  (``geom_valid``, ``topo_overlap`` …, table names kept as they are: ``-lco LAUNDER=NO``).
  Attributes: ``port``, ``host``, ``dbname``, ``user``/``password`` (owner of the data),
  ``reader``/``reader_password`` (a role that may only SELECT), ``datasets`` ({schema: table}),
  ``uri(schema, table, user=…)`` (a QGIS data source URI), ``connect(user=…)`` (psycopg2),
  ``sql(text)`` (run as the owner, returns rows), ``terminate(application_name)`` (drops the
  backends of one client, like a network cut), ``authcfg(user)`` (a QGIS auth DB entry).

The server is stopped when the session ends — and also when the test process dies without
ending it: a watchdog in its own process group holds the read end of a pipe whose write end
only the test process holds; when that pipe closes (normal end, crash, SIGKILL) the watchdog
stops the server (``pg_ctl stop -m immediate``) and deletes the data folder.
"""
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LATIHAN = os.path.join(ROOT, "resources", "sample_data", "latihan")
# the Debian release's PostgreSQL (15 in Debian 12, 17 in Debian 13), the newest when several
PG_VERSION = max((d for d in os.listdir("/usr/lib/postgresql") if d.isdigit()), key=int, default="15") \
    if os.path.isdir("/usr/lib/postgresql") else "15"
PG_BIN = "/usr/lib/postgresql/%s/bin" % PG_VERSION

__all__ = ["postgis_db", "PostgisServer", "latihan_sources"]

# Stops the server once its stdin reaches EOF (the test process closed it, or died).
_WATCHDOG = r"""
import os, shutil, subprocess, sys
sys.stdin.buffer.read()
subprocess.run(["runuser", "-u", "postgres", "--", sys.argv[1] + "/pg_ctl", "stop", "-m", "immediate",
                "-D", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.rmtree(sys.argv[3], ignore_errors=True)
"""


def latihan_sources():
    """(schema, path, layer) for every vector dataset of the latihan folder."""
    out = []
    for name in sorted(os.listdir(LATIHAN)):
        path = os.path.join(LATIHAN, name)
        if name.endswith(".gpkg"):
            out.append((name[:-5], path))
        elif os.path.isdir(path):
            shp = [f for f in sorted(os.listdir(path)) if f.endswith(".shp")]
            if shp:
                out.append((name, os.path.join(path, shp[0])))
    return out


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgisServer:
    host = "127.0.0.1"
    dbname = "simpul"
    user, password = "simpul_owner", "Rahasia-pemilik-7391"
    reader, reader_password = "simpul_reader", "Rahasia-pembaca-2048"

    def __init__(self, load=True):
        self.load_latihan = load
        self.workdir = tempfile.mkdtemp(prefix="simpul-pg-")
        os.chmod(self.workdir, 0o755)
        self.data = os.path.join(self.workdir, "data")
        self.sockdir = os.path.join(self.workdir, "sock")
        self.port = _free_port()
        self.watchdog = None
        self.datasets = {}
        self._auth = {}

    # -- life ----------------------------------------------------------------------------
    def _as_postgres(self, *cmd, **kw):
        return subprocess.run(["runuser", "-u", "postgres", "--"] + list(cmd), check=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120, **kw)

    def start(self):
        pg = pwd.getpwnam("postgres")
        for d in (self.data, self.sockdir):
            os.makedirs(d)
            os.chown(d, pg.pw_uid, pg.pw_gid)
        pwfile = os.path.join(self.workdir, "pw")
        with open(pwfile, "w") as fh:
            fh.write("Rahasia-super-5510\n")
        os.chown(pwfile, pg.pw_uid, pg.pw_gid)
        os.chmod(pwfile, 0o600)
        self._as_postgres(PG_BIN + "/initdb", "-D", self.data, "-U", "postgres", "--pwfile", pwfile,
                          "-A", "scram-sha-256", "-E", "UTF8", "--no-locale")
        os.unlink(pwfile)
        # The watchdog first: from here on, the server dies with this process at the latest.
        self.watchdog = subprocess.Popen([sys.executable, "-c", _WATCHDOG, PG_BIN, self.data, self.workdir],
                                         stdin=subprocess.PIPE, start_new_session=True)
        self._as_postgres(PG_BIN + "/pg_ctl", "start", "-w", "-t", "60", "-D", self.data,
                          "-l", os.path.join(self.data, "server.log"),
                          "-o", "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off "
                                "-c full_page_writes=off -c synchronous_commit=off" % (self.port, self.sockdir))
        self._bootstrap()
        return self

    def stop(self):
        if self.watchdog is not None:
            self.watchdog.stdin.close()
            self.watchdog.wait(timeout=120)
            self.watchdog = None
        shutil.rmtree(self.workdir, ignore_errors=True)

    # -- access --------------------------------------------------------------------------
    def conninfo(self, user=None, password=None, dbname=None):
        user = user or self.user
        if password is None:
            password = self.password if user == self.user else (
                self.reader_password if user == self.reader else "Rahasia-super-5510")
        return "host=%s port=%d dbname=%s user=%s password=%s connect_timeout=10" % (
            self.host, self.port, dbname or self.dbname, user, password)

    def connect(self, user=None, password=None, dbname=None, autocommit=True):
        import psycopg2
        conn = psycopg2.connect(self.conninfo(user, password, dbname))
        conn.autocommit = autocommit
        return conn

    def sql(self, text, args=None, user="postgres", dbname=None):
        conn = self.connect(user, dbname=dbname)
        try:
            with conn.cursor() as cur:
                cur.execute(text, args)
                return cur.fetchall() if cur.description else None
        finally:
            conn.close()

    def terminate(self, application_name):
        """Cut every connection of one client (as a network failure or an admin would)."""
        return self.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE application_name = %s", (application_name,))[0][0]

    def authcfg(self, user=None, password=None):
        """A QGIS auth DB entry (Basic) for ``user``; its id."""
        from qgis.core import QgsApplication, QgsAuthMethodConfig
        user = user or self.user
        password = password or (self.password if user == self.user else self.reader_password)
        key = (user, password)
        if key not in self._auth:
            mgr = QgsApplication.authManager()
            if not mgr.masterPasswordIsSet():
                mgr.setMasterPassword("simpul-uji-master", True)
            cfg = QgsAuthMethodConfig("Basic")
            cfg.setName("pg %s" % user)
            cfg.setConfig("username", user)
            cfg.setConfig("password", password)
            ok = mgr.storeAuthenticationConfig(cfg)
            assert ok[0] if isinstance(ok, tuple) else ok
            self._auth[key] = cfg.id()
        return self._auth[key]

    def uri(self, schema, table, user=None, password=None, authcfg=None, geom="geom", key="fid", type_=""):
        """A QGIS data source URI for a table; credentials in the URI unless ``authcfg``."""
        from qgis.core import QgsDataSourceUri
        uri = QgsDataSourceUri()
        if authcfg:
            uri.setConnection(self.host, str(self.port), self.dbname, "", "", QgsDataSourceUri.SslDisable, authcfg)
        else:
            user = user or self.user
            uri.setConnection(self.host, str(self.port), self.dbname, user,
                              password or (self.password if user == self.user else self.reader_password))
        uri.setDataSource(schema, table, geom or None, "", key or "")
        if type_:
            uri.setWkbType(type_)
        return uri.uri(False)

    def layer(self, schema, table=None, **kw):
        from qgis.core import QgsVectorLayer
        table = table or self.datasets[schema]
        return QgsVectorLayer(self.uri(schema, table, **kw), table, "postgres")

    # -- content -------------------------------------------------------------------------
    def _bootstrap(self):
        self.sql("CREATE ROLE %s LOGIN PASSWORD %%s" % self.user, (self.password,), dbname="postgres")
        self.sql("CREATE ROLE %s LOGIN PASSWORD %%s" % self.reader, (self.reader_password,), dbname="postgres")
        self.sql("CREATE DATABASE %s OWNER %s" % (self.dbname, self.user), dbname="postgres")
        self.sql("CREATE EXTENSION postgis", dbname=self.dbname)
        # ogr2ogr adds a row for a CRS without an EPSG code in PostGIS (SRGI2013: SRID 900914);
        # a node's data loader may do that, the reader may not.
        self.sql("GRANT SELECT, INSERT ON spatial_ref_sys TO %s" % self.user, dbname=self.dbname)
        for schema, path in latihan_sources() if self.load_latihan else ():
            # These Shapefiles hold Windows-1252 bytes (one says UTF-8 in its .cpg, one has none): PostgreSQL
            # takes UTF-8 only, so it is read as what it really is.
            self.load(path, schema, extra=["-oo", "ENCODING=CP1252"] if schema.startswith("encoding_") else [])

    def load(self, path, schema, table=None, extra=()):
        """Load one dataset with ogr2ogr (as the owner); returns the table name."""
        self.sql('CREATE SCHEMA IF NOT EXISTS "%s" AUTHORIZATION %s' % (schema, self.user), dbname=self.dbname)
        pg = "PG:host=%s port=%d dbname=%s user=%s password=%s" % (self.host, self.port, self.dbname,
                                                                  self.user, self.password)
        cmd = ["ogr2ogr", "-f", "PostgreSQL", pg, path, "-lco", "SCHEMA=%s" % schema, "-lco", "LAUNDER=NO",
               "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-preserve_fid", "-overwrite"] + list(extra)
        if table:
            cmd += ["-nln", table]
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300,
                              env=dict(os.environ, PGCLIENTENCODING="UTF8"))
        assert done.returncode == 0, done.stdout.decode("utf-8", "replace").replace(self.password, "***")
        name = table or self.sql("SELECT table_name FROM information_schema.tables WHERE table_schema=%s "
                                 "AND table_type='BASE TABLE' ORDER BY table_name LIMIT 1", (schema,),
                                 dbname=self.dbname)[0][0]
        self.datasets[schema] = name
        self.sql('GRANT USAGE ON SCHEMA "%s" TO %s' % (schema, self.reader), dbname=self.dbname)
        self.sql('GRANT SELECT ON ALL TABLES IN SCHEMA "%s" TO %s' % (schema, self.reader), dbname=self.dbname)
        return name

    def owner_sql(self, text, args=None):
        return self.sql(text, args, user=self.user)


@pytest.fixture(scope="session")
def postgis_db():
    assert os.path.exists(PG_BIN + "/postgres"), \
        "PostgreSQL %s is not installed: make setup (apt-get install postgresql-%s postgresql-%s-postgis-3)" % (
            PG_VERSION, PG_VERSION, PG_VERSION)
    srv = PostgisServer()
    try:
        srv.start()
    except BaseException:
        srv.stop()
        raise
    yield srv
    srv.stop()
