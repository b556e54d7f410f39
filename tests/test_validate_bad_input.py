"""Bad input gets a clear message, never a traceback: missing, unsupported, damaged and empty
files, a table without geometry, empty layers, unknown feature types; and a run canceled
half-way stops and says so."""
import os
import shutil

import pytest
from qgis.core import QgsFeedback, QgsVectorLayer

from sdi_plugin.core.validate import InputError, validate_batch, validate_layer, validate_path


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        validate_path(str(tmp_path / "tidak_ada.gpkg"))


@pytest.mark.parametrize("name,data", [("peta.tif", b"II*\x00" + b"\x00" * 64), ("catatan.txt", b"halo"),
                                       ("data.xlsx", b"PK\x03\x04")])
def test_unsupported_formats(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match="is not supported") as info:
        validate_path(str(path))
    assert "GeoPackage" in str(info.value) and "Shapefile" in str(info.value)


def test_damaged_files(tmp_path):
    bad = tmp_path / "rusak.gpkg"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(InputError, match="could not be opened") as info:
        validate_path(str(bad))
    assert "rusak.gpkg" in str(info.value)
    empty = tmp_path / "kosong.gpkg"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        validate_path(str(empty))
    shp = tmp_path / "JALAN_LN_10K.shp"
    shp.write_bytes(b"\x00\x00\x27\x0a" + b"\x01" * 96)
    with pytest.raises(InputError, match="could not be opened"):
        validate_path(str(shp))


def test_no_such_layer_and_a_folder_given_as_a_file(sample_data_dir):
    with pytest.raises(InputError, match="has no layer called TIDAK_ADA"):
        validate_path(os.path.join(sample_data_dir, "kalteng", "kalteng.gpkg"), "TIDAK_ADA")
    with pytest.raises(InputError, match="is a folder"):
        validate_path(sample_data_dir)


def test_a_table_without_geometry_is_refused(tmp_path):
    csv = tmp_path / "tabel.csv"
    csv.write_text("FCODE,NAMOBJ\nKA01070010,Pasar\n")
    layer = QgsVectorLayer(str(csv), "tabel", "ogr")
    assert layer.isValid()
    with pytest.raises(InputError, match="without geometry"):
        validate_layer(layer)


def test_an_empty_layer_says_so(tmp_path):
    from test_validate_rules import CORE, write_gpkg
    path = write_gpkg(tmp_path / "e.gpkg", "JALAN_LN_10K", "LineString", "EPSG:9488", CORE, [])
    result = validate_path(path).results[0]
    (empty,) = [f for f in result.findings if f.rule == "geom.empty"]
    assert empty.feature_id is None and "no features" in empty.message


def test_unknown_feature_type_override(sample_data_dir):
    path = os.path.join(sample_data_dir, "tangerang", "JALAN_LN_10K.shp")
    with pytest.raises(InputError, match="FEATURE_TYPE XX99999999"):
        validate_path(path, feature_type="XX99999999")
    # a known one is used instead of the FCODE: the roads are then not parcels
    found = validate_path(path, feature_type="LA03100010").results[0].findings
    assert {"kugi.geometry_type", "kugi.fcode", "kugi.layer_name"} <= {f.rule for f in found}


def test_batch_goes_on_past_unreadable_files(sample_data_dir, tmp_path):
    folder = tmp_path / "campur"
    folder.mkdir()
    shutil.copy(os.path.join(sample_data_dir, "latihan", "geom_valid.gpkg"), folder / "geom_valid.gpkg")
    (folder / "rusak.gpkg").write_bytes(b"bukan geopackage")
    (folder / "catatan.txt").write_text("bukan data")
    (folder / "laporan.json").write_text('{"bukan": "geojson"}')
    report = validate_batch(str(folder))
    by_label = {r.label: r for r in report.results}
    assert set(by_label) == {"rusak.gpkg", "geom_valid.gpkg | PERSIL_AR_1K"}
    (bad,) = by_label["rusak.gpkg"].findings
    assert bad.rule == "dataset.readable" and "could not be opened" in bad.message
    assert any("catatan.txt" in s for s in report.skipped) and any("laporan.json" in s for s in report.skipped)
    with pytest.raises(InputError, match="does not exist"):
        validate_batch(str(tmp_path / "tidak_ada"))


class CancelAt(QgsFeedback):
    """A real QgsFeedback that the 'user' cancels once progress passes ``at`` percent."""

    def __init__(self, at):
        super().__init__()
        self.at = at
        self.seen = []
        self.progressChanged.connect(self._progress)

    def _progress(self, value):
        self.seen.append(value)
        if value >= self.at:
            self.cancel()


def test_cancel_mid_run(sample_data_dir, tmp_path):
    from bench_layer import make_parcels
    path = make_parcels(str(tmp_path / "persil.gpkg"), 6000)
    layer = QgsVectorLayer(path + "|layername=PERSIL_AR_1K", "p", "ogr")
    full = validate_layer(layer)
    assert not full.canceled and any(f.rule == "topo.overlap" for f in full.findings)
    fb = CancelAt(30)
    result = validate_layer(layer, feedback=fb)
    assert result.canceled and fb.isCanceled()
    assert max(fb.seen) < 60                                      # it stopped soon after
    assert len(result.findings) < len(full.findings)
    batch = validate_batch(sample_data_dir, feedback=CancelAt(20))
    assert batch.canceled and len(batch.results) < 30
