"""The error layer: every finding with a location as a feature, in a GeoPackage.

Layers written (only those that have features, ``findings`` always):
``errors_point``, ``errors_line``, ``errors_polygon`` (the finding's location: a GEOS error
point, an overlap area, a gap, the sliver, a point on the feature …) and ``findings`` (a table
without geometry: every finding, also those about the whole dataset).  Attributes: ``rule``,
``severity``, ``message``, ``fix``, ``feature_id``, ``dataset``, ``details`` (JSON).  Each
spatial layer carries a default style (red errors, orange warnings, blue infos).
"""
import os

from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

from ..i18n import tr
from ..files.safe_output import geopackage_layers, remove_quietly, write_atomically
# the findings as layers and their colours live beside this writer; importable from here as before
from .finding_layers import BATCH_CRS, LAYERS, fields, memory_layers, output_crs  # noqa: F401
from .severity import COLOURS, severity_labels, style  # noqa: F401

ERROR_LAYER_FILE_TABLES = {"errors_point", "errors_line", "errors_polygon", "findings", "layer_styles"}


def is_error_layer_file(path):
    """An earlier Simpul error layer (a GeoPackage holding only its layers), or an empty file:
    what a new error layer may replace."""
    if os.path.isfile(path) and os.path.getsize(path) == 0:
        return True
    names = geopackage_layers(path)
    return names is not None and names <= ERROR_LAYER_FILE_TABLES


def write_error_layer(report, path):
    """Write the error GeoPackage; returns [(layer name, feature count, uri)] of what it holds.
    Written beside ``path`` and renamed onto it when complete; an existing file is replaced only
    when it is an earlier error layer (never a GeoPackage of the user's)."""
    written = []

    def write(tmp):
        written.extend(_write_error_layer(report, tmp))
        remove_quietly(path + "-wal", path + "-shm")   # the old file's journal must not meet the new one

    write_atomically(path, write, is_error_layer_file, tr("error layer"))
    return [(name, count, "%s|layername=%s" % (path, name)) for name, count in written]


def _write_error_layer(report, path):
    layers, table = memory_layers(report)
    written = []
    first = True
    for name, layer in list(layers.items()) + [("findings", table)]:
        if name != "findings" and layer.featureCount() == 0:
            continue
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.driverName = "GPKG"
        opts.layerName = name
        opts.fileEncoding = "UTF-8"
        opts.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile if first
                                     else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
        err, msg, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), opts)
        if err != QgsVectorFileWriter.WriterError.NoError:
            raise OSError(tr("Could not write the error layer {path}: {error}").format(path=path, error=msg))
        first = False
        uri = "%s|layername=%s" % (path, name)
        if name != "findings":
            saved = QgsVectorLayer(uri, name, "ogr")
            if saved.isValid():
                style(saved)
                saved.saveStyleToDatabase(name, tr("Simpul validation findings by severity"), True, "")
            del saved
        written.append((name, layer.featureCount()))
    return written
