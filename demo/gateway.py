"""The demo node's gateway: one WSGI application on the node's single base URL.

    /               landing page (HTML; JSON with ?f=json or Accept: application/json)
    /csw            pycsw (CSW 2.0.2 and 3.0.0), run in-process so that its allowed_ips rule for
                    transactions judges the real client address (REMOTE_ADDR)
    /ows            reverse proxy to QGIS Server (WMS 1.3.0, WFS 1.1.0/2.0.0)
    /wfs3 ...       reverse proxy to QGIS Server's OGC API Features
    /geoserver/...  publishing: GeoServer REST emulation (HTTP Basic) and the WMS/WFS of what was
                    published (``demo.publish_rest``; settings under "publish" below)

It runs under gunicorn in the pycsw venv (``demo.node`` starts it); its settings come from the
JSON file named by the environment variable ``SIMPUL_GATEWAY_CONFIG``:

    {"public_url": "http://127.0.0.1:8765", "pycsw_config": ".../pycsw.cfg",
     "upstream": "127.0.0.1:40123", "timeout": 120, "node": {...}, "datasets": [...],
     "publish": {"workdir": "...", "user": "simpul", "password": "...", "upstream": "127.0.0.1:40124"}}

The proxy passes the client's Host header to QGIS Server, so the self-links in its answers
(capabilities, OGC API links) point at the gateway, and it streams bodies both ways.
"""
import base64
import hmac
import html
import http.client
import io
import json
import os
import socket
import threading
from urllib.parse import parse_qs, urlsplit

CONFIG_ENV = "SIMPUL_GATEWAY_CONFIG"
# Request/response headers that belong to one connection and are never forwarded.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
              "trailers", "transfer-encoding", "upgrade", "proxy-connection"}
CHUNK = 64 * 1024
MAX_BUFFERED_BODY = 64 * 1024 * 1024  # only for chunked request bodies, which are buffered


def _is_under(path, prefix):
    """``/wfs3``, ``/wfs3/…`` and ``/wfs3.json`` are under ``/wfs3``; ``/wfs3x`` is not."""
    return path == prefix or path.startswith(prefix + "/") or path.startswith(prefix + ".")


def _simple(start_response, status, body, ctype="text/plain; charset=utf-8", extra=None):
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = [("Content-Type", ctype), ("Content-Length", str(len(body)))]
    headers.extend(extra or [])
    start_response(status, headers)
    return [body]


class _Streamed:
    """The upstream body, passed on in chunks; closing it (gunicorn does, also when the client
    goes away) closes the upstream connection."""

    def __init__(self, conn, resp):
        self.conn = conn
        self.resp = resp

    def __iter__(self):
        try:
            while True:
                block = self.resp.read(CHUNK)
                if not block:
                    break
                yield block
        finally:
            self.close()

    def close(self):
        try:
            self.resp.close()
        finally:
            self.conn.close()


