#!/usr/bin/env python3
"""What the pieces of an in-database overlap check cost (figures, not a test).

    nice build/venv/test/bin/python bench/postgis_overlap_steps.py [--sizes 200000]

Same throw-away PostgreSQL + PostGIS (15 + 3.3 on Debian 12, 17 + 3.5 on Debian 13) and the
same generated parcels as ``bench/postgis_bench.py``. Each statement runs alone, read-only, with the engine's settings
(work_mem 64MB, no JIT), serial (``max_parallel_workers_per_gather = 0``) so that the figures are
CPU seconds, and is timed from the client:

* ``overlap (engine)`` — the statement ``topo.overlap`` sends today: the GiST self-join with
  ``ST_Relate(a, b, '2********')`` per candidate pair;
* ``GiST self-join alone`` — the same join counting candidate pairs, no predicate: the cost of
  the index probes (one per feature);
* ``ring segments, unmatched`` — every ring segment of the single-ring polygons as exact
  coordinate bytes (WKB, rings oriented with ``ST_ForcePolygonCCW``), grouped: the segments not
  matched by exactly one reversed twin — step (a) of a prefilter that would prove most
  features overlap nobody;
* ``point probe per feature (GiST)`` — is the centroid of each feature inside it and covered by
  no other feature (one index probe per feature) — step (b) of that prefilter;
* ``point probe per feature (grid)`` — the same through a hash/merge join on a grid of cells
  instead of the index.

The prefilter needs (a) and (b) for every feature; if their sum is not well below the engine's
statement, it cannot make the overlap check several times faster.

Where the server has ``ST_CoverageInvalidEdges`` (PostGIS >= 3.4, GEOS >= 3.12; Debian 13's
PostGIS 3.5 + GEOS 3.13), also:

* ``coverage invalid edges (window)`` — GEOS's coverage validator over the valid polygons as
  one window (``OVER ()``): the polygons it flags;
* ``coverage edges + pairs of flagged`` — that, then ``ST_Relate`` for the candidate pairs
  with a flagged polygon only (the same pairs as the engine's statement finds);
* ``--strips N`` — the window split into N vertical strips on N connections at once.

The overlap statement is also timed as the engine sends it (invalid features left out by a
parameter array). ``--parallel`` times everything with the engine's parallel-worker settings
(wall-clock) instead of serially (CPU seconds); ``--only TEXT`` picks statements by name.
README, PostGIS section, has the figures (Debian 12 and Debian 13).
"""
import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)                                   # the fixtures import demo.pgcluster
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "bench"))

T = '"{s}"."PERSIL_AR_1K"'
# what the engine sets to let its self-join use the cores (postgis_engine.PostgisRun.preflight)
PARALLEL = ("parallel_setup_cost = 100", "parallel_tuple_cost = 0.01", "min_parallel_table_scan_size = '1MB'")
UNIVERSE = "geom IS NOT NULL AND NOT ST_IsEmpty(geom) AND ST_IsValid(geom)"
SIMPLE = ("GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON') AND ST_NDims(geom) = 2 AND ST_NumGeometries(geom) = 1 "
          "AND ST_NRings(geom) = 1")
SEG = "substring(w.b from o + 16 * i for 32)"
REV = "(substring(w.b from o + 16 * i + 16 for 16) || substring(w.b from o + 16 * i for 16))"

