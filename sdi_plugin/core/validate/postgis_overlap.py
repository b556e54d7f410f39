"""``geom.valid`` and ``topo.overlap`` of a PostGIS layer on connections of their own, started as
soon as the run is planned, while the other rules run on the main connection.

    job = OverlapJob(run, ctx)     # run: a PostgisRun after its preflight; ctx: the Context
    job.start()                    # False: nothing started (the main connection does it all)
    rows = job.valid(ctx)          # (key, reason, x, y) of the invalid features, as the engine asks
    rows = job.overlaps(ctx)       # (a, b, wkt, area) of the overlapping pairs, a < b, sorted
    job.stop()                     # cancel what still runs, close the connections

Every connection is READ ONLY and REPEATABLE READ and imports the main connection's snapshot
(``pg_export_snapshot``), so all the rules of a run see the same rows. Where the server has
GEOS's coverage validator (``ST_CoverageInvalidEdges``: PostGIS >= 3.4 built with GEOS >= 3.13)
and the table a GiST index on its geometry, the overlap check is split over ``groups``
connections (the server's ``max_parallel_workers_per_gather``, 1 to 4), each taking a share of a
grid of cells:

* every valid, non-empty polygon goes into each cell its bounding box meets (a pair whose
  interiors meet has boxes that meet, so both are in some cell together);
* the coverage validator runs once per cell (``OVER (PARTITION BY cell)``: the server holds one
  cell's polygons at a time, whatever the size of the table) and flags the polygons with an
  invalid coverage edge: a polygon that overlaps another in its cell is flagged (GEOS checks
  each polygon against the polygons whose boxes meet it; crafted cases in
  ``tests/test_validate_postgis.py`` — duplicates in any orientation, stacked, holes,
  multipolygons — against the local engine);
* polygons spanning more than ``MOST_CELLS`` cells, and valid features that are not plain
  (multi)polygons, are flagged without the validator;
* ``ST_Relate(a, b, '2********')`` then runs for the candidate pairs (GiST index) with a flagged
  polygon only, as the plain statement does for every pair.

Elsewhere (PostGIS 3.3 on Debian 12, or no index) one connection runs the plain statement: every
candidate pair of the GiST self-join asked ``ST_Relate``, with the server's parallel workers.
When an extra connection cannot be opened (connection limit, ``pg_hba.conf``) or the snapshot
cannot be shared, nothing starts here and the main connection runs the same statements in turn.
"""
import logging
import math
import threading

LOG = logging.getLogger("Simpul")

# polygons per cell, on average (a few MB of GEOS geometries for the server per cell)
PER_CELL = 5000
# features per statement (band of cells): PostGIS keeps what its coverage validator allocated
# until the statement ends (about 200 MB per million polygons measured), so no statement gets many
PER_BAND = 100000
# a polygon whose box meets more cells than this is checked pair by pair instead
MOST_CELLS = 64
# the main connection's wait for the job, between looks at the user's Cancel
POLL_SECONDS = 0.1

VALID = ("SELECT {K}, (d).reason, ST_X((d).location), ST_Y((d).location) FROM ("
         "SELECT {K}, ST_IsValidDetail({G}) AS d FROM {T} WHERE {G} IS NOT NULL AND NOT ST_IsEmpty({G}) "
         "AND NOT ST_IsValid({G})) s ORDER BY {K}")

# topo.overlap: every candidate pair of the GiST self-join asked ``ST_Relate`` (valid, non-empty)
OVERLAPS_ALL_PAIRS = (
    "SELECT ak, bk, ST_AsText(i), ST_Area(i) FROM ("
    " SELECT a.{K} AS ak, b.{K} AS bk, ST_Intersection(a.{G}, b.{G}) AS i FROM {T} a JOIN {T} b "
    " ON a.{G} && b.{G} AND a.{K} < b.{K} "
    " WHERE NOT ST_IsEmpty(a.{G}) AND NOT ST_IsEmpty(b.{G}) "
    " AND NOT (a.{K} = ANY(%(bad)s::bigint[])) AND NOT (b.{K} = ANY(%(bad)s::bigint[])) "
    " AND ST_Relate(a.{G}, b.{G}, '2********') OFFSET 0) s "
    "WHERE ST_Area(i) >= %(min)s ORDER BY ak, bk")

