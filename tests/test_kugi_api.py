"""The KUGI API loader against a scripted server that answers like the real API.

Response shapes recorded from what public code learned of the live API
(https://kugi.ina-sdi.or.id/kugiapi), not a byte-for-byte capture:
- every endpoint answers a JSON list of flat objects;
- /featurecatalog rows: id, featureCatalogCode (the category letter), name, versionNumber;
  values carry a language suffix ("@en");
- /featuretype?fcid=<id> rows: featureTypeID, code, typeName, definition, aliases, fcProducer,
  attributVersionNumber, featureCatalogue, plus many keys that are null; values carry "@en";
  newer KUGI drops the scale from typeName (ADMINISTRASI_LN at several scales);
- /featuretypegetbycode?code=<FCODE>: one row per attribute and domain value (ptMemberName,
  ptDefinition, faValueType, lvCode, lvCodeDetail, lvLabel, ptCardinality "-" or null,
  featureTypeId differing on every row); SHAPE has faValueType Geometry, OBJECTID OID;
  lvCodeDetail is a string even for Integer attributes; the suffix is usually absent there
  ('Akan Dibangun' must survive: str.strip('@en') would eat its final 'n');
- without browser-like User-Agent and Accept headers the API answers HTTP 500.
Labels of KLBADM/STSBTS are BIG's (see kugi.json); other codes and labels are made up.
"""
import json
import os
from urllib.parse import parse_qs, urlsplit

import pytest
from qgis.core import QgsFeedback, QgsSettings

from sdi_plugin.core.standards import kugi_api
from sdi_plugin.core.standards import pack as standards
from sdi_plugin.core.network.http import http_get
from sdi_plugin.core.standards.kugi_api import KugiApi, KugiApiError, refresh_catalogue, strip_lang


def en(value):
    return None if value is None else "%s@en" % value


def cat(fcid, letter, name):
    return {"id": en(fcid), "featureCatalogCode": en(letter), "name": en(name), "versionNumber": en("5.1.2026"),
            "scope": None, "fieldOfApplication": None, "versionDate": None}


def ftype(fid, code, name, definition, aliases=""):
    return {"featureTypeID": en(fid), "code": en(code), "typeName": en(name), "definition": en(definition),
            "aliases": en(aliases), "fcProducer": en("Badan Informasi Geospasial"), "attributVersionNumber": en("5.1.2026"),
            "featureCatalogue": en("KUGI"), "isAbstract": None, "ptCardinality": None, "inheritsFrom": None}


CATALOG = [cat(2, "B", "BATAS WILAYAH"), cat(3, "C", "TRANSPORTASI"), cat(7, "G", "LINGKUNGAN TERBANGUN")]
TYPES = {
    "2": [ftype(101, "BA02050040", "ADMINISTRASI_LN", "Garis batas administrasi 1:50.000", "Batas Administrasi"),
          ftype(102, "BA02060040", "ADMINISTRASI_LN", "Garis batas administrasi 1:25.000"),
          ftype(103, "BA03070040", "ADMINISTRASI_AR", "Wilayah administrasi desa/kelurahan"),
          ftype(104, "BA0306", "ADMINISTRASI_AR", "malformed code, to be skipped"),
          dict(ftype(105, "BA03060040", None, "no typeName, to be skipped"), typeName=None)],
    "3": [ftype(201, "CA02040160", "JALAN_LN", "Jalan", "Ruas jalan")],
    "7": [ftype(301, "GD01080040", "KANTORLURAH_PT", "Kantor lurah")],
}


def rows(code, name, members):
    out, n = [], 0
    for member, definition, kind, domain in members:
        for value, label in (domain or [(None, None)]):
            n += 1
            out.append({"featureTypeId": 9000 + n, "code": code, "typeName": name, "ptMemberName": member,
                        "ptDefinition": definition, "faValueType": kind, "lvCode": member if domain else None,
                        "lvCodeDetail": value, "lvLabel": label, "ptCardinality": "-"})
    return out


