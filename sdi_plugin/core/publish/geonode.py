"""Publishing to a GeoNode through its REST API v2 (the importer's upload, GeoNode 4.x/5.x).

What GeoNode's own source says, and what this target does with it (paths and fields are
checked against ``tests/geonode_spec/geonode_api.json``, which names the source files):

* **Upload** — ``POST /api/v2/uploads/upload``, ``multipart/form-data`` with the data as
  ``base_file`` (a single-layer GeoPackage: GeoNode names the dataset after the table, so the
  table is named as the layer is to be named) and ``action=upload``. A re-publish sends the
  same with ``overwrite_existing_layer=true`` and ``resource_pk`` — the dataset's data are
  replaced in place, never a second dataset. GeoNode answers ``201 {"execution_id": …}`` and
  imports in the background: ``GET /api/v2/executionrequest/{id}`` until ``status`` is
  ``finished`` (``output_params.resources[].id`` is the new dataset) or ``failed`` (``log``).
* **Metadata** — ``PUT /api/v2/datasets/{pk}/metadata`` with the ISO 19139 record as
  ``metadata_file``. GeoNode refuses a record whose identifier differs from the dataset's
  UUID, so the record sent carries the dataset's UUID (GeoNode's own catalogue entry of it).
* **Undo** — what was created: ``DELETE /api/v2/resources/{pk}/delete`` (asynchronous too:
  its ``status_url`` is followed); what was replaced: the data GeoNode held before (its
  stored asset, downloaded before the overwrite) are uploaded again over the same dataset,
  and title and abstract are put back with ``PATCH /api/v2/datasets/{pk}``.

The upload streams from disk: the multipart body is a :class:`MultipartBody` (a QIODevice
that reads the file piece by piece while Qt sends it), so memory does not grow with the
file's size.
"""
import os
import re
import time
import uuid
from dataclasses import replace
from urllib.parse import quote, urlsplit

from qgis.PyQt.QtCore import QIODevice

from ..i18n import tr
from . import isoxml
from .dataset import gpkg_feature_tables
from .model import CREATE, DONE, FAILED, UPDATE, Canceled, Change, PublishError
from .target import Target

API = "/api/v2"
POLL_SECONDS = 0.25       # between two looks at a running import
FINISHED, FAILED_STATUS = "finished", "failed"


def fixup_name(name):
    """The dataset name GeoNode makes of a layer name (``BaseHandler.fixup_name`` of
    geonode/upload/handlers/base.py: ogr2ogr's LAUNDER plus parentheses and a leading digit)."""
    if name and name[0].isnumeric():
        name = "_" + name[1:]
    name = name.lower()
    for old, new in (("-", "_"), (" ", "_"), ("#", "_"), ("\\", "_"), (".", ""), (")", ""), ("(", ""),
                     (",", ""), ("&", "")):
        name = name.replace(old, new)
    return name


def api_root(url):
    """``https://host/…/api/v2`` for a GeoNode's base URL (or its API URL)."""
    url = url.rstrip("/")
    return url if url.endswith(API) else url + API


def is_geonode(api_index):
    """Whether ``GET /api/v2/`` (parsed JSON) is a GeoNode's API index: the DRF router lists
    its endpoints, GeoNode's among them ``datasets`` and ``resources``."""
    return isinstance(api_index, dict) and "datasets" in api_index and "resources" in api_index


def find_geonode(base, authcfg="", timeout=10.0):
    """The GeoNode API root at ``base`` (``…/api/v2``), or '' when ``base`` is not a GeoNode.
    (Endpoint detection can call this with a node's base URL.)"""
    from ..network.http import http_get
    root = api_root(base)
    resp = http_get(root + "/", timeout=timeout, authcfg=authcfg, headers={"Accept": "application/json"})
    if not resp.ok:
        return ""
    try:
        return root if is_geonode(resp.json()) else ""
    except ValueError:
        return ""


