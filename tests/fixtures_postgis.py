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

The server is started by demo/pgcluster.py (as the demo node's is) and stopped when the session
ends — and also when the test process dies without ending it: a watchdog in its own process group
holds the read end of a pipe whose write end only the test process holds; when that pipe closes
(normal end, crash, SIGKILL) the watchdog stops the server (``pg_ctl stop -m immediate``) and
deletes the data folder.
"""
import os
import subprocess
import tempfile

import pytest

from demo.pgcluster import PG_BIN, PG_VERSION, PgCluster, run_sql

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LATIHAN = os.path.join(ROOT, "resources", "sample_data", "latihan")

__all__ = ["postgis_db", "PostgisServer", "latihan_sources"]
SUPER_PASSWORD = "Rahasia-super-5510"


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


class PostgisServer:
    host = "127.0.0.1"
    dbname = "simpul"
    user, password = "simpul_owner", "Rahasia-pemilik-7391"
    reader, reader_password = "simpul_reader", "Rahasia-pembaca-2048"

    def __init__(self, load=True):
        self.load_latihan = load
        self.workdir = tempfile.mkdtemp(prefix="simpul-pg-")
        os.chmod(self.workdir, 0o755)
        self.cluster = PgCluster(self.workdir, password=SUPER_PASSWORD, remove=self.workdir)
        self.data = self.cluster.data
        self.port = None
        self.datasets = {}
        self._auth = {}

    # -- life ----------------------------------------------------------------------------
    def start(self):
        self.port = self.cluster.start().port
        self._bootstrap()
        return self

    def stop(self):
        self.cluster.stop()     # the server, its watchdog, the work folder

    # -- access --------------------------------------------------------------------------
    def conninfo(self, user=None, password=None, dbname=None):
        user = user or self.user
        if password is None:
            password = self.password if user == self.user else (
                self.reader_password if user == self.reader else SUPER_PASSWORD)
        return "host=%s port=%d dbname=%s user=%s password=%s connect_timeout=10" % (
            self.host, self.port, dbname or self.dbname, user, password)

    def connect(self, user=None, password=None, dbname=None, autocommit=True):
        import psycopg2
        conn = psycopg2.connect(self.conninfo(user, password, dbname))
        conn.autocommit = autocommit
        return conn

    def sql(self, text, args=None, user="postgres", dbname=None):
        return run_sql(self.connect(user, dbname=dbname), text, args)

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
        "PostgreSQL %s is not installed: make setup (apt-get install postgresql-%s-postgis-3)" % (PG_VERSION,
                                                                                                 PG_VERSION)
    srv = PostgisServer()
    try:
        srv.start()
    except BaseException:
        srv.stop()
        raise
    yield srv
    srv.stop()
