"""Nothing outlives a test process (issue 16): when it dies — SIGKILL, a crash — the demo node's
servers it started (gunicorn, qgis_mapserver) end too; and a test that hangs holding Python's
GIL (which pytest-timeout cannot interrupt) is killed by tools/run_tests.sh's per-file timeout."""
import json
import os
import select
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANG_GUARD = 120   # seconds: only so that a regression fails instead of hanging the suite

NODE_CHILD = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
from demo.node import DemoNode, free_port, _group_members
node = DemoNode(host="127.0.0.1", port=free_port(), workdir=sys.argv[2], sample_dir=sys.argv[3])
node.start()
pids = sorted({p for pgid in node.pgids.values() for p, state in _group_members(pgid) if state != "Z"})
print(json.dumps({"pids": pids, "names": sorted(node.pids)}), flush=True)
sys.stdin.read()   # until the test kills this process
"""


def _state(pid):
    try:
        with open("/proc/%d/stat" % pid, "rb") as fh:
            return fh.read().decode("ascii", "replace").rsplit(")", 1)[-1].split()[0]
    except OSError:
        return None   # gone


def _wait_all_exit(pids):
    """Wait (event-driven, pidfd) until every process in ``pids`` has exited; return those alive."""
    fds = {}
    for pid in pids:
        try:
            fds[os.pidfd_open(pid)] = pid
        except ProcessLookupError:
            pass
    try:
        pending = set(fds)
        while pending:
            ready, _, _ = select.select(list(pending), [], [], HANG_GUARD)
            if not ready:
                break
            pending -= set(ready)
        return sorted(pid for pid in pids if _state(pid) not in (None, "Z"))
    finally:
        for fd in fds:
            os.close(fd)


def test_the_demo_nodes_servers_end_when_the_process_that_started_them_is_killed(sample_data_dir, tmp_path):
    script = tmp_path / "node_child.py"
    script.write_text(NODE_CHILD)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(["/usr/bin/python3", str(script), ROOT, str(tmp_path / "node"), sample_data_dir],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        line = proc.stdout.readline()
        assert line, "the demo node did not start:\n%s" % proc.stderr.read()[-3000:]
        info = json.loads(line)
        assert {"gateway", "qgis_server", "qgis_server_publish"} <= set(info["names"]), info
        assert len(info["pids"]) >= 3 and all(_state(p) not in (None, "Z") for p in info["pids"])
        proc.kill()          # SIGKILL: no atexit, no stop(), nothing of Python runs any more
        proc.wait()
        assert _wait_all_exit(info["pids"]) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


HANGING_TEST = r"""
import ctypes, os, subprocess
import pytest

@pytest.mark.timeout(2)
def test_deadlock_holding_the_gil():
    with open(os.environ["HANG_PIDS"], "w") as fh:
        sleeper = subprocess.Popen(["sleep", "3600"])          # in this process's group
        fh.write("%d %d\n" % (os.getpid(), sleeper.pid))
    libc = ctypes.PyDLL(None)                                  # PyDLL: the GIL stays held in the call
    mutex = ctypes.create_string_buffer(64)                    # PTHREAD_MUTEX_INITIALIZER (all zero)
    libc.pthread_mutex_lock(mutex)
    libc.pthread_mutex_lock(mutex)                             # a normal mutex locked twice: never returns
"""


def test_a_test_that_hangs_holding_the_gil_is_killed_with_a_clear_message(tmp_path):
    hang = tmp_path / "test_hang_holding_gil.py"
    hang.write_text(HANGING_TEST)
    pids = tmp_path / "pids"
    env = dict(os.environ, SIMPUL_TEST_FILES=str(hang), SIMPUL_FILE_TIMEOUT="15", HANG_PIDS=str(pids))
    proc = subprocess.run(["bash", os.path.join(ROOT, "tools", "run_tests.sh"), "--rootdir", str(tmp_path),
                           "-c", os.devnull], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=HANG_GUARD)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "%s: TIMED OUT after 15 s" % hang in out and "GIL" in out, out
    assert out.strip().splitlines()[-1] == "0 passed, 1 failed", out
    pytest_pid, sleeper_pid = (int(x) for x in pids.read_text().split())
    # the hung test process and everything in its process group are gone
    assert _wait_all_exit([pytest_pid, sleeper_pid]) == []


def test_run_tests_sh_still_reports_an_ordinary_file(tmp_path):
    ok = tmp_path / "test_fine.py"
    ok.write_text("def test_one():\n    assert 1 + 1 == 2\n")
    env = dict(os.environ, SIMPUL_TEST_FILES=str(ok), SIMPUL_FILE_TIMEOUT="300")
    proc = subprocess.run(["bash", os.path.join(ROOT, "tools", "run_tests.sh"), "--rootdir", str(tmp_path),
                           "-c", os.devnull], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "1 passed, 0 failed"
    assert "TIMED OUT" not in proc.stdout

