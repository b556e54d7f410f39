"""Test data for the loader and Browser tests: the demo node's records as Record objects, and
answers of services the demo node does not run (WMTS, ArcGIS REST),
shaped like the published examples (OGC 07-057r7 WMTS KVP capabilities; Esri ArcGIS REST API
service and layer resources)."""
import json

from demo import records as demo_records
from sdi_plugin.core.catalog.links import make_link
from sdi_plugin.core.catalog.model import Record


def record_of(ds, node):
    """The record the demo node's catalogue holds for dataset ``ds`` (same links, same fields)."""
    links = [make_link(url, protocol, name, description)
             for protocol, url, name, description, _ in demo_records.online_resources(ds, node.base_url)]
    return Record(identifier=ds["metadata_id"], title=ds["title"], abstract=ds["abstract"],
                  keywords=[ds["kugi_category"]] + list(ds["keywords"]), theme=ds["kugi_category"],
                  organisation=ds["organisation"], contact=ds["organisation"], date=ds["date"],
                  bbox=tuple(ds["bbox_4326"]), crs=[ds["crs"]], lineage="Dibangkitkan oleh demo/sample_data.py",
                  constraints="unclassified", links=links, node_id="simpul-demo", node_name="Simpul Demo",
                  source_url=node.csw_url)

WMTS_CAPS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
 <ows:ServiceIdentification><ows:Title>Peta Dasar Uji</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType>
  <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>
 <ows:OperationsMetadata>
  <ows:Operation name="GetCapabilities"><ows:DCP><ows:HTTP><ows:Get xlink:href="%(url)s?">
   <ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint>
  </ows:Get></ows:HTTP></ows:DCP></ows:Operation>
  <ows:Operation name="GetTile"><ows:DCP><ows:HTTP><ows:Get xlink:href="%(url)s?">
   <ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint>
  </ows:Get></ows:HTTP></ows:DCP></ows:Operation>
 </ows:OperationsMetadata>
 <Contents>
  <Layer>
   <ows:Title>Rupabumi Uji</ows:Title><ows:Identifier>rupabumi</ows:Identifier>
   <ows:WGS84BoundingBox><ows:LowerCorner>95 -11</ows:LowerCorner>
    <ows:UpperCorner>141 6</ows:UpperCorner></ows:WGS84BoundingBox>
   <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
   <Format>image/png</Format>
   <TileMatrixSetLink><TileMatrixSet>WebMercator</TileMatrixSet></TileMatrixSetLink>
   <TileMatrixSetLink><TileMatrixSet>SRGI2013</TileMatrixSet></TileMatrixSetLink>
  </Layer>
  <TileMatrixSet>
   <ows:Identifier>WebMercator</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>
   <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>559082264.0287178</ScaleDenominator>
    <TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner>
    <TileWidth>256</TileWidth><TileHeight>256</TileHeight>
    <MatrixWidth>1</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
  </TileMatrixSet>
  <TileMatrixSet>
   <ows:Identifier>SRGI2013</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::9470</ows:SupportedCRS>
   <TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>279541132.0143589</ScaleDenominator>
    <TopLeftCorner>90 -180</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
    <MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
  </TileMatrixSet>
 </Contents>
</Capabilities>"""

ARCGIS_LAYER = {
    "currentVersion": 10.81, "id": 0, "name": "Batas Kecamatan", "type": "Feature Layer",
    "description": "Batas kecamatan (uji)", "geometryType": "esriGeometryPolygon",
    "extent": {"xmin": 106.5, "ymin": -6.3, "xmax": 106.8, "ymax": -6.1,
               "spatialReference": {"wkid": 4326, "latestWkid": 4326}},
    "fields": [{"name": "OBJECTID", "type": "esriFieldTypeOID", "alias": "OBJECTID"},
               {"name": "NAMOBJ", "type": "esriFieldTypeString", "alias": "NAMOBJ", "length": 250}],
    "objectIdField": "OBJECTID", "capabilities": "Query", "maxRecordCount": 1000,
    "supportedQueryFormats": "JSON, geoJSON", "advancedQueryCapabilities": {"supportsPagination": True}}

ARCGIS_MAPSERVICE = {
    "currentVersion": 10.81, "serviceDescription": "Batas wilayah (uji)", "mapName": "Layers",
    "layers": [{"id": 0, "name": "Batas Kecamatan", "parentLayerId": -1, "subLayerIds": None}],
    "spatialReference": {"wkid": 102100, "latestWkid": 3857},
    "fullExtent": {"xmin": 11860000, "ymin": -700000, "xmax": 11890000, "ymax": -680000,
                   "spatialReference": {"wkid": 102100, "latestWkid": 3857}},
    "capabilities": "Map,Query,Data", "singleFusedMapCache": False, "supportedImageFormatTypes": "PNG32,PNG24,PNG,JPG"}

ARCGIS_TOKEN_REQUIRED = {"error": {"code": 499, "message": "Token Required", "details": []}}


def serve_arcgis(server, base="/arcgis/rest/services/Batas"):
    def feature(req):
        if "/query" in req.path:
            req.send_simple(200, json.dumps({"objectIdFieldName": "OBJECTID", "objectIds": [1, 2]}).encode(),
                            "application/json")
        else:
            req.send_simple(200, json.dumps(ARCGIS_LAYER).encode(), "application/json")
    server.routes[base + "/FeatureServer/0"] = feature
    server.routes[base + "/FeatureServer/0/query"] = feature
    server.static(base + "/FeatureServer", json.dumps({"layers": [{"id": 0, "name": "Batas Kecamatan"}]}),
                  ctype="application/json")
    server.static(base + "/MapServer", json.dumps(ARCGIS_MAPSERVICE), ctype="application/json")
    server.static(base + "/MapServer/0", json.dumps(ARCGIS_LAYER), ctype="application/json")
    server.static("/arcgis/rest/services/Rahasia/MapServer", json.dumps(ARCGIS_TOKEN_REQUIRED),
                  ctype="application/json")
    return server.url + base
