"""A record and QGIS's own layer metadata (``QgsLayerMetadata``, Layer Properties ▸ Metadata),
both ways.

QGIS's model is smaller than ISO 19139: what it cannot hold (metadata contact, dates, scale,
attributes, thesaurus dates …) stays in the record. :func:`from_layer_metadata` only replaces a
part of the record when QGIS's side of it differs from what :func:`to_layer_metadata` would
write, so record → QGIS → record gives the record back unchanged.

Mapping: identifier = fileIdentifier, parentIdentifier, language = dataset language, type =
hierarchy level, title, abstract, history = lineage, keywords (vocabulary = thesaurus title, or
``gmd:<type>``), categories = topic categories, contacts = dataset points of contact (then any
other metadata contact), links = online resources, constraints = access / use constraints, use
limitations and classification, rights = other constraints, encoding = dataset character set,
CRS = reference system, extent = bounding box (EPSG:4326) and temporal extent.
"""
from qgis.core import (QgsAbstractMetadataBase, QgsBox3d, QgsCoordinateReferenceSystem, QgsDateTimeRange,
                       QgsLayerMetadata)
from qgis.PyQt.QtCore import QDateTime, Qt

from .model import Keywords, Link, MetadataRecord, Party

CATEGORY_VOCABULARY = "gmd:topicCategory"
C_ACCESS, C_USE, C_LIMIT, C_CLASS = "access constraints", "use constraints", "use limitation", "security classification"


def crs_of(record):
    """A QgsCoordinateReferenceSystem from the record's reference system code (EPSG:x, URN, URI or
    a bare code with codeSpace EPSG); invalid when unknown."""
    code = (record.reference_system or "").strip()
    space = (record.reference_system_codespace or "").strip()
    if code.isdigit():
        code = "%s:%s" % (space or "EPSG", code)
    elif "opengis.net/def/crs/" in code:
        parts = code.rstrip("/").split("/")
        code = "%s:%s" % (parts[-3], parts[-1])
    elif code.lower().startswith("urn:ogc:def:crs:"):
        parts = code.split(":")
        code = "%s:%s" % (parts[4], parts[-1])
    crs = QgsCoordinateReferenceSystem(code) if code else QgsCoordinateReferenceSystem()
    return crs


def _contact(p):
    c = QgsAbstractMetadataBase.Contact(p.individual)
    c.organization, c.position, c.voice, c.fax, c.email, c.role = (
        p.organisation, p.position, p.phone, p.fax, p.email, p.role)
    if any((p.address, p.city, p.region, p.postal_code, p.country)):
        a = QgsAbstractMetadataBase.Address()
        a.type, a.address, a.city, a.administrativeArea, a.postalCode, a.country = (
            "postal", p.address, p.city, p.region, p.postal_code, p.country)
        c.addresses = [a]
    return c


def _party(c):
    a = c.addresses[0] if c.addresses else QgsAbstractMetadataBase.Address()
    return Party(organisation=c.organization or "", individual=c.name or "", position=c.position or "",
                 phone=c.voice or "", fax=c.fax or "", address=a.address or "", city=a.city or "",
                 region=a.administrativeArea or "", postal_code=a.postalCode or "", country=a.country or "",
                 email=c.email or "", role=c.role or "")


def _contact_key(p):
    return (p.organisation, p.individual, p.position, p.phone, p.fax, p.address, p.city, p.region,
            p.postal_code, p.country, p.email, p.role)


def _parties(record):
    out = list(record.points_of_contact)
    out += [p for p in record.contacts if _contact_key(p) not in {_contact_key(q) for q in out}]
    return out


def _vocabulary(k):
    return k.thesaurus or "gmd:%s" % (k.type or "theme")


def _keyword_dict(record):
    out = {}
    for k in record.keywords:
        words = out.setdefault(_vocabulary(k), [])
        for w in k.words:
            if w not in words:
                words.append(w)
    return out


def _constraints(record):
    items = [(v, C_ACCESS) for v in record.access_constraints] + [(v, C_USE) for v in record.use_constraints]
    items += [(v, C_LIMIT) for v in record.use_limitations]
    if record.resource_classification:
        items.append((record.resource_classification, C_CLASS))
    return items


def _datetime(text):
    text = (text or "").strip()
    if not text or text == "now":
        return QDateTime()
    dt = QDateTime.fromString(text, Qt.DateFormat.ISODate)
    return dt if dt.isValid() else QDateTime()


def _iso(dt, like=""):
    if not dt.isValid():
        return ""
    if "T" in like or dt.time().msecsSinceStartOfDay():
        return dt.toString(Qt.DateFormat.ISODate)
    return dt.date().toString(Qt.DateFormat.ISODate)


def to_layer_metadata(record, md=None):
    """``md`` (a new QgsLayerMetadata when None) with the record's values; returns it."""
    md = QgsLayerMetadata(md) if md is not None else QgsLayerMetadata()
    md.setIdentifier(record.file_identifier)
    md.setParentIdentifier(record.parent_identifier)
    md.setLanguage(record.dataset_language)
    md.setType(record.hierarchy_level)
    md.setTitle(record.title)
    md.setAbstract(record.abstract)
    md.setHistory([record.lineage] if record.lineage else [])
    md.setKeywords(_keyword_dict(record))
    md.setCategories(list(record.topic_categories))
    md.setContacts([_contact(p) for p in _parties(record)])
    links = []
    for l in record.online_resources:
        link = QgsAbstractMetadataBase.Link(l.name or l.protocol, l.protocol, l.url)
        link.description = l.description
        links.append(link)
    md.setLinks(links)
    md.setConstraints([QgsLayerMetadata.Constraint(v, t) for v, t in _constraints(record)])
    md.setRights(list(record.other_constraints))
    md.setEncoding(record.dataset_character_set)
    md.setCrs(crs_of(record))
    extent = QgsLayerMetadata.Extent()
    box = record.bbox()
    if box:
        spatial = QgsLayerMetadata.SpatialExtent()
        spatial.extentCrs = QgsCoordinateReferenceSystem("EPSG:4326")
        spatial.bounds = QgsBox3d(box[0], box[1], 0, box[2], box[3], 0)
        extent.setSpatialExtents([spatial])
    if record.temporal_begin or record.temporal_end:
        extent.setTemporalExtents([QgsDateTimeRange(_datetime(record.temporal_begin), _datetime(record.temporal_end))])
    md.setExtent(extent)
    return md


