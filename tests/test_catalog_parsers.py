"""Catalogue requests built and answers read without a server: CSW GetRecords (2.0.2 / 3.0),
ISO 19139, Dublin Core (axis order of ows:BoundingBox), OGC API Records, CKAN packages."""
import json
import os

import pytest

from catalog_records import CATALOGUES, KALTENG
from sdi_plugin.core.catalog.ckan import parse_package
from sdi_plugin.core.catalog.csw import CswException, build_getrecords, parse_getrecords
from sdi_plugin.core.catalog.iso19139 import crs_from_code, parse_iso
from sdi_plugin.core.catalog.ogcapi_records import parse_record
from sdi_plugin.core.catalog.query import SearchQuery, clamp_bbox, extent_to_wgs84
from sdi_plugin.core.network.xmlsafe import parse_xml

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "catalog")
NS = {"csw": "http://www.opengis.net/cat/csw/2.0.2", "ogc": "http://www.opengis.net/ogc",
      "gml": "http://www.opengis.net/gml", "csw30": "http://www.opengis.net/cat/csw/3.0",
      "fes": "http://www.opengis.net/fes/2.0", "gml32": "http://www.opengis.net/gml/3.2"}


def test_getrecords_202_filter():
    q = SearchQuery(text="batas 100%_desa", theme="Batas Wilayah", date_from="2020-01-01", date_to="2023-12-31",
                    bbox=(110.5, -3.5, 116.0, 0.8))
    root = parse_xml(build_getrecords(q, "2.0.2", start=21, max_records=10))
    assert root.get("startPosition") == "21" and root.get("maxRecords") == "10"
    assert root.get("outputSchema") == "http://www.isotc211.org/2005/gmd"
    likes = root.xpath("//ogc:PropertyIsLike", namespaces=NS)
    literals = {l.xpath("ogc:PropertyName", namespaces=NS)[0].text: [] for l in likes}
    for l in likes:
        literals[l.xpath("ogc:PropertyName", namespaces=NS)[0].text].append(l.xpath("ogc:Literal", namespaces=NS)[0].text)
    # one condition per word, each %word%; the user's own wildcards are no wildcards
    assert literals["csw:AnyText"] == ["%batas%", "%100%", "%desa%"]
    assert literals["dc:subject"] == ["%Batas Wilayah%"]
    env = root.xpath("//ogc:BBOX/gml:Envelope", namespaces=NS)[0]
    assert env.get("srsName") == "urn:ogc:def:crs:OGC:1.3:CRS84"
    assert env.xpath("gml:lowerCorner", namespaces=NS)[0].text == "110.5 -3.5"     # lon lat
    assert env.xpath("gml:upperCorner", namespaces=NS)[0].text == "116.0 0.8"
    assert root.xpath("//ogc:PropertyIsGreaterThanOrEqualTo/ogc:Literal", namespaces=NS)[0].text == "2020-01-01"
    assert root.xpath("//ogc:PropertyIsLessThanOrEqualTo/ogc:Literal", namespaces=NS)[0].text.startswith("2023-12-31")
    assert len(root.xpath("//ogc:Filter/ogc:And/*", namespaces=NS)) == 7


def test_getrecords_30_and_dublin_core():
    root = parse_xml(build_getrecords(SearchQuery(text="jalan", bbox=(1, 2, 3, 4)), "3.0.0",
                                      output_schema="http://www.opengis.net/cat/csw/3.0"))
    assert root.tag == "{%s}GetRecords" % NS["csw30"] and root.get("version") == "3.0.0"
    assert root.get("resultType") is None
    assert root.xpath("//fes:PropertyIsLike/fes:ValueReference", namespaces=NS)[0].text == "csw:AnyText"
    assert root.xpath("//fes:BBOX/gml32:Envelope", namespaces=NS)


def test_no_constraint_without_conditions():
    root = parse_xml(build_getrecords(SearchQuery(), "2.0.2"))
    assert not root.xpath("//csw:Constraint", namespaces=NS)


def _response(records_xml, matched, returned, nxt):
    return ("""<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dct="http://purl.org/dc/terms/"
      xmlns:ows="http://www.opengis.net/ows" version="2.0.2"><csw:SearchStatus timestamp="2026-01-01T00:00:00Z"/>
      <csw:SearchResults numberOfRecordsMatched="%d" numberOfRecordsReturned="%d" nextRecord="%d"
      recordSchema="http://www.opengis.net/cat/csw/2.0.2" elementSet="full">%s</csw:SearchResults>
      </csw:GetRecordsResponse>""" % (matched, returned, nxt, records_xml)).encode()


