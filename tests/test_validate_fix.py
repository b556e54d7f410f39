"""Safe fixes (``fix_dataset``): written to a new dataset, the source untouched (checksums of
every file of it), and the fixed dataset validates clean where the fixes are safe."""
import hashlib
import json
import os

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from sdi_plugin.core.findings import INFO
from sdi_plugin.core.validate import InputError, validate_path
from sdi_plugin.core.validate.fix import fix_dataset
from sdi_plugin.core.validate.sources import open_ref, ref_for

SAFE = {"latihan_geom_valid", "latihan_crs_dgn95", "latihan_crs_dgn95_utm", "latihan_srs_id_kosong",
        "latihan_layer_name", "latihan_encoding_cpg_utf8", "latihan_encoding_tanpa_cpg"}


def digests(files):
    out = {}
    for path in files:
        with open(path, "rb") as fh:
            out[path] = hashlib.sha256(fh.read()).hexdigest()
    return out


@pytest.fixture(scope="module")
def manifest(sample_data_dir):
    with open(os.path.join(sample_data_dir, "manifest.json"), encoding="utf-8") as fh:
        return json.load(fh)


def dataset_ref(sample_data_dir, ds):
    return ref_for(os.path.join(sample_data_dir, ds["file"]), ds["layer"] if ds["format"] == "GPKG" else None)


def test_validate_and_fix_never_touch_the_source(sample_data_dir, manifest, tmp_path):
    for ds in manifest["datasets"]:
        if ds["publish"] and ds["format"] == "GPKG" and ds["region"] != "kalteng":
            continue                                    # the latihan ones, the Shapefiles and one region
        ref = dataset_ref(sample_data_dir, ds)
        files = ref.files
        assert files and all(os.path.exists(f) for f in files)
        before = digests(files)
        stamps = {f: os.stat(f).st_mtime_ns for f in files}
        validate_path(ref.path, ds["layer"] if ds["format"] == "GPKG" else None)
        layer = open_ref(ref)
        fix_dataset(layer, str(tmp_path / ("%s.gpkg" % ds["id"])), ref)
        del layer
        assert digests(files) == before, ds["id"]
        assert {f: os.stat(f).st_mtime_ns for f in files} == stamps, ds["id"]
        assert sorted(ref.files) == sorted(ref_for(ref.path, ds["layer"] if ds["format"] == "GPKG" else None).files)


def test_fixed_datasets_validate_clean_where_the_fixes_are_safe(sample_data_dir, manifest, tmp_path):
    latihan = {ds["id"]: ds for ds in manifest["datasets"] if not ds["publish"]}
    assert SAFE <= set(latihan)
    for ds_id, ds in latihan.items():
        ref = dataset_ref(sample_data_dir, ds)
        result = fix_dataset(open_ref(ref), str(tmp_path / (ds_id + ".gpkg")), ref)
        left = {f.rule for f in validate_path(result.path, result.layer_name).results[0].findings
                if f.severity != INFO}
        planted = {d["rule"] for d in ds["defects"]}
        if ds_id in SAFE:
            assert left == set(), (ds_id, left)
        else:
            assert left == planted, (ds_id, left)       # what is not safe to fix stays for the user


def test_dgn95_is_transformed_with_epsg_9472(sample_data_dir, manifest, tmp_path):
    by_id = {d["id"]: d for d in manifest["datasets"]}
    clean = QgsVectorLayer(os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg") + "|layername=JALAN_LN_10K",
                           "c", "ogr")
    for ds_id, crs in (("latihan_crs_dgn95", "EPSG:9470"), ("latihan_crs_dgn95_utm", "EPSG:9488")):
        ref = dataset_ref(sample_data_dir, by_id[ds_id])
        result = fix_dataset(open_ref(ref), str(tmp_path / (ds_id + ".gpkg")), ref)
        assert result.crs == crs and result.counts["transformed"] == by_id[ds_id]["feature_count"]
        assert any("DGN95 to SRGI2013 (1)" in n for n in result.notes)
    # the roads went SRGI2013 -> DGN95 (EPSG:9472 inverse) -> SRGI2013: back where they were
    fixed = QgsVectorLayer(str(tmp_path / "latihan_crs_dgn95.gpkg") + "|layername=JALAN_LN_10K", "f", "ogr")
    assert fixed.crs().authid() == "EPSG:9470"
    from qgis.core import QgsCoordinateTransform, QgsProject
    to_utm = QgsCoordinateTransform(fixed.crs(), QgsCoordinateReferenceSystem("EPSG:9488"), QgsProject.instance())
    originals = {f["NAMOBJ"]: f.geometry() for f in clean.getFeatures()}
    for f in fixed.getFeatures():
        g = f.geometry()
        g.transform(to_utm)
        assert g.hausdorffDistance(originals[f["NAMOBJ"]]) < 0.01, f["NAMOBJ"]


