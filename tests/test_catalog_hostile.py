"""One bad node among good ones, one test per kind of bad answer: the good node's records still
arrive, the search finishes, and the message names the bad node and says why."""
import pytest

from fixtures_catalogues import post_capable
from hostile import BILLION_LAUGHS, HTML_ERROR, MALFORMED, xxe
from searchrun import SearchLog, held_by
from sdi_plugin.core.catalog.query import SearchQuery
from sdi_plugin.core.catalog.search import FederatedSearch
from sdi_plugin.core.nodes.registry import Node

BAD_NAME = "Simpul Bermasalah"


def _run(csw_catalogues, server, timeout=10.0):
    bad = Node(name=BAD_NAME, url=server.url, level="kota", id="bad",
               services=[{"kind": "CSW", "url": server.url + "/csw", "version": "2.0.2", "versions": ["2.0.2"]}])
    search = FederatedSearch(timeout=timeout)
    log = SearchLog(search)
    search.start(SearchQuery(), [csw_catalogues.nodes["kalteng"], bad, csw_catalogues.nodes["big"]])
    log.wait()
    assert log.finished == 1
    # the good nodes answered in full
    assert log.node_result("kalteng")[0] and log.node_result("big")[0]
    assert len(held_by(search.results(), "kalteng")) == 5 and len(held_by(search.results(), "big")) == 4
    assert log.arrived("bad") == []
    ok, message, total = log.node_result("bad")
    assert not ok and total == -1
    assert message.startswith(BAD_NAME + ": "), message
    assert search.node_states()["bad"].state == "failed"
    return message


def test_html_error_page(csw_catalogues, scripted_server):
    post_capable(scripted_server).static("/csw", HTML_ERROR, status=200, ctype="text/html")
    assert "web page (HTML)" in _run(csw_catalogues, scripted_server)


def test_http_500(csw_catalogues, scripted_server):
    post_capable(scripted_server).static("/csw", HTML_ERROR, status=500, ctype="text/html")
    assert "HTTP 500" in _run(csw_catalogues, scripted_server)


def test_redirect_http_to_https(csw_catalogues, scripted_server):
    # The node moved to https (same host); the https port here speaks plain http, so the TLS
    # handshake fails: the message says where it was sent and what went wrong.
    target = "https://127.0.0.1:%d/csw" % scripted_server.port
    post_capable(scripted_server).redirect("/csw", target, status=301)
    message = _run(csw_catalogues, scripted_server)
    assert target in message and "after a redirect" in message


def test_redirect_to_another_host_is_not_followed(csw_catalogues, scripted_server):
    post_capable(scripted_server).redirect("/csw", "https://elsewhere.invalid/csw", status=302)
    assert "redirected the request to https://elsewhere.invalid/csw" in _run(csw_catalogues, scripted_server)


def test_hanging_node(csw_catalogues, scripted_server):
    post_capable(scripted_server).hang("/csw")
    assert "no answer within 1 s" in _run(csw_catalogues, scripted_server, timeout=1.0)


def test_200_mb_answer(csw_catalogues, scripted_server):
    post_capable(scripted_server).huge("/csw", total=200 * 1024 * 1024, declare_length=False)
    assert "larger than 16 MB" in _run(csw_catalogues, scripted_server)


def test_200_mb_answer_declared(csw_catalogues, scripted_server):
    post_capable(scripted_server).huge("/csw", total=200 * 1024 * 1024, declare_length=True)
    assert "larger than 16 MB" in _run(csw_catalogues, scripted_server)


def test_malformed_xml(csw_catalogues, scripted_server):
    post_capable(scripted_server).static("/csw", MALFORMED)
    assert "not well-formed XML" in _run(csw_catalogues, scripted_server)


def test_billion_laughs(csw_catalogues, scripted_server):
    post_capable(scripted_server).static("/csw", BILLION_LAUGHS)
    assert "declares XML entities" in _run(csw_catalogues, scripted_server)


def test_external_entity(csw_catalogues, scripted_server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-NEGARA")
    post_capable(scripted_server).static("/csw", xxe(str(secret)))
    message = _run(csw_catalogues, scripted_server)
    assert "declares XML entities" in message and "RAHASIA" not in message


@pytest.mark.parametrize("body,why", [
    (b'{"not": "csw"}', "not well-formed XML"),
    (b'<?xml version="1.0"?><WMS_Capabilities version="1.3.0"/>', "not a CSW GetRecords answer"),
])
def test_not_a_catalogue_answer(csw_catalogues, scripted_server, body, why):
    post_capable(scripted_server).static("/csw", body)
    assert why in _run(csw_catalogues, scripted_server)


def test_refused_connection(csw_catalogues, scripted_server):
    port_url = scripted_server.url
    scripted_server.close()

    class Gone:
        url = port_url
    assert _run(csw_catalogues, Gone)