CORE = [("FCODE", "Kode unsur@en", "String", None), ("NAMOBJ", "Nama objek@en", "String", None),
        ("REMARK", "Catatan", "String", None), ("SRS_ID", "Sistem referensi", "String", None),
        ("METADATA", "Metadata", "String", None)]
BOUNDARY = [("OBJECTID", "Nomor objek", "OID", None), ("SHAPE", "Geometri", "Geometry", None)] + CORE + [
    ("KLBADM", "Kelas batas@en", "Integer", [("7", "Batas Provinsi"), ("8", "Batas Kabupaten/Kota"), ("999", "Lainnya")]),
    ("STSBTS", "Status batas", "Integer", [("1", "Referensi Resmi"), ("2", "Hasil Kesepakatan"),
                                            ("3", "Belum Ditegaskan"), ("999", "Lainnya"), ("999", "Lainnya")]),
    ("PJGBTS", "Panjang batas", "Double", None)]
SCHEMAS = {
    "BA02050040": rows("BA02050040", "ADMINISTRASI_LN", BOUNDARY),
    "BA02060040": rows("BA02060040", "ADMINISTRASI_LN", BOUNDARY),
    "BA03070040": rows("BA03070040", "ADMINISTRASI_AR", CORE + [("WADMKD", "Nama desa", "String", None),
                                                                  ("TIPADM", "Tipe administrasi", "Integer", [("1", "Desa"), ("2", "Kelurahan")])]),
    "CA02040160": rows("CA02040160", "JALAN_LN", [("SHAPE", "Geometri", "Geometry", None)] + CORE + [
        ("NAMRJL", "Nama ruas jalan", "String", None),
        ("STARJL", "Status jalan", "Integer", [("1", "Operasional"), ("2", "Sedang Dibangun"), ("3", "Akan Dibangun"),
                                               ("-", None)]),
        ("TGL_SK", "Tanggal SK", "Date", None), ("LBRJLN", "Lebar jalan", "Double", None),
        ("KODE_X", "Tipe yang tidak dikenal", "Currency", None)]),
    "GD01080040": rows("GD01080040", "KANTORLURAH_PT", CORE + [("FGSFNP", "Fungsi", "Integer", [("10", "Kantor Lurah")])]),
}


# Qt's network cache hands back a stored 200 when the same URL later answers 5xx (even with
# AlwaysNetwork), which would hide the failures these tests plant; the fake API therefore
# forbids storing its answers. See the report on http_get's caching.
NO_STORE = {"Cache-Control": "no-store"}


def browser_like(req):
    return req.headers.get("User-Agent", "").startswith("Mozilla/") and "application/json" in req.headers.get("Accept", "")


class FakeKugi:
    """Routes on a ScriptedServer answering like the KUGI API; ``fail`` makes chosen requests fail."""

    def __init__(self, server):
        self.server, self.base, self.fail, self.override = server, server.url + "/kugiapi", set(), {}
        self.seen = []      # request headers, as the server received them
        for path in ("featurecatalog", "featuretype", "featuretypegetbycode"):
            server.routes["/kugiapi/" + path] = self.handler(path)

    def handler(self, path):
        def handle(req):
            query = {k: v[0] for k, v in parse_qs(urlsplit(req.path).query).items()}
            key = (path, query.get("fcid") or query.get("code"))
            self.seen.append(dict(req.headers))
            if not browser_like(req) or key in self.fail:
                req.send_simple(500, b"<html><body>Internal Server Error</body></html>", "text/html")
                return
            if key in self.override:
                req.send_simple(200, self.override[key], "application/json", NO_STORE)
                return
            if path == "featurecatalog":
                body = CATALOG
            elif path == "featuretype":
                body = TYPES.get(query.get("fcid", "").split("@")[0], [])
            else:
                body = SCHEMAS.get(query.get("code"), [])
            req.send_simple(200, json.dumps(body).encode("utf-8"), "application/json;charset=UTF-8", NO_STORE)
        return handle


@pytest.fixture
def kugi(scripted_server):
    return FakeKugi(scripted_server)


