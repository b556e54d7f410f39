"""The metadata checker: ISO 19139 schema validation from the bundled schemas (offline), profile
completeness, findings and report shape; schema-invalid and hostile documents refused clearly."""
import copy
import os
import shutil
import subprocess
import sys

import pytest
from lxml import etree

import hostile
from metadata_util import fixture, node_defaults, sample_layer

from sdi_plugin.core.findings import Finding
from sdi_plugin.core.metadata import check, iso_reader, iso_writer, schema
from sdi_plugin.core.metadata.generate import generate
from sdi_plugin.core.metadata.iso_reader import MetadataError
from sdi_plugin.core.metadata.namespaces import GMD

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def good(qgis_app, sample_data_dir):
    layer, ds = sample_layer(sample_data_dir, "tangerang_sungai")
    return iso_writer.to_bytes(generate(layer, node_defaults(ds)))


def _without(data, *local_names):
    root = etree.fromstring(data)
    for name in local_names:
        for el in list(root.iter("{%s}%s" % (GMD, name))):
            el.getparent().remove(el)
    return etree.tostring(root)


def test_schemas_are_bundled_with_their_source_and_load_offline():
    base = schema.schema_dir()
    assert os.path.isfile(os.path.join(base, "SOURCE.txt"))
    source = open(os.path.join(base, "SOURCE.txt"), encoding="utf-8").read()
    assert "pycsw" in source and "iso/19139/20070417/gmd/gmd.xsd" in source
    schema.clear_cache()
    compiled, resolver = schema.load_schema()
    assert compiled is not None
    # every import was answered from inside resources/schemas; nothing was fetched or refused
    assert len(resolver.requested) > 50 and not resolver.refused
    real = os.path.realpath(base)
    for url in resolver.requested:
        path = url[len("file://"):] if url.startswith("file://") else url
        assert "://" not in path and os.path.realpath(path).startswith(real + os.sep), url
    for dirpath, _, files in os.walk(base):
        for f in files:
            if f.endswith(".xsd"):
                doc = etree.parse(os.path.join(dirpath, f))
                xs = "{http://www.w3.org/2001/XMLSchema}"
                for el in doc.iter(xs + "import", xs + "include"):
                    loc = el.get("schemaLocation") or ""
                    assert "://" not in loc, (f, loc)
                    assert os.path.isfile(os.path.join(dirpath, loc)), (f, loc)


def test_validation_works_without_any_network(good, tmp_path):
    """In a fresh interpreter with no network at all (its own network namespace when the system
    allows one; otherwise socket creation made to fail), the schema loads and validates."""
    script = tmp_path / "offline.py"
    script.write_text(
        "import socket, sys\n"
        "def refuse(*a, **k):\n    raise OSError('network used')\n"
        "socket.socket = refuse; socket.create_connection = refuse\n"
        "sys.path.insert(0, %r)\n"
        "from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis\n"
        "start_qgis()\n"
        "from sdi_plugin.core.metadata.check import check_metadata_bytes\n"
        "data = open(%r, 'rb').read()\n"
        "found = check_metadata_bytes(data)\n"
        "assert not [f for f in found if f.rule == 'meta.schema'], [f.message for f in found]\n"
        "print('OFFLINE-OK')\n"
        "stop_qgis()\n" % (ROOT, str(tmp_path / "rec.xml")))
    (tmp_path / "rec.xml").write_bytes(good)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", http_proxy="http://192.0.2.1:9",
               https_proxy="http://192.0.2.1:9")
    cmd = ["/usr/bin/python3", str(script)]
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        cmd = [unshare, "-rn"] + cmd
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and "OFFLINE-OK" in proc.stdout, proc.stderr[-2000:]


def test_missing_schemas_give_a_clear_message(good, tmp_path):
    with pytest.raises(schema.SchemaUnavailable) as err:
        schema.load_schema(str(tmp_path))
    assert "make setup" in str(err.value) and str(tmp_path) in str(err.value)
    old = schema.SCHEMA_DIR
    schema.SCHEMA_DIR = str(tmp_path)
    try:
        found = check.check_metadata_bytes(good)
    finally:
        schema.SCHEMA_DIR = old
    skipped = [f for f in found if f.rule == "meta.schema"]
    assert len(skipped) == 1 and skipped[0].severity == "warning" and skipped[0].details == {"skipped": True}
    assert not [f for f in found if f.severity == "error"]          # the profile is still checked


