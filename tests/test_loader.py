"""Loading records and services as QGIS layers: real WMS / WFS / OGC API Features layers from
the demo node (validity, feature counts, CRS choice, copied metadata, the server's SLD style),
WMTS and ArcGIS REST from scripted answers, direct downloads, and every bad link."""
import json
import os
import zipfile

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsRasterLayer, QgsSettings, QgsVectorLayer

from hostile import BILLION_LAUGHS, HTML_ERROR, MALFORMED
from loader_data import WMTS_CAPS, record_of, serve_arcgis
from sdi_plugin.core.loading import downloads
from sdi_plugin.core.loading.capabilities import choose_crs, normalise_crs, preferred_crs
from sdi_plugin.core.catalog.links import make_link
from sdi_plugin.core.catalog.model import Link, Record
from sdi_plugin.core.loading.loader import FEATURE_KINDS, MAP_KINDS, load_link, load_record, load_records, loadable_links


def _ds(node, ds_id):
    return next(d for d in node.datasets if d["id"] == ds_id)


def test_crs_preference():
    assert preferred_crs() == ["EPSG:9470", "EPSG:4326", "EPSG:3857"]
    assert preferred_crs(QgsCoordinateReferenceSystem("EPSG:9488"))[0] == "EPSG:9488"
    offered = ["CRS:84", "EPSG:4326", "EPSG:3857", "EPSG:9470", "EPSG:9488"]
    assert choose_crs(offered) == "EPSG:9470"
    assert choose_crs(offered, "EPSG:9488") == "EPSG:9488"
    assert choose_crs(offered, "EPSG:32750") == "EPSG:9470"
    assert choose_crs(["urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG::4326"]) == "EPSG:4326"
    assert choose_crs(["CRS:84", "EPSG:23878"]) == "OGC:CRS84"
    assert choose_crs(["http://www.opengis.net/def/crs/EPSG/0/23878"]) == "EPSG:23878"
    assert choose_crs([]) == ""
    assert normalise_crs("http://www.opengis.net/def/crs/OGC/1.3/CRS84") == "OGC:CRS84"


def test_wms_layers_of_every_published_record(qgis_app, demo_node):
    for ds in demo_node.datasets:
        record = record_of(ds, demo_node)
        [result] = load_record(record, kinds=["WMS"])
        assert result.ok, (ds["id"], result.message)
        layer = result.layer
        assert isinstance(layer, QgsRasterLayer) and layer.isValid() and layer.providerType() == "wms"
        assert result.crs == "EPSG:9470"      # no project CRS: SRGI2013, which the node offers
        assert layer.name() == ds["title"]
        assert layer.metadata().identifier() == ds["metadata_id"]


def test_wfs_layer_counts_crs_and_metadata(qgis_app, demo_node):
    ds = _ds(demo_node, "kalteng_kabkota")
    record = record_of(ds, demo_node)
    [result] = load_record(record, kinds=["WFS"], project_crs=QgsCoordinateReferenceSystem("EPSG:9490"))
    assert result.ok, result.message
    layer = result.layer
    assert isinstance(layer, QgsVectorLayer) and layer.providerType() == "WFS"
    assert layer.crs().authid() == "EPSG:9490" == result.crs    # the project's CRS, offered by the WFS
    assert layer.featureCount() == ds["feature_count"]
    assert sum(1 for _ in layer.getFeatures()) == ds["feature_count"]
    md = layer.metadata()
    assert (md.identifier(), md.title(), md.abstract()) == (ds["metadata_id"], ds["title"], ds["abstract"])
    assert set(ds["keywords"]) <= set(md.keywords()["gmd:theme"]) and md.categories() == ["Batas Wilayah"]
    assert md.contacts()[0].organization == ds["organisation"]
    assert {lk.type for lk in md.links()} >= {"OGC:WMS", "OGC:WFS", "OGC:API-Features", "OGC:CSW"}
    box = md.extent().spatialExtents()[0]
    assert box.extentCrs.authid() == "EPSG:4326"
    assert [round(v, 5) for v in (box.bounds.xMinimum(), box.bounds.yMinimum(), box.bounds.xMaximum(),
                                  box.bounds.yMaximum())] == [round(v, 5) for v in ds["bbox_4326"]]
    assert md.crs().authid() == "EPSG:9490" and md.rights() == ["unclassified"]
    assert md.constraints()[0].constraint == "unclassified"
    assert any("Publication date: " + ds["date"] in h for h in md.history())
    assert layer.customProperty("simpul/record_id") == ds["metadata_id"]
    # the server's default style (QGIS Server answers WMS GetStyles with SLD) was applied
    assert result.style == "applied" and "GetStyles" in layer.customProperty("simpul/style_url")


