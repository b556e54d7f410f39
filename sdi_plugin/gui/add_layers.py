"""Loading records as layers off the GUI thread, and putting the layers into the project, one
layer-tree group per node."""
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from ..core.i18n import tr
from ..core.loading.loader import load_link, load_records
from ..core.nodes.registry import NodeRegistry
from ..core.runtime.tasks import FunctionTask


def authcfg_for(registry=None):
    """A function record -> authcfg id of the record's node (from the user's nodes)."""
    reg = registry or NodeRegistry()
    nodes = {n.id: n.authcfg for n in reg.nodes()}
    return lambda record: nodes.get(getattr(record, "node_id", ""), "")


class LoadTask(FunctionTask):
    """Load records (or given links of records) in the background.

    ``jobs`` is a list of records, or of ``(record, link)`` pairs for one link each. After the
    task, ``results`` holds the :class:`~sdi_plugin.core.loading.loader.LoadResult` list; the layers
    already belong to the GUI thread, ready for :func:`add_to_project`.
    """

    def __init__(self, jobs, kinds=None, project_crs=None, registry=None, timeout=20.0):
        self.jobs = list(jobs)
        self.kinds = kinds
        self.project_crs = project_crs
        self.timeout = timeout
        self._authcfg = authcfg_for(registry)
        self.results = []
        super().__init__(tr("Simpul: loading {count} layer(s)").format(count=len(jobs)), self._load)

    def _load(self, fb):
        records = [j for j in self.jobs if not isinstance(j, tuple)]
        pairs = [j for j in self.jobs if isinstance(j, tuple)]
        for i, (record, link) in enumerate(pairs):
            if fb.isCanceled():
                break
            result = load_link(link, record, self.project_crs, self._authcfg(record), self.timeout, fb)
            if result.layer is not None:   # one record, several of its links: say which is which
                result.layer.setName("%s (%s)" % (result.layer.name(), result.kind))
            self.results.append(result)
            self.setProgress(100.0 * (i + 1) / max(1, len(self.jobs)))
        if records and not fb.isCanceled():
            self.results += load_records(records, self.kinds, self.project_crs, self._authcfg, self.timeout, fb)
        main = QCoreApplication.instance().thread()
        for result in self.results:
            if result.layer is not None:
                result.layer.moveToThread(main)
        return self.results


def add_to_project(results, project=None):
    """Add the loaded layers of ``results`` to ``project``, in a group per node (created at the
    top of the layer tree when missing). Returns the layers added."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    added = []
    for result in results:
        layer = result.layer
        if layer is None:
            continue
        group_name = result.record.node_name or result.record.node_id or tr("Simpul")
        group = root.findGroup(group_name)
        if group is None:
            group = root.insertGroup(0, group_name)
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)
        added.append(layer)
    return added


def run_load(jobs, on_done, kinds=None, project_crs=None, registry=None):
    """Start a :class:`LoadTask`; ``on_done(task)`` (a bound method) runs on the GUI thread
    when it ends."""
    return LoadTask(jobs, kinds, project_crs, registry).watch(ended=on_done).submit()