def test_a_schema_outside_the_bundle_is_refused(tmp_path):
    base = tmp_path / "schemas"
    shutil.copytree(schema.schema_dir(), base)
    gmd = base / "iso" / "19139" / "20070417" / "gmd" / "gmd.xsd"
    text = gmd.read_text(encoding="utf-8").replace('schemaLocation="metadataApplication.xsd"',
                                                   'schemaLocation="http://example.invalid/metadataApplication.xsd"')
    gmd.write_text(text, encoding="utf-8")
    with pytest.raises(schema.SchemaUnavailable) as err:
        schema.load_schema(str(base))
    assert "http://example.invalid/metadataApplication.xsd" in str(err.value)
    assert "network" in str(err.value)


def test_schema_invalid_record_is_reported_with_line_and_element(good):
    data = good.replace(b"<gmd:dateStamp>", b"<gmd:dateStampX>").replace(b"</gmd:dateStamp>", b"</gmd:dateStampX>")
    found = check.check_metadata_bytes(data)
    errors = [f for f in found if f.rule == "meta.schema"]
    assert errors and errors[0].severity == "error" and "dateStampX" in errors[0].message
    assert errors[0].details["line"] > 1 and errors[0].fix
    assert "date_stamp" in {f.details.get("element") for f in found if f.rule == "meta.complete"}
    # strict import refuses, with the schema's own words
    with pytest.raises(MetadataError) as err:
        iso_reader.read_bytes(data, strict=True)
    assert "dateStampX" in str(err.value)
    assert iso_reader.read_bytes(data).title          # the lenient import still reads what it can


@pytest.mark.parametrize("doc, expected", [
    (hostile.BILLION_LAUGHS, "entities"),
    (hostile.xxe("/etc/passwd"), "entities"),
    (hostile.MALFORMED, "not well-formed"),
    (hostile.HTML_ERROR, "web page"),
    (b"", "empty"),
])
def test_hostile_and_broken_documents_are_refused(doc, expected):
    found = check.check_metadata_bytes(doc)
    assert len(found) == 1 and found[0].rule == "meta.schema" and found[0].severity == "error"
    assert expected in found[0].message, found[0].message
    with pytest.raises(MetadataError) as err:
        iso_reader.read_bytes(doc)
    assert expected in str(err.value)


def test_external_dtd_of_an_iso_record_is_never_fetched(good, scripted_server):
    scripted_server.static("/evil.dtd", b'<!ENTITY t "boom">', ctype="application/xml-dtd")
    data = good.replace(b"<?xml version='1.0' encoding='UTF-8'?>",
                        b"<?xml version='1.0'?><!DOCTYPE gmd:MD_Metadata SYSTEM \"%s/evil.dtd\">"
                        % scripted_server.url.encode())
    record = iso_reader.read_bytes(data)
    assert record.title and "boom" not in record.title
    found = check.check_metadata_bytes(data)
    assert not [f for f in found if f.severity == "error"]
    assert scripted_server.hits == []            # neither the reader, OWSLib nor the schema fetched it


def test_entity_inside_an_iso_record_is_refused(good):
    data = good.replace(b"<?xml version='1.0' encoding='UTF-8'?>",
                        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY t SYSTEM \"file:///etc/passwd\">]>")
    data = data.replace(b"<gco:CharacterString>Sungai", b"<gco:CharacterString>&t;Sungai", 1)
    with pytest.raises(MetadataError, match="entities"):
        iso_reader.read_bytes(data)
    assert check.check_metadata_bytes(data)[0].message.endswith("refused for safety")


def test_not_a_metadata_record():
    found = check.check_metadata_bytes(hostile.WMS_OK)
    assert found[0].rule == "meta.schema" and "WMS_Capabilities" in found[0].message
    with pytest.raises(MetadataError, match="WMS_Capabilities"):
        iso_reader.read_bytes(hostile.WMS_OK)


def test_missing_mandatory_elements_are_meta_complete_errors(good):
    data = _without(good, "abstract", "contact", "geographicElement", "topicCategory")
    found = check.check_metadata_bytes(data, schema=False)
    errors = {f.details["element"]: f for f in found if f.severity == "error"}
    assert {"abstract", "metadata_contact", "metadata_contact_role", "bbox", "topic_category"} <= set(errors)
    for f in errors.values():
        assert isinstance(f, Finding) and f.rule == "meta.complete" and f.fix and f.feature_id is None
    assert "bounding box" in errors["bbox"].message
    c = check.completeness(etree.fromstring(data))
    assert not c.complete and c.percent < 100 and {e.id for e in c.missing} >= {"abstract", "topic_category"}


