"""Node health in the background: one ``QgsTask`` per node, now (Check) and every N minutes
(``simpul/health/interval_minutes``); results go into the user's nodes and out by signals.
A dead or hanging node costs its task one timeout and blocks nothing else."""
from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QIcon

from ..core.log import log, swallowed
from ..core.nodes import health
from ..core.i18n import tr
from ..core.nodes.registry import NodeRegistry
from ..core.paths import resource
from ..core.runtime.tasks import FunctionTask, stop_tasks

_ICONS = {}


def health_icon(state):
    """The up / slow / down / unknown icon (``resources/icons/health-<state>.svg``)."""
    state = state if state in ("up", "slow", "down") else "unknown"
    if state not in _ICONS:
        _ICONS[state] = QIcon(resource("icons", "health-%s.svg" % state))
    return _ICONS[state]


def cache_counter():
    """The offline cache's record count per node, when the catalogue cache is there."""
    try:
        from ..core.catalog.cache import RecordCache
        cache = RecordCache()
    except Exception:  # noqa: BLE001 - no cache (yet): counts come from the catalogues only
        swallowed("no cache (yet): counts come from the catalogues only")
        return None
    return lambda node_id: cache.count(node_id) or None


class HealthTask(FunctionTask):
    """Check one node (``core.nodes.health.check``) off the GUI thread."""

    def __init__(self, node, detect=False, timeout=None):
        self.node = node
        self.detect = detect
        self.timeout = timeout
        self.health = None
        self.services = None
        super().__init__(tr("Simpul: checking node {name}").format(name=node.name), self._check)

    def _check(self, fb):
        self.health, self.services = health.check(self.node, timeout=self.timeout, feedback=fb,
                                                  detect=self.detect, cache_count=cache_counter())


class HealthMonitor(QObject):
    """Runs :class:`HealthTask` per node and keeps ``Node.health`` / ``Node.services`` up to date.

    Signals: ``checkStarted(node_id)``, ``nodeChecked(node_id)``, ``message(text, Qgis level)``.
    """

    checkStarted = pyqtSignal(str)
    nodeChecked = pyqtSignal(str)
    message = pyqtSignal(str, int)

    def __init__(self, registry=None, parent=None):
        super().__init__(parent)
        self.registry = registry or NodeRegistry()
        self.tasks = {}
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_all)
        self.apply_interval()

    def apply_interval(self):
        minutes = health.interval_minutes()
        if minutes:
            self.timer.start(minutes * 60 * 1000)
        else:
            self.timer.stop()

    def check(self, node_id, detect=None):
        """Start a check of ``node_id`` (full service detection when its services are unknown
        or ``detect``); returns the task, or None when one is running already."""
        node = self.registry.get(node_id)
        if node is None or node_id in self.tasks:
            return None
        task = HealthTask(node, detect=bool(detect) if detect is not None else not node.services)
        self.tasks[node_id] = task
        task.watch(ended=self._ended).submit()
        self.checkStarted.emit(node_id)
        return task

    def check_all(self):
        for node in self.registry.nodes():
            self.check(node.id, detect=False)

    def _ended(self, task):
        self._done(task.node.id, task)

    def _done(self, node_id, task):
        if self.tasks.get(node_id) is task:
            self.tasks.pop(node_id, None)
        node = self.registry.get(node_id)
        if node is not None and task.health is not None:
            node.health = task.health
            if task.services is not None:
                node.services = task.services
            self.registry.update(node)
            if task.health["state"] == "down":
                text = tr("Node {name} did not answer: {why}").format(name=node.name, why=task.health["message"])
                log.warning("%s", text)
                self.message.emit(text, Qgis.MessageLevel.Warning)
        self.nodeChecked.emit(node_id)

    def cancel(self):
        self.timer.stop()
        tasks = list(self.tasks.values())
        self.tasks.clear()
        stop_tasks(tasks)
