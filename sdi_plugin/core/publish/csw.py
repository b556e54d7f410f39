"""Publishing the ISO record to a CSW catalogue with transactions (CSW-T 2.0.2).

Insert the record; Update it (the whole record, matched by its identifier) on re-publish;
Delete it on unpublish or rollback. Two flavours:

* **pycsw** (what Palapa nodes run): transactions on the catalogue's own endpoint (``/csw``),
  allowed by IP address (``allowed_ips``); Delete by ``apiso:Identifier``.
* **GeoNetwork**: transactions on ``…/srv/eng/csw-publication`` with the node's credentials;
  Delete by the ``Identifier`` queryable.

A catalogue refusing a transaction answers an OWS ExceptionReport (pycsw with HTTP 200): its
text is what the user sees.
"""
import copy
from urllib.parse import quote

from lxml import etree

from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml
from . import isoxml
from .errors import ows_exception_text
from .model import CREATE, DONE, FAILED, UPDATE, Change, PublishError
from .target import Target

CSW = "http://www.opengis.net/cat/csw/2.0.2"
OGC = "http://www.opengis.net/ogc"
APISO = "http://www.opengis.net/cat/csw/apiso/1.0"
GMD = "http://www.isotc211.org/2005/gmd"


def flavour_of(url, capabilities=b""):
    """ "geonetwork" | "pycsw" | "" from the endpoint address and its capabilities document."""
    if "/geonetwork/" in url or b"geonetwork" in (capabilities or b"")[:200000].lower():
        return "geonetwork"
    if b"pycsw" in (capabilities or b"")[:200000].lower():
        return "pycsw"
    return ""


def transaction_url(url, flavour):
    """Where transactions go: GeoNetwork takes them on ``csw-publication``."""
    if flavour == "geonetwork" and url.rstrip("/").endswith("/csw"):
        return url.rstrip("/") + "-publication"
    return url


def record_url(csw_url, record_id):
    """A GetRecordById address for the record in ISO 19139 (the link GeoServer's metadata link holds)."""
    sep = "&" if "?" in csw_url else "?"
    return ("%s%sservice=CSW&version=2.0.2&request=GetRecordById&id=%s&outputSchema=%s&elementSetName=full"
            % (csw_url, sep, quote(record_id, safe=""), quote(GMD, safe="")))


