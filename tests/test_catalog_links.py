"""Link kinds from protocol strings and URL shapes (resources/catalog/link_types.json)."""
import json

import pytest

from sdi_plugin.core.catalog.links import classify, load_table, make_link
from sdi_plugin.core.catalog.model import LINK_KINDS
from sdi_plugin.core.paths import resource


@pytest.mark.parametrize("protocol,url,kind", [
    ("OGC:WMS", "http://h/ows", "WMS"),
    ("OGC:WMS-1.3.0-http-get-map", "http://h/ows", "WMS"),
    ("OGC:WMS-1.1.1-http-get-capabilities", "http://h/ows", "WMS"),
    ("OGC:WMTS", "http://h/gwc", "WMTS"),
    ("OGC:WMTS-1.0.0-http-get-tile", "http://h/gwc", "WMTS"),
    ("OGC:WFS", "http://h/ows", "WFS"),
    ("OGC:WFS-2.0.0-http-get-capabilities", "http://h/ows", "WFS"),
    ("OGC:WCS", "http://h/ows", "WCS"),
    ("OGC:API-Features", "http://h/wfs3/collections/jalan", "OAPIF"),
    ("OGC API Features", "http://h/api/collections/jalan", "OAPIF"),
    ("OGC API - Features", "http://h/api/collections/jalan", "OAPIF"),
    ("ESRI:ArcGIS:MapServer", "https://h/arcgis/rest/services/A/B/MapServer", "ArcGIS MapServer"),
    ("ESRI:ArcGIS:FeatureServer", "https://h/arcgis/rest/services/A/B/FeatureServer", "ArcGIS FeatureServer"),
    ("Esri REST: Map Service", "https://h/x", "ArcGIS MapServer"),
    # Ina-Geoportal's CKAN format: the URL says which kind of ArcGIS service
    ("Esri REST", "https://h/arcgis/rest/services/BATAS/Desa/MapServer", "ArcGIS MapServer"),
    ("Esri REST", "https://h/server/rest/services/BPBD/Banjir/FeatureServer/0", "ArcGIS FeatureServer"),
    ("urn:x-esri:specification:ServiceType:wms:url", "http://h/x", "WMS"),
    ("WWW:DOWNLOAD-1.0-http--download", "http://h/data.zip", "download"),
    ("download", "http://h/x", "download"),
    ("SHP", "http://h/x.zip", "download"),
    ("GeoJSON", "http://h/x.geojson", "download"),
    ("WWW:LINK-1.0-http--link", "http://h/page", "other"),
    ("WMS", "http://h/wms", "WMS"),
    ("ogc:wms", "http://h/ows", "WMS"),
])
def test_protocols(protocol, url, kind):
    assert classify(protocol, url) == kind


@pytest.mark.parametrize("url,kind", [
    ("http://h/ows?SERVICE=WMS&REQUEST=GetCapabilities", "WMS"),
    ("http://h/geoserver/wms", "WMS"),
    ("http://h/ows?service=WFS&request=GetFeature&typeName=x", "WFS"),
    ("http://h/ows?service=WCS", "WCS"),
    ("http://h/geoserver/gwc/service/wmts?REQUEST=GetCapabilities", "WMTS"),
    ("https://h/arcgis/rest/services/RBI/Batas/MapServer/3", "ArcGIS MapServer"),
    ("https://h/arcgis/rest/services/RBI/Batas/FeatureServer", "ArcGIS FeatureServer"),
    ("http://h/wfs3/collections/batas_desa/items?f=json", "OAPIF"),
    ("http://h/unduh/batas.gpkg", "download"),
    ("http://h/unduh/batas.zip", "download"),
    ("http://h/unduh/dem.tif", "download"),
    ("http://h/csw?service=CSW&request=GetRecordById&id=x", "metadata"),
    ("http://h/about.html", "other"),
    ("", "other"),
])
def test_url_shapes_when_protocol_says_nothing(url, kind):
    assert classify("", url) == kind
    assert classify("unknown:thing", url) == kind


def test_layer_name_taken_from_url_when_missing():
    assert make_link("http://h/wfs3/collections/jalan_ln/items", "OGC:API-Features").name == "jalan_ln"
    assert make_link("http://h/ows?service=WMS&layers=batas_desa", "OGC:WMS").name == "batas_desa"
    assert make_link("http://h/ows?service=WMS&layers=a", "OGC:WMS", name="given").name == "given"


def test_table_is_sourced_data():
    with open(resource("catalog", "link_types.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["version"] and data["sources"]
    ids = {s["id"] for s in data["sources"]}
    for entry in data["protocols"] + data["url_shapes"]:
        assert entry["kind"] in LINK_KINDS
        assert entry["source"] and set(entry["source"]) <= ids, entry
    assert tuple(data["kinds"]) == LINK_KINDS
    assert load_table()["protocols"]
