"""The national standards pack: KUGI, reference systems and the metadata profile, checked
against real PROJ (QGIS's) and lxml, plus the loader's handling of malformed files."""
import json
import os
import re
import shutil
import subprocess

import pytest
from lxml import etree
from qgis.core import QgsCoordinateReferenceSystem, QgsDatumTransform

from sdi_plugin.core.standards import pack as standards
from sdi_plugin.core.standards.pack import StandardsError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "resources", "standards")


def raw(name):
    with open(os.path.join(DIR, name), encoding="utf-8") as fh:
        return json.load(fh)


def epsg(*codes):
    return ["EPSG:%d" % c for c in codes]


# -- every file says what it is -------------------------------------------------------
@pytest.mark.parametrize("name", ["kugi.json", "crs.json", "metadata_profile.json"])
def test_file_has_provenance(name):
    data = raw(name)
    for key in ("name", "version", "source", "notes"):
        assert data[key], key
    assert data.get("compiled") or data.get("retrieved")
    assert any("verified" in n.lower() or "inferred" in n.lower() for n in data["notes"])


def test_files_are_found_through_the_plugin_folder():
    assert os.path.realpath(standards.KUGI_FILE) == os.path.realpath(os.path.join(DIR, "kugi.json"))
    assert standards.load_kugi() is standards.load_kugi()   # cached


# -- reference systems ---------------------------------------------------------------
def test_every_crs_is_valid_in_proj_with_its_recorded_name():
    systems = raw("crs.json")["systems"]
    assert len(systems) > 80
    for s in systems:
        crs = QgsCoordinateReferenceSystem(s["code"])
        assert crs.isValid(), s["code"]
        # QGIS 3.40 / PROJ 9.6 names some systems anew (EPSG:9529 with its vertical part); older PROJ's
        # name is kept in also_named, so the data holds on both releases
        assert crs.description() in [s["name"]] + s.get("also_named", []), (s["code"], crs.description())
        if s.get("target"):
            assert QgsCoordinateReferenceSystem(s["target"]).isValid(), s["target"]


SRGI = epsg(9470, 9469, 9468, *range(9476, 9483), *range(9487, 9495))
WGS84 = epsg(4326, *range(32646, 32655), *range(32746, 32755))
DGN95 = epsg(4755, *range(23866, 23873), *range(23877, 23885), *range(23830, 23846))
ID74 = epsg(4238, *range(23846, 23854), *range(23886, 23895))


@pytest.mark.parametrize("codes,status", [(SRGI, "accepted"), (WGS84, "warning"), (DGN95, "flagged"), (ID74, "flagged")])
def test_crs_status(codes, status):
    for code in codes:
        st = standards.crs_status(code)
        assert st.status == status, code
        assert st.name and st.label
        if status != "accepted":
            assert st.target and QgsCoordinateReferenceSystem(st.target).description().startswith("SRGI2013")
            assert st.transformation and st.transformation["steps"]


def test_crs_status_normalises_and_reports_unknown():
    assert standards.crs_status("epsg:4326").code == "EPSG:4326"
    assert standards.crs_status(" 9470 ").status == "accepted"
    assert standards.crs_status(QgsCoordinateReferenceSystem("EPSG:9488")).status == "accepted"
    web = standards.crs_status("EPSG:3857")
    assert web.status == "unknown" and web.target == "EPSG:9470"
    assert standards.crs_status("").status == "unknown"
    assert standards.crs_status(QgsCoordinateReferenceSystem()).status == "unknown"


def test_legacy_utm_zones_get_the_same_srgi2013_zone():
    assert standards.crs_status("EPSG:23867").target == "EPSG:9477"    # DGN95 47N
    assert standards.crs_status("EPSG:23880").target == "EPSG:9490"    # DGN95 50S
    assert standards.crs_status("EPSG:23849").target == "EPSG:9479"    # ID74 49N
    assert standards.crs_status("EPSG:32749").target == "EPSG:9489"    # WGS 84 49S
    assert standards.crs_status("EPSG:23886").target == "EPSG:9470"    # ID74 46S: no SRGI2013 46S


def _ops(src, dst):
    return QgsDatumTransform.operations(QgsCoordinateReferenceSystem(src), QgsCoordinateReferenceSystem(dst))


