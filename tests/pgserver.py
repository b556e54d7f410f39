"""A real PostgreSQL 15 + PostGIS 3 server on 127.0.0.1, in a temporary folder, for tests.

    server = PgServer(password="Rahasia-123").start()
    server.psql("SELECT postgis_version()")
    server.load_gpkg("/data/x.gpkg", "JALAN_LN_10K")     # ogr2ogr, table name kept as it is
    uri = server.qgis_uri("JALAN_LN_10K")                # what QgsVectorLayer(uri, "", "postgres") opens
    server.stop()

The cluster is started by demo/pgcluster.py (as the demo node's and tests/fixtures_postgis.py's
are): ``initdb`` and ``pg_ctl`` run as the ``postgres`` user, the server listens on 127.0.0.1 only,
with SCRAM password login; ``user`` is its superuser. Needs Debian's ``postgresql-<version>`` and
``postgresql-<version>-postgis-3`` (tools/setup.sh installs them).
"""
import os
import subprocess
import tempfile

from demo.pgcluster import PG_BIN, PgCluster


class PgServer:
    def __init__(self, password, user="simpul", dbname="simpul"):
        self.password, self.user, self.dbname = password, user, dbname
        self.cluster = None
        self.started = False

    @property
    def port(self):
        return self.cluster.port if self.cluster else None

    # --- life -----------------------------------------------------------------------------------
    def start(self):
        root = tempfile.mkdtemp(prefix="simpul-pg-")
        os.chmod(root, 0o755)
        self.cluster = PgCluster(root, superuser=self.user, password=self.password, remove=root).start()
        self.started = True
        self.psql("CREATE DATABASE %s" % self.dbname, dbname="postgres")
        self.psql("CREATE EXTENSION postgis")
        return self

    def stop(self):
        if self.cluster is not None:
            self.cluster.stop()
            self.cluster = None
        self.started = False

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
