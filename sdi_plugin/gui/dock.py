"""The Simpul dock: one panel with the four jobs — Discover, Validate, Metadata, Publish."""
import html
import importlib
import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsSettings, QgsTask
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QDateTime, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QIcon
from qgis.PyQt.QtWidgets import (QActionGroup, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton,
                                 QSplitter, QTabWidget, QTextBrowser, QToolButton, QTreeWidget,
                                 QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.i18n import tr
from ..core.nodeinfo import detect_services
from ..core.nodes import NodeRegistry
from .node_dialog import NodeDialog, level_label

LOG_TAG = "Simpul"
SLOW_MS = 2000


def health_of(info):
    if not info.reachable:
        return {"state": "down", "latency_ms": 0, "checked": info.checked}
    state = "slow" if info.latency_ms > SLOW_MS else "up"
    return {"state": state, "latency_ms": info.latency_ms, "checked": info.checked}


def health_label(health):
    state = (health or {}).get("state", "")
    return {"up": tr("Up"), "slow": tr("Slow"), "down": tr("Down")}.get(state, tr("Not checked"))


def local_time(iso):
    """An ISO timestamp as the user's local date and time, in the UI's locale."""
    dt = QDateTime.fromString(iso, Qt.ISODate)
    if not dt.isValid():
        return iso
    return QLocale().toString(dt.toLocalTime(), QLocale.ShortFormat)


HEALTH_COLOURS = {"up": "#1e8449", "slow": "#b9770e", "down": "#c0392b"}


class NodeCheckTask(QgsTask):
    """Detect a node's services off the GUI thread."""

    def __init__(self, node):
        super().__init__(tr("Simpul: checking node {name}").format(name=node.name), QgsTask.CanCancel)
        self.node = node
        self.info = None

    def run(self):
        from qgis.core import QgsFeedback
        fb = QgsFeedback()
        self.taskTerminated.connect(fb.cancel)
        self.info = detect_services(self.node.url, timeout=5.0, authcfg=self.node.authcfg, feedback=fb)
        return not self.isCanceled()


class PlaceholderPage(QWidget):
    """A page whose capability is still to come: says plainly what it will do."""

    def __init__(self, title, text, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        head = QLabel("<h3>%s</h3>" % html.escape(title))
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextFormat(Qt.RichText)
        soon = QLabel("<i>%s</i>" % html.escape(tr("Not available in this version yet.")))
        soon.setStyleSheet("color: #666;")
        lay.addWidget(head)
        lay.addWidget(body)
        lay.addWidget(soon)
        lay.addStretch(1)


class DiscoverPage(QWidget):
    """Nodes of the network the user works with, their services and health."""

    message = pyqtSignal(str, int)

    def __init__(self, registry=None, parent=None):
        super().__init__(parent)
        self.registry = registry or NodeRegistry()
        self._tasks = {}
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Nodes (simpul jaringan) of the JIGN network you work with. "
                          "Check a node to see which services it offers."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Node"), tr("Level"), tr("Status")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        hdr = self.tree.header()
        hdr.setSectionResizeMode(0, QHeaderView.Stretch)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        hdr.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([140, 300])
        lay.addWidget(split, 1)
        row = QHBoxLayout()
        self.btn_add = QPushButton(QgsApplication.getThemeIcon("/symbologyAdd.svg"), tr("Add node…"))
        self.btn_check = QPushButton(QgsApplication.getThemeIcon("/mActionRefresh.svg"), tr("Check"))
        self.btn_remove = QPushButton(QgsApplication.getThemeIcon("/symbologyRemove.svg"), tr("Remove"))
        for b in (self.btn_add, self.btn_check, self.btn_remove):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        soon = QLabel("<i>%s</i>" % html.escape(tr(
            "Searching the catalogues of all nodes at once, and loading records as layers, "
            "comes in a later version.")))
        soon.setWordWrap(True)
        soon.setStyleSheet("color: #666;")
        lay.addWidget(soon)
        self.btn_add.clicked.connect(self.add_node)
        self.btn_check.clicked.connect(self.check_selected)
        self.btn_remove.clicked.connect(self.remove_selected)
        self.tree.currentItemChanged.connect(lambda *_: self.show_detail())
        self.refresh()

    # -- list ---------------------------------------------------------------
    def refresh(self):
        current = self.selected_id()
        self.tree.clear()
        for node in self.registry.nodes():
            checking = node.id in self._tasks
            status = tr("Checking…") if checking else health_label(node.health)
            item = QTreeWidgetItem([node.name, level_label(node.level), status])
            item.setData(0, Qt.UserRole, node.id)
            item.setToolTip(0, node.url)
            colour = HEALTH_COLOURS.get((node.health or {}).get("state"))
            if colour and not checking:
                item.setForeground(2, QColor(colour))
            self.tree.addTopLevelItem(item)
            if node.id == current:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.show_detail()

    def selected_id(self):
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item else None

    def show_detail(self):
        node = self.registry.get(self.selected_id()) if self.selected_id() else None
        self.btn_check.setEnabled(node is not None)
        self.btn_remove.setEnabled(node is not None)
        if node is None:
            self.detail.setHtml("<p>%s</p>" % html.escape(tr("No node yet. Add one with its base URL.")))
            return
        parts = ["<b>%s</b><br><a href='%s'>%s</a>" % (html.escape(node.name), html.escape(node.url),
                                                        html.escape(node.url))]
        h = node.health or {}
        if h.get("state"):
            parts.append("<br>%s: <b>%s</b> · %s %s ms · %s %s" % (
                html.escape(tr("Status")), html.escape(health_label(h)), html.escape(tr("latency")),
                h.get("latency_ms", 0), html.escape(tr("checked")), html.escape(local_time(h.get("checked", "")))))
        if node.services:
            rows = "".join("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (
                html.escape(s.get("kind", "")), html.escape(s.get("version", "")), html.escape(s.get("url", "")))
                for s in node.services)
            parts.append("<table cellpadding='2'><tr><th align='left'>%s</th><th align='left'>%s</th>"
                         "<th align='left'>%s</th></tr>%s</table>" % (
                             html.escape(tr("Service")), html.escape(tr("Version")), html.escape(tr("Address")), rows))
        elif h.get("state"):
            parts.append("<p>%s</p>" % html.escape(tr("No known service found.")))
        else:
            parts.append("<p>%s</p>" % html.escape(tr("Not checked yet: press Check.")))
        self.detail.setHtml("".join(parts))

    # -- actions ------------------------------------------------------------
    def add_node(self):
        dlg = NodeDialog(self)
        if dlg.exec_():
            node = self.registry.add(dlg.node())
            self.refresh()
            self.check_node(node.id)

    def remove_selected(self):
        node_id = self.selected_id()
        if node_id:
            self.registry.remove(node_id)
            self.refresh()

    def check_selected(self):
        if self.selected_id():
            self.check_node(self.selected_id())

    def check_node(self, node_id):
        node = self.registry.get(node_id)
        if node is None or node_id in self._tasks:
            return
        task = NodeCheckTask(node)
        self._tasks[node_id] = task
        task.taskCompleted.connect(lambda: self._checked(node_id, task))
        task.taskTerminated.connect(lambda: self._checked(node_id, task))
        QgsApplication.taskManager().addTask(task)
        self.refresh()

    def _checked(self, node_id, task):
        self._tasks.pop(node_id, None)
        node = self.registry.get(node_id)
        if node is None or task.info is None:
            self.refresh()
            return
        node.services = [s.__dict__ for s in task.info.services]
        node.health = health_of(task.info)
        self.registry.update(node)
        if node.health["state"] == "down":
            why = next((p.message for p in task.info.probes if p.message), "")
            text = tr("Node {name} did not answer: {why}").format(name=node.name, why=why)
            QgsMessageLog.logMessage(text, LOG_TAG, Qgis.Warning)
            self.message.emit(text, Qgis.Warning)
        self.refresh()

    def cancel_tasks(self):
        for task in list(self._tasks.values()):
            task.cancel()
        self._tasks.clear()


def _page(module_name, class_name, iface):
    """The capability's page from ``gui/<module_name>.py`` when it is present, else None."""
    if not os.path.exists(os.path.join(os.path.dirname(os.path.abspath(__file__)), module_name + ".py")):
        return None
    module = importlib.import_module("%s.%s" % (__package__, module_name))
    return getattr(module, class_name)(iface=iface)


class SimpulDock(QgsDockWidget):
    """The dock widget "Simpul": one tab per job."""

    languageChanged = pyqtSignal(str)

    def __init__(self, icon_path, parent=None, iface=None):
        super().__init__(tr("Simpul"), parent)
        self.setObjectName("SimpulDock")
        self.setWindowIcon(QIcon(icon_path))
        self.setMinimumWidth(420)
        self.iface = iface
        self.tabs = QTabWidget()
        self.tabs.setObjectName("SimpulTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setCornerWidget(self._settings_button(), Qt.TopRightCorner)

        self.discover = _page("discover_page", "DiscoverPage", iface) or DiscoverPage()
        self.tabs.addTab(self.discover, QgsApplication.getThemeIcon("/search.svg"), tr("Discover"))
        self.validate = _page("validate_page", "ValidatePage", iface) or PlaceholderPage(tr("Validate"), tr(
            "Check your datasets against the national standards before you share them: the KUGI "
            "feature catalogue (layer names, geometry types, attributes, FCODE), the SRGI2013 "
            "reference system, the ISO 19115 / SNI 8843-1 metadata profile, geometry validity and "
            "topology (overlapping parcels). Results come as a readable report, an error layer you "
            "can click through, and a JSON file; safe fixes are written to a new file."))
        self.tabs.addTab(self.validate, QgsApplication.getThemeIcon("/checks/InvalidGeometry.svg"), tr("Validate"))
        self.metadata = _page("metadata_page", "MetadataPage", iface) or PlaceholderPage(tr("Metadata"), tr(
            "Write, read and check ISO 19139 metadata in the Indonesian profile (SNI 8843-1:2019) "
            "for your datasets, with the layer's extent, reference system and attributes filled in "
            "for you."))
        self.tabs.addTab(self.metadata, QgsApplication.getThemeIcon("/propertyicons/editmetadata.svg"),
                         tr("Metadata"))
        self.publish = _page("publish_page", "PublishPage", iface) or PlaceholderPage(tr("Publish"), tr(
            "Publish a validated dataset with its style and ISO metadata to your provincial "
            "geoportal (GeoServer REST, CSW-T catalogues such as pycsw and GeoNetwork, GeoNode), "
            "with a plan to confirm first and nothing left half-done if a step fails."))
        self.tabs.addTab(self.publish, QgsApplication.getThemeIcon("/mActionSharingExport.svg"), tr("Publish"))
        self.latihan = _page("lab_page", "LabPage", iface)
        if self.latihan is not None:
            self.tabs.addTab(self.latihan, QgsApplication.getThemeIcon("/mActionHelpContents.svg"), tr("Training"))
            if hasattr(self.discover, "refresh"):
                self.latihan.nodesChanged.connect(self.discover.refresh)
        self._labels = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        self._icons = [self.tabs.tabIcon(i) for i in range(self.tabs.count())]
        for i, label in enumerate(self._labels):
            self.tabs.setTabToolTip(i, label)
        self.setWidget(self.tabs)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_tabs()

    def _fit_tabs(self):
        """Tabs as wide as the panel allows, never hidden behind scroll arrows: icon and label
        when all fit, else the labels alone, else the icons alone (the label as tooltip)."""
        bar = self.tabs.tabBar()
        corner = self.tabs.cornerWidget(Qt.TopRightCorner)
        room = self.tabs.width() - (corner.sizeHint().width() if corner is not None else 0) - 8
        metrics = bar.fontMetrics()
        icon = bar.iconSize().width()
        text = sum(metrics.horizontalAdvance(label) + 32 for label in self._labels)
        if text + icon * len(self._labels) <= room:
            mode = "both"
        elif text <= room:
            mode = "text"
        else:
            mode = "icons"
        if mode == getattr(self, "_tab_mode", None):
            return
        self._tab_mode = mode
        for i, label in enumerate(self._labels):
            self.tabs.setTabText(i, "" if mode == "icons" else label)
            self.tabs.setTabIcon(i, QIcon() if mode == "text" else self._icons[i])

    def pages(self):
        return [p for p in (self.discover, self.validate, self.metadata, self.publish, self.latihan) if p is not None]

    def _settings_button(self):
        button = QToolButton()
        button.setObjectName("SimpulSettings")
        button.setIcon(QgsApplication.getThemeIcon("/mActionOptions.svg"))
        button.setToolTip(tr("Simpul settings"))
        button.setAutoRaise(True)
        button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(button)
        lang_menu = menu.addMenu(tr("Language"))
        current = QgsSettings().value("simpul/language", "", type=str) or ""
        group = QActionGroup(lang_menu)
        for code, label in (("", tr("Follow QGIS")), ("id", "Bahasa Indonesia"), ("en", "English")):
            action = lang_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._language_chosen)
        button.setMenu(menu)
        self._settings_menu = menu
        return button

    def _language_chosen(self, action):
        code = action.data() or ""
        QgsSettings().setValue("simpul/language", code)
        self.languageChanged.emit(code)

    def shutdown(self):
        for page in self.pages():
            for name in ("shutdown", "cancel_tasks"):
                if hasattr(page, name):
                    getattr(page, name)()
                    break
