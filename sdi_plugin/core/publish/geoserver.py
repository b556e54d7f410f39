"""Publishing to GeoServer through its REST API (how Palapa nodes publish).

Paths, methods and status codes follow GeoServer's published REST API specification
(Swagger 2.0, ``doc/en/api/1.0.0``): the workspace is created when missing and **never
deleted** (not even on rollback); the data store is made by uploading the data
(``PUT …/workspaces/{ws}/datastores/{store}/file.gpkg`` or ``file.shp`` with a zipped
Shapefile, ``configure=none``) or, for a PostGIS table, by registering a PostGIS store; then
the feature type (with a metadata link to the catalogue record), the style (the layer's QGIS
symbology as SLD) and the layer's default style.

Every change is journalled before it is sent: what it creates is deleted on rollback, what it
changes is restored from the snapshot taken just before (the store's files, the feature
type's and layer's JSON, the style's SLD body).
"""
import json
import os
from urllib.parse import quote

from ..i18n import tr
from .dataset import gpkg_feature_tables
from .model import CREATE, DONE, FAILED, SKIP, UPDATE, Change, PublishError
from .sld import SLD_10, content_type
from .target import Target

ISO_METADATA_TYPE = "ISO19115:2003"


def _q(name):
    return quote(name, safe="")


class GeoServerTarget(Target):
    kind = "geoserver"

    def __init__(self, url, authcfg="", timeout=30.0):
        super().__init__(url, authcfg, timeout)
        self.label = tr("GeoServer REST")

    # --- addresses (as the specification names them) -------------------------------------------
    def ws_url(self, job):
        return "%s/workspaces/%s" % (self.url, _q(job.workspace))

    def store_url(self, job):
        return "%s/datastores/%s" % (self.ws_url(job), _q(self._store(job)))

    def ft_url(self, job):
        return "%s/featuretypes/%s" % (self.store_url(job), _q(job.layer_name))

    def style_url(self, job):
        return "%s/styles/%s" % (self.ws_url(job), _q(job.style_name))

    def layer_url(self, job):
        return "%s/layers/%s" % (self.url, quote(job.qualified_name, safe=":"))

    @staticmethod
    def _store(job):
        return job.postgis_store or job.store_name

    # --- plan ----------------------------------------------------------------------------------
    def plan(self, job):
        changes = []
        ws = self.client.probe(self.ws_url(job), tr("Reading workspace {name}").format(name=job.workspace))
        if ws is None:
            changes.append(Change(self.kind, "workspace", job.workspace, CREATE, self.url + "/workspaces",
                                  tr("Create the workspace (it is never deleted, not even on rollback)")))
        else:
            changes.append(Change(self.kind, "workspace", job.workspace, SKIP, self.ws_url(job),
                                  tr("The workspace exists; left as it is")))
        store_name = self._store(job)
        store = None if ws is None else self.client.probe(
            self.store_url(job), tr("Reading data store {name}").format(name=store_name))
        if job.postgis_store:
            if store is None:
                raise PublishError(tr("The node has no data store {ws}:{name} to publish the PostGIS table from.")
                                   .format(ws=job.workspace, name=store_name))
            changes.append(Change(self.kind, "datastore", "%s:%s" % (job.workspace, store_name), SKIP,
                                  self.store_url(job), tr("The PostGIS store exists; the table {table} is published "
                                                          "from it").format(table=job.dataset.table)))
        elif job.dataset.provider == "postgres":
            changes.append(self._store_change(job, store, tr("Register the PostGIS database as a data store"),
                                              tr("Update the PostGIS store's connection")))
        else:
            what = os.path.basename(job.dataset.path)
            if job.dataset.format == "GPKG" and gpkg_feature_tables(job.dataset.path) != [job.dataset.table]:
                what = tr("the table {table} of {file} (copied to a GeoPackage of its own)").format(
                    table=job.dataset.table, file=what)
            else:
                what = "%s (%.1f MB)" % (what, job.dataset.size_bytes / 1048576.0)
            changes.append(self._store_change(
                job, store, tr("Upload {what} as a new data store").format(what=what),
                tr("Replace the data of the existing store with {what}").format(what=what)))
        ft = None
        if ws is not None:
            other = self.client.get_json("%s/featuretypes/%s.json" % (self.ws_url(job), _q(job.layer_name)),
                                         tr("Reading feature type {name}").format(name=job.qualified_name))
            if other is not None:
                owner = (((other.get("featureType") or {}).get("store") or {}).get("name") or "").split(":")[-1]
                if owner and owner != store_name:
                    raise PublishError(tr("The node already has a layer {name} from another data store ({store}); "
                                          "it is not touched. Publish under another layer name.")
                                       .format(name=job.qualified_name, store=owner))
                ft = other
        changes.append(Change(self.kind, "featuretype", job.qualified_name, UPDATE if ft else CREATE,
                              self.ft_url(job),
                              tr("Update title, abstract, keywords and the metadata link") if ft else
                              tr("Create the feature type with a metadata link to the catalogue record"),
                              needs_confirmation=bool(ft)))
        style = None if ws is None else self.client.probe(
            self.style_url(job) + ".json", tr("Reading style {name}").format(name=job.style_name))
        changes.append(Change(self.kind, "style", "%s:%s" % (job.workspace, job.style_name),
                              UPDATE if style else CREATE, self.style_url(job),
                              tr("Replace the style's SLD with the layer's QGIS symbology") if style else
                              tr("Upload the layer's QGIS symbology as SLD")))
        changes.append(Change(self.kind, "layer", job.qualified_name, UPDATE if ft else CREATE, self.layer_url(job),
                              tr("Set the default style to {style}").format(style=job.style_name) if ft else
                              tr("The layer (made with the feature type) gets the default style {style}").format(
                                  style=job.style_name)))
        return changes

    def _store_change(self, job, store, create_text, update_text):
        name = "%s:%s" % (job.workspace, self._store(job))
        if store is None:
            return Change(self.kind, "datastore", name, CREATE, self.store_url(job), create_text)
        return Change(self.kind, "datastore", name, UPDATE, self.store_url(job), update_text, needs_confirmation=True)

    # --- apply ---------------------------------------------------------------------------------
    def apply(self, job, changes, journal, feedback=None, workdir=None, progress=None):
        self.client.feedback = feedback
        for change in changes:
            step = getattr(self, "_apply_" + change.resource)
            since = len(journal)
            try:
                status = step(job, change, journal, workdir, progress)
            except PublishError as exc:
                journal.mark(since, exc)
                change.result, change.message, change.http_status = FAILED, exc.message, exc.status
                raise
            change.result = DONE
            change.http_status = status or 0

    def _apply_workspace(self, job, change, journal, workdir, progress):
        if change.action == SKIP:
            return 0
        what = tr("Creating workspace {name}").format(name=job.workspace)
        resp = self.client.request("POST", self.url + "/workspaces",
                                   json.dumps({"workspace": {"name": job.workspace}}).encode(),
                                   {"Content-Type": "application/json"})
        if resp.status == 409:   # made meanwhile by someone else: fine, and still never ours to delete
            change.message = tr("The workspace appeared meanwhile; used as it is")
            return resp.status
        return self.client.check(resp, what).status

    def _apply_datastore(self, job, change, journal, workdir, progress):
        if change.action == SKIP:
            return 0
        url = self.store_url(job)
        if change.action == CREATE:
            entry = journal.add(self.kind, "datastore", change.name, "delete_store", {"url": url})
        else:
            snapshot = self._snapshot_store(job, workdir)
            entry = journal.add(self.kind, "datastore", change.name, "restore_store", snapshot)
        if job.dataset.provider == "postgres":
            status = self._register_postgis(job, change)
        else:
            what = tr("Uploading {file} to data store {name}").format(file=os.path.basename(job.upload_path),
                                                                       name=change.name)
            ctype = "application/zip" if job.upload_path.lower().endswith(".zip") else "application/octet-stream"
            query = "configure=none&filename=%s" % _q("%s.%s" % (self._store(job), job.upload_format))
            if job.upload_format == "shp":
                query = "configure=none"
            resp = self.client.request("PUT", "%s/file.%s?%s" % (url, job.upload_format, query), job.upload_path,
                                       {"Content-Type": ctype}, progress=progress)
            status = self.client.check(resp, what, ok=(200, 201, 202)).status
        entry.applied = True
        return status

    def _register_postgis(self, job, change):
        from .dataset import postgis_connection   # only PostGIS layers need it
        params = postgis_connection(job.dataset)
        body = {"dataStore": {"name": self._store(job), "type": "PostGIS", "enabled": True,
                              "connectionParameters": {"entry": [{"@key": k, "$": str(v)} for k, v in params.items()]}}}
        what = tr("Registering the PostGIS store {name}").format(name=change.name)
        if change.action == CREATE:
            return self.client.send("POST", self.ws_url(job) + "/datastores", body, what).status
        return self.client.send("PUT", self.store_url(job), body, what).status

    def _snapshot_store(self, job, workdir):
        """The store as it is now: its JSON and (for file stores) its files as a zip. Restored
        even when the upload was refused: GeoServer writes the files before it can fail."""
        data = {"url": self.store_url(job), "always": True, "json": self.client.get_json(
            self.store_url(job) + ".json", tr("Reading data store {name}").format(name=self._store(job)))}
        if job.dataset.provider != "postgres":
            path = os.path.join(workdir, "store-before.zip")
            resp = self.client.request("GET", "%s/file.%s" % (self.store_url(job), job.upload_format),
                                       output_path=path)
            if resp.ok:
                data["zip"] = path
            elif resp.status != 404:
                self.client.check(resp, tr("Saving a copy of data store {name} before replacing it").format(
                    name=self._store(job)))
        return data

    def _apply_featuretype(self, job, change, journal, workdir, progress):
        body = {"featureType": self._featuretype_body(job)}
        if change.action == CREATE:
            entry = journal.add(self.kind, "featuretype", change.name, "delete_featuretype", {"url": self.ft_url(job)})
            body["featureType"]["name"] = job.layer_name
            body["featureType"]["nativeName"] = job.dataset.table
            status = self.client.send("POST", self.store_url(job) + "/featuretypes", body,
                                      tr("Creating feature type {name}").format(name=change.name)).status
        else:
            before = self.client.get_json(self.ft_url(job) + ".json",
                                          tr("Reading feature type {name}").format(name=change.name))
            entry = journal.add(self.kind, "featuretype", change.name, "restore_featuretype",
                                {"url": self.ft_url(job), "json": before})
            status = self.client.send("PUT", self.ft_url(job) + "?recalculate=nativebbox,latlonbbox", body,
                                      tr("Updating feature type {name}").format(name=change.name)).status
        entry.applied = True
        return status

    def _featuretype_body(self, job):
        ds = job.dataset
        body = {"title": ds.title or job.layer_name, "abstract": ds.abstract or "", "enabled": True,
                "keywords": {"string": list(ds.keywords or [])}}
        if ds.crs:
            body["srs"] = ds.crs
        if job.links.get("record"):
            body["metadataLinks"] = {"metadataLink": [{"type": "text/xml", "metadataType": ISO_METADATA_TYPE,
                                                       "content": job.links["record"]}]}
        return body

    def _apply_style(self, job, change, journal, workdir, progress):
        if change.action == CREATE:
            entry = journal.add(self.kind, "style", change.name, "delete_style", {"url": self.style_url(job)})
            status = self.client.send("POST", "%s/styles?name=%s" % (self.ws_url(job), _q(job.style_name)), job.sld,
                                      tr("Uploading style {name}").format(name=change.name),
                                      content_type=content_type(job.sld)).status
        else:
            what = tr("Saving a copy of style {name} before replacing it").format(name=change.name)
            before = self.client.check(self.client.request("GET", self.style_url(job) + ".sld",
                                                           headers={"Accept": SLD_10}), what, ok=(200,))
            entry = journal.add(self.kind, "style", change.name, "restore_style",
                                {"url": self.style_url(job), "body": before.content,
                                 "type": before.content_type.split(";")[0] or SLD_10})
            status = self.client.send("PUT", self.style_url(job), job.sld,
                                      tr("Replacing style {name}").format(name=change.name),
                                      content_type=content_type(job.sld)).status
        entry.applied = True
        return status

    def _apply_layer(self, job, change, journal, workdir, progress):
        what = tr("Reading layer {name}").format(name=change.name)
        before = self.client.get_json(self.layer_url(job) + ".json", what)
        if before is None:
            raise PublishError(tr("The node made no layer {name} for the feature type.").format(name=change.name))
        entry = journal.add(self.kind, "layer", change.name, "restore_layer",
                            {"url": self.layer_url(job), "json": before})
        body = {"layer": {"defaultStyle": {"name": job.style_name, "workspace": job.workspace}, "enabled": True}}
        status = self.client.send("PUT", self.layer_url(job), body,
                                  tr("Setting the default style of layer {name}").format(name=change.name)).status
        entry.applied = True
        return status

    # --- rollback ------------------------------------------------------------------------------
    def _delete(self, url, what, query="recurse=true"):
        resp = self.client.request("DELETE", "%s?%s" % (url, query) if query else url)
        if resp.status == 404:
            return   # it was never made (the request that failed did not get through)
        self.client.check(resp, what, ok=(200, 202, 204))

    def undo_delete_store(self, entry):
        self._delete(entry.data["url"], tr("Removing data store {name}").format(name=entry.name))

    def undo_delete_featuretype(self, entry):
        self._delete(entry.data["url"], tr("Removing feature type {name}").format(name=entry.name))

    def undo_delete_style(self, entry):
        self._delete(entry.data["url"], tr("Removing style {name}").format(name=entry.name), "purge=true")

    def undo_restore_store(self, entry):
        data = entry.data
        what = tr("Restoring data store {name}").format(name=entry.name)
        if data.get("zip"):
            fmt = _store_format(data.get("json"))
            self.client.check(self.client.request(
                "PUT", "%s/file.%s?configure=none" % (data["url"], fmt), data["zip"],
                {"Content-Type": "application/zip"}), what, ok=(200, 201, 202))
        if data.get("json"):
            body = {"dataStore": {k: v for k, v in data["json"].get("dataStore", {}).items()
                                  if k in ("name", "description", "enabled", "connectionParameters")}}
            self.client.send("PUT", data["url"], body, what)

    def undo_restore_featuretype(self, entry):
        body = {"featureType": _writable(entry.data["json"].get("featureType", {}))}
        self.client.send("PUT", entry.data["url"], body, tr("Restoring feature type {name}").format(name=entry.name))

    def undo_restore_style(self, entry):
        self.client.send("PUT", entry.data["url"] + "?raw=true", entry.data["body"],
                         tr("Restoring style {name}").format(name=entry.name), content_type=entry.data["type"])

    def undo_restore_layer(self, entry):
        layer = entry.data["json"].get("layer", {})
        style = layer.get("defaultStyle") or {}
        ref = {"name": style.get("name", "").split(":")[-1]}
        if style.get("workspace"):
            ref["workspace"] = style["workspace"]
        body = {"layer": {"defaultStyle": ref, "enabled": layer.get("enabled", True)}}
        self.client.send("PUT", entry.data["url"], body, tr("Restoring layer {name}").format(name=entry.name))

    # --- verify --------------------------------------------------------------------------------
    def verify(self, job):
        what = tr("Reading layer {name}").format(name=job.qualified_name)
        checks = []
        try:
            layer = (self.client.get_json(self.layer_url(job) + ".json", what) or {}).get("layer") or {}
            style = (layer.get("defaultStyle") or {}).get("name", "").split(":")[-1]
            ok = style == job.style_name
            message = "" if ok else tr("The layer's default style is {style}").format(style=style or "-")
            checks.append({"check": "geoserver_layer", "url": self.layer_url(job), "ok": ok, "message": message})
        except PublishError as exc:
            checks.append({"check": "geoserver_layer", "url": self.layer_url(job), "ok": False, "message": exc.message})
        return checks


def _store_format(store_json):
    """The upload format ("gpkg", "shp") of a store from its JSON description."""
    store = (store_json or {}).get("dataStore", {})
    kind = (store.get("type") or "").lower()
    if "shapefile" in kind:
        return "shp"
    return "gpkg"


_FT_WRITABLE = ("name", "nativeName", "title", "abstract", "keywords", "srs", "metadataLinks", "enabled",
                "nativeBoundingBox", "latLonBoundingBox", "projectionPolicy", "dataLinks", "description")


def _writable(ft):
    return {k: v for k, v in (ft or {}).items() if k in _FT_WRITABLE}