def test_wms_follows_the_project_crs_when_offered(qgis_app, demo_node):
    record = record_of(_ds(demo_node, "tangerang_kecamatan"), demo_node)
    [result] = load_record(record, kinds=["WMS"], project_crs=QgsCoordinateReferenceSystem("EPSG:9488"))
    assert result.ok and result.crs == "EPSG:9488"
    [result] = load_record(record, kinds=["WMS"], project_crs=QgsCoordinateReferenceSystem("EPSG:32748"))
    assert result.ok and result.crs == "EPSG:9470"    # UTM 48S on WGS 84 is not offered: SRGI2013


def test_ogc_api_features_layer(qgis_app, demo_node):
    ds = _ds(demo_node, "paser_sungai")
    [result] = load_record(record_of(ds, demo_node), kinds=["OAPIF"])
    assert result.ok, result.message
    assert result.layer.providerType() == "OAPIF" and result.layer.featureCount() == ds["feature_count"]
    assert result.layer.metadata().identifier() == ds["metadata_id"]


def test_several_records_load_together_with_every_link(qgis_app, demo_node):
    records = [record_of(ds, demo_node) for ds in demo_node.datasets[:3]]
    results = load_records(records, kinds=list(FEATURE_KINDS))
    assert [r.ok for r in results] == [True] * 3
    assert [r.kind for r in results] == ["WFS"] * 3
    assert [r.layer.featureCount() for r in results] == [d["feature_count"] for d in demo_node.datasets[:3]]
    every = load_record(records[0], all_links=True)
    assert [r.kind for r in every] == ["WMS", "WFS", "OAPIF"] and all(r.ok for r in every)
    assert [lk.kind for lk in loadable_links(records[0], MAP_KINDS)] == ["WMS"]


def test_bad_links_give_clear_messages(qgis_app, demo_node, scripted_server):
    scripted_server.static("/html", HTML_ERROR, ctype="text/html")
    scripted_server.static("/rusak", MALFORMED)
    scripted_server.static("/bom", BILLION_LAUGHS)
    scripted_server.static("/json/collections/x", b"<html><body>Maaf</body></html>", ctype="text/html")
    scripted_server.static("/error", b"oops", status=500)
    scripted_server.hang("/macet")
    s = scripted_server.url
    cases = [
        (Link(url=demo_node.ows_url, protocol="OGC:WMS", name="tidak_ada", kind="WMS"), "has no layer named tidak_ada"),
        (Link(url=demo_node.ows_url, protocol="OGC:WFS", name="tidak_ada", kind="WFS"), "has no layer named tidak_ada"),
        (Link(url=demo_node.ows_url, protocol="OGC:WMS", kind="WMS"), "the link names no layer"),
        (Link(url=demo_node.base_url + "/tidak-ada", protocol="OGC:WMS", name="x", kind="WMS"), "HTTP 404"),
        (Link(url=s + "/html", protocol="OGC:WFS", name="x", kind="WFS"), "web page (HTML)"),
        (Link(url=s + "/rusak", protocol="OGC:WMS", name="x", kind="WMS"), "not well-formed"),
        (Link(url=s + "/bom", protocol="OGC:WMS", name="x", kind="WMS"), "entities"),
        (Link(url=s + "/error", protocol="OGC:WMTS", name="x", kind="WMTS"), "HTTP 500"),
        (Link(url=s + "/macet", protocol="OGC:WMS", name="x", kind="WMS"), "no answer within 1 s"),
        (Link(url=demo_node.csw_url, protocol="OGC:WMS", name="x", kind="WMS"), "OGC exception"),
        (Link(url=demo_node.oapif_url + "/collections/tidak_ada", kind="OAPIF"), "HTTP 404"),
        (Link(url=s + "/json/collections/x", kind="OAPIF"), "web page (HTML), not JSON"),
        (Link(url=demo_node.oapif_url, kind="OAPIF"), "names no OGC API collection"),
        (Link(url="https://contoh.go.id/peta.html", protocol="WWW:LINK", kind="other"), "cannot load a link"),
        (Link(url="bukan alamat", protocol="OGC:WMS", name="x", kind="WMS"), "not a web address"),
        (Link(url=s + "/arcgis/rest/services/Rahasia/MapServer", kind="ArcGIS MapServer"), "Token Required"),
        (Link(url=s + "/bukan/arcgis", kind="ArcGIS MapServer"), "not an ArcGIS MapServer address"),
    ]
    serve_arcgis(scripted_server)
    for link, words in cases:
        result = load_link(link, Record(identifier="uji", title="Uji"), timeout=1 if "macet" in link.url else 10)
        assert not result.ok and result.layer is None, link
        assert words in result.message, (link.url, result.message)
    [none] = load_record(Record(identifier="x", title="Tanpa tautan", links=[Link(url="https://a/b.html")]))
    assert not none.ok and "Tanpa tautan" in none.message and "no link Simpul can load" in none.message
    # a record whose every link fails says why for each
    record = Record(identifier="y", title="Rusak", links=[
        Link(url=s + "/html", protocol="OGC:WMS", name="x", kind="WMS"),
        Link(url=s + "/error", protocol="OGC:WFS", name="x", kind="WFS")])
    [failed] = load_record(record)
    assert "WMS: " in failed.message and "WFS: " in failed.message and "HTTP 500" in failed.message