def test_dgn95_to_srgi2013_offers_epsg_9472():
    st = standards.crs_status("EPSG:4755")
    assert [s["code"] for s in st.transformation["steps"]] == ["EPSG:9472"]
    ops = _ops("EPSG:4755", "EPSG:9470")
    assert any((o.authority, o.code) == ("EPSG", "9472") for o in ops)
    assert all(o.isAvailable for o in ops)
    # the projected zones go through the same operation
    assert any("DGN95 to SRGI2013 (1)" in o.name for o in _ops("EPSG:23867", "EPSG:9477"))


def test_id74_goes_through_dgn95_as_recorded():
    st = standards.crs_status("EPSG:4238")
    assert [s["code"] for s in st.transformation["steps"]] == ["EPSG:15911", "EPSG:9472"]
    ops = _ops("EPSG:4238", "EPSG:9470")
    assert ops and all(not o.authority for o in ops)       # no single EPSG operation exists
    assert any("ID74 to DGN95 (1)" in o.name and "DGN95 to SRGI2013 (1)" in o.name for o in ops)


def test_every_legacy_system_has_a_proj_path_to_its_target():
    table = standards.load_crs()
    for code, s in table.systems.items():
        if s["status"] in ("warning", "flagged"):
            ops = _ops(code, s["target"])
            assert ops, code
            if s["datum"] in ("DGN95", "ID74"):
                steps = table.transformations[s["transformation"]]["steps"]
                assert any(all(step["name"] in o.name for step in steps) for o in ops), code


# -- FCODE and layer names -------------------------------------------------------------
@pytest.mark.parametrize("code,parts", [
    ("BA03070040", ("B", "A", "AR", "07", 10000, "0040")),
    ("GD01080040", ("G", "D", "PT", "08", 5000, "0040")),
    ("CA02040160", ("C", "A", "LN", "04", 100000, "0160")),
    (" CA02060160 ", ("C", "A", "LN", "06", 25000, "0160")),
])
def test_parse_good_fcode(code, parts):
    p = standards.parse_fcode(code)
    assert p and not p.reason
    assert (p.category, p.subtheme, p.geometry, p.scale, p.denominator, p.sequence) == parts


@pytest.mark.parametrize("code,hint", [
    ("BA0307004", "10 characters"),
    ("BA030700400", "has 11"),
    ("ba03070040", "capital letters"),
    ("B103070040", "capital letters"),
    ("BA0307O040", "eight digits"),
    ("BA04070040", "geometry"),
    ("BA03110040", "scale"),
    ("BA03000040", "scale"),
    ("NA03070040", "category"),
    ("", "empty"),
    (None, "empty"),
])
def test_parse_malformed_fcode(code, hint):
    p = standards.parse_fcode(code)
    assert not p and not p.ok
    assert hint in p.reason
    if code and len(code) == 10 and hint in ("geometry", "scale"):
        assert code[2:4] in p.reason or code[4:6] in p.reason     # says which digits are wrong


def test_parse_layer_names():
    p = standards.parse_layer_name("JALAN_LN_25K")
    assert p and p.as_tuple() == ("JALAN", "LN", "06")
    p = standards.parse_layer_name("ADMINISTRASI_LN")
    assert p and p.as_tuple() == ("ADMINISTRASI", "LN", None)
    p = standards.parse_layer_name("ADMINISTRASIDESA_AR_25K")
    assert p.as_tuple() == ("ADMINISTRASIDESA", "AR", "06")
    p = standards.parse_layer_name("ADMINISTRASI_LN_KABKOTA")
    assert p.as_tuple() == ("ADMINISTRASI", "LN", None) and p.qualifier == "KABKOTA"
    p = standards.parse_layer_name("SUNGAI_LN_25K_REVISI")
    assert p.as_tuple() == ("SUNGAI", "LN", "06") and p.qualifier == "REVISI"
    p = standards.parse_layer_name("jalan_ln_25k")
    assert p and not p.exact_case
    bad = standards.parse_layer_name("jalan baru final(2)")
    assert not bad and "jalan baru final(2)" in bad.reason and "THEME" in bad.reason
    assert "geometry" in standards.parse_layer_name("JALAN_25K").reason
    assert "theme" in standards.parse_layer_name("LN_25K").reason
    assert not standards.parse_layer_name("")


