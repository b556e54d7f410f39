"""Publishing to the demo node: a GeoServer REST emulation at ``/geoserver/rest`` and the WMS/WFS
of what was published at ``/geoserver/ows`` and ``/geoserver/<workspace>/ows``.

GeoServer cannot be installed on these machines, so the demo node (and the bimtek lab node)
answers GeoServer's REST API itself, following its published specification (Swagger 2.0,
``/work/shared/geoserver-rest-api``; ``tests/test_geoserver_double_spec.py`` checks this code
against those files): the same paths (``ROUTES`` uses the specification's path templates and
parameter names), methods, status codes (201 Created with Location, 200, 404, 405, 409 and
500 on duplicates as GeoServer answers, 401 without credentials) and error bodies (see
``demo/gs_catalog.py``). What was uploaded is served over WMS/WFS by QGIS Server
(``demo/gs_ows.py``), styled with the uploaded SLD; the ISO records go to the node's pycsw
through its ``/csw`` (CSW-T from 127.0.0.1; the gateway runs pycsw in-process).

Credentials: HTTP Basic, one user (``simpul`` / ``latihan`` unless the node is started with
``--publish-user``/``--publish-password``). Workspaces are created on demand, so every trainee
can publish into a workspace of their own (e.g. ``peserta_budi``).

State: the catalogue in ``<workdir>/geoserver/catalog.json``, uploaded data under
``<workdir>/geoserver/data/<workspace>/<store>/``: both survive a restart of the node.
:func:`reset` puts the node back as it was seeded (no workspace, no upload, no style of its
own, the catalogue's seed records only).

Known gaps to a real GeoServer: see ``GAPS`` (also in the README).
"""
import base64
import fcntl
import json
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import uuid
from urllib.parse import parse_qsl

from demo.gs_answers import Answer, container_page
from demo.gs_catalog import Catalog, parse_body