DC_LATLON = """<csw:Record><dc:identifier>a-1</dc:identifier><dc:title>Jalan</dc:title>
  <dc:type>dataset</dc:type><dc:subject>Transportasi</dc:subject><dc:subject>jalan</dc:subject>
  <dct:modified>2022-01-02</dct:modified><dct:abstract>Jalan provinsi</dct:abstract>
  <dct:references scheme="OGC:WMS">http://h/ows</dct:references>
  <ows:BoundingBox crs="urn:x-ogc:def:crs:EPSG:6.11:4326">
    <ows:LowerCorner>-3.55 110.7</ows:LowerCorner><ows:UpperCorner>0.8 115.85</ows:UpperCorner>
  </ows:BoundingBox></csw:Record>"""


def test_dublin_core_latlon_bbox_and_paging():
    page = parse_getrecords(_response(DC_LATLON, 5, 1, 2), "http://h/csw", start=1)
    rec = page.records[0]
    assert rec.bbox == (110.7, -3.55, 115.85, 0.8)
    assert rec.theme == "Transportasi" and rec.keywords == ["Transportasi", "jalan"]
    assert rec.date == "2022-01-02" and rec.source_format == "dc"
    assert rec.links[0].kind == "WMS"
    assert page.matched == 5 and page.next_token == 2
    # the last page: nextRecord 0, or past the matched count, means no more
    assert parse_getrecords(_response(DC_LATLON, 5, 1, 0), start=5).next_token is None
    assert parse_getrecords(_response(DC_LATLON, 5, 1, 6), start=5).next_token is None


def test_wgs84_bbox_is_lon_lat():
    xml = DC_LATLON.replace('ows:BoundingBox crs="urn:x-ogc:def:crs:EPSG:6.11:4326"', "ows:WGS84BoundingBox") \
        .replace("</ows:BoundingBox>", "</ows:WGS84BoundingBox>") \
        .replace("-3.55 110.7", "110.7 -3.55").replace("0.8 115.85", "115.85 0.8")
    assert parse_getrecords(_response(xml, 1, 1, 0)).records[0].bbox == (110.7, -3.55, 115.85, 0.8)


def test_exception_report_is_an_error_that_says_why():
    body = b"""<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
      <ows:Exception exceptionCode="InvalidParameterValue" locator="outputschema">
      <ows:ExceptionText>Invalid outputSchema parameter value</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"""
    with pytest.raises(CswException) as err:
        parse_getrecords(body)
    assert "Invalid outputSchema" in str(err.value)


def test_iso_record_from_the_demo_builder(tmp_path):
    from demo.records import record_bytes
    ds = CATALOGUES["kalteng"]["datasets"][0]
    rec = parse_iso(parse_xml(record_bytes(ds, "http://node.example")), "http://node.example/csw")
    assert rec.identifier == "kalteng-batas-desa"
    assert rec.title == "Batas Desa Kalimantan Tengah"
    assert rec.theme == "Batas Wilayah"
    assert rec.bbox == KALTENG
    assert rec.crs == ["EPSG:4326"]
    assert rec.organisation == "Bappeda Provinsi Kalimantan Tengah"
    assert rec.date == "2023-05-02" and rec.dates["publication"] == "2023-05-02"
    assert "classification: unclassified" in rec.constraints
    assert rec.lineage
    kinds = {l.kind: l for l in rec.links}
    assert set(kinds) == {"WMS", "WFS", "OAPIF"}
    assert kinds["WMS"].name == "kalteng_batas_desa" and kinds["WMS"].url == "http://node.example/ows"


