"""The catalogue of the demo node's GeoServer REST emulation (see demo/publish_rest.py).

Workspaces, data stores (uploaded files kept on disk), feature types, layers and styles,
answered as GeoServer's REST API answers them: the JSON shapes of the specification's
examples, its status codes, and its error bodies — plain text for ``ResourceNotFoundException``
(404) and general exceptions (500), the servlet container's HTML page for ``RestException``
4xx (GeoServer calls ``response.sendError``). Messages are GeoServer's own (from its
controllers in ``src/restconfig``).
"""
import base64
import copy
import hashlib
import io
import json
import os
import shutil
import sqlite3
import zipfile

from demo.gs_answers import Answer, not_found, rest_error, server_error
from demo.gs_styles import LayersAndStyles, default_sld

GEOMETRY_STYLE = {"point": "point", "line": "line", "polygon": "polygon"}
DEFAULT_STYLES = ("point", "line", "polygon", "generic", "raster")


def gpkg_tables(path):
    """{table: {"srs": "EPSG:n", "bbox": [..], "attributes": [...]}} of a GeoPackage's feature tables."""
    out = {}
    conn = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        rows = conn.execute("SELECT c.table_name, c.min_x, c.min_y, c.max_x, c.max_y, s.organization, "
                            "s.organization_coordsys_id FROM gpkg_contents c LEFT JOIN gpkg_spatial_ref_sys s "
                            "ON s.srs_id = c.srs_id WHERE c.data_type = 'features'").fetchall()
        for name, x0, y0, x1, y1, org, code in rows:
            cols = [r[1] for r in conn.execute('PRAGMA table_info("%s")' % name.replace('"', '""'))]
            out[name] = {"srs": "%s:%s" % ((org or "EPSG").upper(), code), "bbox": [x0, y0, x1, y1], "attributes": cols}
    finally:
        conn.close()
    return out