class CswTarget(Target):
    kind = "csw"

    def __init__(self, url, flavour="", authcfg="", timeout=30.0, read_url=""):
        super().__init__(url, authcfg, timeout)
        self.flavour = flavour
        self.read_url = read_url or url
        self.label = tr("CSW catalogue ({flavour})").format(flavour=flavour or "CSW-T")

    # --- reading -------------------------------------------------------------------------------
    def get_record(self, record_id, url=None):
        """The record's ``gmd:MD_Metadata`` bytes from the catalogue, or None when it has none."""
        what = tr("Looking up record {id} in the catalogue").format(id=record_id)
        resp = self.client.request("GET", record_url(url or self.read_url, record_id))
        if resp.status == 404 and not resp.timed_out:
            return None
        self.client.check(resp, what, ok=(200,))
        try:
            root = parse_xml(resp.content)
        except XmlError as exc:
            why = tr("{what}: the catalogue's answer is not XML ({why}).").format(what=what, why=exc)
            raise PublishError(why) from None
        text = ows_exception_text(root)
        if text:
            raise PublishError(tr("{what}: the catalogue said “{words}”.").format(what=what, words=text))
        for el in root.iter():
            if localname(el) == "MD_Metadata" and isoxml.identifier(el) == record_id:
                record = copy.deepcopy(el)              # on its own, without the answer's other namespaces
                etree.cleanup_namespaces(record)
                return etree.tostring(record, encoding="UTF-8")
        return None

    # --- plan / apply --------------------------------------------------------------------------
    def plan(self, job):
        exists = self.get_record(job.record_id) is not None
        return [Change(self.kind, "record", job.record_id, UPDATE if exists else CREATE, self.url,
                       tr("Update the catalogue record in place (CSW-T Update)") if exists else
                       tr("Insert the ISO 19139 record (CSW-T Insert)"))]

    def apply(self, job, changes, journal, feedback=None, workdir=None, progress=None):
        self.client.feedback = feedback
        for change in changes:
            since = len(journal)
            try:
                if change.action == CREATE:
                    entry = journal.add(self.kind, "record", change.name, "delete_record", {"id": job.record_id})
                    self._transaction(self._insert(job.iso_xml), "totalInserted",
                                      tr("Inserting record {id}").format(id=job.record_id))
                else:
                    before = self.get_record(job.record_id)
                    entry = journal.add(self.kind, "record", change.name, "restore_record",
                                        {"id": job.record_id, "xml": before})
                    self._transaction(self._update(job.iso_xml), "totalUpdated",
                                      tr("Updating record {id}").format(id=job.record_id))
            except PublishError as exc:
                journal.mark(since, exc)
                change.result, change.message, change.http_status = FAILED, exc.message, exc.status
                raise
            entry.applied = True
            change.result, change.http_status = DONE, 200

    def delete(self, record_id):
        """Delete the record (unpublish); returns how many the catalogue deleted."""
        return self._transaction(self._delete(record_id), "totalDeleted",
                                 tr("Deleting record {id}").format(id=record_id), allow_zero=True)

    def undo_delete_record(self, entry):
        self.delete(entry.data["id"])

    def undo_restore_record(self, entry):
        if entry.data.get("xml"):
            self._transaction(self._update(entry.data["xml"]), "totalUpdated",
                              tr("Restoring record {id}").format(id=entry.name))

    # --- the transactions ----------------------------------------------------------------------
    @staticmethod
    def _body(inner):
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<csw:Transaction xmlns:csw="%s" xmlns:ogc="%s" '
                'xmlns:apiso="%s" service="CSW" version="2.0.2">%s</csw:Transaction>' % (CSW, OGC, APISO, inner)
                ).encode("utf-8")

    def _record_xml(self, iso):
        return etree.tostring(isoxml.load(iso), encoding="unicode")

    def _insert(self, iso):
        return self._body("<csw:Insert>%s</csw:Insert>" % self._record_xml(iso))

    def _update(self, iso):
        return self._body("<csw:Update>%s</csw:Update>" % self._record_xml(iso))

    def _delete(self, record_id):
        prop = "Identifier" if self.flavour == "geonetwork" else "apiso:Identifier"
        literal = etree.Element("x")
        literal.text = record_id
        value = etree.tostring(literal, encoding="unicode")[3:-4]   # the id, XML-escaped
        return self._body('<csw:Delete typeName="csw:Record"><csw:Constraint version="1.1.0"><ogc:Filter>'
                          '<ogc:PropertyIsEqualTo><ogc:PropertyName>%s</ogc:PropertyName><ogc:Literal>%s'
                          '</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint></csw:Delete>'
                          % (prop, value))

    def _transaction(self, body, total, what, allow_zero=False):
        resp = self.client.send("POST", self.url, body, what, content_type="application/xml", ok=(200,))
        try:
            root = parse_xml(resp.content)
        except XmlError as exc:
            raise PublishError(tr("{what}: the catalogue's answer is not XML ({why}).").format(what=what, why=exc),
                               resp.status) from None
        text = ows_exception_text(root)
        if text:
            raise PublishError(tr("{what}: the catalogue said “{words}”.").format(what=what, words=text),
                               resp.status, text)
        if localname(root) != "TransactionResponse":
            why = tr("{what}: the catalogue did not answer with a transaction response.").format(what=what)
            raise PublishError(why, resp.status)
        count = 0
        for el in root.iter():
            if localname(el) == total and (el.text or "").strip().isdigit():
                count = int(el.text.strip())
        if count < 1 and not allow_zero:
            raise PublishError(tr("{what}: the catalogue reported no record changed.").format(what=what), resp.status)
        return count

    # --- verify --------------------------------------------------------------------------------
    def verify(self, job):
        url = record_url(self.read_url, job.record_id)
        try:
            xml = self.get_record(job.record_id)
        except PublishError as exc:
            return [{"check": "catalogue", "url": url, "ok": False, "message": exc.message}]
        if xml is None:
            return [{"check": "catalogue", "url": url, "ok": False,
                     "message": tr("The catalogue does not find record {id}").format(id=job.record_id)}]
        links = {(l["protocol"], l["name"]) for l in isoxml.online_resources(isoxml.load(xml))}
        wanted = {(l["protocol"], l["name"]) for l in job.links.get("record_links", [])}
        ok = wanted <= links
        return [{"check": "catalogue", "url": url, "ok": ok,
                 "message": "" if ok else tr("The record found lacks the links to the published layer")}]