def test_wmts_from_capabilities(qgis_app, scripted_server):
    url = scripted_server.url + "/wmts"
    scripted_server.static("/wmts", WMTS_CAPS % {b"url": url.encode()})
    result = load_link(Link(url=url, protocol="OGC:WMTS", name="rupabumi", kind="WMTS"),
                       Record(identifier="r", title="Rupabumi"))
    assert result.ok, result.message
    assert result.layer.providerType() == "wms" and result.crs == "EPSG:9470"
    assert "tileMatrixSet=SRGI2013" in result.layer.source()
    result = load_link(Link(url=url, protocol="OGC:WMTS", name="rupabumi", kind="WMTS"),
                       project_crs=QgsCoordinateReferenceSystem("EPSG:3857"))
    assert result.ok and "tileMatrixSet=WebMercator" in result.layer.source() and result.crs == "EPSG:3857"


def test_arcgis_map_and_feature_services(qgis_app, scripted_server):
    base = serve_arcgis(scripted_server)
    feature = load_link(make_link(base + "/FeatureServer/0", "ESRI:ArcGIS:FeatureServer"),
                        Record(identifier="a", title="Batas Kecamatan"))
    assert feature.ok, feature.message
    assert feature.layer.providerType() == "arcgisfeatureserver" and feature.crs == "EPSG:4326"
    assert feature.layer.fields().names() == ["OBJECTID", "NAMOBJ"]
    by_name = load_link(Link(url=base + "/FeatureServer", name="Batas Kecamatan", kind="ArcGIS FeatureServer"))
    assert by_name.ok and by_name.layer.source().endswith("FeatureServer/0'")
    mapped = load_link(make_link(base + "/MapServer", "ESRI:ArcGIS:MapServer", name="0"))
    assert mapped.ok, mapped.message
    assert mapped.layer.providerType() == "arcgismapserver" and mapped.crs == "EPSG:4326"
    assert "layer='0'" in mapped.layer.source()
    missing = load_link(Link(url=base + "/MapServer", name="9", kind="ArcGIS MapServer"))
    assert not missing.ok and "has no layer 9" in missing.message


def _serve_file(server, path, route, ctype="application/octet-stream"):
    with open(path, "rb") as fh:
        server.static(route, fh.read(), ctype=ctype)
    return server.url + route


@pytest.fixture
def download_limit():
    s = QgsSettings()
    yield s
    s.remove(downloads.MAX_MB_KEY)


