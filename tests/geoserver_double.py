"""A GeoServer REST test double: a threaded HTTP server on 127.0.0.1 with an in-memory catalogue.

GeoServer cannot be installed on these machines, so this double stands in for it, following
GeoServer's published REST API specification (Swagger 2.0, ``/work/shared/geoserver-rest-api``;
``tests/test_geoserver_double_spec.py`` checks it against those files): the same paths
(``ROUTES`` uses the specification's path templates and parameter names), methods, status
codes (201 Created with Location, 200, 404, 405, 409 and 500 on duplicates as GeoServer
answers, 401 without credentials) and error bodies (see geoserver_catalog.py).

It is laid out like a Palapa node: ``/geoserver/rest`` (the double), ``/geoserver/ows`` and
``/geoserver/{workspace}/ows`` (WMS/WFS by a pluggable backend — the fixture puts QGIS Server
behind it, serving what was uploaded), and ``/csw`` (passed through to a real pycsw). Faults
can be injected on any path (tests/faults.py).

Known gaps to a real GeoServer: see ``GAPS`` below (also in the README).
"""
import base64
import http.client
import json
import os
import re
import shutil
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from faults import FaultBox, drop_connection, hold
from geoserver_answers import Answer, container_page
from geoserver_catalog import Catalog, parse_body

REST = "/geoserver/rest"
GAPS = """\
- JSON only: request bodies in XML get 415 (GeoServer takes both); answers are JSON shaped like the specification's examples.
- Uploads: only the `file` method (not `url`/`external`) and only GeoPackage and zipped Shapefile; the data are
  read for their table names, CRS and bounds, not through GeoTools, so GeoServer's own data checks are not made.
- The catalogue lives in memory (files on disk); no GeoWebCache, no security rules beyond one admin user (HTTP Basic),
  no namespaces endpoint, no coverage stores, no layer groups, no `/about` endpoints.
- WMS/WFS are not GeoServer's: the fixture serves what was uploaded with QGIS Server (layer names, capabilities and
  rendering are QGIS Server's, e.g. its WFS writes `ws:name` as `ws-name`).
- Status codes follow the specification where it lists them; where it is silent the double answers as GeoServer's
  source does (see tests/test_geoserver_double_spec.py for each such code and its source).
"""

# (path template as the specification writes it, relative to /geoserver/rest; method -> handler or status)
ROUTES = [
    ("/workspaces", {"GET": "workspaces_get", "POST": "workspaces_post", "PUT": 405, "DELETE": 405}),
    ("/workspaces/{workspaceName}", {"GET": "workspace_get", "PUT": "workspace_put", "DELETE": "workspace_delete",
                                     "POST": 405}),
    ("/workspaces/{workspaceName}/datastores", {"GET": "datastores_get", "POST": "datastores_post", "PUT": 405,
                                                "DELETE": 405}),
    ("/workspaces/{workspaceName}/datastores/{storeName}/{method}.{format}",
     {"GET": "store_files_get", "PUT": "store_upload", "POST": 405, "DELETE": 405}),
    ("/workspaces/{workspaceName}/datastores/{storeName}/featuretypes",
     {"GET": "featuretypes_get", "POST": "featuretypes_post", "PUT": 405, "DELETE": 405}),
    ("/workspaces/{workspaceName}/datastores/{storeName}/featuretypes/{featureTypeName}",
     {"GET": "featuretype_get", "PUT": "featuretype_put", "DELETE": "featuretype_delete", "POST": 405}),
    ("/workspaces/{workspaceName}/datastores/{storeName}", {"GET": "datastore_get", "PUT": "datastore_put",
                                                            "DELETE": "datastore_delete", "POST": 405}),
    ("/workspaces/{workspaceName}/featuretypes/{featureTypeName}", {"GET": "featuretype_ws_get", "POST": 405}),
    ("/workspaces/{workspace}/styles", {"GET": "styles_get", "POST": "styles_post", "PUT": 405, "DELETE": 405}),
    # styles.yaml writes this one "/rest/workspaces/{workspace}/styles/{style}" under basePath /geoserver/rest
    # (an upstream slip: GeoServer serves it at /geoserver/rest/workspaces/…); see SPEC_PATH_ALIASES.
    ("/workspaces/{workspace}/styles/{style}", {"GET": "style_get", "PUT": "style_put", "DELETE": "style_delete",
                                                "POST": 405}),
    ("/styles/{style}", {"GET": "global_style_get", "POST": 405}),
    ("/layers", {"GET": "layers_get"}),
    ("/layers/{layerName}", {"GET": "layer_get", "PUT": "layer_put", "DELETE": "layer_delete"}),
]
SPEC_PATH_ALIASES = {"/workspaces/{workspace}/styles/{style}": "/rest/workspaces/{workspace}/styles/{style}"}
UPLOAD_TEMPLATE = "/workspaces/{workspaceName}/datastores/{storeName}/{method}.{format}"
STRIPPED_EXTENSIONS = ("json", "xml", "html", "sld")


