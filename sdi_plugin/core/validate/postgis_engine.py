"""In-database validation of a PostGIS layer: the geometry and topology rules run as SQL where
the data lives, and only the findings travel to QGIS.

    run = plan(ctx)            # None: the local engine runs (and ctx.notes says why)
    state = run.geometry(ctx, start, span)      # geom.empty, geom.valid, geom.duplicate,
                                                # extent.indonesia, topo.sliver
    run.overlaps(ctx, state) / run.gaps(ctx, state)

Same rule ids, same findings (ids, messages, severities, details) as the local engine in
``geometry_rules``/``topology``; the SQL mirrors their definitions:

* geom.empty — ``geom IS NULL OR ST_IsEmpty(geom)``;
* geom.valid — ``ST_IsValid`` then ``ST_IsValidDetail`` (GEOS reason and location) for the
  invalid ones only;
* geom.duplicate — rows grouped by their WKB (``ST_AsBinary``, as the local engine hashes the
  WKB), the later ones reported against the first; attributes compared as JSON without the
  key and the geometry;
* extent.indonesia — the database picks the features whose box in lon/lat is not well inside
  Indonesia (a few); the local check decides on those;
* topo.sliver — mean width 2·area/perimeter of the thinnest part (``ST_Dump``), below 0.5 mm at
  the scale;
* topo.overlap — a self-join on the GiST index (``a.geom && b.geom``), ``ST_Relate(…,
  '2********')`` (the interiors meet), the intersection's area; with a GiST index, only for
  the pairs of polygons flagged first (an edge out of place) and of those found overlapping
  them, round after round (``postgis_overlap``);
* topo.gap — the holes of ``ST_Union`` of the coverage (invalid units made valid first).

Areas are in the layer's units and turned into m² the same way the local engine does (exact
for projected systems: SRGI2013 UTM and TM-3 are metric).

geom.valid and topo.overlap start at :func:`plan` on connections of their own
(``postgis_overlap.OverlapJob``) and run while the other rules run on the main one; all of a
run's connections share one snapshot.

Validation never writes to the database: every connection in a READ ONLY transaction, CTEs
only (no temporary tables), ``SET LOCAL`` for memory and time-outs.  The statements are
canceled when the user cancels (``cancel``) and TCP keepalives make a dead network fail
instead of hang.  The password comes from the layer's authcfg (QGIS auth DB) or its URI and is never
logged: error messages have it removed (``postgis_connection``). ``postgis_srid`` checks the
table's SRID (crs.accepted).
"""
import logging

from qgis.core import QgsFeatureRequest

from ...compat import FieldType, GeometryType, WkbType
from ..findings import ERROR, WARNING
from ..i18n import tr
from .geometry_rules import ExtentCheck, GeometryState, _fmt, invalid_finding, invalid_wording, overlap_wording
from .postgis_connection import (DatabaseError, PgSource, _Canceller, _psycopg2, connect, is_postgis,
                                 lost_message, refused_message)
from .postgis_overlap import (OVERLAPS_ALL_PAIRS, VALID, OverlapJob, cells_of, find_overlaps, key_array,
                              geos_at_least)
from .rules import finding, worded
from .postgis_srid import srid_of

LOG = logging.getLogger("Simpul")
NEEDED_FUNCTIONS = ("st_isvalid", "st_isvaliddetail", "st_relate", "st_intersection", "st_union", "st_asbinary",
                    "st_dump", "st_makevalid")


# GEOS's reasons as PostGIS gives them -> as QGIS's GEOS validator words them (same GEOS 3.11)
QGIS_REASONS = {"Ring Self-intersection": "Ring self-intersection"}


