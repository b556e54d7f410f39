"""Regression: QGIS's network stack used from many worker threads at once must not abort the
process. The stress runs in a child process (an abort there cannot take the test run down) and
must end normally with every request answered."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QGIS_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def test_parallel_probes_from_several_tasks_do_not_crash():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([QGIS_PYTHON, os.path.join(HERE, "stress_http_threads.py"), "3", "15"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, (proc.returncode, proc.stdout[-1000:], proc.stderr[-3000:])
    finished = proc.stdout.strip().splitlines()[-1].split()
    assert finished[:4] == ["finished", "3", "errors", "0"], proc.stdout
    assert int(finished[5]) > 3 * 15 * 20   # every round probed every path (dozens per round)
