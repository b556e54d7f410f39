"""The search half of the Discover page: the query form (text, KUGI theme, dates, map extent,
node/level filter, offline), the streamed result list with node badges, paging, cancel."""
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QDate, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView,
                                 QLabel, QLineEdit, QMenu, QStyledItemDelegate, QToolButton, QTreeWidget,
                                 QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.log import swallowed
from ..core.i18n import tr, ui_language
from ..core.loading.loader import FEATURE_KINDS, MAP_KINDS
from ..core.nodes.registry import LEVELS
from .node_dialog import level_label
from .record_view import age_text
from .widgets import flat_list



def make_search(parent, offline=False, timeout=10.0):
    """The one place the catalogue search is made (``core.catalog.search.FederatedSearch``)."""
    from ..core.catalog.cache import RecordCache
    from ..core.catalog.search import FederatedSearch
    try:
        cache = RecordCache()
    except Exception:  # noqa: BLE001 - a search without an offline cache still works online
        cache = None
    return FederatedSearch(parent=parent, cache=cache, timeout=timeout, offline=offline)


def make_query(**fields):
    from ..core.catalog.query import SearchQuery
    return SearchQuery(**fields)


def kugi_themes():
    """[(label, category name)] of the KUGI categories, from the standards pack."""
    try:
        from ..core.standards.pack import load_kugi
        cats = load_kugi().categories
    except Exception:  # noqa: BLE001 - no standards pack: free text only
        swallowed("no standards pack: free text only")
        return []
    english = ui_language() == "en"
    return [("%s (%s)" % (c["name"], c["name_en"]) if english and c.get("name_en") else c["name"], c["name"])
            for _, c in sorted(cats.items())]


def _tool(text, icon, tip="", icon_only=False):
    b = QToolButton()
    b.setText(text)
    b.setIcon(QgsApplication.getThemeIcon(icon))
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if icon_only
                         else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    b.setToolTip(tip or text)
    return b


def _narrow(combo, chars=10):
    """A combo box that does not widen the dock to its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


class _ElideMiddle(QStyledItemDelegate):
    """Long node names keep their end (the "+2" of a record other nodes hold too) when elided."""

    def initStyleOption(self, option, index):  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class _ResultList(QTreeWidget):
    """The result list asks for no more height than its minimum: the Discover page's tool box
    gives its page at least the page's size hint, and the record view below needs the room."""

    def sizeHint(self):  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self.minimumHeight())


NODE_COLUMN_SHARE = 0.34   # the node badge column never takes more of the list's width than this