# -- deciding -------------------------------------------------------------------------------
def plan(ctx):
    """A :class:`PostgisRun` for ``ctx`` when its rules can run in the database, else None
    (with a note in ``ctx.notes`` saying why the local engine runs instead)."""
    layer = ctx.layer
    if not is_postgis(layer):
        return None
    src = PgSource(layer)
    why = None
    if _psycopg2() is None:
        why = tr("the Python module psycopg2 is not installed")
    elif src.subset:
        why = tr("the layer has a filter")
    elif not src.geom:
        why = tr("the layer has no geometry column")
    if why is None:
        conn = connect(src)          # DatabaseError: a plain message (wrong password, server down)
        run = PostgisRun(src, conn)
        try:
            why = run.preflight()
        except _psycopg2().Error as exc:
            run.close()
            raise DatabaseError(lost_message(src, exc)) from None
        if why is None:
            run.start(ctx)
            try:
                run.count(ctx)     # exact, in the one scan of every column (not the provider's own count)
            except Exception:
                run.close()
                raise
            return run
        run.close()
    ctx.notes.append(tr("{table}: the rules ran in QGIS, not in the database, because {why}.").format(
        table=src.label, why=why))
    return None


class PostgisRun:
    # every connection of a run: memory per sort/hash, no JIT (compiling costs more than it saves
    # on these joins), and let the self-join use the server's parallel workers
    SETTINGS = ("work_mem = '64MB'", "jit = off", "parallel_setup_cost = 100", "parallel_tuple_cost = 0.01",
                "min_parallel_table_scan_size = '1MB'")

    def __init__(self, src, conn):
        self.src, self.conn = src, conn
        from psycopg2 import sql
        self.sql = sql
        self.T = sql.Identifier(src.schema, src.table)
        self.G = sql.Identifier(src.geom)
        self.K = None
        self.srid = 0
        self.invalid = []
        self.coverage = False       # GEOS's coverage validator may be used here (preflight)
        self.flagging = None        # how topo.overlap flags polygons first: postgis_overlap.FLAGS, or None
        self.groups = 1             # connections the overlap check is shared by
        self.snapshot = None        # the main transaction's, for the job's connections
        self.job = None             # geom.valid + topo.overlap on connections of their own

    def close(self):
        if self.job is not None:
            self.job.stop()
        try:
            self.conn.rollback()
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass

    def _rows(self, query, args=None):
        with self.conn.cursor() as cur:
            cur.execute(query, args)
            return cur.fetchall() if cur.description else []

    def preflight(self):
        """None when every rule can run here, else why not (for the note)."""
        src = self.src
        rows = self._rows("SELECT c.oid, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE n.nspname = %s AND c.relname = %s", (src.schema, src.table))
        if not rows:
            return tr("the table was not found in the database")
        oid, kind = rows[0]
        # the planner's row estimate: enough to size the overlap check's bands before the exact count
        # (the one scan of the table); ANALYZE's, else (never analyzed, a view) the planner's guess
        self.estimate = self._optional("SELECT reltuples FROM pg_class WHERE oid = %s::oid", (oid,)) or 0
        if self.estimate <= 0:
            explained = self._optional(self.sql.SQL("EXPLAIN (FORMAT JSON) SELECT 1 FROM {T}").format(T=self.T))
            try:
                self.estimate = float(explained[0]["Plan"]["Plan Rows"])
            except (TypeError, LookupError, ValueError):
                self.estimate = 0
        if not self._rows("SELECT has_table_privilege(%s::oid, 'SELECT')", (oid,))[0][0]:
            return tr("the database user may not read the table (SELECT privilege)")
        allowed = dict(self._rows("SELECT proname, bool_or(has_function_privilege(oid, 'EXECUTE')) FROM pg_proc "
                                  "WHERE proname = ANY(%s) GROUP BY proname", (list(NEEDED_FUNCTIONS),)))
        missing = [f for f in NEEDED_FUNCTIONS if not allowed.get(f)]
        if missing:
            return tr("the database user may not run the PostGIS functions {names} (EXECUTE privilege)").format(
                names=", ".join(missing))
        key = src.key
        if key and not self._rows("SELECT 1 FROM pg_attribute WHERE attrelid = %s::oid AND attname = %s AND "
                                  "attnum > 0 AND NOT attisdropped", (oid, key)):
            key = ""               # QGIS numbers the rows of a table without a key by their ctid ("tid")
        if not key:
            pk = self._rows("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                            "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::oid AND i.indisprimary", (oid,))
            key = pk[0][0] if len(pk) == 1 else ""
        if not key:
            return tr("the table has no single-column primary key to name its features by")
        ktype = self._rows("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = %s::oid "
                           "AND attname = %s AND NOT attisdropped", (oid, key))
        if not ktype or ktype[0][0] not in ("integer", "bigint", "smallint"):
            return tr("its key column {key} is not an integer (QGIS numbers such features itself)").format(key=key)
        gtype = self._rows("SELECT type, srid FROM geometry_columns WHERE f_table_schema = %s AND "
                           "f_table_name = %s AND f_geometry_column = %s", (src.schema, src.table, src.geom))
        if gtype and gtype[0][0].upper() in ("GEOMETRY", "GEOMETRYCOLLECTION") and src.wkb_filter not in (0, None) \
                and src.wkb_filter != WkbType.Unknown:
            return tr("its geometry column holds several geometry types and the layer shows only some of them")
        self.srid = gtype[0][1] if gtype else 0
        if not self.srid:                          # a column without a type modifier: its rows say
            first = self.sql.SQL("SELECT ST_SRID({G}) FROM {T} WHERE {G} IS NOT NULL LIMIT 1")
            self.srid = self._optional(first.format(G=self.G, T=self.T)) or 0
        self.K = self.sql.Identifier(key)
        self.kind = kind
        for setting in self.SETTINGS:
            self._rows("SET LOCAL " + setting)
        indexed = self._has_gist_index(oid)
        self.coverage = indexed and self._has_coverage_validator()
        self.flagging = self._flagging() if indexed else None
        self.groups = self._workers()
        self.snapshot = self._export_snapshot()
        return None

    def _export_snapshot(self):
        """The transaction's snapshot for the job's connections, or None (not in a savepoint:
        PostgreSQL exports none from a subtransaction)."""
        try:
            return self._rows("SELECT pg_export_snapshot()")[0][0]
        except _psycopg2().OperationalError:
            raise
        except _psycopg2().Error:
            self.conn.rollback()                   # a new transaction, its settings again
            for setting in self.SETTINGS:
                self._rows("SET LOCAL " + setting)
            return None

    def _optional(self, query, args=None):
        """The first value of a query the server may refuse (None then; the transaction goes on)."""
        rows = self._guarded(lambda: self._rows(query, args))
        return rows[0][0] if rows else None

    def _guarded(self, fn):
        """``fn()`` in a savepoint: None when the server refuses it (a lost connection still raises)."""
        try:
            self._rows("SAVEPOINT optional")
            out = fn()
            self._rows("RELEASE SAVEPOINT optional")
        except _psycopg2().OperationalError:
            raise
        except _psycopg2().Error:
            self._rows("ROLLBACK TO SAVEPOINT optional")
            return None
        return out

    def srid_row(self):
        """:func:`srid_of` the layer's geometry column on this connection (None if refused, e.g. a
        view without a geometry_columns entry)."""
        return self._guarded(lambda: srid_of(self.conn, self.src.schema, self.src.table, self.src.geom))

    def _has_gist_index(self, oid):
        """The layer is a table with a GiST index on its geometry column (the pairs' probes)."""
        return bool(self._rows(
            "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indrelid = %s::oid AND am.amname = 'gist' AND a.attname = %s", (oid, self.src.geom)))

    def _workers(self):
        """How many connections may share the overlap check: the server's own setting for the
        workers one statement may use (``max_parallel_workers_per_gather``), 1 to 4."""
        try:
            value = int(self._optional("SELECT current_setting('max_parallel_workers_per_gather')") or 1)
        except ValueError:
            value = 1
        return max(1, min(4, value))

    def start(self, ctx):
        """Start ``geom.valid`` (and ``topo.overlap`` for polygons) on connections of their own."""
        if ctx.geometry_type not in (GeometryType.Point, GeometryType.Line, GeometryType.Polygon):
            return
        job = OverlapJob(self, ctx, self._min_overlap(ctx), overlaps=ctx.geometry_type == GeometryType.Polygon)
        if job.start():
            self.job = job
            if job.shares:
                # the job's connections already take the CPUs the server gives one statement; workers
                # of this connection's statements on top of them only crowd the same CPUs (at
                # 1,000,000 parcels on 2 CPUs: 13.8-14.0 s without, 15.0-17.5 s with)
                self._rows("SET LOCAL " + job.SERIAL)

    def _min_overlap(self, ctx):
        metres = ctx.metres_per_unit(ctx.layer.extent().center().y() if ctx.geographic else None)
        return ctx.settings.overlap_min_m2 / (metres * metres)

    # the ways of flagging polygons for topo.overlap, the first the server has wins (postgis_overlap.FLAGS);
    # matching edges first: at 1,000,000 parcels on Debian 13 the whole run took 11.3-11.5 s by matching
    # edges, 12.2-12.3 s by GEOS's validator (two runs each; the validator had been ahead, 19.3 s against
    # 21.6 s, before matching edges computed each coordinate once and kept no key arrays)
    FLAGGINGS = ("edges", "coverage")

    def _flagging(self):
        """How topo.overlap flags polygons before asking pairs (a key of ``postgis_overlap.FLAGS``),
        or None (neither way available): every pair is asked. Needs a GiST index (the caller's check)."""
        have = {"coverage": lambda: self.coverage, "edges": lambda: self._may_run("st_dumpsegments")}
        return next((way for way in self.FLAGGINGS if way in have and have[way]()), None)

    def _may_run(self, function):
        """The PostGIS function ``function`` (lower case) exists and this user may execute it."""
        return bool(self._rows("SELECT 1 FROM pg_proc WHERE proname = %s AND has_function_privilege(oid, 'EXECUTE')",
                               (function,)))

    def _has_coverage_validator(self):
        """True when ``ST_CoverageInvalidEdges`` may be run here and its GEOS is 3.13 or newer."""
        if not self._may_run("st_coverageinvalidedges"):
            return False
        return geos_at_least(self._optional("SELECT postgis_geos_version()") or "", (3, 13))

    # -- attribute values as SQL aggregates ---------------------------------------------------
    def text_candidates(self, ctx, name):
        """(longest length, the distinct values that are not plain ASCII or that begin or end with
        something other than a visible ASCII character) of a text column: all the text rules
        need to look at, whatever the number of rows; None for a field that is no column of the
        table (computed or joined in QGIS)."""
        self._scan_values(ctx)
        return self._text.get(name)      # None: not a column of the table (the caller asks QGIS)

    def blank_count(self, ctx, name):
        """How many rows have no value in field ``name`` (NULL, or for text: nothing but spaces,
        as ``trim()`` says); None when not counted (the provider is asked then)."""
        self._scan_values(ctx)
        return self._blanks.get(name)

    estimate = 0        # the planner's estimate of the table's rows (preflight)
    # what the one scan found (None: not scanned yet): the rows, per text column (longest, values),
    # per column the blanks
    _rows_counted = _text = _blanks = None

    def count(self, ctx):
        """Count the rows exactly (with the rest of :meth:`_scan_values`) into ``ctx.feature_count``."""
        self._scan_values(ctx)
        if self._rows_counted is not None:
            ctx.feature_count = self._rows_counted

    def _scan_values(self, ctx):
        """Every column in ONE scan of the table: its rows; for text, the longest length, the
        values the text rules look at and the blank count; for other types, the NULL count."""
        if self._text is not None:
            return
        # the table's own columns (not a field the user computes in QGIS or joins from elsewhere:
        # those stay with QGIS, whose provider answers for them)
        columns = {f.name() for f in ctx.layer.dataProvider().fields()}
        fields = [f for _i, f in ctx.fields.values() if f.name() in columns]
        names = [f.name() for f in fields if f.type() == FieldType.String]
        others = [f.name() for f in fields if f.type() != FieldType.String]
        self._text, self._blanks = {}, {}
        # not plain ASCII (in a UTF-8 database: more bytes than characters), or the first or the
        # last character not a visible ASCII one (! .. ~); no regular expression (faster)
        cond = ("octet_length({c}::text) <> char_length({c}::text) OR ({c}::text <> '' AND ("
                "ascii({c}::text) NOT BETWEEN 33 AND 126 OR ascii(right({c}::text, 1)) NOT BETWEEN 33 AND 126))")
        regex = "{c}::text ~ '[^\\x01-\\x7f]' OR {c}::text ~ '^[^!-~]' OR {c}::text ~ '[^!-~]$'"
        # In UTF-8, a row is looked at column by column only when the row's text as a whole (the
        # columns joined by \x01) is empty, has a non-ASCII character or a column beginning or
        # ending with a character other than ! .. ~ (so also an empty or blank column): one regular
        # expression per row instead of five calls per column, half the time at 1,000,000 rows of
        # 10 text columns. Every value the condition takes is in such a row; the row's test is a
        # sieve, the condition decides.
        row_test = "concat_ws(E'\\x01', {cols}) ~ '^$|(^|\\x01)[^!-~]|[^!-~](\\x01|$)|[^\\x01-\\x7f]'"

        def work(_ctx):
            utf8 = bool(names) and self._rows("SHOW server_encoding")[0][0].upper() in ("UTF8", "UTF-8")
            flag = "simpul_row_test"
            while flag in names + others:
                flag += "_"
            ident, SQL = self.sql.Identifier, self.sql.SQL
            sieved = (lambda text: "CASE WHEN {f} THEN " + text + " ELSE false END") if utf8 else (lambda text: text)
            parts = [SQL("coalesce(max(char_length({c}::text)), 0), array_agg(DISTINCT {c}::text) FILTER (WHERE "
                         + (sieved(cond) if utf8 else regex) + "), count(*) FILTER (WHERE {c} IS NULL OR "
                         + sieved("trim({c}::text) = ''") + ")").format(c=ident(n), f=ident(flag)) for n in names]
            parts += [SQL("count(*) - count({c})").format(c=ident(n)) for n in others]
            parts.append(SQL("count(*)"))
            table = self.T
            if utf8:           # OFFSET 0: the row's test computed once, not inlined into each column's
                table = SQL("(SELECT {every}, " + row_test + " AS {f} FROM {T} OFFSET 0) t").format(
                    every=SQL(", ").join(ident(n) for n in names + others),
                    cols=SQL(", ").join(ident(n) for n in names), f=ident(flag), T=self.T)
            row = self._rows(SQL("SELECT {p} FROM {t}").format(p=SQL(", ").join(parts), t=table))[0]
            for k, n in enumerate(names):
                self._text[n] = (row[3 * k], list(row[3 * k + 1] or []))
                self._blanks[n] = row[3 * k + 2]
            for k, n in enumerate(others):
                self._blanks[n] = row[3 * len(names) + k]
            self._rows_counted = row[-1]
        self.run(ctx, work)

    # -- the rules ------------------------------------------------------------------------
    def _q(self, text):
        return self.sql.SQL(text).format(T=self.T, G=self.G, K=self.K)

    def run(self, ctx, fn, *args):
        """Run one step; a lost connection, a statement the server refuses or a cancel becomes a
        clear :class:`DatabaseError`."""
        pg = _psycopg2()
        watch = _Canceller(self.conn, ctx)
        try:
            return fn(ctx, *args)
        except pg.extensions.QueryCanceledError:
            if ctx.canceled():
                return None
            raise DatabaseError(lost_message(self.src, tr("the statement was canceled"))) from None
        except (pg.OperationalError, pg.InterfaceError) as exc:
            self.close()
            raise DatabaseError(lost_message(self.src, exc)) from None
        except pg.DatabaseError as exc:    # not the connection: a statement the server would not run
            self.close()
            raise DatabaseError(refused_message(self.src, exc)) from None
        finally:
            watch.stop()

    def geometry(self, ctx, start=0, span=100):
        return self.run(ctx, self._geometry, start, span) or GeometryState()

    def _geometry(self, ctx, start, span):
        state = GeometryState()
        is_polygon = ctx.geometry_type == GeometryType.Polygon
        # geom.empty
        for fid, null in self._rows(self._q("SELECT {K}, {G} IS NULL FROM {T} WHERE {G} IS NULL OR "
                                            "ST_IsEmpty({G}) ORDER BY {K}")):
            ctx.add(finding("geom.empty", tr("The feature has no geometry (it is {what}).").format(
                what=tr("NULL") if null else tr("empty")), feature_id=fid))
        ctx.progress(start + span * 0.1)
        if ctx.canceled():
            return state
        # geom.valid (the reason only for the invalid ones)
        rows = self.job.valid(ctx) if self.job else self._rows(self._q(VALID))
        if rows is None:                           # canceled while the job ran
            return state
        self.invalid = [r[0] for r in rows]
        wording = invalid_wording(ctx)
        for fid, reason, x, y in rows:
            reason = QGIS_REASONS.get(reason, reason) or tr("invalid geometry")
            ctx.add(invalid_finding(wording, fid, reason, x, y))
            state.invalid[fid] = None
        ctx.progress(start + span * 0.4)
        if ctx.canceled():
            return state
        if is_polygon:
            # topo.overlap comes next and finds every pair of valid polygons whose interiors meet,
            # which every two equal valid polygons are: their duplicates come from its pairs then
            # (no grouping of the whole table by WKB: 1.4 s at 1,000,000 parcels, and at 2,000,000
            # a grouping beyond the server's work_mem); the invalid ones' grouped among themselves
            self.deferred_duplicates = True
        else:
            self._report_duplicates(ctx, state, self._duplicate_groups())
        ctx.progress(start + span * 0.6)
        if ctx.canceled():
            return state
        self._extent(ctx)
        ctx.progress(start + span * 0.7)
        if is_polygon and ctx.scale and not ctx.canceled():
            self._slivers(ctx)
        state.count = max(ctx.feature_count, 0)
        ctx.progress(start + span)
        return state

    deferred_duplicates = False     # geom.duplicate left to topo.overlap's pairs (polygons)

    def _duplicate_groups(self, keys=None):
        """The keys of the features that share a WKB, a sorted list per WKB had more than once
        (among ``keys`` only, when given)."""
        among = " AND {K} = ANY(%(keys)s::bigint[])" if keys is not None else ""
        args = {"keys": key_array(keys or [])}
        # the smallest and largest key of each WKB had more than once (no array of keys per WKB:
        # 1,000,000 groups of one); the keys in between only where a WKB is had three times or more
        rows = self._rows(self._q(
            "SELECT min({K}), max({K}), CASE WHEN count(*) > 2 THEN ST_AsBinary({G}) END FROM {T} "
            "WHERE {G} IS NOT NULL AND NOT ST_IsEmpty({G})" + among + " GROUP BY ST_AsBinary({G}) "
            "HAVING count(*) > 1"), args)
        groups = [[lo, hi] for lo, hi, wkb in rows if wkb is None]
        more = [bytes(wkb) for _lo, _hi, wkb in rows if wkb is not None]
        if more:
            args["wkbs"] = [_psycopg2().Binary(w) for w in more]
            groups += [ks for (ks,) in self._rows(self._q(
                "SELECT array_agg({K} ORDER BY {K}) FROM {T} WHERE {G} IS NOT NULL AND NOT ST_IsEmpty({G})" + among
                + " AND ST_AsBinary({G}) = ANY(%(wkbs)s::bytea[]) GROUP BY ST_AsBinary({G})"), args)]
        return groups

    @staticmethod
    def _groups_of_pairs(pairs):
        """Sorted key lists of the classes of equal geometries given as pairs ``a < b`` of keys.
        Every pair of a class is among them (equality is transitive, and every pair whose
        interiors meet is found), so each key but a class's smallest is paired with that one."""
        smallest = {}
        for a, b in pairs:
            smallest[b] = min(smallest.get(b, a), a)
        classes = {}
        for b, a in sorted(smallest.items()):
            classes.setdefault(a, [a]).append(b)
        return list(classes.values())

    def _report_duplicates(self, ctx, state, groups):
        pairs = sorted(((ks[0], k) for ks in groups for k in ks[1:]), key=lambda p: p[1])
        if not pairs:
            return
        key = self.K
        detail = self._rows(self.sql.SQL(
            "SELECT p.fb, (to_jsonb(ta) - {kn} - {gn}) = (to_jsonb(tb) - {kn} - {gn}), "
            "ST_AsText(CASE WHEN GeometryType(tb.{G}) = 'POINT' THEN tb.{G} ELSE ST_PointOnSurface(tb.{G}) END) "
            "FROM unnest(%s::bigint[], %s::bigint[]) AS p(fa, fb) JOIN {T} ta ON ta.{K} = p.fa "
            "JOIN {T} tb ON tb.{K} = p.fb"
        ).format(T=self.T, G=self.G, K=key, kn=self.sql.Literal(key.strings[0]),
                 gn=self.sql.Literal(self.G.strings[0])),
            (key_array(a for a, _ in pairs), key_array(b for _, b in pairs)))
        by_b = {b: (same, loc) for b, same, loc in detail}
        for first, fid in pairs:
            same, location = by_b.get(fid, (False, ""))
            message = (tr("Feature {fid} repeats feature {first}: same geometry and same attributes.") if same else
                       tr("Feature {fid} has the same geometry as feature {first} (attributes differ).")).format(
                fid=fid, first=first)
            ctx.add(finding("geom.duplicate", message, severity=ERROR if same else WARNING, feature_id=fid,
                            location=location or "", duplicate_of=first, same_attributes=bool(same)))
        state.duplicates = {frozenset(p) for p in pairs}

    def _extent(self, ctx):
        extent = ExtentCheck(ctx)
        if not extent.active:
            return
        lon0, lat0, lon1, lat1 = ctx.settings.extent
        m = 0.05                                   # degrees: a superset; the local check decides
        box = "POLYGON((%r %r,%r %r,%r %r,%r %r,%r %r))" % (
            lon0 + m, lat0 + m, lon1 - m, lat0 + m, lon1 - m, lat1 - m, lon0 + m, lat1 - m, lon0 + m, lat0 + m)
        if ctx.geographic:
            env = "ST_SetSRID(ST_Envelope({G}), 4326)"
        else:
            env = "ST_Transform(ST_SetSRID(ST_Envelope({G}), %s), 4326)" % int(self.srid or 0)
        try:
            self._rows("SAVEPOINT extent")
            fids = [r[0] for r in self._rows(self._q(
                "SELECT {K} FROM {T} WHERE {G} IS NOT NULL AND NOT ST_IsEmpty({G}) AND NOT "
                "ST_Contains(ST_GeomFromText(%s, 4326), " + env + ") ORDER BY {K}"), (box,))]
            self._rows("RELEASE SAVEPOINT extent")
        except _psycopg2().extensions.QueryCanceledError:
            raise
        except _psycopg2().OperationalError:
            raise
        except _psycopg2().Error:                   # no transformation known to PostGIS: all
            self._rows("ROLLBACK TO SAVEPOINT extent")
            fids = None
        req = QgsFeatureRequest().setNoAttributes()
        if fids is not None:
            if not fids:
                return
            req.setFilterFids(fids)
        for f in ctx.layer.getFeatures(req):
            g = f.geometry()
            if g.isNull() or g.isEmpty():
                continue
            out = extent.check(f.id(), g)
            if out is not None:
                ctx.add(out)

    def _slivers(self, ctx):
        metres = ctx.metres_per_unit(ctx.layer.extent().center().y() if ctx.geographic else None)
        min_width = ctx.settings.sliver_width_mm / 1000.0 * ctx.scale
        rows = self._rows(self._q(
            "WITH c AS (SELECT {K} AS k, {G} AS g FROM {T} WHERE {G} IS NOT NULL AND NOT ST_IsEmpty({G}) AND "
            "(ST_NumGeometries({G}) > 1 OR 2.0 * ST_Area({G}) * %(m)s < %(w)s * ST_Perimeter({G}))), "
            "v AS (SELECT k, g FROM c WHERE ST_IsValid(g)), "
            "p AS (SELECT k, (ST_Dump(g)).path AS path, (ST_Dump(g)).geom AS part FROM v) "
            "SELECT DISTINCT ON (k) k, 2.0 * ST_Area(part) / ST_Perimeter(part) AS width, ST_AsText(part), "
            "ST_Area(part) FROM p WHERE ST_Perimeter(part) > 0 ORDER BY k, width, path"),
            {"m": metres, "w": min_width})
        for fid, width, wkt, area in rows:
            width_m = width * metres
            if width_m >= min_width:
                continue
            ctx.add(finding("topo.sliver",
                            tr("Sliver polygon: on average {width} m wide, narrower than {minimum} m "
                               "(0.5 mm at 1:{scale}).").format(
                                width=_fmt(width_m), minimum=_fmt(min_width), scale=_fmt(ctx.scale, 0)),
                            feature_id=fid, location=wkt, width_m=round(width_m, 3), area=round(area, 3)))

    def overlaps(self, ctx, state, start=0, span=100):
        return self.run(ctx, self._overlaps, state, start, span)

    def _overlaps(self, ctx, state, start, span):
        metres = ctx.metres_per_unit(ctx.layer.extent().center().y() if ctx.geographic else None)
        ctx.progress(start)
        pg = _psycopg2()
        args = {"bad": key_array(self.invalid), "min": self._min_overlap(ctx)}
        rows = None
        try:
            if self.job is not None:
                rows = self.job.overlaps(ctx)
                if rows is None:                   # canceled
                    return
            elif self.flagging:
                self._rows("SAVEPOINT flagging")
                side, todo = cells_of(ctx)
                rows = find_overlaps([lambda query, a: self._rows(self._q(query), a)], self.flagging, args,
                                     side, todo, self.srid)
                self._rows("RELEASE SAVEPOINT flagging")
        except (pg.extensions.QueryCanceledError, pg.OperationalError, pg.InterfaceError):
            raise
        except pg.Error as exc:       # the flagging refused (e.g. by GEOS): every pair, as without it
            LOG.info("PostGIS: flagging polygons failed on %s (%s); every candidate pair is asked",
                     self.src.label, self.src.clean(getattr(exc, "pgerror", None) or exc))
            if self.job is None:
                self._rows("ROLLBACK TO SAVEPOINT flagging")
            rows = None
        if rows is None:
            rows = self._rows(self._q(OVERLAPS_ALL_PAIRS), args)
        if self.deferred_duplicates:
            # every pair of equal valid polygons is among the rows (whatever its area); the invalid
            # ones are grouped among themselves (equal geometries are both valid or both not)
            groups = self._groups_of_pairs((a, b) for a, b, _w, _area, same in rows if same)
            if self.invalid:
                groups += self._duplicate_groups(self.invalid)
            self._report_duplicates(ctx, state, groups)
        dups = state.duplicates
        minimum = args["min"]
        wording = overlap_wording(metres)
        rows.reverse()          # taken from the end, each row let go once it is a finding (memory)
        while rows:
            a, b, wkb, area, _same = rows.pop()
            if area < minimum or dups and frozenset((a, b)) in dups:
                continue
            ctx.add(worded("topo.overlap", wording, (b, area), feature_id=a, location=wkb))
        ctx.progress(start + span)

    def gaps(self, ctx, state):
        return self.run(ctx, self._gaps, state)

    def _gaps(self, ctx, state):
        metres = ctx.metres_per_unit(ctx.layer.extent().center().y() if ctx.geographic else None)
        min_area = ctx.settings.gap_min_m2 / (metres * metres)
        count = self._rows(self._q("SELECT count(*) FROM {T} WHERE {G} IS NOT NULL AND NOT ST_IsEmpty({G})"))[0][0]
        if count < 2:
            return
        rows = self._rows(self._q(
            "WITH u AS (SELECT ST_Union(CASE WHEN ST_IsValid({G}) THEN {G} ELSE ST_MakeValid({G}) END) AS g "
            " FROM {T} WHERE {G} IS NOT NULL AND NOT ST_IsEmpty({G})), "
            "parts AS (SELECT (ST_Dump(g)).geom AS p FROM u), "
            "holes AS (SELECT ST_MakePolygon(ST_InteriorRingN(p, n)) AS h FROM parts, "
            " generate_series(1, ST_NumInteriorRings(p)) n WHERE GeometryType(p) = 'POLYGON') "
            "SELECT ST_AsText(h), ST_Area(h), ARRAY(SELECT t.{K} FROM {T} t WHERE t.{G} && h AND "
            " ST_IsValid(t.{G}) AND NOT ST_IsEmpty(t.{G}) AND ST_Intersects(t.{G}, h) ORDER BY t.{K}) "
            "FROM holes WHERE ST_Area(h) >= %s"), (min_area,))
        for wkt, area, touching in rows:
            touching = list(touching or [])
            area_m2 = area * metres * metres
            ctx.add(finding("topo.gap",
                            tr("Gap of {area} m² between features {ids}.").format(
                                area=_fmt(area_m2), ids=", ".join(str(i) for i in touching) or "-"),
                            feature_id=touching[0] if touching else None, location=wkt,
                            feature_ids=touching, area_m2=round(area_m2, 3), area=area))