# the cells (cx, cy) of side %(s)s a feature's box meets, as columns of the feature's row
_CELLS = ("LATERAL generate_series(floor(ST_XMin({G}) / %(s)s)::bigint, floor(ST_XMax({G}) / %(s)s)::bigint) cx, "
          "LATERAL generate_series(floor(ST_YMin({G}) / %(s)s)::bigint, floor(ST_YMax({G}) / %(s)s)::bigint) cy")
_SPAN = ("(floor(ST_XMax({G}) / %(s)s) - floor(ST_XMin({G}) / %(s)s) + 1) * "
         "(floor(ST_YMax({G}) / %(s)s) - floor(ST_YMin({G}) / %(s)s) + 1)")
_USED = "{G} IS NOT NULL AND NOT ST_IsEmpty({G}) AND NOT ({K} = ANY(%(bad)s::bigint[]))"
_POLYGON = "GeometryType({G}) IN ('POLYGON', 'MULTIPOLYGON')"

# the same pairs, asked only where GEOS's coverage validator flags one of the two, for the cells
# of one band (cell rows %(lo)s <= cy < %(hi)s; the GiST index fetches the features whose boxes
# meet the band); the first band also takes the features flagged without the validator. The
# LATERAL subqueries (OFFSET 0: not flattened) make the planner probe the index once per flagged
# feature instead of joining the whole table with itself.
OVERLAPS_OF_FLAGGED = (
    "WITH cells AS (SELECT {K} AS k, {G} AS g, cx, cy FROM {T}, " + _CELLS + " WHERE {G} && "
    "ST_MakeEnvelope(-1e38, %(ylo)s, 1e38, %(yhi)s, %(srid)s) AND " + _USED + " AND " + _POLYGON + " AND "
    + _SPAN + " <= %(most)s), "
    "flagged AS MATERIALIZED ("
    " SELECT DISTINCT k FROM (SELECT k, ST_CoverageInvalidEdges(g) OVER (PARTITION BY cx, cy) AS e FROM cells "
    "  WHERE cy >= %(lo)s AND cy < %(hi)s) w WHERE e IS NOT NULL "
    " UNION SELECT {K} FROM {T} WHERE %(first)s AND " + _USED + " AND (NOT " + _POLYGON + " OR "
    + _SPAN + " > %(most)s)), "
    "pairs AS (SELECT DISTINCT least(f.k, n.k) AS lo, greatest(f.k, n.k) AS hi FROM flagged f "
    " CROSS JOIN LATERAL (SELECT {G} AS g FROM {T} WHERE {K} = f.k OFFSET 0) a "
    " CROSS JOIN LATERAL (SELECT b.{K} AS k FROM {T} b WHERE b.{G} && a.g AND b.{K} <> f.k "
    "  AND NOT ST_IsEmpty(b.{G}) AND NOT (b.{K} = ANY(%(bad)s::bigint[])) OFFSET 0) n) "
    "SELECT ak, bk, ST_AsText(i), ST_Area(i) FROM ("
    " SELECT p.lo AS ak, p.hi AS bk, ST_Intersection(a.g, b.g) AS i FROM pairs p "
    " CROSS JOIN LATERAL (SELECT {G} AS g FROM {T} WHERE {K} = p.lo OFFSET 0) a "
    " CROSS JOIN LATERAL (SELECT {G} AS g FROM {T} WHERE {K} = p.hi OFFSET 0) b "
    " WHERE ST_Relate(a.g, b.g, '2********') OFFSET 0) s "
    "WHERE ST_Area(i) >= %(min)s")

