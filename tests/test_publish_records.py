"""OGC API Records transactions against a real pygeoapi (TinyDB catalogue, editable): the
record is added (POST), found, replaced in place on re-publish (PUT), and removed again (DELETE);
the catalogue is found from the API's landing page by its conformance to create/replace/delete."""
import json
import os

from sdi_plugin.core.publish import find_endpoints, publish_dataset, unpublish_record
from sdi_plugin.core.publish.records import record_from_iso
from sdi_plugin.core.publish import isoxml


def _src(sample_data_dir):
    return "%s|layername=SUNGAI_LN_250K" % os.path.join(sample_data_dir, "kalteng", "kalteng.gpkg")


def test_the_transactional_record_collection_is_found(records_api):
    ep, _ = find_endpoints(records_api.url)
    assert ep.records == records_api.collection
    assert ep.geoserver_rest == "" and ep.csw == ""


def test_publish_replace_and_unpublish_a_record(records_api, sample_data_dir, tmp_path):
    before = records_api.ids()
    ep, _ = find_endpoints(records_api.url)
    plan = publish_dataset(_src(sample_data_dir), endpoints=ep, log_folder=str(tmp_path), gate=False, dry_run=True)
    assert [(c["target"], c["action"]) for c in plan["changes"]] == [("records", "create")]
    assert records_api.ids() == before
    report = publish_dataset(_src(sample_data_dir), endpoints=ep, log_folder=str(tmp_path), gate=False)
    assert report["result"] == "published", report["message"]
    rid = report["record_id"]
    assert rid == "HIDROG25000020240308_SUNGAI_KALTENG" and report["verified"]
    assert records_api.ids() == sorted(before + [rid])
    again = publish_dataset(_src(sample_data_dir), endpoints=ep, log_folder=str(tmp_path), gate=False)
    assert again["result"] == "published", again["message"]
    assert [c["action"] for c in again["changes"]] == ["update"]
    assert records_api.ids() == sorted(before + [rid])      # replaced in place, not added twice
    assert unpublish_record(ep, rid) == ["records"]
    assert records_api.ids() == before


def test_a_refused_record_rolls_back_and_says_why(records_api, sample_data_dir, tmp_path):
    ep, _ = find_endpoints(records_api.url)
    before = records_api.ids()
    bad = tmp_path / "tanpa_judul.xml"
    bad.write_bytes(b"<not-iso/>")
    report = publish_dataset(_src(sample_data_dir), endpoints=ep, metadata_path=str(bad), log_folder=str(tmp_path),
                             gate=False)
    assert report["result"] == "failed" and "ISO 19139" in report["message"]
    assert records_api.ids() == before


def test_iso_record_becomes_a_records_geojson_record(sample_data_dir):
    from sdi_plugin.core.publish.dataset import describe
    ds = describe(_src(sample_data_dir))
    record = record_from_iso(isoxml.minimal_record(ds, "abc-123"), [
        {"url": "http://n/ows", "protocol": "OGC:WMS", "name": "ws:SUNGAI", "type": "OGC:WMS"}])
    assert record["id"] == "abc-123" and record["type"] == "Feature"
    assert record["properties"]["title"] == "SUNGAI_LN_250K" and record["properties"]["type"] == "dataset"
    w, s = record["geometry"]["coordinates"][0][0]
    assert 110 < w < 116 and -4 < s < 1
    assert record["links"][0]["href"] == "http://n/ows" and record["links"][0]["title"] == "ws:SUNGAI"
    json.dumps(record)
