"""Read ISO 19115-3 (``mdb:MD_Metadata``) into a :class:`~.model.MetadataRecord`: identifier,
language and character set, scope, contacts, date stamp, metadata standard, reference system,
title, dates, citation identifier, abstract, purpose, status, points of contact, maintenance,
keywords, constraints, scale, topic categories, bounding box, temporal extent, format, online
resources and lineage.

OWSLib 0.27 (Debian 12, what QGIS ships there) has no ISO 19115-3 reader, so this is our own
XPath. Paths match on local names only, so both the 2014 (``mdb/1.0``, ``cit/1.0``) and the
current (``mdb/2.0``, ``cit/2.0``) namespace versions are read. What ISO 19139 cannot hold (e.g.
several locales, CI_Individual inside CI_Organisation beyond the first) is not kept.
"""
from .model import CitationDate, Keywords, Link, MetadataRecord, Party
from .namespaces import ISO3_ROOTS, XLINK


def _p(path):
    """'a/b/@c' -> a path matching local names only ('*' stays '*')."""
    steps = []
    for step in path.split("/"):
        if step in ("", ".", "*", "..") or step.startswith("@"):
            steps.append(step)
        else:
            steps.append("*[local-name()='%s']" % step)
    return "/".join(steps)


def _x(node, path):
    if node is None:
        return ""
    for hit in node.xpath(_p(path)):
        text = hit if isinstance(hit, str) else (hit.text or "")
        if text.strip():
            return text.strip()
    return ""


def _all(node, path):
    return node.xpath(_p(path)) if node is not None else []


def _one(node, path):
    return next(iter(_all(node, path)), None)


def _code(node, path):
    return _x(node, path + "/*/@codeListValue") or _x(node, path + "/*")


def _text(node, path):
    """CharacterString, gcx:Anchor or gmx:Anchor text under ``path``."""
    return _x(node, path + "/CharacterString") or _x(node, path + "/Anchor")


def _party(resp):
    """A cit:CI_Responsibility -> Party (organisation, first individual, contact details)."""
    org = _one(resp, "party/CI_Organisation")
    ind = _one(resp, "party/CI_Individual") if org is None else _one(org, "individual/CI_Individual")
    holder = org if org is not None else ind
    contact = _one(holder, "contactInfo/CI_Contact")
    if contact is None and ind is not None:
        contact = _one(ind, "contactInfo/CI_Contact")
    addr = _one(contact, "address/CI_Address")
    return Party(
        organisation=_text(org, "name") if org is not None else "",
        individual=_text(ind, "name") if ind is not None else "",
        position=_text(ind, "positionName") if ind is not None else "",
        phone=_text(contact, "phone/CI_Telephone/number"),
        address=_text(addr, "deliveryPoint"), city=_text(addr, "city"),
        region=_text(addr, "administrativeArea"), postal_code=_text(addr, "postalCode"),
        country=_text(addr, "country"), email=_text(addr, "electronicMailAddress"),
        url=_text(contact, "onlineResource/CI_OnlineResource/linkage"),
        role=_code(resp, "role"))


def _now(period, tag):
    """'now' for an open-ended gml position (indeterminatePosition="now"), else ''."""
    return "now" if _x(period, tag + "/@indeterminatePosition") == "now" else ""


def _date_of(node, path, kinds=("revision", "creation", "publication")):
    dates = {_code(d, "dateType"): _x(d, "date/*") for d in _all(node, path + "/CI_Date")}
    return next((dates[k] for k in kinds if dates.get(k)), next(iter(dates.values()), ""))