# beyond any coordinate (a band's open ends; float4, as PostGIS's index boxes)
FAR = 1e38
FAR_CELL = 2 ** 62


def bands(ymin, ymax, side, count, per_band=None):
    """[(lo, hi, ylo, yhi, first)]: bands of cell rows (``lo <= cy < hi``) holding about
    ``per_band`` features each, the first and last open-ended (an extent QGIS only estimated
    may miss some rows), and the y range of each for the index."""
    per_band = PER_BAND if per_band is None else per_band
    try:
        c0, c1 = math.floor(ymin / side), math.floor(ymax / side)
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        c0 = c1 = 0
    rows = max(1, c1 - c0 + 1)
    n = max(1, min(rows, math.ceil(max(int(count or 0), 1) / max(per_band, 1))))
    h = math.ceil(rows / n)
    n = math.ceil(rows / h)                        # no band beyond the last row
    out = []
    for b in range(n):
        lo = -FAR_CELL if b == 0 else c0 + b * h
        hi = FAR_CELL if b == n - 1 else c0 + (b + 1) * h
        out.append((lo, hi, -FAR if b == 0 else lo * side, FAR if b == n - 1 else hi * side, b == 0))
    return out


def geos_at_least(text, version):
    """Is the GEOS of ``postgis_geos_version()`` (e.g. ``3.13.1-CAPI-1.19.2``) ``version`` or newer?"""
    parts = []
    for piece in str(text or "").split("-")[0].split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            return False
        parts.append(int(digits))
    return len(parts) == 2 and tuple(parts) >= tuple(version)


def cell_side(width, height, count, per_cell=None):
    """The side of square cells holding about ``per_cell`` of ``count`` features spread over a
    ``width`` x ``height`` extent (layer units); at least a millionth of the extent."""
    per_cell = PER_CELL if per_cell is None else per_cell
    width, height = abs(float(width or 0)), abs(float(height or 0))
    span = max(width, height)
    if not span or not math.isfinite(span):
        return 1.0
    area = max(width, span * 1e-6) * max(height, span * 1e-6)
    return max(math.sqrt(area * per_cell / max(int(count or 0), 1)), span * 1e-6)


def cells_of(ctx):
    """(cell side, bands) for the layer of ``ctx`` (its extent and feature count, as QGIS knows them)."""
    extent = ctx.layer.extent()
    side = cell_side(extent.width(), extent.height(), ctx.feature_count)
    return side, bands(extent.yMinimum(), extent.yMaximum(), side, ctx.feature_count)


def band_args(args, side, band, srid):
    """The parameters of :data:`OVERLAPS_OF_FLAGGED` for one band."""
    lo, hi, ylo, yhi, first = band
    return dict(args, s=side, most=MOST_CELLS, lo=lo, hi=hi, ylo=ylo, yhi=yhi, first=first, srid=int(srid or 0))


