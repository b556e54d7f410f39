"""Opening what the user asks to validate: a file, one layer of a GeoPackage, a folder.

Bad input never raises anything but :class:`InputError`, whose message says plainly what is
wrong (missing file, unsupported format, damaged file, no such layer, no geometry).  A layer
is always opened read-only by path, so the source is never written.
"""
import glob
import os
from dataclasses import dataclass, field

from qgis.core import QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes

from ...compat import GeometryType, WkbType
from ..errors import SimpulError
from ..i18n import tr
from ..network.secrets import redact

# Vector formats Simpul validates (by extension); anything else is refused with a clear message.
VECTOR_EXTENSIONS = {".gpkg": "GeoPackage", ".shp": "ESRI Shapefile", ".geojson": "GeoJSON",
                     ".json": "GeoJSON", ".gml": "GML", ".kml": "KML", ".fgb": "FlatGeobuf",
                     ".sqlite": "SQLite", ".tab": "MapInfo", ".mif": "MapInfo"}
# Files that belong to a Shapefile (or sit beside it) and are not datasets themselves.
SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".qml", ".xml", ".shp.xml")


class InputError(SimpulError, ValueError):
    """Something the validator cannot work with; the message is for people."""


@dataclass
class DatasetRef:
    """Where one dataset (layer) comes from."""
    path: str                   # the file ("" for non-file sources)
    layer_name: str             # table name in the file (GeoPackage) or file base name
    format: str                 # GDAL driver / storage type, e.g. "GPKG", "ESRI Shapefile"
    uri: str                    # what QgsVectorLayer opens
    provider: str = "ogr"
    files: list = field(default_factory=list)   # every file that makes up the dataset

    @property
    def label(self):
        if not self.path:
            return self.layer_name
        base = os.path.basename(self.path)
        return base if self.format != "GPKG" else "%s | %s" % (base, self.layer_name)


def _gdal_reason(path):
    """GDAL's own words for why a file does not open (best effort, may be empty)."""
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - GDAL ships with QGIS
        return ""
    try:
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_VERBOSE_ERROR)
        reason = "" if ds is not None else gdal.GetLastErrorMsg()
        ds = None
        return reason
    except Exception as exc:  # noqa: BLE001 - diagnostics only
        return str(exc)
    finally:
        gdal.PopErrorHandler()


def check_path(path):
    """Refuse what cannot be a vector dataset file, with a message that says why."""
    if not path:
        raise InputError(tr("No dataset given."))
    if not os.path.exists(path):
        raise InputError(tr("{path} does not exist.").format(path=redact(path)))
    if os.path.isdir(path):
        raise InputError(tr("{path} is a folder; validate a folder with the batch tool "
                            "(sdi:validatefolder).").format(path=path))
    ext = os.path.splitext(path)[1].lower()
    if ext not in VECTOR_EXTENSIONS:
        raise InputError(tr("{name}: the format {ext} is not supported. Simpul validates vector "
                            "datasets: {formats}.").format(
            name=os.path.basename(path), ext=ext or tr("(no extension)"),
            formats=", ".join(sorted(set(VECTOR_EXTENSIONS.values())))))
    if not os.access(path, os.R_OK):
        raise InputError(tr("{path} cannot be read (no permission).").format(path=path))
    if os.path.getsize(path) == 0:
        raise InputError(tr("{path} is empty (0 bytes).").format(path=path))


def dataset_files(path):
    """The files that make up the dataset at ``path`` (a Shapefile is several files)."""
    if not path:
        return []
    if path.lower().endswith(".shp"):
        base = os.path.splitext(path)[0]
        found = [p for p in glob.glob(glob.escape(base) + ".*")
                 if os.path.splitext(p)[0] == base or p.lower().endswith(".shp.xml")]
        return sorted(set(found) | {path})
    return [path] + [p for p in (path + "-wal", path + "-shm") if os.path.exists(p)]


