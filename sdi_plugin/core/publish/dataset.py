"""What is published: the dataset as read from its source, and the file that is uploaded.

GeoServer takes a GeoPackage (``file.gpkg``) or a zipped Shapefile (``file.shp``). A
GeoPackage that holds only the published table is uploaded as it is (streamed from disk, no
copy); one that holds other tables too is cut down to that table first, so nothing else
leaves the office. A Shapefile is zipped (its .shp, .shx, .dbf, .prj, .cpg, named like the
.shp, as Palapa expects). Any other vector format is written to a GeoPackage. A PostGIS
layer is not uploaded: its database is registered as a PostGIS store.
"""
import os
import re
import sqlite3
import zipfile

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDataProvider, QgsDataSourceUri,
                       QgsFeedback, QgsProject, QgsProviderRegistry, QgsVectorFileWriter, QgsVectorLayer, QgsWkbTypes)

from ..i18n import tr
from .model import Canceled, Dataset, PublishError

SHP_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx")


def safe_name(text, fallback="layer"):
    """A name GeoServer takes for a workspace, store, layer or style: letters, digits, _ - ."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", (text or "").strip()).strip("_.-")
    if name and not re.match(r"[A-Za-z_]", name):
        name = "_" + name
    return name[:64] or fallback


def is_postgis_uri(text):
    """Whether ``text`` is a PostGIS layer's URI (``dbname=… table=…``, perhaps ``postgres://``-prefixed)."""
    text = str(text or "")
    return bool(re.search(r"\b(dbname|service)=", text) and re.search(r"\btable=", text))


def load_layer(source):
    """A QgsVectorLayer for ``source`` (a layer, or a path / OGR URI such as ``a.gpkg|layername=T``)."""
    if isinstance(source, QgsVectorLayer):
        return source
    text = str(source)
    if text.startswith("postgres://"):
        text = text[len("postgres://"):]   # a PostGIS table as qgis_process writes it
    if is_postgis_uri(text):
        from ..validate.postgis_sources import public_uri
        uri = QgsDataSourceUri(text)
        layer = QgsVectorLayer(text, uri.table() or "postgis", "postgres")
        if not layer.isValid():
            raise PublishError(tr("Cannot open the PostGIS table {source}: check the connection and that the "
                                  "table exists.").format(source=public_uri(text)))
        return layer
    layer = QgsVectorLayer(text, os.path.basename(text.split("|")[0]), "ogr")
    if not layer.isValid():
        raise PublishError(tr("Cannot open the dataset {source}: not a readable vector layer.").format(source=source))
    return layer


def describe(source):
    """A :class:`Dataset` describing the layer at ``source`` (read only; nothing is written)."""
    layer = load_layer(source)
    provider = layer.providerType()
    ds = Dataset(source=layer.source(), provider=provider, layer=layer)
    ds.crs = layer.crs().authid()
    ds.geometry = QgsWkbTypes.displayString(QgsWkbTypes.flatType(QgsWkbTypes.singleType(layer.wkbType())))
    ds.feature_count = max(0, int(layer.featureCount()))
    ds.fields = [{"name": f.name(), "type": f.typeName()} for f in layer.fields()]
    if provider == "postgres":
        uri = QgsDataSourceUri(layer.source())
        ds.format, ds.table, ds.path = "PostGIS", uri.table(), ""
    elif provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        ds.path = parts.get("path") or ""
        ds.format = layer.dataProvider().storageType()
        ds.table = parts.get("layerName") or _first_sublayer(layer) or os.path.splitext(os.path.basename(ds.path))[0]
        ds.size_bytes = _size_on_disk(ds.path, ds.format)
    else:
        raise PublishError(tr("Layers from the {provider} provider cannot be published; save the layer as a "
                              "GeoPackage first.").format(provider=provider))
    extent = layer.extent()
    if not extent.isEmpty():
        ds.native_bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        try:
            tr4326 = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                            QgsProject.instance())
            e = tr4326.transformBoundingBox(extent)
            ds.bbox_4326 = tuple(round(v, 7) for v in (e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()))
        except Exception:  # noqa: BLE001 - a layer without a usable CRS has no geographic extent
            ds.bbox_4326 = None
    md = layer.metadata()
    ds.title = md.title() or ds.table
    ds.abstract = md.abstract() or ""
    ds.keywords = [k for words in md.keywords().values() for k in words]
    idx = layer.fields().indexOf("METADATA")
    if idx >= 0:
        values = [v for v in layer.uniqueValues(idx, 3) if v not in (None, "") and str(v) != "NULL"]
        if len(values) == 1:
            ds.metadata_ref = str(values[0]).strip()
    return ds