SERVICE_RECORD = b"""<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"
 xmlns:gco="http://www.isotc211.org/2005/gco" xmlns:srv="http://www.isotc211.org/2005/srv"
 xmlns:gmx="http://www.isotc211.org/2005/gmx">
 <gmd:fileIdentifier><gco:CharacterString>svc-1</gco:CharacterString></gmd:fileIdentifier>
 <gmd:hierarchyLevel><gmd:MD_ScopeCode codeListValue="service">service</gmd:MD_ScopeCode></gmd:hierarchyLevel>
 <gmd:dateStamp><gco:DateTime>2024-02-03T04:05:06</gco:DateTime></gmd:dateStamp>
 <gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier>
   <gmd:code><gmx:Anchor>http://www.opengis.net/def/crs/EPSG/0/9488</gmx:Anchor></gmd:code>
 </gmd:RS_Identifier></gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>
 <gmd:identificationInfo><srv:SV_ServiceIdentification>
  <gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>Layanan Peta Paser</gco:CharacterString></gmd:title>
  </gmd:CI_Citation></gmd:citation>
  <gmd:abstract><gco:CharacterString>WMS</gco:CharacterString></gmd:abstract>
  <srv:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>
   <gmd:westBoundLongitude><gco:Decimal>115.6</gco:Decimal></gmd:westBoundLongitude>
   <gmd:eastBoundLongitude><gco:Decimal>116.6</gco:Decimal></gmd:eastBoundLongitude>
   <gmd:southBoundLatitude><gco:Decimal>-2.35</gco:Decimal></gmd:southBoundLatitude>
   <gmd:northBoundLatitude><gco:Decimal>-1.05</gco:Decimal></gmd:northBoundLatitude>
  </gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></srv:extent>
  <srv:containsOperations><srv:SV_OperationMetadata><srv:connectPoint><gmd:CI_OnlineResource>
   <gmd:linkage><gmd:URL>https://paser.example/arcgis/rest/services/Peta/MapServer</gmd:URL></gmd:linkage>
   <gmd:protocol><gco:CharacterString>ESRI:ArcGIS:MapServer</gco:CharacterString></gmd:protocol>
  </gmd:CI_OnlineResource></srv:connectPoint></srv:SV_OperationMetadata></srv:containsOperations>
 </srv:SV_ServiceIdentification></gmd:identificationInfo></gmd:MD_Metadata>"""


def test_iso_service_record():
    rec = parse_iso(parse_xml(SERVICE_RECORD))
    assert rec.type == "service" and rec.title == "Layanan Peta Paser"
    assert rec.bbox == (115.6, -2.35, 116.6, -1.05)
    assert rec.crs == ["EPSG:9488"]
    assert rec.date == "2024-02-03T04:05:06"
    assert [(l.kind, l.url) for l in rec.links] == [("ArcGIS MapServer",
                                                      "https://paser.example/arcgis/rest/services/Peta/MapServer")]


def test_crs_codes():
    assert crs_from_code("9488", "EPSG") == "EPSG:9488"
    assert crs_from_code("urn:ogc:def:crs:EPSG::4326") == "EPSG:4326"
    assert crs_from_code("EPSG:23830") == "EPSG:23830"


def test_ogc_api_record():
    from catalog_records import oarec_records
    feature = oarec_records(1)[0]
    rec = parse_record(feature, "http://h/collections/c")
    assert rec.identifier == "rtrw-00" and rec.title.startswith("Rencana Tata Ruang")
    assert rec.theme == "Dataset Khusus"
    assert rec.bbox == (100.0, -5.0, 100.5, -4.0)
    assert rec.organisation == "Bappeda Uji 0"
    assert {l.kind for l in rec.links} == {"WMS", "download"}


def test_ckan_package():
    with open(os.path.join(DATA, "ckan_package_search_page1.json"), encoding="utf-8") as fh:
        packages = json.load(fh)["result"]["results"]
    rec = parse_package(packages[0], "http://h")
    assert rec.identifier == "kalteng-batas-desa"    # the CSW record it was harvested from
    assert rec.theme == "Batas Wilayah"
    assert rec.bbox == KALTENG
    assert rec.organisation == "Bappeda Provinsi Kalimantan Tengah"
    assert rec.date == "2023-06-01"
    assert [l.kind for l in rec.links] == ["ArcGIS MapServer", "WMS"]
    assert rec.links[1].name == "batas_desa"
    rec2 = parse_package(packages[1], "http://h")
    assert rec2.identifier == packages[1]["id"]
    assert [l.kind for l in rec2.links] == ["ArcGIS FeatureServer", "download"]


def test_extent_to_wgs84_from_a_projected_crs():
    from qgis.core import QgsRectangle
    # SRGI2013 / UTM zone 49S (EPSG:9489), central meridian 111°E: a box in Kalimantan Tengah
    box = extent_to_wgs84(QgsRectangle(600000, 9700000, 660000, 9760000), "EPSG:9489")
    assert 111.8 < box[0] < box[2] < 112.5 and -2.8 < box[1] < box[3] < -2.1
    assert extent_to_wgs84(QgsRectangle(110, -4, 116, 1), "EPSG:4326") == (110.0, -4.0, 116.0, 1.0)
    assert clamp_bbox((-200, -100, 200, 100)) == (-180.0, -90.0, 180.0, 90.0)
    assert clamp_bbox(("x", 1, 2, 3)) is None
