"""The task/feedback bridge (``core/runtime/tasks.py``) every page runs its work in: cancel reaches the
running work through its feedback at once, progress follows the feedback, results and errors
come back through ``ended``, stop_tasks leaves nothing running; and Cancel on a Latihan call
stops it (issue 11, item 4)."""
import threading

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

from qtwait import wait_for
from sdi_plugin.core.training import lab
from sdi_plugin.core.runtime.tasks import FunctionTask, stop_tasks


class Gate:
    """Work that runs until its feedback is canceled, and says whether it saw the cancel."""

    def __init__(self):
        self.started = threading.Event()
        self.give_up = threading.Event()   # set by the test's end: the work never runs for ever
        self.saw_cancel = threading.Event()

    def __call__(self, feedback):
        self.started.set()
        feedback.setProgress(10)
        while not feedback.isCanceled():
            if self.give_up.wait(0.01):   # polls the feedback, as Simpul's work does
                return "gave up"
        self.saw_cancel.set()
        return "saw cancel"


@pytest.fixture
def gate():
    g = Gate()
    yield g
    g.give_up.set()
    wait_for(lambda: QgsApplication.taskManager().count() == 0, 10000)


def test_result_progress_and_error_come_back(qgis_app):
    ended, progress = [], []
    task = FunctionTask("ok", lambda fb: (fb.setProgress(50), 42)[1])
    task.watch(ended=ended.append, progress=progress.append).submit()
    assert wait_for(lambda: ended)
    assert ended == [task] and task.result == 42 and not task.error and not task.canceled
    assert 50.0 in progress

    class Refused(Exception):
        pass

    def refuse(fb):
        raise Refused("Node menolak.")

    failed = []
    FunctionTask("no", refuse, expected=(Refused,)).watch(ended=failed.append).submit()
    FunctionTask("bug", lambda fb: 1 / 0).watch(ended=failed.append).submit()
    assert wait_for(lambda: len(failed) == 2)
    errors = sorted(t.error for t in failed)
    assert errors[0] == "Node menolak." and errors[1].startswith("Unexpected error:")


def test_cancel_reaches_the_running_work(qgis_app, gate):
    ended = []
    task = FunctionTask("gated", gate).watch(ended=ended.append).submit()
    assert wait_for(lambda: gate.started.is_set())
    task.cancel()                       # what the task manager's cancel and the pages' Cancel do
    assert wait_for(lambda: ended)
    assert gate.saw_cancel.is_set() and task.result == "saw cancel" and task.canceled


def test_stop_tasks_disconnects_cancels_and_waits(qgis_app, gate):
    ended = []
    task = FunctionTask("gated", gate).watch(ended=ended.append).submit()
    assert wait_for(lambda: gate.started.is_set())
    stop_tasks([task])
    assert gate.saw_cancel.is_set()     # ended before stop_tasks returned
    assert wait_for(lambda: QgsApplication.taskManager().count() == 0)
    QCoreApplication.processEvents()
    assert ended == []                  # its slot was disconnected: nothing reaches a page that went


@pytest.fixture
def lab_page(qgis_app):
    from sdi_plugin.core.training import exercises
    from sdi_plugin.gui.lab_page import LabPage
    s = QgsSettings()
    for k in (lab.PARTICIPANT_KEY, lab.LAB_URL_KEY):
        s.remove(k)
    tracker = exercises.Tracker(exercises.Checklist())
    page = LabPage(tracker=tracker)
    yield page
    page.shutdown()
    page.deleteLater()
    QCoreApplication.processEvents()


def test_cancel_stops_a_lab_call(lab_page, gate):
    """Cancel on a Latihan call reaches the running call (before, the feedback was canceled only
    after the call had ended by itself)."""
    done = []
    task = lab_page._run("test", "Simpul: test", gate, done.append)
    assert wait_for(lambda: gate.started.is_set())
    task.cancel()
    assert wait_for(lambda: done, 10000), "the lab call did not end on Cancel"
    assert gate.saw_cancel.is_set() and done[0].result == "saw cancel"
    assert not lab_page.busy()


def test_cancel_stops_connecting_to_a_silent_lab_node(lab_page, scripted_server):
    """The real Connect call against a node that never answers: Cancel ends it as canceled."""
    scripted_server.hang("/lab/directory.json")
    lab_page.url_edit.setText(scripted_server.url)
    task = lab_page.connect_lab()
    assert task is not None
    assert wait_for(lambda: scripted_server.hits)     # the request is out, held by the node
    task.cancel()
    assert wait_for(lambda: not lab_page.busy(), 10000)
    assert task.canceled and lab_page.btn_connect.isEnabled()
