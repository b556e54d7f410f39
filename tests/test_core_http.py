"""HTTP through QGIS's network stack: timeouts, size caps, error statuses, redirects."""
from hostile import WMS_OK
from sdi_plugin.core.network.http import http_get


def test_ok_answer(scripted_server):
    scripted_server.static("/ows", WMS_OK)
    r = http_get(scripted_server.url + "/ows?SERVICE=WMS")
    assert r.ok and r.status == 200
    assert r.content == WMS_OK
    assert r.content_type == "application/xml"


def test_server_error_reports_status(scripted_server):
    scripted_server.static("/ows", b"Internal Server Error", status=500, ctype="text/plain")
    r = http_get(scripted_server.url + "/ows")
    assert not r.ok
    assert r.status == 500
    assert "HTTP 500" in r.error


def test_hanging_server_times_out(scripted_server):
    scripted_server.hang("/slow")
    r = http_get(scripted_server.url + "/slow", timeout=1.0)
    assert r.timed_out
    assert "no answer within 1 s" in r.error


def test_huge_answer_is_cut_off(scripted_server):
    scripted_server.huge("/big", declare_length=True)
    r = http_get(scripted_server.url + "/big", max_bytes=1024 * 1024)
    assert r.too_large and not r.ok
    assert r.content == b""


def test_huge_answer_without_length_is_cut_off(scripted_server):
    scripted_server.huge("/big", declare_length=False)
    r = http_get(scripted_server.url + "/big", max_bytes=1024 * 1024)
    assert r.too_large and not r.ok


def test_redirect_is_followed(scripted_server):
    scripted_server.static("/new", WMS_OK)
    scripted_server.redirect("/old", scripted_server.url + "/new")
    r = http_get(scripted_server.url + "/old")
    assert r.ok and r.content == WMS_OK


def test_redirect_to_https_that_fails_is_an_error_not_a_hang(scripted_server):
    # http -> https on a port that speaks plain http: the TLS handshake fails, quickly.
    scripted_server.redirect("/old", "https://127.0.0.1:%d/new" % scripted_server.port)
    r = http_get(scripted_server.url + "/old", timeout=5.0)
    assert not r.ok
    assert r.error and not r.timed_out


def test_refused_connection(scripted_server):
    port = scripted_server.port
    scripted_server.close()
    r = http_get("http://127.0.0.1:%d/ows" % port, timeout=5.0)
    assert not r.ok and r.status == 0 and r.error


def test_not_a_web_address():
    r = http_get("ftp://example.org/x")
    assert not r.ok and "http" in r.error


def test_a_server_that_starts_failing_is_seen_failing(scripted_server):
    """No answer comes from QGIS's network cache: a node that now fails must look failed."""
    scripted_server.static("/ows", WMS_OK)
    assert http_get(scripted_server.url + "/ows").ok
    scripted_server.static("/ows", b"down", status=503, ctype="text/plain")
    r = http_get(scripted_server.url + "/ows")
    assert r.status == 503 and not r.ok