class OverlapJob:
    """``geom.valid`` then ``topo.overlap`` on their own connections (see the module's text)."""

    def __init__(self, run, ctx, min_area, overlaps=True):
        self.run, self.min_area, self.want_overlaps = run, min_area, overlaps
        self.coverage = run.coverage
        self.groups = run.groups if run.coverage else 1
        self.side, self.bands = cells_of(ctx)
        self.conns, self.threads = [], []
        self.lock = threading.Lock()
        self.valid_done, self.done = threading.Event(), threading.Event()
        self.valid_rows, self.overlap_rows, self.error, self.stopped = None, None, None, False

    def band_args(self, args, band):
        return band_args(args, self.side, band, self.run.srid)

    # -- in the job's threads ------------------------------------------------------------------
    def _connect(self):
        from .postgis_engine import connect
        conn = connect(self.run.src)
        try:
            with conn.cursor() as cur:
                cur.execute("SET TRANSACTION SNAPSHOT %s", (self.run.snapshot,))
                for setting in self.run.SETTINGS:
                    cur.execute("SET LOCAL " + setting)
        except Exception:
            conn.close()
            raise
        self.conns.append(conn)
        return conn

    def _rows(self, conn, query, args=None):
        with conn.cursor() as cur:
            cur.execute(self.run._q(query), args)
            return cur.fetchall()

    def _main(self, first):
        try:
            self.valid_rows = self._rows(first, VALID)
            self.valid_done.set()
            if self.want_overlaps and not self.stopped:
                self.overlap_rows = self._overlaps(first)
        except Exception as exc:  # noqa: BLE001 - handed to the main connection's thread
            self.error = exc
        finally:
            self.valid_done.set()
            self.done.set()

    def _overlaps(self, first):
        args = {"bad": [r[0] for r in self.valid_rows], "min": self.min_area}
        if not self.coverage:
            return self._rows(first, OVERLAPS_ALL_PAIRS, args)
        todo = list(enumerate(self.bands))
        shares = [None] * len(todo)
        errors = []

        def work(conn):
            while not errors and not self.stopped:
                with self.lock:
                    if not todo:
                        return
                    b, band = todo.pop(0)
                try:
                    shares[b] = self._rows(conn, OVERLAPS_OF_FLAGGED, self.band_args(args, band))
                except Exception as exc:  # noqa: BLE001
                    errors.append(exc)
        others = [threading.Thread(target=work, args=(conn,), name="simpul-pg-overlap-%d" % i, daemon=True)
                  for i, conn in enumerate(self.conns) if i]
        with self.lock:
            self.threads += others
        for th in others:
            th.start()
        work(first)
        for th in others:
            th.join()
        if errors:
            raise errors[0]
        seen = {}
        for rows in shares:
            for a, b, wkt, area in rows or ():
                seen.setdefault((a, b), (a, b, wkt, area))
        return [seen[p] for p in sorted(seen)]

    # -- in the main connection's thread ---------------------------------------------------------
    def start(self):
        """Open the connections (``groups`` of them where the coverage validator splits the work,
        else one) and start; False when not even one could be opened here."""
        if not self.run.snapshot:
            return False
        for _i in range(self.groups):
            try:
                self._connect()
            except Exception as exc:  # noqa: BLE001 - any reason: fewer connections, or the main one
                LOG.debug("PostGIS: no extra connection (%s)", self.run.src.clean(exc))
                break
        if not self.conns:
            return False
        th = threading.Thread(target=self._main, args=(self.conns[0],), name="simpul-pg-overlap-0", daemon=True)
        self.threads.append(th)
        th.start()
        return True

    def _wait(self, ctx, event):
        """True when ``event`` is set; False when the user canceled (the job is stopped then)."""
        while not event.wait(POLL_SECONDS):
            if ctx.canceled():
                break
        if ctx.canceled():
            self.stop()
            return False
        return True

    def valid(self, ctx):
        """The rows of :data:`VALID`, None when canceled; raises what the job met."""
        if not self._wait(ctx, self.valid_done):
            return None
        if self.valid_rows is None and self.error is not None:
            raise self.error
        return self.valid_rows

    def overlaps(self, ctx):
        """The rows of the overlap statement, None when canceled; raises what the job met."""
        if not self._wait(ctx, self.done):
            return None
        if self.error is not None:
            raise self.error
        return self.overlap_rows

    def stop(self, wait=10.0):
        """Cancel the statements still running, wait for the threads, close the connections."""
        with self.lock:
            self.stopped = True
            conns = list(self.conns)
        if not self.done.is_set():
            for conn in conns:
                try:
                    conn.cancel()
                except Exception:  # noqa: BLE001 - closed already
                    pass
        for th in list(self.threads):
            th.join(wait)
        for conn in conns:
            try:
                conn.rollback()
                conn.close()
            except Exception:  # noqa: BLE001
                pass
