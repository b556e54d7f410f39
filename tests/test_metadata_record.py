"""Generate → write → read → write for the sample datasets: schema-valid, complete for the profile,
lossless round trip; user text stays text; QgsLayerMetadata both ways; node defaults files."""
import json

import pytest
from lxml import etree
from qgis.core import QgsCoordinateReferenceSystem, QgsLayerMetadata

from metadata_util import node_defaults, profile_values, sample_layer

from sdi_plugin.core.metadata import check, iso_reader, iso_writer
from sdi_plugin.core.metadata.defaults import DefaultsError, load_defaults, save_defaults
from sdi_plugin.core.metadata.generate import generate, refresh_from_layer
from sdi_plugin.core.metadata.model import MetadataRecord
from sdi_plugin.core.metadata.qgis_metadata import crs_of, from_layer_metadata, to_layer_metadata
from sdi_plugin.core.standards.pack import load_profile

DATASETS = ("kalteng_sungai", "tangerang_jalan_shp", "tangerang_kantor_lurah", "paser_kecamatan")


def canonical(data):
    return etree.tostring(etree.fromstring(data, etree.XMLParser(remove_blank_text=True)), method="c14n")


@pytest.mark.parametrize("ds_id", DATASETS)
def test_generated_record_is_valid_complete_and_round_trips(qgis_app, sample_data_dir, ds_id):
    layer, ds = sample_layer(sample_data_dir, ds_id)
    record = generate(layer, node_defaults(ds, ows_url="http://127.0.0.1:8765/ows"))
    data = iso_writer.to_bytes(record)

    findings = check.check_metadata_bytes(data)
    assert not [f for f in findings if f.severity == "error"], [f.to_dict() for f in findings]
    assert not [f for f in findings if f.rule == "meta.schema"]
    assert check.record_completeness(record).complete

    again = iso_reader.read_bytes(data)
    assert again == record                                   # every field, not only the profile's
    data2 = iso_writer.to_bytes(again)
    assert canonical(data2) == canonical(data)
    assert iso_reader.read_bytes(data2) == again

    # what the layer says
    assert record.file_identifier == ds["metadata_id"]        # the KUGI METADATA attribute
    assert record.reference_system == ds["crs"] and record.reference_system_codespace == "EPSG"
    assert record.feature_count == str(ds["feature_count"])
    assert record.geometry_type == {"Point": "point", "LineString": "curve", "Polygon": "surface"}[ds["geometry"]]
    w, s, e, n = record.bbox()
    bw, bs, be, bn = ds["bbox_4326"]
    assert all(abs(a - b) < 2e-6 for a, b in ((w, bw), (s, bs), (e, be), (n, bn)))   # the manifest rounds to 1e-6
    assert [a.name for a in record.attributes if a.name != "fid"] == [f["name"] for f in ds["fields"]]
    assert ds["fcode"] in record.all_keywords() and ds["kugi_category"] in record.all_keywords()
    assert record.resolution_scale == str(ds["scale"])
    # the profile's fixed choices, as Palapa makes them
    p = load_profile().settings
    assert (record.metadata_language, record.dataset_language) == ("ind", "ind")
    assert (record.metadata_character_set, record.hierarchy_level) == ("utf8", "dataset")
    assert record.metadata_standard_name == p["metadata_standard_name"]
    assert (record.classification, record.classification_note) == ("unclassified", "PUBLIC")
    links = [(l.protocol, l.name) for l in record.online_resources]
    assert links == [("OGC:WMS", ds["layer"]), ("OGC:WFS", ds["layer"])]
    values = profile_values(data)
    assert values["online_protocol"] == {"OGC:WMS": 1, "OGC:WFS": 1}
    assert values["topic_category"]


@pytest.mark.parametrize("level, iso", [("PUBLIC", "unclassified"), ("GOVERNMENT", "restricted"),
                                        ("GOVERNMENT:bappeda", "restricted"), ("PRIVATE", "confidential"),
                                        ("IGSTRATEGIS", "topSecret")])
