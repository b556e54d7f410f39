"""``geom.valid`` and ``topo.overlap`` of a PostGIS layer on connections of their own, started as
soon as the run is planned, while the other rules run on the main connection.

    job = OverlapJob(run, ctx)     # run: a PostgisRun after its preflight; ctx: the Context
    job.start()                    # False: nothing started (the main connection does it all)
    rows = job.valid(ctx)          # (key, reason, x, y) of the invalid features, as the engine asks
    rows = job.overlaps(ctx)       # (a, b, wkb, area, same) of the overlapping pairs, a < b, sorted
    job.stop()                     # cancel what still runs, close the connections

Every connection is READ ONLY and REPEATABLE READ and imports the main connection's snapshot
(``pg_export_snapshot``), so all the rules of a run see the same rows.

topo.overlap, where the table has a GiST index on its geometry: **flag, then spread**
(:func:`find_overlaps`), split over ``groups`` connections (the server's
``max_parallel_workers_per_gather``, 1 to 4) that take bands of cell rows (square cells of about
``PER_CELL`` polygons, bands of about ``PER_BAND``) in turn:

1. *Flag* the valid polygons with an edge out of place (:data:`FLAGS`): by matching edges
   (``ST_DumpSegments``, PostGIS >= 3.2: a segment is in place when exactly two polygons have it,
   in opposite directions; of the polygons having a segment out of place in one direction, the
   smallest and largest key are flagged, and the others overlap those) or by GEOS's coverage
   validator (``ST_CoverageInvalidEdges``, PostGIS >= 3.4 with GEOS >= 3.13, once per cell).
   Non-polygons (and, for the validator, polygons over more than ``MOST_CELLS`` cells) are
   flagged without a look.
2. *Ask* ``ST_Relate(a, b, '2********')`` for the candidate pairs (GiST index) of the flagged
   polygons; then, round after round, for the pairs of every polygon found overlapping that was
   not asked yet, until a round finds no new one.

Why that finds every overlapping pair (not only those at a flagged polygon): two polygons whose
interiors meet share a point x covered by at least two polygons. Walk from x in a straight line
(one avoiding vertices and crossings) until the number of polygons covering the line first drops
below two, at y. Where an edge in place is crossed, one polygon ends and the one across the edge
begins, so each set of covering polygons shares one with the next: a chain of overlapping pairs.
The chain ends at y, where the count drops, or earlier where a set shares none with the next
(all its polygons end on one line); either way some polygon of the chain's last set ends there
on an edge out of place, so it is flagged (for the validator: that edge lies inside a polygon
that goes on, or on another polygon's edge, both of which it flags; by matching edges: it is
flagged, or it has that segment in the same direction as a flagged polygon, which it overlaps on
the segment's left, so a chain of overlapping pairs leads on from a flagged polygon). The
rounds walk the chain back to x. (Only the validator's flags, without the rounds, missed a place mapped
twice: inside each of two tilings every edge is in place.)

Elsewhere (no GiST index, PostGIS < 3.2, or a flagging the server refuses) one connection runs
the plain statement: every candidate pair of the GiST self-join asked ``ST_Relate``, with the
server's parallel workers. When an extra connection cannot be opened (connection limit,
``pg_hba.conf``) or the snapshot cannot be shared, nothing starts here and the main connection
runs the same statements in turn.
"""
import bisect
import heapq
import itertools
import logging
import math
import threading
from array import array

from ..runtime.heap import trim

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

# topo.overlap: every candidate pair of the GiST self-join asked ``ST_Relate`` (valid, non-empty);
# the pairs over the minimum area, and the equal ones whatever their area (geom.duplicate: the last
# column says which are equal)
OVERLAPS_ALL_PAIRS = (
    "SELECT ak, bk, ST_AsBinary(i), ST_Area(i), same FROM ("
    " SELECT a.{K} AS ak, b.{K} AS bk, ST_Intersection(a.{G}, b.{G}) AS i, "
    " ST_AsBinary(a.{G}) = ST_AsBinary(b.{G}) AS same FROM {T} a JOIN {T} b "
    " ON a.{G} && b.{G} AND a.{K} < b.{K} "
    " WHERE NOT ST_IsEmpty(a.{G}) AND NOT ST_IsEmpty(b.{G}) "
    " AND NOT (a.{K} = ANY(%(bad)s::bigint[])) AND NOT (b.{K} = ANY(%(bad)s::bigint[])) "
    " AND ST_Relate(a.{G}, b.{G}, '2********') OFFSET 0) s "
    "WHERE ST_Area(i) >= %(min)s OR same ORDER BY ak, bk")