REST = "/geoserver/rest"
DEFAULT_USER = "simpul"
DEFAULT_PASSWORD = "latihan"
STATE_DIR = "geoserver"
STATE_FILE = "catalog.json"
SEED_CATALOGUE = "catalogue-seed.db"
MAX_BODY = 16 * 1024 * 1024          # REST bodies other than uploads (JSON, SLD)
MAX_UPLOAD = 2 * 1024 * 1024 * 1024  # an uploaded GeoPackage or zipped Shapefile
CHUNK = 1 << 20
GAPS = """\
- JSON only: request bodies in XML get 415 (GeoServer takes both); answers are JSON shaped like the specification's examples.
- Uploads: only the `file` method (not `url`/`external`) and only GeoPackage and zipped Shapefile; the data are
  read for their table names, CRS and bounds, not through GeoTools, so GeoServer's own data checks are not made.
- One admin user (HTTP Basic), no security rules, no GeoWebCache, no namespaces endpoint, no coverage stores, no
  layer groups, no `/about` endpoints.
- WMS/WFS are not GeoServer's: QGIS Server serves what was uploaded (layer names, capabilities and rendering are
  QGIS Server's, e.g. its WFS writes `ws:name` as `ws-name`).
- Status codes follow the specification where it lists them; where it is silent the node answers as GeoServer's
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
OWS_PATH = re.compile(r"^/geoserver(?:/(?P<scope>[^/]+))?/(?:ows|wms|wfs)$")
UNAUTHORISED = container_page(401, "Full authentication is required to access this resource")


def _regex(template):
    pattern = re.escape(template)
    pattern = pattern.replace(r"\{method\}\.\{format\}", r"(?P<method>[^/.]+)\.(?P<format>[^/.]+)")
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", pattern)
    return re.compile("^%s$" % pattern)


_COMPILED = [(t, _regex(t), m) for t, m in ROUTES]


def state_dir(workdir):
    return os.path.join(os.path.abspath(workdir), STATE_DIR)


class PublishRest:
    """GeoServer's REST API over one :class:`~demo.gs_catalog.Catalog`, independent of the HTTP
    server in front of it (the node's gateway, or the tests' stand-alone server with fault
    injection). With ``state_file`` the catalogue is kept on disk after every change and
    re-read when another process (:func:`reset`) changed it."""

    def __init__(self, data_dir, base_url, user=DEFAULT_USER, password=DEFAULT_PASSWORD, state_file=None):
        self.base_url = base_url.rstrip("/")
        self.rest_url = self.base_url + REST
        self.data_dir = data_dir
        os.makedirs(data_dir, exist_ok=True)
        self.user, self.password = user, password
        self.lock = threading.RLock()
        self.tokens = set()          # OAuth2 bearer tokens (the tests' token endpoint hands them out)
        self.token = uuid.uuid4().hex  # tells this catalogue from any other in caches (demo/gs_ows.py)
        self.catalog = Catalog(self.rest_url, data_dir)
        self.state_file = state_file
        self._stamp = None
        self._saved_version = None
        if state_file:
            self._lockfile = state_file + ".lock"
            with self._file_lock():
                self._sync()

    # --- persistence ----------------------------------------------------------------------------
    def _file_lock(self):
        return _FileLock(self._lockfile) if self.state_file else _NoLock()

    def _sync(self):
        """Re-read the state file when it changed since this catalogue read or wrote it."""
        try:
            st = os.stat(self.state_file)
        except FileNotFoundError:
            if self._stamp is not None:   # removed behind our back: start empty
                self.catalog = Catalog(self.rest_url, self.data_dir)
                self._stamp = None
            return
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        if stamp == self._stamp:
            return
        with open(self.state_file, encoding="utf-8") as fh:
            state = json.load(fh)
        catalog = Catalog(self.rest_url, self.data_dir)
        catalog.version = self.catalog.version
        catalog.load_state(state)
        self.catalog = catalog
        self._stamp = stamp
        self._saved_version = catalog.version

    def _save(self):
        if not self.state_file or self.catalog.version == self._saved_version:
            return
        _write_json(self.state_file, self.catalog.to_state())
        st = os.stat(self.state_file)
        self._stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        self._saved_version = self.catalog.version

    # --- for tests and the lab -------------------------------------------------------------------
    def snapshot(self):
        with self.lock, self._file_lock():
            if self.state_file:
                self._sync()
            return self.catalog.snapshot()

    def add_workspace(self, name):
        with self.lock, self._file_lock():
            if self.state_file:
                self._sync()
            self.catalog.workspaces[name] = {"name": name}
            self.catalog.changed()
            self._save()

    # --- requests ---------------------------------------------------------------------------------
    def route(self, rel, method):
        """((template, methods), path arguments) for ``rel`` (the path after /geoserver/rest)."""
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

    @staticmethod
    def is_upload(route, method):
        return route is not None and route[0] == UPLOAD_TEMPLATE and method == "PUT"

    def authorised(self, authorization):
        """HTTP Basic with the node's credentials, or an OAuth2 bearer token handed out by a token
        endpoint (GeoServer's OAuth2 community module answers REST calls the same way)."""
        given = authorization or ""
        expected = "Basic " + base64.b64encode(("%s:%s" % (self.user, self.password)).encode()).decode()
        return given == expected or (given.startswith("Bearer ") and given[7:] in self.tokens)

    def unauthorised(self):
        return 401, "text/html;charset=utf-8", UNAUTHORISED, {"WWW-Authenticate": 'Basic realm="GeoServer Realm"'}

    def handle(self, method, route, args, query, headers, body):
        """Answer one authorised-or-not REST call: (status, content type, body bytes, headers).
        ``headers``: a dict with ``Authorization``, ``Content-Type``, ``Accept``; ``body``: bytes,
        or for an upload the path of a file holding it."""
        if not self.authorised(headers.get("Authorization")):
            return self.unauthorised()
        return self.call(method, route, dict(args), query, headers, body)

    def call(self, method, route, args, query, headers, body):
        if route is None:
            return 404, "text/html;charset=utf-8", container_page(404, "No mapping for the request"), {}
        handler = route[1].get(method)
        if handler is None or isinstance(handler, int):
            return 405, "text/html;charset=utf-8", container_page(
                405, "Request method '%s' not supported" % method), {"Allow": ", ".join(
                    m for m, v in route[1].items() if not isinstance(v, int))}
        ctype = headers.get("Content-Type") or ""
        ext = args.pop("_ext", "")
        accept = headers.get("Accept") or ""
        with self.lock, self._file_lock():
            if self.state_file:
                self._sync()
            cat = self.catalog
            special = {
                "store_upload": lambda: cat.store_upload(query, body, ctype, args["workspaceName"],
                                                         args["storeName"], args["method"], args["format"]),
                "store_files_get": lambda: cat.store_files_get(query, args["workspaceName"], args["storeName"],
                                                               args["method"], args["format"]),
                "styles_post": lambda: cat.styles_post(query, body, ctype, args["workspace"]),
                "style_put": lambda: cat.style_put(query, body, ctype, args["workspace"], args["style"]),
                "style_get": lambda: cat.style_get(query, args.get("workspace"), args["style"], ext, accept),
                "global_style_get": lambda: cat.style_get(query, None, args["style"], ext, accept),
                "style_delete": lambda: cat.style_delete(query, args["workspace"], args["style"]),
            }
            try:
                try:
                    if handler in special:
                        status, data = special[handler]()
                    elif method in ("POST", "PUT"):
                        status, data = getattr(cat, handler)(query, parse_body(body, ctype), *_positional(args))
                    else:
                        status, data = getattr(cat, handler)(query, *_positional(args))
                finally:
                    self._save()
            except Answer as answer:
                return answer.status, answer.ctype, answer.body, answer.headers
        if data is None:
            return status, "text/plain", b"", {}
        return status, "application/json", json.dumps(data).encode("utf-8"), {}


def _positional(args):
    order = ("workspaceName", "workspace", "storeName", "featureTypeName", "layerName", "style")
    return [args[k] for k in order if k in args]


class _FileLock:
    """An exclusive lock between processes (the gateway and a ``reset`` from elsewhere)."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self.fh = open(self.path, "a+")
        fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
        self.fh.close()
        return False


class _NoLock:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _write_json(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


# --- the node's side: a WSGI application for the gateway -------------------------------------------

class GeoServerApp:
    """``/geoserver/rest/…`` and ``/geoserver[/<workspace>]/ows`` of the demo node (WSGI).

    ``config`` (the gateway's ``publish`` settings): ``workdir``, ``user``, ``password``,
    ``upstream`` (host:port of the node's ``qgis_mapserver`` for published layers), optional
    ``python`` (PyQGIS interpreter building the projects) and ``timeout``."""

    def __init__(self, public_url, config):
        from demo.gs_ows import QgisServerBackend

        root = state_dir(config["workdir"])
        self.incoming = os.path.join(root, "incoming")
        os.makedirs(self.incoming, exist_ok=True)
        self.rest = PublishRest(os.path.join(root, "data"), public_url, config.get("user") or DEFAULT_USER,
                                config.get("password") or DEFAULT_PASSWORD, os.path.join(root, STATE_FILE))
        self.ows = QgisServerBackend(os.path.join(root, "ows"), upstream=config.get("upstream"),
                                     python=config.get("python") or "/usr/bin/python3",
                                     timeout=float(config.get("timeout", 120)))

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        if path == REST or path.startswith(REST + "/"):
            return self.rest_call(environ, start_response, path[len(REST):])
        m = OWS_PATH.match(path)
        if m:
            if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
                return _answer(start_response, 405, "text/plain; charset=utf-8", b"GET only\n", {"Allow": "GET, HEAD"})
            status, ctype, body = self.ows(self.rest, m.group("scope"), environ.get("QUERY_STRING", ""))
            return _answer(start_response, status, ctype, body)
        _drain(environ)
        return _answer(start_response, 404, "text/html;charset=utf-8",
                       container_page(404, "The requested resource [%s] is not available" % path))

    def rest_call(self, environ, start_response, rel):
        method = environ.get("REQUEST_METHOD", "GET")
        query = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        headers = {"Authorization": environ.get("HTTP_AUTHORIZATION", ""),
                   "Content-Type": environ.get("CONTENT_TYPE", ""), "Accept": environ.get("HTTP_ACCEPT", "")}
        rest = self.rest
        if not rest.authorised(headers["Authorization"]):
            _drain(environ)
            return _answer(start_response, *rest.unauthorised())
        route, args = rest.route(rel, method)
        upload = rest.is_upload(route, method)
        body = None
        try:
            body = _read_body(environ, self.incoming if upload else None)
            if body is None:
                return _answer(start_response, 413, "text/plain; charset=utf-8", b"request body too large\n")
            answer = rest.call(method, route, args, query, headers, body)
        finally:
            if upload and body and os.path.exists(body):
                os.remove(body)
        return _answer(start_response, *answer)


def _answer(start_response, status, ctype, body, headers=None):
    from demo.gs_answers import REASONS
    if isinstance(body, str):
        body = body.encode("utf-8")
    reason = {200: "OK", 201: "Created", 502: "Bad Gateway", 413: "Payload Too Large"}.get(status) \
        or REASONS.get(status, "Unknown")
    out = [("Content-Type", ctype), ("Content-Length", str(len(body)))]
    out += [(k, v) for k, v in (headers or {}).items() if k.lower() not in ("content-type", "content-length")]
    start_response("%d %s" % (status, reason), out)
    return [body]


def _length(environ):
    try:
        return int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        return -1


def _read_body(environ, folder=None):
    """The request body as bytes, or (``folder``) the path of a file in ``folder`` holding it;
    None when it is larger than allowed."""
    stream = environ["wsgi.input"]
    length = _length(environ)
    limit = MAX_UPLOAD if folder else MAX_BODY
    if length > limit:
        _drain(environ)
        return None
    if folder is None:
        data = stream.read(length) if length >= 0 else stream.read(limit + 1)
        return None if len(data) > limit else data
    os.makedirs(folder, exist_ok=True)   # a reset while the node runs removes it
    fd, path = tempfile.mkstemp(prefix="upload-", dir=folder)
    got = 0
    with os.fdopen(fd, "wb") as out:
        while length < 0 or got < length:
            chunk = stream.read(CHUNK if length < 0 else min(CHUNK, length - got))
            if not chunk:
                break
            out.write(chunk)
            got += len(chunk)
            if got > limit:
                break
    if got > limit:
        os.remove(path)
        return None
    return path


def _drain(environ):
    """Read (and forget) what is left of the request body, so the connection stays usable."""
    stream = environ.get("wsgi.input")
    length = _length(environ)
    if stream is None or length == 0:
        return
    left = length if length > 0 else MAX_BODY
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            break
        left -= len(chunk)


# --- reset (bimtek: between two sessions) -----------------------------------------------------------

def reset(workdir):
    """Put the demo node in ``workdir`` back as it was seeded: every workspace, data store,
    feature type, layer, style and upload published to it is removed, and its pycsw catalogue
    holds the seed records again (records published since are deleted, changed ones restored).
    Safe while the node runs (its gateway re-reads the emptied catalogue at the next request).
    Returns what was removed: {"workspaces": [...], "layers": n, "styles": n, "records": n}."""
    root = state_dir(workdir)
    state_file = os.path.join(root, STATE_FILE)
    summary = {"workspaces": [], "layers": 0, "styles": 0, "records": 0}
    os.makedirs(root, exist_ok=True)
    with _FileLock(state_file + ".lock"):
        old = {}
        if os.path.exists(state_file):
            try:
                with open(state_file, encoding="utf-8") as fh:
                    old = json.load(fh)
            except (OSError, ValueError):
                old = {}
        summary["workspaces"] = list(old.get("workspaces", []))
        summary["layers"] = len(old.get("layers", {}))
        summary["styles"] = len(old.get("styles", []))
        for sub in ("data", "incoming", "ows"):
            shutil.rmtree(os.path.join(root, sub), ignore_errors=True)
        fresh = Catalog(REST, os.path.join(root, "data"))
        fresh.version = int(old.get("version", 0)) + 1   # never reuse a state's number (project caches)
        _write_json(state_file, fresh.to_state())
    summary["records"] = restore_seed_catalogue(workdir)
    return summary


def restore_seed_catalogue(workdir):
    """Make ``<workdir>/catalogue.db`` hold exactly the records of ``catalogue-seed.db`` (written
    by the node when it seeded the catalogue); returns how many records were removed or put back."""
    db = os.path.join(os.path.abspath(workdir), "catalogue.db")
    seed = os.path.join(os.path.abspath(workdir), SEED_CATALOGUE)
    if not (os.path.exists(db) and os.path.exists(seed)):
        return 0
    conn = sqlite3.connect(db, timeout=60)
    try:
        conn.execute("ATTACH DATABASE ? AS seed", (seed,))
        with conn:
            now = {r[0]: r[1] for r in conn.execute("SELECT identifier, xml FROM main.records")}
            then = {r[0]: r[1] for r in conn.execute("SELECT identifier, xml FROM seed.records")}
            changed = sum(1 for k in set(now) | set(then) if now.get(k) != then.get(k))
            if changed:
                conn.execute("DELETE FROM main.records")
                conn.execute("INSERT INTO main.records SELECT * FROM seed.records")
        conn.execute("DETACH DATABASE seed")
    finally:
        conn.close()
    return changed