def test_access_levels_map_to_iso_classification(qgis_app, sample_data_dir, level, iso):
    layer, ds = sample_layer(sample_data_dir, "kalteng_sungai")
    record = generate(layer, node_defaults(ds, access_level=level))
    assert record.classification == iso and record.classification_note == level
    assert profile_values(iso_writer.to_bytes(record))["classification"] == {iso: 1}


def test_user_values_win_and_hostile_text_stays_text(qgis_app, sample_data_dir):
    layer, ds = sample_layer(sample_data_dir, "tangerang_jalan")
    evil = 'Jalan <b>&amp;</b> "x" ]]> <!ENTITY e "boom"> \x01\x0b end'
    record = generate(layer, node_defaults(ds), values={"title": evil, "abstract": "A & B < C"})
    data = iso_writer.to_bytes(record)
    assert b"<b>" not in data and b"<!ENTITY" not in data
    back = iso_reader.read_bytes(data)                        # parse_xml would refuse any entity
    assert back.title == 'Jalan <b>&amp;</b> "x" ]]> <!ENTITY e "boom">  end'
    assert back.abstract == "A & B < C"


def test_layer_without_kugi_match_or_defaults_is_reported_incomplete(qgis_app, sample_data_dir):
    layer, ds = sample_layer(sample_data_dir, "latihan_layer_name")    # 'jalan baru final(2)'
    record = generate(layer, load_defaults())                           # no organisation in the bundled ones
    assert record.title and record.file_identifier
    missing = {e.id for e in check.record_completeness(record).missing}
    assert "metadata_contact" in missing
    errors = [f for f in check.check_record(record) if f.severity == "error"]
    assert {f.details["element"] for f in errors} >= {"metadata_contact"}
    assert all(f.rule == "meta.complete" and f.fix for f in errors)


def test_generate_keeps_edits_and_refreshes_layer_facts(qgis_app, sample_data_dir):
    layer, ds = sample_layer(sample_data_dir, "paser_sungai")
    edited = generate(layer, node_defaults(ds))
    edited.title, edited.bbox_west, edited.attributes = "Judul saya", "0", []
    fresh = generate(layer, node_defaults(ds))
    merged = refresh_from_layer(edited, fresh)
    assert merged.title == "Judul saya"
    assert merged.bbox_west == fresh.bbox_west and merged.attributes == fresh.attributes


def test_qgis_layer_metadata_both_ways(qgis_app, sample_data_dir):
    layer, ds = sample_layer(sample_data_dir, "tangerang_kecamatan")
    record = generate(layer, node_defaults(ds, ows_url="http://127.0.0.1:1/ows"))
    record.temporal_begin, record.temporal_end = "2024-01-01", "2024-12-31"
    md = to_layer_metadata(record)
    assert md.identifier() == record.file_identifier and md.title() == record.title
    assert md.abstract() == record.abstract and md.language() == "ind" and md.type() == "dataset"
    assert md.crs().authid() == ds["crs"]
    assert md.categories() == record.topic_categories
    assert ds["fcode"] in sum(md.keywords().values(), [])
    assert [l.type for l in md.links()] == ["OGC:WMS", "OGC:WFS"]
    assert md.contacts()[0].organization == ds["organisation"]
    box = md.extent().spatialExtents()[0]
    assert box.extentCrs.authid() == "EPSG:4326" and abs(box.bounds.xMinimum() - float(record.bbox_west)) < 1e-9
    assert md.extent().temporalExtents()[0].begin().date().toString("yyyy-MM-dd") == "2024-01-01"
    assert from_layer_metadata(md, record) == record          # record → QGIS → record: unchanged

    layer.setMetadata(md)                                     # through the layer, as the editor does
    md2 = QgsLayerMetadata(layer.metadata())
    md2.setTitle("Batas Kecamatan Kota Tangerang (revisi)")
    md2.setAbstract("Diperbarui di QGIS.")
    md2.setCategories(["boundaries", "location"])
    md2.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    md2.setHistory(["langkah 1", "langkah 2"])
    md2.setKeywords(dict(md2.keywords(), **{"gmd:place": ["Kota Tangerang"]}))
    back = from_layer_metadata(md2, record)
    assert back.title == "Batas Kecamatan Kota Tangerang (revisi)" and back.abstract == "Diperbarui di QGIS."
    assert back.topic_categories == ["boundaries", "location"]
    assert back.reference_system == "EPSG:4326" and back.lineage == "langkah 1\nlangkah 2"
    assert any(k.type == "place" and k.words == ["Kota Tangerang"] for k in back.keywords)
    kugi = next(k for k in back.keywords if k.thesaurus)      # KUGI thesaurus citation kept
    assert kugi.thesaurus_date and ds["fcode"] in kugi.words
    assert back.attributes == record.attributes and back.contacts == record.contacts   # what QGIS cannot hold stays
    assert not [f for f in check.check_record(back) if f.severity == "error"]

    fresh = from_layer_metadata(md2)                          # into an empty record
    assert fresh.title == md2.title() and fresh.contacts and fresh.contacts[0].role == "pointOfContact"