def _regex(template):
    pattern = re.escape(template)
    pattern = pattern.replace(r"\{method\}\.\{format\}", r"(?P<method>[^/.]+)\.(?P<format>[^/.]+)")
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", pattern)
    return re.compile("^%s$" % pattern)


_COMPILED = [(t, _regex(t), m) for t, m in ROUTES]


class GeoServerDouble:
    def __init__(self, user="admin", password="geoserver", csw_upstream=None, ows_backend=None):
        self.user, self.password = user, password
        self.data_dir = tempfile.mkdtemp(prefix="gs-double-")
        self.lock = threading.RLock()
        self.faults = FaultBox()
        self.requests = []       # {"method", "template", "path", "params", "status"}
        self.csw_upstream = csw_upstream
        self.ows_backend = ows_backend
        self.tokens = set()      # OAuth2 bearer tokens handed out by /geoserver/oauth2/token
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = "http://127.0.0.1:%d" % self.port
        self.rest_url = self.base_url + REST
        self.catalog = Catalog(self.rest_url, os.path.join(self.data_dir, "data"))
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    # --- for tests ----------------------------------------------------------------------------
    def snapshot(self):
        with self.lock:
            return self.catalog.snapshot()

    def fail(self, method, pattern, kind, **kw):
        return self.faults.add(method, pattern, kind, **kw)

    def add_workspace(self, name):
        with self.lock:
            self.catalog.workspaces[name] = {"name": name}
            self.catalog.changed()

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
        double = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True   # headers and body go out at once (no 40 ms delayed-ACK stall)

            def log_message(self, *args):
                pass

            def do_GET(self):
                double.dispatch(self, "GET")

            def do_POST(self):
                double.dispatch(self, "POST")

            def do_PUT(self):
                double.dispatch(self, "PUT")

            def do_DELETE(self):
                double.dispatch(self, "DELETE")

            def do_HEAD(self):
                double.dispatch(self, "HEAD")

        return Handler

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

    def authorised(self, h):
        """HTTP Basic with the admin's credentials, or an OAuth2 bearer token from the token endpoint
        (GeoServer's OAuth2 community module answers REST calls the same way)."""
        given = h.headers.get("Authorization") or ""
        expected = "Basic " + base64.b64encode(("%s:%s" % (self.user, self.password)).encode()).decode()
        return given == expected or (given.startswith("Bearer ") and given[7:] in self.tokens)

    def _token(self, h, record):
        """OAuth2 token endpoint (resource owner password grant), for the OAuth2 authcfg tests."""
        form = dict(parse_qsl((self.read_body(h) or b"").decode("utf-8")))
        if form.get("grant_type") == "password" and (form.get("username"), form.get("password")) == (
                self.user, self.password):
            token = "gs-" + os.urandom(8).hex()
            self.tokens.add(token)
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
            elif re.match(r"^/geoserver(/[^/]+)?/(ows|wms|wfs)$", path) and self.ows_backend is not None:
                scope = path.split("/")[2] if path.count("/") == 3 else None
                status, ctype, body = self.ows_backend(self, scope, parts.query)
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
            record["status"] = 401
            self.send(h, 401, container_page(401, "Full authentication is required to access this resource"),
                      "text/html;charset=utf-8", {"WWW-Authenticate": 'Basic realm="GeoServer Realm"'})

    def _rest(self, h, method, rel, query, record):
        route, args = self._route(rel, method)
        record["template"] = route[0] if route else ""
        fault = self._fault(h, method, rel, record)
        if fault == "done":
            return
        upload = route is not None and route[0] == UPLOAD_TEMPLATE and method == "PUT"
        body = self.read_body(h, to_file=upload)
        if body is None:     # the client went away mid-request: nothing happens
            record["status"] = -1
            h.close_connection = True
            return
        try:
            if fault is not None and fault.kind in ("500", "401"):
                self._answer_fault(h, fault, record)
                return
            if not self.authorised(h):
                record["status"] = 401
                self.send(h, 401, container_page(401, "Full authentication is required to access this resource"),
                          "text/html;charset=utf-8", {"WWW-Authenticate": 'Basic realm="GeoServer Realm"'})
                return
            status, ctype, payload, headers = self._call(h, method, route, args, query, body)
            if fault is not None and fault.kind == "timeout":
                record["status"] = -2
                hold(h, self.faults)
                return
            record["status"] = status
            self.send(h, status, payload, ctype, headers)
        finally:
            if upload and body and os.path.exists(body):
                os.remove(body)

    def _route(self, rel, method):
        for template, regex, methods in _COMPILED:
            if template == UPLOAD_TEMPLATE:
                m = regex.match(rel)
                if m and m.group("format") not in STRIPPED_EXTENSIONS:
                    return (template, methods), m.groupdict()
                continue
            stem, ext = rel, ""
            last = rel.rsplit("/", 1)[-1]
            if "." in last and last.rsplit(".", 1)[1] in STRIPPED_EXTENSIONS:
                stem, ext = rel.rsplit(".", 1)
            m = regex.match(stem)
            if m:
                args = m.groupdict()
                args["_ext"] = ext
                return (template, methods), args
        return None, {}

    def _call(self, h, method, route, args, query, body):
        if route is None:
            return 404, "text/html;charset=utf-8", container_page(404, "No mapping for the request"), {}
        handler = route[1].get(method)
        if handler is None or isinstance(handler, int):
            return 405, "text/html;charset=utf-8", container_page(
                405, "Request method '%s' not supported" % method), {"Allow": ", ".join(
                    m for m, v in route[1].items() if not isinstance(v, int))}
        ctype = h.headers.get("Content-Type", "")
        ext = args.pop("_ext", "")
        accept = h.headers.get("Accept", "")
        cat = self.catalog
        special = {
            "store_upload": lambda: cat.store_upload(query, body, ctype, args["workspaceName"], args["storeName"],
                                                     args["method"], args["format"]),
            "store_files_get": lambda: cat.store_files_get(query, args["workspaceName"], args["storeName"],
                                                           args["method"], args["format"]),
            "styles_post": lambda: cat.styles_post(query, body, ctype, args["workspace"]),
            "style_put": lambda: cat.style_put(query, body, ctype, args["workspace"], args["style"]),
            "style_get": lambda: cat.style_get(query, args.get("workspace"), args["style"], ext, accept),
            "global_style_get": lambda: cat.style_get(query, None, args["style"], ext, accept),
            "style_delete": lambda: cat.style_delete(query, args["workspace"], args["style"]),
        }
        try:
            with self.lock:
                if handler in special:
                    status, data = special[handler]()
                elif method in ("POST", "PUT"):
                    status, data = getattr(cat, handler)(query, parse_body(body, ctype), *self._positional(args))
                else:
                    status, data = getattr(cat, handler)(query, *self._positional(args))
        except Answer as answer:
            return answer.status, answer.ctype, answer.body, answer.headers
        if data is None:
            return status, "text/plain", b"", {}
        return status, "application/json", json.dumps(data).encode("utf-8"), {}

    @staticmethod
    def _positional(args):
        order = ("workspaceName", "workspace", "storeName", "featureTypeName", "layerName", "style")
        return [args[k] for k in order if k in args]

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
