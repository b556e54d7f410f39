"""The Discover page of the Simpul dock: your nodes (health, services, the JIGN directory,
import/export), a federated catalogue search whose results stream in, the selected record
(details and its footprint on the map), and loading records as layers — all wiring; the work
is in ``core`` and runs in background tasks."""
import os

from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsGeometry, QgsProject, QgsRectangle)
from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QAbstractButton, QLabel, QMenu, QMessageBox, QSplitter, QStackedWidget,
                                 QTextBrowser, QToolBar, QToolBox, QToolButton, QVBoxLayout, QWidget)

from ..compat import GeometryType, QAction
from ..core.nodes import directory
from ..core.i18n import tr
from ..core.nodes.registry import NodeRegistry
from ..core.runtime.tasks import stop_tasks
from .add_layers import add_to_project, run_load
from .widgets import choose_file
from .health_monitor import HealthMonitor
from .node_dialog import NodeDialog
from .node_list import NodeTree, node_html
from .record_view import RecordView
from .search_panel import SearchPanel

LAST_DIR_KEY = "simpul/last_dir"


class DiscoverPage(QWidget):
    """Signals: ``message(text, Qgis level)`` for the message bar.

    Public: ``registry``, ``tree`` (the nodes), ``detail`` (the selected node, HTML),
    ``search_panel``, ``record_view``, ``monitor`` (health), ``check_node(node_id)``,
    ``refresh()``, ``load_records(records, kinds=None)``, ``cancel_tasks()``; ``_tasks`` are the
    running health checks by node id. ``canvas`` (the map canvas, from ``iface``) may be set.
    """

    message = pyqtSignal(str, int)

    def __init__(self, iface=None, registry=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas() if iface is not None else None
        self.registry = registry or NodeRegistry()
        self.monitor = HealthMonitor(self.registry, self)
        self.monitor.checkStarted.connect(lambda *_: self.refresh())
        self.monitor.nodeChecked.connect(lambda *_: self.refresh())
        self.monitor.message.connect(self.message)
        self.load_tasks = []
        self._rubber = None

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.toolbox = QToolBox()
        self.toolbox.addItem(self._nodes_page(), QgsApplication.getThemeIcon("/mIconWms.svg"), tr("Nodes"))
        self.search_panel = SearchPanel(self.registry, self._extent)
        self.toolbox.addItem(self.search_panel, QgsApplication.getThemeIcon("/search.svg"), tr("Search"))
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        self.record_view = RecordView()
        self.bottom = QStackedWidget()
        self.bottom.addWidget(self.detail)
        self.bottom.addWidget(self.record_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.toolbox)
        split.addWidget(self.bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 260])
        self.splitter = split
        # the search page (form, results, status, Load) is never cut off by the record view below it
        heads = sum(b.sizeHint().height() for b in self.toolbox.findChildren(QAbstractButton)
                    if b.parent() is self.toolbox)
        self.toolbox.setMinimumHeight(self.search_panel.sizeHint().height() + heads + 12)
        lay.addWidget(split, 1)

        self.toolbox.currentChanged.connect(self._page_changed)
        self.tree.currentItemChanged.connect(lambda *_: self.show_detail())
        self.search_panel.recordSelected.connect(self._record_selected)
        self.search_panel.loadRequested.connect(self.load_records)
        self.search_panel.message.connect(self.message)
        self.record_view.loadRequested.connect(lambda rec, link: self.load_links([(rec, link)]))
        self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _nodes_page(self):
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 4, 4, 4)
        intro = QLabel(tr("Nodes (simpul jaringan) of the JIGN network you work with."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        bar = QToolBar()
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        add_menu = QMenu(self)
        add_menu.addAction(tr("By address…"), self.add_node)
        add_menu.addAction(tr("From the JIGN directory…"), self.add_from_directory)
        self.btn_add = QToolButton()
        self.btn_add.setText(tr("Add node…"))
        self.btn_add.setIcon(QgsApplication.getThemeIcon("/symbologyAdd.svg"))
        self.btn_add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.btn_add.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.btn_add.setMenu(add_menu)
        self.btn_add.clicked.connect(self.add_node)
        bar.addWidget(self.btn_add)
        self.act_check = self._action(bar, tr("Check"), "/mActionRefresh.svg", self.check_selected,
                                      tr("Detect the node's services and check its health now"))
        self.act_remove = self._action(bar, tr("Remove"), "/symbologyRemove.svg", self.remove_selected)
        bar.addSeparator()
        self.act_import = self._action(bar, tr("Import…"), "/mActionFileOpen.svg", self.import_nodes,
                                       tr("Import…: add the nodes of a node list file (JSON)"), icon_only=True)
        self.act_export = self._action(bar, tr("Export…"), "/mActionFileSave.svg", self.export_nodes,
                                       tr("Export…: save your nodes as a node list file (JSON), without credentials"),
                                       icon_only=True)
        lay.addWidget(bar)
        self.tree = NodeTree()
        lay.addWidget(self.tree, 1)
        return page

    def _action(self, bar, text, icon, slot, tip="", icon_only=False):
        action = QAction(QgsApplication.getThemeIcon(icon), text, self)
        action.setToolTip(tip or text)
        if icon_only:   # a toolbar shows low-priority actions as icons only
            action.setPriority(QAction.Priority.LowPriority)
        action.triggered.connect(slot)
        bar.addAction(action)
        return action

    @property
    def _tasks(self):
        return self.monitor.tasks

    # -- nodes ----------------------------------------------------------------------------------
    def refresh(self):
        self.tree.fill(self.registry.nodes(), checking=set(self.monitor.tasks), current=self.selected_id())
        self.search_panel.refresh_scope()
        self.show_detail()

    def selected_id(self):
        return self.tree.selected_id() if hasattr(self, "tree") else None

    def show_detail(self):
        node_id = self.selected_id()
        node = self.registry.get(node_id) if node_id else None
        self.act_check.setEnabled(node is not None)
        self.act_remove.setEnabled(node is not None)
        self.act_export.setEnabled(bool(self.registry.nodes()))
        self.detail.setHtml(node_html(node, checking=node is not None and node.id in self.monitor.tasks))
        if self.toolbox.currentIndex() == 0:
            self.bottom.setCurrentWidget(self.detail)

    def add_node(self):
        dlg = NodeDialog(self)
        if dlg.exec():
            node = self.registry.add(dlg.node())
            self.refresh()
            self.check_node(node.id)

    def add_from_directory(self):
        from .directory_dialog import DirectoryDialog
        dlg = DirectoryDialog(self.registry, self)
        if dlg.exec():
            chosen = dlg.chosen()
            for node in chosen:
                self.registry.add(node)
            self.refresh()
            if chosen:
                self.message.emit(tr("{count} node(s) added from the JIGN directory.").format(count=len(chosen)),
                                  Qgis.MessageLevel.Info)

    def remove_selected(self):
        node_id = self.selected_id()
        if node_id:
            self.registry.remove(node_id)
            self.refresh()

    def check_selected(self):
        if self.selected_id():
            self.check_node(self.selected_id(), detect=True)

    def check_node(self, node_id, detect=None):
        """Check ``node_id`` in a background task (service detection when its services are unknown)."""
        return self.monitor.check(node_id, detect)

    def import_nodes(self, path=None):
        path = choose_file(self, path, tr("Import a node list"), tr("Node lists (*.json)"), LAST_DIR_KEY,
                           default_folder=os.path.expanduser("~"), remember=True)
        if not path:
            return None
        try:
            result = directory.import_nodes(path, self.registry)
        except directory.DirectoryError as exc:
            self.message.emit(str(exc), Qgis.MessageLevel.Critical)
            return None
        self.refresh()
        self.message.emit(tr("{added} node(s) added, {updated} updated from {file}.").format(
            added=len(result.added), updated=len(result.updated), file=os.path.basename(path)),
            Qgis.MessageLevel.Success)
        return result

    def export_nodes(self, path=None, include_authcfg=None):
        nodes = self.registry.nodes()
        path = choose_file(self, path, tr("Export your nodes"), tr("Node lists (*.json)"), LAST_DIR_KEY, save=True,
                           name="simpul-nodes.json", default_folder=os.path.expanduser("~"), remember=True)
        if not path:
            return 0
        if include_authcfg is None:
            include_authcfg = any(n.authcfg for n in nodes) and QMessageBox.question(
                self, tr("Export your nodes"),
                tr("Some nodes use an authentication configuration. Write its id (never the password) into "
                   "the file? Only useful for computers that have the same configuration."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
        try:
            count = directory.export_nodes(nodes, path, include_authcfg=bool(include_authcfg))
        except OSError as exc:
            self.message.emit(tr("The node list could not be written: {why}").format(why=exc),
                              Qgis.MessageLevel.Critical)
            return 0
        self.message.emit(tr("{count} node(s) written to {file}.").format(count=count, file=path),
                          Qgis.MessageLevel.Success)
        return count

    # -- search and records ---------------------------------------------------------------------
    def _page_changed(self, index):
        self.bottom.setCurrentWidget(self.detail if index == 0 else self.record_view)
        if index != 0:
            self._record_selected(self.search_panel.current_record())
        else:
            self._clear_footprint()

    def _extent(self):
        if self.canvas is None:
            return None
        return self.canvas.extent(), self.canvas.mapSettings().destinationCrs()

    def _record_selected(self, record):
        self.record_view.show_record(record)
        self.bottom.setCurrentWidget(self.record_view)
        self.show_footprint(record)

    def show_footprint(self, record):
        """Draw the record's bounding box on the map canvas (nothing without a canvas or a bbox)."""
        self._clear_footprint()
        if self.canvas is None or record is None or not record.bbox:
            return None
        from qgis.gui import QgsRubberBand
        self._rubber = QgsRubberBand(self.canvas, GeometryType.Polygon)
        self._rubber.setColor(QColor(214, 39, 40, 200))
        self._rubber.setFillColor(QColor(214, 39, 40, 40))
        self._rubber.setWidth(2)
        self._rubber.setToGeometry(QgsGeometry.fromRect(QgsRectangle(*record.bbox)),
                                   QgsCoordinateReferenceSystem("EPSG:4326"))
        return self._rubber

    def _clear_footprint(self):
        if self._rubber is not None:
            self._rubber.reset(GeometryType.Polygon)
            if self.canvas is not None:
                self.canvas.scene().removeItem(self._rubber)
            self._rubber = None

    # -- loading --------------------------------------------------------------------------------
    def _project_crs(self):
        crs = QgsProject.instance().crs()
        return crs if crs.isValid() else None

    def load_records(self, records, kinds=None):
        """Load the records (the first loadable link of each, in ``kinds`` order) in the background."""
        return self._start_load(list(records), kinds)

    def load_links(self, pairs):
        return self._start_load(list(pairs), None)

    def _start_load(self, jobs, kinds):
        if not jobs:
            return None
        task = run_load(jobs, self._loaded, kinds=kinds, project_crs=self._project_crs(), registry=self.registry)
        self.load_tasks.append(task)
        self.message.emit(tr("Loading {count} layer(s) in the background…").format(count=len(jobs)),
                          Qgis.MessageLevel.Info)
        return task

    def _loaded(self, task):
        if task in self.load_tasks:
            self.load_tasks.remove(task)
        added = add_to_project(task.results)
        failed = [r for r in task.results if not r.ok]
        if added:
            self.message.emit(tr("{count} layer(s) added to the map.").format(count=len(added)),
                              Qgis.MessageLevel.Success)
        for r in failed:
            self.message.emit(tr("{title}: {why}").format(title=r.record.title or r.link.url, why=r.message),
                              Qgis.MessageLevel.Warning)

    # -- life cycle -----------------------------------------------------------------------------
    def cancel_tasks(self):
        self.monitor.cancel()
        self.search_panel.shutdown()
        tasks = list(self.load_tasks)
        self.load_tasks.clear()
        stop_tasks(tasks)
        self._clear_footprint()

    def shutdown(self):
        self.cancel_tasks()
