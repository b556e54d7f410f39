"""Run by tests/test_http_threads.py in a process of its own: several QgsTasks at once, each
probing a loopback server with every node-detection request (dozens of parallel requests per
task, on short-lived worker threads) for ROUNDS rounds, while the main thread keeps Qt's event
loop busy. Before http.py stopped connecting Python slots to QNetworkReply signals, this
aborted the process ("wrapped C/C++ object of type QNetworkReply has been deleted", double
free) in every run. Prints "finished N" and exits 0 when every task ended normally."""
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsTask  # noqa: E402

from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis  # noqa: E402

app = start_qgis().app

from httpfixture import ScriptedServer  # noqa: E402
from sdi_plugin.core.nodes.nodeinfo import detect_services  # noqa: E402

TASKS, ROUNDS = int(sys.argv[1]), int(sys.argv[2])
server = ScriptedServer()
server.static("/csw", "<html>no catalogue here</html>", ctype="text/html")
server.static("/ows", "<?xml version='1.0'?><nothing/>")
ended, probes = [], []


def work(task):
    try:
        for _ in range(ROUNDS):
            probes.append(len(detect_services(server.url, timeout=2).probes))
    except BaseException:
        traceback.print_exc()   # the test shows it
        raise
    return True


tasks = [QgsTask.fromFunction("stress %d" % k, work, on_finished=lambda exc, result=None: ended.append(exc))
         for k in range(TASKS)]
for task in tasks:
    QgsApplication.taskManager().addTask(task)
deadline = time.monotonic() + 240
while len(ended) < TASKS and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.002)   # keeps this loop from spinning; not synchronisation
errors = [e for e in ended if e is not None]
print("finished %d errors %d probes %d" % (len(ended), len(errors), sum(probes)))
server.close()
stop_qgis()
sys.exit(0 if len(ended) == TASKS and not errors else 1)
