"""Run a FederatedSearch the way the GUI does (signals on the main thread's event loop) and
record everything it says, for the tests."""
from qgis.PyQt.QtCore import QEventLoop, QTimer


class SearchLog:
    def __init__(self, search):
        self.search = search
        self.events = []        # ("started", id) / ("records", id, [Record]) / ("finished_node", id, ok, msg, total)
        self.finished = 0
        self.ticks = 0          # ticks of a 10 ms timer on the main thread while the search ran
        self.ticks_before_finish = None
        search.nodeStarted.connect(lambda node_id: self.events.append(("started", node_id)))
        search.recordsArrived.connect(lambda node_id, recs: self.events.append(("records", node_id, list(recs))))
        search.nodeFinished.connect(lambda *a: self.events.append(("finished_node",) + tuple(a)))
        search.finished.connect(self._on_finished)

    def _on_finished(self):
        self.finished += 1
        if self.ticks_before_finish is None:
            self.ticks_before_finish = self.ticks

    def wait(self, guard_s=90):
        """Turn the event loop until ``finished`` (``guard_s`` only stops a broken test)."""
        loop = QEventLoop()
        self.search.finished.connect(loop.quit)
        tick = QTimer()
        tick.timeout.connect(self._tick)
        tick.start(10)
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(int(guard_s * 1000))
        if self.search.is_running():
            loop.exec_()
        tick.stop()
        guard.stop()
        self.search.finished.disconnect(loop.quit)
        assert not self.search.is_running(), "the search did not finish"
        return self

    def _tick(self):
        self.ticks += 1

    def node_result(self, node_id):
        """(ok, message, total) of the node's last nodeFinished."""
        found = [e for e in self.events if e[0] == "finished_node" and e[1] == node_id]
        assert found, "no nodeFinished for %s: %s" % (node_id, self.events)
        return found[-1][2:]

    def arrived(self, node_id=None):
        return [r for e in self.events if e[0] == "records" and (node_id is None or e[1] == node_id) for r in e[2]]


def held_by(records, node_id):
    """Identifiers of the merged records that ``node_id`` holds (listed under it or as a duplicate)."""
    return sorted({r.identifier if r.node_id == node_id else d["identifier"]
                   for r in records for d in ([{"node_id": r.node_id}] + r.duplicates) if d["node_id"] == node_id})