class Catalog(LayersAndStyles):
    def __init__(self, rest_url, data_dir):
        self.rest_url = rest_url
        self.data_dir = data_dir
        self.workspaces = {}     # name -> {"name"}
        self.stores = {}         # (ws, name) -> store dict
        self.featuretypes = {}   # (ws, name) -> feature type dict (incl. "store")
        self.layers = {}         # "ws:name" -> layer dict
        self.styles = {(None, n): {"name": n, "format": "sld", "version": "1.0.0", "body": default_sld(n),
                                   "workspace": None} for n in DEFAULT_STYLES}
        self.version = 0

    def changed(self):
        self.version += 1

    # --- persistence (the node keeps its catalogue in its work folder) ------------------------
    def to_state(self):
        """Everything the catalogue holds as JSON-ready data (paths relative to ``data_dir``)."""
        def rel(path):
            return os.path.relpath(path, self.data_dir) if path else path

        stores = []
        for (ws, _name), st in sorted(self.stores.items()):
            st = dict(st, dir=rel(st.get("dir")))
            if st.get("file"):
                st["file"] = rel(st["file"])
            stores.append({"workspace": ws, "store": st})
        return {
            "format": "simpul-geoserver-catalog", "format_version": 1, "version": self.version,
            "workspaces": sorted(self.workspaces),
            "stores": stores,
            "featuretypes": [{"workspace": ws, "featuretype": ft} for (ws, _), ft in sorted(self.featuretypes.items())],
            "layers": self.layers,
            "styles": [dict({k: v for k, v in st.items() if k != "body"}, workspace=ws,
                            body=base64.b64encode(st["body"]).decode("ascii"))
                       for (ws, _), st in sorted(self.styles.items(), key=lambda kv: (kv[0][0] or "", kv[0][1]))],
        }

    def load_state(self, state):
        """Replace what the catalogue holds by ``state`` (from :meth:`to_state`)."""
        def absolute(path):
            return os.path.join(self.data_dir, path) if path else path

        self.workspaces = {n: {"name": n} for n in state.get("workspaces", [])}
        self.stores = {}
        for item in state.get("stores", []):
            st = dict(item["store"], dir=absolute(item["store"].get("dir")))
            if st.get("file"):
                st["file"] = absolute(st["file"])
            self.stores[(item["workspace"], st["name"])] = st
        self.featuretypes = {(i["workspace"], i["featuretype"]["name"]): i["featuretype"]
                             for i in state.get("featuretypes", [])}
        self.layers = dict(state.get("layers", {}))
        self.styles = {(None, n): {"name": n, "format": "sld", "version": "1.0.0", "body": default_sld(n),
                                   "workspace": None} for n in DEFAULT_STYLES}
        for st in state.get("styles", []):
            body = base64.b64decode(st["body"])
            self.styles[(st.get("workspace"), st["name"])] = dict(st, body=body)
        self.version = max(self.version, int(state.get("version", 0)))

    # --- views for tests -------------------------------------------------------------------
    def snapshot(self):
        """Everything the catalogue holds, comparable with ==: names, bodies, file hashes."""
        stores = {}
        for key, st in self.stores.items():
            files = {}
            if st.get("dir") and os.path.isdir(st["dir"]):
                for name in sorted(os.listdir(st["dir"])):
                    with open(os.path.join(st["dir"], name), "rb") as fh:
                        files[name] = hashlib.sha256(fh.read()).hexdigest()
            stores["%s:%s" % key] = dict({k: v for k, v in st.items() if k != "dir"}, files=files)
        return copy.deepcopy({
            "workspaces": sorted(self.workspaces),
            "stores": stores,
            "featuretypes": {"%s:%s" % k: v for k, v in self.featuretypes.items()},
            "layers": self.layers,
            "styles": {"%s:%s" % (k[0] or "", k[1]): {"body": hashlib.sha256(v["body"]).hexdigest(),
                                                     "version": v["version"]} for k, v in self.styles.items()},
        })

    def gpkg_path(self, ws, store):
        st = self.stores.get((ws, store))
        return st.get("file") if st else None

    # --- helpers ------------------------------------------------------------------------------
    def href(self, path, ext="json"):
        return "%s%s.%s" % (self.rest_url, path, ext)

    def need_ws(self, ws, message=None):
        if ws not in self.workspaces:
            raise not_found(message or "No such workspace: '%s' found" % ws)

    def need_store(self, ws, store):
        if (ws, store) not in self.stores:
            raise not_found("No such datastore: %s,%s" % (ws, store))
        return self.stores[(ws, store)]

    @staticmethod
    def listing(outer, inner, items):
        return {outer: {inner: items} if items else ""}

    # --- workspaces ---------------------------------------------------------------------------
    def workspaces_get(self, q):
        return 200, self.listing("workspaces", "workspace", [
            {"name": n, "href": self.href("/workspaces/" + n)} for n in sorted(self.workspaces)])

    def workspaces_post(self, q, body):
        name = ((body or {}).get("workspace") or {}).get("name")
        if not name:
            raise server_error("Workspace name must not be null")
        if name in self.workspaces:
            raise rest_error(409, "Workspace '%s' already exists" % name)
        self.workspaces[name] = {"name": name}
        self.changed()
        raise Answer(201, name, headers={"Location": "%s/workspaces/%s" % (self.rest_url, name)})

    def workspace_get(self, q, ws):
        if ws not in self.workspaces:
            raise not_found("No such workspace: '%s' found" % ws, q.get("quietOnNotFound") == "true")
        base = "/workspaces/%s/" % ws
        return 200, {"workspace": {"name": ws, "isolated": False, "dataStores": self.href(base + "datastores"),
                                   "coverageStores": self.href(base + "coveragestores"),
                                   "wmsStores": self.href(base + "wmsstores")}}

    def workspace_put(self, q, body, ws):
        if ws not in self.workspaces:
            raise rest_error(404, "Can't change a non existant workspace (%s)" % ws)
        new = ((body or {}).get("workspace") or {}).get("name")
        if new is not None and new == "":
            raise rest_error(403, "The workspace name cannot be empty")
        return 200, None

    def workspace_delete(self, q, ws):
        if ws not in self.workspaces:
            raise rest_error(404, "Workspace '%s' not found" % ws)
        owned = [k for k in self.stores if k[0] == ws]
        if owned and q.get("recurse") != "true":
            raise rest_error(403, "Workspace not empty")
        for key in owned:
            self._drop_store(*key)
        for key in [k for k in self.styles if k[0] == ws]:
            del self.styles[key]
        del self.workspaces[ws]
        self.changed()
        return 200, None

    # --- data stores --------------------------------------------------------------------------
    def _store_json(self, ws, st):
        entries = [{"@key": k, "$": str(v)} for k, v in sorted(st["params"].items())]
        return {"dataStore": {"name": st["name"], "description": st.get("description", ""), "type": st["type"],
                              "enabled": st["enabled"], "workspace": {"name": ws, "href": self.href("/workspaces/" + ws)},
                              "connectionParameters": {"entry": entries}, "_default": False,
                              "featureTypes": self.href("/workspaces/%s/datastores/%s/featuretypes" % (ws, st["name"]))}}

    def datastores_get(self, q, ws):
        self.need_ws(ws, "No such workspace : %s" % ws)
        return 200, self.listing("dataStores", "dataStore", [
            {"name": k[1], "href": self.href("/workspaces/%s/datastores/%s" % k)} for k in sorted(self.stores) if k[0] == ws])

    def datastores_post(self, q, body, ws):
        ds = (body or {}).get("dataStore") or {}
        name = ds.get("name")
        if ws not in self.workspaces:
            raise server_error("Store must be part of a workspace")
        if not name:
            raise server_error("Store name must not be null")
        if (ws, name) in self.stores:
            raise server_error("Store '%s' already exists in workspace '%s'" % (name, ws))
        params = {e.get("@key"): e.get("$") for e in ((ds.get("connectionParameters") or {}).get("entry") or [])}
        kind = "PostGIS" if params.get("dbtype") == "postgis" else ds.get("type", "")
        self.stores[(ws, name)] = {"name": name, "type": kind, "enabled": True, "description": ds.get("description", ""),
                                   "params": params, "format": "postgis" if kind == "PostGIS" else "", "dir": None,
                                   "tables": {}}
        self.changed()
        raise Answer(201, name, headers={"Location": "%s/workspaces/%s/datastores/%s" % (self.rest_url, ws, name)})

    def datastore_get(self, q, ws, store):
        if (ws, store) not in self.stores:
            raise not_found("No such datastore: %s,%s" % (ws, store), q.get("quietOnNotFound") == "true")
        return 200, self._store_json(ws, self.stores[(ws, store)])

    def datastore_put(self, q, body, ws, store):
        st = self.need_store(ws, store)
        ds = (body or {}).get("dataStore") or {}
        for key in ("description", "enabled"):
            if key in ds:
                st[key] = ds[key]
        if ds.get("connectionParameters"):
            st["params"] = {e.get("@key"): e.get("$") for e in ds["connectionParameters"].get("entry") or []}
        self.changed()
        return 200, None

    def datastore_delete(self, q, ws, store):
        self.need_store(ws, store)
        if q.get("recurse") != "true" and any(ft["store"] == store for k, ft in self.featuretypes.items() if k[0] == ws):
            raise rest_error(403, "Unable to delete non-empty datastore.")
        self._drop_store(ws, store)
        self.changed()
        return 200, None

    def _drop_store(self, ws, store):
        for key in [k for k, ft in self.featuretypes.items() if k[0] == ws and ft["store"] == store]:
            self.layers.pop("%s:%s" % key, None)
            del self.featuretypes[key]
        st = self.stores.pop((ws, store))
        if st.get("dir"):
            shutil.rmtree(st["dir"], ignore_errors=True)

    def store_files_get(self, q, ws, store, method, fmt):
        st = self.stores.get((ws, store))
        if st is None:
            raise not_found("No such datastore " + store)
        if not st.get("dir") or not os.path.isdir(st["dir"]) or not os.listdir(st["dir"]):
            raise not_found("No files for datastore " + store)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(os.listdir(st["dir"])):
                zf.write(os.path.join(st["dir"], name), name)
        raise Answer(200, buf.getvalue(), "application/zip",
                     {"content-disposition": "attachment; filename=%s.zip" % store})

    def store_upload(self, q, upload, ctype, ws, store, method, fmt):
        """``upload``: the path of the received body (complete). GeoServer: DataStoreFileController."""
        if method != "file":
            raise rest_error(400, "Unsupported upload method: %s (this node takes file uploads)" % method)
        if fmt not in ("gpkg", "shp"):
            raise rest_error(400, "Unsupported format: " + fmt)
        if ws not in self.workspaces:
            raise server_error("java.lang.NullPointerException")
        st = self.stores.get((ws, store))
        if st is not None and st["format"] not in (fmt, ""):
            raise server_error("Unable to locate data store factory of type " + st["type"])
        target = os.path.join(self.data_dir, ws, store)
        staging = target + ".incoming"
        shutil.rmtree(staging, ignore_errors=True)
        os.makedirs(staging)
        try:
            with open(upload, "rb") as fh:
                is_zip = fh.read(4) == b"PK\x03\x04"
            if is_zip or "zip" in ctype:
                with zipfile.ZipFile(upload) as zf:
                    for info in zf.infolist():
                        name = os.path.basename(info.filename)
                        if name and not info.is_dir():
                            with zf.open(info) as src, open(os.path.join(staging, name), "wb") as dst:
                                shutil.copyfileobj(src, dst, 1 << 20)
            else:
                shutil.move(upload, os.path.join(staging, q.get("filename") or "%s.%s" % (store, fmt)))
            primary = sorted(n for n in os.listdir(staging) if n.lower().endswith("." + fmt))
            if not primary:
                raise server_error("Could not find appropriate %s file in archive" % fmt)
            tables = self._read_tables(staging, primary, fmt)
        except (zipfile.BadZipFile, sqlite3.Error, OSError) as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise server_error("java.lang.RuntimeException: Unable to create source data store: %s" % exc) from None
        except Answer:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        os.makedirs(target, exist_ok=True)
        for name in os.listdir(staging):
            os.replace(os.path.join(staging, name), os.path.join(target, name))
        shutil.rmtree(staging, ignore_errors=True)
        created = st is None
        if created:
            st = self.stores[(ws, store)] = {"name": store, "enabled": True, "description": "", "format": fmt,
                                             "type": "GeoPackage" if fmt == "gpkg" else "Shapefile", "dir": target}
        if fmt == "gpkg":
            st["file"] = os.path.join(target, primary[0])
            st["params"] = {"database": "file:data/%s/%s/%s" % (ws, store, primary[0]), "dbtype": "geopkg",
                            "namespace": "http://" + ws}
        else:
            st["file"] = target
            st["params"] = {"url": "file:data/%s/%s/" % (ws, store), "namespace": "http://" + ws}
        st["tables"] = tables
        if q.get("configure", "first") != "none":
            for table in list(tables)[: None if q.get("configure") == "all" else 1]:
                if (ws, table) not in self.featuretypes:
                    self._add_featuretype(ws, store, {"name": table, "nativeName": table})
        self.changed()
        raise Answer(201, "")

    def _read_tables(self, folder, primary, fmt):
        if fmt == "gpkg":
            tables = gpkg_tables(os.path.join(folder, primary[0]))
            if not tables:
                raise server_error("java.io.IOException: %s is not a GeoPackage with feature tables" % primary[0])
            return tables
        return {os.path.splitext(n)[0]: {"srs": "", "bbox": None, "attributes": []} for n in primary}

    # --- feature types ------------------------------------------------------------------------
    def _ft_json(self, ws, ft):
        out = {k: v for k, v in ft.items() if k not in ("store",)}
        out["namespace"] = {"name": ws, "href": self.href("/namespaces/" + ws)}
        out["store"] = {"@class": "dataStore", "name": "%s:%s" % (ws, ft["store"]),
                        "href": self.href("/workspaces/%s/datastores/%s" % (ws, ft["store"]))}
        return {"featureType": out}

    def _add_featuretype(self, ws, store, body):
        st = self.stores[(ws, store)]
        name = body.get("name") or body.get("nativeName")
        native = body.get("nativeName") or name
        if (ws, name) in self.featuretypes:
            raise server_error("Resource named '%s' already exists in namespace: '%s'" % (name, ws))
        table = st.get("tables", {}).get(native)
        if table is None and st["format"] != "postgis":
            raise rest_error(400, "Trying to create new feature type inside the store, but no attributes were specified")
        table = table or {"srs": body.get("srs", ""), "bbox": None, "attributes": []}
        ft = {"name": name, "nativeName": native, "store": store, "title": body.get("title", name),
              "abstract": body.get("abstract", ""), "keywords": body.get("keywords", {"string": ["features", name]}),
              "srs": body.get("srs") or table["srs"], "nativeBoundingBox": {"minx": (table["bbox"] or [0] * 4)[0]},
              "metadataLinks": body.get("metadataLinks", ""), "enabled": True,
              "attributes": {"attribute": [{"name": a} for a in table["attributes"]]}}
        self.featuretypes[(ws, name)] = ft
        geom = (body.get("_geometry") or _geometry_of(st, native)).lower()
        self.layers["%s:%s" % (ws, name)] = {"name": name, "type": "VECTOR", "enabled": True,
                                             "defaultStyle": {"name": GEOMETRY_STYLE.get(geom, "generic")}, "styles": ""}
        return ft

    def featuretypes_get(self, q, ws, store):
        self.need_store(ws, store)
        return 200, self.listing("featureTypes", "featureType", [
            {"name": k[1], "href": self.href("/workspaces/%s/datastores/%s/featuretypes/%s" % (ws, store, k[1]))}
            for k, ft in sorted(self.featuretypes.items()) if k[0] == ws and ft["store"] == store])

    def featuretypes_post(self, q, body, ws, store):
        if (ws, store) not in self.stores:
            raise not_found("No such data store: %s,%s" % (ws, store))
        ft = (body or {}).get("featureType") or {}
        if not ft.get("name"):
            raise server_error("Resource name must not be null")
        self._add_featuretype(ws, store, ft)
        self.changed()
        raise Answer(201, "", headers={"Location": "%s/workspaces/%s/datastores/%s/featuretypes/%s"
                                       % (self.rest_url, ws, store, ft["name"])})

    def _need_ft(self, ws, store, name, q=None):
        ft = self.featuretypes.get((ws, name))
        if ft is None or (store is not None and ft["store"] != store):
            path = "%s,%s,%s" % (ws, store, name) if store else "%s,%s" % (ws, name)
            raise not_found("No such feature type: " + path, bool(q) and q.get("quietOnNotFound") == "true")
        return ft

    def featuretype_get(self, q, ws, store, name):
        if store is not None:
            self.need_store(ws, store)
        return 200, self._ft_json(ws, self._need_ft(ws, store, name, q))

    def featuretype_ws_get(self, q, ws, name):
        return self.featuretype_get(q, ws, None, name)

    def featuretype_put(self, q, body, ws, store, name):
        self.need_store(ws, store)
        ft = self._need_ft(ws, store, name)
        new = (body or {}).get("featureType") or {}
        for key in ("title", "abstract", "keywords", "srs", "metadataLinks", "enabled", "nativeBoundingBox"):
            if key in new:
                ft[key] = new[key]
        self.changed()
        return 200, None

    def featuretype_delete(self, q, ws, store, name):
        self.need_store(ws, store)
        self._need_ft(ws, store, name)
        qualified = "%s:%s" % (ws, name)
        if qualified in self.layers and q.get("recurse") != "true":
            raise rest_error(403, "featureType named '%s' referenced by layer(s)" % name)
        self.layers.pop(qualified, None)
        del self.featuretypes[(ws, name)]
        self.changed()
        return 200, None


def _geometry_of(store, table):
    """polygon / line / point from the GeoPackage's geometry column type."""
    path = store.get("file")
    if not path or not path.endswith(".gpkg"):
        return "generic"
    conn = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        row = conn.execute("SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    finally:
        conn.close()
    kind = (row[0] if row else "").upper()
    return "polygon" if "POLYGON" in kind else "line" if "LINE" in kind else "point" if "POINT" in kind else "generic"


def parse_body(raw, ctype):
    """A JSON request body (GeoServer also takes XML; this emulation answers 415 to it)."""
    if not raw:
        return None
    if "json" not in ctype:
        raise rest_error(415, "Content type '%s' not supported (this node takes JSON)" % ctype)
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError as exc:
        raise server_error("com.fasterxml.jackson.core.JsonParseException: %s" % exc) from None