def test_strip_lang_cuts_only_a_language_suffix():
    assert strip_lang("JALAN_LN@en") == "JALAN_LN"
    assert strip_lang("Akan Dibangun") == "Akan Dibangun"
    assert strip_lang("Sedang Dibangun@en") == "Sedang Dibangun"
    assert strip_lang("Batas@id") == "Batas"
    assert strip_lang("kontak@kementerian") == "kontak@kementerian"
    assert strip_lang(None) == "" and strip_lang(7) == "7"


def test_api_answers_500_without_browser_headers(kugi):
    plain = http_get(kugi.base + "/featurecatalog", timeout=5)
    assert plain.status == 500 and not plain.ok
    assert "application/json" not in kugi.seen[-1].get("Accept", "")
    cats = KugiApi(kugi.base, timeout=5).categories()
    assert "application/json" in kugi.seen[-1]["Accept"] and kugi.seen[-1]["User-Agent"].startswith("Mozilla/5.0")
    assert [(c["id"], c["code"], c["name"]) for c in cats] == [
        ("2", "B", "BATAS WILAYAH"), ("3", "C", "TRANSPORTASI"), ("7", "G", "LINGKUNGAN TERBANGUN")]


def test_base_url_comes_from_settings():
    settings = QgsSettings()
    try:
        assert kugi_api.base_url() == kugi_api.DEFAULT_BASE_URL
        settings.setValue(kugi_api.SETTINGS_KEY, "http://127.0.0.1:9/kugiapi/")
        assert KugiApi().base == "http://127.0.0.1:9/kugiapi"
    finally:
        settings.remove(kugi_api.SETTINGS_KEY)


def test_refresh_writes_the_catalogue_in_the_kugi_schema(kugi, tmp_path):
    feedback = QgsFeedback()
    data_dir = tmp_path / "simpul"
    result = refresh_catalogue(str(data_dir), base=kugi.base, feedback=feedback, timeout=5)
    assert feedback.progress() == 100
    assert result.categories == 3 and result.feature_types == 5
    assert sorted(result.skipped) == ["BA0306"]
    assert result.version == "5.1.2026"
    assert any("KODE_X" in w and "Currency" in w for w in result.warnings)
    assert os.listdir(data_dir) == ["kugi_catalogue.json"]          # no temporary file left
    text = (data_dir / "kugi_catalogue.json").read_text(encoding="utf-8")
    assert "@en" not in text
    k = standards.load_kugi(result.path)
    assert k.meta["retrieved"] and k.meta["source"][0]["url"] == kugi.base
    road = k.feature_type("CA02040160")
    assert road.type_name == "JALAN_LN" and road.theme == "JALAN" and road.geometry == "LN" and road.verified
    names = [a.name for a in road.all_attributes()]
    assert "SHAPE" not in names and names[:5] == ["FCODE", "NAMOBJ", "REMARK", "SRS_ID", "METADATA"]
    fcode = road.attribute("FCODE")
    assert fcode.required and fcode.length == 50                     # from the bundled core attributes
    status = road.attribute("STARJL")
    assert status.type == "Integer" and status.domain == (("1", "Operasional"), ("2", "Sedang Dibangun"), ("3", "Akan Dibangun"))
    assert road.attribute("TGL_SK").type == "Date" and road.attribute("KODE_X").type == "String"
    assert "JALAN_LN_100K" in road.aliases                           # the bundled layer name is kept
    line = k.feature_type("BA02050040")
    assert line.attribute("OBJECTID").type == "Integer"
    assert line.attribute("STSBTS").domain[-1] == ("999", "Lainnya") and len(line.attribute("STSBTS").domain) == 4
    assert line.attribute("KLBADM").definition == "Kelas batas"
    assert k.category("G")["name"] == "LINGKUNGAN TERBANGUN" and k.category("A")["name"] == "Referensi Spasial"
    # the FCODE is the identity: one typeName, two scales
    assert k.for_layer("ADMINISTRASI_LN").feature_type is None
    assert k.for_layer("ADMINISTRASI_LN_25K").feature_type.fcode == "BA02060040"
    assert kugi_api.best_catalogue(str(data_dir)) is k