# the cells (cx, cy) of side %(s)s a feature's box meets, as columns of the feature's row
_CELLS = ("LATERAL generate_series(floor(ST_XMin({G}) / %(s)s)::bigint, floor(ST_XMax({G}) / %(s)s)::bigint) cx, "
          "LATERAL generate_series(floor(ST_YMin({G}) / %(s)s)::bigint, floor(ST_YMax({G}) / %(s)s)::bigint) cy")
_SPAN = ("(floor(ST_XMax({G}) / %(s)s) - floor(ST_XMin({G}) / %(s)s) + 1) * "
         "(floor(ST_YMax({G}) / %(s)s) - floor(ST_YMin({G}) / %(s)s) + 1)")
_USED = "{G} IS NOT NULL AND NOT ST_IsEmpty({G}) AND NOT ({K} = ANY(%(bad)s::bigint[]))"
_POLYGON = "GeometryType({G}) IN ('POLYGON', 'MULTIPOLYGON')"

# The polygons "flagged" in one band of cell rows (cell rows %(lo)s <= cy < %(hi)s; the GiST index
# fetches the features whose boxes meet the band); the first band also takes the features flagged
# without a look (not plain polygons, or in more than MOST_CELLS cells). Two ways, the same promise
# (see the module's text): no valid polygon with an edge out of place goes unflagged.
#
# By GEOS's coverage validator, once per cell (PostGIS >= 3.4 with GEOS >= 3.13):
FLAG_BY_COVERAGE = (
    "WITH cells AS (SELECT {K} AS k, {G} AS g, cx, cy FROM {T}, " + _CELLS + " WHERE {G} && "
    "ST_MakeEnvelope(-1e38, %(ylo)s, 1e38, %(yhi)s, %(srid)s) AND " + _USED + " AND " + _POLYGON + " AND "
    + _SPAN + " <= %(most)s) "
    "SELECT DISTINCT k FROM (SELECT k, ST_CoverageInvalidEdges(g) OVER (PARTITION BY cx, cy) AS e FROM cells "
    " WHERE cy >= %(lo)s AND cy < %(hi)s) w WHERE e IS NOT NULL "
    "UNION SELECT {K} FROM {T} WHERE %(first)s AND " + _USED + " AND (NOT " + _POLYGON + " OR "
    + _SPAN + " > %(most)s)")

# By matching edges (PostGIS >= 3.2: ST_DumpSegments): every ring oriented (shells counter-
# clockwise, holes clockwise: the polygon's inside on the left), every segment keyed by its two
# ends; a segment is in place when exactly two polygons have it, in opposite directions (one
# polygon on each side: two rows, one in each direction, which the aggregates that pick the keys
# tell too). A segment belongs to the band of its midpoint (both copies of a shared segment have
# the same), so each is counted once. Of the polygons having a segment out of place,
# the smallest and the largest key on each side are flagged: two polygons having the same segment
# in the same direction both cover the ground on its left, so they overlap, and the rounds reach
# the others of that side from a flagged one (no array of keys per segment: at 1,000,000
# polygons the aggregate groups some 2,000,000 segments). Each OFFSET 0 keeps the planner from
# inlining a subquery's columns, which would compute every point and coordinate several times.
FLAG_BY_EDGES = (
    "SELECT k FROM (SELECT unnest(ARRAY[a1, a2, b1, b2]) AS k FROM ("
    " SELECT min(k) FILTER (WHERE f) AS a1, max(k) FILTER (WHERE f) AS a2, "
    "  min(k) FILTER (WHERE NOT f) AS b1, max(k) FILTER (WHERE NOT f) AS b2 FROM ("
    "  SELECT k, x1, y1, x2, y2, (x1, y1) < (x2, y2) AS f FROM ("
    "   SELECT k, ST_X(p) AS x1, ST_Y(p) AS y1, ST_X(q) AS x2, ST_Y(q) AS y2 FROM ("
    "    SELECT k, ST_StartPoint(s) AS p, ST_EndPoint(s) AS q FROM ("
    "     SELECT {K} AS k, (ST_DumpSegments(ST_ForcePolygonCCW({G}))).geom AS s FROM {T} WHERE {G} && "
    "     ST_MakeEnvelope(-1e38, %(ylo)s, 1e38, %(yhi)s, %(srid)s) AND " + _USED + " AND " + _POLYGON
    + ") a OFFSET 0) b OFFSET 0) c "
    "  WHERE floor((y1 + y2) / 2 / %(s)s) >= %(lo)s AND floor((y1 + y2) / 2 / %(s)s) < %(hi)s) d "
    " GROUP BY CASE WHEN f THEN x1 ELSE x2 END, CASE WHEN f THEN y1 ELSE y2 END, "
    "  CASE WHEN f THEN x2 ELSE x1 END, CASE WHEN f THEN y2 ELSE y1 END "
    " HAVING count(*) <> 2 OR min(k) FILTER (WHERE f) IS NULL OR min(k) FILTER (WHERE NOT f) IS NULL) e) g "
    "WHERE k IS NOT NULL "
    "UNION SELECT {K} FROM {T} WHERE %(first)s AND " + _USED + " AND NOT " + _POLYGON)

