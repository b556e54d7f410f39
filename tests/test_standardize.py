"""Standardise to KUGI (issue 13): feature-type search and suggestions, the field map, domain
matching, and ``sdi:standardizedataset`` on raw regional datasets of several themes, encodings
and reference systems (tests/raw_data.py) — each must then validate with 0 errors, with FCODE,
SRS_ID and METADATA filled, its text intact and its source files byte for byte unchanged."""
import copy
import hashlib
import json
import os
import subprocess

import pytest
from qgis.core import (QgsFeature, QgsField, QgsGeometry, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from raw_data import make_raw

from sdi_plugin.core.standards.kugi import Kugi
from sdi_plugin.core.standardize import (auto_field_map, match_domain, parse_field_map, plan_standardization,
                                         resolve_field_map, search_feature_types, standardize_dataset,
                                         suggest_feature_types, suggest_output_path)
from sdi_plugin.core.standards.pack import KUGI_FILE, read_json
from sdi_plugin.core.validate import InputError
from sdi_plugin.core.validate.context import catalogue
from sdi_plugin.core.validate.metadata_seam import file_identifier, find_metadata
from sdi_plugin.core.validate.sources import open_ref, ref_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QGIS_PROCESS = os.path.join(ROOT, "tools", "qgis_process")
NODE = {"organisation": "Bappeda Kabupaten Paser", "individual": "Rina Wulandari", "email": "gis@paserkab.go.id",
        "node_code": "PASER", "city": "Tanah Grogot"}
NAME_FIELDS = {"fcode", "name", "alias"}


def _run(alg, params):
    import processing
    return processing.run(alg, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())


def digests(files):
    out = {}
    for path in files:
        with open(path, "rb") as fh:
            out[path] = hashlib.sha256(fh.read()).hexdigest()
    return out


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    return make_raw(str(tmp_path_factory.mktemp("raw")))


@pytest.fixture(scope="module")
def defaults_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("node") / "node.json"
    path.write_text(json.dumps(NODE), encoding="utf-8")
    return str(path)


def _layer(ds):
    return open_ref(ref_for(ds.path, ds.layer if ds.path.endswith(".gpkg") else None))


def _values(layer, name):
    idx = layer.fields().lookupField(name)
    assert idx >= 0, name
    return [f.attributes()[idx] for f in layer.getFeatures()]


# -- the picker ----------------------------------------------------------------------------
def test_search_by_name_fcode_alias_scale_and_geometry():
    first = search_feature_types("persil")[0]
    assert first.feature_type.layer == "PERSIL_AR_1K" and first.field == "name"
    assert search_feature_types("LA0310")[0].field == "fcode"
    assert search_feature_types("ADMINISTRASI_AR_DESAKEL")[0].feature_type.fcode == "BA03070040"
    assert search_feature_types("ADMINISTRASI_AR_DESAKEL")[0].field == "alias"
    assert {m.feature_type.scale for m in search_feature_types("1:25.000", limit=0)} == {"06"}
    assert [m.feature_type.layer for m in search_feature_types("jalan 25k")][:1] == ["JALAN_LN_25K"]
    assert search_feature_types("jalan", geometry="AR") == []
    assert all(m.feature_type.geometry == "LN" for m in search_feature_types("", geometry="LN", limit=0))
    assert search_feature_types("bidang")[0].field == "definition"
    assert search_feature_types("tidak-ada-yang-cocok") == []


def test_name_matches_rank_above_definition_matches():
    data = copy.deepcopy(read_json(KUGI_FILE))
    extra = copy.deepcopy(next(f for f in data["feature_types"] if f["fcode"] == "CA02070160"))
    extra.update(fcode="CA02070999", type_name="TROTOAR_LN", layer="TROTOAR_LN_10K", theme="TROTOAR", aliases=[],
                 definition="Trotoar di tepi jalan (garis), 1:10.000")
    data["feature_types"].append(extra)      # last in the catalogue, matched only by its definition
    kugi = Kugi.from_dict(data)
    found = search_feature_types("jalan", limit=0, kugi=kugi)
    assert found[-1].feature_type.fcode == "CA02070999" and found[-1].field == "definition"
    assert {m.feature_type.theme for m in found[:-1]} == {"JALAN"}
    assert all(m.field in NAME_FIELDS for m in found[:-1])
    for query in ("jalan", "desa", "garis", "tanah", "administrasi", "kecamatan", "lahan", "sungai", "area"):
        fields = [m.field for m in search_feature_types(query, limit=0)]
        seen_definition = False
        for f in fields:
            seen_definition = seen_definition or f == "definition"
            assert not (seen_definition and f in NAME_FIELDS), (query, fields)


def test_suggestions_from_name_geometry_and_fields(raw):
    persil = suggest_feature_types(_layer(raw["persil"]))
    assert persil[0].feature_type.layer == "PERSIL_AR_1K" and persil[0].reasons
    desa = suggest_feature_types(_layer(raw["desa"]))
    assert desa[0].feature_type.theme == "ADMINISTRASIDESA"
    assert all(m.feature_type.geometry == "AR" for m in desa)
    jalan = suggest_feature_types(_layer(raw["jalan"]))
    assert jalan and all(m.feature_type.theme == "JALAN" for m in jalan[:3])
    assert suggest_feature_types(_layer(raw["toponimi"]))[0].feature_type.theme == "TOPONIMI"
    blank = QgsVectorLayer("Point?crs=EPSG:9470&field=a:string", "xyz_123", "memory")
    assert suggest_feature_types(blank) == []
    # the validator's expectation counts
    from sdi_plugin.core.findings import Finding
    hint = [Finding("kugi.layer_name", "warning", "m", details={"expected": "SUNGAI_LN_25K"})]
    line = QgsVectorLayer("LineString?crs=EPSG:9470&field=a:string", "data_2024", "memory")
    assert suggest_feature_types(line, findings=hint)[0].feature_type.layer == "SUNGAI_LN_25K"


# -- the field map ---------------------------------------------------------------------------
def test_auto_field_map_by_name_alias_and_similarity(raw):
    kugi = catalogue()
    by_layer = {ft.layer: ft for ft in kugi.feature_types.values()}
    for key, ds in raw.items():
        fm = auto_field_map(_layer(ds), by_layer[ds.feature_type])
        assert set(ds.field_map.items()) <= set(fm.pairs), (key, fm.pairs)
        assert parse_field_map(fm.to_text()) == [(s, t.upper()) for s, t in fm.pairs]
    persil = by_layer["PERSIL_AR_1K"]
    fm = auto_field_map(["NAMOBJ", "Kecamatn", "luas_m2", "FCODE", "fid", "warna"], persil)
    assert dict(fm.pairs) == {"NAMOBJ": "NAMOBJ", "Kecamatn": "WADMKC", "luas_m2": "LUAS"}
    assert fm.how == {"NAMOBJ": "name", "WADMKC": "similar", "LUAS": "alias"}
    assert fm.unmapped == ["warna"]
    rows = {r["target"]: r for r in fm.rows(persil)}
    assert rows["FCODE"]["how"] == "auto" and rows["NIB"]["source"] == "" and rows["WADMKC"]["source"] == "Kecamatn"
    assert rows["NAMOBJ"]["length"] == 250 and rows["LUAS"]["type"] == "Double"
    # a road's own name attribute wins over the core NAMOBJ
    assert dict(auto_field_map(["nama_jalan"], kugi.feature_type("CA02040160")).pairs) == {"nama_jalan": "NAMRJL"}


def test_field_map_text_is_checked(raw):
    ft = catalogue().feature_type("LA03100010")
    layer = _layer(raw["persil"])
    fm = resolve_field_map("nama=namobj , kecamatan=WADMKD", layer.fields(), ft)
    assert fm.pairs == [("nama", "NAMOBJ"), ("kecamatan", "WADMKD")] and fm.unmapped == ["jenis"]
    assert resolve_field_map("nama=FCODE", layer.fields(), ft).notes      # filled by Simpul: ignored, said so
    for bad in ("nama", "nama=", "tidakada=NAMOBJ", "nama=TIDAKADA", "nama=NAMOBJ,jenis=NAMOBJ"):
        with pytest.raises(InputError):
            resolve_field_map(bad, layer.fields(), ft)


def test_coded_values_matched_to_the_domain():
    attr = catalogue().feature_type("BA03070040").attribute("TIPADM")
    mapping, unmatched = match_domain(["Desa", " DESA ", "kelurahan", "Kelurâhan", "2", 1.0, "Dusun", None, ""], attr)
    assert mapping == {"Desa": "1", " DESA ": "1", "kelurahan": "2", "Kelurâhan": "2", "2": "2", 1.0: "1"}
    assert unmatched == ["Dusun"]


def test_plan_lists_unmatched_codes_and_the_run_reports_them(tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:9490", "batas_desa", "memory")
    layer.dataProvider().addAttributes([QgsField("desa", QVariant.String), QgsField("tipe", QVariant.String)])
    layer.updateFields()
    feats = []
    for i, (name, tipe) in enumerate((("Senaken", "Desa"), ("Janju", "Dusun"), ("Pepara", "kelurahan"))):
        f = QgsFeature(layer.fields())
        f.setAttributes([name, tipe])
        f.setGeometry(QgsGeometry.fromWkt("POLYGON((%d 9790000, %d 9790000, %d 9791000, %d 9791000, %d 9790000))" % (
            410000 + i * 1000, 411000 + i * 1000, 411000 + i * 1000, 410000 + i * 1000, 410000 + i * 1000)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    plan = plan_standardization(layer, "ADMINISTRASIDESA_AR_10K")
    assert plan.feature_type.fcode == "BA03070040" and plan.output_name == "ADMINISTRASIDESA_AR_10K"
    assert plan.unmatched_codes == {"TIPADM": ["Dusun"]} and not plan.problems
    assert plan_standardization(layer, "JALAN_LN_25K").problems        # wrong geometry, said before any run
    result = standardize_dataset(layer, str(tmp_path / "desa.gpkg"), "BA03070040", defaults=NODE)
    summary = result.to_dict()
    assert summary["unmatched_codes"] == {"TIPADM": ["Dusun"]} and summary["not_converted"] == {"TIPADM": 1}
    assert len(summary["warnings"]) == 2 and all("TIPADM" in w for w in summary["warnings"])
    out = QgsVectorLayer(result.uri, "o", "ogr")
    assert _values(out, "TIPADM") == [1, None, 2]


def test_bad_input_is_refused_clearly(raw, tmp_path):
    layer = _layer(raw["persil"])
    with pytest.raises(InputError, match="polygon"):
        standardize_dataset(layer, str(tmp_path / "a.gpkg"), "JALAN_LN_25K")
    with pytest.raises(InputError, match="FEATURE_TYPE"):
        standardize_dataset(layer, str(tmp_path / "a.gpkg"), "BUKAN_KUGI")
    with pytest.raises(InputError, match=".csv"):
        standardize_dataset(layer, str(tmp_path / "a.csv"), "PERSIL_AR_1K")
    with pytest.raises(InputError):
        standardize_dataset(layer, raw["persil"].path, "PERSIL_AR_1K")
    nothing = QgsVectorLayer("Point?crs=EPSG:9470&field=a:string", "xyz_123", "memory")
    with pytest.raises(InputError, match="FEATURE_TYPE"):
        standardize_dataset(nothing, str(tmp_path / "b.gpkg"))
    assert not os.path.exists(tmp_path / "a.gpkg") and not os.path.exists(tmp_path / "b.gpkg")


def test_suggested_output_path_is_new_and_beside_the_source(raw):
    ft = catalogue().feature_type("LA03100010")
    path = suggest_output_path(raw["persil"].path, ft)
    assert os.path.dirname(path) == os.path.dirname(raw["persil"].path)
    assert os.path.basename(path) == "PERSIL_AR_1K.gpkg" and not os.path.exists(path)
    open(path, "w").close()
    try:
        assert os.path.basename(suggest_output_path(raw["persil"].path, ft)) == "PERSIL_AR_1K_2.gpkg"
    finally:
        os.remove(path)


# -- the algorithm on raw datasets -----------------------------------------------------------
SUGGESTED = {"persil", "desa", "toponimi", "tutupan"}     # FEATURE_TYPE left empty: the suggestion is used
LEGACY = {23880: "EPSG:9490", 23890: "EPSG:9490", 4755: "EPSG:9470", 23837: "EPSG:9470"}   # DGN95, ID74 -> SRGI2013


@pytest.mark.parametrize("key", ["persil", "jalan", "toponimi", "desa", "tutupan", "sungai", "batas"])
def test_raw_dataset_standardised_validates_clean(sdi_provider, raw, defaults_file, tmp_path, key):
    ds = raw[key]
    before = digests(ds.files)
    params = {"INPUT": ds.uri, "OUTPUT": str(tmp_path / ("%s_kugi.gpkg" % key)), "DEFAULTS": defaults_file,
              "OUTPUT_SUMMARY": str(tmp_path / "summary.json")}
    if key not in SUGGESTED:
        params["FEATURE_TYPE"] = ds.feature_type
    res = _run("sdi:standardizedataset", params)
    summary = json.loads(res["SUMMARY"])
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8")) == summary
    assert summary["feature_type"]["layer"] == ds.feature_type
    assert summary["feature_type"]["how"] == ("suggested" if key in SUGGESTED else "given")
    assert set(map(tuple, ds.field_map.items())) <= set(map(tuple, summary["field_map"]))
    assert summary["unmatched_codes"] == {} and summary["metadata"]["generated"] is True
    assert summary["warnings"] == []
    assert sum(res["METADATA_ID"] in note for note in summary["notes"]) == 1     # said once: generated
    assert res["OUTPUT"] == params["OUTPUT"] and res["FEATURES"] == _layer(ds).featureCount() > 0

    out = QgsVectorLayer(res["OUTPUT_LAYER"], "out", "ogr")
    assert out.isValid() and out.name() == "out"
    assert res["OUTPUT_LAYER"].endswith("|layername=%s" % ds.feature_type)
    fcode = res["FEATURE_TYPE"]
    assert catalogue().feature_type(fcode).layer == ds.feature_type
    assert set(_values(out, "FCODE")) == {fcode}
    assert set(_values(out, "METADATA")) == {res["METADATA_ID"]} and res["METADATA_ID"]
    srs = set(_values(out, "SRS_ID"))
    assert len(srs) == 1 and next(iter(srs)) == summary["srs_id"] != ""
    if ds.epsg in LEGACY:                 # legacy datums: to SRGI2013, SRS_ID as BIG writes it
        assert summary["crs"] == LEGACY[ds.epsg] and srs == {"SRGI 2013"}
    for source, texts in ds.texts.items():
        target = dict(map(tuple, summary["field_map"])).get(source, source)
        assert _values(out, target) == texts, (source, target)
    for attr, codes in ds.codes.items():
        source = next(s for s, t in ds.field_map.items() if t == attr)
        assert _values(out, attr) == [int(codes[v]) for v in _values(_layer(ds), source)]
    if key == "tutupan":                  # areas written the Indonesian way, read as numbers
        assert _values(out, "LUASHA") == [1234.5, 880.25, 12.0]
    if ds.bow_ties:
        assert summary["fixes"]["made_valid"] == ds.bow_ties
        assert all(f.geometry().isGeosValid() for f in out.getFeatures())
    assert os.path.isfile(summary["metadata"]["file"])
    # the validator finds the record where it was written (so METADATA is compared with it)
    out_ref = ref_for(res["OUTPUT"], ds.feature_type)
    assert find_metadata(out_ref) == summary["metadata"]["file"]
    assert file_identifier(summary["metadata"]["file"]) == res["METADATA_ID"]
    del out

    report = tmp_path / "report.json"
    val = _run("sdi:validatedataset", {"INPUT": res["OUTPUT_LAYER"], "OUTPUT_JSON": str(report)})
    doc = json.loads(report.read_text(encoding="utf-8"))
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert val["ERRORS"] == 0, (val["BY_RULE"], errors)
    assert val["FEATURE_TYPE"] == fcode
    assert digests(ds.files) == before          # the source, byte for byte


def test_value_maps_travel_with_the_geopackage_and_the_shapefile(sdi_provider, raw, defaults_file, tmp_path):
    ds = raw["desa"]
    for name in ("desa.gpkg", "hasil_desa.shp"):
        res = _run("sdi:standardizedataset", {"INPUT": ds.uri, "OUTPUT": str(tmp_path / name),
                                              "DEFAULTS": defaults_file})
        if name.endswith(".shp"):     # a Shapefile's name is its layer name: written under the KUGI name
            assert res["OUTPUT"] == str(tmp_path / "ADMINISTRASIDESA_AR_10K.shp")
            assert os.path.isfile(tmp_path / "ADMINISTRASIDESA_AR_10K.qml")
            assert not os.path.exists(tmp_path / name)
        layer = QgsVectorLayer(res["OUTPUT_LAYER"], "fresh", "ogr")     # a fresh open loads the default style
        setup = layer.editorWidgetSetup(layer.fields().lookupField("TIPADM"))
        assert setup.type() == "ValueMap"
        pairs = {k: v for item in setup.config()["map"] for k, v in item.items()}
        assert pairs == {"Desa": "1", "Kelurahan": "2"}
        assert _values(layer, "WADMKD") == ds.texts["desa"]
        val = _run("sdi:validatedataset", {"INPUT": res["OUTPUT_LAYER"]})
        assert val["ERRORS"] == 0, val["BY_RULE"]


def test_given_metadata_record_is_referred_to(sdi_provider, raw, tmp_path):
    from sdi_plugin.core.metadata.defaults import load_defaults
    from sdi_plugin.core.metadata.generate import generate
    from sdi_plugin.core.metadata.iso_writer import to_bytes
    ds = raw["jalan"]
    record = generate(_layer(ds), dict(load_defaults(), **NODE), values={"file_identifier": "PASER_JALAN_2019"})
    xml = tmp_path / "jalan_metadata.xml"
    xml.write_bytes(to_bytes(record))
    before = xml.read_bytes()
    res = _run("sdi:standardizedataset", {"INPUT": ds.uri, "FEATURE_TYPE": "CA02060160", "METADATA": str(xml),
                                          "FIELD_MAP": "nama_jalan=NAMOBJ,jenis=JNSJLN",
                                          "OUTPUT": str(tmp_path / "jalan.gpkg")})
    assert res["METADATA_ID"] == "PASER_JALAN_2019"
    summary = json.loads(res["SUMMARY"])
    assert summary["metadata"]["generated"] is False
    assert summary["field_map"] == [["nama_jalan", "NAMOBJ"], ["jenis", "JNSJLN"]]
    assert "status" in summary["kept_fields"]
    out = QgsVectorLayer(res["OUTPUT_LAYER"], "o", "ogr")
    assert set(_values(out, "METADATA")) == {"PASER_JALAN_2019"}
    assert _values(out, "STSJLN") == [None] * 4 and _values(out, "status") == ["Kabupaten"] * 4
    assert xml.read_bytes() == before
    assert _run("sdi:validatedataset", {"INPUT": res["OUTPUT_LAYER"]})["ERRORS"] == 0


def test_the_source_is_never_the_output(sdi_provider, raw, tmp_path):
    for ds in (raw["persil"], raw["desa"]):
        before = digests(ds.files)
        with pytest.raises(QgsProcessingException):
            _run("sdi:standardizedataset", {"INPUT": ds.uri, "FEATURE_TYPE": ds.feature_type, "OUTPUT": ds.path})
        assert digests(ds.files) == before


def test_qgis_process_standardises_the_raw_parcels(raw, defaults_file, tmp_path):
    ds = raw["persil"]
    before = digests(ds.files)
    out = tmp_path / "persil_standar.gpkg"
    proc = subprocess.run([QGIS_PROCESS, "--json", "run", "sdi:standardizedataset", "--", "INPUT=%s" % ds.path,
                           "OUTPUT=%s" % out, "DEFAULTS=%s" % defaults_file], capture_output=True, text=True,
                          timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:] + proc.stdout[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["FEATURE_TYPE"] == "LA03100010" and results["FEATURES"] == 5
    summary = json.loads(results["SUMMARY"])
    assert summary["feature_type"]["how"] == "suggested" and summary["srs_id"] == "SRGI 2013"
    layer = QgsVectorLayer("%s|layername=PERSIL_AR_1K" % out, "p", "ogr")
    assert _values(layer, "NAMOBJ") == ds.texts["nama"]
    assert set(_values(layer, "METADATA")) == {results["METADATA_ID"]}
    assert _run("sdi:validatedataset", {"INPUT": "%s|layername=PERSIL_AR_1K" % out})["ERRORS"] == 0
    assert digests(ds.files) == before


def test_feature_type_by_name_and_ambiguity(raw, tmp_path):
    layer = _layer(raw["jalan"])
    with pytest.raises(InputError, match="JALAN_LN_10K"):          # JALAN_LN has several scales: say which
        standardize_dataset(layer, str(tmp_path / "j.gpkg"), "JALAN_LN")
    plan = plan_standardization(_layer(raw["desa"]), "ADMINISTRASI_AR_DESAKEL")      # a KUGI alias
    assert plan.feature_type.fcode == "BA03070040" and plan.how == "given"


def test_numbers_in_local_writing():
    from sdi_plugin.core.standardize.run import convert
    assert convert("1.234,5", "Double") == (1234.5, True)
    assert convert("1,234.5", "Double") == (1234.5, True)
    assert convert("12,5", "Double") == (12.5, True)
    assert convert("1.250.000", "Integer") == (1250000, True)
    assert convert(" 7 ", "Integer") == (7, True)
    assert convert("7,5", "Integer") == (None, False)
    assert convert("dua", "Double") == (None, False)
    assert convert(3.0, "String") == ("3", True)
    assert convert(None, "Integer") == (None, True)


def test_data_without_reference_system_gets_assign_crs(sdi_provider, raw, defaults_file, tmp_path):
    import shutil
    ds = raw["toponimi"]
    folder = tmp_path / "tanpa_prj"
    folder.mkdir()
    for f in ds.files:
        if not f.endswith(".prj"):
            shutil.copy(f, folder / os.path.basename(f))
    src = str(folder / os.path.basename(ds.path))
    without = _run("sdi:standardizedataset", {"INPUT": src, "FEATURE_TYPE": "KA01070010", "DEFAULTS": defaults_file,
                                              "OUTPUT": str(tmp_path / "a.gpkg")})
    assert _run("sdi:validatedataset", {"INPUT": without["OUTPUT_LAYER"]})["ERRORS"] > 0     # crs.accepted
    res = _run("sdi:standardizedataset", {"INPUT": src, "FEATURE_TYPE": "KA01070010", "DEFAULTS": defaults_file,
                                          "ASSIGN_CRS": "EPSG:4326", "TARGET_CRS": "EPSG:9470",
                                          "OUTPUT": str(tmp_path / "b.gpkg")})
    summary = json.loads(res["SUMMARY"])
    assert summary["crs"] == "EPSG:9470" and summary["srs_id"] == "SRGI 2013"
    assert _run("sdi:validatedataset", {"INPUT": res["OUTPUT_LAYER"]})["ERRORS"] == 0


def test_the_dataset_s_own_metadata_identifier_is_kept(tmp_path):
    layer = QgsVectorLayer("Point?crs=EPSG:9470&field=nama:string&field=METADATA:string", "toponimi_pt", "memory")
    f = QgsFeature(layer.fields())
    f.setAttributes(["Long Kali", "TOPONIMI_PASER_2023"])
    f.setGeometry(QgsGeometry.fromWkt("POINT (116.1 -1.9)"))
    layer.dataProvider().addFeatures([f])
    result = standardize_dataset(layer, str(tmp_path / "t.gpkg"), "KA01070010", defaults=NODE)
    assert result.metadata_id == "TOPONIMI_PASER_2023" and result.metadata_generated
    assert file_identifier(result.metadata_path) == "TOPONIMI_PASER_2023"


def test_node_defaults_remembered_on_the_metadata_page_are_used(sdi_provider, raw, defaults_file, tmp_path):
    from qgis.core import QgsSettings
    from sdi_plugin.core.standardize.run import DEFAULTS_KEY
    ds = raw["toponimi"]
    settings = QgsSettings()
    old = settings.value(DEFAULTS_KEY, None)
    try:
        settings.remove(DEFAULTS_KEY)
        bare = _run("sdi:standardizedataset", {"INPUT": ds.uri, "OUTPUT": str(tmp_path / "a.gpkg")})
        warnings = json.loads(bare["SUMMARY"])["warnings"]
        assert len(warnings) == 1 and "DEFAULTS" in warnings[0]        # no contact known: said, not hidden
        val = _run("sdi:validatedataset", {"INPUT": bare["OUTPUT_LAYER"]})
        assert json.loads(val["BY_RULE"]).get("meta.complete") and val["ERRORS"] == 1
        settings.setValue(DEFAULTS_KEY, defaults_file)                 # picked once on the Metadata page
        res = _run("sdi:standardizedataset", {"INPUT": ds.uri, "OUTPUT": str(tmp_path / "b.gpkg")})
        assert json.loads(res["SUMMARY"])["warnings"] == []
        assert _run("sdi:validatedataset", {"INPUT": res["OUTPUT_LAYER"]})["ERRORS"] == 0
    finally:
        if old is None:
            settings.remove(DEFAULTS_KEY)
        else:
            settings.setValue(DEFAULTS_KEY, old)


@pytest.mark.parametrize("name,geometry,theme", [
    ("bidang_tanah_2020", "Polygon", "PERSIL"), ("jln_kab_paser", "LineString", "JALAN"),
    ("kali_dan_anak_sungai", "LineString", "SUNGAI"), ("landcover_2021", "Polygon", "PENUTUPLAHAN"),
    ("nama_tempat_paser", "Point", "TOPONIMI"), ("kantor_desa", "Point", "PEMERINTAHAN"),
    ("batas_kecamatan", "Polygon", "ADMINISTRASIKECAMATAN"), ("garis_batas_kab", "LineString", "ADMINISTRASI")])
def test_everyday_words_in_file_names_point_to_the_theme(name, geometry, theme):
    layer = QgsVectorLayer("%s?crs=EPSG:9470&field=x:string" % geometry, name, "memory")
    found = suggest_feature_types(layer)
    assert found and found[0].feature_type.theme == theme, [m.feature_type.layer for m in found]


class _CancelAt(QgsProcessingFeedback):
    """Cancels itself once progress passes ``at`` percent."""

    def __init__(self, at):
        super().__init__()
        self.at = at

    def setProgress(self, value):  # noqa: N802 (Qt's name)
        super().setProgress(value)
        if value >= self.at:
            self.cancel()


@pytest.mark.parametrize("at", [0, 62])   # before the fixes; while writing the output
def test_a_canceled_run_leaves_no_output(raw, tmp_path, at):
    ds = raw["persil"]
    before = digests(ds.files)
    out = tmp_path / "persil.gpkg"
    with pytest.raises(InputError):
        standardize_dataset(_layer(ds), str(out), "PERSIL_AR_1K", defaults=NODE, feedback=_CancelAt(at))
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert digests(ds.files) == before


def test_a_repaired_bow_tie_in_a_single_part_layer_makes_a_multi_part_output(tmp_path):
    from osgeo import ogr
    from qgis.core import QgsWkbTypes
    from raw_data import X0, Y0, _bow_tie, _square, _write
    src = str(tmp_path / "bidang.gpkg")
    _write(src, "bidang", 9490, ogr.wkbPolygon, [("nama", ogr.OFTString, 30)],
           [(["A"], _bow_tie(X0, Y0, 40)), (["B"], _square(X0 + 100, Y0, 40, 40))], driver="GPKG")
    ref = ref_for(src, "bidang")
    result = standardize_dataset(open_ref(ref), str(tmp_path / "out.gpkg"), "PERSIL_AR_1K", ref=ref, defaults=NODE)
    out = QgsVectorLayer(result.uri, "o", "ogr")
    assert out.wkbType() == QgsWkbTypes.MultiPolygon      # a conformant GeoPackage: every feature fits the layer
    assert [QgsWkbTypes.flatType(f.geometry().wkbType()) for f in out.getFeatures()] == [QgsWkbTypes.MultiPolygon] * 2
    assert all(f.geometry().isGeosValid() for f in out.getFeatures())


def test_a_column_named_like_a_mapped_kugi_attribute_is_kept_not_lost(tmp_path):
    layer = QgsVectorLayer("Point?crs=EPSG:9470&field=nama:string&field=NAMOBJ:string&field=FCODE:string",
                           "toponimi", "memory")
    f = QgsFeature(layer.fields())
    f.setAttributes(["Long Kali", "kode lama 17", "XX00000000"])
    f.setGeometry(QgsGeometry.fromWkt("POINT (116.1 -1.9)"))
    layer.dataProvider().addFeatures([f])
    result = standardize_dataset(layer, str(tmp_path / "t.gpkg"), "KA01070010", "nama=NAMOBJ", defaults=NODE)
    out = QgsVectorLayer(result.uri, "o", "ogr")
    assert _values(out, "NAMOBJ") == ["Long Kali"] and _values(out, "NAMOBJ_0") == ["kode lama 17"]
    assert _values(out, "FCODE") == ["KA01070010"] and out.fields().lookupField("FCODE_0") < 0
    assert result.to_dict()["kept_fields"] == ["NAMOBJ"]


def test_standardising_again_into_the_same_geopackage_replaces_layer_and_form(raw, tmp_path):
    import sqlite3
    ds = raw["desa"]
    out = str(tmp_path / "desa.gpkg")
    for _ in range(2):        # the second run must not stop on QGIS's "overwrite the style?" question
        result = standardize_dataset(_layer(ds), out, "BA03070040", defaults=NODE)
    layer = QgsVectorLayer(result.uri, "o", "ogr")
    assert layer.featureCount() == 6
    assert layer.editorWidgetSetup(layer.fields().lookupField("TIPADM")).type() == "ValueMap"
    con = sqlite3.connect(out)
    try:
        assert con.execute("SELECT count(*), sum(useAsDefault) FROM layer_styles WHERE f_table_name = ?",
                           ("ADMINISTRASIDESA_AR_10K",)).fetchone() == (1, 1)
    finally:
        con.close()


def test_a_shapefile_output_may_not_replace_the_source_s_files(raw, tmp_path):
    ds = raw["persil"]
    before = digests(ds.files)
    layer = _layer(ds)
    for name in ("persil_desa_x.shp", "PERSIL_DESA_X.SHP"):
        target = os.path.join(os.path.dirname(ds.path), name)
        if os.path.normcase(target) != os.path.normcase(ds.path) and not os.path.exists(target):
            continue
        with pytest.raises(InputError):
            standardize_dataset(layer, target, "PERSIL_AR_1K", defaults=NODE)
    # a Shapefile named like a GeoPackage source beside it is no threat to the source
    desa = raw["desa"]
    folder = os.path.dirname(desa.path)
    out = os.path.join(folder, "batas_wilayah.shp")            # beside batas_wilayah.gpkg
    desa_before = digests(desa.files)
    result = standardize_dataset(_layer(desa), out, "BA03070040", defaults=NODE)
    try:
        assert os.path.basename(result.path) == "ADMINISTRASIDESA_AR_10K.shp"
        assert digests(desa.files) == desa_before and digests(ds.files) == before
    finally:
        for f in os.listdir(folder):
            if f.startswith("ADMINISTRASIDESA_AR_10K."):
                os.remove(os.path.join(folder, f))
