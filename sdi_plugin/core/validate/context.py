"""What every check needs to know about the dataset being validated (:class:`Context`):
the layer, where it comes from, its KUGI feature type, fields, CRS and scale, plus helpers
to fetch only the features a finding is about.
"""
import math
from collections import Counter

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsExpression,
                       QgsFeatureRequest, QgsProject, QgsUnitTypes, QgsWkbTypes)


from ...compat import DistanceUnit, FeatureRequestFlag, FieldType, GeometryType
from ..network.secrets import redact
from ..i18n import tr
from ..standards.kugi_api import best_catalogue, default_data_dir
from ..standards.pack import crs_status
from .crs_identify import identify
from .settings import load_settings
from .sources import InputError

GEOMETRY_TOKENS = {GeometryType.Point: "PT", GeometryType.Line: "LN",
                   GeometryType.Polygon: "AR"}
CHUNK = 500          # values per IN (...) query
CACHE_VALUES = 20000  # distinct values kept between rules (larger sets are read again)


def catalogue():
    """The KUGI catalogue to validate against: the one refreshed from the KUGI API when there
    is a valid copy in Simpul's data folder, else the bundled subset."""
    return best_catalogue(default_data_dir())


def is_blank(value):
    """NULL, None or a string of only spaces."""
    if value is None:
        return True
    if hasattr(value, "isNull") and value.isNull():
        return True
    return isinstance(value, str) and not value.strip()