def test_feature_type_lookup_and_guess_from_layer():
    k = standards.load_kugi()
    ft = k.feature_type("BA03070040")
    assert ft.geometry == "AR" and ft.scale == "07" and k.category(ft.category)["name"] == "Batas Wilayah"
    assert [a.name for a in ft.required_attributes()] == ["FCODE", "SRS_ID", "METADATA"]
    assert k.for_layer("anything", "GD01080040").feature_type.fcode == "GD01080040"
    m = k.for_layer("JALAN_LN_25K")
    assert m.feature_type.fcode == "CA02060160" and m.method == "layer"
    m = k.for_layer("JALAN_LN_25K_2023")
    assert m.feature_type.fcode == "CA02060160" and m.method == "theme"
    assert k.for_layer("ADMINISTRASI_LN_KABKOTA").feature_type.fcode == "BA02050040"      # alias
    amb = k.for_layer("ADMINISTRASI_LN")                                                 # no scale: several
    assert amb.feature_type is None and len(amb.candidates) == 3 and "several" in amb.reasons[0]
    clash = k.for_layer("JALAN_PT", "CA02040160")
    assert clash.feature_type.fcode == "CA02040160" and "PT" in clash.reasons[0]
    unknown = k.for_layer("ADMINISTRASIDESA_AR_10K", "BA03070099")
    assert unknown.feature_type.fcode == "BA03070040" and "not in the catalogue" in unknown.reasons[0]
    assert k.for_layer("jalan baru final(2)").feature_type is None


# -- kugi.json content -----------------------------------------------------------------
def test_kugi_tables_and_categories():
    data = raw("kugi.json")
    assert [c["name"] for c in data["categories"]] == [
        "Referensi Spasial", "Batas Wilayah", "Transportasi", "Hidrografi", "Hipsografi", "Vegetasi",
        "Lingkungan Terbangun", "Utilitas", "Geologi", "Tanah", "Toponimi", "Kadaster", "Kebencanaan",
        "Dataset Khusus"]
    assert {c["letter"] for c in data["categories"] if c["letter_verified"]} == {"B", "C", "G"}
    assert {g["code"]: g["token"] for g in data["geometry_codes"]} == {"01": "PT", "02": "LN", "03": "AR"}
    scales = {s["code"]: s["denominator"] for s in data["scale_codes"]}
    assert scales == {"01": 1000000, "02": 500000, "03": 250000, "04": 100000, "05": 50000,
                      "06": 25000, "07": 10000, "08": 5000, "09": 2500, "10": 1000}
    core = {a["name"]: (a["type"], a["length"], a["required"]) for a in data["core_attributes"]}
    assert core == {"FCODE": ("String", 50, True), "NAMOBJ": ("String", 250, False),
                    "REMARK": ("String", 250, False), "SRS_ID": ("String", 50, True),
                    "METADATA": ("String", 50, True)}


def test_every_feature_type_is_complete_and_consistent():
    data = raw("kugi.json")
    geom = {g["code"]: g["token"] for g in data["geometry_codes"]}
    letters = {c["letter"] for c in data["categories"]}
    k = standards.load_kugi()
    codes = [f["fcode"] for f in data["feature_types"]]
    assert len(codes) == len(set(codes))
    for f in data["feature_types"]:
        code = f["fcode"]
        assert re.fullmatch(r"[A-Z]{2}\d{8}", code)
        assert f["geometry"] == geom[code[2:4]] and f["scale"] == code[4:6] and f["category"] == code[0] in letters
        assert f["source"] and isinstance(f["verified"], bool) and f["definition"] and f["theme"]
        layer = standards.parse_layer_name(f["layer"])
        assert layer and layer.geometry == f["geometry"] and layer.scale in (None, f["scale"]), f["layer"]
        assert layer.theme == f["theme"]
        for a in f["attributes"]:
            assert a["name"] and a["type"] in data["attribute_types"], (code, a)
            for d in a.get("domain", []):
                assert d["code"] and d["label"]
        assert k.for_layer(f["layer"], code).feature_type.fcode == code
    for example in ("BA03070040", "GD01080040", "CA02040160"):
        assert example in codes and k.feature_type(example).verified


