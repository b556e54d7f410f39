"""Write a QGIS project serving the given layers over WMS and WFS (run with /usr/bin/python3):
what the demo node's ``/geoserver/ows`` serves for one state of its GeoServer REST catalogue
(``demo/gs_ows.py`` builds one per state and workspace).

    /usr/bin/python3 demo/gs_project.py spec.json

spec.json: {"out": "/…/project.qgs", "ows_url": "http://…/geoserver/ows",
            "layers": [{"name": "simpul:JALAN", "uri": "/…/x.gpkg|layername=JALAN", "sld": "/…/style.sld"}]}
Each layer gets the uploaded SLD as its style (so what renders is what was published).
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from qgis.core import QgsProject, QgsVectorLayer  # noqa: E402


def build(spec):
    project = QgsProject()
    ids = []
    for item in spec["layers"]:
        layer = QgsVectorLayer(item["uri"], item["name"], "ogr")
        if not layer.isValid():
            print("invalid layer: %s" % item["uri"], file=sys.stderr)
            continue
        if item.get("sld"):
            message, ok = layer.loadSldStyle(item["sld"])
            if not ok:
                print("SLD not applied to %s: %s" % (item["name"], message), file=sys.stderr)
        project.addMapLayer(layer)
        ids.append(layer.id())
        if not project.crs().isValid():
            project.setCrs(layer.crs())
    project.writeEntry("WFSLayers", "/", ids)
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", spec.get("title") or "Simpul demo: published layers (QGIS Server)")
    if spec.get("ows_url"):
        project.writeEntry("WMSUrl", "/", spec["ows_url"])
        project.writeEntry("WFSUrl", "/", spec["ows_url"])
    if not project.write(spec["out"]):
        raise SystemExit("cannot write %s" % spec["out"])


if __name__ == "__main__":
    from sdi_plugin.core.runtime.qgis_app import start_qgis
    with start_qgis():
        with open(sys.argv[1], encoding="utf-8") as fh:
            build(json.load(fh))
        print("ok")
