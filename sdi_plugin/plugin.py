"""The only QGIS glue: actions, menu, toolbar button, dock and Processing provider."""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon

from .compat import QAction
from .core.i18n import install_translator, remove_translator, tr
from .core.log import log
from .core.log import setup as setup_log
from .core.paths import ICON


class SimpulPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.dock = None
        self.action = None
        self.menu_name = None
        self.language = install_translator()
        setup_log()

    # Processing (also called by qgis_process, where there is no GUI) -------------
    def initProcessing(self):  # noqa: N802 (QGIS's name)
        from .processing.provider import SimpulProvider
        if self.provider is None:
            self.provider = SimpulProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # Desktop -------------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS's name)
        self.initProcessing()
        self.menu_name = tr("&Simpul SDI")
        self.action = QAction(QIcon(ICON), tr("Simpul panel"), self.iface.mainWindow())
        self.action.setObjectName("SimpulShowPanel")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show or hide the Simpul panel: discover, validate, describe and "
                                  "publish data of the JIGN network"))
        self._make_dock()
        from .gui.browser import SimpulDataItemProvider
        self.browser_provider = SimpulDataItemProvider()
        QgsApplication.dataItemProviderRegistry().addProvider(self.browser_provider)
        self.iface.addWebToolBarIcon(self.action)
        self.iface.addPluginToWebMenu(self.menu_name, self.action)
        log.info("%s", tr("Simpul loaded (language: {lang}).").format(lang=self.language))

    def _make_dock(self):
        from .gui.dock import SimpulDock
        self.dock = SimpulDock(ICON, self.iface.mainWindow(), iface=self.iface)
        self.dock.setToggleVisibilityAction(self.action)
        for page in self.dock.pages():
            if hasattr(page, "message"):
                page.message.connect(self._push_message)
        self.dock.languageChanged.connect(self._language_changed)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # room for the tab labels (narrower panels show the tabs' icons; QGIS restores the
        # user's own width of the panel at the next start)
        self.iface.mainWindow().resizeDocks([self.dock], [560], Qt.Orientation.Horizontal)

    def _drop_dock(self):
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None

    def _language_changed(self, _code):
        """Speak the newly chosen language at once: new translator, panel rebuilt."""
        visible = self.dock is not None and self.dock.isVisible()
        self._drop_dock()
        self.language = install_translator()
        self.action.setText(tr("Simpul panel"))
        self.action.setToolTip(tr("Show or hide the Simpul panel: discover, validate, describe and "
                                  "publish data of the JIGN network"))
        self._make_dock()
        self.dock.setVisible(visible)
        log.info("%s", tr("Simpul language: {lang}.").format(lang=self.language))

    def _push_message(self, text, level):
        self.iface.messageBar().pushMessage(tr("Simpul"), text, level, 8)

    def unload(self):
        self._drop_dock()
        if getattr(self, "browser_provider", None) is not None:
            QgsApplication.dataItemProviderRegistry().removeProvider(self.browser_provider)
            self.browser_provider = None
        from .core.catalog.search import shutdown_pool
        shutdown_pool()
        if self.action is not None:
            self.iface.removePluginWebMenu(self.menu_name, self.action)
            self.iface.removeWebToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