def layer_names(path):
    """Names of the vector layers in ``path`` (one for single-layer formats)."""
    check_path(path)
    layer = QgsVectorLayer(path, "probe", "ogr")
    if not layer.isValid():
        reason = _gdal_reason(path)
        raise InputError(tr("{name} could not be opened as a vector dataset; the file may be damaged "
                            "or not a GIS file.{reason}").format(
            name=os.path.basename(path), reason=(" (%s)" % reason) if reason else ""))
    names = []
    for sub in layer.dataProvider().subLayers():
        parts = sub.split("!!::!!")
        if len(parts) >= 2 and parts[1] and parts[1] not in names:
            names.append(parts[1])
    return names or [os.path.splitext(os.path.basename(path))[0]]


def ref_for(path, layer_name=None):
    """A :class:`DatasetRef` for one layer of ``path`` (the only or first layer by default)."""
    names = layer_names(path)
    if layer_name and layer_name not in names:
        raise InputError(tr("{name} has no layer called {layer} (it has: {layers}).").format(
            name=os.path.basename(path), layer=layer_name, layers=", ".join(names)))
    name = layer_name or names[0]
    is_multi = path.lower().endswith((".gpkg", ".sqlite"))
    uri = "%s|layername=%s" % (path, name) if is_multi else path
    probe = QgsVectorLayer(uri, name, "ogr")
    fmt = probe.storageType() if probe.isValid() else VECTOR_EXTENSIONS[os.path.splitext(path)[1].lower()]
    if not is_multi:
        name = os.path.splitext(os.path.basename(path))[0]
    return DatasetRef(path=os.path.abspath(path), layer_name=name, format=fmt, uri=uri,
                      files=dataset_files(os.path.abspath(path)))


def ref_of_layer(layer):
    """A :class:`DatasetRef` describing an open layer (its file and table name when it has them)."""
    provider = layer.providerType()
    path, name = "", ""
    try:
        parts = QgsProviderRegistry.instance().decodeUri(provider, layer.source())
    except Exception:  # noqa: BLE001 - providers without decodeUri
        parts = {}
    path = parts.get("path") or ""
    name = parts.get("layerName") or ""
    if provider != "ogr" or not path or not os.path.exists(path):
        path = ""
    if path and not name:
        if path.lower().endswith((".gpkg", ".sqlite")):
            subs = [s.split("!!::!!") for s in layer.dataProvider().subLayers()]
            name = subs[0][1] if len(subs) == 1 and len(subs[0]) > 1 else ""
        else:
            name = os.path.splitext(os.path.basename(path))[0]
    if not name:
        name = parts.get("table") or layer.name()
    return DatasetRef(path=os.path.abspath(path) if path else "", layer_name=name,
                      format=layer.storageType() or provider, uri=layer.source(), provider=provider,
                      files=dataset_files(os.path.abspath(path)) if path else [])


def open_ref(ref):
    """Open the layer of ``ref``; :class:`InputError` when it does not open or has no geometry."""
    if ref.provider == "postgres":
        from .postgis_sources import open_postgis
        layer = open_postgis(ref)
        check_layer(layer, ref.label)
        return layer
    layer = QgsVectorLayer(ref.uri, ref.layer_name, ref.provider)
    if not layer.isValid():
        reason = _gdal_reason(ref.path) if ref.path else ""
        raise InputError(tr("{name} could not be opened; the file may be damaged.{reason}").format(
            name=ref.label, reason=(" (%s)" % reason) if reason else ""))
    check_layer(layer, ref.label)
    return layer


def check_layer(layer, label=None):
    """Refuse layers the validator cannot check at all (no geometry column)."""
    if layer.geometryType() in (GeometryType.Null, GeometryType.Unknown) and \
            QgsWkbTypes.flatType(layer.wkbType()) == WkbType.NoGeometry:
        raise InputError(tr("{name} is a table without geometry; KUGI datasets are spatial layers.").format(
            name=label or layer.name()))


def find_datasets(folder, recursive=True):
    """Every vector file under ``folder`` (sorted), and the files that were skipped with why."""
    if not folder or not os.path.isdir(folder):
        raise InputError(tr("{path} is not a folder.").format(path=folder))
    files, skipped = [], []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            low = name.lower()
            ext = os.path.splitext(low)[1]
            if low.endswith(SIDECARS) or name.startswith("."):
                continue
            path = os.path.join(root, name)
            if ext in VECTOR_EXTENSIONS:
                files.append(path)
            else:
                skipped.append(path)
        if not recursive:
            break
    return files, skipped
