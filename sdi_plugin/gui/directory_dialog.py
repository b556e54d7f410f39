"""Choose nodes from the JIGN directory (bundled, or the last good copy of a remote one) to
add to your own; refresh the directory from its URL in the background."""
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                                 QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from ..core.nodes import directory
from ..core.i18n import tr
from ..core.runtime.tasks import FunctionTask, stop_tasks
from .node_dialog import level_label
from .node_list import group_key
from .widgets import ok_cancel


class RefreshTask(FunctionTask):
    def __init__(self, url):
        self.url = url
        super().__init__(tr("Simpul: refreshing the node directory"),
                         lambda fb: directory.refresh(url, feedback=fb))


class DirectoryDialog(QDialog):
    """Lists the directory's nodes (grouped by level and province) with a check box each;
    :meth:`chosen` gives the nodes ticked. Nodes already among the user's are shown ticked
    and disabled."""

    def __init__(self, registry, parent=None):
        super().__init__(parent)
        self.registry = registry
        self.setWindowTitle(tr("Add nodes from the JIGN directory"))
        self.resize(520, 560)
        lay = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter by name or province"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        lay.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Node"), tr("Verified")])
        self.tree.setColumnWidth(0, 380)
        lay.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.url = QLineEdit(QgsSettings().value(directory.URL_KEY, "", type=str) or "")
        self.url.setPlaceholderText(tr("Directory URL (optional)"))
        self.btn_refresh = QPushButton(tr("Refresh"))
        self.btn_refresh.clicked.connect(self.refresh_remote)
        row.addWidget(self.url, 1)
        row.addWidget(self.btn_refresh)
        lay.addLayout(row)
        buttons = ok_cancel(self, tr("Add"), self.accept)
        lay.addWidget(buttons)
        self._task = None
        self.load(directory.current())

    def load(self, listing):
        self.listing = listing
        mine = {n.url.rstrip("/").lower() for n in self.registry.nodes()} | {n.id for n in self.registry.nodes()}
        meta = listing.meta
        self.info.setText(tr("{count} nodes, directory version {version}. Nodes marked unverified are known only "
                             "from third-party material; check them before you rely on them.").format(
            count=len(listing.nodes), version=meta.get("version", "?")))
        self.tree.clear()
        groups = {}
        for node in listing.nodes:
            groups.setdefault(group_key(node), []).append(node)
        for (_key, label), members in sorted(groups.items(), key=lambda kv: kv[0][0]):
            top = QTreeWidgetItem([label, ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for node in sorted(members, key=lambda n: n.name.lower()):
                item = QTreeWidgetItem([node.name, tr("yes") if node.verified else tr("no")])
                item.setData(0, Qt.ItemDataRole.UserRole, node.id)
                item.setToolTip(0, "%s\n%s\n%s" % (node.url, level_label(node.level), node.reference))
                have = node.id in mine or node.url.rstrip("/").lower() in mine
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable
                              | (Qt.ItemFlag.NoItemFlags if have else Qt.ItemFlag.ItemIsEnabled))
                item.setCheckState(0, Qt.CheckState.Checked if have else Qt.CheckState.Unchecked)
                top.addChild(item)
            top.setExpanded(True)

    def _filter(self, text):
        low = text.lower().strip()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            shown = 0
            for j in range(top.childCount()):
                child = top.child(j)
                hide = bool(low) and low not in child.text(0).lower() and low not in top.text(0).lower()
                child.setHidden(hide)
                shown += not hide
            top.setHidden(shown == 0)

    def chosen(self):
        ids = set()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.checkState(0) == Qt.CheckState.Checked and child.flags() & Qt.ItemFlag.ItemIsEnabled:
                    ids.add(child.data(0, Qt.ItemDataRole.UserRole))
        return [n for n in self.listing.nodes if n.id in ids]

    def refresh_remote(self):
        url = self.url.text().strip()
        if not url:
            return
        QgsSettings().setValue(directory.URL_KEY, url)
        self.btn_refresh.setEnabled(False)
        self._task = RefreshTask(url).watch(ended=self._refreshed).submit()

    def done(self, code):
        """Closing the dialog (Add, Cancel, Esc) ends its refresh: no task outlives it."""
        task, self._task = self._task, None
        stop_tasks([task])
        super().done(code)

    def _refreshed(self, _task=None):
        self.btn_refresh.setEnabled(True)
        result = self._task.result if self._task is not None else None
        if result is not None:
            self.load(result.directory)
            self.info.setText(self.info.text() + "\n" + result.message)
