"""The Simpul dock: one panel with the four jobs — Discover, Validate, Metadata, Publish."""
import html
import importlib
import os

from qgis.core import QgsApplication, QgsSettings
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QLabel, QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ..compat import QActionGroup
from ..core.network import workers
from ..core.runtime.flow import CurrentDataset
from ..core.i18n import tr
from .flow_view import FlowStrip


class PlaceholderPage(QWidget):
    """A page whose capability is still to come: says plainly what it will do."""

    def __init__(self, title, text, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        head = QLabel("<h3>%s</h3>" % html.escape(title))
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        soon = QLabel("<i>%s</i>" % html.escape(tr("Not available in this version yet.")))
        soon.setStyleSheet("color: #666;")
        lay.addWidget(head)
        lay.addWidget(body)
        lay.addWidget(soon)
        lay.addStretch(1)


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
        # compact tabs: the five labels read at the panel's default width (not icons alone)
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 4px 7px; }")
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.current = CurrentDataset(self)
        self.tabs.setCornerWidget(self._settings_button(), Qt.Corner.TopRightCorner)

        self.discover = _page("discover_page", "DiscoverPage", iface)
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