def plain(value):
    """A QVariant-free Python value (NULL -> None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


class Context:
    """One dataset under validation; ``findings`` collects what the checks report."""

    def __init__(self, layer, ref, feature_type=None, metadata_path=None, feedback=None,
                 kugi=None, settings=None):
        self.layer = layer
        self.ref = ref
        self.feedback = feedback
        self.kugi = kugi or catalogue()
        self.settings = settings or load_settings()
        self.metadata_path = metadata_path or ""
        self.findings = []
        self._distinct = {}
        self.max_lengths = {}
        self.rules_run = []
        self.notes = []
        self.fields = {f.name().upper(): (i, f) for i, f in enumerate(layer.fields())}
        self.geometry_type = layer.geometryType()
        self.token = GEOMETRY_TOKENS.get(self.geometry_type, "")
        self.crs = layer.crs()
        self.authid, self.crs_how = identify(self.crs)
        self.crs_status = crs_status(self.authid)
        self.geographic = self.crs.isValid() and self.crs.isGeographic()
        self.match = self._feature_type(feature_type)
        self.feature_type = self.match.feature_type
        self.scale = self._scale()

    _feature_count = None

    @property
    def feature_count(self):
        """How many features the layer has (asked of the provider when first needed; the
        PostGIS engine counts them in its one scan of the table instead)."""
        if self._feature_count is None:
            self._feature_count = max(self.layer.featureCount(), 0)
        return self._feature_count

    @feature_count.setter
    def feature_count(self, value):
        self._feature_count = max(int(value), 0)

    # -- progress ----------------------------------------------------------------------
    def canceled(self):
        return bool(self.feedback and self.feedback.isCanceled())

    def progress(self, percent):
        if self.feedback:
            self.feedback.setProgress(percent)

    def add(self, finding):
        self.findings.append(finding)

    # -- fields ------------------------------------------------------------------------
    def field(self, name):
        """(index, QgsField) of a field by case-insensitive name, or None."""
        return self.fields.get(name.upper())

    database = None         # a postgis_engine.PostgisRun when the rules run in the database

    def distinct(self, name):
        """The distinct values of a field (computed by the provider, not row by row in Python;
        kept until :meth:`forget_values`)."""
        hit = self.field(name)
        if not hit:
            return set()
        values = self._distinct.get(hit[0])
        if values is None:
            values = set(self.layer.uniqueValues(hit[0]))
            if len(values) <= CACHE_VALUES:
                self._distinct[hit[0]] = values
        return values

    def forget_values(self):
        self._distinct.clear()

    def fids_where(self, expression, limit=None):
        """Feature ids matching an expression, without reading geometry."""
        req = QgsFeatureRequest().setFilterExpression(expression)
        req.setFlags(FeatureRequestFlag.NoGeometry).setNoAttributes()
        if limit:
            req.setLimit(limit)
        return sorted(f.id() for f in self.layer.getFeatures(req))

    def fids_with_values(self, name, values):
        """{fid: value} for the features whose field ``name`` holds one of ``values``."""
        hit = self.field(name)
        if not hit or not values:
            return {}
        idx, fld = hit
        col = QgsExpression.quotedColumnRef(fld.name())
        out = {}
        values = [v for v in values if plain(v) is not None]
        for start in range(0, len(values), CHUNK):
            chunk = values[start:start + CHUNK]
            expr = "%s IN (%s)" % (col, ",".join(QgsExpression.quotedValue(v) for v in chunk))
            req = QgsFeatureRequest().setFilterExpression(expr).setFlags(FeatureRequestFlag.NoGeometry)
            req.setSubsetOfAttributes([idx])
            for f in self.layer.getFeatures(req):
                out[f.id()] = f.attributes()[idx]
        return out

    def fids_blank(self, name):
        hit = self.field(name)
        if not hit:
            return []
        if self.database is not None and self.database.blank_count(self, hit[1].name()) == 0:
            return []                      # counted in the database's one scan of every column
        col = QgsExpression.quotedColumnRef(hit[1].name())
        if hit[1].type() == FieldType.String:
            return self.fids_where("%s IS NULL OR trim(%s) = ''" % (col, col))
        return self.fids_where("%s IS NULL" % col)

    def points(self, fids):
        """{fid: WKT of a point on the feature} for the given feature ids (one request)."""
        out = {}
        fids = list(fids)
        for start in range(0, len(fids), 5000):
            req = QgsFeatureRequest().setFilterFids(fids[start:start + 5000]).setNoAttributes()
            for f in self.layer.getFeatures(req):
                g = f.geometry()
                if g.isNull() or g.isEmpty():
                    continue
                p = g if g.type() == GeometryType.Point and not g.isMultipart() else g.pointOnSurface()
                if p.isNull() or p.isEmpty():
                    p = g.centroid()
                out[f.id()] = p.asWkt(8 if self.geographic else 3)
        return out

    # -- units -------------------------------------------------------------------------
    def metres_per_unit(self, lat=None):
        """Rough size of one map unit in metres (degrees near ``lat`` for geographic CRSs)."""
        if not self.crs.isValid():
            return 1.0
        if self.geographic:
            lat = 0.0 if lat is None else max(-89.0, min(89.0, lat))
            return 111320.0 * math.sqrt(max(math.cos(math.radians(lat)), 1e-6))
        return QgsUnitTypes.fromUnitToUnitFactor(self.crs.mapUnits(), DistanceUnit.Meters)

    def to_lonlat(self):
        """A transform from the layer CRS to EPSG:4326, or None when the layer has no CRS."""
        if not self.crs.isValid():
            return None
        return QgsCoordinateTransform(self.crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsProject.instance())

    # -- KUGI --------------------------------------------------------------------------
    def _fcodes(self):
        hit = self.field("FCODE")
        if not hit:
            return Counter()
        return Counter(v.strip() for v in self.layer.uniqueValues(hit[0]) if isinstance(v, str) and v.strip())

    def _feature_type(self, override):
        if override:
            text = override.strip()
            ft = self.kugi.feature_type(text.upper())
            match = self.kugi.for_layer(text) if ft is None else None
            if ft is None and match is not None:
                ft = match.feature_type
            if ft is None:
                raise InputError(tr("FEATURE_TYPE {value} is not a feature type of the KUGI catalogue "
                                    "(give its FCODE, e.g. CA02070160, or its layer name).").format(value=text))
            result = self.kugi.for_layer(self.ref.layer_name, ft.fcode)
            result.feature_type, result.method, result.candidates = ft, "override", [ft]
            return result
        codes = self._fcodes()
        known = [c for c in codes if self.kugi.feature_type(c)]
        name = self.ref.layer_name
        if known:
            named = self.kugi.for_layer(name) if name else None
            pick = next((c for c in known if named and named.feature_type and named.feature_type.fcode == c),
                        sorted(known)[0])
            return self.kugi.for_layer(name, pick)
        return self.kugi.for_layer(name, None)

    def _scale(self):
        if self.feature_type:
            return self.kugi.scales[self.feature_type.scale]["denominator"]
        ln = self.kugi.parse_layer_name(self.ref.layer_name)
        if ln and ln.scale:
            return self.kugi.scales[ln.scale]["denominator"]
        return None

    def describe(self):
        """The dataset block of the JSON report."""
        ft = self.feature_type
        ext = self.layer.extent()
        return {
            "name": self.ref.layer_name, "label": self.ref.label, "source": redact(self.ref.path or self.ref.uri),
            "format": self.ref.format, "layer": self.ref.layer_name,
            "geometry": QgsWkbTypes.displayString(self.layer.wkbType()),
            "crs": self.authid or (self.crs.description() if self.crs.isValid() else ""),
            "feature_count": self.feature_count,
            "extent": [ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()] if not ext.isEmpty() else None,
            "feature_type": ({"fcode": ft.fcode, "type_name": ft.type_name, "layer": ft.layer,
                              "scale": self.scale, "method": self.match.method} if ft else None),
        }
