"""A real PostgreSQL 15 + PostGIS 3 server on 127.0.0.1, in a temporary folder, for tests.

    server = PgServer(password="Rahasia-123").start()
    server.psql("SELECT postgis_version()")
    server.load_gpkg("/data/x.gpkg", "JALAN_LN_10K")     # ogr2ogr, table name kept as it is
    uri = server.qgis_uri("JALAN_LN_10K")                # what QgsVectorLayer(uri, "", "postgres") opens
    server.stop()

The server refuses to run as root: ``initdb`` and ``pg_ctl`` run as the ``postgres`` user
(``runuser``) on a folder that user owns; it listens on 127.0.0.1 and a socket in that folder
only, with password (md5/scram) login. Needs Debian's ``postgresql-15`` and
``postgresql-15-postgis-3`` (tools/setup.sh installs them).
"""
import os
import shutil
import socket
import subprocess
import tempfile

# the Debian release's PostgreSQL (15 in Debian 12, 17 in Debian 13), the newest when several
PG_VERSION = max((d for d in os.listdir("/usr/lib/postgresql") if d.isdigit()), key=int, default="15") \
    if os.path.isdir("/usr/lib/postgresql") else "15"
PG_BIN = "/usr/lib/postgresql/%s/bin" % PG_VERSION


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def available():
    return os.path.exists(os.path.join(PG_BIN, "initdb")) and os.path.exists(
        "/usr/share/postgresql/%s/extension/postgis.control" % PG_VERSION)


class PgServer:
    def __init__(self, password, user="simpul", dbname="simpul", port=None):
        self.password, self.user, self.dbname = password, user, dbname
        self.port = port or free_port()
        self.root = None
        self.started = False

    # --- life -----------------------------------------------------------------------------------
    def _as_postgres(self, *cmd, **kw):
        return subprocess.run(["runuser", "-u", "postgres", "--"] + list(cmd), capture_output=True, text=True,
                              check=True, timeout=kw.pop("timeout", 120), **kw)

    def start(self):
        self.root = tempfile.mkdtemp(prefix="simpul-pg-")
        shutil.chown(self.root, "postgres", "postgres")
        os.chmod(self.root, 0o700)
        data = os.path.join(self.root, "data")
        pwfile = os.path.join(self.root, "pw")
        with open(pwfile, "w", encoding="utf-8") as fh:
            fh.write(self.password + "\n")
        shutil.chown(pwfile, "postgres", "postgres")
        self._as_postgres(os.path.join(PG_BIN, "initdb"), "-D", data, "-U", self.user, "--pwfile", pwfile,
                          "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        os.remove(pwfile)
        self._as_postgres(os.path.join(PG_BIN, "pg_ctl"), "-D", data, "-l", os.path.join(self.root, "log"), "-w",
                          "-o", "-p %d -k %s -c listen_addresses=127.0.0.1" % (self.port, self.root), "start")
        self.started = True
        self.psql("CREATE DATABASE %s" % self.dbname, dbname="postgres")
        self.psql("CREATE EXTENSION postgis")
        return self

    def stop(self):
        if self.started:
            try:
                self._as_postgres(os.path.join(PG_BIN, "pg_ctl"), "-D", os.path.join(self.root, "data"), "-w",
                                  "-m", "fast", "stop")
            finally:
                self.started = False
        if self.root:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # --- use ------------------------------------------------------------------------------------
    def env(self):
        return dict(os.environ, PGPASSWORD=self.password)

    def psql(self, sql, dbname=None):
        """Run SQL over TCP with the password; returns psql's output (unaligned, tuples only)."""
        proc = subprocess.run([os.path.join(PG_BIN, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user,
                               "-d", dbname or self.dbname, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                              capture_output=True, text=True, env=self.env(), timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr)
        return proc.stdout

    def dsn(self):
        """A libpq/QGIS connection string, password included."""
        return "dbname='%s' host=127.0.0.1 port=%d user='%s' password='%s' sslmode=disable" % (
            self.dbname, self.port, self.user, self.password)

    def add_srid(self, authid):
        """Add an EPSG code PostGIS 3.3 lacks (the SRGI2013 ones) to spatial_ref_sys."""
        from osgeo import osr
        code = int(authid.split(":")[1])
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(code)
        self.psql("INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES "
                  "(%d, 'EPSG', %d, $w$%s$w$, $p$%s$p$) ON CONFLICT (srid) DO NOTHING"
                  % (code, code, srs.ExportToWkt(), srs.ExportToProj4()))

    def load_gpkg(self, path, layer, table=None):
        """Copy a GeoPackage layer into public.<table> (name kept, geometry column ``geom``)."""
        table = table or layer
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + self.dsn(), path, layer, "-nln", table,
                        "-lco", "LAUNDER=NO", "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid"],
                       check=True, capture_output=True, text=True, timeout=120)
        return table

    def qgis_uri(self, table, srid=None, geom="geom", key="fid"):
        srid_part = (" srid=%s" % srid) if srid else ""
        return '%s key=\'%s\'%s table="public"."%s" (%s)' % (self.dsn(), key, srid_part, table, geom)
