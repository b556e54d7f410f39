"""CSW 2.0.2 / 3.0 catalogue client: GetRecords by POST, ISO 19139 first, Dublin Core as fallback.

The request is built here with lxml (never by pasting strings): free text as one
``PropertyIsLike %word%`` on AnyText per word (pycsw keeps keywords comma-joined, so
equality would miss them), the theme as ``PropertyIsLike`` on dc:subject, the date range on
dc:date, the extent as BBOX on ows:BoundingBox in ``urn:ogc:def:crs:OGC:1.3:CRS84``
(longitude/latitude; pycsw reads EPSG:4326 as latitude/longitude). Paging by startPosition
and the answer's nextRecord. The answer goes through ``xmlsafe.parse_xml``.
"""
from lxml import etree

from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml
from .client import PAGE_MAX_BYTES, CatalogueError, Page, parsing, post
from .dublincore import DC_NAMES, parse_dc
from ..metadata.isotype import is_iso_root
from ..metadata.namespaces import ISO3_ROOTS
from .iso19139 import parse_iso

CSW = {"2.0.2": "http://www.opengis.net/cat/csw/2.0.2", "3.0.0": "http://www.opengis.net/cat/csw/3.0"}
FILTER = {"2.0.2": "http://www.opengis.net/ogc", "3.0.0": "http://www.opengis.net/fes/2.0"}
GML = {"2.0.2": "http://www.opengis.net/gml", "3.0.0": "http://www.opengis.net/gml/3.2"}
OWS = "http://www.opengis.net/ows"
ISO_SCHEMA = "http://www.isotc211.org/2005/gmd"
CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84"


def _escape_like(word):
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _version(version):
    return "3.0.0" if str(version).startswith("3") else "2.0.2"


def build_getrecords(query, version="2.0.2", start=1, max_records=20, output_schema=ISO_SCHEMA):
    """The GetRecords request (bytes) for a :class:`SearchQuery`."""
    version = _version(version)
    csw, fes = CSW[version], FILTER[version]
    v3 = version == "3.0.0"
    gml = GML[version]
    nsmap = {"csw": csw, "ogc" if not v3 else "fes": fes, "gml": gml, "ows": OWS}
    root = etree.Element("{%s}GetRecords" % csw, nsmap=nsmap)
    root.set("service", "CSW")
    root.set("version", version)
    if not v3:                      # CSW 3.0 has no resultType (results is its default)
        root.set("resultType", "results")
    root.set("startPosition", str(int(start)))
    root.set("maxRecords", str(int(max_records)))
    root.set("outputFormat", "application/xml")
    root.set("outputSchema", output_schema)
    q = etree.SubElement(root, "{%s}Query" % csw)
    q.set("typeNames", "csw:Record")
    etree.SubElement(q, "{%s}ElementSetName" % csw).text = "full"
    prop = "ValueReference" if v3 else "PropertyName"

    def like(name, value):
        el = etree.Element("{%s}PropertyIsLike" % fes, wildCard="%", singleChar="_", escapeChar="\\")
        etree.SubElement(el, "{%s}%s" % (fes, prop)).text = name
        etree.SubElement(el, "{%s}Literal" % fes).text = "%" + _escape_like(value) + "%"
        return el

    def compare(op, name, value):
        el = etree.Element("{%s}%s" % (fes, op))
        etree.SubElement(el, "{%s}%s" % (fes, prop)).text = name
        etree.SubElement(el, "{%s}Literal" % fes).text = value
        return el

    conditions = [like("csw:AnyText", w) for w in query.words()]
    if query.theme:
        conditions.append(like("dc:subject", query.theme))
    if query.date_from:
        conditions.append(compare("PropertyIsGreaterThanOrEqualTo", "dc:date", query.date_from))
    if query.date_to:
        conditions.append(compare("PropertyIsLessThanOrEqualTo", "dc:date", query.date_to + "T23:59:59Z"))
    if query.bbox:
        bbox = etree.Element("{%s}BBOX" % fes)
        etree.SubElement(bbox, "{%s}%s" % (fes, prop)).text = "ows:BoundingBox"
        env = etree.SubElement(bbox, "{%s}Envelope" % gml, srsName=CRS84)
        etree.SubElement(env, "{%s}lowerCorner" % gml).text = "%r %r" % (query.bbox[0], query.bbox[1])
        etree.SubElement(env, "{%s}upperCorner" % gml).text = "%r %r" % (query.bbox[2], query.bbox[3])
        conditions.append(bbox)
    if conditions:
        con = etree.SubElement(q, "{%s}Constraint" % csw, version="2.0.0" if v3 else "1.1.0")
        flt = etree.SubElement(con, "{%s}Filter" % fes)
        if len(conditions) == 1:
            flt.append(conditions[0])
        else:
            both = etree.SubElement(flt, "{%s}And" % fes)
            for c in conditions:
                both.append(c)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _exception_text(root):
    texts = [e.text.strip() for e in root.iter() if localname(e) == "ExceptionText" and e.text and e.text.strip()]
    codes = [e.get("exceptionCode", "") for e in root.iter() if localname(e) == "Exception"]
    text = "; ".join(texts) or "; ".join(c for c in codes if c) or "?"
    return text[:600]


