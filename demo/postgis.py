"""The demo node's own PostgreSQL + PostGIS (optional): the region's sample data in a database,
so a trainer can show both paths — validating a PostGIS table (the rules run in the database)
and validating the same data as a GeoPackage.

* started by :class:`demo.node.DemoNode` (``postgis=True``; ``python3 -m demo.node`` and
  ``make demo`` do) as the ``postgres`` user (``runuser``) in ``WORKDIR/postgis`` on a free
  127.0.0.1 port, TCP only (no Unix socket), SCRAM passwords;
* a database ``simpul_demo`` owned by the role ``simpul_demo`` whose password is random, made
  anew at every start, kept in this process's memory only: ``make demo`` stores it in the demo
  QGIS profile's auth database (an authcfg) and registers a PostGIS connection that uses it; it is
  never written to a file or a log;
* every published sample dataset loaded with ``ogr2ogr -lco LAUNDER=NO`` into a schema named
  after its region; PostGIS 3.3 lacks the SRGI2013 SRIDs (EPSG:9470–9494), so their
  ``spatial_ref_sys`` rows are added from PROJ's definitions first and the tables keep the EPSG code;
* stopped with the node (``pg_ctl stop -m fast``) — and, when the node process dies without
  stopping it (SIGKILL), by a watchdog in its own session that holds the read end of a pipe only the
  node holds (demo/pgcluster.py, which the tests' servers use too).

When PostgreSQL / PostGIS is not installed, or this process may not run ``runuser`` (not root),
or the server cannot start, :meth:`NodePostgis.start` returns False and :attr:`NodePostgis.reason`
says why: the node runs without it.
"""
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile

from .pgcluster import PG_BIN, PG_VERSION, PgCluster, missing, run_sql

DBNAME = "simpul_demo"
OWNER = "simpul_demo"
CONNECTION_NAME = "Simpul Demo (PostGIS)"
SRGI2013 = range(9470, 9495)   # EPSG:9470 (geographic 2D) … 9494: SRGI2013 and its UTM / TM-3 zones


