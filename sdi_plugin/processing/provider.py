"""The ``sdi`` Processing provider.

Every module ``sdi_plugin/processing/alg_*.py`` lists its algorithm classes in ``ALGORITHMS``;
the provider offers all of them. Algorithm ids and parameter names are public contracts
(see README): add freely, never rename.
"""
import importlib
import os
import pkgutil

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..core.paths import ICON

_HERE = os.path.dirname(os.path.abspath(__file__))


def algorithm_classes():
    """Every algorithm class the provider offers, module by module in name order."""
    classes = []
    for info in sorted(pkgutil.iter_modules([_HERE]), key=lambda m: m.name):
        if info.name.startswith("alg_"):
            module = importlib.import_module("%s.%s" % (__package__, info.name))
            classes.extend(getattr(module, "ALGORITHMS", []))
    return classes


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
