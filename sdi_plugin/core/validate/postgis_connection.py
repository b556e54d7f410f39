"""Where a PostGIS layer lives, and talking to it: the layer's table and credentials
(:class:`PgSource`, the password from its authcfg, never logged), a read-only connection
(:func:`connect`), the sentences for a connection that fails, is lost or refuses a statement, and
the watcher that cancels a running statement when the user cancels.

The in-database rules (``postgis_engine``), the schema batch (``postgis_sources``) and the fix's
writer (``postgis_write``) share them.
"""
import threading

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri

from ..i18n import tr
from .sources import InputError

APPLICATION = "Simpul validator"


class DatabaseError(InputError):
    """The database could not be reached or stopped answering; the message is for people."""


def _psycopg2():
    try:
        import psycopg2
        import psycopg2.extensions  # noqa: F401
        import psycopg2.sql  # noqa: F401
        return psycopg2
    except ImportError:
        return None


# -- where the layer lives -----------------------------------------------------------------
class PgSource:
    """The connection and the table of a PostGIS layer (credentials resolved, never logged)."""

    def __init__(self, layer):
        uri = QgsDataSourceUri(layer.source())
        self.uri = uri
        self.schema = uri.schema() or "public"
        self.table = uri.table()
        self.geom = uri.geometryColumn()
        self.key = uri.keyColumn().strip('"')
        self.subset = layer.subsetString() or uri.sql()
        self.wkb_filter = uri.wkbType()
        self.user, self.password = uri.username(), uri.password()
        self.authcfg = uri.authConfigId()
        if self.authcfg:
            cfg = QgsAuthMethodConfig()
            if QgsApplication.authManager().loadAuthenticationConfig(self.authcfg, cfg, True):
                self.user = cfg.config("username") or self.user
                self.password = cfg.config("password") or self.password

    @property
    def label(self):
        return "%s.%s" % (self.schema, self.table)

    def connect_kwargs(self):
        uri = self.uri
        kw = {"dbname": uri.database() or None, "host": uri.host() or None, "port": uri.port() or None,
              "user": self.user or None, "password": self.password or None, "service": uri.service() or None,
              "connect_timeout": 15, "application_name": APPLICATION,
              # a dead network fails within about 30 s instead of hanging the run
              "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}
        mode = QgsDataSourceUri.encodeSslMode(uri.sslMode()) if hasattr(QgsDataSourceUri, "encodeSslMode") else ""
        if mode:
            kw["sslmode"] = mode
        return {k: v for k, v in kw.items() if v is not None}

    def clean(self, text):
        """An error text without the password."""
        text = str(text or "").strip()
        if self.password:
            text = text.replace(self.password, "***")
        return text


def is_postgis(layer):
    return layer is not None and layer.providerType() == "postgres"


def connect(src):
    """A read-only psycopg2 connection to the layer's database; :class:`DatabaseError` if none."""
    pg = _psycopg2()
    if pg is None:
        raise DatabaseError(tr("The Python module psycopg2 is not installed."))
    try:
        conn = pg.connect(**src.connect_kwargs())
    except pg.Error as exc:
        raise DatabaseError(connection_message(src, exc)) from None
    conn.set_session(isolation_level="REPEATABLE READ", readonly=True, autocommit=False)
    pg.extensions.register_type(pg.extensions.new_type(pg.BINARY.values, "SIMPUL_BYTES", _bytes), conn)
    return conn


def _bytes(value, cur):
    """bytea as bytes, not psycopg2's memoryview (about 200 bytes more each: a round of
    topo.overlap fetches tens of thousands of intersections as WKB)."""
    if value is None:
        return None
    if value.startswith("\\x"):            # bytea_output = hex, PostgreSQL's default
        return bytes.fromhex(value[2:])
    return bytes(_psycopg2().BINARY(value, cur))


def connection_message(src, exc):
    """A plain sentence for a failed connection (wrong password, server down …)."""
    text = src.clean(getattr(exc, "pgerror", None) or exc)
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        why = tr("the user name or password is wrong (check the connection's authentication configuration)")
    elif "could not connect" in low or "connection refused" in low or "timeout" in low:
        why = tr("the database server does not answer (is it running, and is the host and port right?)")
    elif "does not exist" in low:
        why = tr("the database does not exist")
    else:
        why = text.splitlines()[0] if text else tr("unknown error")
    return tr("Cannot connect to the PostGIS database {db} on {host}: {why}.").format(
        db=src.uri.database() or src.uri.service(), host=src.uri.host() or "localhost", why=why)


def _error_text(src, exc):
    """The first line of an error, without credentials."""
    return src.clean(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def lost_message(src, exc):
    return tr("The connection to the PostGIS database was lost while validating {table} ({error}). "
              "Nothing was written to the database; validate again when it is reachable.").format(
        table=src.label, error=_error_text(src, exc))


def refused_message(src, exc):
    return tr("PostGIS refused a statement while validating {table} ({error}). Nothing was written to "
              "the database.").format(table=src.label, error=_error_text(src, exc))


class _Canceller:
    """Cancels the running statement when the user cancels (a watcher thread)."""

    def __init__(self, conn, ctx):
        self.conn, self.ctx, self.done = conn, ctx, threading.Event()
        self.thread = None
        if ctx.feedback is not None:
            self.thread = threading.Thread(target=self._watch, daemon=True)
            self.thread.start()

    def _watch(self):
        while not self.done.wait(0.2):
            if self.ctx.canceled():
                try:
                    self.conn.cancel()
                except Exception:  # noqa: BLE001 - the connection may be gone already
                    pass
                return

    def stop(self):
        self.done.set()
        if self.thread is not None:
            self.thread.join(1.0)
