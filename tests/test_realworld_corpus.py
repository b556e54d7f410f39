"""The real-world corpus (tests/data/realworld, see its SOURCES.md) through search parsing, the
metadata reader (the Metadata page's Import XML… path) and sdi:checkmetadata: no crash, no record
lost, no "missing" for an element that is there, no schema error on a record its own schema accepts."""
import json
import os

import pytest

from sdi_plugin.core.catalog.ckan import _result, parse_package
from sdi_plugin.core.catalog.csw import parse_getrecords
from sdi_plugin.core.catalog.ogcapi_records import parse_record
from sdi_plugin.core.catalog.results import ResultSet
from sdi_plugin.core.findings import ERROR, WARNING
from sdi_plugin.core.metadata import check, iso_reader

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "data", "realworld")
with open(os.path.join(CORPUS, "manifest.json"), encoding="utf-8") as _fh:
    MANIFEST = json.load(_fh)
RECORDS = sorted(MANIFEST["records"])
ANSWERS = sorted(MANIFEST["answers"])


def _bytes(folder, name):
    with open(os.path.join(CORPUS, folder, name), "rb") as fh:
        return fh.read()


def test_corpus_is_as_large_and_varied_as_asked():
    assert len(RECORDS) >= 60 and len(ANSWERS) >= 10
    producers = {m["follows"].split("-")[0] for m in MANIFEST["records"].values()}
    assert len(producers) >= 8, producers
    releases = {m["release"] for m in MANIFEST["records"].values()}
    assert releases == {"20060504", "20070417"}
    roots = {m["root"] for m in MANIFEST["records"].values()}
    assert {"gmd:MD_Metadata", "gmi:MI_Metadata", "che:CHE_MD_Metadata"} <= roots
    assert {m["kind"] for m in MANIFEST["records"].values()} == {"dataset", "service"}


def _records_of_answer(name):
    meta = MANIFEST["answers"][name]
    data = _bytes("answers", name)
    if meta["kind"] == "csw":
        return parse_getrecords(data, "http://127.0.0.1/csw").records
    doc = json.loads(data.decode("utf-8"))
    if meta["kind"] == "ckan":
        return [parse_package(p, "http://127.0.0.1") for p in _result(doc)["results"]]
    return [parse_record(f, "http://127.0.0.1/collections/x") for f in doc["features"]]


@pytest.mark.parametrize("name", ANSWERS)
def test_search_parsing_keeps_every_record(name):
    meta = MANIFEST["answers"][name]
    records = _records_of_answer(name)
    assert [r.identifier for r in records] == meta["identifiers"]
    assert all(r.title for r in records)
    # one node's answer listed: every record stays (identity is node + identifier)
    for r in records:
        r.node_id, r.node_name = "node-a", "Node A"
    listed = ResultSet()
    listed.add(records)
    assert len(listed) == len(records)
    assert sorted(r.identifier for r in listed.records()) == sorted(meta["identifiers"])


@pytest.mark.parametrize("name", [n for n in ANSWERS if MANIFEST["answers"][n]["kind"] == "csw"])
def test_csw_records_are_read_with_their_content(name):
    """ISO records in an answer (whatever their root) give title, extent and links, as the record files do."""
    for rec in _records_of_answer(name):
        if rec.source_format == "iso19139" and rec.type != "service":
            assert rec.bbox is not None, rec.identifier
            assert rec.abstract, rec.identifier


@pytest.mark.parametrize("name", RECORDS)
def test_reader_reads_every_record(name):
    meta = MANIFEST["records"][name]
    rec = iso_reader.read_bytes(_bytes("records", name))
    assert rec.file_identifier == meta["identifier"]
    assert rec.title == meta["title"]
    assert rec.abstract
    assert rec.date_stamp
    if meta["kind"] == "dataset":
        assert rec.bbox() is not None
        assert rec.topic_categories


def _missing(findings):
    """Profile elements reported missing (errors and warnings; "not filled in" infos aside)."""
    return sorted({f.details.get("element") for f in findings if f.rule == check.RULE_COMPLETE
                   and f.severity in (ERROR, WARNING) and "obligation" in f.details})


@pytest.mark.parametrize("name", RECORDS)
def test_check_finds_no_false_missing_and_no_false_schema_error(name):
    meta = MANIFEST["records"][name]
    findings = check.check_metadata_bytes(_bytes("records", name))
    missing = _missing(findings)
    assert set(missing) <= set(meta["absent"]), (missing, [f.message for f in findings])
    schema_errors = [f for f in findings if f.rule == check.RULE_SCHEMA and f.severity == ERROR]
    if meta["schema"] == "valid":
        assert not schema_errors, [f.message for f in schema_errors]
    elif meta["schema"] == "invalid":
        assert schema_errors
    else:   # no schema of its profile is bundled: said so, never an error
        assert not schema_errors, [f.message for f in schema_errors]
        assert any(f.rule == check.RULE_SCHEMA and f.details.get("skipped") for f in findings)
    # the release used is the one the record is written for, and a 2006 record says so
    used = {f.details.get("schema_release") for f in findings if f.rule == check.RULE_SCHEMA} - {None}
    if meta["schema"] != "unbundled":
        assert used <= {meta["release"]}, used
        if meta["release"] == "20060504":
            assert used == {"20060504"}


def test_checkmetadata_algorithm_over_every_record(sdi_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    for name in RECORDS:
        meta = MANIFEST["records"][name]
        out = str(tmp_path / (name + ".json"))
        res = processing.run("sdi:checkmetadata", {"INPUT": os.path.join(CORPUS, "records", name), "OUTPUT": out},
                             context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
        with open(res["OUTPUT"], encoding="utf-8") as fh:
            report = json.load(fh)
        missing = {f.get("details", {}).get("element") for f in report["findings"]
                   if f["rule"] == "meta.complete" and f["severity"] in ("error", "warning")
                   and "obligation" in f.get("details", {})}
        assert missing <= set(meta["absent"]), (name, missing)
        schema_errors = [f for f in report["findings"] if f["rule"] == "meta.schema" and f["severity"] == "error"]
        assert bool(schema_errors) == (meta["schema"] == "invalid"), (name, schema_errors[:2])
