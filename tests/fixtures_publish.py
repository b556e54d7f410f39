"""Fixtures for publishing: a Palapa-like node built from the demo node's GeoServer REST
emulation (``demo/publish_rest.py``) in a stand-alone test server with fault injection
(tests/geoserver_double.py), QGIS Server behind its OWS paths (``demo/gs_ows.py``) and the demo
node's real pycsw behind ``/csw``; a real pygeoapi with OGC API Records transactions; authcfgs.
(The demo node itself answers ``/geoserver`` too — tests/test_publish_demo.py publishes there.)

* ``gs_node``   (function): a fresh :class:`GeoServerDouble` laid out like a Palapa node —
  ``/geoserver/rest`` (the double), ``/geoserver/ows`` and ``/geoserver/{ws}/ows`` (QGIS Server
  serving what the double received, styled with the uploaded SLD), ``/csw`` (the demo node's
  pycsw, transactions allowed from 127.0.0.1). Records the test adds to the catalogue are
  deleted afterwards, so other tests see the seeded set.
* ``gs_double`` (function): the double alone (no OWS, no catalogue).
* ``qgis_ows``  (session): the QGIS Server backend (``demo.gs_ows``; ``qgis_mapserver`` on a free port).
* ``records_api`` (session): pygeoapi (``build/venv/pygeoapi``) with a transactional TinyDB
  record collection ``metadata``: ``.url`` (landing), ``.collection`` (the collection URL).
* ``gs_auth`` (session): an authcfg (HTTP Basic, admin/geoserver) in QGIS's auth database.
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from geoserver_double import GeoServerDouble  # noqa: E402

from demo.gs_ows import QgisServerBackend  # noqa: E402  (re-exported for the tests)

PYGEOAPI_VENV = os.environ.get("SIMPUL_PYGEOAPI_VENV", os.path.join(ROOT, "build", "venv", "pygeoapi"))
QGIS_PYTHON = "/usr/bin/python3"
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))

__all__ = ["qgis_ows", "gs_double", "gs_node", "records_api", "gs_auth", "QgisServerBackend", "make_authcfg",
           "make_oauth2_authcfg",
           "catalogue_records", "restore_catalogue"]


def _free_port():
    from demo.node import free_port
    return free_port()


def _wait_for_line(proc, needle, log_path):
    """Read the process's output until ``needle`` appears (or the process ends); the rest of
    its output goes on to ``log_path`` from a thread."""
    seen = []
    for raw in iter(proc.stdout.readline, b""):
        line = raw.decode("utf-8", "replace")
        seen.append(line)
        if needle in line:
            break
    else:
        raise RuntimeError("%s ended before it was ready:\n%s" % (proc.args[0], "".join(seen[-30:])))

    def drain():
        with open(log_path, "ab") as fh:
            fh.write("".join(seen).encode())
            for raw in iter(proc.stdout.readline, b""):
                fh.write(raw)
    threading.Thread(target=drain, daemon=True).start()


def _die_with_us():
    """preexec_fn: the child gets SIGTERM when this test process dies (even on a crash), so a
    server started here never outlives the session (Linux prctl PR_SET_PDEATHSIG)."""
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)


def _stop(proc):
    from demo.gs_ows import stop_group
    stop_group(proc)


@pytest.fixture(scope="session")
def qgis_ows(tmp_path_factory):
    backend = QgisServerBackend(str(tmp_path_factory.mktemp("qgis-ows")))
    backend.start(tie_to_this_thread=True)
    yield backend
    backend.close()


@pytest.fixture
def gs_double():
    double = GeoServerDouble()
    yield double
    double.close()


def catalogue_records(demo_node, canonical=True):
    """{identifier: ISO XML} of the demo node's catalogue (its pycsw SQLite repository); with
    ``canonical`` in canonical XML (C14N, unused namespace declarations dropped), so records
    compare equal when their content is the same however they were serialised."""
    with sqlite3.connect(os.path.join(demo_node.workdir, "catalogue.db")) as conn:
        rows = {r[0]: r[1] for r in conn.execute("SELECT identifier, xml FROM records")}
    return {k: _canonical(v) for k, v in rows.items()} if canonical else rows


def _canonical(xml):
    from lxml import etree
    root = etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml,
                            etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    etree.cleanup_namespaces(root)
    return etree.tostring(root, method="c14n")


def _csw_transaction(csw_url, inner):
    body = ('<csw:Transaction xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc" '
            'service="CSW" version="2.0.2">%s</csw:Transaction>' % inner)
    req = urllib.request.Request(csw_url, body.encode("utf-8"), {"Content-Type": "application/xml"})
    with _NO_PROXY.open(req, timeout=30) as resp:
        answer = resp.read()
    assert b"TransactionResponse" in answer, answer[:2000]
    return answer


def restore_catalogue(demo_node, before):
    """Put the demo catalogue back as ``before`` (from :func:`catalogue_records`): delete what
    was added, put back what was changed."""
    now = catalogue_records(demo_node, canonical=False)
    for identifier in set(now) - set(before):
        _csw_transaction(demo_node.csw_url, '<csw:Delete><csw:Constraint version="1.1.0"><ogc:Filter>'
                         '<ogc:PropertyIsEqualTo><ogc:PropertyName>dc:identifier</ogc:PropertyName><ogc:Literal>%s'
                         '</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint></csw:Delete>' % identifier)
    for identifier, xml in before.items():
        if now.get(identifier) != xml:
            if identifier in now:
                _csw_transaction(demo_node.csw_url, "<csw:Update>%s</csw:Update>" % _strip_decl(xml))
            else:
                _csw_transaction(demo_node.csw_url, "<csw:Insert>%s</csw:Insert>" % _strip_decl(xml))
    assert set(catalogue_records(demo_node)) == set(before)


def _strip_decl(xml):
    xml = xml.decode("utf-8") if isinstance(xml, bytes) else xml
    return xml.split("?>", 1)[1] if xml.lstrip().startswith("<?xml") else xml


@pytest.fixture
def gs_node(demo_node, qgis_ows):
    before = catalogue_records(demo_node, canonical=False)
    double = GeoServerDouble(csw_upstream=demo_node.csw_url, ows_backend=qgis_ows)
    double.demo_node = demo_node
    yield double
    double.close()
    restore_catalogue(demo_node, before)


class _RecordsApi:
    def __init__(self, workdir):
        self.workdir = workdir
        self.port = _free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.collection = self.url + "/collections/metadata"
        self.db = os.path.join(workdir, "catalogue.tinydb")
        with open(self.db, "w", encoding="utf-8") as fh:
            fh.write('{"_default": {}}')
        config = os.path.join(workdir, "pygeoapi.yml")
        with open(config, "w", encoding="utf-8") as fh:
            fh.write(PYGEOAPI_CONFIG.format(port=self.port, url=self.url, db=self.db))
        openapi = os.path.join(workdir, "openapi.yml")
        env = dict(os.environ, PYGEOAPI_CONFIG=config, PYGEOAPI_OPENAPI=openapi)
        bindir = os.path.join(PYGEOAPI_VENV, "bin")
        gen = subprocess.run([os.path.join(bindir, "pygeoapi"), "openapi", "generate", config, "--output-file", openapi],
                             capture_output=True, text=True, env=env, timeout=120)
        if gen.returncode != 0:
            raise RuntimeError("pygeoapi openapi generate failed: %s" % gen.stderr[-2000:])
        self.proc = subprocess.Popen([os.path.join(bindir, "gunicorn"), "-b", "127.0.0.1:%d" % self.port, "-w", "1",
                                      "pygeoapi.flask_app:APP"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, env=env, start_new_session=True, cwd=workdir,
                                     preexec_fn=_die_with_us)
        _wait_for_line(self.proc, "Booting worker", os.path.join(workdir, "pygeoapi.log"))

    def ids(self):
        with _NO_PROXY.open(self.collection + "/items?f=json&limit=1000", timeout=30) as resp:
            return sorted(f["id"] for f in json.loads(resp.read()).get("features", []))

    def close(self):
        _stop(self.proc)


PYGEOAPI_CONFIG = """\
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: {url}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  limits: {{default_items: 50, max_items: 1000}}
  map: {{url: 'https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png', attribution: 'OpenStreetMap'}}