FLAGS = {"coverage": FLAG_BY_COVERAGE, "edges": FLAG_BY_EDGES}

# ST_Relate for the candidate pairs (GiST index) of the polygons %(keys)s (a share of the round's
# polygons %(round)s), but not with those of an earlier round (%(done)s: asked then); a pair of two
# of the round's polygons is asked from its smaller key only: each pair is asked once, in the round
# of the first of its two polygons asked. Every pair whose interiors meet comes
# back, whatever its area (the spreading needs the small ones too), and whether the two are equal
# (same WKB); the caller keeps those over the minimum, and the equal ones. The LATERAL subquery
# (OFFSET 0: not flattened) makes the planner probe the index once per polygon instead of joining
# the whole table with itself.
PAIRS_OF = (
    "SELECT least(ak, bk), greatest(ak, bk), ST_AsBinary(i), ST_Area(i), same FROM ("
    " SELECT a.k AS ak, n.k AS bk, ST_Intersection(a.g, n.g) AS i, ST_AsBinary(a.g) = ST_AsBinary(n.g) AS same "
    " FROM (SELECT {K} AS k, {G} AS g FROM {T} WHERE {K} = ANY(%(keys)s::bigint[])) a "
    " CROSS JOIN LATERAL (SELECT b.{K} AS k, b.{G} AS g FROM {T} b WHERE b.{G} && a.g AND b.{K} <> a.k "
    "  AND NOT ST_IsEmpty(b.{G}) AND NOT (b.{K} = ANY(%(bad)s::bigint[])) "
    "  AND NOT (b.{K} = ANY(%(done)s::bigint[])) AND NOT (b.{K} < a.k AND b.{K} = ANY(%(round)s::bigint[])) "
    "  OFFSET 0) n "
    " WHERE ST_Relate(a.g, n.g, '2********') OFFSET 0) s")

# rounds of spreading before every candidate pair is asked at once instead
MOST_ROUNDS = 12
# polygons asked per statement of a round (several statements: the job's connections share them)
PER_ASK = 20000


# beyond any coordinate (a band's open ends; float4, as PostGIS's index boxes)
FAR = 1e38
FAR_CELL = 2 ** 62


def key_array(keys):
    """Integer keys as one array literal (``'{1,2,3}'``, cast with ``::bigint[]`` where the SQL uses
    it). psycopg2 would send a list as ``ARRAY[1,2,3]``: one constant per key for the server to
    parse and fold, and for psycopg2 to quote. For a round's statement (20,000 keys asked, 70,000
    of the round) that took 0.2 s before the statement started; the literal takes 0.03 s.
    Written from the list's own text, not a string per key (a round may ask 150,000 keys)."""
    if type(keys) is array:          # integers already; a piece at a time, not one object per key
        return "{%s}" % ",".join(repr(keys[i:i + 8192].tolist())[1:-1].replace(" ", "")
                                 for i in range(0, len(keys), 8192))
    keys = keys if type(keys) is list else list(keys)
    for k in keys:
        if type(k) is not int:
            raise TypeError("a key must be an integer, not %r" % (k,))
    return "{%s}" % repr(keys)[1:-1].replace(" ", "")


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