def _sample_manifest(tmp_path):
    path = os.path.join(ROOT, "resources", "sample_data", "manifest.json")
    if not os.path.exists(path):
        out = tmp_path / "sd"
        subprocess.run(["/usr/bin/python3", "-m", "demo.sample_data", "--out", str(out)], cwd=ROOT,
                       check=True, capture_output=True, timeout=240)
        path = str(out / "manifest.json")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def test_sample_data_fcodes_are_in_the_catalogue(tmp_path):
    manifest = _sample_manifest(tmp_path)
    k = standards.load_kugi()
    clean = [d for d in manifest["datasets"] if not d.get("defects")]
    assert clean
    for d in clean:
        ft = k.feature_type(d["fcode"])
        assert ft is not None, d["fcode"]
        assert k.for_layer(d["layer"], d["fcode"]).feature_type is ft
        kinds = {"Point": "PT", "LineString": "LN", "Polygon": "AR"}
        assert kinds.get(d["geometry"], ft.geometry) == ft.geometry, d["id"]


# -- metadata profile ------------------------------------------------------------------
PALAPA_LIKE = """<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco"
 xmlns:gml="http://www.opengis.net/gml">
 <gmd:fileIdentifier><gco:CharacterString>ID-1</gco:CharacterString></gmd:fileIdentifier>
 <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="ind">ind</gmd:LanguageCode></gmd:language>
 <gmd:characterSet><gmd:MD_CharacterSetCode codeList="x" codeListValue="utf8">utf8</gmd:MD_CharacterSetCode></gmd:characterSet>
 <gmd:hierarchyLevel><gmd:MD_ScopeCode codeList="x" codeListValue="dataset">dataset</gmd:MD_ScopeCode></gmd:hierarchyLevel>
 <gmd:contact><gmd:CI_ResponsibleParty><gmd:organisationName><gco:CharacterString>Bappeda</gco:CharacterString></gmd:organisationName>
  <gmd:role><gmd:CI_RoleCode codeList="x" codeListValue="pointOfContact">pointOfContact</gmd:CI_RoleCode></gmd:role></gmd:CI_ResponsibleParty></gmd:contact>
 <gmd:dateStamp><gco:Date>2024-05-17</gco:Date></gmd:dateStamp>
 <gmd:metadataStandardName><gco:CharacterString>ISO 19115:2003 - Geographic information - Metadata</gco:CharacterString></gmd:metadataStandardName>
 <gmd:metadataStandardVersion><gco:CharacterString>ISO 19115:2003</gco:CharacterString></gmd:metadataStandardVersion>
 <gmd:dataSetURI><gco:CharacterString>http://example.org/x</gco:CharacterString></gmd:dataSetURI>
 <gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier><gmd:code>
  <gco:CharacterString>urn:ogc:def:crs:EPSG:4326</gco:CharacterString></gmd:code></gmd:RS_Identifier></gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>
 <gmd:identificationInfo><gmd:MD_DataIdentification>
  <gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>Jalan</gco:CharacterString></gmd:title>
   <gmd:date><gmd:CI_Date><gmd:date><gco:Date>2024-05-17</gco:Date></gmd:date>
    <gmd:dateType><gmd:CI_DateTypeCode codeList="x" codeListValue="publication">publication</gmd:CI_DateTypeCode></gmd:dateType></gmd:CI_Date></gmd:date>
  </gmd:CI_Citation></gmd:citation>
  <gmd:abstract><gco:CharacterString>Jaringan jalan</gco:CharacterString></gmd:abstract>
  <gmd:status><gmd:MD_ProgressCode codeList="x" codeListValue="completed">completed</gmd:MD_ProgressCode></gmd:status>
  <gmd:resourceMaintenance><gmd:MD_MaintenanceInformation><gmd:maintenanceAndUpdateFrequency>
   <gmd:MD_MaintenanceFrequencyCode codeList="x" codeListValue="asNeeded">asNeeded</gmd:MD_MaintenanceFrequencyCode>
  </gmd:maintenanceAndUpdateFrequency></gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>
  <gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword><gco:CharacterString>jalan</gco:CharacterString></gmd:keyword></gmd:MD_Keywords></gmd:descriptiveKeywords>
  <gmd:resourceConstraints><gmd:MD_LegalConstraints><gmd:accessConstraints>
   <gmd:MD_RestrictionCode codeList="x" codeListValue="otherRestrictions">otherRestrictions</gmd:MD_RestrictionCode>
  </gmd:accessConstraints></gmd:MD_LegalConstraints></gmd:resourceConstraints>
  <gmd:spatialRepresentationType><gmd:MD_SpatialRepresentationTypeCode codeList="x" codeListValue="vector">vector</gmd:MD_SpatialRepresentationTypeCode></gmd:spatialRepresentationType>
  <gmd:language><gmd:LanguageCode codeList="x" codeListValue="ind">ind</gmd:LanguageCode></gmd:language>
  <gmd:characterSet><gmd:MD_CharacterSetCode codeList="x" codeListValue="utf8">utf8</gmd:MD_CharacterSetCode></gmd:characterSet>
  <gmd:topicCategory><gmd:MD_TopicCategoryCode>transportation</gmd:MD_TopicCategoryCode></gmd:topicCategory>
  <gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>
   <gmd:westBoundLongitude><gco:Decimal>106.6</gco:Decimal></gmd:westBoundLongitude>
   <gmd:eastBoundLongitude><gco:Decimal>106.7</gco:Decimal></gmd:eastBoundLongitude>
   <gmd:southBoundLatitude><gco:Decimal>-6.3</gco:Decimal></gmd:southBoundLatitude>
   <gmd:northBoundLatitude><gco:Decimal>-6.1</gco:Decimal></gmd:northBoundLatitude>
  </gmd:EX_GeographicBoundingBox></gmd:geographicElement>
  <gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent><gml:TimePeriod gml:id="T001">
   <gml:beginPosition>2024-01-01</gml:beginPosition><gml:endPosition indeterminatePosition="now"/></gml:TimePeriod>
  </gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement></gmd:EX_Extent></gmd:extent>
 </gmd:MD_DataIdentification></gmd:identificationInfo>
 <gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions><gmd:onLine><gmd:CI_OnlineResource>
  <gmd:linkage><gmd:URL>http://example.org/geoserver/wms</gmd:URL></gmd:linkage>
  <gmd:protocol><gco:CharacterString>OGC:WMS</gco:CharacterString></gmd:protocol>
 </gmd:CI_OnlineResource></gmd:onLine></gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>
 <gmd:metadataConstraints><gmd:MD_SecurityConstraints>
  <gmd:classification><gmd:MD_ClassClassificationCode codeList="http://idec.icc.cat/schema/Codelist/ML_gmxCodelists.xml" codeListValue="confendential"/></gmd:classification>
  <gmd:userNote><gco:CharacterString>PRIVATE</gco:CharacterString></gmd:userNote>
 </gmd:MD_SecurityConstraints></gmd:metadataConstraints>
</gmd:MD_Metadata>"""