logging:
  level: ERROR
metadata:
  identification:
    title: Katalog uji Simpul
    description: OGC API Records with transactions for Simpul's tests
    keywords: [metadata]
    keywords_type: theme
    terms_of_service: https://creativecommons.org/licenses/by/4.0/
    url: {url}
  license: {{name: CC-BY 4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}}
  provider: {{name: Simpul, url: {url}}}
  contact: {{name: Simpul, position: tester, address: '-', city: '-', stateorprovince: '-', postalcode: '-',
            country: Indonesia, phone: '-', fax: '-', email: test@example.org, url: {url}, hours: '-',
            instructions: '-', role: pointOfContact}}
resources:
  metadata:
    type: collection
    title: Katalog metadata
    description: ISO records published by Simpul
    keywords: [metadata]
    links: []
    extents:
      spatial: {{bbox: [95, -11, 141, 6], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'}}
    providers:
      - type: record
        name: TinyDBCatalogue
        data: {db}
        editable: true
        id_field: id
        time_field: updated
        title_field: title
"""


@pytest.fixture(scope="session")
def records_api(tmp_path_factory):
    api = _RecordsApi(str(tmp_path_factory.mktemp("pygeoapi")))
    yield api
    api.close()


def make_authcfg(name, user, password, method="Basic"):
    """An authcfg in QGIS's auth database (the tests' sandbox); returns its id."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("simpul-test-master", True)
    cfg = QgsAuthMethodConfig()
    cfg.setName(name)
    cfg.setMethod(method)
    cfg.setConfig("username", user)
    cfg.setConfig("password", password)
    am.storeAuthenticationConfig(cfg)
    assert cfg.id(), "the authcfg was not stored"
    return cfg.id()


def make_oauth2_authcfg(name, token_url, user, password):
    """An OAuth2 authcfg (resource owner password grant against ``token_url``); returns its id."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("simpul-test-master", True)
    config = {"apiKey": "", "clientId": "simpul", "clientSecret": "", "configType": 1, "customHeader": "",
              "description": "", "grantFlow": 2, "id": "", "name": name, "password": password,
              "persistToken": False, "queryPairs": {}, "redirectPort": 7070, "redirectUrl": "",
              "refreshTokenUrl": "", "requestTimeout": 10, "requestUrl": token_url, "scope": "",
              "tokenUrl": token_url, "username": user, "version": 1}
    cfg = QgsAuthMethodConfig()
    cfg.setName(name)
    cfg.setMethod("OAuth2")
    cfg.setConfig("oauth2config", json.dumps(config))
    am.storeAuthenticationConfig(cfg)
    assert cfg.id(), "the authcfg was not stored"
    return cfg.id()


@pytest.fixture(scope="session")
def gs_auth(qgis_app):
    return make_authcfg("geoserver-double", "admin", "geoserver")

