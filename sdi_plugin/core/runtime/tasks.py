"""One bridge between QGIS's task manager and Simpul's work: :class:`FunctionTask`.

Simpul's long work is a plain function ``fn(feedback)`` that polls ``feedback.isCanceled()``
and reports ``feedback.setProgress()`` (the same functions the Processing algorithms call).
The task owns a real ``QgsFeedback`` and ties the two together:

* ``cancel()`` — from a page's Cancel button, the task manager's ✕, or unloading the plugin —
  cancels the feedback at once, so the running work sees it (not after ``run()`` returns);
* the task's progress follows ``feedback.progressChanged``;
* the result, or a message for people, comes back on the GUI thread through ``ended(task)``
  (``task.result``, ``task.error``, ``task.canceled``).

Pages connect bound methods (never lambdas that reach widgets), and on shutdown call
:func:`stop_tasks`: disconnect, cancel and wait, so no task outlives the page that started it.
"""
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsTask
from qgis.PyQt.QtCore import Qt, pyqtSignal

from ..i18n import tr


_RUNNING = set()   # submitted tasks not yet ended


class FunctionTask(QgsTask):
    """Run ``fn(feedback)`` off the GUI thread.

    ``expected``: exception classes whose text is already a message for people (shown as is);
    any other exception becomes "Unexpected error: …". ``feedback``: a ``QgsFeedback`` of the
    caller's (for its own signals), else a quiet ``QgsProcessingFeedback``."""

    ended = pyqtSignal(object)   # the task itself, on the GUI thread, once, however it ended

    def __init__(self, title, fn, feedback=None, expected=(), flags=QgsTask.Flag.CanCancel):
        super().__init__(title, flags)
        self.fn = fn
        self.feedback = feedback if feedback is not None else QgsProcessingFeedback(False)
        self.expected = tuple(expected)
        self.result = None
        self.error = ""
        self.canceled = False
        # direct: the progress is reported from the worker thread, as QgsTask expects
        self.feedback.progressChanged.connect(self.setProgress, Qt.ConnectionType.DirectConnection)

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def run(self):
        try:
            self.result = self.fn(self.feedback)
        except self.expected as exc:
            self.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - a message, never a traceback, for the user
            self.error = tr("Unexpected error: {error}").format(error=exc)
        self.canceled = self.feedback.isCanceled() or self.isCanceled()
        return not self.error and not self.canceled

    def finished(self, ok):  # GUI thread (the task manager calls it), once
        self.canceled = self.canceled or self.feedback.isCanceled() or (not ok and not self.error)
        _RUNNING.discard(self)
        self.ended.emit(self)

    def watch(self, ended=None, progress=None):
        """Connect the caller's slots (bound methods) to ``ended`` and ``progressChanged``;
        :meth:`unwatch` (or :func:`stop_tasks`) disconnects exactly these."""
        self._watched = getattr(self, "_watched", [])
        for signal, slot in ((self.ended, ended), (self.progressChanged, progress)):
            if slot is not None:
                signal.connect(slot)
                self._watched.append((signal, slot))
        return self

    def unwatch(self):
        for signal, slot in getattr(self, "_watched", []):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass   # gone already
        self._watched = []

    def submit(self):
        """Hand the task to QGIS's task manager; returns it. The task is kept alive until it
        has ended (the task manager owns only its C++ side: without a Python reference its
        ``run`` and ``finished`` would be lost)."""
        _RUNNING.add(self)
        QgsApplication.taskManager().addTask(self)
        return self


def stop_tasks(tasks, timeout=60.0):
    """Let ``tasks`` go: disconnect what was connected with :meth:`FunctionTask.watch`,
    cancel them and wait (up to ``timeout`` seconds in all) until each has ended, so none
    outlives the page or dialog that started it (plugin unload, panel rebuilt, dialog closed).
    Tasks already deleted by the task manager are skipped."""
    import time
    end = time.monotonic() + timeout
    live = []
    for task in list(tasks):
        if task is None:
            continue
        try:
            task.unwatch()
            task.cancel()
            live.append(task)
        except RuntimeError:   # its C++ side is gone: it ended already
            continue
    for task in live:
        try:
            task.waitForFinished(max(1, int((end - time.monotonic()) * 1000)))
        except RuntimeError:
            pass
