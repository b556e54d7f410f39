"""Saving a record beside the data and into a GeoPackage's metadata tables — on copies in
tmp_path (never in resources/sample_data) — and reading it back; the features never change."""
import os
import shutil
import sqlite3

import pytest

from metadata_util import all_checksums, node_defaults, open_layer, sample_layer

from sdi_plugin.core.metadata import iso_reader, iso_writer, storage
from sdi_plugin.core.metadata.generate import generate
from sdi_plugin.core.metadata.namespaces import MD_STANDARD_URI


@pytest.fixture
def gpkg_copy(sample_data_dir, tmp_path):
    src = os.path.join(sample_data_dir, "kalteng", "kalteng.gpkg")
    dst = tmp_path / "kalteng.gpkg"
    shutil.copy2(src, dst)
    return str(dst)


@pytest.fixture
def shp_copy(sample_data_dir, tmp_path):
    base = os.path.join(sample_data_dir, "tangerang", "JALAN_LN_10K")
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        if os.path.exists(base + ext):
            shutil.copy2(base + ext, tmp_path / ("JALAN_LN_10K" + ext))
    return str(tmp_path / "JALAN_LN_10K.shp")


def test_sidecar_names():
    assert storage.sidecar_path("/d/JALAN_LN_10K.shp") == "/d/JALAN_LN_10K.shp.xml"
    assert storage.sidecar_path("/d/kalteng.gpkg", "SUNGAI_LN_250K") == "/d/kalteng_SUNGAI_LN_250K.xml"
    assert storage.sidecar_path("/d/a.gpkg", "jalan baru/final(2)") == "/d/a_jalan_baru_final_2_.xml"
    assert storage.sidecar_path("/d/x.geojson") == "/d/x.geojson.xml"
    assert storage.sidecar_path("") == ""


def test_geopackage_gets_sidecar_and_metadata_tables_and_data_is_unchanged(qgis_app, gpkg_copy):
    before = all_checksums(gpkg_copy)
    con = sqlite3.connect(gpkg_copy)
    contents_before = con.execute("SELECT * FROM gpkg_contents ORDER BY table_name").fetchall()
    con.close()
    layer = open_layer(gpkg_copy, "SUNGAI_LN_250K")
    record = generate(layer, node_defaults({"organisation": "Bappeda Provinsi Kalimantan Tengah"}))
    where = storage.save_for_layer(record, layer)
    assert where["sidecar"] == os.path.join(os.path.dirname(gpkg_copy), "kalteng_SUNGAI_LN_250K.xml")
    assert where["gpkg"] == gpkg_copy and where["table"] == "SUNGAI_LN_250K" and not where["backup"]
    assert iso_reader.read_file(where["sidecar"]) == record

    con = sqlite3.connect(gpkg_copy)
    rows = con.execute("SELECT m.md_scope, m.md_standard_uri, m.mime_type, r.reference_scope, r.table_name, "
                       "r.column_name, r.row_id_value FROM gpkg_metadata m JOIN gpkg_metadata_reference r "
                       "ON r.md_file_id = m.id").fetchall()
    assert rows == [("dataset", MD_STANDARD_URI, "text/xml", "table", "SUNGAI_LN_250K", None, None)]
    ext = set(con.execute("SELECT table_name, extension_name, scope FROM gpkg_extensions "
                          "WHERE extension_name = 'gpkg_metadata'").fetchall())
    assert ext == {("gpkg_metadata", "gpkg_metadata", "read-write"),
                   ("gpkg_metadata_reference", "gpkg_metadata", "read-write")}
    assert con.execute("SELECT * FROM gpkg_contents ORDER BY table_name").fetchall() == contents_before
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert storage.load_for_layer(layer) == record

    # saving again updates the same row; another layer gets its own
    record.abstract = "Diperbarui."
    storage.save_for_layer(record, layer)
    other = open_layer(gpkg_copy, "JALAN_LN_250K")
    storage.save_for_layer(generate(other, node_defaults({"organisation": "X"})), other)
    con = sqlite3.connect(gpkg_copy)
    assert con.execute("SELECT count(*) FROM gpkg_metadata").fetchone() == (2,)
    con.close()
    assert storage.load_for_layer(layer).abstract == "Diperbarui."
    assert storage.load_for_layer(other).identifier == "JALAN_LN_250K"
    del layer, other
    assert all_checksums(gpkg_copy) == before                 # every layer's features, byte for byte

    # GDAL, an independent reader of the GeoPackage metadata extension, sees the record
    from osgeo import ogr
    ds = ogr.Open(gpkg_copy)
    md = ds.GetLayerByName("SUNGAI_LN_250K").GetMetadata()
    assert any("Diperbarui." in v and "MD_Metadata" in v for v in md.values()), list(md)
    ds = None