def test_profile_elements_have_valid_xpaths():
    data = raw("metadata_profile.json")
    ns = data["namespaces"]
    assert ns["gmd"] == "http://www.isotc211.org/2005/gmd" and ns["gco"] == "http://www.isotc211.org/2005/gco"
    ids = [e["id"] for e in data["elements"]]
    assert len(ids) == len(set(ids))
    for e in data["elements"]:
        etree.XPath(e["xpath"], namespaces=ns)
        etree.XPath(e["value"], namespaces=ns)
        # both record roots: gmd:MD_Metadata and gmi:MI_Metadata (ISO 19115-2)
        assert e["xpath"].startswith("/*[self::gmd:MD_Metadata or self::gmi:MI_Metadata]/")
        assert e["obligation"] in ("mandatory", "conditional", "optional")
        assert e["inferred"] is True and e["label_id"] and e["label_en"]
        if e.get("codelist"):
            assert e["codelist"] in data["codelists"]
    assert any("not found in any public text" in n for n in data["notes"])


def test_profile_values_and_codelists():
    p = standards.load_profile()
    mandatory = {e.id for e in p.by_obligation("mandatory")}
    assert {"title", "abstract", "reference_date", "date_stamp", "metadata_contact", "topic_category",
            "dataset_language"} <= mandatory
    assert p.settings["language"] == "ind" and p.settings["character_set"] == "utf8"
    assert p.settings["hierarchy_level"] == "dataset" and p.settings["bbox_crs"] == "EPSG:4326"
    assert p.settings["metadata_standard_name"].startswith("ISO 19115:2003")
    assert set(p.settings["link_protocols"]) == {"OGC:WMS", "OGC:WFS"}
    assert "utf8" in p.codelist("MD_CharacterSetCode") and "dataset" in p.codelist("MD_ScopeCode")
    assert len(p.codelist("MD_TopicCategoryCode")) == 19
    assert [p.classification_for_access(a) for a in ("PUBLIC", "GOVERNMENT", "GOVERNMENT:dinas", "PRIVATE", "IGSTRATEGIS")] == \
        ["unclassified", "restricted", "restricted", "confidential", "topSecret"]
    assert set(p.codelist("MD_ClassificationCode")) >= {"unclassified", "restricted", "confidential", "topSecret"}
    assert p.access_for_classification("confendential") == "PRIVATE"      # Palapa's own spelling
    assert p.access_for_classification("topSecret") == "IGSTRATEGIS"


