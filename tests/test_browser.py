"""Simpul in the Browser panel, headless: the item tree built for a registry (levels, provinces,
nodes, services, layers, cached records), with provider keys and URIs QGIS can load."""
import json

import pytest
from qgis.core import QgsErrorItem, QgsLayerItem, QgsRasterLayer, QgsSettings, QgsVectorLayer

from loader_data import ARCGIS_MAPSERVICE, record_of, serve_arcgis
from sdi_plugin.core.nodes import directory
from sdi_plugin.core.nodes.registry import Node, NodeRegistry
from sdi_plugin.gui.browser import NodeItem, RecordItem, RecordsItem, ServiceItem, SimpulDataItemProvider


@pytest.fixture
def registry():
    s = QgsSettings()
    s.remove("simpul/nodes")
    yield NodeRegistry(s)
    s.remove("simpul/nodes")


def _child(item, name):
    kids = item.createChildren()
    names = [k.name() for k in kids]
    assert name in names, names
    return kids[names.index(name)]


def _demo(node):
    return Node(name="Simpul Demo", url=node.base_url, level="provinsi", parent="Kalimantan Tengah",
                services=[{"kind": "CSW", "url": node.csw_url}, {"kind": "WMS", "url": node.ows_url},
                          {"kind": "WFS", "url": node.ows_url}, {"kind": "OGC API Features", "url": node.oapif_url}])


def test_provider_root_and_levels(qgis_app, registry):
    provider = SimpulDataItemProvider(registry)
    assert provider.name() == "Simpul" and provider.createDataItem("/elsewhere", None) is None
    root = provider.createDataItem("", None)
    levels = [k.name() for k in root.createChildren()]
    assert levels == ["National", "Province", "Regency (kabupaten)", "City (kota)"]   # the bundled directory
    national = _child(root, "National")
    names = [k.name() for k in national.createChildren()]
    assert "Ina-Geoportal (BIG)" in names and all(isinstance(k, NodeItem) for k in national.createChildren())
    banten = _child(_child(root, "City (kota)"), "Banten")
    tangerang = _child(banten, "Geoportal Kota Tangerang")
    assert "Not verified" in tangerang.toolTip()
    [arcgis] = tangerang.createChildren()
    assert isinstance(arcgis, ServiceItem) and arcgis.service["kind"] == "ArcGIS REST"
    assert len(directory.load_bundled().nodes) == sum(
        len(p.createChildren()) if not isinstance(p, NodeItem) else 1
        for lv in root.createChildren() for p in lv.createChildren())


def test_demo_node_services_expand_to_loadable_layers(qgis_app, registry, demo_node):
    registry.add(_demo(demo_node))
    root = SimpulDataItemProvider(registry).createDataItem("", None)
    node = _child(_child(_child(root, "Province"), "Kalimantan Tengah"), "Simpul Demo")
    services = {k.name().split(" — ")[0]: k for k in node.createChildren() if isinstance(k, ServiceItem)}
    assert set(services) == {"WMS", "WFS", "OGC API Features"}
    assert any(isinstance(k, RecordsItem) for k in node.createChildren())   # it has a catalogue

    by_title = {d["title"]: d for d in demo_node.datasets}
    wms = [k for k in services["WMS"].createChildren() if k.name() in by_title]
    assert len(wms) == len(demo_node.datasets)
    for item in wms:
        assert isinstance(item, QgsLayerItem) and item.providerKey() == "wms"
        [uri] = item.mimeUris()
        assert uri.providerKey == "wms" and uri.layerType == "raster"
        assert "crs=EPSG:9470" in uri.uri
    layer = QgsRasterLayer(wms[0].mimeUris()[0].uri, "x", "wms")
    assert layer.isValid()

    wfs = {k.name(): k for k in services["WFS"].createChildren()}
    ds = demo_node.datasets[0]
    [uri] = wfs[ds["title"]].mimeUris()
    assert (uri.providerKey, uri.layerType) == ("WFS", "vector")
    assert QgsVectorLayer(uri.uri, "x", "WFS").featureCount() == ds["feature_count"]

    oapif = {k.name(): k for k in services["OGC API Features"].createChildren()}
    [uri] = oapif[ds["title"]].mimeUris()
    assert uri.providerKey == "OAPIF" and QgsVectorLayer(uri.uri, "x", "OAPIF").featureCount() == ds["feature_count"]


