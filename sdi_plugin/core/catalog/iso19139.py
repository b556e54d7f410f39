"""ISO 19139 (``gmd:MD_Metadata`` / ``gmi:MI_Metadata`` / profile roots with ``gco:isoType``) → :class:`Record`.

Reads an element already parsed by ``xmlsafe.parse_xml``; never fetches anything. Tolerates
``gco:CharacterString`` and ``gmx:Anchor`` alike, dataset and service records
(``srv:SV_ServiceIdentification``), and missing parts (an empty field, never an exception).
"""
from ..metadata.isotype import iso_view
from ..standards.pack import load_kugi
from .links import make_link
from .model import Record

NS = {
    "gmd": "http://www.isotc211.org/2005/gmd",
    "gco": "http://www.isotc211.org/2005/gco",
    "gmx": "http://www.isotc211.org/2005/gmx",
    "srv": "http://www.isotc211.org/2005/srv",
    "gmi": "http://www.isotc211.org/2005/gmi",
    "xlink": "http://www.w3.org/1999/xlink",
}
ROOT_NAMES = ("MD_Metadata", "MI_Metadata")
_KUGI_NAMES = None


def kugi_category_names():
    """{lowercase name: name} of the KUGI categories (Indonesian and English names)."""
    global _KUGI_NAMES
    if _KUGI_NAMES is None:
        names = {}
        try:
            for cat in load_kugi().categories.values():
                for key in ("name", "name_en"):
                    if cat.get(key):
                        names[cat[key].lower()] = cat["name"]
        except Exception:  # noqa: BLE001 - a broken standards pack must not stop search
            names = {}
        _KUGI_NAMES = names
    return _KUGI_NAMES


def kugi_theme(keywords):
    """The KUGI category a list of keywords names, or ""."""
    names = kugi_category_names()
    for kw in keywords:
        hit = names.get((kw or "").strip().lower())
        if hit:
            return hit
    return ""


def _x(el, path):
    return el.xpath(path, namespaces=NS) if el is not None else []


def _first(el, path):
    found = _x(el, path)
    return found[0] if found else None


def _cs(el, path=None):
    """Text of a CharacterString-like property (gco:CharacterString, gmx:Anchor, or plain)."""
    target = _first(el, path) if path else el
    if target is None:
        return ""
    for child in target.iter():   # document order: CharacterString / Anchor before PT_FreeText's texts
        if child is not target and isinstance(child.tag, str) and child.text and child.text.strip() and \
                child.tag.rsplit("}", 1)[-1] in ("CharacterString", "Anchor", "LocalisedCharacterString", "URL",
                                                 "LocalName", "Decimal", "Date", "DateTime"):
            return child.text.strip()
    for child in target:
        if isinstance(child.tag, str) and child.text and child.text.strip():
            return child.text.strip()
    return (target.text or "").strip()


def _code(el, path):
    """codeListValue of a code element (or its text)."""
    target = _first(el, path)
    if target is None:
        return ""
    return (target.get("codeListValue") or target.text or "").strip()


def _date(el):
    node = _first(el, "gco:Date|gco:DateTime")
    return (node.text or "").strip() if node is not None and node.text else ""


def _float(el, path):
    node = _first(el, path + "/gco:Decimal")
    try:
        return float(node.text)
    except (TypeError, ValueError, AttributeError):
        return None


def _bbox(ident):
    boxes = []
    for gbb in _x(ident, "gmd:extent/gmd:EX_Extent/gmd:geographicElement/gmd:EX_GeographicBoundingBox"
                        "|srv:extent/gmd:EX_Extent/gmd:geographicElement/gmd:EX_GeographicBoundingBox"):
        w, e = _float(gbb, "gmd:westBoundLongitude"), _float(gbb, "gmd:eastBoundLongitude")
        s, n = _float(gbb, "gmd:southBoundLatitude"), _float(gbb, "gmd:northBoundLatitude")
        if None not in (w, e, s, n) and -180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90:
            boxes.append((min(w, e), min(s, n), max(w, e), max(s, n)))
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def crs_from_code(code, space=""):
    """"EPSG:9488" from ("9488", "EPSG"), "urn:ogc:def:crs:EPSG::9488", ".../EPSG/0/9488" …"""
    code = (code or "").strip()
    space = (space or "").strip()
    if not code:
        return ""
    low = code.lower()
    for marker in ("epsg::", "epsg:6.11:", "epsg/0/", "epsg:"):
        if marker in low:
            tail = code[low.rindex(marker) + len(marker):].strip("/: ")
            if tail.isdigit():
                return "EPSG:" + tail
    if code.isdigit():
        return "%s:%s" % ((space or "EPSG").upper() if "epsg" in (space or "epsg").lower() else space, code)
    return code