def test_profile_finds_every_palapa_element_in_a_palapa_like_record():
    p = standards.load_profile()
    doc = etree.fromstring(PALAPA_LIKE.encode())
    for e in p.elements:
        if not e.palapa_emits:
            continue
        find, value = p.xpath(e.id)
        nodes = find(doc)
        assert nodes, e.id
        values = [v for n in nodes for v in value(n)]
        texts = [(v if isinstance(v, str) else (v.text or "")).strip() for v in values]
        assert any(texts), e.id
        if isinstance(e.profile_value, str):
            assert e.profile_value in texts, (e.id, texts)


# -- malformed files and the cache -----------------------------------------------------
def _copy(tmp_path, name, mutate):
    data = raw(name)
    mutate(data)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name,loader,mutate,words", [
    ("kugi.json", standards.load_kugi, lambda d: d["feature_types"][0].update(fcode="BA04070040"), ["feature_types[0].fcode", "04"]),
    ("kugi.json", standards.load_kugi, lambda d: d["feature_types"][1].update(scale="06"), ["feature_types[1].scale", "08", "06"]),
    ("kugi.json", standards.load_kugi, lambda d: d["feature_types"][0]["attributes"][0].update(type="Text"), ["attributes[0].type", "Text"]),
    ("kugi.json", standards.load_kugi, lambda d: d.pop("source"), ["source"]),
    ("kugi.json", standards.load_kugi, lambda d: d["feature_types"].append(dict(d["feature_types"][0])), ["appears twice"]),
    ("crs.json", standards.load_crs, lambda d: d["systems"][0].update(status="fine"), ["systems[0].status", "fine"]),
    ("crs.json", standards.load_crs, lambda d: d["systems"][30].update(target="EPSG:1"), ["systems[30].target"]),
    ("metadata_profile.json", standards.load_profile, lambda d: d["elements"][0].update(xpath="/gmd:MD_Metadata/[["), ["elements[0].xpath"]),
    ("metadata_profile.json", standards.load_profile, lambda d: d["elements"][2].update(obligation="maybe"), ["elements[2].obligation"]),
])
def test_malformed_file_names_file_and_problem(tmp_path, name, loader, mutate, words):
    path = _copy(tmp_path, name, mutate)
    with pytest.raises(StandardsError) as err:
        loader(path)
    msg = str(err.value)
    assert path in msg
    for w in words:
        assert w in msg


def test_unreadable_files(tmp_path):
    bad = tmp_path / "kugi.json"
    bad.write_text('{"name": "x", "version": ', encoding="utf-8")
    with pytest.raises(StandardsError, match="not valid JSON"):
        standards.load_kugi(str(bad))
    with pytest.raises(StandardsError, match="does not exist"):
        standards.load_kugi(str(tmp_path / "missing.json"))
    bad.write_bytes(b"\xff\xfe{}")
    with pytest.raises(StandardsError, match="UTF-8"):
        standards.load_kugi(str(bad))
    bad.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    with pytest.raises(StandardsError, match="not valid JSON"):
        standards.load_kugi(str(bad))


def test_cache_follows_path_and_file_changes(tmp_path):
    bundled = standards.load_kugi()
    copy = tmp_path / "kugi.json"
    shutil.copy(standards.KUGI_FILE, copy)
    other = standards.load_kugi(str(copy))
    assert other is not bundled and other is standards.load_kugi(str(copy))
    data = raw("kugi.json")
    data["feature_types"] = data["feature_types"][:1]
    copy.write_text(json.dumps(data), encoding="utf-8")
    os.utime(copy, ns=(1, 1))
    assert list(standards.load_kugi(str(copy)).feature_types) == ["BA03070040"]
    assert len(standards.load_kugi().feature_types) > 1      # the bundled file again
