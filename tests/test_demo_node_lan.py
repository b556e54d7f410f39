"""The training-room node bound beyond loopback (issue 11, item 7): ``demo.node --host 0.0.0.0``
refuses the documented demo login simpul/latihan for GeoServer REST writes and CSW-T, and
accepts the random password it printed once at start; the trainer view shows it on the node's
own machine only. On loopback the documented login stays (tests/test_demo_node.py)."""
import base64
import os
import signal
import subprocess
import types

import pytest
import requests
from lxml import etree

from fixtures_node import ROOT, free_port
from test_demo_node import NS, _catalogue_ids, _delete_body, _insert_body, _transaction

from demo.node import QGIS_PYTHON, is_loopback, random_password


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()}


@pytest.fixture(scope="module")
def lan_node(tmp_path_factory, sample_data_dir):
    """``python -m demo.node --host 0.0.0.0`` as a trainer starts it; what it printed."""
    port = free_port()
    workdir = str(tmp_path_factory.mktemp("lan-node"))
    base = "http://127.0.0.1:%d" % port                     # reached from this machine
    proc = subprocess.Popen([QGIS_PYTHON, "-m", "demo.node",
                             "--host", "0.0.0.0", "--port", str(port), "--workdir", workdir,
                             "--sample-dir", sample_data_dir, "--public-url", base],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, PYTHONPATH=ROOT), start_new_session=True)
    printed = []
    try:
        for line in proc.stdout:                            # until the node says it is ready (or dies)
            printed.append(line)
            if line.startswith("Ctrl-C stops the node"):
                break
        assert printed and printed[-1].startswith("Ctrl-C"), "".join(printed)[-3000:]
        yield types.SimpleNamespace(base_url=base, csw_url=base + "/csw", rest=base + "/geoserver/rest",
                                    printed="".join(printed))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=120)


def printed_password(text):
    lines = [l for l in text.splitlines() if "PUBLISHING PASSWORD" in l]
    assert len(lines) == 1, text                            # printed once
    return lines[0].rsplit(":", 1)[1].strip()


def test_loopback_is_127_0_0_0_8_and_localhost():
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "localhost", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "", "192.168.1.10", "10.0.0.5"))
    a, b = random_password(), random_password()
    assert a != b and len(a) == 14 and a != "latihan"


def test_the_documented_login_is_refused_and_the_printed_one_accepted(lan_node):
    password = printed_password(lan_node.printed)
    assert password and password != "latihan"
    assert "password latihan" not in lan_node.printed
    web = requests.Session()
    web.trust_env = False
    try:
        url = lan_node.rest + "/workspaces"
        body = {"workspace": {"name": "peserta_uji_lan"}}
        refused = web.post(url, json=body, headers=basic("simpul", "latihan"), timeout=30)
        assert refused.status_code == 401, refused.text[:300]
        assert web.get(url + ".json", headers=basic("simpul", "latihan"), timeout=30).status_code == 401
        made = web.post(url, json=body, headers=basic("simpul", password), timeout=30)
        assert made.status_code == 201, made.text[:300]
        listed = web.get(url + ".json", headers=basic("simpul", password), timeout=30)
        assert "peserta_uji_lan" in listed.text
    finally:
        web.close()


def test_csw_t_from_another_address_needs_the_printed_password(lan_node):
    password = printed_password(lan_node.printed)
    web = requests.Session()
    web.trust_env = False
    mid = "simpul-uji-lan-csw-t"
    seeded = _catalogue_ids(web, lan_node)
    status, doc = _transaction(lan_node, _insert_body(lan_node, mid), source="127.0.0.2",
                               headers=basic("simpul", "latihan"))
    assert etree.QName(doc).localname == "ExceptionReport", etree.tostring(doc)
    assert _catalogue_ids(web, lan_node) == seeded
    status, doc = _transaction(lan_node, _insert_body(lan_node, mid), source="127.0.0.2",
                               headers=basic("simpul", password))
    try:
        assert status == 200 and doc.findtext(".//csw:totalInserted", namespaces=NS) == "1", etree.tostring(doc)
    finally:
        _transaction(lan_node, _delete_body(mid), source="127.0.0.2", headers=basic("simpul", password))
    assert _catalogue_ids(web, lan_node) == seeded
    web.close()


def test_the_trainer_view_shows_the_password_on_this_machine_only(lan_node):
    import http.client as httpclient
    password = printed_password(lan_node.printed)

    def lab_page(source):
        conn = httpclient.HTTPConnection("127.0.0.1", int(lan_node.base_url.rsplit(":", 1)[1]),
                                         source_address=(source, 0), timeout=30)
        try:
            conn.request("GET", "/lab")
            return conn.getresponse().read().decode("utf-8")
        finally:
            conn.close()
    assert password in lab_page("127.0.0.1")
    other = lab_page("127.0.0.2")
    assert password not in other and "tanyakan kepada pelatih" in other
    assert password not in requests.get(lan_node.base_url + "/lab?f=json", timeout=30).text
    assert password not in requests.get(lan_node.base_url + "/lab/directory.json", timeout=30).text
    assert password not in requests.get(lan_node.base_url + "/?f=json", timeout=30).text
