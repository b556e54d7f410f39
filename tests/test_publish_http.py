"""``http_request``: PUT/POST/DELETE through QGIS's network stack — uploads streamed from disk
with progress and cancel, no-progress timeouts, authcfg, no redirects for bodies, TLS verified."""
import hashlib
import os

from qgis.core import QgsFeedback

from fixtures_publish import make_authcfg, make_oauth2_authcfg
from sdi_plugin.core.network.http import http_request


def _file(tmp_path, size, name="data.bin"):
    path = tmp_path / name
    with open(path, "wb") as fh:
        block = os.urandom(1 << 20)
        left = size
        while left > 0:
            fh.write(block[: min(left, len(block))])
            left -= len(block)
    return path


def _sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def test_put_streams_a_file_with_progress(upload_server, tmp_path):
    path = _file(tmp_path, 24 * 1024 * 1024 + 123)
    seen = []
    r = http_request("PUT", upload_server.url + "/up", path, {"Content-Type": "application/octet-stream"},
                     progress=lambda sent, total: seen.append((sent, total)))
    assert r.ok and r.status == 200, r.error
    got = upload_server.got[-1]
    assert (got["method"], got["length"], got["sha256"]) == ("PUT", os.path.getsize(path), _sha(path))
    assert got["headers"]["Content-Length"] == str(os.path.getsize(path))
    assert seen[-1] == (os.path.getsize(path), os.path.getsize(path))
    assert [s for s, _ in seen] == sorted(s for s, _ in seen)


def test_post_bytes_and_delete(upload_server):
    r = http_request("POST", upload_server.url + "/items", b'{"id": "x"}', {"Content-Type": "application/geo+json"})
    assert r.ok and r.content == b'{"ok": true}'
    assert upload_server.got[-1]["headers"]["Content-Type"] == "application/geo+json"
    assert upload_server.got[-1]["sha256"] == hashlib.sha256(b'{"id": "x"}').hexdigest()
    r = http_request("DELETE", upload_server.url + "/items/x")
    assert r.ok and upload_server.got[-1]["method"] == "DELETE" and upload_server.got[-1]["length"] == 0


def test_error_status_keeps_the_servers_words(upload_server):
    upload_server.behave("/bad", "status:500:java.io.IOException: No space left on device")
    r = http_request("PUT", upload_server.url + "/bad", b"x")
    assert not r.ok and r.status == 500
    assert r.content == b"java.io.IOException: No space left on device"
    assert "HTTP 500" in r.error


def test_cancel_stops_an_upload(upload_server, tmp_path):
    path = tmp_path / "big.bin"
    with open(path, "wb") as fh:
        fh.truncate(1024 * 1024 * 1024)   # sparse: 1 GB at once
    fb = QgsFeedback()
    seen = []

    def progress(sent, total):
        seen.append(sent)
        fb.cancel()
    r = http_request("PUT", upload_server.url + "/up", path, progress=progress, feedback=fb)
    assert r.canceled and not r.ok and r.error == "canceled"
    assert seen and seen[-1] < os.path.getsize(path)
    assert all(g["length"] < os.path.getsize(path) for g in upload_server.got)


def test_no_progress_times_out(upload_server):
    upload_server.behave("/slow", "hang")
    r = http_request("PUT", upload_server.url + "/slow", b"payload", timeout=1.0)
    assert r.timed_out and not r.ok
    assert "no progress for 1 s" in r.error


def test_redirect_is_not_followed_with_a_body(upload_server):
    upload_server.behave("/old", "redirect:%s/new" % upload_server.url)
    r = http_request("PUT", upload_server.url + "/old", b"secret body")
    assert not r.ok and r.status == 307
    assert "/new" in r.error
    assert [g["path"] for g in upload_server.got] == ["/old"]


def test_missing_file_is_a_message_not_an_exception(upload_server, tmp_path):
    r = http_request("PUT", upload_server.url + "/up", tmp_path / "nope.gpkg")
    assert not r.ok and "nope.gpkg" in r.error and upload_server.got == []


def test_authcfg_is_applied_and_a_bad_one_refused(upload_server, qgis_app):
    auth = make_authcfg("upload-basic", "teknisi", "rahasia")
    r = http_request("PUT", upload_server.url + "/up", b"x", authcfg=auth)
    assert r.ok
    assert upload_server.got[-1]["headers"]["Authorization"] == "Basic dGVrbmlzaTpyYWhhc2lh"
    r = http_request("PUT", upload_server.url + "/up", b"x", authcfg="nosuch1")
    assert not r.ok and "nosuch1" in r.error
    assert len(upload_server.got) == 1


def test_oauth2_authcfg_gets_a_token_and_sends_it(upload_server, qgis_app):
    upload_server.behave("/token", 'status:200:{"access_token": "tok-123", "token_type": "bearer", "expires_in": 3600}')
    auth = make_oauth2_authcfg("upload-oauth2", upload_server.url + "/token", "teknisi", "rahasia")
    r = http_request("PUT", upload_server.url + "/up", b"x", authcfg=auth, timeout=10)
    assert r.ok, r.error
    token, put = upload_server.got[0], upload_server.got[-1]
    assert (token["method"], token["path"]) == ("POST", "/token")
    assert token["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert put["headers"]["Authorization"] == "Bearer tok-123"


def test_download_to_file_and_no_half_file_on_error(upload_server, tmp_path):
    out = tmp_path / "copy.json"
    r = http_request("GET", upload_server.url + "/x", output_path=str(out))
    assert r.ok and out.read_bytes() == b'{"ok": true}' and r.content == b""
    upload_server.behave("/gone", "status:404:No such datastore")
    r = http_request("GET", upload_server.url + "/gone", output_path=str(out))
    assert r.status == 404 and r.content == b"No such datastore" and not out.exists()


def test_untrusted_certificate_is_refused(tls_server):
    r = http_request("PUT", tls_server.url + "/up", b"data", timeout=10)
    assert not r.ok and r.status == 0 and r.error
    assert not r.timed_out
    assert tls_server.got == []


def test_not_a_web_address():
    r = http_request("PUT", "ftp://example.org/x", b"x")
    assert not r.ok and "not a web address" in r.error
