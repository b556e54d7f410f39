"""The demo node's GeoServer REST emulation (``demo/publish_rest.py``) as a stand-alone test
server on 127.0.0.1, with fault injection and a record of every request.

The REST API itself (routes, catalogue, answers, ``GAPS``) is the demo node's code; this
module adds only what a test needs around it: a threaded HTTP server of its own (so faults
can drop a connection mid-upload or hold it without answering, see tests/faults.py), the
list of requests (method, path template, query parameter names, status) that
``tests/test_geoserver_double_spec.py`` checks against GeoServer's specification, an OAuth2
token endpoint, and — laid out like a Palapa node — ``/geoserver/ows`` (a pluggable backend,
``demo.gs_ows.QgisServerBackend``) and ``/csw`` passed through to a real pycsw.
"""
import http.client
import json
import os
import shutil
import tempfile
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from faults import FaultBox, dispatching_handler, drop_connection, hold

from demo.gs_answers import container_page
from demo.publish_rest import GAPS, OWS_PATH, REST, ROUTES, SPEC_PATH_ALIASES, PublishRest  # noqa: F401


class GeoServerDouble:
    def __init__(self, user="admin", password="geoserver", csw_upstream=None, ows_backend=None):
        self.data_dir = tempfile.mkdtemp(prefix="gs-double-")
        self.faults = FaultBox()
        self.requests = []       # {"method", "template", "path", "params", "status"}
        self.csw_upstream = csw_upstream
        self.ows_backend = ows_backend
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = "http://127.0.0.1:%d" % self.port
        self.rest_url = self.base_url + REST
        self.rest = PublishRest(os.path.join(self.data_dir, "data"), self.base_url, user, password)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    # the REST emulation's state, as the tests and the OWS backend read it
    catalog = property(lambda self: self.rest.catalog)
    lock = property(lambda self: self.rest.lock)
    tokens = property(lambda self: self.rest.tokens)
    token = property(lambda self: self.rest.token)

    # --- for tests ----------------------------------------------------------------------------
    def snapshot(self):
        return self.rest.snapshot()

    def fail(self, method, pattern, kind, **kw):
        return self.faults.add(method, pattern, kind, **kw)

    def add_workspace(self, name):
        self.rest.add_workspace(name)

    def used(self):
        """(method, template) pairs the clients used, with the statuses answered and query parameter names."""
        out = {}
        for r in self.requests:
            if r["template"]:
                entry = out.setdefault((r["method"], r["template"]), {"statuses": set(), "params": set()})
                entry["statuses"].add(r["status"])
                entry["params"].update(r["params"])
        return out

    def close(self):
        self.faults.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    # --- HTTP -----------------------------------------------------------------------------------
    def _handler_class(self):
        return dispatching_handler(self, ("GET", "POST", "PUT", "DELETE", "HEAD"))

    def send(self, h, status, body=b"", ctype="text/plain", headers=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(body)

    def read_body(self, h, to_file=False):
        """The request body (bytes), or the path of a temporary file holding it; None if the
        client went away before sending all of it."""
        length = int(h.headers.get("Content-Length") or 0)
        if not to_file:
            data = h.rfile.read(length) if length else b""
            return data if len(data) == length else None
        fd, path = tempfile.mkstemp(prefix="upload-", dir=self.data_dir)
        got = 0
        with os.fdopen(fd, "wb") as out:
            while got < length:
                chunk = h.rfile.read(min(1 << 20, length - got))
                if not chunk:
                    break
                out.write(chunk)
                got += len(chunk)
        if got != length:
            os.remove(path)
            return None
        return path

    def _token(self, h, record):
        """OAuth2 token endpoint (resource owner password grant), for the OAuth2 authcfg tests."""
        form = dict(parse_qsl((self.read_body(h) or b"").decode("utf-8")))
        if form.get("grant_type") == "password" and (form.get("username"), form.get("password")) == (
                self.rest.user, self.rest.password):
            token = "gs-" + os.urandom(8).hex()
            self.rest.tokens.add(token)
            record["status"] = 200
            self.send(h, 200, json.dumps({"access_token": token, "token_type": "bearer", "expires_in": 3600}),
                      "application/json")
        else:
            record["status"] = 400
            self.send(h, 400, json.dumps({"error": "invalid_grant"}), "application/json")

    def dispatch(self, h, method):
        parts = urlsplit(h.path)
        path = unquote(parts.path)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        record = {"method": method, "template": "", "path": path, "params": sorted(query), "status": 0}
        self.requests.append(record)
        try:
            if path.startswith(REST + "/") or path == REST:
                self._rest(h, method, path[len(REST):], query, record)
            elif path == "/geoserver/oauth2/token" and method == "POST":
                self._token(h, record)
            elif path == "/csw" and self.csw_upstream:
                self._csw(h, method, parts.query, record)
            elif OWS_PATH.match(path) and self.ows_backend is not None:
                status, ctype, body = self.ows_backend(self, OWS_PATH.match(path).group("scope"), parts.query)
                record["status"] = status
                self.send(h, status, body, ctype)
            else:
                self.read_body(h)
                record["status"] = 404
                self.send(h, 404, container_page(404, "The requested resource [%s] is not available" % path),
                          "text/html;charset=utf-8")
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True

    def _fault(self, h, method, path, record, body_head=b""):
        fault = self.faults.take(method, path, body_head)
        if fault is None:
            return None
        if fault.kind == "drop":
            drop_connection(h, int(h.headers.get("Content-Length") or 0))
            record["status"] = -1
            return "done"
        return fault

    def _answer_fault(self, h, fault, record):
        if fault.kind == "500":
            record["status"] = 500
            self.send(h, 500, fault.message)
        elif fault.kind == "401":
            status, ctype, body, headers = self.rest.unauthorised()
            record["status"] = status
            self.send(h, status, body, ctype, headers)

    def _rest(self, h, method, rel, query, record):
        route, args = self.rest.route(rel, method)
        record["template"] = route[0] if route else ""
        fault = self._fault(h, method, rel, record)
        if fault == "done":
            return
        upload = self.rest.is_upload(route, method)
        body = self.read_body(h, to_file=upload)
        if body is None:     # the client went away mid-request: nothing happens
            record["status"] = -1
            h.close_connection = True
            return
        try:
            if fault is not None and fault.kind in ("500", "401"):
                self._answer_fault(h, fault, record)
                return
            headers = {k: h.headers.get(k, "") for k in ("Authorization", "Content-Type", "Accept")}
            status, ctype, payload, extra = self.rest.handle(method, route, args, query, headers, body)
            if fault is not None and fault.kind == "timeout":
                record["status"] = -2
                hold(h, self.faults)
                return
            record["status"] = status
            self.send(h, status, payload, ctype, extra)
        finally:
            if upload and body and os.path.exists(body):
                os.remove(body)

    # --- the catalogue behind /csw ------------------------------------------------------------
    def _csw(self, h, method, query, record):
        record["template"] = ""
        body = self.read_body(h)
        if body is None:
            record["status"] = -1
            return
        fault = self.faults.take(method, "/csw", body)
        if fault is not None and fault.kind in ("500", "401"):
            self._answer_fault(h, fault, record)
            return
        if fault is not None and fault.kind == "drop":
            record["status"] = -1
            h.close_connection = True
            try:
                h.connection.shutdown(2)
            except OSError:
                pass
            return
        up = urlsplit(self.csw_upstream)
        conn = http.client.HTTPConnection(up.hostname, up.port, timeout=60)
        try:
            headers = {"Content-Type": h.headers.get("Content-Type", "application/xml")} if body else {}
            conn.request(method, up.path + ("?" + query if query else ""), body or None, headers)
            resp = conn.getresponse()
            data = resp.read()
            status, ctype = resp.status, resp.getheader("Content-Type", "application/xml")
        finally:
            conn.close()
        if fault is not None and fault.kind == "timeout":
            record["status"] = -2
            hold(h, self.faults)
            return
        record["status"] = status
        self.send(h, status, data, ctype)
