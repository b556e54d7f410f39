"""Writing a fixed dataset to a NEW PostGIS table with the EPSG code as its SRID.

    write_table(fixed_layer_uri, "Palapa Banten", "kugi", "PERSIL_AR_1K", add_srs=False)

PostGIS 3.3's ``spatial_ref_sys`` has no SRGI2013 rows (EPSG:9470–9494), so tools invent an
SRID (ogr2ogr: 900914).  Simpul writes the table with SRID = the EPSG code; when the row is
missing it adds it (from PROJ's definition) only if the user asked (``add_srs``), else it
stops with a message saying so.  It never writes into a table it did not create: an existing
table is refused, and a table it created is dropped again when writing it fails.
"""
from qgis.core import QgsCoordinateReferenceSystem, QgsDataSourceUri, QgsVectorLayer

from ...compat import CrsWktVariant
from ..i18n import tr
from ..log import swallowed
from .postgis_connection import DatabaseError, PgSource, connection_message
from .postgis_sources import connection
from .sources import InputError


class _UriSource(PgSource):
    def __init__(self, uri_text):     # noqa: D107 - a PgSource from a connection's URI (no layer)
        uri = QgsDataSourceUri(uri_text)
        self.uri, self.schema, self.table, self.geom, self.key = uri, uri.schema(), uri.table(), "", ""
        self.subset, self.wkb_filter = "", 0
        self.user, self.password, self.authcfg = uri.username(), uri.password(), uri.authConfigId()
        if self.authcfg:
            from qgis.core import QgsApplication, QgsAuthMethodConfig
            cfg = QgsAuthMethodConfig()
            if QgsApplication.authManager().loadAuthenticationConfig(self.authcfg, cfg, True):
                self.user = cfg.config("username") or self.user
                self.password = cfg.config("password") or self.password


def epsg_code(crs):
    authid = crs.authid() if crs and crs.isValid() else ""
    if not authid.upper().startswith("EPSG:"):
        from .crs_identify import identify
        authid, _ = identify(crs)
    return int(authid.split(":")[1]) if authid.upper().startswith("EPSG:") else 0