class Gateway:
    def __init__(self, config):
        self.config = config
        self.public_url = config["public_url"].rstrip("/")
        self.pycsw_config = config["pycsw_config"]
        host, _, port = config["upstream"].rpartition(":")
        self.upstream = (host.strip("[]"), int(port))
        self.timeout = float(config.get("timeout", 120))
        self.node = config.get("node", {})
        self.datasets = config.get("datasets", [])
        # pycsw 2.6 keeps some per-request state in shared structures; the catalogue is small and
        # SQLite serialises writes anyway, so requests to pycsw run one at a time.
        self._csw_lock = threading.Lock()
        self.publish_config = config.get("publish") or None
        self._publish = None
        self._publish_lock = threading.Lock()

    # --- routing -------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        try:
            if path in ("/", ""):
                return self.landing(environ, start_response)
            if path in ("/csw", "/csw/"):
                return self.csw(environ, start_response)
            if _is_under(path, "/ows") or _is_under(path, "/wfs3"):
                return self.proxy(environ, start_response)
            if self.publish_config and _is_under(path, "/geoserver"):
                return self.geoserver(environ, start_response)
            if path == "/lab" or path.startswith("/lab/"):  # training: progress, directory, reset (demo/lab.py)
                from demo import lab
                return lab.handle(self, environ, start_response)
            return self.not_found(environ, start_response)
        except Exception as exc:  # noqa: BLE001 - a broken request must not kill the worker
            environ["wsgi.errors"].write("simpul gateway: %s %s failed: %r\n" % (
                environ.get("REQUEST_METHOD"), path, exc))
            return _simple(start_response, "500 Internal Server Error", "Simpul demo gateway: internal error\n")

    # --- landing page --------------------------------------------------------------------------
    def endpoints(self):
        base = self.public_url
        ep = {
            "landing": base + "/",
            "csw": base + "/csw",
            "wms": base + "/ows",
            "wfs": base + "/ows",
            "ogcapi_features": base + "/wfs3",
        }
        if self.publish_config:
            ep["geoserver_rest"] = base + "/geoserver/rest"   # where Simpul publishes (HTTP Basic)
            ep["geoserver_ows"] = base + "/geoserver/ows"     # WMS/WFS of what was published
        return ep

    def description(self):
        ep = self.endpoints()
        base = self.public_url
        return {
            "id": self.node.get("id", "simpul-demo"),
            "title": self.node.get("title", "Simpul Demo"),
            "title_en": self.node.get("title_en", ""),
            "description": self.node.get("abstract", ""),
            "url": base,
            "endpoints": ep,
            "services": [
                {"type": "CSW", "versions": ["2.0.2", "3.0.0"], "url": ep["csw"],
                 "capabilities": ep["csw"] + "?service=CSW&version=2.0.2&request=GetCapabilities",
                 "transactions": "CSW-T from %s only" % self.node.get("allowed_ips", "127.0.0.1")},
                {"type": "WMS", "versions": ["1.3.0"], "url": ep["wms"],
                 "capabilities": ep["wms"] + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"},
                {"type": "WFS", "versions": ["1.1.0", "2.0.0"], "url": ep["wfs"],
                 "capabilities": ep["wfs"] + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"},
                {"type": "OGC API Features", "versions": ["1.0"], "url": ep["ogcapi_features"],
                 "capabilities": ep["ogcapi_features"] + "/collections"},
            ] + ([{"type": "GeoServer REST", "versions": ["2.x (emulated)"], "url": ep["geoserver_rest"],
                   "capabilities": ep["geoserver_rest"] + "/workspaces.json", "authentication": "HTTP Basic"},
                  {"type": "WMS/WFS (published)", "versions": ["1.3.0", "1.1.0", "2.0.0"], "url": ep["geoserver_ows"],
                   "capabilities": ep["geoserver_ows"] + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"}]
                 if self.publish_config else []),
            "publish": ({"geoserver_rest": ep["geoserver_rest"], "wms": ep["geoserver_ows"],
                         "wfs": ep["geoserver_ows"], "csw_transactions": ep["csw"],
                         "authentication": "HTTP Basic",
                         "workspaces": "created on demand, one per participant (e.g. peserta_budi)"}
                        if self.publish_config else None),
            "datasets": [dict(d, collection=ep["ogcapi_features"] + "/collections/" + d["id"])
                         for d in self.datasets],
            "contact": self.node.get("contact", {}),
            "links": [
                {"rel": "self", "type": "application/json", "href": base + "/?f=json"},
                {"rel": "alternate", "type": "text/html", "href": base + "/?f=html"},
                {"rel": "service", "type": "application/xml", "title": "CSW", "href": ep["csw"]},
                {"rel": "service", "type": "application/xml", "title": "WMS/WFS", "href": ep["wms"]},
                {"rel": "service", "type": "application/json", "title": "OGC API Features",
                 "href": ep["ogcapi_features"]},
            ] + ([{"rel": "service", "type": "application/json", "title": "GeoServer REST (publish)",
                   "href": ep["geoserver_rest"]}] if self.publish_config else []),
        }

    def landing(self, environ, start_response):
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return _simple(start_response, "405 Method Not Allowed", "GET only\n", extra=[("Allow", "GET, HEAD")])
        query = parse_qs(environ.get("QUERY_STRING", ""))
        fmt = (query.get("f") or [""])[0].lower()
        accept = environ.get("HTTP_ACCEPT", "")
        want_json = fmt == "json" or (not fmt and "application/json" in accept and "text/html" not in accept)
        desc = self.description()
        if want_json:
            body = json.dumps(desc, indent=2, ensure_ascii=False) + "\n"
            return _simple(start_response, "200 OK", body, "application/json; charset=utf-8")
        return _simple(start_response, "200 OK", self._html(desc), "text/html; charset=utf-8")

    def _html(self, desc):
        e = html.escape
        rows = "".join(
            "<tr><td>%s</td><td>%s</td><td><a href=\"%s\">%s</a></td></tr>" % (
                e(s["type"]), e(", ".join(s["versions"])), e(s["capabilities"]), e(s["url"]))
            for s in desc["services"])
        data = "".join(
            "<tr><td><code>%s</code></td><td>%s</td><td><code>%s</code></td></tr>" % (
                e(d["id"]), e(d.get("title", "")), e(d.get("metadata_id", "")))
            for d in desc["datasets"])
        abstract = "".join("<p>%s</p>" % e(p) for p in desc["description"].split("\n\n") if p)
        return (
            "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            "<title>%(title)s</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style>"
            "</head><body><h1>%(title)s</h1>%(abstract)s"
            "<h2>Layanan / Services</h2><table><tr><th>Layanan</th><th>Versi</th><th>URL</th></tr>%(rows)s</table>"
            "<h2>Dataset</h2><table><tr><th>Nama layer (WMS/WFS)</th><th>Judul</th><th>Metadata</th></tr>%(data)s"
            "</table><p><a href=\"?f=json\">JSON</a> &middot; <a href=\"lab\">Latihan (bimtek): kemajuan peserta</a></p>"
            "</body></html>\n"
        ) % {"title": e(desc["title"]), "abstract": abstract, "rows": rows, "data": data}

    def not_found(self, environ, start_response):
        body = "Not found. This Simpul demo node answers at /, /csw, /ows and /wfs3 (see %s/).\n" % self.public_url
        return _simple(start_response, "404 Not Found", body)

    # --- publishing: GeoServer REST emulation and the WMS/WFS of what was published ------------
    def geoserver(self, environ, start_response):
        if self._publish is None:
            with self._publish_lock:
                if self._publish is None:
                    from demo.publish_rest import GeoServerApp
                    self._publish = GeoServerApp(self.public_url, self.publish_config)
        return self._publish(environ, start_response)

    # --- pycsw ---------------------------------------------------------------------------------
    def csw(self, environ, start_response):
        from pycsw import server  # the pycsw venv's

        env = dict(environ)
        # pycsw trusts X-Forwarded-For for its allowed_ips check; nothing stands in front of this
        # gateway, so that header would only let any client claim to be 127.0.0.1.
        env.pop("HTTP_X_FORWARDED_FOR", None)
        if self._publisher(environ):
            # the node's publishing login (HTTP Basic) allows CSW-T from any machine, as a
            # GeoNetwork login does: in a training room the participants publish from their own
            env["REMOTE_ADDR"] = "127.0.0.1"
        env.setdefault("QUERY_STRING", "")
        if "HTTP_HOST" in env and ":" in env["HTTP_HOST"]:  # as pycsw.wsgi does (SRU wants a bare host)
            env["HTTP_HOST"] = env["HTTP_HOST"].rsplit(":", 1)[0]
        if env.get("REQUEST_METHOD") == "POST" and not env.get("CONTENT_LENGTH"):
            body = environ["wsgi.input"].read(MAX_BUFFERED_BODY + 1)
            if len(body) > MAX_BUFFERED_BODY:
                return _simple(start_response, "413 Payload Too Large", "request body too large\n")
            env["wsgi.input"] = io.BytesIO(body)
            env["CONTENT_LENGTH"] = str(len(body))
        # The configuration is always ours: pycsw.wsgi.application would also take a config path
        # from any query parameter containing "config", which a public node must not allow.
        with self._csw_lock:
            csw = server.Csw(self.pycsw_config, env)
            status, contents = csw.dispatch_wsgi()
            ctype = csw.contenttype
        if isinstance(contents, str):
            contents = contents.encode("utf-8")
        if isinstance(ctype, bytes):
            ctype = ctype.decode("ascii", "replace")
        start_response(status, [("Content-Type", str(ctype)), ("Content-Length", str(len(contents)))])
        return [contents]

    def _publisher(self, environ):
        """True when the request carries the node's publishing login (HTTP Basic)."""
        if not self.publish_config:
            return False
        given = environ.get("HTTP_AUTHORIZATION", "")
        user, password = self.publish_config.get("user", ""), self.publish_config.get("password", "")
        if not (given.startswith("Basic ") and user and password):
            return False
        expected = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode("utf-8")).decode("ascii")
        return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("ascii"))

    # --- reverse proxy to QGIS Server --------------------------------------------------------
    def _target(self, environ):
        raw = environ.get("RAW_URI")  # gunicorn: the request target exactly as the client sent it
        if raw:
            if "://" in raw.split("?", 1)[0]:
                parts = urlsplit(raw)
                raw = parts.path + ("?" + parts.query if parts.query else "")
            return raw
        from urllib.parse import quote
        target = quote(environ.get("PATH_INFO", "/").encode("latin-1"), safe="/;:@&=+$,.-_~!*'()")
        if environ.get("QUERY_STRING"):
            target += "?" + environ["QUERY_STRING"]
        return target

    def _request_headers(self, environ):
        headers = []
        for key, value in environ.items():
            if key.startswith("HTTP_"):
                name = key[5:].replace("_", "-").title()
                if name.lower() in HOP_BY_HOP or name.lower() in ("host", "expect"):
                    continue  # the Host header is set below; gunicorn already answered any Expect
                headers.append((name, value))
        if environ.get("CONTENT_TYPE"):
            headers.append(("Content-Type", environ["CONTENT_TYPE"]))
        host = environ.get("HTTP_HOST")
        if not host:
            host = environ.get("SERVER_NAME", "localhost")
            if environ.get("SERVER_PORT") not in (None, "80", "443"):
                host += ":" + environ["SERVER_PORT"]
        headers.append(("Host", host))
        return headers

    def proxy(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        body_iter = None
        length = environ.get("CONTENT_LENGTH")
        if method in ("POST", "PUT", "PATCH"):
            if length:
                length = int(length)
            else:  # chunked upload: buffer it (bounded) to send a Content-Length upstream
                data = environ["wsgi.input"].read(MAX_BUFFERED_BODY + 1)
                if len(data) > MAX_BUFFERED_BODY:
                    return _simple(start_response, "413 Payload Too Large", "request body too large\n")
                environ = dict(environ, **{"wsgi.input": io.BytesIO(data)})
                length = len(data)
            body_iter = environ["wsgi.input"]
        conn = http.client.HTTPConnection(self.upstream[0], self.upstream[1], timeout=self.timeout)
        try:
            conn.putrequest(method, self._target(environ), skip_host=True, skip_accept_encoding=True)
            for name, value in self._request_headers(environ):
                if name.lower() == "content-length":
                    continue
                conn.putheader(name, value)
            if body_iter is not None:
                conn.putheader("Content-Length", str(length))
            conn.endheaders()
            remaining = length if body_iter is not None else 0
            while remaining:
                block = body_iter.read(min(CHUNK, remaining))
                if not block:
                    break
                conn.send(block)
                remaining -= len(block)
            resp = conn.getresponse()
        except (socket.timeout, TimeoutError):
            conn.close()
            return _simple(start_response, "504 Gateway Timeout",
                           "QGIS Server did not answer within %g s\n" % self.timeout)
        except OSError as exc:
            conn.close()
            return _simple(start_response, "502 Bad Gateway", "QGIS Server is not reachable: %s\n" % exc)
        headers = [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP_BY_HOP]
        start_response("%d %s" % (resp.status, resp.reason or "Unknown"), headers)
        if method == "HEAD":
            resp.close()
            conn.close()
            return []
        return _Streamed(conn, resp)


def load_config(path=None):
    path = path or os.environ.get(CONFIG_ENV)
    if not path:
        raise RuntimeError("%s is not set: it must name the gateway's JSON settings" % CONFIG_ENV)
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


_APP = None
_APP_LOCK = threading.Lock()


def application(environ, start_response):
    """The WSGI entry point (``gunicorn demo.gateway:application``)."""
    global _APP
    if _APP is None:
        with _APP_LOCK:
            if _APP is None:
                _APP = Gateway(load_config())
    return _APP(environ, start_response)
