"""No secret in any output (issue 11, item 6): a PostGIS layer whose URI carries its password,
on a real PostgreSQL 15 + PostGIS 3 server (tests/pgserver.py), is validated and published (dry
run, GeoServer double); the password appears in no file written (JSON and HTML reports, the
error layer's GeoPackage bytes, publish plan and log) and in no message (feedback, QGIS message
log)."""
import json
import os

import processing
import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from pgserver import PgServer

PASSWORD = "Rahasia-Uji-7319"
TABLE = "JALAN_LN_10K"


class Recorder(QgsProcessingFeedback):
    """Every text the algorithm shows the user."""

    def __init__(self):
        super().__init__()
        self.texts = []

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        self.texts.append(text)
        super().pushInfo(text)

    def pushWarning(self, text):  # noqa: N802
        self.texts.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatal=False):  # noqa: N802
        self.texts.append(text)
        super().reportError(text, fatal)

    def pushCommandInfo(self, text):  # noqa: N802
        self.texts.append(text)
        super().pushCommandInfo(text)

    def pushDebugInfo(self, text):  # noqa: N802
        self.texts.append(text)
        super().pushDebugInfo(text)


@pytest.fixture(scope="module")
def postgis(sample_data_dir):
    server = PgServer(password=PASSWORD).start()
    try:
        server.add_srid("EPSG:9488")
        server.load_gpkg(os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg"), TABLE)
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_layer(postgis):
    layer = QgsVectorLayer(postgis.qgis_uri(TABLE), TABLE, "postgres")
    assert layer.isValid() and layer.featureCount() == 14
    assert PASSWORD in layer.source()                     # the secret really is in the source string
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture
def message_log():
    texts = []

    def keep(message, tag, level):
        texts.append(message)
    QgsApplication.messageLog().messageReceived.connect(keep)
    yield texts
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def files_under(folder):
    for base, _dirs, names in os.walk(folder):
        for name in names:
            yield os.path.join(base, name)


def assert_no_password(folder, texts=()):
    found = []
    for path in files_under(folder):
        with open(path, "rb") as fh:
            if PASSWORD.encode() in fh.read():
                found.append(path)
    assert not found, found
    assert not [t for t in texts if PASSWORD in str(t)]


def test_redact_takes_out_passwords_tokens_and_keys():
    from sdi_plugin.core.network.secrets import redact
    cases = {
        "dbname='gis' host=h user='u' password='p\\'w 1' key='fid' table=\"public\".\"T\" (geom)":
            "dbname='gis' host=h user='u' password='***' key='fid' table=\"public\".\"T\" (geom)",
        "dbname=gis password=abc host=h": "dbname=gis password=*** host=h",
        "https://user:s3cret@host/ows?service=WMS&token=T0K&apikey=K1&key=G2&access_token=A3":
            "https://user:***@host/ows?service=WMS&token=***&apikey=***&key=***&access_token=***",
        "crs=EPSG:4326&password=pw&url=https://h/ows&username=u": "crs=EPSG:4326&password=***&url=https://h/ows"
                                                                  "&username=u",
        "/data/jalan.gpkg|layername=JALAN_LN_10K": "/data/jalan.gpkg|layername=JALAN_LN_10K",
        "authcfg=ab12cd3 url=http://h/ows": "authcfg=ab12cd3 url=http://h/ows",
    }
    for raw, clean in cases.items():
        assert redact(raw) == clean, raw


def test_validating_a_postgis_layer_writes_no_password(sdi_provider, pg_layer, message_log, tmp_path):
    out = tmp_path / "laporan"
    feedback = Recorder()
    result = processing.run("sdi:validatedataset", {
        "INPUT": pg_layer, "OUTPUT_ERRORS": str(out / "temuan.gpkg"), "OUTPUT_HTML": str(out / "laporan.html"),
        "OUTPUT_JSON": str(out / "laporan.json")}, feedback=feedback)
    assert result["FINDINGS"] > 0
    report = json.loads((out / "laporan.json").read_text(encoding="utf-8"))
    source = report["dataset"]["source"]
    # still says where (the PostGIS engine reports the URI without user and password; others mask it)
    assert TABLE in source and "127.0.0.1" in source and "password=" not in source.replace("password='***'", "")
    QgsProject.instance().removeAllMapLayers()             # the loaded error layers: closed, files settled
    assert_no_password(str(out), feedback.texts + message_log)


def test_validating_the_uri_string_writes_no_password(sdi_provider, postgis, message_log, tmp_path):
    out = tmp_path / "laporan"
    feedback = Recorder()
    processing.run("sdi:validatedataset", {
        "INPUT": "postgres://" + postgis.qgis_uri(TABLE), "OUTPUT_ERRORS": str(out / "temuan.gpkg"),
        "OUTPUT_HTML": str(out / "laporan.html"), "OUTPUT_JSON": str(out / "laporan.json")}, feedback=feedback)
    QgsProject.instance().removeAllMapLayers()
    assert sorted(os.listdir(str(out))) == ["laporan.html", "laporan.json", "temuan.gpkg"]
    assert_no_password(str(out), feedback.texts + message_log)


def test_publish_plan_and_log_of_a_postgis_layer_hold_no_password(sdi_provider, pg_layer, gs_double, gs_auth,
                                                                  message_log, tmp_path):
    feedback = Recorder()
    result = processing.run("sdi:publishdataset", {
        "INPUT": pg_layer, "NODE": gs_double.base_url, "AUTHCFG": gs_auth, "DRY_RUN": True,
        "WORKSPACE": "bappeda_latihan", "OUTPUT_PLAN": str(tmp_path / "plan" / "plan.json"),
        "LOG_FOLDER": str(tmp_path / "log")}, feedback=feedback)
    assert result["RESULT"] == "planned"
    plan = json.loads((tmp_path / "plan" / "plan.json").read_text(encoding="utf-8"))
    assert TABLE in json.dumps(plan) and "password='***'" in plan["dataset"]["source"]
    assert plan["gate"]["validator"] == "ran"          # the PostGIS layer was validated before publishing
    logs = os.listdir(str(tmp_path / "log"))
    assert logs and all(PASSWORD not in name for name in logs)
    assert_no_password(str(tmp_path), feedback.texts + message_log)
