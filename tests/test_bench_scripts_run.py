"""The PostGIS benchmark scripts still run (a few thousand parcels, figures not looked at): they
are how the README's figures are made, and an import moved elsewhere once broke both unnoticed."""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _run(args, timeout=600):
    done = subprocess.run([sys.executable] + args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=timeout, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    out = done.stdout.decode("utf-8", "replace")
    assert done.returncode == 0, out[-3000:]
    return out


def test_postgis_bench_runs_both_engines_on_a_small_table():
    out = _run(["bench/postgis_bench.py", "--sizes", "2500"])
    assert "in the database:" in out and "through the provider:" in out, out[-3000:]
    assert "| 2,500 |" in out, out[-3000:]
    # both engines found the same invalid geometries and overlaps
    db = next(line for line in out.splitlines() if "in the database:" in line)
    local = next(line for line in out.splitlines() if "through the provider:" in line)
    assert json.loads(db[db.index("{"):]) == json.loads(local[local.index("{"):]), (db, local)
    assert "postgis {" in db and "local {" in local


def test_postgis_overlap_steps_runs():
    out = _run(["bench/postgis_overlap_steps.py", "--sizes", "2500", "--only", "engine"])
    assert "overlap (engine)" in out, out[-3000:]
