"""The few edits a publish makes to an ISO 19139 record, in schema order.

* the record's identifier (``gmd:fileIdentifier``) — the key that makes a re-publish update
  the same catalogue record instead of adding a second one;
* the online resources of the published layer (``OGC:WMS``, ``OGC:WFS``), replacing earlier
  ones with the same address and name, so a re-publish never duplicates them;
* a lineage statement, e.g. the reason the publisher gave for overriding validation errors.

Writing a whole record is the metadata package's job (``sdi:generatemetadata``);
:func:`minimal_record` exists only for when that package is not installed.
"""
import uuid
from datetime import date
from xml.sax.saxutils import escape

from lxml import etree

from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml
from .model import PublishError

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
NS = {"gmd": GMD, "gco": GCO}

# gmd:MD_Metadata's children in the order ISO 19139 requires.
MD_ORDER = ("fileIdentifier", "language", "characterSet", "parentIdentifier", "hierarchyLevel",
            "hierarchyLevelName", "contact", "dateStamp", "metadataStandardName", "metadataStandardVersion",
            "dataSetURI", "locale", "spatialRepresentationInfo", "referenceSystemInfo", "metadataExtensionInfo",
            "identificationInfo", "contentInfo", "distributionInfo", "dataQualityInfo", "portrayalCatalogueInfo",
            "metadataConstraints", "applicationSchemaInfo", "metadataMaintenance", "series", "describes",
            "propertyType", "featureType", "featureAttribute")


def _g(tag):
    prefix, name = tag.split(":")
    return "{%s}%s" % (NS[prefix], name)


def load(data):
    """The ``gmd:MD_Metadata`` element of ``data`` (bytes), parsed safely; raises PublishError."""
    try:
        root = parse_xml(data)
    except XmlError as exc:
        raise PublishError(tr("The metadata record cannot be read: {why}").format(why=exc)) from exc
    if localname(root) != "MD_Metadata":
        found = root.find(".//" + _g("gmd:MD_Metadata"))
        if found is None:
            raise PublishError(tr("The metadata file is not an ISO 19139 record (gmd:MD_Metadata)."))
        root = found
    return root