def test_shapefile_sidecar_and_foreign_sidecar_backup(qgis_app, shp_copy):
    before = all_checksums(shp_copy)
    sidecar = shp_copy + ".xml"
    arcgis = b"<?xml version='1.0'?><metadata xml:lang='en'><Esri><CreaDate>20220101</CreaDate></Esri></metadata>"
    with open(sidecar, "wb") as fh:
        fh.write(arcgis)
    layer = open_layer(shp_copy, name="JALAN_LN_10K")
    record = generate(layer, node_defaults({"organisation": "Bappeda Kota Tangerang"}))
    where = storage.save_for_layer(record, layer)
    assert where["sidecar"] == sidecar and where["gpkg"] == ""
    assert where["backup"] == sidecar + ".bak" and open(where["backup"], "rb").read() == arcgis   # … but kept
    assert storage.load_for_layer(layer) == record
    storage.save_for_layer(record, layer)                       # an ISO sidecar is simply replaced
    assert open(sidecar + ".bak", "rb").read() == arcgis
    assert all_checksums(shp_copy) == before
    # a sidecar named <stem>.xml is read too
    os.rename(sidecar, shp_copy[:-4] + ".xml")
    assert storage.load_for_layer(layer) == record


def test_foreign_sidecar_is_reported_not_crashed(qgis_app, shp_copy):
    with open(shp_copy + ".xml", "wb") as fh:
        fh.write(b"<metadata><Esri/></metadata>")
    layer = open_layer(shp_copy, name="JALAN_LN_10K")
    with pytest.raises(iso_reader.MetadataError, match="not an ISO 19139"):
        storage.load_for_layer(layer)


def test_geopackage_errors_are_clear(qgis_app, gpkg_copy, tmp_path):
    data = iso_writer.to_bytes(iso_reader.read_bytes(open(os.path.join(
        os.path.dirname(__file__), "data", "metadata", "geonetwork_iso19139.xml"), "rb").read()))
    with pytest.raises(storage.StorageError, match="no layer NOPE"):
        storage.write_gpkg_metadata(gpkg_copy, "NOPE", data)
    not_gpkg = tmp_path / "plain.gpkg"
    not_gpkg.write_bytes(b"this is not sqlite")
    with pytest.raises(storage.StorageError, match="not a GeoPackage"):
        storage.write_gpkg_metadata(str(not_gpkg), "X", data)
    with pytest.raises(storage.StorageError, match="does not exist"):
        storage.read_gpkg_metadata(str(tmp_path / "none.gpkg"), "X")
    assert storage.read_gpkg_metadata(gpkg_copy, "SUNGAI_LN_250K") is None      # no tables yet: nothing stored


def test_layer_not_in_a_file_cannot_be_saved_beside_it(qgis_app):
    from qgis.core import QgsVectorLayer
    mem = QgsVectorLayer("Point?crs=EPSG:4326", "memori", "memory")
    with pytest.raises(storage.StorageError, match="not stored in a file"):
        storage.save_for_layer(generate(mem), mem)
    assert storage.load_for_layer(mem) is None


def test_read_only_sample_data_is_never_written(qgis_app, sample_data_dir):
    """Opening and generating for the repository's own sample data writes nothing there."""
    layer, ds = sample_layer(sample_data_dir, "kalteng_sungai")
    before = sorted(os.listdir(os.path.join(sample_data_dir, "kalteng")))
    generate(layer, node_defaults(ds))
    storage.load_for_layer(layer)
    assert sorted(os.listdir(os.path.join(sample_data_dir, "kalteng"))) == before


def test_geopackage_opened_without_a_layer_name(qgis_app, gpkg_copy):
    """QGIS opens a GeoPackage given as a bare path on its first feature table; that is the table used."""
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(gpkg_copy, "kalteng", "ogr")
    assert layer.isValid()
    record = generate(layer, node_defaults({"organisation": "Bappeda Provinsi Kalimantan Tengah"}))
    assert record.identifier == "ADMINISTRASIKABKOTA_AR_250K" and record.feature_count == str(layer.featureCount())
    where = storage.save_for_layer(record, layer)
    assert where["table"] == "ADMINISTRASIKABKOTA_AR_250K"
    assert where["sidecar"].endswith("kalteng_ADMINISTRASIKABKOTA_AR_250K.xml")


def test_validator_checks_the_record_stored_with_a_layer(qgis_app, gpkg_copy, shp_copy):
    from sdi_plugin.core.metadata import check_metadata_for_layer
    layer = open_layer(gpkg_copy, "JALAN_LN_250K")
    missing = check_metadata_for_layer(layer)
    assert len(missing) == 1 and missing[0].rule == "meta.complete" and missing[0].severity == "error"
    assert "kalteng_JALAN_LN_250K.xml" in missing[0].message and "GeoPackage" in missing[0].message
    record = generate(layer, node_defaults({"organisation": "Bappeda Provinsi Kalimantan Tengah"}))
    storage.write_gpkg_metadata(gpkg_copy, "JALAN_LN_250K", iso_writer.to_bytes(record))   # tables only
    assert not [f for f in check_metadata_for_layer(layer) if f.severity == "error"]

    shp = open_layer(shp_copy, name="JALAN_LN_10K")
    assert check_metadata_for_layer(shp)[0].details["looked_for"] == shp_copy + ".xml"
    record = generate(shp, node_defaults({"organisation": "Bappeda Kota Tangerang"}))
    record.abstract = ""
    storage.write_sidecar(record, shp_copy[:-4] + ".xml")                                  # <stem>.xml also counts
    found = check_metadata_for_layer(shp)
    assert [f.details.get("element") for f in found if f.severity == "error"] == ["abstract"]