def read_iso3(root):
    md = root if root.tag.startswith(tuple("{%s}" % ns for ns in ISO3_ROOTS)) else next(
        (e for ns in ISO3_ROOTS for e in root.iter("{%s}MD_Metadata" % ns)), root)
    r = MetadataRecord()
    r.file_identifier = _text(md, "metadataIdentifier/MD_Identifier/code")
    r.parent_identifier = _text(md, "parentMetadata/CI_Citation/identifier/MD_Identifier/code")
    r.metadata_language = _code(md, "defaultLocale/PT_Locale/language")
    r.metadata_character_set = _code(md, "defaultLocale/PT_Locale/characterEncoding")
    r.hierarchy_level = _code(md, "metadataScope/MD_MetadataScope/resourceScope")
    r.hierarchy_level_name = _text(md, "metadataScope/MD_MetadataScope/name")
    r.contacts = [_party(c) for c in _all(md, "contact/CI_Responsibility")]
    r.date_stamp = _date_of(md, "dateInfo")
    r.metadata_standard_name = _text(md, "metadataStandard/CI_Citation/title")
    r.metadata_standard_version = _text(md, "metadataStandard/CI_Citation/edition")
    rs = _one(md, "referenceSystemInfo/MD_ReferenceSystem/referenceSystemIdentifier/MD_Identifier")
    r.reference_system = _text(rs, "code")
    r.reference_system_codespace = _text(rs, "codeSpace")
    vsr = _one(md, "spatialRepresentationInfo/MD_VectorSpatialRepresentation")
    r.topology_level = _code(vsr, "topologyLevel")
    r.geometry_type = _code(vsr, "geometricObjects/MD_GeometricObjects/geometricObjectType")
    r.feature_count = _x(vsr, "geometricObjects/MD_GeometricObjects/geometricObjectCount/Integer")

    ident = _one(md, "identificationInfo/MD_DataIdentification")
    if ident is None:
        ident = _one(md, "identificationInfo/*")
    cit = _one(ident, "citation/CI_Citation")
    r.title = _text(cit, "title")
    r.alternate_title = _text(cit, "alternateTitle")
    r.dates = [CitationDate(_x(d, "date/*"), _code(d, "dateType")) for d in _all(cit, "date/CI_Date")]
    r.edition = _text(cit, "edition")
    r.identifier = _text(cit, "identifier/MD_Identifier/code")
    r.identifier_codespace = _text(cit, "identifier/MD_Identifier/codeSpace")
    r.cited_parties = [_party(c) for c in _all(cit, "citedResponsibleParty/CI_Responsibility")]
    r.abstract = _text(ident, "abstract")
    r.purpose = _text(ident, "purpose")
    r.status = _code(ident, "status")
    r.points_of_contact = [_party(c) for c in _all(ident, "pointOfContact/CI_Responsibility")]
    r.maintenance_frequency = _code(ident, "resourceMaintenance/MD_MaintenanceInformation/"
                                           "maintenanceAndUpdateFrequency")
    for mk in _all(ident, "descriptiveKeywords/MD_Keywords"):
        k = Keywords(type=_code(mk, "type"))
        for kw in _all(mk, "keyword/*"):
            word = (kw.text or "").strip()
            if word:
                k.words.append(word)
                if kw.get("{%s}href" % XLINK):
                    k.anchors[word] = kw.get("{%s}href" % XLINK)
        th = _one(mk, "thesaurusName/CI_Citation")
        if th is not None:
            k.thesaurus = _text(th, "title")
            k.thesaurus_date = _x(th, "date/CI_Date/date/*")
            k.thesaurus_date_type = _code(th, "date/CI_Date/dateType")
        if k.words:
            r.keywords.append(k)
    for c in _all(ident, "resourceConstraints/*"):
        r.use_limitations += [t for t in (_text(u, ".") for u in _all(c, "useLimitation")) if t]
        r.access_constraints += [v for v in (_code(a, ".") for a in _all(c, "accessConstraints")) if v]
        r.use_constraints += [v for v in (_code(a, ".") for a in _all(c, "useConstraints")) if v]
        r.other_constraints += [t for t in (_text(u, ".") for u in _all(c, "otherConstraints")) if t]
        if c.xpath("local-name()") == "MD_SecurityConstraints":
            r.resource_classification = _code(c, "classification")
    r.spatial_representation_type = _code(ident, "spatialRepresentationType")
    r.resolution_scale = _x(ident, "spatialResolution/MD_Resolution/equivalentScale/"
                                   "MD_RepresentativeFraction/denominator/Integer")
    r.dataset_language = _code(ident, "defaultLocale/PT_Locale/language")
    r.dataset_character_set = _code(ident, "defaultLocale/PT_Locale/characterEncoding")
    r.topic_categories = [t for t in (_x(e, ".") for e in _all(ident, "topicCategory/MD_TopicCategoryCode")) if t]
    ext = _one(ident, "extent/EX_Extent")
    r.extent_description = _text(ext, "description")
    box = _one(ext, "geographicElement/EX_GeographicBoundingBox")
    if box is not None:
        r.bbox_west = _x(box, "westBoundLongitude/Decimal")
        r.bbox_east = _x(box, "eastBoundLongitude/Decimal")
        r.bbox_south = _x(box, "southBoundLatitude/Decimal")
        r.bbox_north = _x(box, "northBoundLatitude/Decimal")
    r.geographic_identifier = _text(ext, "geographicElement/EX_GeographicDescription/geographicIdentifier/"
                                         "MD_Identifier/code")
    period = _one(ext, "temporalElement/EX_TemporalExtent/extent/TimePeriod")
    r.temporal_begin = _x(period, "beginPosition") or _now(period, "beginPosition")
    r.temporal_end = _x(period, "endPosition") or _now(period, "endPosition")
    r.supplemental_information = _text(ident, "supplementalInformation")

    dist = _one(md, "distributionInfo/MD_Distribution")
    fmt = _one(dist, "distributionFormat/MD_Format")
    r.distribution_format = _text(fmt, "formatSpecificationCitation/CI_Citation/title")
    r.distribution_format_version = _text(fmt, "formatSpecificationCitation/CI_Citation/edition")
    for ol in _all(dist, "transferOptions/MD_DigitalTransferOptions/onLine/CI_OnlineResource"):
        link = Link(_text(ol, "linkage"), _text(ol, "protocol"), _text(ol, "name"), _text(ol, "description"),
                    _code(ol, "function"))
        if link.url:
            r.online_resources.append(link)
    r.lineage = _text(md, "resourceLineage/LI_Lineage/statement")
    sec = _one(md, "metadataConstraints/MD_SecurityConstraints")
    r.classification = _code(sec, "classification")
    r.classification_note = _text(sec, "userNote")
    return r