def _party(party):
    org = _cs(party, "gmd:organisationName")
    bits = [_cs(party, "gmd:individualName"), _cs(party, "gmd:positionName")]
    info = _first(party, "gmd:contactInfo/gmd:CI_Contact")
    if info is not None:
        bits.append(_cs(info, "gmd:address/gmd:CI_Address/gmd:electronicMailAddress"))
        bits.append(_cs(info, "gmd:phone/gmd:CI_Telephone/gmd:voice"))
    return org, " · ".join(b for b in bits if b)


def parse_iso(md, source_url=""):
    """A :class:`Record` from a ``gmd:MD_Metadata`` / ``gmi:MI_Metadata`` element (or a national
    profile's root with ``gco:isoType``, read as the ISO elements it stands for)."""
    md = iso_view(md)
    rec = Record(identifier=_cs(md, "gmd:fileIdentifier"), source_url=source_url, source_format="iso19139")
    rec.type = _code(md, "gmd:hierarchyLevel/gmd:MD_ScopeCode") or "dataset"
    ident = _first(md, "gmd:identificationInfo/*[1]")
    cit = _first(ident, "gmd:citation/gmd:CI_Citation")
    rec.title = _cs(cit, "gmd:title")
    rec.abstract = _cs(ident, "gmd:abstract")

    dates = {}
    for cd in _x(cit, "gmd:date/gmd:CI_Date"):
        kind = _code(cd, "gmd:dateType/gmd:CI_DateTypeCode")
        value = _date(_first(cd, "gmd:date"))
        if kind and value:
            dates.setdefault(kind, value)
    stamp = _date(_first(md, "gmd:dateStamp"))
    if stamp:
        dates["metadata"] = stamp
    rec.dates = dates
    rec.date = next((dates[k] for k in ("revision", "publication", "creation", "metadata") if dates.get(k)), "")

    keywords, kugi_words = [], []
    for mk in _x(ident, "gmd:descriptiveKeywords/gmd:MD_Keywords"):
        words = [_cs(k) for k in _x(mk, "gmd:keyword")]
        words = [w for w in words if w]
        keywords.extend(w for w in words if w not in keywords)
        thesaurus = _cs(mk, "gmd:thesaurusName/gmd:CI_Citation/gmd:title")
        if "kugi" in thesaurus.lower() or "katalog unsur" in thesaurus.lower():
            kugi_words.extend(words)
    rec.keywords = keywords
    topics = [t.text.strip() for t in _x(ident, "gmd:topicCategory/gmd:MD_TopicCategoryCode") if t.text]
    rec.theme = kugi_theme(kugi_words) or kugi_theme(keywords) or (kugi_words[0] if kugi_words else "") or \
        (topics[0] if topics else "")

    parties = _x(ident, "gmd:pointOfContact/gmd:CI_ResponsibleParty") + \
        _x(cit, "gmd:citedResponsibleParty/gmd:CI_ResponsibleParty") + _x(md, "gmd:contact/gmd:CI_ResponsibleParty")
    for party in parties:
        org, contact = _party(party)
        rec.organisation = rec.organisation or org
        rec.contact = rec.contact or contact
    if not rec.contact:
        rec.contact = rec.organisation

    rec.bbox = _bbox(ident)
    crs = []
    for rid in _x(md, "gmd:referenceSystemInfo/gmd:MD_ReferenceSystem/gmd:referenceSystemIdentifier/gmd:RS_Identifier"):
        value = crs_from_code(_cs(rid, "gmd:code"), _cs(rid, "gmd:codeSpace"))
        if value and value not in crs:
            crs.append(value)
    rec.crs = crs
    rec.lineage = _cs(md, "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:lineage/gmd:LI_Lineage/gmd:statement")

    constraints = []
    for con in _x(ident, "gmd:resourceConstraints/*"):
        for path in ("gmd:useLimitation", "gmd:otherConstraints"):
            constraints.extend(_cs(el) for el in _x(con, path))
        constraints.extend(_code(el, ".") for el in _x(con, "gmd:accessConstraints/gmd:MD_RestrictionCode"))
        constraints.extend(_code(el, ".") for el in _x(con, "gmd:useConstraints/gmd:MD_RestrictionCode"))
        classification = _code(con, "gmd:classification/gmd:MD_ClassificationCode")
        if classification:
            constraints.append("classification: " + classification)
    rec.constraints = "; ".join(dict.fromkeys(c for c in constraints if c))

    links, seen = [], set()
    for res in _x(md, "gmd:distributionInfo//gmd:CI_OnlineResource"
                      "|gmd:identificationInfo//srv:connectPoint/gmd:CI_OnlineResource"):
        url = _cs(res, "gmd:linkage")   # gmd:URL inside
        if not url:
            continue
        link = make_link(url, _cs(res, "gmd:protocol"), _cs(res, "gmd:name"), _cs(res, "gmd:description"))
        key = (link.url, link.protocol, link.name)
        if key not in seen:
            seen.add(key)
            links.append(link)
    rec.links = links
    return rec
