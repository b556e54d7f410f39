"""``sdi:searchcatalogs`` in-process and under qgis_process, against real catalogues."""
import json
import os
import subprocess

from qgis.core import QgsVectorLayer, QgsWkbTypes

from sdi_plugin.processing.alg_searchcatalogs import split_nodes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_nodes_parameter_is_split():
    assert split_nodes("a, b\nhttp://h/csw\r\n\n a ;c") == ["a", "b", "http://h/csw", "c"]


def test_search_catalogues_in_process(sdi_provider, csw_catalogues, pygeoapi_records, tmp_path):
    import processing
    nodes = "%s, %s\n%s\nnot-a-node" % (csw_catalogues.urls["kalteng"], csw_catalogues.urls["big"],
                                         pygeoapi_records.collection_url)
    result = processing.run("sdi:searchcatalogs", {
        "QUERY": "batas", "NODES": nodes, "EXTENT": "110.0,117.0,-4.0,1.0 [EPSG:4326]",
        "CACHE": str(tmp_path / "cache.sqlite"), "TIMEOUT": 10, "OUTPUT": str(tmp_path / "found.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "found", "ogr")
    assert layer.isValid() and layer.geometryType() == QgsWkbTypes.PolygonGeometry
    assert layer.crs().authid() == "EPSG:4326"
    names = [f.name() for f in layer.fields()]
    for required in ("identifier", "title", "abstract", "node", "type", "date", "links"):
        assert required in names
    feats = {f["identifier"]: f for f in layer.getFeatures()}
    assert set(feats) == {"kalteng-batas-desa", "big-batas-kabkota"}
    assert result["COUNT"] == 2
    desa = feats["kalteng-batas-desa"]
    assert desa["title"] == "Batas Desa Kalimantan Tengah" and desa["type"] == "dataset"
    assert desa["date"] == "2023-05-02" and desa["node"]
    links = json.loads(desa["links"])
    assert {l["kind"] for l in links} == {"WMS", "WFS", "OAPIF"}
    bbox = desa.geometry().boundingBox()
    assert (round(bbox.xMinimum(), 2), round(bbox.yMaximum(), 2)) == (110.7, 0.8)
    report = {r["node"]: r for r in json.loads(result["NODE_REPORT"])}
    assert len(report) == 3 and all(r["ok"] for r in report.values())


def test_search_catalogues_offline(sdi_provider, csw_catalogues, tmp_path):
    import processing
    cache = str(tmp_path / "cache.sqlite")
    online = processing.run("sdi:searchcatalogs", {"NODES": csw_catalogues.urls["paser"], "CACHE": cache,
                                                   "OUTPUT": "memory:"})
    assert online["COUNT"] == 4
    offline = processing.run("sdi:searchcatalogs", {"QUERY": "sungai", "NODES": csw_catalogues.urls["paser"],
                                                    "OFFLINE": True, "CACHE": cache, "OUTPUT": "memory:"})
    feats = list(offline["OUTPUT"].getFeatures())
    assert [f["identifier"] for f in feats] == ["paser-sungai"]
    assert feats[0]["from_cache"] and feats[0]["harvested"]


def test_qgis_process_search_of_the_demo_node(demo_node, tmp_path):
    out = tmp_path / "records.gpkg"
    proc = subprocess.run([os.path.join(ROOT, "tools", "qgis_process"), "--json", "run", "sdi:searchcatalogs", "--",
                           "NODES=%s" % demo_node.csw_url, "CACHE=%s" % (tmp_path / "cache.sqlite"),
                           "MAX_RECORDS=500", "OUTPUT=%s" % out],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["COUNT"] == len(demo_node.record_ids)
    layer = QgsVectorLayer(str(out), "records", "ogr")
    assert sorted(f["identifier"] for f in layer.getFeatures()) == sorted(demo_node.record_ids)
    assert all(f.hasGeometry() for f in layer.getFeatures())