def from_layer_metadata(md, record=None):
    """A copy of ``record`` (a new one when None) updated from QGIS's layer metadata ``md``."""
    base = record if record is not None else MetadataRecord()
    r = MetadataRecord.from_dict(base.to_dict())
    mine = to_layer_metadata(base)
    for getter, field in (("identifier", "file_identifier"), ("parentIdentifier", "parent_identifier"),
                          ("language", "dataset_language"), ("type", "hierarchy_level"), ("title", "title"),
                          ("abstract", "abstract"), ("encoding", "dataset_character_set")):
        value = getattr(md, getter)() or ""
        if value != (getattr(mine, getter)() or ""):
            setattr(r, field, value)
    history = [h for h in md.history() if h]
    if history != mine.history():
        r.lineage = "\n".join(history)
    words = {k: list(v) for k, v in md.keywords().items() if k != CATEGORY_VOCABULARY}
    if words != {k: list(v) for k, v in mine.keywords().items() if k != CATEGORY_VOCABULARY}:
        old = {_vocabulary(k): k for k in base.keywords}
        r.keywords = []
        for vocab, values in words.items():
            keep = old.get(vocab)
            if keep is not None:
                r.keywords.append(Keywords(list(values), keep.type, keep.thesaurus, keep.thesaurus_date,
                                           keep.thesaurus_date_type, keep.thesaurus_href,
                                           {w: h for w, h in keep.anchors.items() if w in values}))
            elif vocab.startswith("gmd:"):
                r.keywords.append(Keywords(list(values), vocab[4:]))
            else:
                r.keywords.append(Keywords(list(values), "theme", vocab))
    if list(md.categories()) != list(mine.categories()):
        r.topic_categories = list(md.categories())
    theirs = [_party(c) for c in md.contacts()]
    if [_contact_key(p) for p in theirs] != [_contact_key(_party(c)) for c in mine.contacts()]:
        r.points_of_contact = theirs
        if not r.contacts and theirs:
            r.contacts = [Party(**dict(theirs[0].__dict__, role="pointOfContact"))]
    if [(l.name, l.type, l.url, l.description) for l in md.links()] != \
            [(l.name, l.type, l.url, l.description) for l in mine.links()]:
        r.online_resources = [Link(l.url, l.type, l.name if l.name != l.type else "", l.description)
                              for l in md.links() if l.url]
    theirs_c = [(c.constraint, c.type) for c in md.constraints()]
    if theirs_c != [(c.constraint, c.type) for c in mine.constraints()]:
        r.access_constraints = [v for v, t in theirs_c if t == C_ACCESS]
        r.use_constraints = [v for v, t in theirs_c if t == C_USE]
        r.use_limitations = [v for v, t in theirs_c if t not in (C_ACCESS, C_USE, C_CLASS)]
        r.resource_classification = next((v for v, t in theirs_c if t == C_CLASS), "")
    if list(md.rights()) != list(mine.rights()):
        r.other_constraints = list(md.rights())
    if md.crs().authid() != mine.crs().authid() and md.crs().isValid():
        r.reference_system = md.crs().authid()
        r.reference_system_codespace = r.reference_system.split(":", 1)[0] if ":" in r.reference_system else ""
    _extent_from(md, mine, r)
    return r


def _extent_from(md, mine, r):
    def boxes(m):
        out = []
        for s in m.extent().spatialExtents():
            b = s.bounds
            out.append((s.extentCrs.authid(), b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()))
        return out
    theirs = boxes(md)
    if theirs != boxes(mine):
        box = next((b for b in theirs if b[0] in ("EPSG:4326", "OGC:CRS84")), None)
        if box is not None:
            r.set_bbox(box[1], box[2], box[3], box[4])
        elif theirs:
            from qgis.core import QgsCoordinateTransform, QgsProject, QgsRectangle
            s = md.extent().spatialExtents()[0]
            tr = QgsCoordinateTransform(s.extentCrs, QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
            rect = tr.transformBoundingBox(QgsRectangle(s.bounds.xMinimum(), s.bounds.yMinimum(),
                                                        s.bounds.xMaximum(), s.bounds.yMaximum()))
            r.set_bbox(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        else:
            r.bbox_west = r.bbox_east = r.bbox_south = r.bbox_north = ""

    def periods(m):
        iso = Qt.DateFormat.ISODate
        return [(t.begin().toString(iso), t.end().toString(iso)) for t in m.extent().temporalExtents()]
    if periods(md) != periods(mine):
        t = next(iter(md.extent().temporalExtents()), None)
        r.temporal_begin = _iso(t.begin(), r.temporal_begin) if t else ""
        r.temporal_end = _iso(t.end(), r.temporal_end) if t else ""