class SearchPanel(QWidget):
    """Signals: ``recordSelected(record or None)``, ``loadRequested(list records, list kinds or None)``,
    ``message(text, Qgis level)``, ``searchFinished()``."""

    recordSelected = pyqtSignal(object)
    loadRequested = pyqtSignal(list, object)
    message = pyqtSignal(str, int)
    searchFinished = pyqtSignal()

    def __init__(self, registry, extent_provider=None, parent=None):
        super().__init__(parent)
        self.registry = registry
        self.extent_provider = extent_provider      # () -> (QgsRectangle, QgsCoordinateReferenceSystem) or None
        self.search = None
        self._records = []
        self._shown = []        # every record with a row: listed ones and their group members (children)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("Search the catalogues, e.g. batas desa"))
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.run)
        self.btn_search = _tool(tr("Search"), "/search.svg", tr("Search all the selected nodes"), icon_only=True)
        self.btn_search.clicked.connect(self.run)
        self.btn_cancel = _tool(tr("Cancel"), "/mTaskCancel.svg", tr("Stop the search"), icon_only=True)
        self.btn_cancel.clicked.connect(self.cancel)
        self.btn_cancel.setEnabled(False)
        row.addWidget(self.text, 1)
        row.addWidget(self.btn_search)
        row.addWidget(self.btn_cancel)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.theme = _narrow(QComboBox())
        self.theme.addItem(tr("All themes"), "")
        for label, name in kugi_themes():
            self.theme.addItem(label, name)
        self.theme.setToolTip(tr("KUGI category"))
        self.scope = _narrow(QComboBox())
        self.scope.setToolTip(tr("Which nodes to search"))
        row.addWidget(self.theme, 1)
        row.addWidget(self.scope, 1)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.use_extent = QCheckBox(tr("Use map extent"))
        self.offline = QCheckBox(tr("Offline (cache only)"))
        self.offline.setToolTip(tr("Search only the records kept on this computer"))
        self.use_dates = QCheckBox(tr("Dates"))
        self.use_dates.setToolTip(tr("Only records dated within a period"))
        # the period's row shows only while "Dates" is ticked: the result list keeps the room
        self.dates_row = QWidget()
        dates = QHBoxLayout(self.dates_row)
        dates.setContentsMargins(0, 0, 0, 0)
        self.date_from = QDateEdit(QDate.currentDate().addYears(-5))
        self.date_to = QDateEdit(QDate.currentDate())
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.use_dates.toggled.connect(self.dates_row.setVisible)
        dates.addWidget(QLabel(tr("From")))
        dates.addWidget(self.date_from, 1)
        dates.addWidget(QLabel(tr("to")))
        dates.addWidget(self.date_to, 1)
        self.dates_row.setVisible(False)
        self.sort = _narrow(QComboBox(), 8)
        for label, key in ((tr("Relevance"), "relevance"), (tr("Date"), "date"), (tr("Title"), "title")):
            self.sort.addItem(label, key)
        self.sort.setToolTip(tr("Sort by"))
        self.sort.currentIndexChanged.connect(lambda *_: self.show_results())
        row.addWidget(self.use_extent)
        row.addWidget(self.offline)
        row.addWidget(self.use_dates)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.dates_row)
        self.results = flat_list([tr("Title"), tr("Node"), tr("Date")], _ResultList())
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setUniformRowHeights(True)
        hdr = self.results.header()
        hdr.setStretchLastSection(False)
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        hdr.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.results.setItemDelegateForColumn(1, _ElideMiddle(self.results))
        self.results.setMinimumHeight(5 * self.results.fontMetrics().height() + 12)
        self.results.currentItemChanged.connect(lambda *_: self.recordSelected.emit(self.current_record()))
        self.results.itemDoubleClicked.connect(lambda *_: self.load_selected())
        lay.addWidget(self.results, 1)
        self.status = QLabel(tr("Type words, pick a theme or the map extent, then Search."))
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        # two lines of room, without height-for-width: else the Discover page's tool box scrolls
        # the whole form instead of shrinking the result list
        policy = self.status.sizePolicy()
        policy.setHeightForWidth(False)
        self.status.setSizePolicy(policy)
        self.status.setMinimumHeight(2 * self.status.fontMetrics().height() + 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.btn_more = _tool(tr("More"), "/mActionAdd.svg", tr("Ask every node for its next page of results"))
        self.btn_more.clicked.connect(self.more)
        self.btn_more.setEnabled(False)
        self.btn_load = _tool(tr("Load"), "/mActionAddLayer.svg", tr("Load the selected records as layers"))
        self.btn_load.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.btn_load)
        menu.addAction(tr("Load as map images (WMS, WMTS, ArcGIS)"), lambda: self.load_selected(list(MAP_KINDS)))
        menu.addAction(tr("Load as features (WFS, OGC API, downloads)"),
                       lambda: self.load_selected(list(FEATURE_KINDS)))
        self.btn_load.setMenu(menu)
        self.btn_load.clicked.connect(lambda: self.load_selected())
        row.addWidget(QLabel(tr("Sort")))
        row.addWidget(self.sort)
        row.addStretch(1)
        row.addWidget(self.btn_more)
        row.addWidget(self.btn_load)
        lay.addLayout(row)
        self.refresh_scope()

    # -- form ---------------------------------------------------------------------------------
    def refresh_scope(self):
        current = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem(tr("All my nodes"), ("all", ""))
        nodes = self.registry.nodes()
        for lv in LEVELS:
            if any(n.level == lv for n in nodes):
                self.scope.addItem(tr("Level: {level}").format(level=level_label(lv)), ("level", lv))
        for n in sorted(nodes, key=lambda n: n.name.lower()):
            self.scope.addItem(n.name, ("node", n.id))
        index = self.scope.findData(current) if current else 0
        self.scope.setCurrentIndex(max(0, index))

    def query(self):
        how, value = self.scope.currentData() or ("all", "")
        fields = dict(text=self.text.text(), theme=self.theme.currentData() or "",
                      node_ids=[value] if how == "node" else [], levels=[value] if how == "level" else [],
                      page_size=20)
        if self.use_dates.isChecked():
            fields.update(date_from=self.date_from.date().toString("yyyy-MM-dd"),
                          date_to=self.date_to.date().toString("yyyy-MM-dd"))
        q = make_query(**fields)
        if self.use_extent.isChecked() and self.extent_provider is not None:
            got = self.extent_provider()
            if got is not None:
                q = q.with_extent(*got)
        return q

    # -- search -------------------------------------------------------------------------------
    def run(self):
        self.cancel()
        nodes = self.registry.nodes()
        if not nodes:
            self.status.setText(tr("No node to search yet: add one on the Nodes page."))
            return
        self.search = make_search(self, offline=self.offline.isChecked())
        self.search.recordsArrived.connect(lambda *_: self.show_results())
        self.search.resultsChanged.connect(self.show_results)
        self.search.nodeFinished.connect(self._node_finished)
        self.search.finished.connect(self._finished)
        self._records = []
        self._shown = []
        self.results.clear()
        searched = self.search.start(self.query(), nodes)
        self.btn_cancel.setEnabled(bool(searched))
        self.btn_more.setEnabled(False)
        self.status.setText(tr("Searching {count} node(s)…").format(count=len(searched)) if searched else
                            tr("No node matches the node filter."))

    def more(self):
        if self.search is not None and self.search.fetch_more():
            self.btn_cancel.setEnabled(True)
            self.btn_more.setEnabled(False)
            self.status.setText(tr("Asking for more results…"))

    def cancel(self):
        if self.search is not None and self.search.is_running():
            self.search.cancel()

    def _node_finished(self, node_id, ok, message, total):
        if message:
            self.message.emit(message, Qgis.MessageLevel.Info if ok else Qgis.MessageLevel.Warning)
        self._update_status()

    def _finished(self):
        self.btn_cancel.setEnabled(False)
        self.btn_more.setEnabled(self.search is not None and self.search.has_more())
        self._update_status()
        self.searchFinished.emit()

    def _update_status(self):
        if self.search is None:
            return
        states = list(self.search.node_states().values())
        done = [s for s in states if s.state in ("done", "failed", "canceled")]
        failed = [s for s in states if s.state == "failed"]
        cached = [s for s in states if s.from_cache]
        parts = [tr("{records} record(s) from {done} of {count} node(s)").format(
            records=len(self._shown), done=len(done), count=len(states))]
        if failed:
            parts.append(tr("{count} did not answer").format(count=len(failed)))
        partial = [s for s in states if s.state == "done" and s.message]   # e.g. one collection failed
        if partial:
            parts.append(tr("{count} answered in part (see the tooltip)").format(count=len(partial)))
        if cached:
            parts.append(tr("{count} from the offline cache").format(count=len(cached)))
        self.status.setText(" · ".join(parts))
        self.status.setToolTip("\n".join(s.message for s in states if s.message))

    # -- results ------------------------------------------------------------------------------
    def show_results(self):
        if self.search is None:
            return
        keep = {id(r) for r in self.selected_records()}
        current = self.current_record()
        self._records = self.search.results(self.sort.currentData() or "relevance")
        self._shown = []
        self.results.blockSignals(True)
        self.results.clear()
        for rec in self._records:
            i = len(self._shown)
            self._shown.append(rec)
            badge = rec.node_name or rec.node_id
            dups = getattr(rec, "duplicates", None) or []
            if dups:
                badge += " +%d" % len(dups)
            date = rec.date or ""
            item = QTreeWidgetItem([rec.title or rec.identifier, badge, date])
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            tip = [rec.title or rec.identifier, ", ".join([rec.node_name] + [d.get("node_name", "") for d in dups])]
            if getattr(rec, "from_cache", False):
                font = QFont(item.font(0))
                font.setItalic(True)
                for col in range(3):
                    item.setFont(col, font)
                age = age_text(rec.harvested)
                item.setText(2, "%s · %s" % (date, age) if date and age else (age or date))
                tip.append(tr("from the offline cache, harvested {age}").format(age=age or "?"))
            item.setToolTip(0, "\n".join(t for t in tip if t))
            self.results.addTopLevelItem(item)
            # the row's other records (other nodes, same identifier or same title and extent): each
            # its own child row, so any of them can be read and loaded
            for member in self.search.members(rec)[1:]:
                j = len(self._shown)
                self._shown.append(member)
                child = QTreeWidgetItem([member.title or member.identifier, member.node_name or member.node_id,
                                         member.date or ""])
                child.setData(0, Qt.ItemDataRole.UserRole, j)
                child.setToolTip(0, tr("{title} at {node} (identifier {identifier})").format(
                    title=member.title or member.identifier, node=member.node_name or member.node_id,
                    identifier=member.identifier or "?"))
                item.addChild(child)
            for row in [item] + [item.child(k) for k in range(item.childCount())]:
                shown = self._shown[row.data(0, Qt.ItemDataRole.UserRole)]
                if id(shown) in keep:
                    row.setSelected(True)
                if shown is current:
                    self.results.setCurrentItem(row)
        self.results.setRootIsDecorated(any(self.results.topLevelItem(k).childCount()
                                            for k in range(self.results.topLevelItemCount())))
        self.results.blockSignals(False)
        self._fit_node_column()
        self._update_status()

    def _fit_node_column(self):
        """The node column as wide as its badges, but the titles keep most of the width."""
        wanted = max(self.results.sizeHintForColumn(1), self.results.header().sectionSizeHint(1))
        room = int(self.results.viewport().width() * NODE_COLUMN_SHARE)
        self.results.setColumnWidth(1, max(60, min(wanted, room)))

    def current_record(self):
        item = self.results.currentItem()
        index = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        if index is None or index >= len(self._shown):
            return None
        return self._shown[index]

    def selected_records(self):
        rows = sorted(it.data(0, Qt.ItemDataRole.UserRole) for it in self.results.selectedItems())
        return [self._shown[i] for i in rows if i is not None and i < len(self._shown)]

    def load_selected(self, kinds=None):
        records = self.selected_records() or ([self.current_record()] if self.current_record() else [])
        if records:
            self.loadRequested.emit(records, kinds)

    def shutdown(self):
        if self.search is not None:
            self.search.cancel()
