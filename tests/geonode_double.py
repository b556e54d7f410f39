"""A GeoNode API v2 test double on 127.0.0.1: the importer's upload, its execution requests,
datasets (list, detail, PATCH, ISO metadata upload), the asynchronous resource delete, the
dataset's stored files (asset download) and an OAuth2 token endpoint — with fault injection
(tests/faults.py) and a record of every request.

What it answers follows GeoNode's source as recorded in tests/geonode_spec/geonode_api.json
(each endpoint there names the file and commit it was read from, or says it is a guess);
tests/test_geonode_double_spec.py checks this double's routes and what the client sent
against that file. ``GAPS`` lists where the double is simpler than a real GeoNode.
"""
import email.parser
import email.policy
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
from base64 import b64decode
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree

from faults import FaultBox, dispatching_handler, drop_connection, hold

API = "/api/v2"
GMD = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco"}

# (method, path template, regex) — the templates are those of tests/geonode_spec/geonode_api.json
ROUTES = [
    ("GET", "/api/v2/", r"^/api/v2/?$"),
    ("GET", "/api/v2/datasets", r"^/api/v2/datasets/?$"),
    ("GET", "/api/v2/datasets/{pk}", r"^/api/v2/datasets/(?P<pk>\d+)/?$"),
    ("PATCH", "/api/v2/datasets/{pk}", r"^/api/v2/datasets/(?P<pk>\d+)/?$"),
    ("PUT", "/api/v2/datasets/{pk}/metadata", r"^/api/v2/datasets/(?P<pk>\d+)/metadata/?$"),
    ("POST", "/api/v2/uploads/upload", r"^/api/v2/uploads/upload/?$"),
    ("GET", "/api/v2/executionrequest/{exec_id}", r"^/api/v2/executionrequest/(?P<exec_id>[0-9a-f-]+)/?$"),
    ("DELETE", "/api/v2/resources/{pk}/delete", r"^/api/v2/resources/(?P<pk>\d+)/delete/?$"),
    ("GET", "/api/v2/resource-service/execution-status/{execution_id}",
     r"^/api/v2/resource-service/execution-status/(?P<execution_id>[0-9a-f-]+)/?$"),
    ("GET", "/api/v2/assets/{pk}/download", r"^/api/v2/assets/(?P<pk>\d+)/download/?$"),
    ("POST", "/o/token/", r"^/o/token/?$"),
]

GAPS = [
    "Only GeoPackage uploads are imported (GeoNode also takes Shapefile parts, GeoJSON, KML, CSV, rasters …); "
    "the data are not loaded into PostGIS nor published on a GeoServer: the double keeps the file.",
    "The import runs at once; its execution request answers 'running' once, then 'finished'.",
    "An ISO metadata upload takes only the title and the abstract (GeoNode takes many more fields).",
    "One user (HTTP Basic or an OAuth2 token from /o/token/, password grant); no permissions, groups, "
    "approval workflow; anonymous reads allowed as GeoNode's IsAuthenticatedOrReadOnly does.",
    "Listing filters: only filter{name}; no paging beyond the first page.",
]


def fixup_name(name):
    """GeoNode's BaseHandler.fixup_name (geonode/upload/handlers/base.py)."""
    if name and name[0].isnumeric():
        name = "_" + name[1:]
    name = name.lower()
    for old, new in (("-", "_"), (" ", "_"), ("#", "_"), ("\\", "_"), (".", ""), (")", ""), ("(", ""),
                     (",", ""), ("&", "")):
        name = name.replace(old, new)
    return name


