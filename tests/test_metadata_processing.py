"""sdi:generatemetadata and sdi:checkmetadata, in-process and through qgis_process."""
import json
import os
import subprocess

import pytest
from qgis.core import QgsProcessingException

from metadata_util import DATA, dataset

from sdi_plugin.core.metadata import iso_reader

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QGIS_PROCESS = os.path.join(ROOT, "tools", "qgis_process")


def _run(alg, params):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    return processing.run(alg, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())


def _qgis_process(*args):
    proc = subprocess.run([QGIS_PROCESS, "--json", "run"] + list(args), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:] + proc.stdout[-2000:]
    return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]


def test_algorithms_are_offered(sdi_provider):
    ids = {a.id() for a in sdi_provider.algorithms()}
    assert {"sdi:generatemetadata", "sdi:checkmetadata"} <= ids
    gen = sdi_provider.algorithm("generatemetadata")
    assert [p.name() for p in gen.parameterDefinitions()] == ["INPUT", "DEFAULTS", "OUTPUT"]
    assert gen.parameterDefinition("DEFAULTS").flags() & gen.parameterDefinition("DEFAULTS").FlagOptional
    chk = sdi_provider.algorithm("checkmetadata")
    assert [p.name() for p in chk.parameterDefinitions()] == ["INPUT", "OUTPUT"]


def test_generate_in_process_with_defaults(sdi_provider, sample_data_dir, tmp_path):
    ds = dataset(sample_data_dir, "paser_jalan")
    defaults = tmp_path / "node.json"
    defaults.write_text(json.dumps({"organisation": ds["organisation"], "node_code": "PASER",
                                    "email": "gis@paserkab.go.id", "access_level": "GOVERNMENT"}), encoding="utf-8")
    out = tmp_path / "jalan.xml"
    res = _run("sdi:generatemetadata", {"INPUT": "%s|layername=%s" % (os.path.join(sample_data_dir, ds["file"]),
                                                                       ds["layer"]),
                                        "DEFAULTS": str(defaults), "OUTPUT": str(out)})
    assert res["OUTPUT"] == str(out) and res["MISSING"] == 0 and res["ERRORS"] == 0
    record = iso_reader.read_file(str(out))
    assert res["FILE_IDENTIFIER"] == record.file_identifier == ds["metadata_id"]
    assert record.contacts[0].organisation == ds["organisation"] and record.identifier_codespace == "PASER"
    assert (record.classification, record.classification_note) == ("restricted", "GOVERNMENT")


def test_generate_refuses_a_bad_defaults_file(sdi_provider, sample_data_dir, tmp_path):
    ds = dataset(sample_data_dir, "paser_jalan")
    bad = tmp_path / "bad.json"
    bad.write_text('{"acces_level": "PUBLIC"}', encoding="utf-8")
    with pytest.raises(QgsProcessingException) as err:
        _run("sdi:generatemetadata", {"INPUT": "%s|layername=%s" % (os.path.join(sample_data_dir, ds["file"]),
                                                                     ds["layer"]),
                                      "DEFAULTS": str(bad), "OUTPUT": str(tmp_path / "x.xml")})
    assert "acces_level" in str(err.value) and "access_level" in str(err.value)
    assert not (tmp_path / "x.xml").exists()


def test_check_in_process(sdi_provider, tmp_path):
    out = tmp_path / "report.json"
    res = _run("sdi:checkmetadata", {"INPUT": os.path.join(DATA, "palapa_like.xml"), "OUTPUT": str(out)})
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert res["ERRORS"] == doc["summary"]["errors"] >= 1 and res["WARNINGS"] == doc["summary"]["warnings"] >= 1
    assert doc["summary"]["by_rule"]["meta.schema"] >= 1
    assert doc["file"].endswith("palapa_like.xml")


def test_qgis_process_generate_then_check(sample_data_dir, tmp_path):
    ds = dataset(sample_data_dir, "tangerang_jalan_shp")
    defaults = tmp_path / "node.json"
    defaults.write_text(json.dumps({"organisation": ds["organisation"], "email": "gis@tangerangkota.go.id"}),
                        encoding="utf-8")
    xml = tmp_path / "jalan.xml"
    res = _qgis_process("sdi:generatemetadata", "--", "INPUT=%s" % os.path.join(sample_data_dir, ds["file"]),
                        "DEFAULTS=%s" % defaults, "OUTPUT=%s" % xml)
    assert res["OUTPUT"] == str(xml) and res["MISSING"] == 0 and res["ERRORS"] == 0
    assert res["FILE_IDENTIFIER"] == ds["metadata_id"]
    assert iso_reader.read_file(str(xml)).reference_system == ds["crs"]

    report = tmp_path / "report.json"
    res = _qgis_process("sdi:checkmetadata", "--", "INPUT=%s" % xml, "OUTPUT=%s" % report)
    doc = json.loads(report.read_text(encoding="utf-8"))
    assert res["ERRORS"] == 0 == doc["summary"]["errors"]
    assert doc["file"] == str(xml) and doc["standard"]["name"].startswith("SNI 8843-1")
    assert set(doc) == {"file", "standard", "summary", "findings"}
