"""SRGI2013 under a made-up SRID (ogr2ogr writes such a layer as SRID 900914 …: PostGIS 3.3's
``spatial_ref_sys`` lacks EPSG:9470–9494): ``crs.accepted`` for a PostGIS table whose SRID is not
the EPSG code of its reference system (:func:`check_srid`), and a ``spatial_ref_sys`` row read back
to its EPSG code (:func:`epsg_of_definition`)."""
from ..findings import WARNING
from ..i18n import tr
from .postgis_connection import DatabaseError, PgSource, _psycopg2, connect, is_postgis
from .rules import finding


def srid_of(conn, schema, table, geom):
    """(srid, auth_name, auth_srid, srtext, proj4text) of a geometry column, or None."""
    with conn.cursor() as cur:
        cur.execute("SELECT g.srid, s.auth_name, s.auth_srid, s.srtext, s.proj4text FROM geometry_columns g "
                    "LEFT JOIN spatial_ref_sys s ON s.srid = g.srid WHERE g.f_table_schema = %s AND "
                    "g.f_table_name = %s AND g.f_geometry_column = %s", (schema, table, geom))
        return cur.fetchone()


def epsg_of_definition(srid, auth_name, auth_srid, srtext, proj4text):
    """The EPSG code a spatial_ref_sys row stands for (its authority code, else recognised from
    its WKT or PROJ definition among the CRS policy's systems), or 0."""
    from qgis.core import QgsCoordinateReferenceSystem
    from .crs_identify import identify
    if (auth_name or "").upper() == "EPSG" and auth_srid:
        return int(auth_srid)
    for text, make in ((srtext, QgsCoordinateReferenceSystem.fromWkt),
                       (proj4text, QgsCoordinateReferenceSystem.fromProj)):
        if not text:
            continue
        crs = make(text)
        if not crs.isValid():
            continue
        code, how = identify(crs)
        if code.startswith("EPSG:"):
            return int(code.split(":")[1])
        if "SRGI" in (crs.description() or "").upper() or "SRGI" in text.upper():
            from ..standards.pack import load_crs
            for known in load_crs().systems:
                ref = QgsCoordinateReferenceSystem(known)
                if ref.isValid() and ref.toProj() and ref.toProj() == crs.toProj():
                    return int(known.split(":")[1])
    return 0


def check_srid(ctx):
    """crs.accepted: a PostGIS table whose SRID is not the EPSG code of its reference system
    (ogr2ogr writes SRGI2013 as SRID 900914 …: PostGIS 3.3's spatial_ref_sys lacks EPSG:9470–9494)."""
    if not is_postgis(ctx.layer) or _psycopg2() is None:
        return
    src = PgSource(ctx.layer)
    run = getattr(ctx, "database", None)
    if run is not None:                        # the run's own connection: no other one needed
        row = run.run(ctx, lambda _ctx: run.srid_row())
    else:
        try:
            conn = connect(src)
        except DatabaseError:
            return                             # the layer opened: QGIS's own connection works; say nothing
        try:
            conn.autocommit = True
            row = srid_of(conn, src.schema, src.table, src.geom)
        except Exception:  # noqa: BLE001 - a view without geometry_columns entry etc.
            row = None
        finally:
            conn.close()
    if not row or not row[0]:
        return
    srid = int(row[0])
    code = epsg_of_definition(*row)
    if not code or code == srid:
        return
    from qgis.core import QgsCoordinateReferenceSystem
    name = QgsCoordinateReferenceSystem("EPSG:%d" % code).description()
    ctx.add(finding("crs.accepted",
                    tr("The table stores {name} (EPSG:{code}) under SRID {srid}, a number made up when it was "
                       "loaded (PostGIS's spatial_ref_sys has no row for EPSG:{code}); other software will not "
                       "recognise it. The SRID should be the EPSG code, {code}.").format(
                        name=name, code=code, srid=srid),
                    severity=WARNING,
                    fix=tr("Write the table again with SRID {code} (Fix dataset to PostGIS, with 'Add the missing "
                           "spatial_ref_sys rows' if the database lacks it).").format(code=code),
                    srid=srid, epsg=code))
