"""Publishing the record to an OGC API - Records catalogue with transactions
(OGC API - Features Part 4: create, replace, delete): ``POST`` to ``/collections/{id}/items``,
``PUT`` / ``DELETE`` on ``/collections/{id}/items/{recordId}``.

The ISO 19139 record is turned into a record in the Records core GeoJSON encoding: the same
identifier, title, description, keywords, extent and the links to the published layer.
"""
import json
from datetime import datetime, timezone
from urllib.parse import quote

from ..i18n import tr
from . import isoxml
from .model import CREATE, DONE, FAILED, UPDATE, Change, PublishError
from .target import Target

GEOJSON = "application/geo+json"
CRUD_CONFORMANCE = "conf/create-replace-delete"


def _text(root, path):
    el = root.find(path, isoxml.NS)
    return (el.text or "").strip() if el is not None and el.text else ""


def record_from_iso(iso, links=()):
    """An OGC API Records GeoJSON record (dict) for the ISO 19139 record ``iso`` (bytes)."""
    root = isoxml.load(iso)
    rid = isoxml.identifier(root)
    ident = ".//gmd:identificationInfo/*"
    bbox = [_text(root, ident + "//gmd:EX_GeographicBoundingBox/gmd:%s/gco:Decimal" % n)
            for n in ("westBoundLongitude", "southBoundLatitude", "eastBoundLongitude", "northBoundLatitude")]
    geometry = None
    if all(bbox):
        w, s, e, n = (float(v) for v in bbox)
        geometry = {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}
    keywords = [el.text.strip() for el in root.iterfind(ident + "//gmd:keyword/gco:CharacterString", isoxml.NS)
                if el.text and el.text.strip()]
    org = _text(root, ".//gmd:contact//gmd:organisationName/gco:CharacterString")
    props = {"type": "dataset", "title": isoxml.title(root) or rid,
             "description": _text(root, ident + "/gmd:abstract/gco:CharacterString"),
             "keywords": keywords, "language": "ind",
             "updated": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}
    if org:
        props["contacts"] = [{"organization": org, "roles": ["pointOfContact"]}]
    record = {"id": rid, "type": "Feature", "conformsTo": ["http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core"],
              "geometry": geometry, "properties": props,
              "links": [{"href": l["url"], "rel": "item", "type": l.get("type", ""), "title": l.get("name", ""),
                         "protocol": l.get("protocol", "")} for l in links]}
    return record


class RecordsTarget(Target):
    kind = "records"

    def __init__(self, url, authcfg="", timeout=30.0):
        super().__init__(url, authcfg, timeout)   # the collection: …/collections/{id}
        self.label = tr("OGC API Records catalogue")

    def item_url(self, record_id):
        return "%s/items/%s" % (self.url, quote(record_id, safe=""))

    def get_item(self, record_id):
        return self.client.get_json(self.item_url(record_id) + "?f=json",
                                    tr("Looking up record {id} in the catalogue").format(id=record_id))

    def plan(self, job):
        exists = self.get_item(job.record_id) is not None
        return [Change(self.kind, "record", job.record_id, UPDATE if exists else CREATE,
                       self.item_url(job.record_id) if exists else self.url + "/items",
                       tr("Replace the record in place (PUT)") if exists else tr("Add the record (POST)"))]

    def apply(self, job, changes, journal, feedback=None, workdir=None, progress=None):
        self.client.feedback = feedback
        record = record_from_iso(job.iso_xml, job.links.get("record_links", []))
        for change in changes:
            since = len(journal)
            try:
                if change.action == CREATE:
                    entry = journal.add(self.kind, "record", change.name, "delete_item", {"id": job.record_id})
                    status = self.client.send("POST", self.url + "/items", record,
                                              tr("Adding record {id}").format(id=job.record_id),
                                              content_type=GEOJSON, ok=(200, 201)).status
                else:
                    before = self.get_item(job.record_id)
                    entry = journal.add(self.kind, "record", change.name, "restore_item",
                                        {"id": job.record_id, "json": before})
                    status = self.client.send("PUT", self.item_url(job.record_id), record,
                                              tr("Replacing record {id}").format(id=job.record_id),
                                              content_type=GEOJSON, ok=(200, 204)).status
            except PublishError as exc:
                journal.mark(since, exc)
                change.result, change.message, change.http_status = FAILED, exc.message, exc.status
                raise
            entry.applied = True
            change.result, change.http_status = DONE, status

    def delete(self, record_id):
        resp = self.client.request("DELETE", self.item_url(record_id))
        if resp.status != 404:
            self.client.check(resp, tr("Deleting record {id}").format(id=record_id), ok=(200, 204))

    def undo_delete_item(self, entry):
        self.delete(entry.data["id"])

    def undo_restore_item(self, entry):
        if entry.data.get("json"):
            self.client.send("PUT", self.item_url(entry.data["id"]), entry.data["json"],
                             tr("Restoring record {id}").format(id=entry.name), content_type=GEOJSON, ok=(200, 204))

    def verify(self, job):
        url = self.item_url(job.record_id)
        try:
            item = self.get_item(job.record_id)
        except PublishError as exc:
            return [{"check": "records", "url": url, "ok": False, "message": exc.message}]
        ok = bool(item) and item.get("id") == job.record_id
        return [{"check": "records", "url": url, "ok": ok,
                 "message": "" if ok else tr("The catalogue does not find record {id}").format(id=job.record_id)}]


def transactional(conformance_json):
    """Whether an OGC API's conformance declaration includes create/replace/delete."""
    try:
        classes = json.loads(conformance_json).get("conformsTo", [])
    except (ValueError, AttributeError):
        return False
    return any(CRUD_CONFORMANCE in c for c in classes)