def gpkg_tables(path):
    try:
        con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        try:
            return [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type='features'")]
        finally:
            con.close()
    except sqlite3.Error:
        return None


class GeoNodeDouble:
    def __init__(self, user="admin", password="admin"):
        self.dir = tempfile.mkdtemp(prefix="geonode-double-")
        self.user, self.password = user, password
        self.tokens = set()
        self.faults = FaultBox()
        self.requests = []     # {"method", "template", "path", "params", "fields", "status"}
        self.datasets = {}     # pk -> dataset dict (with "_file", "_sha256")
        self.executions = {}   # exec_id -> execution request dict
        self.lock = threading.RLock()
        self.next_pk = 1
        self.throttle = 0.0    # seconds to pause per 256 KB read (a slow link), 0 = full speed
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.base_url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.api_url = self.base_url + API
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    # --- for tests ----------------------------------------------------------------------------
    def snapshot(self):
        """What the node holds (datasets with their data's hash), for before/after comparisons."""
        with self.lock:
            return {pk: {k: v for k, v in d.items() if k in ("name", "title", "abstract", "uuid", "_sha256",
                                                             "asset")}
                    for pk, d in self.datasets.items()}

    def fail(self, method, pattern, kind, **kw):
        return self.faults.add(method, pattern, kind, **kw)

    def used(self):
        """(method, template) -> statuses, query parameter names, form/JSON field names (injected faults left out)."""
        out = {}
        for r in self.requests:
            if r["template"] and not r.get("injected"):
                e = out.setdefault((r["method"], r["template"]), {"statuses": set(), "params": set(), "fields": set()})
                e["statuses"].add(r["status"])
                e["params"].update(r["params"])
                e["fields"].update(r["fields"])
        return out

    def close(self):
        self.faults.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- HTTP -----------------------------------------------------------------------------------
    def _handler_class(self):
        return dispatching_handler(self, ("GET", "POST", "PUT", "PATCH", "DELETE"))

    def send(self, h, status, body=b"", ctype="application/json", headers=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode("utf-8")
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    def read_body(self, h):
        """The body in a temporary file (path), or None if the client went away."""
        length = int(h.headers.get("Content-Length") or 0)
        fd, path = tempfile.mkstemp(prefix="body-", dir=self.dir)
        got = 0
        with os.fdopen(fd, "wb") as out:
            while got < length:
                chunk = h.rfile.read(min(256 * 1024, length - got))
                if not chunk:
                    break
                out.write(chunk)
                got += len(chunk)
                if self.throttle:
                    time.sleep(self.throttle)   # a slow link, not synchronisation
        if got != length:
            os.remove(path)
            return None
        return path

    def authorised(self, h):
        auth = h.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            try:
                user, _, password = b64decode(auth[6:]).decode("utf-8").partition(":")
            except (ValueError, UnicodeDecodeError):
                return False, "Invalid basic header. Credentials not correctly base64 encoded."
            if (user, password) == (self.user, self.password):
                return True, ""
            return False, "Invalid username/password."
        if auth.startswith("Bearer "):
            return (True, "") if auth[7:] in self.tokens else (False, "Authentication credentials were not provided.")
        return None, "Authentication credentials were not provided."

    def dispatch(self, h, method):
        parts = urlsplit(h.path)
        path = unquote(parts.path)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        record = {"method": method, "template": "", "path": path, "params": sorted(query), "fields": [], "status": 0}
        self.requests.append(record)
        route, args = None, {}
        for m, template, pattern in ROUTES:
            match = re.match(pattern, path)
            if match and m == method:
                route, args = template, match.groupdict()
                break
        record["template"] = route or ""
        fault = self.faults.take(method, path)
        if fault is not None and fault.kind == "drop":
            drop_connection(h, int(h.headers.get("Content-Length") or 0))
            record["status"] = -1
            return
        body = self.read_body(h)
        if body is None:
            record["status"] = -1
            h.close_connection = True
            return
        try:
            if fault is not None and fault.kind in ("500", "401"):
                record["injected"] = True
            if fault is not None and fault.kind == "500":
                record["status"] = 500
                self.send(h, 500, {"detail": fault.message})
                return
            if fault is not None and fault.kind == "401":
                record["status"] = 401
                self.send(h, 401, {"detail": "Invalid username/password."},
                          headers={"WWW-Authenticate": 'Basic realm="api"'})
                return
            if route is None:
                status, payload, ctype, headers = 404, "<h1>Not Found</h1><p>The requested resource was not found "\
                    "on this server.</p>", "text/html", {}
            else:
                status, payload, ctype, headers = self.handle(h, method, route, args, query, body, record)
            if fault is not None and fault.kind == "timeout":
                record["status"] = -2
                hold(h, self.faults)
                return
            record["status"] = status
            self.send(h, status, payload, ctype, headers)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True
        finally:
            if os.path.exists(body):
                os.remove(body)

    # --- the API ------------------------------------------------------------------------------
    def handle(self, h, method, route, args, query, body, record):
        if route == "/o/token/":
            return self._token(body, record)
        ok, why = self.authorised(h)
        if ok is False or (ok is None and (method != "GET" or "execution" in route or "assets" in route)):
            return 401, {"detail": why}, "application/json", {"WWW-Authenticate": 'Basic realm="api"'}
        with self.lock:
            if route == "/api/v2/":
                return 200, {k: "%s/%s" % (self.api_url, k) for k in (
                    "users", "groups", "resources", "documents", "datasets", "maps", "geoapps", "executionrequest",
                    "uploads")}, "application/json", {}
            if route == "/api/v2/datasets":
                wanted = query.get("filter{name}")
                items = [self._public(d) for d in self.datasets.values() if wanted is None or d["name"] == wanted]
                return 200, {"links": {"next": None, "previous": None}, "total": len(items), "page": 1,
                             "page_size": 10, "datasets": items}, "application/json", {}
            if route.startswith("/api/v2/datasets/{pk}"):
                ds = self.datasets.get(int(args["pk"]))
                if ds is None:
                    return 404, {"detail": "Not found."}, "application/json", {}
                if route.endswith("/metadata"):
                    return self._metadata(h, ds, body, record)
                if method == "PATCH":
                    return self._patch(ds, body, record)
                return 200, {"dataset": self._public(ds)}, "application/json", {}
            if route == "/api/v2/uploads/upload":
                return self._upload(h, body, record)
            if route == "/api/v2/executionrequest/{exec_id}":
                ex = self.executions.get(args["exec_id"])
                if ex is None:
                    return 404, {"detail": "Not found."}, "application/json", {}
                answer = dict(ex)
                if ex["status"] == "finished" and not ex.get("_seen"):
                    ex["_seen"] = True
                    answer["status"] = "running"   # the first look finds the import still running
                return 200, {"request": {k: v for k, v in answer.items() if not k.startswith("_")}}, \
                    "application/json", {}
            if route == "/api/v2/resources/{pk}/delete":
                ds = self.datasets.pop(int(args["pk"]), None)
                if ds is None:
                    return 404, {"detail": "Not found."}, "application/json", {}
                if os.path.exists(ds["_file"]):
                    os.remove(ds["_file"])
                exec_id = self._execution("delete", "finished", {"output": 1})
                return 200, {"status": "ready", "execution_id": exec_id,
                             "status_url": "%s/resource-service/execution-status/%s" % (self.api_url, exec_id)}, \
                    "application/json", {}
            if route == "/api/v2/resource-service/execution-status/{execution_id}":
                ex = self.executions.get(args["execution_id"])
                if ex is None:
                    return 404, b"", "application/json", {}
                return 200, {k: v for k, v in ex.items() if not k.startswith("_") and k != "exec_id"}, \
                    "application/json", {}
            if route == "/api/v2/assets/{pk}/download":
                for ds in self.datasets.values():
                    if ds["asset"] == int(args["pk"]):
                        with open(ds["_file"], "rb") as fh:
                            data = fh.read()
                        return 200, data, "application/octet-stream", {
                            "Content-Disposition": 'attachment; filename="%s"' % ds["_filename"]}
                return 404, {"detail": "Not found."}, "application/json", {}
        return 405, {"detail": 'Method "%s" not allowed.' % method}, "application/json", {}

    def _public(self, ds):
        out = {k: v for k, v in ds.items() if not k.startswith("_")}
        out["download_urls"] = [
            {"url": "%s/datasets/geonode:%s/dataset_download" % (self.base_url, ds["name"]), "ajax_safe": True,
             "default": True},
            {"url": "%s/assets/%d/download" % (self.api_url, ds["asset"]), "ajax_safe": True, "default": False}]
        return out

    def _token(self, body, record):
        with open(body, "rb") as fh:
            form = dict(parse_qsl(fh.read().decode("utf-8")))
        record["fields"] = sorted(form)
        if form.get("grant_type") == "password" and (form.get("username"), form.get("password")) == (
                self.user, self.password):
            token = "gn-" + os.urandom(8).hex()
            self.tokens.add(token)
            return 200, {"access_token": token, "token_type": "Bearer", "expires_in": 36000,
                         "scope": "read write"}, "application/json", {}
        return 400, {"error": "invalid_grant", "error_description": "Invalid credentials given."}, \
            "application/json", {}

    def _multipart(self, h, body, record):
        """{name: str} and {name: (filename, path)} of a multipart/form-data body."""
        ctype = h.headers.get("Content-Type", "")
        if not ctype.startswith("multipart/form-data"):
            return None, None
        with open(body, "rb") as fh:
            raw = fh.read()
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + raw)
        fields, files = {}, {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            data = part.get_payload(decode=True) or b""
            record["fields"].append(name)
            if filename is not None:
                fd, path = tempfile.mkstemp(prefix="part-", dir=self.dir)
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                files[name] = (filename, path)
            else:
                fields[name] = data.decode("utf-8")
        return fields, files

    def _execution(self, action, status, output, log=None, name=None):
        exec_id = str(uuid.uuid4())
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        self.executions[exec_id] = {"exec_id": exec_id, "user": self.user, "status": status,
                                    "func_name": "import_resource" if action != "delete" else "delete",
                                    "created": now, "finished": now if status in ("finished", "failed") else None,
                                    "last_updated": now, "input_params": {}, "output_params": output,
                                    "step": "importer.import_resource", "log": log, "name": name, "action": action}
        return exec_id

    def _upload(self, h, body, record):
        fields, files = self._multipart(h, body, record)
        try:
            if fields is None:
                return 415, {"detail": 'Unsupported media type "%s" in request.' % h.headers.get("Content-Type", "")}, \
                    "application/json", {}
            if "base_file" not in files:
                return 400, {"success": False, "errors": ["base_file: No file was submitted."], "code": "invalid"}, \
                    "application/json", {}
            filename, path = files["base_file"]
            tables = gpkg_tables(path) if filename.lower().endswith(".gpkg") else None
            if not filename.lower().endswith(".gpkg"):
                return 500, {"success": False, "errors": ["No handlers found for this dataset type/action"],
                             "code": "importer_exception"}, "application/json", {}
            overwrite = fields.get("overwrite_existing_layer", "false").lower() == "true"
            action = fields.get("action", "upload")
            if not tables:
                exec_id = self._execution(action, "failed", {}, "Invalid GeoPackage: no feature table", filename)
                return 201, {"execution_id": exec_id}, "application/json", {}
            if overwrite:
                try:
                    ds = self.datasets[int(fields.get("resource_pk", ""))]
                except (ValueError, KeyError):
                    return 400, {"success": False, "errors": ["resource_pk: A valid integer is required."],
                                 "code": "invalid"}, "application/json", {}
                if fixup_name(tables[0]) != ds["name"]:
                    exec_id = self._execution(action, "failed", {}, "The layer %s does not match the dataset %s" % (
                        tables[0], ds["name"]), filename)
                    return 201, {"execution_id": exec_id}, "application/json", {}
                self._store(ds, path, filename)
            else:
                name = fixup_name(tables[0])
                if any(d["name"] == name for d in self.datasets.values()):
                    name = "%s_%s" % (name, uuid.uuid4().hex[:8])   # GeoNode never overwrites without being asked
                pk = self.next_pk
                self.next_pk += 1
                ds = {"pk": pk, "uuid": str(uuid.uuid4()), "name": name, "alternate": "geonode:" + name,
                      "title": tables[0], "abstract": "No abstract provided", "resource_type": "dataset",
                      "subtype": "vector", "detail_url": "%s/catalogue/#/dataset/%d" % (self.base_url, pk),
                      "asset": pk, "_file": ""}
                self.datasets[pk] = ds
                self._store(ds, path, filename)
            exec_id = self._execution(action, "finished", {"resources": [
                {"id": ds["pk"], "detail_url": ds["detail_url"]}]}, name=filename)
            self.executions[exec_id]["_seen"] = False
            return 201, {"execution_id": exec_id}, "application/json", {}
        finally:
            for _, p in (files or {}).values():
                if os.path.exists(p):
                    os.remove(p)

    def _store(self, ds, path, filename):
        if ds["_file"] and os.path.exists(ds["_file"]):
            os.remove(ds["_file"])
        target = os.path.join(self.dir, "asset-%d-%s" % (ds["pk"], uuid.uuid4().hex[:6]))
        shutil.copyfile(path, target)
        with open(target, "rb") as fh:
            ds["_sha256"] = hashlib.sha256(fh.read()).hexdigest()
        ds["_file"], ds["_filename"] = target, filename

    def _metadata(self, h, ds, body, record):
        fields, files = self._multipart(h, body, record)
        try:
            if not files or "metadata_file" not in files:
                return 400, {"success": False, "errors": ["metadata_file: No file was submitted."],
                             "code": "invalid_dataset"}, "application/json", {}
            try:
                root = etree.parse(files["metadata_file"][1]).getroot()
            except etree.XMLSyntaxError:
                return 400, {"success": False, "errors": ["Unsupported metadata format"], "code": "invalid_metadata"}, \
                    "application/json", {}
            ident = root.findtext("gmd:fileIdentifier/gco:CharacterString", namespaces=GMD)
            if ident and ident.strip() != ds["uuid"]:
                return 400, {"success": False, "errors": [
                    "The UUID identifier from the XML Metadata, is different from the one saved"],
                    "code": "invalid_metadata"}, "application/json", {}
            title = root.findtext(".//gmd:identificationInfo/*/gmd:citation/*/gmd:title/gco:CharacterString",
                                  namespaces=GMD)
            abstract = root.findtext(".//gmd:identificationInfo/*/gmd:abstract/gco:CharacterString", namespaces=GMD)
            if title:
                ds["title"] = title.strip()
            if abstract:
                ds["abstract"] = abstract.strip()
            return 200, {"success": True, "message": ["Metadata successfully updated"]}, "application/json", {}
        finally:
            for _, p in (files or {}).values():
                if os.path.exists(p):
                    os.remove(p)

    def _patch(self, ds, body, record):
        with open(body, "rb") as fh:
            try:
                data = json.loads(fh.read().decode("utf-8") or "{}")
            except ValueError as exc:
                return 400, {"detail": "JSON parse error - %s" % exc}, "application/json", {}
        record["fields"] = sorted(data) if isinstance(data, dict) else []
        for key in ("title", "abstract"):
            if key in data:
                ds[key] = str(data[key])
        return 200, {"dataset": self._public(ds)}, "application/json", {}