def write_table(layer_uri, conn_name_or_uri, schema, table, add_srs=False, feedback=None):
    """Copy the (fixed) OGR layer ``layer_uri`` into ``schema.table``; returns (uri, notes)."""
    import psycopg2
    from osgeo import gdal
    layer = QgsVectorLayer(layer_uri, table, "ogr")
    if not layer.isValid():
        raise InputError(tr("The fixed dataset {path} could not be read.").format(path=layer_uri))
    code = epsg_code(layer.crs())
    if not code:
        raise InputError(tr("The fixed dataset has no EPSG reference system to use as the SRID."))
    conn_obj = connection(conn_name_or_uri)
    src = _UriSource(conn_obj.uri())
    schema, table = (schema or "").strip(), (table or "").strip()
    if not schema or not table:
        raise InputError(tr("Give the schema and the name of the new table."))
    kw = src.connect_kwargs()
    kw["application_name"] = "Simpul fix"
    try:
        db = psycopg2.connect(**kw)
    except psycopg2.Error as exc:
        raise DatabaseError(connection_message(src, exc)) from None
    notes, created = [], False
    try:
        db.autocommit = True
        with db.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,))
            if cur.fetchone() is None:
                raise InputError(tr("The database has no schema called {schema}.").format(schema=schema))
            quoted = '"%s"."%s"' % (schema.replace('"', '""'), table.replace('"', '""'))
            cur.execute("SELECT to_regclass(%s)", (quoted,))
            if cur.fetchone()[0] is not None:
                raise InputError(tr("{schema}.{table} already exists; Simpul writes the fixed dataset only to a new "
                                    "table. Choose another name.").format(schema=schema, table=table))
            cur.execute("SELECT 1 FROM spatial_ref_sys WHERE srid = %s", (code,))
            if cur.fetchone() is None:
                if not add_srs:
                    raise InputError(tr("The database's spatial_ref_sys has no row for EPSG:{code}, so a table with "
                                        "SRID {code} cannot be written. Tick 'Add the missing spatial_ref_sys rows' "
                                        "(ADD_SPATIAL_REF_SYS) or ask the database administrator to add it.").format(
                        code=code))
                crs = QgsCoordinateReferenceSystem("EPSG:%d" % code)
                try:
                    cur.execute("INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) "
                                "VALUES (%s, 'EPSG', %s, %s, %s)",
                                (code, code, crs.toWkt(CrsWktVariant.Wkt1Gdal), crs.toProj()))
                except psycopg2.errors.InsufficientPrivilege:
                    raise InputError(tr("The database user may not add rows to spatial_ref_sys (EPSG:{code} is "
                                        "missing); ask the database administrator to add it.").format(
                        code=code)) from None
                notes.append(tr("Added EPSG:{code} ({name}) to spatial_ref_sys.").format(
                    code=code, name=crs.description()))
        u = src.uri
        dsn = "PG:" + " ".join("%s='%s'" % (k, str(v).replace("\\", "\\\\").replace("'", "\\'"))
                               for k, v in (("host", u.host()), ("port", u.port()), ("dbname", u.database()),
                                            ("user", src.user), ("password", src.password), ("service", u.service()),
                                            ("application_name", "Simpul fix")) if v)
        path, _, rest = layer_uri.partition("|")
        name = rest.split("layername=", 1)[1] if "layername=" in rest else None
        created = True
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            out = gdal.VectorTranslate(dsn, path, format="PostgreSQL", layers=[name] if name else None,
                                       layerName=table, accessMode=None,
                                       layerCreationOptions=["SCHEMA=%s" % schema, "LAUNDER=NO", "GEOMETRY_NAME=geom",
                                                             "FID=fid", "SRID=%d" % code, "SPATIAL_INDEX=GIST"])
            error = gdal.GetLastErrorMsg() if out is None else ""
            out = None
        finally:
            gdal.PopErrorHandler()
        if error:
            raise InputError(tr("Writing {schema}.{table} failed: {error}").format(
                schema=schema, table=table, error=src.clean(error)))
        with db.cursor() as cur:
            cur.execute("SELECT srid, type, coord_dimension FROM geometry_columns WHERE f_table_schema = %s "
                        "AND f_table_name = %s AND f_geometry_column = 'geom'", (schema, table))
            srid, gtype, dims = cur.fetchone()
            if srid != code:
                # GDAL picks an existing row that names the same CRS (e.g. ogr2ogr's 900914) over SRID=;
                # the table is ours (just created): give its column the EPSG code
                kind = gtype + ("Z" if dims == 3 and not gtype.endswith("M") else "")
                cur.execute('ALTER TABLE "{s}"."{t}" ALTER COLUMN geom TYPE geometry({k}, {c}) '
                            'USING ST_SetSRID(geom, {c})'.format(s=schema.replace('"', '""'),
                                                                 t=table.replace('"', '""'), k=kind, c=int(code)))
                cur.execute("SELECT Find_SRID(%s, %s, 'geom')", (schema, table))
                srid = cur.fetchone()[0]
        if srid != code:
            raise InputError(tr("{schema}.{table} was written with SRID {srid} instead of {code}.").format(
                schema=schema, table=table, srid=srid, code=code))
        created = False                    # done: keep it
    except psycopg2.Error as exc:
        raise DatabaseError(tr("Writing to the database failed: {error}").format(error=src.clean(exc))) from None
    finally:
        if created:                        # a half-written table of ours goes again
            try:
                with db.cursor() as cur:
                    quoted = '"%s"."%s"' % (schema.replace('"', '""'), table.replace('"', '""'))
                    cur.execute("DROP TABLE IF EXISTS %s" % quoted)
            except Exception:  # noqa: BLE001 - the write's own error is what the user is told
                swallowed("dropping the half-written table %s.%s" % (schema, table))
        db.close()
    uri = QgsDataSourceUri(conn_obj.uri())
    uri.setDataSource(schema, table, "geom", "", "fid")
    return uri.uri(False), notes