class NodePostgis:
    """Attributes: ``host``, ``port``, ``dbname``, ``user``, ``password`` (memory only),
    ``tables`` [(schema, table, dataset id)], ``reason`` (why it is not running), ``data`` (the
    cluster's folder), ``log``."""

    host = "127.0.0.1"
    dbname = DBNAME
    user = OWNER

    def __init__(self, workdir, progress=None, log=None):
        self.workdir = workdir
        self.progress = progress or (lambda message: None)
        self.log = log or os.path.join(workdir, "logs", "postgis.log")
        self.port = None
        self.password = None
        self.tables = []
        self.skipped = []
        self.reason = ""
        self.data = None
        self._cluster = None
        self._tmp = ""
        self.running = False

    # --- life ----------------------------------------------------------------------------------
    def available(self):
        """'' when the server can be started here, else why not."""
        why = missing(PG_BIN)
        if why:
            return why
        if not shutil.which("ogr2ogr"):
            return "ogr2ogr (GDAL) is not installed"
        return ""

    def _reachable(self, folder):
        """Whether the postgres user can create files in ``folder`` (every parent must be searchable)."""
        done = subprocess.run(["runuser", "-u", "postgres", "--", "test", "-w", folder, "-a", "-x", folder],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=30)
        return done.returncode == 0

    def start(self, datasets=(), sample_dir=""):
        """Start the server and load ``datasets`` (manifest entries); False (and ``reason``) if not."""
        self.reason = self.available()
        if self.reason:
            return False
        try:
            self._start()
            self._bootstrap()
            self._load(datasets, sample_dir)
            self.running = True
            return True
        except Exception as exc:  # noqa: BLE001 - the node runs on without its database
            self.reason = "PostgreSQL could not start or load the data: %s (see %s)" % (
                self._clean(str(exc)).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__, self.log)
            self.stop()
            return False

    def _clean(self, text):
        for secret in (self.password, self._cluster.password if self._cluster else None):
            if secret:
                text = text.replace(secret, "***")
        return text

    def _write_log(self, text):
        os.makedirs(os.path.dirname(self.log), exist_ok=True)
        with open(self.log, "a", encoding="utf-8") as fh:
            fh.write(self._clean(text))
            if not text.endswith("\n"):
                fh.write("\n")

    def _start(self):
        pg = pwd.getpwnam("postgres")
        base = os.path.join(self.workdir, "postgis")
        shutil.rmtree(base, ignore_errors=True)       # a fresh cluster at every start
        os.makedirs(base)
        os.chmod(base, 0o755)
        os.chown(base, pg.pw_uid, pg.pw_gid)
        if not self._reachable(base):
            # e.g. a work folder under a private (0700) parent: the cluster goes to a temporary folder
            shutil.rmtree(base, ignore_errors=True)
            self._tmp = base = tempfile.mkdtemp(prefix="simpul-demo-pg-")
            os.chmod(base, 0o755)
            os.chown(base, pg.pw_uid, pg.pw_gid)
        self._cluster = PgCluster(base, remove=self._tmp, write_log=self._write_log, pg_bin=PG_BIN)
        self.data = self._cluster.data
        self.password = secrets.token_urlsafe(24)
        self._cluster.start()
        self.port = self._cluster.port
        self.progress("  PostGIS: PostgreSQL %s on %s:%d, work folder %s" % (PG_VERSION, self.host, self.port,
                                                                          self.data))

    def connect(self, user=None, password=None, dbname=None):
        import psycopg2
        superuser = user == "postgres"
        conn = psycopg2.connect(host=self.host, port=self.port, dbname=dbname or self.dbname,
                                user=user or self.user,
                                password=password or (self._cluster.password if superuser else self.password),
                                connect_timeout=10, application_name="simpul-demo-node")
        conn.autocommit = True
        return conn

    def _sql(self, text, args=None, user="postgres", dbname=None):
        return run_sql(self.connect(user, dbname=dbname), text, args)

    def _bootstrap(self):
        from psycopg2 import sql
        self._sql(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(OWNER), sql.Literal(self.password)),
                  dbname="postgres")
        self._sql(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(DBNAME), sql.Identifier(OWNER)),
                  dbname="postgres")
        self._sql("CREATE EXTENSION postgis", dbname=DBNAME)
        self.add_srgi2013()

    def add_srgi2013(self):
        """The SRGI2013 rows PostGIS 3.3 lacks, from PROJ's definitions (EPSG authority, SRID = code)."""
        rows = srgi2013_rows()
        conn = self.connect("postgres", dbname=DBNAME)
        try:
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) "
                                "VALUES (%s, 'EPSG', %s, %s, %s) ON CONFLICT (srid) DO NOTHING", rows)
        finally:
            conn.close()
        return len(rows)

    def _load(self, datasets, sample_dir):
        from psycopg2 import sql
        env = dict(os.environ, PGCLIENTENCODING="UTF8", PGPASSWORD=self.password)
        pg = "PG:host=%s port=%d dbname=%s user=%s" % (self.host, self.port, DBNAME, OWNER)
        for d in datasets:
            path = os.path.join(sample_dir, d["file"])
            schema = d.get("region") or "public"
            self._sql(sql.SQL("CREATE SCHEMA IF NOT EXISTS {} AUTHORIZATION {}").format(
                sql.Identifier(schema), sql.Identifier(OWNER)), dbname=DBNAME)
            table = d.get("layer") or os.path.splitext(os.path.basename(path))[0]
            if any(t[:2] == (schema, table) for t in self.tables):   # the same data in another format
                self._write_log("%s: the same table as an earlier dataset (%s.%s), not loaded twice" % (
                    d["file"], schema, table))
                continue
            cmd = ["ogr2ogr", "-f", "PostgreSQL", pg, path, "-lco", "SCHEMA=%s" % schema, "-lco", "LAUNDER=NO",
                   "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-nln", table, "-overwrite"]
            if d.get("format") == "GPKG" and d.get("layer"):
                cmd.append(d["layer"])
            done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  env=env, timeout=600)
            self._write_log("ogr2ogr %s -> %s.%s: status %d\n%s" % (d["file"], schema, table, done.returncode,
                                                                   done.stdout.decode("utf-8", "replace")))
            if done.returncode != 0:        # the other datasets are still worth showing
                self.skipped.append(d["file"])
                continue
            self.tables.append((schema, table, d.get("id", table)))
        self.progress("  PostGIS: %d sample tables in database %s (schemas %s)%s" % (
            len(self.tables), DBNAME, ", ".join(sorted({t[0] for t in self.tables})) or "-",
            "; not loaded (see %s): %s" % (self.log, ", ".join(self.skipped)) if self.skipped else ""))

    def uri(self, schema, table, authcfg=None):
        """A QGIS data source URI of a loaded table: with ``authcfg`` (no password) or, in this
        process only, with the password (tests)."""
        from qgis.core import QgsDataSourceUri
        uri = QgsDataSourceUri()
        if authcfg:
            uri.setConnection(self.host, str(self.port), self.dbname, "", "", QgsDataSourceUri.SslDisable, authcfg)
        else:
            uri.setConnection(self.host, str(self.port), self.dbname, self.user, self.password)
        uri.setDataSource(schema, table, "geom", "", "fid")
        return uri.uri(False)

    def connection_settings(self, authcfg, name=CONNECTION_NAME):
        """QSettings entries of a saved PostGIS connection (QGIS Browser) that logs in with ``authcfg``."""
        key = "PostgreSQL/connections/%s/" % name
        values = {"host": self.host, "port": str(self.port), "database": self.dbname, "service": "",
                  "username": "", "password": "", "authcfg": authcfg, "saveUsername": False,
                  "savePassword": False, "sslmode": 1, "publicOnly": False, "geometryColumnsOnly": False,
                  "dontResolveType": False, "allowGeometrylessTables": False, "estimatedMetadata": False,
                  "projectsInDatabase": False}
        out = {key + k: v for k, v in values.items()}
        out["PostgreSQL/connections/selected"] = name
        return out

    def describe(self):
        """For node.json: where it runs, never the password."""
        return {"running": self.running, "host": self.host, "port": self.port, "database": self.dbname,
                "user": self.user, "tables": ["%s.%s" % (s, t) for s, t, _ in self.tables], "not_loaded": self.skipped,
                "data": self.data, "reason": self.reason, "log": self.log}

    def stop(self):
        """Stop the server (fast: clients are disconnected) and remove a temporary folder (idempotent)."""
        self.running = False
        if self._cluster is not None:
            self._cluster.stop()
            self._cluster = None
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = ""
        self.password = None


def srgi2013_rows():
    """(srid, auth_srid, WKT, PROJ string) of each SRGI2013 code PROJ knows as a CRS; the codes of the
    range that are no CRS (EPSG:9472 is a transformation) are left out, whether GDAL reports them with
    an error status or, once GDAL's exceptions are on (as in the QGIS 3.40 suite), an exception."""
    from osgeo import gdal, osr
    rows = []
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        for code in SRGI2013:
            sr = osr.SpatialReference()
            try:
                if sr.ImportFromEPSG(code) != 0:
                    continue
            except RuntimeError:
                continue
            rows.append((code, code, sr.ExportToWkt(), sr.ExportToProj4()))
    finally:
        gdal.PopErrorHandler()
    return rows
