"""The ``sdi`` Processing provider."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..core.paths import ICON
from .nodeinfo import NodeInfoAlgorithm



def algorithm_classes():
    """Every algorithm the provider offers (ids are a public contract: see README)."""
    return [NodeInfoAlgorithm]


class SimpulProvider(QgsProcessingProvider):
    def id(self):
        return "sdi"

    def name(self):
        return tr("Simpul SDI")

    def longName(self):
        return tr("Simpul SDI — Indonesian SDI node toolkit")

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):
        return ICON

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
