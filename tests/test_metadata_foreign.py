"""Records in the shapes other catalogues publish (GeoNetwork, INSPIRE, ArcGIS, pycsw, Palapa;
fixtures in tests/data/metadata, authored for these tests) are read without loss: every value of
every profile element is still there when Simpul writes the record again, and what Simpul
writes is schema-valid ISO 19139."""
import pytest

from metadata_util import fixture, profile_values

from sdi_plugin.core.metadata import check, iso_reader, iso_writer

FOREIGN = ("geonetwork_iso19139.xml", "inspire_iso19139.xml", "arcgis_iso19139.xml", "pycsw_iso19139.xml",
           "palapa_like.xml")
# Palapa spells classification values its own way; Simpul writes the ISO spelling (on purpose).
NORMALISED = {"palapa_like.xml": {"classification": {"topsecret": "topSecret"}}}


@pytest.mark.parametrize("name", FOREIGN)
def test_foreign_record_is_read_without_loss(qgis_app, name):
    data = fixture(name)
    record = iso_reader.read_bytes(data)
    out = iso_writer.to_bytes(record)
    before, after = profile_values(data), profile_values(out)
    for element, counts in before.items():
        fixed = NORMALISED.get(name, {}).get(element, {})
        expected = {fixed.get(v, v): n for v, n in counts.items()}
        missing = {v: n for v, n in expected.items() if after[element][v] < n}
        assert not missing, (element, missing, dict(after[element]))
    assert not check.schema_findings(iso_writer.to_element(record)), name
    assert iso_reader.read_bytes(out) == record               # and stable from then on


def test_geonetwork_record_details(qgis_app):
    r = iso_reader.read_bytes(fixture("geonetwork_iso19139.xml"))
    assert r.file_identifier == "7f3c2a9e-1b4d-4e5f-9a8b-0c1d2e3f4a5b" and r.date_stamp == "2024-02-14T09:30:12"
    c = r.contacts[0]
    assert (c.individual, c.position, c.phone, c.fax, c.address, c.city, c.region, c.postal_code, c.country,
            c.email, c.url, c.role) == ("Siti Rahmawati", "Pengelola Data Spasial", "+62 21 555 0101",
                                        "+62 21 555 0102", "Jl. Contoh Raya No. 1", "Kota Contoh", "Jawa Barat",
                                        "40111", "Indonesia", "geoportal@contoh.go.id",
                                        "https://geoportal.contoh.go.id", "pointOfContact")
    assert [(d.date, d.type) for d in r.dates] == [("2021-06-01T00:00:00", "publication"), ("2023-11-30", "revision")]
    assert r.edition == "Perda 5/2021" and r.purpose and r.status == "onGoing"
    place = next(k for k in r.keywords if k.type == "place")
    assert place.thesaurus == "Wilayah administrasi (contoh)" and place.thesaurus_href.endswith("/wilayah")
    assert place.thesaurus_date == "2020-01-01"
    assert r.use_limitations == ["Bukan untuk penentuan batas hak atas tanah."]
    assert r.access_constraints == ["otherRestrictions"] and r.other_constraints == ["Terbuka untuk umum"]
    assert r.topic_categories == ["planningCadastre", "environment"] and r.resolution_scale == "50000"
    assert (r.bbox_west, r.bbox_east) == ("107.25", "107.90")          # digits kept as written
    assert (r.temporal_begin, r.temporal_end) == ("2021-01-01", "2041-12-31")
    assert [l.protocol for l in r.online_resources] == ["OGC:WMS", "WWW:DOWNLOAD-1.0-http--download"]
    assert r.online_resources[1].function == "download" and r.lineage.startswith("Digitasi")


def test_inspire_record_details(qgis_app):
    r = iso_reader.read_bytes(fixture("inspire_iso19139.xml"))
    themes = next(k for k in r.keywords if k.thesaurus.startswith("GEMET"))
    assert themes.words == ["Hydrography"] and themes.anchors == {"Hydrography": "http://inspire.ec.europa.eu/theme/hy"}
    assert (r.identifier, r.identifier_codespace) == ("HY-P-001", "https://data.example.eu/id/")
    assert r.other_constraints == ["No limitations to public access"] and r.use_limitations == ["Conditions unknown"]
    assert r.reference_system == "ETRS89"
    conf = r.conformance[0]
    assert conf.specification.startswith("Commission Regulation") and conf.passed == "true"
    assert conf.specification_href == "http://data.europa.eu/eli/reg/2010/1089" and conf.date == "2010-12-08"
    out = iso_writer.to_bytes(r)
    assert b'xlink:href="http://inspire.ec.europa.eu/theme/hy"' in out       # anchors written back
    assert b"DQ_ConformanceResult" in out


def test_arcgis_record_details(qgis_app):
    r = iso_reader.read_bytes(fixture("arcgis_iso19139.xml"))
    assert r.file_identifier == "{5E8A1C3B-7D2F-4A60-9B1E-3C4D5E6F7A8B}"
    assert r.metadata_language == "ind; IDN" and r.dataset_language == "ind; IDN"
    assert (r.geometry_type, r.feature_count, r.topology_level) == ("composite", "1287", "geometryOnly")
    assert (r.reference_system, r.reference_system_codespace) == ("32748", "EPSG")
    assert r.resource_classification == "restricted" and r.cited_parties[0].role == "originator"
    assert r.bbox_west == "106.5812935" and r.distribution_format == "File Geodatabase Feature Class"
    found = check.check_metadata_bytes(fixture("arcgis_iso19139.xml"))
    # ArcGIS's language text is flagged, with the fix
    assert any(f.details.get("element") == "dataset_language" and f.severity == "warning" for f in found)


def test_pycsw_record_details(qgis_app):
    data = fixture("pycsw_iso19139.xml")
    r = iso_reader.read_bytes(data)
    assert (r.temporal_begin, r.temporal_end) == ("2019-01-01", "2019-12-31")   # pre-3.2 GML namespace
    assert r.online_resources[0].url == "https://eo.example.org/wms"           # from gmd:distributor
    assert r.graphic_overviews == ["https://eo.example.org/quicklooks/lc2019.png"]
    assert r.alternate_title == "LC2019" and r.identifier == "lc-2019"
    # the old GML namespace is not ISO 19139:2007; Simpul's rewrite uses GML 3.2 and validates
    assert any(f.rule == "meta.schema" for f in check.check_metadata_bytes(data))
    assert b"http://www.opengis.net/gml/3.2" in iso_writer.to_bytes(r)