STATEMENTS = (
    ("overlap (engine)",
     "SELECT count(*) FROM (SELECT a.fid, b.fid, ST_Intersection(a.geom, b.geom) FROM {t} a JOIN {t} b "
     "ON a.geom && b.geom AND a.fid < b.fid WHERE NOT ST_IsEmpty(a.geom) AND NOT ST_IsEmpty(b.geom) "
     "AND ST_Relate(a.geom, b.geom, '2********') OFFSET 0) s"),
    ("overlap (engine), valid ones only",
     "SELECT count(*) FROM (SELECT a.fid, b.fid, ST_Intersection(a.geom, b.geom) FROM {t} a JOIN {t} b "
     "ON a.geom && b.geom AND a.fid < b.fid WHERE NOT ST_IsEmpty(a.geom) AND NOT ST_IsEmpty(b.geom) "
     "AND NOT (a.fid = ANY(%(bad)s::bigint[])) AND NOT (b.fid = ANY(%(bad)s::bigint[])) "
     "AND ST_Relate(a.geom, b.geom, '2********') OFFSET 0) s"),
    ("GiST self-join alone",
     "SELECT count(*) FROM {t} a JOIN {t} b ON a.geom && b.geom AND a.fid < b.fid"),
    ("ring segments, unmatched",
     "SELECT count(*) FROM (SELECT key FROM (SELECT least(" + SEG + ", " + REV + ") AS key, " + SEG + " < " + REV +
     " AS dir FROM {t}, LATERAL ST_AsBinary(ST_ForcePolygonCCW(geom)) w(b), "
     "LATERAL (SELECT CASE WHEN get_byte(w.b, 1) = 6 THEN 23 ELSE 14 END) oo(o), "
     "generate_series(0, ST_NPoints(geom) - 2) i WHERE " + UNIVERSE + " AND " + SIMPLE + ") s "
     "GROUP BY key HAVING NOT (count(*) = 2 AND bool_or(dir) AND NOT bool_and(dir))) u"),
    ("point probe per feature (GiST)",
     "SELECT count(*) FROM {t} a, LATERAL ST_Centroid(a.geom) c(p) WHERE a.geom IS NOT NULL AND NOT ST_IsEmpty(a.geom)"
     " AND (NOT ST_Contains(a.geom, c.p) OR EXISTS (SELECT 1 FROM {t} b WHERE b.geom && c.p "
     "AND b.fid <> a.fid AND ST_Intersects(b.geom, c.p)))"),
    ("point probe per feature (grid)",
     "WITH q AS MATERIALIZED (SELECT fid AS k, p, ST_X(p) AS px, ST_Y(p) AS py FROM {t}, "
     "LATERAL ST_Centroid(geom) c(p) WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)), "
     "g AS MATERIALIZED (SELECT fid AS k, geom AS g, ST_XMin(geom) x0, ST_YMin(geom) y0, ST_XMax(geom) x1, "
     "ST_YMax(geom) y1 FROM {t} WHERE geom IS NOT NULL), "
     "gc AS (SELECT k, g, x0, y0, x1, y1, floor(x0 / {c})::bigint + dx AS cx, floor(y0 / {c})::bigint + dy AS cy "
     "FROM g, (VALUES (0, 0), (0, 1), (1, 0), (1, 1)) d(dx, dy) WHERE dx <= floor(x1 / {c}) - floor(x0 / {c}) "
     "AND dy <= floor(y1 / {c}) - floor(y0 / {c})) "
     "SELECT count(DISTINCT q.k) FROM q JOIN gc ON gc.cx = floor(q.px / {c})::bigint AND "
     "gc.cy = floor(q.py / {c})::bigint AND gc.k <> q.k AND q.px BETWEEN gc.x0 AND gc.x1 AND "
     "q.py BETWEEN gc.y0 AND gc.y1 AND _ST_Intersects(gc.g, q.p)"),
)
# PostGIS >= 3.4 with GEOS >= 3.12 only: GEOS's coverage validator as a prefilter. The valid
# polygons with an invalid coverage edge are "flagged"; the pairs with a flagged member are
# asked as the engine asks every pair (the LATERAL subqueries, OFFSET 0, keep the planner from
# joining the whole table with itself and hashing it: one index probe per flagged feature).
# %(bad)s: the invalid features' keys, a parameter as in the engine (a constant array is hashed)
FLAGGED = ("SELECT k FROM (SELECT fid AS k, ST_CoverageInvalidEdges(geom) OVER () AS e FROM {t} "
           "WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom) AND NOT (fid = ANY(%(bad)s::bigint[])) "
           "AND GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')) c WHERE e IS NOT NULL")
COVERAGE = (
    ("coverage invalid edges (window)", "SELECT count(*) FROM (" + FLAGGED + ") f"),
    ("coverage edges + pairs of flagged",
     "WITH flagged AS MATERIALIZED (" + FLAGGED + "), "
     "pairs AS (SELECT DISTINCT least(f.k, n.k) AS lo, greatest(f.k, n.k) AS hi FROM flagged f "
     "CROSS JOIN LATERAL (SELECT geom AS g FROM {t} WHERE fid = f.k OFFSET 0) a "
     "CROSS JOIN LATERAL (SELECT b.fid AS k FROM {t} b WHERE b.geom && a.g AND b.fid <> f.k "
     "AND NOT ST_IsEmpty(b.geom) AND NOT (b.fid = ANY(%(bad)s::bigint[])) OFFSET 0) n) "
     "SELECT count(*) FROM (SELECT p.lo, p.hi, ST_Intersection(a.g, b.g) FROM pairs p "
     "CROSS JOIN LATERAL (SELECT geom AS g FROM {t} WHERE fid = p.lo OFFSET 0) a "
     "CROSS JOIN LATERAL (SELECT geom AS g FROM {t} WHERE fid = p.hi OFFSET 0) b "
     "WHERE ST_Relate(a.g, b.g, '2********') OFFSET 0) s"),
)


