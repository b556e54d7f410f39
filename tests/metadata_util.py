"""Helpers shared by the metadata tests (not fixtures)."""
import collections
import hashlib
import json
import os

from qgis.core import QgsVectorLayer

from sdi_plugin.core.metadata.check import _standalone, values
from sdi_plugin.core.metadata.iso_reader import find_record
from sdi_plugin.core.standards.pack import load_profile
from sdi_plugin.core.network.xmlsafe import parse_xml

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "metadata")


def manifest(sample_dir):
    with open(os.path.join(sample_dir, "manifest.json"), encoding="utf-8") as fh:
        return json.load(fh)


def dataset(sample_dir, ds_id):
    return next(d for d in manifest(sample_dir)["datasets"] if d["id"] == ds_id)


def layer_source(path, layer_name=None):
    return "%s|layername=%s" % (path, layer_name) if path.endswith(".gpkg") else path


def open_layer(path, layer_name=None, name=None):
    layer = QgsVectorLayer(layer_source(path, layer_name), name or layer_name or "layer", "ogr")
    assert layer.isValid(), path
    return layer


def sample_layer(sample_dir, ds_id):
    ds = dataset(sample_dir, ds_id)
    return open_layer(os.path.join(sample_dir, ds["file"]), ds["layer"]), ds


def node_defaults(ds, **extra):
    """Defaults as a node would write them for the dataset's organisation."""
    from sdi_plugin.core.metadata.defaults import load_defaults
    d = load_defaults()
    d.update(organisation=ds["organisation"], email="simpul@example.go.id", phone="+62 21 0000 0000",
             city="Jakarta", node_code="SIMPUL-UJI")
    d.update(extra)
    return d


def profile_values(data):
    """{element id: Counter of values} for every element of the profile in an XML document."""
    profile = load_profile()
    md = _standalone(find_record(parse_xml(data)))
    return {e.id: collections.Counter(values(md, e, profile)) for e in profile.elements}


def fixture(name):
    with open(os.path.join(DATA, name), "rb") as fh:
        return fh.read()


def feature_checksum(path, layer_name=None):
    """SHA-256 over every feature (fid, attributes, WKB geometry) of a layer, read through OGR."""
    from osgeo import ogr
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    h = hashlib.sha256()
    layer.ResetReading()
    for f in layer:
        h.update(str(f.GetFID()).encode())
        for i in range(f.GetFieldCount()):
            h.update(repr(f.GetField(i)).encode("utf-8"))
        g = f.GetGeometryRef()
        h.update(bytes(g.ExportToWkb()) if g is not None else b"-")
    count = layer.GetFeatureCount()
    ds = None
    return h.hexdigest(), count


def all_checksums(path):
    from osgeo import ogr
    ds = ogr.Open(path)
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    ds = None
    return {n: feature_checksum(path, n) for n in names}
