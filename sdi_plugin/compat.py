"""What moved between QGIS 3.22 (Debian 12), 3.40 LTR (Debian 13) and QGIS 4 (Qt 6), in one place.

The rest of Simpul imports these names instead of spelling the old or the new API itself, so one
code base runs on every release and ``tests/test_qt6_ready.py`` finds nothing to port:

* ``QAction``, ``QActionGroup``: ``QtGui`` under Qt 6, ``QtWidgets`` under Qt 5.
* ``FieldType``: the type of a ``QgsField`` — ``QMetaType.Type`` from QGIS 3.38 on (the ``QVariant``
  constructor is deprecated there and gone in QGIS 4), ``QVariant.Type`` before. Build fields
  with ``QgsField(name, FieldType.String, "String", 50)`` and compare ``field.type()`` with them;
  no ``QVariant`` type constant appears anywhere else in Simpul.
* Scoped QGIS enums that QGIS 3.30+ moved into ``Qgis`` (``Qgis.GeometryType.Polygon``,
  ``Qgis.ProcessingSourceType.Vector``, …): the classes below carry the new names and hold the
  new value where QGIS has it, the old one (``QgsWkbTypes.PolygonGeometry``, …) on 3.22.
* ``auth_database_path()``: the authentication database file (``qgisAuthDatabaseFilePath()`` is
  deprecated from 3.40, in favour of ``qgisAuthDatabaseUri()``).

Scoped Qt enums (``Qt.AlignmentFlag.AlignLeft``), ``Qgis.MessageLevel.Info`` and ``exec()`` work
on PyQt5 5.15 and QGIS 3.22 as they are, so they need nothing here.
"""
import qgis.core as _core
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QMetaType, QVariant


def __getattr__(name):
    """``QAction`` and ``QActionGroup``, imported only when asked for (``core`` uses this module
    and stays free of widgets)."""
    if name in ("QAction", "QActionGroup"):
        try:  # Qt 6
            from qgis.PyQt import QtGui
            return getattr(QtGui, name)
        except AttributeError:  # Qt 5
            from qgis.PyQt import QtWidgets
            return getattr(QtWidgets, name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT


def _pick(*paths):
    """The value of the first dotted name (in ``qgis.core``) this QGIS has, newest first."""
    for path in paths:
        obj = _core
        try:
            for part in path.split("."):
                obj = getattr(obj, part)
        except AttributeError:
            continue
        return obj
    raise AttributeError("none of %s exists in this QGIS" % ", ".join(paths))


def _scoped(new, old, names, old_name="{}"):
    """A class whose attributes are the members ``names`` of the scoped enum ``new`` (``Qgis.…``)
    where this QGIS has it, else of ``old``: each old member is spelled ``old_name`` (``{}`` is the
    new name) or as ``names`` maps it ({new: old})."""
    if isinstance(names, str):
        names = {n: old_name.format(n) for n in names.split()}
    return type(new.rsplit(".", 1)[1], (), {n: _pick(new + "." + n, old + "." + o) for n, o in names.items()})


# FieldType: QMetaType.Type from QGIS 3.38 on (Qt spells four of them with a Q), QVariant.Type before
_FIELDS = {"String": "QString", "Int": "Int", "UInt": "UInt", "LongLong": "LongLong", "ULongLong": "ULongLong",
           "Double": "Double", "Bool": "Bool", "Date": "QDate", "Time": "QTime", "DateTime": "QDateTime"}
if QGIS_VERSION_INT >= 33800:
    FieldType = type("FieldType", (), {n: getattr(QMetaType.Type, m) for n, m in _FIELDS.items()})
else:
    _T = getattr(QVariant, "Type", QVariant)
    FieldType = type("FieldType", (), {n: getattr(_T, n) for n in _FIELDS})

GeometryType = _scoped("Qgis.GeometryType", "QgsWkbTypes.GeometryType", "Point Line Polygon Unknown Null",
                       "{}Geometry")
WkbType = _scoped("Qgis.WkbType", "QgsWkbTypes.Type", "NoGeometry Point LineString Polygon MultiPoint "
                  "MultiLineString MultiPolygon GeometryCollection Unknown")
LayerType = _scoped("Qgis.LayerType", "QgsMapLayerType", "Vector Raster", "{}Layer")
LayerFilter = _scoped("Qgis.LayerFilter", "QgsMapLayerProxyModel.Filter", "VectorLayer")
ProcessingSourceType = _scoped("Qgis.ProcessingSourceType", "QgsProcessing.SourceType",
                               "Vector VectorAnyGeometry VectorPoint VectorLine VectorPolygon", "Type{}")
ProcessingParameterFlag = _scoped("Qgis.ProcessingParameterFlag", "QgsProcessingParameterDefinition.Flag",
                                  "Advanced Optional", "Flag{}")
ProcessingFileParameterBehavior = _scoped("Qgis.ProcessingFileParameterBehavior",
                                          "QgsProcessingParameterFile.Behavior", "File Folder")
ProcessingNumberParameterType = _scoped("Qgis.ProcessingNumberParameterType", "QgsProcessingParameterNumber.Type",
                                        "Integer Double")
DistanceUnit = _scoped("Qgis.DistanceUnit", "QgsUnitTypes.DistanceUnit", "Meters", "Distance{}")
FeatureRequestFlag = _scoped("Qgis.FeatureRequestFlag", "QgsFeatureRequest.Flag", "NoGeometry")
GeometryValidationEngine = _scoped("Qgis.GeometryValidationEngine", "QgsGeometry.ValidationEngine", "Geos",
                                   "Validator{}")
MapSettingsFlag = _scoped("Qgis.MapSettingsFlag", "QgsMapSettings.Flag", "Antialiasing")
CrsWktVariant = _scoped("Qgis.CrsWktVariant", "QgsCoordinateReferenceSystem.WktVariant",
                        {"Wkt2_2019": "WKT2_2019", "Wkt1Gdal": "WKT1_GDAL"})
DataItemProviderCapability = _scoped("Qgis.DataItemProviderCapability", "QgsDataProvider.DataCapability",
                                     {"NetworkSources": "Net"})


def auth_database_path():
    """The path of QGIS's authentication database file."""
    uri = getattr(QgsApplication, "qgisAuthDatabaseUri", None)
    if uri is None:  # QGIS < 3.40
        return QgsApplication.qgisAuthDatabaseFilePath()
    text = uri()
    return text.split("://", 1)[1] if "://" in text else text