def _first_sublayer(layer):
    """The name of the table OGR opened when the source names none (e.g. a one-table GeoPackage)."""
    subs = layer.dataProvider().subLayers()
    parts = subs[0].split(QgsDataProvider.sublayerSeparator()) if subs else []
    return parts[1] if len(parts) > 1 else ""


def _size_on_disk(path, fmt):
    if not path or not os.path.exists(path):
        return 0
    if fmt == "ESRI Shapefile":
        stem = os.path.splitext(path)[0]
        return sum(os.path.getsize(stem + ext) for ext in SHP_PARTS if os.path.exists(stem + ext))
    return os.path.getsize(path)


def gpkg_feature_tables(path):
    """The names of the feature tables in a GeoPackage (read only)."""
    try:
        conn = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        try:
            return [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def prepare_upload(ds, workdir, feedback=None):
    """(path, format) of the file to upload for ``ds``: ``format`` is "gpkg" or "shp"."""
    if ds.provider == "postgres":
        return "", ""
    if ds.format == "GPKG" and gpkg_feature_tables(ds.path) == [ds.table]:
        return ds.path, "gpkg"
    if ds.format == "ESRI Shapefile":
        return _zip_shapefile(ds, workdir), "shp"
    return _to_geopackage(ds, workdir, feedback), "gpkg"


def _zip_shapefile(ds, workdir):
    stem = os.path.splitext(ds.path)[0]
    name = os.path.basename(stem)
    out = os.path.join(workdir, name + ".zip")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for ext in SHP_PARTS:
            for candidate in (stem + ext, stem + ext.upper()):
                if os.path.exists(candidate):
                    zf.write(candidate, name + ext)   # streamed in blocks by zipfile
                    break
    return out


def _to_geopackage(ds, workdir, feedback=None):
    out = os.path.join(workdir, safe_name(ds.table) + ".gpkg")
    layer = load_layer(ds.source) if ds.layer is None else ds.layer
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = ds.table
    opts.fileEncoding = "UTF-8"
    child = QgsFeedback()   # the writer's own progress stays out of the publish's progress bar
    if feedback is not None:
        feedback.canceled.connect(child.cancel)
        if feedback.isCanceled():
            child.cancel()
    opts.feedback = child
    err, msg = QgsVectorFileWriter.writeAsVectorFormatV3(layer, out, QgsProject.instance().transformContext(), opts)[:2]
    if child.isCanceled():
        raise Canceled(tr("Canceled."))
    if err != QgsVectorFileWriter.WriterError.NoError:
        raise PublishError(tr("Cannot prepare {table} for upload: {why}").format(table=ds.table, why=msg))
    return out


def postgis_connection(ds):
    """GeoServer PostGIS store parameters for a PostGIS layer (credentials from its authcfg)."""
    uri = QgsDataSourceUri(ds.source)
    user, password = uri.username(), uri.password()
    if uri.authConfigId():
        from qgis.core import QgsApplication, QgsAuthMethodConfig
        cfg = QgsAuthMethodConfig()
        loaded = QgsApplication.authManager().loadAuthenticationConfig(uri.authConfigId(), cfg, True)
        if loaded[0] if isinstance(loaded, tuple) else loaded:   # PyQGIS returns (ok, config)
            user = cfg.config("username", user)
            password = cfg.config("password", password)
    return {"dbtype": "postgis", "host": uri.host() or "localhost", "port": uri.port() or "5432",
            "database": uri.database(), "schema": uri.schema() or "public", "user": user, "passwd": password,
            "Expose primary keys": "true"}
