"""A loopback HTTP server that takes any request with a body and tells what it got — for the
tests of ``http_request`` (PUT/POST/DELETE, streamed uploads, progress, cancel, timeouts),
and the same over TLS with a self-signed certificate (made at test time with openssl).

* ``upload_server`` (function): ``.url``; ``.got`` — one dict per request: method, path,
  headers, length, sha256 (the body is hashed as it streams in, never kept); ``.behave(path,
  how)`` with how in ("hang", "redirect:<url>", "status:<code>:<text>").
* ``tls_server`` (function): the same, on https with a certificate no one signed.
"""
import hashlib
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

__all__ = ["upload_server", "tls_server", "UploadServer"]


class UploadServer:
    def __init__(self, context=None):
        self.got = []
        self.rules = {}
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def _any(self):
                path = urlsplit(self.path).path
                how = outer.rules.get(path, "")
                length = int(self.headers.get("Content-Length") or 0)
                digest, got = hashlib.sha256(), 0
                if how == "hang-early":
                    outer.release.wait(30)
                    self.close_connection = True
                    return
                while got < length:
                    chunk = self.rfile.read(min(1 << 20, length - got))
                    if not chunk:
                        break
                    digest.update(chunk)
                    got += len(chunk)
                outer.got.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                  "length": got, "sha256": digest.hexdigest()})
                if how == "hang":
                    outer.release.wait(30)
                    self.close_connection = True
                    return
                if how.startswith("redirect:"):
                    self._send(307, b"", {"Location": how.split(":", 1)[1]})
                    return
                status, text = 200, b'{"ok": true}'
                if how.startswith("status:"):
                    _, code, message = how.split(":", 2)
                    status, text = int(code), message.encode("utf-8")
                self._send(status, text)

            def _send(self, status, body, headers=None):
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if body.startswith(b"{") else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def _safe(self):
                try:
                    self._any()
                except (BrokenPipeError, ConnectionResetError):   # the client went away (cancel, timeout)
                    self.close_connection = True

            do_PUT = do_POST = do_DELETE = do_GET = do_PATCH = _safe

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        if context is not None:
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.url = "%s://127.0.0.1:%d" % ("https" if context else "http", self.port)
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def behave(self, path, how):
        self.rules[path] = how

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def upload_server():
    srv = UploadServer()
    yield srv
    srv.close()


def _self_signed(folder):
    """A certificate for 127.0.0.1 signed by itself, made here with the openssl tool (Debian's
    openssl, which ca-certificates brings)."""
    cert_path, key_path = str(folder / "cert.pem"), str(folder / "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key_path, "-out",
                    cert_path, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path):
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv = UploadServer(context)
    yield srv
    srv.close()