def test_attributes_can_be_limited(kugi, tmp_path):
    result = refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5, attributes=["GD01080040"])
    k = standards.load_kugi(result.path)
    assert [a.name for a in k.feature_type("GD01080040").attributes][-1] == "FGSFNP"
    assert k.feature_type("CA02040160").attributes == ()
    assert not any("featuretypegetbycode?code=CA02040160" in h for h in kugi.server.hits)


def _state(folder):
    return {n: (folder / n).read_bytes() for n in sorted(os.listdir(folder))}


def test_a_category_failing_mid_refresh_keeps_the_previous_cache(kugi, tmp_path):
    refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5)
    before = _state(tmp_path)
    kugi.fail.add(("featuretype", "3"))
    with pytest.raises(KugiApiError) as err:
        refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5)
    msg = str(err.value)
    assert "TRANSPORTASI" in msg and "fcid 3" in msg and "HTTP 500" in msg
    assert "previous catalogue is kept" in msg
    assert _state(tmp_path) == before
    assert standards.load_kugi(str(tmp_path / "kugi_catalogue.json")).feature_type("CA02040160")


def test_a_feature_type_failing_keeps_the_previous_cache(kugi, tmp_path):
    refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5)
    before = _state(tmp_path)
    kugi.fail.add(("featuretypegetbycode", "CA02040160"))
    with pytest.raises(KugiApiError, match="feature type CA02040160") as err:
        refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5)
    assert not err.value.canceled
    assert _state(tmp_path) == before


@pytest.mark.parametrize("body,words", [
    (b'[{"id": "2@en", "name": ', ["did not answer valid JSON", "/featurecatalog"]),
    (b'{"error": "maintenance"}', ["not a list"]),
    (b"<!DOCTYPE html><html><body>Maintenance</body></html>", ["web page"]),
    (b"[" * 200000 + b"]" * 200000, ["did not answer valid JSON"]),
    (b"", ["did not answer valid JSON"]),
])
def test_malformed_answers_give_a_clear_message(kugi, tmp_path, body, words):
    kugi.override[("featurecatalog", None)] = body
    with pytest.raises(KugiApiError) as err:
        refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5)
    msg = str(err.value)
    assert "the list of categories" in msg and "no catalogue was written" in msg
    for w in words:
        assert w in msg
    assert os.listdir(tmp_path) == []


def test_malformed_schema_answer_names_the_feature_type(kugi, tmp_path):
    kugi.override[("featuretypegetbycode", "BA03070040")] = b'[{"ptMemberName": "FCODE", '
    with pytest.raises(KugiApiError) as err:
        refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5)
    assert "feature type BA03070040" in str(err.value) and "valid JSON" in str(err.value)


def test_oversized_answer_is_cut_off(scripted_server, tmp_path):
    scripted_server.huge("/kugiapi/featurecatalog")
    api = KugiApi(scripted_server.url + "/kugiapi", timeout=10, max_bytes=1024 * 1024)
    with pytest.raises(KugiApiError, match="larger than 1 MB"):
        api.categories()


def test_cancel_keeps_the_previous_cache(kugi, tmp_path):
    refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5)
    before = _state(tmp_path)
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(KugiApiError) as err:
        refresh_catalogue(str(tmp_path), base=kugi.base, timeout=5, feedback=feedback)
    assert err.value.canceled and "previous catalogue is kept" in str(err.value)
    assert _state(tmp_path) == before


def test_never_writes_into_the_plugin_folder(kugi):
    for folder in (standards.STANDARDS_DIR, os.path.dirname(standards.STANDARDS_DIR)):
        with pytest.raises(KugiApiError, match="plugin's own folder"):
            refresh_catalogue(folder, base=kugi.base, timeout=5)
    assert kugi.server.hits == []


def test_best_catalogue_falls_back_to_the_bundled_one(tmp_path):
    bundled = standards.load_kugi()
    assert kugi_api.best_catalogue(str(tmp_path)).meta["name"] == bundled.meta["name"]
    (tmp_path / "kugi_catalogue.json").write_text("{not json", encoding="utf-8")
    assert kugi_api.best_catalogue(str(tmp_path)).meta["name"] == bundled.meta["name"]
    assert kugi_api.default_data_dir().endswith("simpul")
