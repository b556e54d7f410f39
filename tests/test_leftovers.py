"""Nothing outlives a test process (issue 16): when it dies — SIGKILL, a crash — the demo node's
servers it started (gunicorn, qgis_mapserver) end too; and a test that hangs holding Python's
GIL (which pytest-timeout cannot interrupt) is killed by tools/run_tests.sh's per-file timeout."""
import json
import os
import select
import signal
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

@pytest.mark.timeout(1)
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
    # the file's limit: past pytest's start-up (~1.5 s) and the test's own pytest-timeout (1 s), which
    # cannot interrupt it
    env = dict(os.environ, SIMPUL_TEST_FILES=str(hang), SIMPUL_FILE_TIMEOUT="6", HANG_PIDS=str(pids))
    proc = subprocess.run(["bash", os.path.join(ROOT, "tools", "run_tests.sh"), "--rootdir", str(tmp_path),
                           "-c", os.devnull], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=HANG_GUARD)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "%s: TIMED OUT after 6 s" % hang in out and "GIL" in out, out
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



# -- the QGIS desktop (tools/qgis_desktop.py): no qgis.bin or Xvfb outlives its run -----------------
DESKTOP_SCRIPT = r"""
import os
with open(os.environ["SIMPUL_STARTED_FIFO"], "w") as fh:   # QGIS is up; then it just stays open
    fh.write("%d\n" % os.getpid())
"""

DESKTOP_CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
import qgis_desktop
qgis_desktop.run_qgis(sys.argv[2], sys.argv[3], timeout=3600)
"""


def _marked(token):
    """Processes whose environment holds ``SIMPUL_LEFTOVER_TOKEN=token`` (xvfb-run, Xvfb, qgis.bin, …)."""
    marker = ("SIMPUL_LEFTOVER_TOKEN=%s" % token).encode()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open("/proc/%s/environ" % name, "rb") as fh:
                if marker in fh.read().split(b"\0") and _state(int(name)) not in (None, "Z"):
                    found.append(int(name))
        except OSError:
            continue
    return found


def _desktop_setup(tmp_path, monkeypatch):
    import sys
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import qgis_desktop
    qgis_desktop.make_profile(str(tmp_path / "profile"), language="en")
    fifo = str(tmp_path / "started")
    os.mkfifo(fifo)
    script = tmp_path / "stay.py"
    script.write_text(DESKTOP_SCRIPT)
    token = os.urandom(8).hex()
    monkeypatch.setenv("SIMPUL_LEFTOVER_TOKEN", token)
    monkeypatch.setenv("SIMPUL_STARTED_FIFO", fifo)
    monkeypatch.delenv("DISPLAY", raising=False)   # its own Xvfb (xvfb-run), as in the suite
    return qgis_desktop, str(tmp_path / "profile"), str(script), fifo, token


def _wait_started(fifo):
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        ready, _, _ = select.select([fd], [], [], HANG_GUARD)
        return os.read(fd, 64).decode().strip() if ready else ""
    finally:
        os.close(fd)


def test_a_desktop_run_that_times_out_leaves_no_qgis_running(tmp_path, monkeypatch):
    import pytest
    qgis_desktop, profile, script, fifo, token = _desktop_setup(tmp_path, monkeypatch)
    seen = {}
    start_desktop = qgis_desktop.start_desktop

    def start_then_wait_until_qgis_runs(*args, **kwargs):
        # run_desktop's timeout then counts from a QGIS that is up (its script wrote to the fifo),
        # so a short one still ends a running QGIS, never one still starting
        proc = start_desktop(*args, **kwargs)
        seen["pid"] = _wait_started(fifo)
        seen["started"] = _marked(token)
        return proc
    monkeypatch.setattr(qgis_desktop, "start_desktop", start_then_wait_until_qgis_runs)
    with pytest.raises(subprocess.TimeoutExpired):
        qgis_desktop.run_qgis(profile, script, timeout=1, log=str(tmp_path / "qgis.log"))
    started = _marked(token)
    try:
        assert seen["pid"], "QGIS did not start within %d s" % HANG_GUARD
        assert int(seen["pid"]) in seen["started"] and len(seen["started"]) >= 3, seen   # guard/xvfb-run, Xvfb, qgis.bin
        assert _wait_all_exit(seen["started"] + started) == [], \
            [open("/proc/%d/cmdline" % p).read() for p in _marked(token)]
    finally:
        for pid in _marked(token):
            os.kill(pid, signal.SIGKILL)


def test_the_desktop_ends_when_the_process_that_started_it_is_killed(tmp_path, monkeypatch):
    qgis_desktop, profile, script, fifo, token = _desktop_setup(tmp_path, monkeypatch)
    child = tmp_path / "desktop_child.py"
    child.write_text(DESKTOP_CHILD)
    proc = subprocess.Popen(["/usr/bin/python3", str(child), os.path.join(ROOT, "tools"), profile, script],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        pid = _wait_started(fifo)
        assert pid, "QGIS did not start within %d s" % HANG_GUARD
        started = _marked(token)
        assert int(pid) in started and len(started) >= 3, started   # guard/xvfb-run, Xvfb, qgis.bin
        proc.kill()          # SIGKILL: nothing of Python runs any more
        proc.wait()
        assert _wait_all_exit(started) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in _marked(token):
            os.kill(pid, signal.SIGKILL)
