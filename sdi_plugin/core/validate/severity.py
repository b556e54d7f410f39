"""How a finding's severity is shown: its colour and its translated label, and a layer of
findings coloured by severity.  Shared by the HTML report, the error layer and the Validate
page (none of them depends on another for this)."""
from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory, QgsSymbol, QgsWkbTypes
from qgis.PyQt.QtGui import QColor

from ..findings import ERROR, INFO, WARNING
from ..i18n import tr

COLOURS = {ERROR: "#c0392b", WARNING: "#e67e22", INFO: "#2e86c1"}


def severity_labels():
    return {ERROR: tr("Error"), WARNING: tr("Warning"), INFO: tr("Info")}


def style(layer):
    """Colour the error layer by severity."""
    labels = severity_labels()
    cats = []
    for sev in (ERROR, WARNING, INFO):
        sym = QgsSymbol.defaultSymbol(layer.geometryType())
        sym.setColor(QColor(COLOURS[sev]))
        if layer.geometryType() == QgsWkbTypes.PolygonGeometry:
            sym.setOpacity(0.6)
        elif layer.geometryType() == QgsWkbTypes.PointGeometry:
            sym.symbolLayer(0).setSize(3.0)
        elif layer.geometryType() == QgsWkbTypes.LineGeometry:
            sym.setWidth(0.8)
        cats.append(QgsRendererCategory(sev, sym, labels[sev]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("severity", cats))
    return layer