def test_direct_downloads(qgis_app, scripted_server, sample_data_dir, tmp_path, download_limit):
    gpkg = _serve_file(scripted_server, os.path.join(sample_data_dir, "kalteng", "kalteng.gpkg"),
                       "/unduh/kalteng.gpkg", "application/geopackage+sqlite3")
    result = load_link(make_link(gpkg, "WWW:DOWNLOAD-1.0-http--download", name="SUNGAI_LN_250K"),
                       Record(identifier="s", title="Sungai"))
    assert result.ok, result.message
    assert result.layer.providerType() == "ogr" and result.layer.featureCount() == 9
    assert result.layer.crs().authid() == "EPSG:9470" and result.layer.metadata().title() == "Sungai"
    first = load_link(Link(url=gpkg, name="bukan_layer", kind="download"))
    assert first.ok and first.layer.featureCount() > 0     # an unknown layer name: the first layer

    zpath = tmp_path / "sungai.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for ext in ("shp", "shx", "dbf", "prj", "cpg"):
            zf.write(os.path.join(sample_data_dir, "kalteng", "SUNGAI_LN_250K." + ext), "data/SUNGAI_LN_250K." + ext)
    url = _serve_file(scripted_server, str(zpath), "/unduh/sungai.zip", "application/zip")
    result = load_link(make_link(url, "WWW:DOWNLOAD-1.0-http--download"))
    assert result.ok, result.message
    assert result.layer.source().startswith("/vsizip/") and result.layer.featureCount() == 9

    from osgeo import gdal, osr
    tif = str(tmp_path / "dem.tif")
    ds = gdal.GetDriverByName("GTiff").Create(tif, 8, 8, 1, gdal.GDT_Int16)
    ds.SetGeoTransform((106.5, 0.01, 0, -6.1, 0, -0.01))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(9470)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).Fill(42)
    ds = None
    url = _serve_file(scripted_server, tif, "/unduh/dem", "image/tiff")   # no extension: sniffed
    result = load_link(Link(url=url, kind="download"))
    assert result.ok, result.message
    assert result.layer.providerType() == "gdal" and result.layer.width() == 8

    bad_zip = tmp_path / "tanpa_shx.zip"
    with zipfile.ZipFile(bad_zip, "w") as zf:
        zf.write(os.path.join(sample_data_dir, "kalteng", "SUNGAI_LN_250K.shp"), "SUNGAI_LN_250K.shp")
    cases = [(_serve_file(scripted_server, str(bad_zip), "/unduh/tanpa_shx.zip"), "lacks .shx, .dbf"),
             (scripted_server.url + "/tidak-ada.zip", "HTTP 404")]
    scripted_server.static("/unduh/halaman.zip", HTML_ERROR, ctype="text/html")
    cases.append((scripted_server.url + "/unduh/halaman.zip", "damaged"))
    scripted_server.static("/unduh/halaman", HTML_ERROR, ctype="text/html")
    cases.append((scripted_server.url + "/unduh/halaman", "web page (HTML)"))
    scripted_server.static("/unduh/data.csv", b"a,b\n1,2\n", ctype="text/csv")
    cases.append((scripted_server.url + "/unduh/data.csv", "not a file Simpul can open"))
    scripted_server.huge("/unduh/besar.gpkg", total=3 * 1024 * 1024)
    cases.append((scripted_server.url + "/unduh/besar.gpkg", "larger than 1 MB"))
    download_limit.setValue(downloads.MAX_MB_KEY, 1)
    for url, words in cases:
        result = load_link(Link(url=url, kind="download"))
        assert not result.ok and words in result.message, (url, result.message)
    assert not any(name.endswith(".part") for _, _, files in os.walk(downloads.data_dir("downloads"))
                   for name in files)


def test_service_links_of_a_node(qgis_app, demo_node):
    from sdi_plugin.core.loading.loader import service_link
    wfs = service_link({"kind": "WFS", "url": demo_node.ows_url}, "paser_jalan")
    result = load_link(wfs)
    assert result.ok and result.layer.featureCount() == _ds(demo_node, "paser_jalan")["feature_count"]
    oapif = service_link({"kind": "OGC API Features", "url": demo_node.oapif_url}, "paser_jalan")
    assert oapif.url == demo_node.oapif_url + "/collections/paser_jalan" and load_link(oapif).ok
    assert json.loads(json.dumps(oapif.__dict__))["kind"] == "OAPIF"
