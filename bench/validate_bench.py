#!/usr/bin/env python3
"""Benchmark of the dataset validator (figures, not a test).

    /usr/bin/python3 bench/validate_bench.py [--sizes 200000,400000] [--keep DIR]

Generates a KUGI polygon layer (PERSIL_AR_1K, EPSG:9488) in a GeoPackage: a jittered grid of
quadrilaterals that tile the area exactly (neighbours share vertices, as parcels digitised
with snapping do), 1 % of them invalid (bow-ties) and 1 % overlapping their neighbours (one
corner pushed outwards).  For each size it times, in the same run and each in a child
process of its own (so peak memory is that measurement's, from ``resource.getrusage``):

* the baseline: QGIS's own validity check alone, ``qgis:checkvalidity`` (QGIS 3.22's id;
  ``native:checkvalidity`` in later releases), GEOS method, outputs to memory layers;
* Simpul's full rule set (``validate_layer``: every KUGI, CRS, text, extent, geometry and
  topology rule, no report writing).

Each measurement runs ``--repeat`` times (default 2) and the best time counts: on a shared
machine single runs vary by tens of percent.

Targets (issue 4): full rules <= 2x the validity check; doubling the features <= 2.3x the
time; peak memory <= 500 MB.
"""
import argparse
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYER = "PERSIL_AR_1K"


def generate(path, n, seed=20240517):
    """Write ``n`` parcels to ``path`` (GeoPackage) with GDAL's OGR (fast bulk insert)."""
    from osgeo import ogr, osr
    rnd = random.Random(seed)
    cols = int(math.ceil(math.sqrt(n)))
    rows = int(math.ceil(n / cols))
    size, x0, y0 = 50.0, 640000.0, 9300000.0
    grid = [[(x0 + i * size + rnd.uniform(-8, 8), y0 + j * size + rnd.uniform(-8, 8))
             for j in range(rows + 1)] for i in range(cols + 1)]
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(9488)
    lyr = ds.CreateLayer(LAYER, srs, ogr.wkbMultiPolygon)
    for name, width in (("FCODE", 50), ("NAMOBJ", 250), ("REMARK", 250), ("SRS_ID", 50), ("METADATA", 50),
                        ("NIB", 50), ("TIPHAK", 50), ("WADMKD", 50), ("WADMKC", 50), ("WADMKK", 50)):
        fd = ogr.FieldDefn(name, ogr.OFTString)
        fd.SetWidth(width)
        lyr.CreateField(fd)
    lyr.CreateField(ogr.FieldDefn("LUAS", ogr.OFTReal))
    defn = lyr.GetLayerDefn()
    ds.StartTransaction()
    k = 0
    for i in range(cols):
        for j in range(rows):
            if k >= n:
                break
            a, b, c, d = grid[i][j], grid[i + 1][j], grid[i + 1][j + 1], grid[i][j + 1]
            r = rnd.random()
            if r < 0.01:
                ring = [a, b, d, c]                                    # bow-tie: invalid
            elif r < 0.02:
                ring = [a, b, (c[0] + 0.3 * size, c[1] + 0.3 * size), d]  # juts into its neighbours
            else:
                ring = [a, b, c, d]
            f = ogr.Feature(defn)
            for name, value in (("FCODE", "LA03100010"), ("NAMOBJ", "Persil %d" % k), ("REMARK", "Bidang"),
                                ("SRS_ID", "SRGI 2013"), ("METADATA", "PERSIL100020240517_BENCH"),
                                ("NIB", "%014d" % k), ("TIPHAK", "Hak Milik"), ("WADMKD", "Sukasari"),
                                ("WADMKC", "Tangerang"), ("WADMKK", "Kota Tangerang")):
                f.SetField(name, value)
            f.SetField("LUAS", size * size)
            f.SetGeometry(ogr.CreateGeometryFromWkt(
                "MULTIPOLYGON(((%s)))" % ",".join("%.3f %.3f" % p for p in ring + [ring[0]])))
            lyr.CreateFeature(f)
            k += 1
    ds.CommitTransaction()
    ds = None


def _paths():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for p in (ROOT, "/usr/share/qgis/python/plugins"):
        if p not in sys.path:
            sys.path.insert(0, p)


