"""The PostgreSQL fixture never outlives the test process: killed with SIGKILL, its server
is stopped and its data folder deleted by the watchdog."""
import json
import os
import subprocess
import sys

from qtwait import wait_for

HERE = os.path.dirname(os.path.abspath(__file__))
CHILD = r"""
import json, os, sys
sys.path.insert(0, %r)
from fixtures_postgis import PostgisServer
srv = PostgisServer(load=False).start()
pid = int(open(os.path.join(srv.data, "postmaster.pid")).readline())
print(json.dumps({"pid": pid, "workdir": srv.workdir, "port": srv.port}), flush=True)
os.kill(os.getpid(), 9)
""" % HERE


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_server_stops_when_the_test_process_is_killed():
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=180)
    assert proc.returncode == -9
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    assert wait_for(lambda: not _alive(info["pid"]), 60000)
    assert wait_for(lambda: not os.path.exists(info["workdir"]), 30000)