def test_cached_records_become_layer_items(qgis_app, registry, demo_node, tmp_path):
    from sdi_plugin.core.catalog.cache import RecordCache
    cache = RecordCache(str(tmp_path / "cache.sqlite"))
    records = [record_of(ds, demo_node) for ds in demo_node.datasets[:2]]
    cache.put(records)
    registry.add(_demo(demo_node))
    root = SimpulDataItemProvider(registry, cache).createDataItem("", None)
    node = _child(_child(_child(root, "Province"), "Kalimantan Tengah"), "Simpul Demo")
    [records_item] = [k for k in node.createChildren() if isinstance(k, RecordsItem)]
    items = records_item.createChildren()
    assert sorted(k.name() for k in items) == sorted(r.title for r in records)
    record_item = items[0]
    assert isinstance(record_item, RecordItem)
    layers = record_item.createChildren()
    assert [k.providerKey() for k in layers] == ["wms", "WFS", "OAPIF"]
    assert all(k.mimeUris()[0].uri for k in layers)
    assert [a.text() for a in record_item.actions(None)] == ["Load with Simpul"]


def test_node_without_services_and_a_broken_service(qgis_app, registry, scripted_server):
    registry.add(Node(name="Simpul Baru", url=scripted_server.url, level="kota", parent="Banten"))
    registry.add(Node(name="Simpul Rusak", url=scripted_server.url + "/x", level="kota", parent="Banten",
                      services=[{"kind": "WMS", "url": scripted_server.url + "/tidak-ada"}]))
    root = SimpulDataItemProvider(registry).createDataItem("", None)
    banten = _child(_child(root, "City (kota)"), "Banten")
    [none] = _child(banten, "Simpul Baru").createChildren()
    assert isinstance(none, QgsErrorItem) and "No known service" in none.name()
    [service] = _child(banten, "Simpul Rusak").createChildren()
    [error] = service.createChildren()
    assert isinstance(error, QgsErrorItem) and "HTTP 404" in error.name()


def test_arcgis_directory_folders_and_services(qgis_app, registry, scripted_server):
    serve_arcgis(scripted_server)
    scripted_server.static("/arcgis/rest/services", json.dumps({"currentVersion": 10.81, "folders": ["Batas"],
                                                                "services": []}), ctype="application/json")
    scripted_server.static("/arcgis/rest/services/Batas", json.dumps({"folders": [], "services": [
        {"name": "Batas", "type": "MapServer"}, {"name": "Batas", "type": "FeatureServer"},
        {"name": "Citra", "type": "ImageServer"}]}), ctype="application/json")
    registry.add(Node(name="ArcGIS Uji", url=scripted_server.url, level="nasional",
                      services=[{"kind": "ArcGIS REST", "url": scripted_server.url + "/arcgis/rest/services"}]))
    root = SimpulDataItemProvider(registry).createDataItem("", None)
    node = _child(_child(root, "National"), "ArcGIS Uji")
    [rest] = node.createChildren()
    [folder] = rest.createChildren()
    assert folder.name() == "Batas"
    services = {k.name(): k for k in folder.createChildren()}
    assert set(services) == {"Batas (MapServer)", "Batas (FeatureServer)"}
    maps = services["Batas (MapServer)"].createChildren()
    assert [k.providerKey() for k in maps] == ["arcgismapserver"] * (1 + len(ARCGIS_MAPSERVICE["layers"]))
    assert QgsRasterLayer(maps[1].mimeUris()[0].uri, "x", "arcgismapserver").isValid()
    [feature] = services["Batas (FeatureServer)"].createChildren()
    assert feature.providerKey() == "arcgisfeatureserver"
    assert QgsVectorLayer(feature.mimeUris()[0].uri, "x", "arcgisfeatureserver").isValid()