def child(kind, path):
    """One measurement in this (child) process; prints a JSON line."""
    _paths()
    from sdi_plugin.core.runtime.qgis_app import start_qgis
    with start_qgis(processing=(kind == "checkvalidity")):   # its end ends QGIS cleanly
        _child(kind, path)


def _child(kind, path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer("%s|layername=%s" % (path, LAYER), LAYER, "ogr")
    assert layer.isValid(), path
    out = {"kind": kind, "features": layer.featureCount()}
    t = time.perf_counter()
    if kind == "checkvalidity":
        import processing
        alg = "qgis:checkvalidity"
        from qgis.core import QgsApplication
        if QgsApplication.processingRegistry().algorithmById(alg) is None:
            alg = "native:checkvalidity"
        res = processing.run(alg, {"INPUT_LAYER": layer, "METHOD": 2, "IGNORE_RING_SELF_INTERSECTION": False,
                                   "VALID_OUTPUT": "memory:", "INVALID_OUTPUT": "memory:",
                                   "ERROR_OUTPUT": "memory:"})
        out["invalid"] = res.get("INVALID_COUNT")
        out["algorithm"] = alg
    else:
        from sdi_plugin.core.validate import validate_layer
        result = validate_layer(layer)
        s = result.summary()
        out["by_rule"] = s["by_rule"]
        out["errors"] = s["errors"]
    out["seconds"] = time.perf_counter() - t
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("RESULT " + json.dumps(out))


def measure(kind, path, repeat=1):
    """The best time of ``repeat`` runs (each in its own process; peak memory is the largest)."""
    runs = [_measure_once(kind, path) for _ in range(max(repeat, 1))]
    best = min(runs, key=lambda r: r["seconds"])
    return dict(best, peak_mb=max(r["peak_mb"] for r in runs), runs=[round(r["seconds"], 2) for r in runs])


def _measure_once(kind, path):
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", kind, path],
                          capture_output=True, text=True, cwd=ROOT)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if proc.returncode != 0 or line is None:
        raise SystemExit("%s failed:\n%s\n%s" % (kind, proc.stdout[-2000:], proc.stderr[-3000:]))
    return json.loads(line[len("RESULT "):])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200000,400000")
    ap.add_argument("--keep", default="", help="folder for the generated GeoPackages (kept, reused)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement; the best time counts")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(*args.child)
    folder = args.keep or tempfile.mkdtemp(prefix="simpul-bench-")
    os.makedirs(folder, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = []
    for n in sizes:
        path = os.path.join(folder, "persil_%d.gpkg" % n)
        if not os.path.exists(path):
            t = time.perf_counter()
            generate(path, n)
            print("generated %s (%d features) in %.1f s" % (path, n, time.perf_counter() - t), flush=True)
        base = measure("checkvalidity", path, args.repeat)
        full = measure("simpul", path, args.repeat)
        rows.append((n, base, full))
        print("%7d features: qgis:checkvalidity %.2f s %s (%.0f MB) | Simpul full rules %.2f s %s (%.0f MB) "
              "| ratio %.2fx | findings %s" % (n, base["seconds"], base["runs"], base["peak_mb"], full["seconds"],
                                               full["runs"], full["peak_mb"], full["seconds"] / base["seconds"],
                                               json.dumps(full["by_rule"])), flush=True)
    print()
    print("| features | qgis:checkvalidity (s) | Simpul full rules (s) | ratio (target <= 2) | peak memory, "
          "full rules (MB, target <= 500) |")
    print("|---:|---:|---:|---:|---:|")
    for n, base, full in rows:
        print("| {:,} | {:.2f} | {:.2f} | {:.2f}x | {:.0f} |".format(
            n, base["seconds"], full["seconds"], full["seconds"] / base["seconds"], full["peak_mb"]))
    if len(rows) >= 2:
        (n1, b1, f1), (n2, b2, f2) = rows[0], rows[1]
        print()
        print("doubling {:,} -> {:,} features: Simpul x{:.2f} (target <= 2.3), qgis:checkvalidity x{:.2f}".format(
            n1, n2, f2["seconds"] / f1["seconds"], b2["seconds"] / b1["seconds"]))
    if not args.keep:
        for n in sizes:
            p = os.path.join(folder, "persil_%d.gpkg" % n)
            if os.path.exists(p):
                os.remove(p)
        os.rmdir(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