def dump(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def identifier(root):
    el = root.find("gmd:fileIdentifier/gco:CharacterString", NS)
    return (el.text or "").strip() if el is not None and el.text else ""


def set_identifier(root, value):
    el = root.find("gmd:fileIdentifier/gco:CharacterString", NS)
    if el is None:
        fid = etree.Element(_g("gmd:fileIdentifier"))
        el = etree.SubElement(fid, _g("gco:CharacterString"))
        _insert(root, fid)
    el.text = value


def title(root):
    el = root.find(".//gmd:identificationInfo//gmd:citation//gmd:title/gco:CharacterString", NS)
    return (el.text or "").strip() if el is not None else ""


def _insert(root, child):
    """Insert ``child`` among ``root``'s children where the schema order puts it."""
    rank = MD_ORDER.index(localname(child))
    for i, existing in enumerate(root):
        name = localname(existing)
        if name in MD_ORDER and MD_ORDER.index(name) > rank:
            root.insert(i, child)
            return child
    root.append(child)
    return child


def _path(parent, *tags):
    """The element at ``parent/tags…``, made when missing (in schema order under MD_Metadata;
    a lineage statement first in LI_Lineage; anything else last)."""
    el = parent
    for tag in tags:
        found = el.find(tag, NS)
        if found is None:
            found = etree.Element(_g(tag))
            if localname(el) == "MD_Metadata":
                _insert(el, found)
            elif tag == "gmd:statement":
                el.insert(0, found)
            else:
                el.append(found)
        el = found
    return el


def add_lineage(root, statement):
    """Append ``statement`` to the record's lineage (made when the record has none)."""
    lineage = _path(root, "gmd:dataQualityInfo", "gmd:DQ_DataQuality")
    if lineage.find("gmd:scope", NS) is None:
        scope = etree.SubElement(lineage, _g("gmd:scope"))
        sc = etree.SubElement(scope, _g("gmd:DQ_Scope"))
        level = etree.SubElement(sc, _g("gmd:level"))
        code = etree.SubElement(level, _g("gmd:MD_ScopeCode"),
                                codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_ScopeCode",
                                codeListValue="dataset")
        code.text = "dataset"
        lineage.insert(0, scope)
    text_el = _path(lineage, "gmd:lineage", "gmd:LI_Lineage", "gmd:statement", "gco:CharacterString")
    old = (text_el.text or "").strip()
    text_el.text = (old + "\n" + statement) if old and statement not in old else (old or statement)


def set_online_resources(root, links):
    """Put ``links`` ([{"url", "protocol", "name", "description"}]) into the record's transfer
    options, replacing resources with the same protocol and name."""
    options = _path(root, "gmd:distributionInfo", "gmd:MD_Distribution", "gmd:transferOptions",
                    "gmd:MD_DigitalTransferOptions")
    wanted = {(l["protocol"], l["name"]) for l in links}
    for online in list(options.findall("gmd:onLine", NS)):
        proto = online.find(".//gmd:protocol/gco:CharacterString", NS)
        name = online.find(".//gmd:name/gco:CharacterString", NS)
        key = ((proto.text or "").strip() if proto is not None else "",
               (name.text or "").strip() if name is not None else "")
        if key in wanted:
            options.remove(online)
    offline = options.find("gmd:offLine", NS)
    for link in links:
        online = etree.Element(_g("gmd:onLine"))
        if offline is not None:
            offline.addprevious(online)
        else:
            options.append(online)
        res = etree.SubElement(online, _g("gmd:CI_OnlineResource"))
        url = etree.SubElement(etree.SubElement(res, _g("gmd:linkage")), _g("gmd:URL"))
        url.text = link["url"]
        for tag in ("protocol", "name", "description"):
            if link.get(tag):
                etree.SubElement(etree.SubElement(res, _g("gmd:" + tag)), _g("gco:CharacterString")).text = link[tag]


def online_resources(root):
    out = []
    for res in root.iterfind(".//gmd:distributionInfo//gmd:CI_OnlineResource", NS):
        url = res.find("gmd:linkage/gmd:URL", NS)
        proto = res.find("gmd:protocol/gco:CharacterString", NS)
        name = res.find("gmd:name/gco:CharacterString", NS)
        out.append({"url": (url.text or "").strip() if url is not None else "",
                    "protocol": (proto.text or "").strip() if proto is not None else "",
                    "name": (name.text or "").strip() if name is not None else ""})
    return out


def minimal_record(ds, record_id=None, organisation=""):
    """A small ISO 19139 record for ``ds`` (a :class:`~.model.Dataset`) — used only when no full
    record can be generated from the layer (``sdi:generatemetadata`` failed, e.g. on a broken
    defaults file)."""
    rid = record_id or str(uuid.uuid4())
    bbox = ds.bbox_4326 or (95.0, -11.0, 141.0, 6.0)
    today = date.today().isoformat()
    kw = "".join("<gmd:keyword><gco:CharacterString>%s</gco:CharacterString></gmd:keyword>" % escape(k)
                 for k in (ds.keywords or [ds.table]))
    crs = ""
    if ds.crs:
        crs = ("<gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier>"
               "<gmd:code><gco:CharacterString>%s</gco:CharacterString></gmd:code></gmd:RS_Identifier>"
               "</gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>" % escape(ds.crs))
    org = ("<gmd:contact><gmd:CI_ResponsibleParty><gmd:organisationName><gco:CharacterString>%s"
           "</gco:CharacterString></gmd:organisationName><gmd:role><gmd:CI_RoleCode codeList=\"http://standards.iso."
           "org/iso/19139/resources/gmxCodelists.xml#CI_RoleCode\" codeListValue=\"pointOfContact\">pointOfContact"
           "</gmd:CI_RoleCode></gmd:role></gmd:CI_ResponsibleParty></gmd:contact>" % escape(organisation or "-"))
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<gmd:MD_Metadata xmlns:gmd="{gmd}" xmlns:gco="{gco}">
 <gmd:fileIdentifier><gco:CharacterString>{rid}</gco:CharacterString></gmd:fileIdentifier>
 <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="ind">ind</gmd:LanguageCode></gmd:language>
 <gmd:characterSet><gmd:MD_CharacterSetCode codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_CharacterSetCode" codeListValue="utf8">utf8</gmd:MD_CharacterSetCode></gmd:characterSet>
 <gmd:hierarchyLevel><gmd:MD_ScopeCode codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_ScopeCode" codeListValue="dataset">dataset</gmd:MD_ScopeCode></gmd:hierarchyLevel>
 {org}
 <gmd:dateStamp><gco:Date>{today}</gco:Date></gmd:dateStamp>
 <gmd:metadataStandardName><gco:CharacterString>ISO 19115:2003/19139</gco:CharacterString></gmd:metadataStandardName>
 {crs}
 <gmd:identificationInfo><gmd:MD_DataIdentification>
  <gmd:citation><gmd:CI_Citation>
   <gmd:title><gco:CharacterString>{title}</gco:CharacterString></gmd:title>
   <gmd:date><gmd:CI_Date><gmd:date><gco:Date>{today}</gco:Date></gmd:date><gmd:dateType><gmd:CI_DateTypeCode codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#CI_DateTypeCode" codeListValue="publication">publication</gmd:CI_DateTypeCode></gmd:dateType></gmd:CI_Date></gmd:date>
  </gmd:CI_Citation></gmd:citation>
  <gmd:abstract><gco:CharacterString>{abstract}</gco:CharacterString></gmd:abstract>
  <gmd:descriptiveKeywords><gmd:MD_Keywords>{kw}</gmd:MD_Keywords></gmd:descriptiveKeywords>
  <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="ind">ind</gmd:LanguageCode></gmd:language>
  <gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>
   <gmd:westBoundLongitude><gco:Decimal>{w}</gco:Decimal></gmd:westBoundLongitude>
   <gmd:eastBoundLongitude><gco:Decimal>{e}</gco:Decimal></gmd:eastBoundLongitude>
   <gmd:southBoundLatitude><gco:Decimal>{s}</gco:Decimal></gmd:southBoundLatitude>
   <gmd:northBoundLatitude><gco:Decimal>{n}</gco:Decimal></gmd:northBoundLatitude>
  </gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>
 </gmd:MD_DataIdentification></gmd:identificationInfo>
</gmd:MD_Metadata>
""".format(gmd=GMD, gco=GCO, rid=escape(rid), org=org, today=today, crs=crs, title=escape(ds.title or ds.table),
           abstract=escape(ds.abstract or ds.title or ds.table), kw=kw, w=bbox[0], e=bbox[2], s=bbox[1], n=bbox[3])
    return xml.encode("utf-8")