# --- a streamed multipart body --------------------------------------------------------------------
class MultipartBody(QIODevice):
    """``multipart/form-data`` of text fields and files, read from disk piece by piece as Qt
    sends it (never the whole file in memory). Random access, so Qt may rewind it to resend.

    ``largest_read`` is the most bytes Qt ever asked for at once (tests check it stays small)."""

    def __init__(self, fields=(), files=()):
        super().__init__()
        self.boundary = "----simpul" + uuid.uuid4().hex
        self._segments = []     # (start, size, bytes or path)
        self._size = 0
        for name, value in fields:
            self._add(('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                       % (self.boundary, name, value)).encode("utf-8"))
        for name, path, filename, ctype in files:
            self._add(('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
                       % (self.boundary, name, filename.replace('"', "_"), ctype)).encode("utf-8"))
            size = os.path.getsize(path)
            self._segments.append((self._size, size, path))
            self._size += size
            self._add(b"\r\n")
        self._add(("--%s--\r\n" % self.boundary).encode("ascii"))
        self._pos = 0
        self._files = {}
        self.largest_read = 0
        self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def _add(self, data):
        self._segments.append((self._size, len(data), data))
        self._size += len(data)

    @property
    def content_type(self):
        return "multipart/form-data; boundary=" + self.boundary

    def size(self):
        return self._size

    def isSequential(self):  # noqa: N802 (Qt's name)
        return False

    def seek(self, pos):
        if pos < 0 or pos > self._size:
            return False
        self._pos = pos
        return super().seek(pos)

    def readData(self, maxlen):  # noqa: N802 (Qt's name)
        self.largest_read = max(self.largest_read, maxlen)
        out = []
        want = min(maxlen, self._size - self._pos)
        while want > 0:
            for start, size, data in self._segments:  # noqa: B007 - the segment found is read below
                if start <= self._pos < start + size:
                    break
            else:
                break
            offset = self._pos - start
            n = min(want, size - offset)
            if isinstance(data, bytes):
                chunk = data[offset:offset + n]
            else:
                fh = self._files.get(data)
                if fh is None:
                    try:
                        fh = self._files[data] = open(data, "rb")
                    except OSError:
                        return None   # Qt ends the request with an error
                fh.seek(offset)
                chunk = fh.read(n)
                if not chunk:
                    return None
            out.append(chunk)
            self._pos += len(chunk)
            want -= len(chunk)
        return b"".join(out)

    def writeData(self, data):  # noqa: N802 (Qt's name)
        return -1

    def close(self):
        for fh in self._files.values():
            fh.close()
        self._files = {}
        super().close()


# --- the target -----------------------------------------------------------------------------------
class GeoNodeTarget(Target):
    kind = "geonode"

    def __init__(self, url, authcfg="", timeout=30.0):
        super().__init__(api_root(url), authcfg, timeout)   # self.url: …/api/v2
        self.label = tr("GeoNode")
        self._bodies = []   # upload bodies stay alive while Qt may still hold them (see MultipartBody)
        self._pk = {}       # dataset name -> pk, learned while planning and publishing

    # --- addresses ---------------------------------------------------------------------------------
    def upload_url(self):
        return self.url + "/uploads/upload"

    def dataset_url(self, pk):
        return "%s/datasets/%s" % (self.url, pk)

    def listing_url(self, name):
        return "%s/datasets?filter%%7Bname%%7D=%s" % (self.url, quote(name, safe=""))

    def execution_url(self, exec_id):
        return "%s/executionrequest/%s" % (self.url, quote(str(exec_id), safe=""))

    def delete_url(self, pk):
        return "%s/resources/%s/delete" % (self.url, pk)

    @staticmethod
    def name_for(job):
        return fixup_name(job.layer_name)

    # --- reading -----------------------------------------------------------------------------------
    def find(self, name):
        """The dataset named ``name`` (the listing's JSON of it), or None."""
        data = self.client.get_json(self.listing_url(name), tr("Looking up dataset {name} on GeoNode").format(
            name=name))
        found = [d for d in (data or {}).get("datasets", []) if d.get("name") == name]
        return found[0] if found else None

    def detail(self, pk, name):
        data = self.client.get_json(self.dataset_url(pk), tr("Reading dataset {name} on GeoNode").format(name=name))
        return (data or {}).get("dataset")

    @staticmethod
    def asset_url(detail):
        """The address of the files GeoNode stored for the dataset (its asset), or ''."""
        for link in (detail or {}).get("download_urls") or []:
            url = (link or {}).get("url") or ""
            if "/assets/" in url and url.rstrip("/").endswith("/download"):
                return url
        return ""

    # --- plan --------------------------------------------------------------------------------------
    def plan(self, job):
        name = self.name_for(job)
        what = "%s (%.1f MB)" % (os.path.basename(job.dataset.path or job.dataset.source),
                                 job.dataset.size_bytes / 1048576.0)
        found = self.find(name)
        if found is None:
            return [Change(self.kind, "dataset", name, CREATE, self.upload_url(),
                           tr("Upload {what} as a new GeoNode dataset").format(what=what)),
                    Change(self.kind, "metadata", name, CREATE, self.url + "/datasets/{pk}/metadata",
                           tr("Upload the ISO 19139 record as the dataset's metadata"))]
        pk = found.get("pk") or found.get("id")
        self._pk[name] = pk
        if not self.asset_url(self.detail(pk, name)):
            raise PublishError(tr("GeoNode offers no copy of the files of dataset {name}, so replacing its data could "
                                  "not be undone if a step failed; it is not touched. Publish under another layer "
                                  "name.").format(name=name))
        return [Change(self.kind, "dataset", name, UPDATE, self.dataset_url(pk),
                       tr("Replace the dataset's data in place with {what} (the same dataset, no duplicate)").format(
                           what=what), needs_confirmation=True),
                Change(self.kind, "metadata", name, UPDATE, self.dataset_url(pk) + "/metadata",
                       tr("Replace the dataset's metadata with the ISO 19139 record"))]

    # --- apply -------------------------------------------------------------------------------------
    def apply(self, job, changes, journal, feedback=None, workdir=None, progress=None):
        self.client.feedback = feedback
        upload = None
        for change in changes:
            since = len(journal)
            try:
                if change.resource == "dataset":
                    upload = upload or self.prepare(job, workdir)
                    status = self._apply_dataset(job, change, journal, upload, workdir, progress)
                else:
                    status = self._apply_metadata(job, change, journal, workdir)
            except PublishError as exc:
                journal.mark(since, exc)
                change.result, change.message, change.http_status = FAILED, exc.message, exc.status
                raise
            change.result, change.http_status = DONE, status

    def prepare(self, job, workdir):
        """A single-layer GeoPackage whose table has the dataset's name: the dataset's own file
        when it already is one, else a copy of the layer."""
        ds, name = job.dataset, self.name_for(job)
        if ds.format == "GPKG" and gpkg_feature_tables(ds.path) == [ds.table] and fixup_name(ds.table) == name:
            return ds.path
        from .dataset import _to_geopackage
        return _to_geopackage(replace(ds, table=name), workdir, self.client.feedback)

    def _upload(self, path, what, fields, progress=None):
        """POST the file to the importer; returns the execution id."""
        body = MultipartBody(fields, [("base_file", path, os.path.basename(path), "application/geopackage+sqlite3")])
        self._bodies.append(body)
        try:
            resp = self.client.request("POST", self.upload_url(), body,
                                       {"Content-Type": body.content_type, "Accept": "application/json"},
                                       progress=progress)
        finally:
            body.close()
        self.client.check(resp, what, ok=(200, 201))
        try:
            exec_id = resp.json().get("execution_id")
        except (ValueError, AttributeError):
            exec_id = None
        if not exec_id:
            raise PublishError(tr("{what}: GeoNode's answer names no import (execution_id).").format(what=what),
                               resp.status, url=resp.url, answered=False)
        return exec_id

    def wait(self, status_url, what, envelope="request"):
        """Follow an asynchronous GeoNode request until it is finished; returns its JSON.
        Gives up when its state has not changed for the timeout."""
        last, changed = None, time.monotonic()
        while True:
            if self.client.feedback is not None and self.client.feedback.isCanceled():
                raise Canceled(tr("Canceled."))
            try:
                data = self.client.get_json(status_url, what)
            except PublishError as exc:
                exc.answered = False   # the request itself went through: its outcome is unknown
                raise
            if data is None:
                raise PublishError(tr("{what}: GeoNode no longer knows the request.").format(what=what), 404,
                                   url=status_url, answered=False)
            request = data.get(envelope, data) if envelope else data
            status = request.get("status", "")
            if status == FINISHED:
                return request
            if status == FAILED_STATUS:
                words = re.sub(r"\s+", " ", str(request.get("log") or "")).strip()[:600]
                raise PublishError(tr("{what}: GeoNode said “{words}”.").format(
                    what=what, words=words or tr("the import failed")), 0, words, status_url, answered=False)
            state = (status, request.get("step"), request.get("last_updated"))
            if state != last:
                last, changed = state, time.monotonic()
            elif time.monotonic() - changed > self.client.timeout:
                raise PublishError(tr("{what}: GeoNode's import made no progress for {seconds:g} s.").format(
                    what=what, seconds=self.client.timeout), 0, url=status_url, answered=False)
            time.sleep(POLL_SECONDS)

    def _import(self, path, what, fields, progress=None):
        """Upload and wait for the import; returns the dataset's pk."""
        exec_id = self._upload(path, what, fields, progress)
        request = self.wait(self.execution_url(exec_id), what)
        resources = (request.get("output_params") or {}).get("resources") or []
        if not resources or resources[0].get("id") is None:
            raise PublishError(tr("{what}: GeoNode finished the import without a dataset.").format(what=what),
                               answered=False)
        return resources[0]["id"]

    def _apply_dataset(self, job, change, journal, path, workdir, progress):
        name = change.name
        what = tr("Uploading {file} to GeoNode").format(file=os.path.basename(path))
        if change.action == CREATE:
            entry = journal.add(self.kind, "dataset", name, "delete_dataset", {"name": name, "pk": None})
            pk = self._import(path, what, [("action", "upload")], progress)
            entry.data["pk"] = pk
        else:
            pk = self._pk[name]
            before = self._save_data(pk, name, workdir)
            entry = journal.add(self.kind, "dataset", name, "restore_dataset",
                                {"name": name, "pk": pk, "file": before})
            got = self._import(path, what, [("action", "upload"), ("overwrite_existing_layer", "true"),
                                            ("resource_pk", str(pk))], progress)
            if str(got) != str(pk):
                raise PublishError(tr("GeoNode made dataset {got} instead of replacing dataset {pk}.").format(
                    got=got, pk=pk), answered=False)
        self._pk[name] = pk
        entry.applied = True
        return 201

    def _save_data(self, pk, name, workdir):
        """Download the files GeoNode holds for the dataset (to put them back on a rollback)."""
        detail = self.detail(pk, name)
        url = self.asset_url(detail)
        what = tr("Saving a copy of dataset {name} before replacing it").format(name=name)
        if not url:
            raise PublishError(tr("{what}: GeoNode offers no copy of its files.").format(what=what))
        out = os.path.join(workdir, "geonode-before-%s.gpkg" % pk)
        resp = self.client.request("GET", url, output_path=out)
        self.client.check(resp, what, ok=(200,))
        disposition = resp.headers.get("content-disposition", "")
        m = re.search(r'filename="?([^";]+)"?', disposition)
        filename = m.group(1) if m else ""
        if filename and not filename.lower().endswith(".gpkg"):
            os.remove(out)
            raise PublishError(tr("GeoNode holds dataset {name} as {file}, not as a GeoPackage; its data are not "
                                  "replaced because they could not be put back if a step failed.").format(
                                      name=name, file=filename))
        with open(out, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise PublishError(tr("{what}: GeoNode's copy is not a GeoPackage.").format(what=what))
        return out

    def _apply_metadata(self, job, change, journal, workdir):
        name = change.name
        pk = self._pk[name]
        detail = self.detail(pk, name)
        if detail is None:
            raise PublishError(tr("GeoNode does not find dataset {name} after the upload.").format(name=name))
        if change.action == UPDATE:
            entry = journal.add(self.kind, "metadata", name, "restore_metadata",
                                {"pk": pk, "title": detail.get("title", ""), "abstract": detail.get("abstract", "")})
        else:
            entry = None   # the dataset is new: deleting it (its own undo) undoes this too
        root = isoxml.load(job.iso_xml)
        if detail.get("uuid"):
            isoxml.set_identifier(root, detail["uuid"])   # GeoNode refuses a record for another UUID
        path = os.path.join(workdir, "geonode-metadata-%s.xml" % pk)
        with open(path, "wb") as fh:
            fh.write(isoxml.dump(root))
        body = MultipartBody((), [("metadata_file", path, "metadata.xml", "text/xml")])
        self._bodies.append(body)
        try:
            resp = self.client.request("PUT", self.dataset_url(pk) + "/metadata", body,
                                       {"Content-Type": body.content_type, "Accept": "application/json"})
        finally:
            body.close()
        status = self.client.check(resp, tr("Uploading the metadata of dataset {name} to GeoNode").format(
            name=name), ok=(200,)).status
        if entry is not None:
            entry.applied = True
        return status

    # --- undo --------------------------------------------------------------------------------------
    def delete_dataset(self, pk):
        what = tr("Deleting dataset {pk} from GeoNode").format(pk=pk)
        resp = self.client.request("DELETE", self.delete_url(pk), headers={"Accept": "application/json"})
        if resp.status == 404 and not resp.timed_out:
            return
        self.client.check(resp, what, ok=(200, 202, 204))
        try:
            status_url = resp.json().get("status_url") or ""
        except (ValueError, AttributeError):
            status_url = ""
        if status_url and urlsplit(status_url).netloc == urlsplit(self.url).netloc:
            self.wait(status_url, what, envelope=None)

    def undo_delete_dataset(self, entry):
        pk = entry.data.get("pk")
        if pk is None:   # the outcome of the upload is unknown: whatever now has the name is ours
            found = self.find(entry.data["name"])
            if found is None:
                return
            pk = found.get("pk") or found.get("id")
        self.delete_dataset(pk)

    def undo_restore_dataset(self, entry):
        path = entry.data["file"]
        self._import(path, tr("Putting back the data of dataset {name} on GeoNode").format(name=entry.name),
                     [("action", "upload"), ("overwrite_existing_layer", "true"),
                      ("resource_pk", str(entry.data["pk"]))])

    def undo_restore_metadata(self, entry):
        body = {"title": entry.data["title"], "abstract": entry.data["abstract"]}
        self.client.send("PATCH", self.dataset_url(entry.data["pk"]), body,
                         tr("Putting back the title and abstract of dataset {name} on GeoNode").format(name=entry.name),
                         ok=(200,))

    # --- verify ------------------------------------------------------------------------------------
    def verify(self, job):
        name = self.name_for(job)
        url = self.listing_url(name)
        try:
            found = self.find(name)
            detail = self.detail(found.get("pk") or found.get("id"), name) if found else None
        except PublishError as exc:
            return [{"check": "geonode", "url": url, "ok": False, "message": exc.message}]
        ok = bool(detail) and detail.get("name") == name
        title = isoxml.title(isoxml.load(job.iso_xml)) if job.iso_xml else ""
        if ok and title and detail.get("title") != title:
            return [{"check": "geonode", "url": url, "ok": False,
                     "message": tr("GeoNode lists dataset {name} with the title “{title}”").format(
                         name=name, title=detail.get("title", ""))}]
        if ok:
            job.links["geonode"] = detail.get("detail_url") or self.dataset_url(detail.get("pk"))
        return [{"check": "geonode", "url": url, "ok": ok,
                 "message": "" if ok else tr("GeoNode does not list dataset {name}").format(name=name)}]