def parse_getrecords(data, source_url="", start=1):
    """A :class:`Page` from a GetRecordsResponse (bytes); :class:`CatalogueError` for an OGC
    exception or anything that is not a GetRecordsResponse."""
    try:
        root = parse_xml(data)
    except XmlError as exc:
        raise CatalogueError(str(exc)) from exc
    name = localname(root)
    if name == "ExceptionReport":
        text = _exception_text(root)
        raise CswException(tr("the catalogue answered with an OGC exception: {text}").format(text=text))
    if name != "GetRecordsResponse":
        raise CatalogueError(tr("not a CSW GetRecords answer (root element {name})").format(name=name))
    results = next((c for c in root if localname(c) == "SearchResults"), None)
    if results is None:
        raise CatalogueError(tr("the CSW answer has no search results"))
    records = []
    for child in results:
        kind = localname(child) if isinstance(child.tag, str) else ""
        try:
            if is_iso_root(child):        # gmd:MD_Metadata, gmi:MI_Metadata, or a profile root with gco:isoType
                rec = parse_iso(child, source_url)
            elif kind in DC_NAMES:
                rec = parse_dc(child, source_url)
            elif kind == "MD_Metadata" and etree.QName(child).namespace in ISO3_ROOTS:
                rec = parse_iso3(child, source_url)      # GeoNetwork 4 answering in ISO 19115-3
            else:
                continue
        except Exception:  # noqa: BLE001 - one odd record must not cost the others (or itself)
            rec = _bare_record(child, source_url)
        if rec.identifier or rec.title:
            records.append(rec)

    def number(attr):
        try:
            return int(results.get(attr, ""))
        except ValueError:
            return -1

    matched, returned, nxt = number("numberOfRecordsMatched"), number("numberOfRecordsReturned"), number("nextRecord")
    if returned < 0:
        returned = len(records)
    if nxt < 0 and matched >= 0:
        nxt = start + returned
    if nxt <= start or returned == 0 or (matched >= 0 and nxt > matched):
        nxt = None
    return Page(records=records, matched=matched, next_token=nxt)


def parse_iso3(md, source_url=""):
    """A :class:`Record` from an ISO 19115-3 ``mdb:MD_Metadata`` (read by the metadata reader)."""
    from ..metadata.iso3_reader import read_iso3
    from .iso19139 import crs_from_code, kugi_theme
    from .links import make_link
    from .model import Record

    m = read_iso3(md)
    rec = Record(identifier=m.file_identifier, title=m.title, abstract=m.abstract, source_url=source_url,
                 source_format="iso19115-3")
    rec.type = m.hierarchy_level or "dataset"
    rec.keywords = list(dict.fromkeys(m.all_keywords()))
    rec.theme = kugi_theme(rec.keywords) or (m.topic_categories[0] if m.topic_categories else "")
    dates = {d.type: d.date for d in m.dates if d.type and d.date}
    if m.date_stamp:
        dates["metadata"] = m.date_stamp
    rec.dates = dates
    rec.date = next((dates[k] for k in ("revision", "publication", "creation", "metadata") if dates.get(k)), "")
    party = next(iter(m.points_of_contact + m.cited_parties + m.contacts), None)
    if party is not None:
        rec.organisation = party.organisation
        rec.contact = " · ".join(b for b in (party.individual, party.email, party.phone) if b) or party.organisation
    box = m.bbox()
    if box is not None:
        w, s_, e, n = box
        rec.bbox = (min(w, e), min(s_, n), max(w, e), max(s_, n))
    rec.crs = [c for c in [crs_from_code(m.reference_system, m.reference_system_codespace)] if c]
    rec.lineage = m.lineage
    rec.constraints = "; ".join(dict.fromkeys(m.use_limitations + m.access_constraints + m.other_constraints))
    rec.links = [make_link(l.url, l.protocol, l.name, l.description) for l in m.online_resources if l.url]
    return rec


def _bare_record(el, source_url=""):
    """The identifier and title of a record the parsers could not read (it is still listed)."""
    from .model import Record

    def first(*names):
        for node in el.iter():
            if isinstance(node.tag, str) and localname(node) in names:
                text = "".join(node.itertext()).strip()
                if text:
                    return text
        return ""
    return Record(identifier=first("fileIdentifier", "identifier", "metadataIdentifier"), title=first("title"),
                  source_url=source_url, source_format="unread")


class CswException(CatalogueError):
    """The catalogue refused the request with an OGC ExceptionReport."""


class CswClient:
    kind = "CSW"

    def __init__(self, url, version="2.0.2", authcfg="", max_bytes=PAGE_MAX_BYTES):
        self.url = url
        self.version = _version(version)
        self.authcfg = authcfg
        self.max_bytes = max_bytes
        self.iso = True     # ask for ISO 19139 until the catalogue refuses it

    def search(self, query, page_token=None, page_size=20, feedback=None, timeout=10.0):
        start = int(page_token or 1)
        if not self.iso:
            return self._search(query, start, page_size, CSW[self.version], feedback, timeout)
        try:
            return self._search(query, start, page_size, ISO_SCHEMA, feedback, timeout)
        except CswException as first:
            # e.g. a catalogue without the ISO application profile: ask for Dublin Core, and
            # keep asking for it if that works; if it fails too, the first refusal is the news.
            try:
                page = self._search(query, start, page_size, CSW[self.version], feedback, timeout)
            except CswException:
                raise first from None
            self.iso = False
            return page

    def _search(self, query, start, page_size, schema, feedback, timeout):
        body = build_getrecords(query, self.version, start, page_size, schema)
        url, resp = post(self.url, body, timeout, self.max_bytes, self.authcfg, feedback, error_status_ok=True)
        try:
            with parsing():
                page = parse_getrecords(resp.content, self.url, start)
        except CswException:
            raise
        except CatalogueError:
            if resp.error:     # an HTTP error status whose body is no OGC exception
                raise CatalogueError(resp.error) from None
            raise
        self.url = url         # a permanent move (http → https) is remembered for the next pages
        return page
