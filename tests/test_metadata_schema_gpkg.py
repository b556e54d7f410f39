"""The ISO 19139 schema check after QGIS has opened a GeoPackage (issue 16). With libspatialite 5.1
(QGIS 3.40, Debian 13) QGIS's OGR provider opening a GeoPackage cleans up libxml2's global state;
a compiled XMLSchema kept from before then segfaults, reports "Internal error in XML Schema
validation" or nonsense. The schema is therefore compiled for every check and never kept."""
import os
import subprocess

import pytest
from metadata_util import node_defaults, sample_layer

from sdi_plugin.core.metadata import iso_writer, schema
from sdi_plugin.core.metadata.generate import generate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CHILD = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsVectorLayer
from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis
start_qgis()
try:
    from sdi_plugin.core.metadata.check import check_metadata_bytes

    def schema_findings(data):
        return [(f.severity, f.message) for f in check_metadata_bytes(data) if f.rule == "meta.schema"]

    good = open(sys.argv[2], "rb").read()
    bad = good.replace(b"<gmd:dateStamp>", b"<gmd:dateStampX>").replace(b"</gmd:dateStamp>", b"</gmd:dateStampX>")
    out = {"before": schema_findings(good)}
    # QGIS's OGR provider opens a GeoPackage (libspatialite is initialised, then cleaned up)
    layer = QgsVectorLayer(sys.argv[3], "gpkg", "ogr")
    out["layer_valid"] = layer.isValid()
    out["features"] = sum(1 for _ in layer.getFeatures())
    del layer
    out["after_good"] = schema_findings(good)
    out["after_bad"] = schema_findings(bad)
    print("RESULT " + json.dumps(out))
finally:
    stop_qgis()
"""


@pytest.fixture(scope="module")
def record_and_gpkg(qgis_app, sample_data_dir, tmp_path_factory):
    layer, ds = sample_layer(sample_data_dir, "tangerang_sungai")
    path = tmp_path_factory.mktemp("schema-gpkg") / "record.xml"
    path.write_bytes(iso_writer.to_bytes(generate(layer, node_defaults(ds))))
    gpkg = os.path.join(sample_data_dir, ds["file"])
    assert gpkg.endswith(".gpkg")
    return str(path), "%s|layername=%s" % (gpkg, ds["layer"])


def test_a_record_checked_after_qgis_opened_a_geopackage_is_judged_right(record_and_gpkg, tmp_path):
    """In a fresh QGIS process: check a record, open a GeoPackage through the OGR provider, check
    again — the valid record stays valid and the broken one gets the schema's own error."""
    record, gpkg = record_and_gpkg
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(["/usr/bin/python3", str(script), ROOT, record, gpkg], capture_output=True, text=True,
                          env=env, timeout=300)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, "child ended with %s:\n%s\n%s" % (proc.returncode, proc.stdout[-2000:],
                                                                              proc.stderr[-3000:])
    import json
    out = json.loads(lines[-1][len("RESULT "):])
    assert out["layer_valid"] and out["features"] > 0
    assert out["before"] == [] and out["after_good"] == [], out
    assert len(out["after_bad"]) == 1 and out["after_bad"][0][0] == "error", out
    assert "dateStampX" in out["after_bad"][0][1] and "Internal error" not in out["after_bad"][0][1], out


def test_the_compiled_schema_is_never_kept_across_calls():
    first, _ = schema.load_schema()
    second, _ = schema.load_schema()
    assert first is not second
