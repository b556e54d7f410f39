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


if QGIS_VERSION_INT >= 33800:
    _T = QMetaType.Type

    class FieldType:
        String = _T.QString
        Int = _T.Int
        UInt = _T.UInt
        LongLong = _T.LongLong
        ULongLong = _T.ULongLong
        Double = _T.Double
        Bool = _T.Bool
        Date = _T.QDate
        Time = _T.QTime
        DateTime = _T.QDateTime
else:
    _T = getattr(QVariant, "Type", QVariant)

    class FieldType:  # noqa: F811 - one of the two, by release
        String = _T.String
        Int = _T.Int
        UInt = _T.UInt
        LongLong = _T.LongLong
        ULongLong = _T.ULongLong
        Double = _T.Double
        Bool = _T.Bool
        Date = _T.Date
        Time = _T.Time
        DateTime = _T.DateTime


class GeometryType:
    Point = _pick("Qgis.GeometryType.Point", "QgsWkbTypes.GeometryType.PointGeometry")
    Line = _pick("Qgis.GeometryType.Line", "QgsWkbTypes.GeometryType.LineGeometry")
    Polygon = _pick("Qgis.GeometryType.Polygon", "QgsWkbTypes.GeometryType.PolygonGeometry")
    Unknown = _pick("Qgis.GeometryType.Unknown", "QgsWkbTypes.GeometryType.UnknownGeometry")
    Null = _pick("Qgis.GeometryType.Null", "QgsWkbTypes.GeometryType.NullGeometry")


class WkbType:
    NoGeometry = _pick("Qgis.WkbType.NoGeometry", "QgsWkbTypes.Type.NoGeometry")
    Point = _pick("Qgis.WkbType.Point", "QgsWkbTypes.Type.Point")
    LineString = _pick("Qgis.WkbType.LineString", "QgsWkbTypes.Type.LineString")
    Polygon = _pick("Qgis.WkbType.Polygon", "QgsWkbTypes.Type.Polygon")
    MultiPoint = _pick("Qgis.WkbType.MultiPoint", "QgsWkbTypes.Type.MultiPoint")
    MultiLineString = _pick("Qgis.WkbType.MultiLineString", "QgsWkbTypes.Type.MultiLineString")
    MultiPolygon = _pick("Qgis.WkbType.MultiPolygon", "QgsWkbTypes.Type.MultiPolygon")
    GeometryCollection = _pick("Qgis.WkbType.GeometryCollection", "QgsWkbTypes.Type.GeometryCollection")
    Unknown = _pick("Qgis.WkbType.Unknown", "QgsWkbTypes.Type.Unknown")


class LayerType:
    Vector = _pick("Qgis.LayerType.Vector", "QgsMapLayerType.VectorLayer")
    Raster = _pick("Qgis.LayerType.Raster", "QgsMapLayerType.RasterLayer")


class LayerFilter:
    VectorLayer = _pick("Qgis.LayerFilter.VectorLayer", "QgsMapLayerProxyModel.Filter.VectorLayer")


class ProcessingSourceType:
    Vector = _pick("Qgis.ProcessingSourceType.Vector", "QgsProcessing.SourceType.TypeVector")
    VectorAnyGeometry = _pick("Qgis.ProcessingSourceType.VectorAnyGeometry",
                              "QgsProcessing.SourceType.TypeVectorAnyGeometry")
    VectorPoint = _pick("Qgis.ProcessingSourceType.VectorPoint", "QgsProcessing.SourceType.TypeVectorPoint")
    VectorLine = _pick("Qgis.ProcessingSourceType.VectorLine", "QgsProcessing.SourceType.TypeVectorLine")
    VectorPolygon = _pick("Qgis.ProcessingSourceType.VectorPolygon", "QgsProcessing.SourceType.TypeVectorPolygon")


class ProcessingParameterFlag:
    Advanced = _pick("Qgis.ProcessingParameterFlag.Advanced", "QgsProcessingParameterDefinition.Flag.FlagAdvanced")
    Optional = _pick("Qgis.ProcessingParameterFlag.Optional", "QgsProcessingParameterDefinition.Flag.FlagOptional")


class ProcessingFileParameterBehavior:
    File = _pick("Qgis.ProcessingFileParameterBehavior.File", "QgsProcessingParameterFile.Behavior.File")
    Folder = _pick("Qgis.ProcessingFileParameterBehavior.Folder", "QgsProcessingParameterFile.Behavior.Folder")


class ProcessingNumberParameterType:
    Integer = _pick("Qgis.ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Type.Integer")
    Double = _pick("Qgis.ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Type.Double")


class DistanceUnit:
    Meters = _pick("Qgis.DistanceUnit.Meters", "QgsUnitTypes.DistanceUnit.DistanceMeters")


class FeatureRequestFlag:
    NoGeometry = _pick("Qgis.FeatureRequestFlag.NoGeometry", "QgsFeatureRequest.Flag.NoGeometry")


class GeometryValidationEngine:
    Geos = _pick("Qgis.GeometryValidationEngine.Geos", "QgsGeometry.ValidationEngine.ValidatorGeos",
                 "Qgis.GeometryValidationEngine.Geos")


class MapSettingsFlag:
    Antialiasing = _pick("Qgis.MapSettingsFlag.Antialiasing", "QgsMapSettings.Flag.Antialiasing")


class CrsWktVariant:
    Wkt2_2019 = _pick("Qgis.CrsWktVariant.Wkt2_2019", "QgsCoordinateReferenceSystem.WktVariant.WKT2_2019")
    Wkt1Gdal = _pick("Qgis.CrsWktVariant.Wkt1Gdal", "QgsCoordinateReferenceSystem.WktVariant.WKT1_GDAL")


class DataItemProviderCapability:
    NetworkSources = _pick("Qgis.DataItemProviderCapability.NetworkSources", "QgsDataProvider.DataCapability.Net")


def auth_database_path():
    """The path of QGIS's authentication database file."""
    uri = getattr(QgsApplication, "qgisAuthDatabaseUri", None)
    if uri is None:  # QGIS < 3.40
        return QgsApplication.qgisAuthDatabaseFilePath()
    text = uri()
    return text.split("://", 1)[1] if "://" in text else text