def strips(srv, t, bad, n):
    """The coverage window in ``n`` vertical strips at once, one connection (one server process)
    each: wall-clock seconds, and the features flagged in any strip."""
    import threading
    conn = srv.connect(autocommit=False)
    with conn.cursor() as cur:
        cur.execute("SELECT percentile_disc(%s::float8[]) WITHIN GROUP (ORDER BY ST_XMin(geom)) FROM " + t,
                    ([i / n for i in range(1, n)],))
        cuts = [float("-inf")] + list(cur.fetchone()[0]) + [float("inf")]
    conn.rollback()
    conn.close()
    found, threads = [set() for _ in range(n)], []

    def one(i):
        c = srv.connect(autocommit=False)
        c.set_session(readonly=True)
        with c.cursor() as cur:
            for setting in ("work_mem = '64MB'", "jit = off", "max_parallel_workers_per_gather = 0"):
                cur.execute("SET LOCAL " + setting)
            strip = "WHERE ST_XMax(geom) >= %(x0)s AND ST_XMin(geom) < %(x1)s AND geom IS NOT NULL"
            cur.execute(FLAGGED.format(t=t).replace("WHERE geom IS NOT NULL", strip),
                        {"bad": bad, "x0": cuts[i], "x1": cuts[i + 1]})
            found[i] = {r[0] for r in cur.fetchall()}
        c.rollback()
        c.close()
    started = time.perf_counter()
    for i in range(n):
        threads.append(threading.Thread(target=one, args=(i,)))
        threads[-1].start()
    for th in threads:
        th.join()
    print("  %-32s %7.2f s  (%s rows)" % ("coverage window in %d strips" % n, time.perf_counter() - started,
                                         format(len(set().union(*found)), ",")), flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200000")
    ap.add_argument("--strips", type=int, default=0, metavar="N",
                    help="also time the coverage window split into N vertical strips (a polygon in every strip its "
                         "box meets), each on its own connection, all at once: wall-clock seconds")
    ap.add_argument("--only", default="", metavar="TEXT", help="only the statements whose name contains TEXT")
    ap.add_argument("--parallel", action="store_true",
                    help="with the engine's settings for parallel workers (wall-clock seconds on this machine's "
                         "cores) instead of serial (CPU seconds)")
    args = ap.parse_args(argv)
    from fixtures_postgis import PostgisServer
    import postgis_bench
    srv = PostgisServer(load=False).start()
    try:
        postgis_bench.add_srgi_row(srv)
        for n in [int(s) for s in args.sizes.split(",") if s]:
            schema = "steps_%d" % n
            postgis_bench.generate(srv, n, schema)
            conn = srv.connect(autocommit=False)
            t = T.format(s=schema)
            with conn.cursor() as cur:
                cur.execute("SELECT 1.25 * percentile_disc(0.99) WITHIN GROUP (ORDER BY greatest(ST_XMax(geom) - "
                            "ST_XMin(geom), ST_YMax(geom) - ST_YMin(geom))) FROM " + t)
                cell = float(cur.fetchone()[0])
                cur.execute("SELECT coalesce(array_agg(fid), '{}') FROM " + t + " WHERE NOT ST_IsValid(geom)")
                bad = list(cur.fetchone()[0])
            conn.rollback()
            print("%s parcels (load average %.1f), %s, seconds:" % (
                format(n, ","), os.getloadavg()[0], "parallel workers allowed" if args.parallel else "serial"))
            with conn.cursor() as cur:
                cur.execute("SELECT to_regproc('st_coverageinvalidedges') IS NOT NULL, postgis_lib_version(), "
                            "postgis_geos_version(), current_setting('server_version')")
                coverage, pg_v, geos_v, server_v = cur.fetchone()
            conn.rollback()
            print("  PostgreSQL %s, PostGIS %s, GEOS %s" % (server_v, pg_v, geos_v))
            for name, text in STATEMENTS + (COVERAGE if coverage else ()):
                if args.only not in name:
                    continue
                conn.set_session(readonly=True)
                with conn.cursor() as cur:
                    for setting in ("work_mem = '64MB'", "jit = off", "client_min_messages = warning") + (
                            PARALLEL if args.parallel else ("max_parallel_workers_per_gather = 0",)):
                        cur.execute("SET LOCAL " + setting)
                    started = time.perf_counter()
                    cur.execute(text.format(t=t, c=repr(cell)), {"bad": bad})
                    rows = cur.fetchone()[0]
                    print("  %-32s %7.2f s  (%s rows)" % (name, time.perf_counter() - started, format(rows, ",")),
                          flush=True)
                conn.rollback()
            conn.close()
            if coverage and args.strips > 1:
                strips(srv, t, bad, args.strips)
            srv.sql('DROP SCHEMA "%s" CASCADE' % schema)
    finally:
        srv.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
