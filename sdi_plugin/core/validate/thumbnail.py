"""A map thumbnail for the HTML report: the dataset in grey with the findings on top,
rendered by QGIS's own map renderer (QgsMapRendererParallelJob) into a PNG."""
import base64

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsProject, QgsRectangle, QgsSingleSymbolRenderer, QgsSymbol)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor
from ...compat import GeometryType, MapSettingsFlag


def _grey(layer):
    clone = layer.clone()
    sym = QgsSymbol.defaultSymbol(clone.geometryType())
    if sym is None:
        return clone
    if clone.geometryType() == GeometryType.Polygon:
        sym.setColor(QColor("#d5d8dc"))
        sym.symbolLayer(0).setStrokeColor(QColor("#7f8c8d"))
    else:
        sym.setColor(QColor("#7f8c8d"))
    clone.setRenderer(QgsSingleSymbolRenderer(sym))
    return clone


def render_png(layers, crs, extent, size=(760, 460)):
    """PNG bytes of ``layers`` (top first) in ``crs`` around ``extent``; b"" if nothing to draw."""
    if extent is None or extent.isNull() or extent.isEmpty():
        extent = QgsRectangle()
        for layer in layers:
            if layer.featureCount():
                if extent.isNull():
                    extent = QgsRectangle(layer.extent())
                else:
                    extent.combineExtentWith(layer.extent())
    if extent.isNull():
        return b""
    if extent.width() == 0 or extent.height() == 0:
        extent = extent.buffered(max(extent.width(), extent.height(), 1.0) * 0.5 or 1.0)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs if crs and crs.isValid() else QgsCoordinateReferenceSystem("EPSG:4326"))
    settings.setOutputSize(QSize(*size))
    settings.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.04))
    settings.setBackgroundColor(QColor("#ffffff"))
    settings.setFlag(MapSettingsFlag.Antialiasing, True)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data)


def thumbnail_data_uri(dataset_layer, error_layers, crs, size=(760, 460)):
    """A ``data:image/png;base64,…`` URI of the dataset with its findings ('' if none)."""
    layers = [l for l in error_layers if l is not None and l.featureCount()]
    extent = None
    if dataset_layer is not None and dataset_layer.isValid():
        layers.append(_grey(dataset_layer))
        extent = dataset_layer.extent()
        if dataset_layer.crs().isValid() and crs and crs.isValid() and dataset_layer.crs() != crs:
            try:
                extent = QgsCoordinateTransform(dataset_layer.crs(), crs, QgsProject.instance()
                                                ).transformBoundingBox(extent)
            except QgsCsException:
                extent = None        # let the error layers decide (they are in crs)
    png = render_png(layers, crs, extent, size)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else ""