def _pki_paths_authcfg_without_its_files():
    """A real login in QGIS's auth database that QGIS cannot apply: a PKI-Paths configuration
    whose certificate and key files are not there."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("simpul-test-master", True)
    cfg = QgsAuthMethodConfig()
    cfg.setName("pki-without-files")
    cfg.setMethod("PKI-Paths")
    cfg.setConfig("certpath", "/nonexistent/simpul/client.pem")
    cfg.setConfig("keypath", "/nonexistent/simpul/client.key")
    am.storeAuthenticationConfig(cfg)
    assert cfg.id()
    return cfg.id()


def test_a_login_that_cannot_be_applied_stops_get_and_post(scripted_server, qgis_app):
    """updateNetworkRequest answers (ok, request) in PyQGIS: a failed login must stop the
    request with a clear message, never send it without the login."""
    from sdi_plugin.core.network.http import http_post
    scripted_server.static("/ows", WMS_OK)
    https = "https://127.0.0.1:%d/ows" % scripted_server.port   # a client certificate is for https only
    for authcfg, url in (("nosuch1", scripted_server.url + "/ows"), (_pki_paths_authcfg_without_its_files(), https)):
        r = http_get(url, authcfg=authcfg)
        assert not r.ok and r.status == 0
        assert "authentication configuration %s could not be applied" % authcfg in r.error
        r = http_post(url, b"<GetRecords/>", authcfg=authcfg)
        assert not r.ok and r.status == 0
        assert "authentication configuration %s could not be applied" % authcfg in r.error
    assert scripted_server.hits == []


def test_one_json_decoder_names_the_server(scripted_server):
    """HttpResponse.json(): the parsed answer, or one translated message naming the server
    (NotJson, a ValueError) — the same for every module that reads JSON from a node."""
    import pytest
    from hostile import HTML_ERROR
    from sdi_plugin.core.network.http import NotJson
    scripted_server.static("/ok", b'\xef\xbb\xbf{"conformsTo": []}', ctype="application/json")
    scripted_server.static("/html", HTML_ERROR, ctype="text/html")
    scripted_server.static("/bad", b'{"links": [', ctype="application/json")
    assert http_get(scripted_server.url + "/ok").json() == {"conformsTo": []}
    server = "127.0.0.1:%d" % scripted_server.port
    with pytest.raises(NotJson, match="^%s sent a web page \\(HTML\\), not JSON$" % server):
        http_get(scripted_server.url + "/html").json()
    with pytest.raises(ValueError, match="^%s did not answer valid JSON$" % server):
        http_get(scripted_server.url + "/bad").json()


def test_a_lost_request_is_logged_without_the_secrets_of_its_url(scripted_server, monkeypatch):
    """The request path logs the URL of a request whose Qt objects vanished (then sends it
    again): a token, key or password in that URL must not reach the message log."""
    from qgis.core import QgsApplication
    from sdi_plugin.core.network import http
    scripted_server.static("/ows", WMS_OK)
    real, calls = http._send_once, []

    def lose_the_first(*args, **kwargs):
        calls.append(args[1])
        if len(calls) == 1:   # what PyQt raises when a request's reply was deleted under it
            raise RuntimeError("wrapped C/C++ object of type QNetworkReply has been deleted")
        return real(*args, **kwargs)
    monkeypatch.setattr(http, "_send_once", lose_the_first)
    logged = []

    def keep(message, tag, level):
        logged.append(message)
    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        base = scripted_server.url.replace("://", "://budi:rahasia-sandi@", 1)
        r = http_get(base + "/ows?SERVICE=WMS&token=tok-12345&apikey=kunci-678")
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    assert r.ok and len(calls) == 2          # sent again after the loss
    lost = [m for m in logged if "has been deleted" in m]
    assert len(lost) == 1 and "/ows?SERVICE=WMS" in lost[0]
    for secret in ("rahasia-sandi", "tok-12345", "kunci-678"):
        assert secret not in lost[0], lost[0]
    assert "budi" in lost[0] and "token=***" in lost[0]


def _held_that(monkeypatch, act):
    """Make every request's reply go through ``act(held)`` as soon as the request holds it."""
    from sdi_plugin.core.network import http

    class Held(http._Held):
        def __init__(self, reply):
            super().__init__(reply)
            act(self)
    monkeypatch.setattr(http, "_Held", Held)


def test_a_live_reply_whose_wrapper_pyqt_forgot_is_still_read_to_the_end(scripted_server, monkeypatch):
    """PyQt 5.15 was seen marking the wrapper of a live reply deleted mid-request (a node check
    after a burst of worker-thread requests; see http._Held). sip.setdeleted does the same on
    purpose: the answer is still read whole, status and body, and nothing is sent twice."""
    from qgis.PyQt import sip
    from hostile import HTML_ERROR
    scripted_server.static("/ows", WMS_OK)
    scripted_server.static("/csw", HTML_ERROR, status=502, ctype="text/html")
    _held_that(monkeypatch, lambda held: sip.setdeleted(held.reply))
    r = http_get(scripted_server.url + "/ows?SERVICE=WMS")
    assert r.ok and r.status == 200 and r.content == WMS_OK
    r = http_get(scripted_server.url + "/csw")
    assert r.status == 502 and "HTTP 502" in r.error and r.content == HTML_ERROR
    assert [h for h in scripted_server.hits if h.startswith("/csw")] == ["/csw"]


def test_a_reply_really_deleted_under_a_request_is_a_network_error(scripted_server, monkeypatch):
    """A reply whose C++ object is gone (its guard child went with it) is never wrapped again:
    the request ends as a network error, without a crash."""
    from qgis.PyQt import sip
    scripted_server.static("/ows", WMS_OK)
    _held_that(monkeypatch, lambda held: sip.delete(held.reply))
    r = http_get(scripted_server.url + "/ows?SERVICE=WMS")
    assert not r.ok and r.error == "network error" and r.content == b""