def cells_of(ctx, count=None):
    """(cell side, bands) for the layer of ``ctx``: its extent as QGIS knows it, ``count`` features
    (an estimate will do: the bands are open-ended), else the layer's feature count."""
    extent = ctx.layer.extent()
    count = count if count and count > 0 else ctx.feature_count
    side = cell_side(extent.width(), extent.height(), count)
    return side, bands(extent.yMinimum(), extent.yMaximum(), side, count)


def band_args(args, side, band, srid):
    """The parameters of a flagging statement (:data:`FLAGS`) for one band."""
    lo, hi, ylo, yhi, first = band
    return dict(args, s=side, most=MOST_CELLS, lo=lo, hi=hi, ylo=ylo, yhi=yhi, first=first, srid=int(srid or 0))


def share(askers, work, stopped=lambda: False, started=None):
    """Run the statements ``work`` (``[(query, args)]``) on the connections of ``askers`` (one
    callable ``(query, args) -> rows`` each), which take them in turn; their rows, in the order
    of ``work``. The first asker runs in this thread, the others in threads of their own
    (``started(thread)`` hears of each). The first error raises here, once all have stopped."""
    todo, out, errors, lock = list(enumerate(work)), [None] * len(work), [], threading.Lock()

    def run(ask):
        while not errors and not stopped():
            with lock:
                if not todo:
                    return
                i, (query, args) = todo.pop(0)
            try:
                out[i] = ask(query, args)
            except Exception as exc:  # noqa: BLE001 - raised below, in the caller's thread
                errors.append(exc)
    others = [threading.Thread(target=run, args=(ask,), name="simpul-pg-overlap-%d" % i, daemon=True)
              for i, ask in enumerate(askers) if i]
    for th in others:
        if started is not None:
            started(th)
        th.start()
    run(askers[0])
    for th in others:
        th.join()
    if errors:
        raise errors[0]
    return [rows or [] for rows in out]


def find_overlaps(askers, flag, args, side, band_list, srid, stopped=lambda: False, started=None):
    """``(a, b, wkb, area, same)`` of the pairs of valid polygons whose interiors meet over at
    least ``args["min"]``, and of the equal ones (``same``: the same WKB) whatever their area,
    a < b, sorted.

    First the polygons the way ``flag`` (a key of :data:`FLAGS`) flags in every band; then rounds of
    :data:`PAIRS_OF`: the first asks the flagged polygons' candidate pairs, each next one those
    of the polygons found overlapping in the round before and not asked yet, until a round
    finds none (after ``MOST_ROUNDS`` rounds, every candidate pair is asked at once instead).
    Why that finds every pair: see the module's text."""
    found, done, keys, rounds = [], array("q"), _flagged(askers, flag, args, side, band_list, srid, stopped, started), 0
    least = args["min"]
    # the keys asked (done), to ask (keys) and met are sorted arrays and lists, not sets: at
    # 2,000,000 polygons the first round asks 140,000; a set's table growing took 8 MB at once, and
    # an array holds a key in 8 bytes where a Python integer takes 32 more
    while keys and not stopped():
        rounds += 1
        if rounds > MOST_ROUNDS:   # overlaps spreading far (two tilings of a whole region): every pair at once
            return share(askers[:1], [(OVERLAPS_ALL_PAIRS, args)], stopped)[0]
        step = max(1, min(PER_ASK, math.ceil(len(keys) / len(askers))))
        asked, this_round = key_array(done), key_array(keys)
        work = [(PAIRS_OF, dict(args, keys=key_array(keys[i:i + step]), done=asked, round=this_round))
                for i in range(0, len(keys), step)]
        met = []
        for rows in share(askers, work, stopped, started):
            for row in rows:
                met += row[:2]
            # each pair comes once (see PAIRS_OF); those under the minimum only spread the rounds
            found += [row for row in rows if row[3] >= least or row[4]]
        met.sort()
        LOG.debug("PostGIS: topo.overlap round %d: %d polygons asked, %d pairs met so far", rounds, len(keys),
                  len(found))
        nxt = array("q", (k for k, _ in itertools.groupby(met) if not _among(keys, k) and not _among(done, k)))
        del met
        if nxt:
            done = array("q", heapq.merge(done, keys))
        keys = nxt
    found.sort()                            # by the pair (a, b): no two rows have the same
    return found


