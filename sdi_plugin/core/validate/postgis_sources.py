"""PostGIS tables as datasets to validate: a saved QGIS connection (or a data source URI) and a
schema -> one :class:`DatasetRef` per table or view with geometry.

    refs, skipped = schema_refs("Palapa Banten", "kugi")
    report = validate_batch("", refs=refs)          # engine.validate_schema does both

Credentials stay in the connection's authcfg (QGIS auth DB); they are never put in a
report: the ``source`` of a PostGIS dataset is its URI without user and password.
"""
from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer

from ..i18n import tr
from ..log import swallowed
from .sources import DatasetRef, InputError


def _metadata():
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    if md is None:
        raise InputError(tr("This QGIS has no PostgreSQL provider."))
    return md


def connection(name_or_uri):
    """A QgsAbstractDatabaseProviderConnection from a saved connection's name or a URI."""
    md = _metadata()
    text = (name_or_uri or "").strip()
    if not text:
        raise InputError(tr("No PostGIS connection given."))
    if text.startswith("postgres://"):
        text = text[len("postgres://"):]
    conn = None
    if "=" not in text:
        try:
            conn = md.findConnection(text)
        except Exception:  # noqa: BLE001 - QGIS raises QgsProviderConnectionException
            conn = None
        if conn is None:
            raise InputError(tr("There is no saved PostGIS connection called {name}.").format(name=text))
        return conn
    try:
        return md.createConnection(text, {})
    except Exception as exc:  # noqa: BLE001
        raise InputError(tr("The PostGIS connection could not be made: {error}").format(
            error=public_uri(str(exc)))) from None


def public_uri(uri):
    """A data source URI without user name and password (for reports and messages)."""
    if "=" not in (uri or ""):
        return uri or ""
    u = QgsDataSourceUri(uri)
    password = u.password()
    u.setUsername("")
    u.setPassword("")
    text = u.uri(False)
    return text.replace(password, "***") if password else text


def schema_refs(name_or_uri, schema):
    """(refs, skipped): a ref for every table and view with geometry in ``schema`` (sorted by
    name), and the names of the tables without geometry."""
    from qgis.core import QgsAbstractDatabaseProviderConnection
    conn = connection(name_or_uri)
    schema = (schema or "").strip()
    if not schema:
        raise InputError(tr("No database schema given."))
    try:
        schemas = conn.schemas()
    except Exception as exc:  # noqa: BLE001 - connection refused, wrong password …
        raise InputError(tr("Cannot read the database: {error}").format(error=public_uri(str(exc)))) from None
    if schema not in schemas:
        raise InputError(tr("The database has no schema called {schema} (it has: {schemas}).").format(
            schema=schema, schemas=", ".join(sorted(schemas))))
    refs, skipped = [], []
    for t in sorted(conn.tables(schema), key=lambda t: t.tableName()):
        name = t.tableName()
        if not (t.flags() & QgsAbstractDatabaseProviderConnection.TableFlag.Vector) or not t.geometryColumn():
            skipped.append("%s.%s" % (schema, name))
            continue
        uri = conn.tableUri(schema, name)
        u = QgsDataSourceUri(uri)
        if not u.keyColumn() and t.primaryKeyColumns():
            u.setKeyColumn(",".join('"%s"' % c for c in t.primaryKeyColumns()))
        if not u.geometryColumn():
            u.setDataSource(schema, name, t.geometryColumn(), "", u.keyColumn())
        ref = DatasetRef(path="", layer_name=name, format="PostgreSQL", uri=u.uri(False), provider="postgres")
        refs.append(ref)
    return refs, skipped


def open_postgis(ref):
    """The layer of a PostGIS ref; :class:`InputError` with the database's reason when it does not open."""
    layer = QgsVectorLayer(ref.uri, ref.layer_name, "postgres")
    if layer.isValid():
        return layer
    from .postgis_connection import DatabaseError, PgSource, connect
    src = PgSource(layer)
    try:
        conn = connect(src)
    except DatabaseError as exc:
        raise InputError(str(exc)) from None
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT type FROM geometry_columns WHERE f_table_schema = %s AND f_table_name = %s",
                        (src.schema, src.table))
            row = cur.fetchone()
            if row is None:
                raise InputError(tr("The database has no table or view {table} with a geometry column.").format(
                    table=src.label))
            if row[0].upper() == "GEOMETRY" and src.geom:
                cur.execute('SELECT array_agg(DISTINCT GeometryType(g)) FROM (SELECT "%s" AS g FROM "%s"."%s" '
                            'LIMIT 100000) s' % tuple(x.replace('"', '""') for x in (src.geom, src.schema, src.table)))
                kinds = sorted(k for k in (cur.fetchone()[0] or []) if k)
                if len(kinds) > 1:
                    raise InputError(tr("The geometry column of {table} holds several geometry types ({types}); "
                                        "a KUGI dataset has one. Add the layer of one type (QGIS lists one per "
                                        "type) or split the table.").format(table=src.label, types=", ".join(kinds)))
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - diagnostics only; the plain message follows
        swallowed("reading the geometry types of %s" % src.label)
    finally:
        conn.close()
    reason = layer.error().summary() if layer.error() else ""
    raise InputError(tr("The PostGIS table {table} could not be opened{reason}.").format(
        table=src.label, reason=(": " + src.clean(reason)) if reason else ""))