def test_geographic_description_stands_in_for_the_box(good):
    r = iso_reader.read_bytes(good)
    r.bbox_west = r.bbox_east = r.bbox_south = r.bbox_north = ""
    assert "bbox" in {f.details.get("element") for f in check.check_record(r)}
    r.geographic_identifier = "3671"      # BPS code of Kota Tangerang
    assert not [f for f in check.check_record(r) if f.severity == "error"]


def test_code_list_values_language_and_box_are_checked(good):
    r = iso_reader.read_bytes(good)
    r.status, r.dataset_language = "done", "Indonesian"
    r.set_bbox(120, 5, 110, 1)
    found = check.check_record(r)
    status = next(f for f in found if f.details.get("element") == "status")
    assert status.severity == "warning" and "done" in status.message and "completed" in status.fix
    assert any(f.details.get("element") == "dataset_language" and "ISO 639-2" in f.message for f in found)
    assert any(f.details.get("element") == "bbox" and f.severity == "error" for f in found)


def test_palapa_spellings_are_read_as_iso_and_flagged():
    data = fixture("palapa_like.xml")
    r = iso_reader.read_bytes(data)
    assert r.classification == "topSecret" and r.classification_note == "IGSTRATEGIS"
    found = check.check_metadata_bytes(data)
    assert any(f.rule == "meta.schema" and "MD_ClassClassificationCode" in f.message for f in found)
    flagged = next(f for f in found if f.details.get("element") == "classification")
    assert flagged.severity == "warning" and "topSecret" in flagged.fix
    # written again, it is valid ISO 19139
    assert not check.schema_findings(iso_writer.to_element(r))


def test_report_has_the_validators_shape(good, tmp_path):
    path = tmp_path / "x.xml"
    path.write_bytes(_without(good, "abstract"))
    found = check.check_metadata_file(str(path))
    doc = check.report(found, str(path))
    assert set(doc) == {"file", "standard", "summary", "findings"}
    assert doc["file"] == str(path) and doc["standard"]["name"] and doc["standard"]["version"]
    assert set(doc["summary"]) == {"errors", "warnings", "infos", "by_rule"}
    assert doc["summary"]["errors"] >= 1 and doc["summary"]["by_rule"]["meta.complete"] >= 1
    assert sum(doc["summary"][k] for k in ("errors", "warnings", "infos")) == len(doc["findings"])
    for f in doc["findings"]:
        assert {"rule", "severity", "feature_id", "message", "fix"} <= set(f)


def test_unreadable_file_is_one_finding(tmp_path):
    found = check.check_metadata_file(str(tmp_path / "nothing.xml"))
    assert len(found) == 1 and found[0].severity == "error" and "nothing.xml" in found[0].message


def test_record_inside_a_csw_answer_is_checked(good):
    csw = etree.Element("{http://www.opengis.net/cat/csw/2.0.2}GetRecordByIdResponse")
    csw.append(copy.deepcopy(etree.fromstring(good)))
    found = check.check_metadata_bytes(etree.tostring(csw))
    assert not [f for f in found if f.severity == "error"]


def test_messages_follow_the_ui_language(good, qgis_app):
    """Indonesian labels come from the profile; English from its label_en."""
    from qgis.core import QgsSettings
    data = _without(good, "abstract")
    s = QgsSettings()
    old = s.value("simpul/language", "")
    try:
        s.setValue("simpul/language", "id")
        f_id = next(f for f in check.check_metadata_bytes(data) if f.details.get("element") == "abstract")
        s.setValue("simpul/language", "en")
        f_en = next(f for f in check.check_metadata_bytes(data) if f.details.get("element") == "abstract")
    finally:
        s.setValue("simpul/language", old)
    assert "Abstrak" in f_id.message and "Abstract" in f_en.message


def test_validator_entry_points_are_importable_from_the_package():
    from sdi_plugin.core.metadata import check_metadata_bytes, check_metadata_file
    assert check_metadata_bytes is check.check_metadata_bytes and check_metadata_file is check.check_metadata_file
    assert sys.modules["sdi_plugin.core.metadata.check"].RULE_COMPLETE == "meta.complete"