def test_text_is_reencoded_and_srs_id_filled(sample_data_dir, manifest, tmp_path):
    by_id = {d["id"]: d for d in manifest["datasets"]}
    ref = dataset_ref(sample_data_dir, by_id["latihan_encoding_tanpa_cpg"])
    result = fix_dataset(open_ref(ref), str(tmp_path / "toponimi.shp"), ref)
    assert result.counts["text_reencoded"] >= 6
    assert open(str(tmp_path / "toponimi.cpg")).read().strip().upper().replace("-", "") == "UTF8"
    names = [f["NAMOBJ"] + " " + f["REMARK"] for f in QgsVectorLayer(result.uri, "t", "ogr").getFeatures()]
    assert any("\u2019" in n for n in names)                     # the ’ of cp1252 0x92, now UTF-8
    assert not any("\x92" in n or "\ufffd" in n for n in names)
    ref = dataset_ref(sample_data_dir, by_id["latihan_srs_id_kosong"])
    result = fix_dataset(open_ref(ref), str(tmp_path / "srs.gpkg"), ref)
    assert result.counts["srs_id_filled"] == 6
    assert {f["SRS_ID"] for f in QgsVectorLayer(result.uri, "s", "ogr").getFeatures()} == {"SRGI 2013"}


def test_geometries_are_repaired_with_their_type(sample_data_dir, manifest, tmp_path):
    ds = next(d for d in manifest["datasets"] if d["id"] == "latihan_geom_valid")
    ref = dataset_ref(sample_data_dir, ds)
    result = fix_dataset(open_ref(ref), str(tmp_path / "persil.gpkg"), ref)
    assert result.counts["made_valid"] == 3 and result.counts["not_fixed"] == 0
    layer = QgsVectorLayer(result.uri, "p", "ogr")
    assert layer.featureCount() == 80 and layer.wkbType() == open_ref(ref).wkbType()
    assert all(f.geometry().isGeosValid() for f in layer.getFeatures())


def test_assign_crs_to_data_without_one(tmp_path):
    from test_validate_rules import CORE, core, write_gpkg
    gpkg = write_gpkg(tmp_path / "n.gpkg", "TOPONIMI_PT_10K", "Point", "", CORE,
                      [(core(fcode="KA01070010", srs=""), "Point(680000 9317000)")])
    layer = QgsVectorLayer(gpkg, "n", "ogr")
    kept = fix_dataset(layer, str(tmp_path / "kept.gpkg"))
    assert any("ASSIGN_CRS" in n for n in kept.notes)
    result = fix_dataset(layer, str(tmp_path / "a.gpkg"), assign_crs=QgsCoordinateReferenceSystem("EPSG:9488"))
    assert result.crs == "EPSG:9488"
    left = [f for f in validate_path(result.path).results[0].findings if f.severity != INFO]
    assert left == []                                            # CRS assigned, SRS_ID filled


def test_the_fix_refuses_to_write_onto_the_source(sample_data_dir, tmp_path):
    ref = ref_for(os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"))
    with pytest.raises(InputError, match="never writes to the source"):
        fix_dataset(open_ref(ref), ref.path, ref)
    with pytest.raises(InputError, match=r"\.gpkg\) or a Shapefile"):
        fix_dataset(open_ref(ref), str(tmp_path / "x.csv"), ref)


def test_an_existing_geopackage_keeps_its_other_layers(sample_data_dir, tmp_path):
    from test_validate_rules import CORE, core, write_gpkg
    target = write_gpkg(tmp_path / "kerja.gpkg", "CATATAN_PT_10K", "Point", "EPSG:9488", CORE,
                        [(core(fcode="KA01070010"), "Point(680000 9317000)")])
    ref = ref_for(os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"))
    result = fix_dataset(open_ref(ref), target, ref)
    from sdi_plugin.core.validate.sources import layer_names
    assert set(layer_names(target)) == {"CATATAN_PT_10K", result.layer_name}
