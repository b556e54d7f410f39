"""The Simpul dock: one panel with the four jobs — Discover, Validate, Metadata, Publish."""

from qgis.core import QgsApplication, QgsSettings
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ..compat import QActionGroup
from ..core.network import workers
from ..core.runtime.flow import CurrentDataset
from ..core.i18n import tr
from .discover_page import DiscoverPage
from .flow_view import FlowStrip
from .lab_page import LabPage
from .metadata_page import MetadataPage
from .publish_page import PublishPage
from .validate_page import ValidatePage


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
        # compact tabs: the five labels read at the panel's default width (not icons alone)
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 4px 7px; }")
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.current = CurrentDataset(self)
        self.tabs.setCornerWidget(self._settings_button(), Qt.Corner.TopRightCorner)

        self.discover = DiscoverPage(iface=iface)
        self.tabs.addTab(self.discover, QgsApplication.getThemeIcon("/search.svg"), tr("Discover"))
        self.validate = ValidatePage(iface=iface)
        self.tabs.addTab(self.validate, QgsApplication.getThemeIcon("/checks/InvalidGeometry.svg"), tr("Validate"))
        self.metadata = MetadataPage(iface=iface)
        self.tabs.addTab(self.metadata, QgsApplication.getThemeIcon("/propertyicons/editmetadata.svg"),
                         tr("Metadata"))
        self.publish = PublishPage(iface=iface)
        self.tabs.addTab(self.publish, QgsApplication.getThemeIcon("/mActionSharingExport.svg"), tr("Publish"))
        self.latihan = LabPage(iface=iface)
        self.tabs.addTab(self.latihan, QgsApplication.getThemeIcon("/mActionHelpContents.svg"), tr("Training"))
        self.latihan.nodesChanged.connect(self.discover.refresh)
        self._labels = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        self._icons = [self.tabs.tabIcon(i) for i in range(self.tabs.count())]
        for i, label in enumerate(self._labels):
            self.tabs.setTabToolTip(i, label)
        for page in self.pages():
            if hasattr(page, "set_current"):
                page.set_current(self.current)
        if hasattr(self.validate, "fix_defaults") and hasattr(self.metadata, "_defaults"):
            self.validate.fix_defaults = self.metadata._defaults   # the Fix's generated record: the node's defaults
        if hasattr(self.validate, "gotoMetadata") and hasattr(self.metadata, "form_focus"):
            self.validate.gotoMetadata.connect(self._goto_metadata)
        if hasattr(self.metadata, "described") and hasattr(self.validate, "revalidate_current"):
            self.metadata.described.connect(self.validate.revalidate_current)   # the flow's ✔ stays true
        self.flow = FlowStrip(self.current)
        self.flow.stepClicked.connect(self._show_step)
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.setContentsMargins(0, 0, 0, 0)
        body_lay.setSpacing(0)
        body_lay.addWidget(self.flow)
        body_lay.addWidget(self.tabs, 1)
        self.setWidget(body)

    def _goto_metadata(self, element):
        self.tabs.setCurrentWidget(self.metadata)
        self.metadata.form_focus(element)

    def _show_step(self, step):
        page = {"validated": self.validate, "fixed": self.validate, "described": self.metadata,
                "published": self.publish}.get(step)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_tabs()

    def _fit_tabs(self):
        """Tabs as wide as the panel allows, never hidden behind scroll arrows: icon and label
        when all fit, else the labels alone, else the icons alone (the label as tooltip). Measured
        on the tab bar itself (its compact style lets the labels read at the default width)."""
        bar = self.tabs.tabBar()
        corner = self.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        room = self.tabs.width() - (corner.sizeHint().width() if corner is not None else 0) - 4
        for mode in ("both", "text", "icons"):
            self._set_tab_mode(mode)
            if bar.sizeHint().width() <= room:
                break

    def _set_tab_mode(self, mode):
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
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
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
        # The panel is deleted next: no worker thread may be inside a Qt call meanwhile (the
        # GIL / signal-slot mutex deadlock explained in core/network/workers.py)
        workers.quiet_until_deleted(self)