def test_crs_codes_in_other_spellings(qgis_app):
    for code, space in (("EPSG:9470", ""), ("9470", "EPSG"), ("urn:ogc:def:crs:EPSG::9470", ""),
                        ("urn:ogc:def:crs:EPSG:9470", ""), ("http://www.opengis.net/def/crs/EPSG/0/9470", "")):
        assert crs_of(MetadataRecord(reference_system=code, reference_system_codespace=space)).authid() == "EPSG:9470"
    assert not crs_of(MetadataRecord()).isValid()


def test_defaults_file_overrides_and_bad_files_are_refused(qgis_app, tmp_path):
    path = tmp_path / "node.json"
    save_defaults({"organisation": "Bappeda Uji", "node_code": "UJI", "access_level": "GOVERNMENT",
                   "geometry_words": {"curve": "ruas"}}, str(path))
    d = load_defaults(str(path))
    assert d["organisation"] == "Bappeda Uji" and d["access_level"] == "GOVERNMENT"
    assert d["geometry_words"]["curve"] == "ruas" and d["geometry_words"]["point"] == "titik"
    assert d["abstract_template"]                              # the bundled template stays
    cases = {
        "not json {": "not valid JSON",
        "[1, 2]": "JSON object",
        json.dumps({"organization": "x"}): "organisation",    # a typo gets a suggestion
        json.dumps({"access_level": "SECRET"}): "PUBLIC, GOVERNMENT",
        json.dumps({"status": "done"}): "completed",
        json.dumps({"keywords": "jalan"}): "list",
        json.dumps({"title_template": "{unclosed"}): "template",
        json.dumps({"email": 5}): "text",
    }
    for text, expected in cases.items():
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DefaultsError) as err:
            load_defaults(str(path))
        assert expected in str(err.value) and str(path) in str(err.value), text
    with pytest.raises(DefaultsError, match="does not exist"):
        load_defaults(str(tmp_path / "missing.json"))


def test_iso19115_3_record_is_read(qgis_app):
    from metadata_util import fixture
    r = iso_reader.read_bytes(fixture("geonetwork_iso19115-3.xml"))
    assert r.file_identifier == "c0ffee00-1234-4abc-9def-0123456789ab"
    assert r.title == "Garis Pantai Indonesia (contoh)" and r.abstract.startswith("Garis pantai skala")
    assert r.all_keywords() == ["garis pantai", "pesisir"]
    assert r.bbox() == (95.0, -11.0, 141.0, 6.0)
    assert (r.identifier, r.identifier_codespace) == ("GARISPANTAI_LN_50K", "BCG")
    c = r.contacts[0]
    assert (c.organisation, c.individual, c.email, c.role) == ("Badan Contoh Geospasial", "Budi Santoso",
                                                               "katalog@contoh.go.id", "pointOfContact")
    assert r.reference_system == "EPSG:9470" and r.metadata_language == "ind" and r.topic_categories == ["oceans"]
    assert [(l.protocol, l.url) for l in r.online_resources] == [("OGC:WMS", "https://geoservice.contoh.go.id/ows")]
    assert r.lineage and r.maintenance_frequency == "annually" and r.resolution_scale == "50000"
    # converted to ISO 19139 it is schema-valid
    assert not check.schema_findings(iso_writer.to_element(r))