def _among(sorted_keys, k):
    i = bisect.bisect_left(sorted_keys, k)
    return i < len(sorted_keys) and sorted_keys[i] == k


def _flagged(askers, flag, args, side, band_list, srid, stopped, started):
    """The keys the flagging of every band gives, sorted: a band's as one array (at 2,000,000
    polygons some 140,000 keys: as rows of one key each they took 8 MB more)."""
    flagged = set()
    query = "SELECT array_agg(k) FROM (%s) f" % FLAGS[flag]
    for rows in share(askers, [(query, band_args(args, side, b, srid)) for b in band_list], stopped, started):
        for (keys,) in rows:
            flagged.update(keys or ())
    return array("q", sorted(flagged))


class OverlapJob:
    """``geom.valid`` then ``topo.overlap`` on their own connections (see the module's text)."""

    # where the job's connections share the overlap check, no statement of the run (theirs or the
    # main connection's) gets parallel workers: the connections are the parallelism
    SERIAL = "max_parallel_workers_per_gather = 0"

    def __init__(self, run, ctx, min_area, overlaps=True):
        self.run, self.min_area, self.want_overlaps = run, min_area, overlaps
        self.flagging = run.flagging
        self.shares = bool(overlaps and run.flagging)
        self.groups = run.groups if self.shares else 1
        self.side, self.bands = cells_of(ctx, run.estimate)
        self.conns, self.threads = [], []
        self.lock = threading.Lock()
        self.valid_done, self.done = threading.Event(), threading.Event()
        self.valid_rows, self.overlap_rows, self.error, self.stopped = None, None, None, False
        self.bad = "{}"

    # -- in the job's threads ------------------------------------------------------------------
    def _connect(self):
        from .postgis_connection import connect
        conn = connect(self.run.src)
        try:
            with conn.cursor() as cur:
                cur.execute("SET TRANSACTION SNAPSHOT %s", (self.run.snapshot,))
                for setting in self.run.SETTINGS + ((self.SERIAL,) if self.shares else ()):
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
            self.bad = key_array(r[0] for r in self.valid_rows)      # before the rows are handed over
            self.valid_done.set()
            if self.want_overlaps and not self.stopped:
                self.overlap_rows = self._overlaps(first)
        except Exception as exc:  # noqa: BLE001 - handed to the main connection's thread
            self.error = exc
        finally:
            # the rounds' statements and results were the C library's in the job's threads: their
            # pages back to the system before the findings are made (4 MB at 2,000,000 polygons)
            trim()
            self.valid_done.set()
            self.done.set()

    def _overlaps(self, first):
        args = {"bad": self.bad, "min": self.min_area}
        if not self.flagging:
            return self._rows(first, OVERLAPS_ALL_PAIRS, args)
        askers = [lambda query, a, conn=conn: self._rows(conn, query, a) for conn in self.conns]

        def started(th):
            with self.lock:
                self.threads.append(th)
        return find_overlaps(askers, self.flagging, args, self.side, self.bands, self.run.srid,
                             lambda: self.stopped, started)

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
        """The rows of :data:`VALID`, handed over as :meth:`overlaps`' are, None when canceled;
        raises what the job met. Asked once."""
        if not self._wait(ctx, self.valid_done):
            return None
        if self.valid_rows is None and self.error is not None:
            raise self.error
        rows, self.valid_rows = self.valid_rows, None
        return rows

    def overlaps(self, ctx):
        """The rows of the overlap statement, handed over (the job keeps none: they can be let go
        while they become findings), None when canceled; raises what the job met. Asked once."""
        if not self._wait(ctx, self.done):
            return None
        if self.error is not None:
            raise self.error
        rows, self.overlap_rows = self.overlap_rows, None
        return rows

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
