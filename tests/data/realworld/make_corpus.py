"""Writes the real-world corpus in this folder (records/, answers/, manifest.json).

Run: ``/usr/bin/python3 tests/data/realworld/make_corpus.py`` (the files are committed; run it
again only after changing it). Each record follows the structure a real producer writes (see
SOURCES.md: root, namespaces, schema release, code lists and quirks), with text and values of our
own (places and agencies in Indonesia, invented identifiers).

manifest.json says, for each file, what a correct reader must find:
  records[name] = {producer, follows, release ("20070417" | "20060504"), kind ("dataset" |
                   "service"), root, title, identifier,
                   schema ("valid" | "invalid" | "unbundled": no schema for its profile is bundled),
                   absent: [mandatory profile elements the record really does not hold (none so far)]}
  answers[name] = {producer, kind ("csw" | "ckan" | "oarec"), identifiers: [every record it holds]}
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

NS = {
    "gmd": "http://www.isotc211.org/2005/gmd",
    "gco": "http://www.isotc211.org/2005/gco",
    "gmx": "http://www.isotc211.org/2005/gmx",
    "srv": "http://www.isotc211.org/2005/srv",
    "gmi": "http://www.isotc211.org/2005/gmi",
    "xlink": "http://www.w3.org/1999/xlink",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
GML = {"20070417": "http://www.opengis.net/gml/3.2", "20060504": "http://www.opengis.net/gml"}
CL = {
    # code list locations as producers write them
    "iso": "http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml#",
    "ittf": "http://standards.iso.org/ittf/PubliclyAvailableStandards/ISO_19139_Schemas/resources/Codelist/ML_gmxCodelists.xml#",
    "noaa": "https://data.noaa.gov/resources/iso19139/schema/resources/Codelist/gmxCodelists.xml#",
    "inspire": "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#",
}

PLACES = [  # (name, west, east, south, north)
    ("Kota Tangerang", 106.57, 106.73, -6.30, -6.10),
    ("Provinsi Banten", 105.10, 106.78, -7.02, -5.80),
    ("Kabupaten Bogor", 106.39, 107.16, -6.78, -6.18),
    ("Kota Bandung", 107.54, 107.74, -6.97, -6.84),
    ("Kabupaten Sleman", 110.22, 110.55, -7.85, -7.55),
    ("Provinsi Bali", 114.43, 115.71, -8.85, -8.06),
    ("Kota Makassar", 119.38, 119.55, -5.23, -5.05),
    ("Kabupaten Kutai Kartanegara", 115.44, 117.60, -1.15, 1.10),
    ("Provinsi Papua Barat", 129.30, 135.20, -4.40, -0.30),
    ("Kota Medan", 98.59, 98.74, 3.48, 3.80),
]


def esc(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def cs(tag, text, anchor=None):
    if anchor:
        return '<%s><gmx:Anchor xlink:href="%s">%s</gmx:Anchor></%s>' % (tag, esc(anchor), esc(text), tag)
    return "<%s><gco:CharacterString>%s</gco:CharacterString></%s>" % (tag, esc(text), tag)


def code(tag, codelist_kind, name, value, text=True, prefix="gmd"):
    body = esc(value) if text else ""
    return '<%s><%s:%s codeList="%s%s" codeListValue="%s">%s</%s:%s></%s>' % (
        tag, prefix, name, CL[codelist_kind], name, esc(value), body, prefix, name, tag)


def party(org, role, cl="iso", person="", email="", phone="", city="", element="gmd:CI_ResponsibleParty",
          isotype="", anchor_org=None, url=""):
    attrs = ' gco:isoType="gmd:CI_ResponsibleParty"' if isotype else ""
    contact = ""
    bits = []
    if phone:
        bits.append("<gmd:phone><gmd:CI_Telephone>%s</gmd:CI_Telephone></gmd:phone>" % cs("gmd:voice", phone))
    if city or email:
        addr = (cs("gmd:city", city) if city else "") + (cs("gmd:electronicMailAddress", email) if email else "")
        bits.append("<gmd:address><gmd:CI_Address>%s</gmd:CI_Address></gmd:address>" % addr)
    if url:
        bits.append("<gmd:onlineResource><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>%s</gmd:URL></gmd:linkage>"
                    "</gmd:CI_OnlineResource></gmd:onlineResource>" % esc(url))
    if bits:
        contact = "<gmd:contactInfo><gmd:CI_Contact>%s</gmd:CI_Contact></gmd:contactInfo>" % "".join(bits)
    return "<%s%s>%s%s%s%s</%s>" % (
        element, attrs, cs("gmd:individualName", person) if person else "", cs("gmd:organisationName", org, anchor_org),
        contact, code("gmd:role", cl, "CI_RoleCode", role), element)


def date(value, kind, cl="iso", dt=False):
    tag = "gco:DateTime" if dt else "gco:Date"
    return ("<gmd:date><gmd:CI_Date><gmd:date><%s>%s</%s></gmd:date>%s</gmd:CI_Date></gmd:date>"
            % (tag, value, tag, code("gmd:dateType", cl, "CI_DateTypeCode", kind)))


def bbox(w, e, s, n, prefix="gmd"):
    return ("<%s:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>"
            "<gmd:westBoundLongitude><gco:Decimal>%s</gco:Decimal></gmd:westBoundLongitude>"
            "<gmd:eastBoundLongitude><gco:Decimal>%s</gco:Decimal></gmd:eastBoundLongitude>"
            "<gmd:southBoundLatitude><gco:Decimal>%s</gco:Decimal></gmd:southBoundLatitude>"
            "<gmd:northBoundLatitude><gco:Decimal>%s</gco:Decimal></gmd:northBoundLatitude>"
            "</gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></%s:extent>"
            % (prefix, w, e, s, n, prefix))


def temporal(begin, end, gid, xsi_type=False):
    t = ' xsi:type="gml:TimePeriodType"' if xsi_type else ""
    return ('<gmd:extent><gmd:EX_Extent><gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent>'
            '<gml:TimePeriod gml:id="%s"%s><gml:beginPosition>%s</gml:beginPosition>'
            '<gml:endPosition>%s</gml:endPosition></gml:TimePeriod></gmd:extent></gmd:EX_TemporalExtent>'
            '</gmd:temporalElement></gmd:EX_Extent></gmd:extent>' % (gid, t, begin, end))


def keywords(words, thesaurus=None, cl="iso", anchors=None, kind=None):
    kws = "".join(cs("gmd:keyword", w, (anchors or {}).get(w)) for w in words)
    typ = code("gmd:type", cl, "MD_KeywordTypeCode", kind) if kind else ""
    thes = ""
    if thesaurus:
        title, when, href = thesaurus
        thes = ("<gmd:thesaurusName><gmd:CI_Citation>%s%s</gmd:CI_Citation></gmd:thesaurusName>"
                % (cs("gmd:title", title, href), date(when, "publication", cl)))
    return "<gmd:descriptiveKeywords><gmd:MD_Keywords>%s%s%s</gmd:MD_Keywords></gmd:descriptiveKeywords>" % (
        kws, typ, thes)


def online(url, protocol, name="", description="", function=None, cl="iso"):
    return ("<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>%s</gmd:URL></gmd:linkage>%s%s%s%s"
            "</gmd:CI_OnlineResource></gmd:onLine>" % (
                esc(url), cs("gmd:protocol", protocol) if protocol else "", cs("gmd:name", name) if name else "",
                cs("gmd:description", description) if description else "",
                code("gmd:function", cl, "CI_OnLineFunctionCode", function) if function else ""))


def distribution(links, fmt=None, version="-", cl="iso"):
    f = ""
    if fmt:
        f = ("<gmd:distributionFormat><gmd:MD_Format>%s%s</gmd:MD_Format></gmd:distributionFormat>"
             % (cs("gmd:name", fmt), cs("gmd:version", version) if version is not None else
                '<gmd:version gco:nilReason="inapplicable"/>'))
    return ("<gmd:distributionInfo><gmd:MD_Distribution>%s<gmd:transferOptions><gmd:MD_DigitalTransferOptions>%s"
            "</gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>"
            % (f, "".join(links)))


def quality(statement, level="dataset", cl="iso", conformance=None):
    rep = ""
    if conformance:
        title, when, href, passed = conformance
        rep = ("<gmd:report><gmd:DQ_DomainConsistency><gmd:result><gmd:DQ_ConformanceResult><gmd:specification>"
               "<gmd:CI_Citation>%s%s</gmd:CI_Citation></gmd:specification>%s<gmd:pass>%s</gmd:pass>"
               "</gmd:DQ_ConformanceResult></gmd:result></gmd:DQ_DomainConsistency></gmd:report>"
               % (cs("gmd:title", title, href), date(when, "publication", cl), cs("gmd:explanation", "Lihat spesifikasi"),
                  '<gco:Boolean>%s</gco:Boolean>' % passed if passed is not None else ""))
        if passed is None:
            rep = rep.replace("<gmd:pass></gmd:pass>", '<gmd:pass gco:nilReason="unknown"/>')
    lin = ("<gmd:lineage><gmd:LI_Lineage>%s</gmd:LI_Lineage></gmd:lineage>" % cs("gmd:statement", statement)
           if statement else "")
    return ("<gmd:dataQualityInfo><gmd:DQ_DataQuality><gmd:scope><gmd:DQ_Scope>%s</gmd:DQ_Scope></gmd:scope>%s%s"
            "</gmd:DQ_DataQuality></gmd:dataQualityInfo>" % (code("gmd:level", cl, "MD_ScopeCode", level), rep, lin))


def refsys(code_value, codespace=None, anchor=None):
    return ("<gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier>"
            "%s%s</gmd:RS_Identifier></gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>"
            % (cs("gmd:code", code_value, anchor), cs("gmd:codeSpace", codespace) if codespace else ""))


def legal(access=("otherRestrictions",), other=None, other_anchor=None, use_limitation=None, cl="iso"):
    return ("<gmd:resourceConstraints><gmd:MD_LegalConstraints>%s%s%s</gmd:MD_LegalConstraints></gmd:resourceConstraints>"
            % (cs("gmd:useLimitation", use_limitation) if use_limitation else "",
               "".join(code("gmd:accessConstraints", cl, "MD_RestrictionCode", a) for a in access),
               cs("gmd:otherConstraints", other, other_anchor) if other else ""))


def lang(value, cl="loc", as_string=False, tag="gmd:language"):
    if as_string:
        return cs(tag, value)
    where = {"loc": "http://www.loc.gov/standards/iso639-2/", "iso": CL["iso"] + "LanguageCode",
             "ittf": CL["ittf"] + "LanguageCode"}[cl]
    return '<%s><gmd:LanguageCode codeList="%s" codeListValue="%s">%s</gmd:LanguageCode></%s>' % (
        tag, where, value, value, tag)


def charset(value="utf8", cl="iso", tag="gmd:characterSet"):
    return code(tag, cl, "MD_CharacterSetCode", value)


def root_open(root, release, extra_ns=(), schema_location=True, isotype=None, gmi_location=False):
    prefixes = ["gmd", "gco", "gmx", "xlink", "xsi"] + list(extra_ns)
    decl = " ".join('xmlns:%s="%s"' % (p, NS[p] if p in NS else p) for p in prefixes if p in NS)
    decl += ' xmlns:gml="%s"' % GML[release]
    for p in extra_ns:
        if p not in NS:
            pre, uri = p.split("=", 1)
            decl += ' xmlns:%s="%s"' % (pre, uri)
    loc = ""
    if schema_location:
        if gmi_location:
            loc = ' xsi:schemaLocation="http://www.isotc211.org/2005/gmi http://www.ngdc.noaa.gov/metadata/published/xsd/schema.xsd"'
        else:
            loc = ' xsi:schemaLocation="http://www.isotc211.org/2005/gmd http://schemas.opengis.net/iso/19139/%s/gmd/gmd.xsd"' % release
    iso = ' gco:isoType="%s"' % isotype if isotype else ""
    return "<%s %s%s%s>" % (root, decl, loc, iso)


def record(head, ident, tail, root="gmd:MD_Metadata", release="20070417", extra_ns=(), schema_location=True,
           isotype=None, gmi_location=False, ident_wrapper="gmd:identificationInfo"):
    idents = ident if isinstance(ident, list) else [ident]
    body = "".join("<%s>%s</%s>" % (ident_wrapper, i, ident_wrapper) for i in idents)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + root_open(root, release, extra_ns, schema_location, isotype,
                                                                   gmi_location)
            + head + body + tail + "</%s>\n" % root)


def head(fid, language, cs_value, level, contact, stamp, std=("ISO 19115:2003/19139", "1.0"), parent=None,
         locales=(), refs=(), level_name=None, lang_string=False, cl="iso", stamp_dt=False, charset_first=True,
         uri=None):
    out = cs("gmd:fileIdentifier", fid)
    out += lang(language, as_string=lang_string) if language else ""
    out += charset(cs_value, cl) if cs_value else ""
    out += cs("gmd:parentIdentifier", parent) if parent else ""
    out += code("gmd:hierarchyLevel", cl, "MD_ScopeCode", level) if level else ""
    out += cs("gmd:hierarchyLevelName", level_name) if level_name else ""
    out += "<gmd:contact>%s</gmd:contact>" % contact
    out += "<gmd:dateStamp><%s>%s</%s></gmd:dateStamp>" % (("gco:DateTime",) * 1 + (stamp,) + ("gco:DateTime",)) \
        if stamp_dt else "<gmd:dateStamp><gco:Date>%s</gco:Date></gmd:dateStamp>" % stamp
    if std:
        out += cs("gmd:metadataStandardName", std[0]) + cs("gmd:metadataStandardVersion", std[1])
    out += cs("gmd:dataSetURI", uri) if uri else ""
    for loc_id, language3, enc in locales:
        out += ('<gmd:locale><gmd:PT_Locale id="%s"><gmd:languageCode><gmd:LanguageCode codeList="http://www.loc.gov/'
                'standards/iso639-2/" codeListValue="%s">%s</gmd:LanguageCode></gmd:languageCode>%s</gmd:PT_Locale>'
                '</gmd:locale>' % (loc_id, language3, language3, charset(enc, cl, "gmd:characterEncoding") if enc else ""))
    out += "".join(refs)
    return out


def data_ident(title, abstract, dates, pocs, kws, constraints, topics, extents, language="ind", cs_value="utf8",
               status=None, title_anchor=None, identifiers=(), scale=None, srt=None, cl="iso", maint=None,
               element="gmd:MD_DataIdentification", isotype=None, purpose=None, lang_string=False,
               supplemental=None, overview=None, alt_title=None, cited=None):
    iso = ' gco:isoType="%s"' % isotype if isotype else ""
    cit = cs("gmd:title", title, title_anchor) + (cs("gmd:alternateTitle", alt_title) if alt_title else "")
    cit += "".join(dates)
    for code_value, space in identifiers:
        cit += ("<gmd:identifier><gmd:RS_Identifier>%s%s</gmd:RS_Identifier></gmd:identifier>"
                % (cs("gmd:code", code_value), cs("gmd:codeSpace", space) if space else "")) if space is not None else \
            "<gmd:identifier><gmd:MD_Identifier>%s</gmd:MD_Identifier></gmd:identifier>" % cs("gmd:code", code_value)
    if cited:
        cit += "<gmd:citedResponsibleParty>%s</gmd:citedResponsibleParty>" % cited
    out = "<%s%s><gmd:citation><gmd:CI_Citation>%s</gmd:CI_Citation></gmd:citation>" % (element, iso, cit)
    out += cs("gmd:abstract", abstract)
    out += cs("gmd:purpose", purpose) if purpose else ""
    out += code("gmd:status", cl, "MD_ProgressCode", status) if status else ""
    out += "".join("<gmd:pointOfContact>%s</gmd:pointOfContact>" % p for p in pocs)
    if maint:
        out += ("<gmd:resourceMaintenance><gmd:MD_MaintenanceInformation>%s</gmd:MD_MaintenanceInformation>"
                "</gmd:resourceMaintenance>" % code("gmd:maintenanceAndUpdateFrequency", cl,
                                                    "MD_MaintenanceFrequencyCode", maint))
    if overview:
        out += ("<gmd:graphicOverview><gmd:MD_BrowseGraphic>%s</gmd:MD_BrowseGraphic></gmd:graphicOverview>"
                % cs("gmd:fileName", overview))
    out += "".join(kws) + "".join(constraints)
    out += code("gmd:spatialRepresentationType", cl, "MD_SpatialRepresentationTypeCode", srt) if srt else ""
    if scale:
        out += ("<gmd:spatialResolution><gmd:MD_Resolution><gmd:equivalentScale><gmd:MD_RepresentativeFraction>"
                "<gmd:denominator><gco:Integer>%s</gco:Integer></gmd:denominator></gmd:MD_RepresentativeFraction>"
                "</gmd:equivalentScale></gmd:MD_Resolution></gmd:spatialResolution>" % scale)
    out += lang(language, as_string=lang_string) if language else ""
    out += charset(cs_value, cl) if cs_value else ""
    out += "".join("<gmd:topicCategory><gmd:MD_TopicCategoryCode>%s</gmd:MD_TopicCategoryCode></gmd:topicCategory>"
                   % t for t in topics)
    out += "".join(extents)
    out += cs("gmd:supplementalInformation", supplemental) if supplemental else ""
    return out + "</%s>" % element


def service_ident(title, abstract, dates, pocs, kws, constraints, service_type, url, operates_on=(), extent=None,
                  coupling="tight", cl="iso", type_version=None, status=None, ops=("GetCapabilities",),
                  dcp_cl="iso", title_anchor=None):
    cit = cs("gmd:title", title, title_anchor) + "".join(dates)
    out = "<srv:SV_ServiceIdentification><gmd:citation><gmd:CI_Citation>%s</gmd:CI_Citation></gmd:citation>" % cit
    out += cs("gmd:abstract", abstract)
    out += code("gmd:status", cl, "MD_ProgressCode", status) if status else ""
    out += "".join("<gmd:pointOfContact>%s</gmd:pointOfContact>" % p for p in pocs)
    out += "".join(kws) + "".join(constraints)
    out += "<srv:serviceType><gco:LocalName>%s</gco:LocalName></srv:serviceType>" % esc(service_type)
    out += cs("srv:serviceTypeVersion", type_version) if type_version else ""
    out += extent or ""
    out += ('<srv:couplingType><srv:SV_CouplingType codeList="http://www.isotc211.org/2005/iso19119/resources/Codelist/'
            'gmxCodelists.xml#SV_CouplingType" codeListValue="%s">%s</srv:SV_CouplingType></srv:couplingType>'
            % (coupling, coupling))
    for op in ops:
        out += ("<srv:containsOperations><srv:SV_OperationMetadata>%s<srv:DCP><srv:DCPList codeList="
                '"http://www.isotc211.org/2005/iso19119/resources/Codelist/gmxCodelists.xml#DCPList" codeListValue='
                '"WebServices">WebServices</srv:DCPList></srv:DCP><srv:connectPoint><gmd:CI_OnlineResource>'
                "<gmd:linkage><gmd:URL>%s</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></srv:connectPoint>"
                "</srv:SV_OperationMetadata></srv:containsOperations>" % (cs("srv:operationName", op), esc(url)))
    for uuid in operates_on:
        out += '<srv:operatesOn xlink:href="%s" uuidref="%s"/>' % (esc(url.split("?")[0] + "?uuid=" + uuid), uuid)
    return out + "</srv:SV_ServiceIdentification>"


def topic_for(theme):
    return {"batas": "boundaries", "jalan": "transportation", "sungai": "inlandWaters", "foto": "imageryBaseMapsEarthCover",
            "dem": "elevation", "tanah": "planningCadastre", "hutan": "environment", "laut": "oceans",
            "gedung": "structure", "penduduk": "society"}[theme]


THEMES = [("batas", "Batas Administrasi Desa", "Batas Wilayah"), ("jalan", "Jaringan Jalan", "Transportasi"),
          ("sungai", "Sungai dan Danau", "Hidrografi"), ("foto", "Foto Udara", "Referensi Spasial"),
          ("dem", "Model Elevasi Digital", "Hipsografi"), ("tanah", "Bidang Tanah", "Kadaster"),
          ("hutan", "Tutupan Hutan", "Vegetasi"), ("laut", "Batimetri Pesisir", "Hidrografi"),
          ("gedung", "Bangunan Gedung", "Lingkungan Terbangun"), ("penduduk", "Kepadatan Penduduk", "Dataset Khusus")]

RECORDS, ANSWERS = {}, {}


def add(name, xml, producer, follows, release, kind, root, title, identifier, schema="valid", absent=()):
    RECORDS[name] = {"xml": xml, "producer": producer, "follows": follows, "release": release, "kind": kind,
                     "root": root, "title": title, "identifier": identifier, "schema": schema,
                     "absent": sorted(absent)}


def uid(prefix, i):
    return "%s-%04d-4a1b-9c2d-%012d" % (prefix, i, 7000 + i)


# -- 1. pycsw's apiso test repository: 2006 schema release, tiles sharing title and extent ------------------
def pycsw_tiles():
    series = [("aerfo", "Foto Udara 1994", "imageryBaseMapsEarthCover", 5, (106.60, 106.70, -6.25, -6.15)),
              ("ortho", "Ortofoto 2019", "imageryBaseMapsEarthCover", 5, (106.70, 106.80, -6.25, -6.15)),
              ("dtm", "DTM 2018", "elevation", 5, (106.60, 106.80, -6.35, -6.25))]
    n = 0
    for prefix, title, topic, count, (w, e, s, nn) in series:
        for k in range(count):
            n += 1
            fid = uid("3e9a8c05", n)
            tile = "T_%s_RAS_%d" % (prefix, 280000 + k * 3)
            contact = party("Dinas Tata Ruang Kota Tangerang", "pointOfContact", "ittf", email="dtr@contoh.go.id")
            ident = data_ident(
                title, "Lembar %s dari %s, satu lembar per berkas." % (tile, title),
                [date("2019-10-0%d" % (1 + k % 9), "creation", "ittf")],
                [party("Dinas Tata Ruang Kota Tangerang", "owner", "ittf", email="dtr@contoh.go.id")],
                [keywords(["Orthoimagery"], ("GEMET - INSPIRE themes, version 1.0", "2008-06-01", None), "ittf")],
                [("<gmd:resourceConstraints><gmd:MD_Constraints>%s</gmd:MD_Constraints></gmd:resourceConstraints>"
                  % cs("gmd:useLimitation", "tidak ada syarat")),
                 legal(("otherRestrictions",), "tidak ada pembatasan", cl="ittf")],
                [topic], [bbox(w, e, s, nn), temporal("2019-10-01", "2019-10-09", "ID_%s" % fid[:8] + str(n), True)],
                language="ind", cs_value=None, cl="ittf",
                identifiers=[(fid, ""), (tile + ".tif", "")])
            xml = record(head(fid, "ind", None, "dataset", contact, "2019-10-09", ("ISO19115", "2003/Cor.1:2006"),
                              cl="ittf"), ident,
                         distribution([online("http://127.0.0.1/data/%s.tif" % tile, "")],
                                      fmt="GeoTIFF", version=None)
                         + quality("Dipotret ulang dan diortorektifikasi", cl="ittf",
                                   conformance=("INSPIRE", "2008-05-15", None, "true")),
                         release="20060504")
            add("pycsw_apiso_%s_%d.xml" % (prefix, k + 1), xml, "pycsw (apiso test repository)",
                "pycsw-apiso-tiles", "20060504", "dataset", "gmd:MD_Metadata", title, fid)


# -- 2. GeoNetwork 3: 2007 release, gml 3.2, CharacterString everywhere, service records -------------------
def geonetwork3():
    for i in range(6):
        key, label, kugi = THEMES[i]
        place = PLACES[i]
        fid = uid("b7c1d2e3", i)
        contact = party("Bappeda %s" % place[0], "pointOfContact", person="Rina Wulandari",
                        email="gis@bappeda.contoh.go.id", phone="+62 21 555 01%02d" % i, city=place[0])
        ident = data_ident(
            "%s %s" % (label, place[0]), "Data %s skala 1:25.000 di %s." % (label.lower(), place[0]),
            [date("2021-0%d-15" % (1 + i), "publication"), date("2022-01-10", "revision")],
            [contact], [keywords([kugi, label], ("Katalog Unsur Geografi Indonesia", "2018-01-01", None)),
                        keywords(["Indonesia", place[0]], kind="place")],
            [legal(("license",), "CC-BY 4.0")], [topic_for(key)],
            [bbox(place[1], place[2], place[3], place[4])], status="completed", scale="25000", srt="vector",
            maint="asNeeded")
        dist = distribution([online("http://127.0.0.1:8080/geoserver/ows", "OGC:WMS", "%s_AR_25K" % key.upper(),
                                    "Layanan WMS", "download" if i % 2 else None),
                             online("http://127.0.0.1:8080/geoserver/ows", "OGC:WFS", "%s_AR_25K" % key.upper())],
                            fmt="ESRI Shapefile", version="1.0")
        xml = record(head(fid, "ind", "utf8", "dataset", contact, "2022-02-0%dT10:15:00" % (1 + i),
                          ("ISO 19115:2003/19139", "1.0"), refs=[refsys("EPSG:4326", "EPSG")], stamp_dt=True),
                     ident, dist + quality("Digitasi dari citra resolusi tinggi"),
                     extra_ns=["srv", "geonet=http://www.fao.org/geonetwork"])
        add("geonetwork3_dataset_%d.xml" % (i + 1), xml, "GeoNetwork 3.10", "geonetwork3-iso19139", "20070417",
            "dataset", "gmd:MD_Metadata", "%s %s" % (label, place[0]), fid)
    for i in range(2):
        fid = uid("5e6f7a8b", i)
        svc = ["WMS", "WFS"][i]
        contact = party("Bappeda Provinsi Banten", "pointOfContact", email="gis@bantenprov.contoh.go.id")
        ident = service_ident(
            "Layanan %s Geoportal Banten" % svc, "Layanan %s untuk data tematik Provinsi Banten." % svc,
            [date("2021-03-01", "publication")], [contact],
            [keywords(["infoMapAccessService" if svc == "WMS" else "infoFeatureAccessService"])],
            [legal(("otherRestrictions",), "Tanpa batasan")], "view" if svc == "WMS" else "download",
            "http://127.0.0.1:8080/geoserver/ows?service=%s" % svc, operates_on=[uid("b7c1d2e3", 0), uid("b7c1d2e3", 1)],
            extent=bbox(105.10, 106.78, -7.02, -5.80, prefix="srv"), type_version="1.3.0" if svc == "WMS" else "2.0.0")
        xml = record(head(fid, "ind", "utf8", "service", contact, "2021-03-02", ("ISO 19119", "2005/PDAM 1"),
                          level_name="Layanan"), ident,
                     distribution([online("http://127.0.0.1:8080/geoserver/ows?service=%s&request=GetCapabilities"
                                          % svc, "OGC:%s" % svc)]),
                     extra_ns=["srv"])
        add("geonetwork3_service_%s.xml" % svc.lower(), xml, "GeoNetwork 3.10", "geonetwork3-srv", "20070417",
            "service", "gmd:MD_Metadata", "Layanan %s Geoportal Banten" % svc, fid)


# -- 3. GeoNetwork 4 (INSPIRE editor): gmx:Anchor titles/keywords/constraints, PT_Locale, conformity ------
def geonetwork4():
    for i in range(6):
        key, label, kugi = THEMES[(i + 3) % 10]
        place = PLACES[(i + 4) % 10]
        fid = uid("c0ffee00", i)
        contact = party("Dinas Kominfo %s" % place[0], "pointOfContact", email="data@kominfo.contoh.go.id",
                        anchor_org="https://ror.org/00contoh%02d" % i if i % 3 == 0 else None)
        kw = keywords([kugi], ("GEMET - INSPIRE themes, version 1.0", "2008-06-01",
                               "http://www.eionet.europa.eu/gemet/inspire_themes"),
                      anchors={kugi: "http://inspire.ec.europa.eu/theme/au"})
        ident = data_ident(
            "%s %s" % (label, place[0]), "Kumpulan data %s untuk %s, diperbarui setiap tahun." % (label.lower(), place[0]),
            [date("2023-05-%02d" % (10 + i), "publication"), date("2020-11-01", "creation")], [contact],
            [kw, keywords(["Satu Data Indonesia"], kind="theme")],
            [legal(("otherRestrictions",), "Tidak ada pembatasan akses publik",
                   "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations",
                   use_limitation="Cantumkan sumber data")],
            [topic_for(key)], [bbox(place[1], place[2], place[3], place[4])],
            identifiers=[("https://data.contoh.go.id/id/%s" % fid, "https://data.contoh.go.id")],
            title_anchor="https://data.contoh.go.id/dataset/%s" % fid if i % 2 else None, srt="vector")
        locales = [("IND", "ind", "utf8"), ("EN", "eng", "utf8")]
        xml = record(head(fid, "ind", "utf8", "dataset", contact, "2023-06-01T08:00:00",
                          ("ISO 19115:2003/19139", "1.0"), locales=locales,
                          refs=[refsys("EPSG:9470", None, "http://www.opengis.net/def/crs/EPSG/0/9470")], stamp_dt=True),
                     ident, distribution([online("https://127.0.0.1/ogcapi/collections/%s" % key, "OGC:API-Features",
                                                 key, "Fitur"),
                                          online("https://127.0.0.1/wms", "OGC:WMS", key.upper())], fmt="GeoPackage",
                                         version="1.3")
                     + quality("Dihimpun dari survei lapangan 2020", conformance=(
                         "Commission Regulation (EU) No 1089/2010", "2010-12-08",
                         "http://data.europa.eu/eli/reg/2010/1089", "true" if i % 2 else None)),
                     extra_ns=["srv"])
        add("geonetwork4_inspire_%d.xml" % (i + 1), xml, "GeoNetwork 4.2 (INSPIRE editor)", "geonetwork4-inspire",
            "20070417", "dataset", "gmd:MD_Metadata", "%s %s" % (label, place[0]), fid)


# -- 4. INSPIRE national catalogues: PT_Locale without characterEncoding, 2006 and 2007 forms ------------
def inspire_national():
    for i in range(8):
        key, label, kugi = THEMES[(i + 5) % 10]
        place = PLACES[(i + 2) % 10]
        release = "20060504" if i % 2 else "20070417"
        fid = uid("1a2b3c4d", i)
        contact = party("Badan Informasi Geospasial", "pointOfContact", "inspire", email="simpul@big.contoh.go.id")
        locales = [("ID", "ind", None)] + ([("EN", "eng", None)] if i % 3 == 0 else [])
        ident = data_ident(
            "%s %s" % (label, place[0]), "Data %s nasional, potongan %s." % (label.lower(), place[0]),
            [date("2020-0%d-01" % (1 + i % 9), "revision", "inspire")], [contact],
            [keywords([kugi], ("GEMET - INSPIRE themes, version 1.0", "2008-06-01",
                               "http://inspire.ec.europa.eu/theme"), "inspire",
                      anchors={kugi: "http://inspire.ec.europa.eu/theme/hy"} if release == "20070417" else None)],
            [legal(("otherRestrictions",), "no limitations", cl="inspire")], [topic_for(key)],
            [bbox(place[1], place[2], place[3], place[4]),
             temporal("2019-01-01", "2019-12-31", "tp%d" % i)], cl="inspire",
            identifiers=[(fid, "https://registry.contoh.go.id")])
        xml = record(head(fid, "ind", "utf8", "dataset", contact, "2020-09-1%d" % (i % 9), ("ISO 19115", "2003"),
                          locales=locales, cl="inspire"),
                     ident, distribution([online("https://127.0.0.1/inspire/%s/wms" % key, "OGC:WMS-1.3.0-http-get-map",
                                                 key)], fmt="GML", version="3.2.1", cl="inspire")
                     + quality("Diturunkan dari peta RBI", cl="inspire", conformance=(
                         "Commission Regulation (EU) No 1089/2010", "2010-12-08", None, "false")),
                     release=release)
        # PT_Locale without gmd:characterEncoding is refused by both schema releases (it is mandatory there)
        add("inspire_national_%d.xml" % (i + 1), xml, "INSPIRE national catalogue (GeoNetwork, harvested)",
            "inspire-ptlocale", release, "dataset", "gmd:MD_Metadata", "%s %s" % (label, place[0]), fid,
            schema="invalid")
    for i in range(2):
        fid = uid("9f8e7d6c", i)
        contact = party("Badan Informasi Geospasial", "pointOfContact", "inspire", email="simpul@big.contoh.go.id")
        ident = service_ident(
            "Layanan Unduh %s" % ["Batas Wilayah", "Hidrografi"][i], "Layanan unduh INSPIRE (Atom) untuk data nasional.",
            [date("2019-05-0%d" % (1 + i), "publication", "inspire")], [contact],
            [keywords(["infoFeatureAccessService"], ("Klasifikasi layanan data spasial", "2008-12-03", None), "inspire")],
            [legal(("otherRestrictions",), "no limitations", cl="inspire")], "download",
            "https://127.0.0.1/atom/feed%d.xml" % i, operates_on=[uid("1a2b3c4d", i)], coupling="mixed",
            ops=("Download",))
        xml = record(head(fid, "ind", "utf8", "service", contact, "2019-05-10", ("ISO 19119", "2005"),
                          cl="inspire"), ident,
                     quality("", level="service", cl="inspire", conformance=(
                         "Commission Regulation (EC) No 976/2009", "2009-10-20", None, "true")),
                     extra_ns=["srv"], release="20060504")
        add("inspire_service_%d.xml" % (i + 1), xml, "INSPIRE national catalogue (GeoNetwork, harvested)",
            "inspire-srv-2006", "20060504", "service", "gmd:MD_Metadata", "Layanan Unduh %s" % ["Batas Wilayah",
                                                                                               "Hidrografi"][i], fid)


# -- 5. NOAA / IOOS ncISO: gmi:MI_Metadata, nilReason, several identificationInfo (data + services) -------
def noaa_gmi():
    for i in range(6):
        place = PLACES[(i + 6) % 10]
        fid = "gov.noaa.ioos.contoh:%s_%d" % (["sst", "arus", "gelombang", "salinitas", "klorofil", "angin"][i], i)
        title = "Model %s perairan %s" % (["suhu muka laut", "arus", "gelombang", "salinitas", "klorofil-a",
                                           "angin permukaan"][i], place[0])
        contact = party("Pusat Riset Kelautan", "pointOfContact", "noaa", person="Data Manager",
                        email="data@laut.contoh.go.id")
        ident = data_ident(
            title, "Keluaran model numerik harian (NetCDF), disajikan lewat THREDDS.",
            [date("2022-01-0%dT00:00:00Z" % (1 + i), "creation", "noaa", dt=True),
             date("2023-01-01T00:00:00Z", "revision", "noaa", dt=True)],
            [contact], [keywords(["sea_water_temperature", "eastward_sea_water_velocity"],
                                 ("CF Standard Name Table v79", "2022-03-19", None), "noaa", kind="theme")],
            [legal(("otherRestrictions",), "Bebas digunakan", cl="noaa")] if i % 2 else [], ["oceans"],
            [bbox(place[1], place[2], place[3], place[4]),
             temporal("2022-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "boundingTemporalExtent%d" % i)],
            language="eng", cs_value=None, cl="noaa", identifiers=[(fid, None)],
            purpose="Prakiraan operasional" if i % 2 == 0 else None)
        services = [service_ident(title, "OPeNDAP", [date("2022-01-01", "creation", "noaa")], [contact], [], [],
                                  "THREDDS OPeNDAP", "http://127.0.0.1:8080/thredds/dodsC/model%d" % i,
                                  coupling="tight", ops=("OPeNDAPDatasetQueryAndAccess",))]
        if i % 2 == 0:
            services.append(service_ident(title, "WMS", [date("2022-01-01", "creation", "noaa")], [contact], [], [],
                                          "Open Geospatial Consortium Web Map Service (WMS)",
                                          "http://127.0.0.1:8080/thredds/wms/model%d?service=WMS&version=1.3.0"
                                          "&request=GetCapabilities" % i, ops=("GetCapabilities",)))
        tail = ('<gmd:contentInfo><gmi:MI_CoverageDescription><gmd:attributeDescription><gco:RecordType>Variabel model'
                '</gco:RecordType></gmd:attributeDescription><gmd:contentType><gmd:MD_CoverageContentTypeCode codeList="'
                '%sMD_CoverageContentTypeCode" codeListValue="physicalMeasurement">physicalMeasurement'
                '</gmd:MD_CoverageContentTypeCode></gmd:contentType></gmi:MI_CoverageDescription></gmd:contentInfo>'
                % CL["noaa"])
        tail += distribution([online("http://127.0.0.1:8080/thredds/dodsC/model%d.html" % i, "WWW:LINK",
                                     "Formulir OPeNDAP", function="download", cl="noaa")], cl="noaa")
        tail += ('<gmd:metadataMaintenance><gmd:MD_MaintenanceInformation><gmd:maintenanceAndUpdateFrequency '
                 'gco:nilReason="unknown"/><gmd:maintenanceNote><gco:CharacterString>Dibuat oleh ncISO 2.3'
                 '</gco:CharacterString></gmd:maintenanceNote></gmd:MD_MaintenanceInformation></gmd:metadataMaintenance>')
        tail += ('<gmi:acquisitionInformation><gmi:MI_AcquisitionInformation><gmi:platform><gmi:MI_Platform>'
                 '<gmi:identifier><gmd:MD_Identifier><gmd:code><gco:CharacterString>model-%d</gco:CharacterString>'
                 '</gmd:code></gmd:MD_Identifier></gmi:identifier><gmi:description><gco:CharacterString>Model numerik'
                 '</gco:CharacterString></gmi:description><gmi:sensor gco:nilReason="inapplicable"/></gmi:MI_Platform>'
                 '</gmi:platform></gmi:MI_AcquisitionInformation></gmi:acquisitionInformation>' % i)
        hd = head(fid, "eng", "utf8", "dataset", contact, "2023-02-0%d" % (1 + i), ("ISO 19115-2 Geographic Information - "
                  "Metadata Part 2 Extensions for imagery and gridded data", "ISO 19115-2:2009(E)"), cl="noaa")
        xml = record(hd, [ident] + services, tail, root="gmi:MI_Metadata", extra_ns=["gmi", "srv"], gmi_location=True)
        add("noaa_nciso_gmi_%d.xml" % (i + 1), xml, "NOAA / IOOS ncISO (THREDDS)", "noaa-gmi", "20070417",
            "dataset", "gmi:MI_Metadata", title, fid, schema="unbundled")


# -- 6. geocat.ch: che:CHE_MD_Metadata with gco:isoType, PT_FreeText, 2006 gml namespace -----------------
def geocat_che():
    for i in range(4):
        key, label, kugi = THEMES[(i + 1) % 10]
        place = PLACES[i * 2]
        fid = uid("3d2981af", i)
        org = "Dinas PUPR %s" % place[0]
        che_party = ('<che:CHE_CI_ResponsibleParty gco:isoType="gmd:CI_ResponsibleParty">%s<gmd:contactInfo>'
                     '<gmd:CI_Contact><gmd:address><che:CHE_CI_Address gco:isoType="gmd:CI_Address">%s%s<che:streetName>'
                     '<gco:CharacterString>Jalan Merdeka</gco:CharacterString></che:streetName></che:CHE_CI_Address>'
                     '</gmd:address></gmd:CI_Contact></gmd:contactInfo>%s<che:organisationAcronym>'
                     '<gco:CharacterString>PUPR</gco:CharacterString></che:organisationAcronym>'
                     '</che:CHE_CI_ResponsibleParty>'
                     % ('<gmd:organisationName xsi:type="gmd:PT_FreeText_PropertyType"><gco:CharacterString>%s'
                        '</gco:CharacterString><gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString '
                        'locale="#ID">%s</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText>'
                        '</gmd:organisationName>' % (org, org),
                        cs("gmd:city", place[0]), cs("gmd:electronicMailAddress", "pupr@contoh.go.id"),
                        code("gmd:role", "iso", "CI_RoleCode", "pointOfContact", text=False)))
        title = "%s %s" % (label, place[0])
        ident = data_ident(
            title, "Peta %s (ekstensi profil nasional)." % label.lower(), [date("2017-01-24", "revision"),
                                                                           date("2005-06-14", "creation")],
            [che_party], [keywords([kugi, "e-geo.ch geoportal"])], [legal(("copyright",))], [topic_for(key)],
            [bbox(place[1], place[2], place[3], place[4])], language="ind", lang_string=True, status="onGoing",
            element="che:CHE_MD_DataIdentification", isotype="gmd:MD_DataIdentification")
        ident = ident.replace('</gmd:citation>', '</gmd:citation>', 1)
        ident = ident.replace("<gmd:title><gco:CharacterString>%s</gco:CharacterString></gmd:title>" % esc(title),
                              '<gmd:title xsi:type="gmd:PT_FreeText_PropertyType"><gco:CharacterString>%s'
                              '</gco:CharacterString><gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString '
                              'locale="#ID">%s</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText>'
                              '</gmd:title>' % (esc(title), esc(title)))
        hd = head(fid, "ind", "utf8", "dataset", che_party, "2017-01-24T12:15:29", ("GM03 2+", "1.0"),
                  lang_string=True, locales=[("ID", "ind", "utf8"), ("EN", "eng", "utf8")], stamp_dt=True,
                  refs=[refsys("TM-3 Zona 48.2")])
        tail = distribution([online("https://127.0.0.1/wms?", "OGC:WMS-http-get-map", "ch.%s" % key,
                                    "Peta %s" % label)]) + quality("Digitasi ulang 2016")
        xml = record(hd, ident, tail, root="che:CHE_MD_Metadata", release="20060504",
                     extra_ns=["che=http://www.geocat.ch/2008/che", "srv", "geonet=http://www.fao.org/geonetwork"],
                     isotype="gmd:MD_Metadata", schema_location=False)
        add("geocat_che_%d.xml" % (i + 1), xml, "geocat.ch (GeoNetwork, CHE profile)", "geocat-che", "20060504",
            "dataset", "che:CHE_MD_Metadata", title, fid, schema="unbundled")


# -- 7. Esri: ArcGIS Pro / Geoportal Server: gml 3.2, Anchor-free, MD_Identifier, blank optional bits -----
def esri():
    for i in range(5):
        key, label, kugi = THEMES[(i + 7) % 10]
        place = PLACES[(i + 1) % 10]
        fid = "{%s}" % uid("A1B2C3D4", i).upper()
        title = "%s_%s" % (label.replace(" ", ""), place[0].split()[-1])
        contact = party("Dinas Perumahan dan Permukiman %s" % place[0], "custodian", person="Admin GIS",
                        email="gis@perkim.contoh.go.id", url="https://127.0.0.1/portal")
        ident = data_ident(
            title, "<DIV STYLE=\"text-align:Left;\"><P><SPAN>Layer %s hasil pemutakhiran.</SPAN></P></DIV>" % label,
            [date("2020-07-%02dT00:00:00" % (10 + i), "creation", dt=True)], [contact],
            [keywords([kugi, "ArcGIS"]), keywords([place[0]], kind="place")],
            [("<gmd:resourceConstraints><gmd:MD_Constraints>%s</gmd:MD_Constraints></gmd:resourceConstraints>"
              % cs("gmd:useLimitation", "Hanya untuk keperluan internal"))],
            [topic_for(key)] + (["location"] if i % 2 else []), [bbox(place[1], place[2], place[3], place[4])],
            language="ind", cs_value="utf8", identifiers=[(fid, None)], srt="vector",
            supplemental="Dibuat dengan ArcGIS Pro 3.1")
        hd = head(fid, "ind", "utf8", "dataset", contact, "2020-07-%02d" % (11 + i), ("ArcGIS Metadata", "1.0"),
                  refs=[refsys("32748", "EPSG")])
        tail = distribution([online("https://127.0.0.1/arcgis/rest/services/Perkim/%s/MapServer" % title,
                                    "ESRI REST", title, "Layanan peta ArcGIS"),
                             online("https://127.0.0.1/arcgis/rest/services/Perkim/%s/FeatureServer/0" % title,
                                    "ESRI REST", title)], fmt="File Geodatabase Feature Class", version="10.8")
        xml = record(hd, ident, tail)
        add("esri_arcgis_%d.xml" % (i + 1), xml, "Esri ArcGIS Pro / Geoportal Server", "esri-arcgis", "20070417",
            "dataset", "gmd:MD_Metadata", title, fid)


# -- 8. GeoNode's pycsw template: 2006 gml namespace, gmd:language as CharacterString, links ------------
def geonode():
    for i in range(5):
        key, label, kugi = THEMES[(i + 2) % 10]
        place = PLACES[(i + 5) % 10]
        fid = uid("6e0d3a21", i)
        title = "%s %s (GeoNode)" % (label, place[0])
        contact = party("Bappeda %s" % place[0], "pointOfContact", person="admin", email="admin@geonode.contoh.go.id")
        ident = data_ident(
            title, "Diunggah ke GeoNode oleh %s." % "admin", [date("2022-03-%02dT04:05:06Z" % (1 + i), "publication",
                                                                     dt=True)],
            [contact], [keywords([kugi, "geonode"], kind="theme")],
            [legal(("otherRestrictions",), "Tidak ada batasan"),
             ("<gmd:resourceConstraints><gmd:MD_Constraints>%s</gmd:MD_Constraints></gmd:resourceConstraints>"
              % cs("gmd:useLimitation", "Lisensi: CC-BY"))],
            [topic_for(key)], [bbox(place[1], place[2], place[3], place[4])], language="ind", lang_string=True,
            cs_value="utf8", maint="irregular", overview="https://127.0.0.1/uploads/thumbs/%s.png" % key,
            supplemental="Tidak ada informasi tambahan")
        hd = head(fid, "ind", "utf8", "dataset", contact, "2022-03-%02dT04:05:06Z" % (1 + i),
                  ("ISO-19115 Geographic information - Metadata", "ISO-19115:2003"), lang_string=True, stamp_dt=True,
                  refs=[refsys("EPSG:4326")], uri="https://127.0.0.1/layers/geonode:%s" % key)
        tail = distribution([online("https://127.0.0.1/geoserver/ows", "OGC:WMS", "geonode:%s" % key),
                             online("https://127.0.0.1/geoserver/ows", "OGC:WFS", "geonode:%s" % key),
                             online("https://127.0.0.1/download/%d" % i, "WWW:DOWNLOAD-1.0-http--download",
                                    "%s.zip" % key, "Unduh data asli")])
        tail += quality("Tidak ada informasi asal-usul")
        xml = record(hd, ident, tail, release="20060504")
        add("geonode_%d.xml" % (i + 1), xml, "GeoNode 3.x/4.x (pycsw with GeoNode's template)", "geonode-template",
            "20060504", "dataset", "gmd:MD_Metadata", title, fid)


# -- 9. Palapa (pygeometa 'Core Profile Indonesia'): ind, utf8, Palapa's classification spellings --------
def palapa():
    spellings = ["unclassified", "restricted", "confendential", "topsecret", "unclassified", "restricted"]
    access = ["PUBLIC", "GOVERNMENT", "PRIVATE", "IGSTRATEGIS", "PUBLIC", "GOVERNMENT:bappeda"]
    for i in range(6):
        key, label, kugi = THEMES[i % 10]
        place = PLACES[(i + 3) % 10]
        fid = "%s_%s_%d" % (key.upper(), place[0].replace(" ", "").upper(), 2018 + i)
        title = "%s %s" % (label, place[0])
        contact = party("Simpul Jaringan %s" % place[0], "pointOfContact", person="Operator Palapa",
                        email="palapa@contoh.go.id", phone="+62 21 000 %03d" % i, city=place[0])
        ident = data_ident(
            title, "%s hasil produksi Simpul Jaringan %s." % (label, place[0]),
            [date("2018-0%d-01" % (1 + i), "publication")], [contact],
            [keywords([kugi], ("Katalog Unsur Geografi Indonesia (KUGI)", "2018-01-01", None)),
             keywords([key.upper() + "_AR_25K"])],
            [legal(("otherRestrictions",), "Akses: %s" % access[i])], [topic_for(key)],
            [bbox(place[1], place[2], place[3], place[4])], language="ind", cs_value="utf8", maint="asNeeded",
            srt="vector", scale="25000")
        hd = head(fid, "ind", "utf8", "dataset", contact, "2018-0%d-02" % (1 + i),
                  ("ISO 19115:2003 - Geographic information - Metadata", "ISO 19115:2003"),
                  refs=[refsys("EPSG:4326")])
        tail = distribution([online("http://127.0.0.1:8080/geoserver/wms", "OGC:WMS", "KUGI:%s_AR_25K" % key.upper()),
                             online("http://127.0.0.1:8080/geoserver/wfs", "OGC:WFS", "KUGI:%s_AR_25K" % key.upper())],
                            fmt="ESRI Shapefile", version="1.0")
        tail += quality("Data %s" % label)
        tail += ('<gmd:metadataConstraints><gmd:MD_SecurityConstraints>%s%s</gmd:MD_SecurityConstraints>'
                 '</gmd:metadataConstraints>' % (code("gmd:classification", "iso", "MD_ClassificationCode",
                                                      spellings[i]), cs("gmd:userNote", access[i])))
        xml = record(hd, ident, tail)
        # Palapa's 'confendential' / 'topsecret' are not ISO values: the schema's code-list check does not see
        # them (codeListValue is a plain string), the profile warns about them.
        add("palapa_pygeometa_%d.xml" % (i + 1), xml, "Palapa (pygeometa, Core Profile Indonesia)",
            "palapa-pygeometa", "20070417", "dataset", "gmd:MD_Metadata", title, fid)


# ---- catalogue answers --------------------------------------------------------------------------------------
def strip_decl(xml):
    return xml.split("?>", 1)[1].strip()


def csw_answer(names, version="2.0.2", matched=None, next_record=0):
    csw = {"2.0.2": "http://www.opengis.net/cat/csw/2.0.2", "3.0": "http://www.opengis.net/cat/csw/3.0"}[version]
    body = "".join(strip_decl(RECORDS[n]["xml"]) for n in names)
    matched = len(names) if matched is None else matched
    extra = ' elementSet="full" nextRecord="%d"' % next_record
    stamp = "2026-11-30T10:00:00Z"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="%s" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="%s"><csw:SearchStatus timestamp="%s"/>'
            '<csw:SearchResults numberOfRecordsMatched="%d" numberOfRecordsReturned="%d"%s>%s</csw:SearchResults>'
            '</csw:GetRecordsResponse>\n' % (csw, "3.0.0" if version == "3.0" else "2.0.2", stamp, matched, len(names),
                                            extra, body))


def dc_record(fid, title, subjects, abstract, w, e, s, n, refs, crs="urn:ogc:def:crs:EPSG::4326", kind="Record",
              modified=None):
    latlon = "4326" in crs and "CRS84" not in crs
    lower = "%s %s" % ((s, w) if latlon else (w, s))
    upper = "%s %s" % ((n, e) if latlon else (e, n))
    subj = "".join("<dc:subject>%s</dc:subject>" % esc(x) for x in subjects)
    ref = "".join('<dct:references scheme="%s">%s</dct:references>' % (esc(p), esc(u)) for p, u in refs)
    mod = "<dct:modified>%s</dct:modified>" % modified if modified else ""
    return ('<csw:%s><dc:identifier>%s</dc:identifier><dc:title>%s</dc:title><dc:type>dataset</dc:type>%s%s'
            '<dct:abstract>%s</dct:abstract>%s<ows:BoundingBox crs="%s"><ows:LowerCorner>%s</ows:LowerCorner>'
            '<ows:UpperCorner>%s</ows:UpperCorner></ows:BoundingBox></csw:%s>'
            % (kind, esc(fid), esc(title), subj, ref, esc(abstract), mod, crs, lower, upper, kind))


def dc_answer(records, version="2.0.2"):
    csw = {"2.0.2": "http://www.opengis.net/cat/csw/2.0.2", "3.0": "http://www.opengis.net/cat/csw/3.0"}[version]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="%s" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dct="http://purl.org/dc/terms/" '
            'xmlns:ows="http://www.opengis.net/ows" version="%s"><csw:SearchStatus timestamp="2026-11-30T10:00:00Z"/>'
            '<csw:SearchResults numberOfRecordsMatched="%d" numberOfRecordsReturned="%d" nextRecord="0" '
            'recordSchema="http://www.opengis.net/cat/csw/2.0.2" elementSet="full">%s</csw:SearchResults>'
            '</csw:GetRecordsResponse>\n' % (csw, "3.0.0" if version == "3.0" else "2.0.2", len(records), len(records),
                                            "".join(records)))


def answers():
    def add_answer(name, text, producer, kind, ids, follows):
        ANSWERS[name] = {"text": text, "producer": producer, "kind": kind, "identifiers": ids, "follows": follows}

    tiles = sorted(n for n in RECORDS if n.startswith("pycsw_apiso_"))
    add_answer("pycsw26_getrecords_iso_tiles.xml", csw_answer(tiles, matched=len(tiles)), "pycsw 2.6 (CSW 2.0.2, ISO)",
               "csw", [RECORDS[n]["identifier"] for n in tiles], "pycsw-getrecords-iso")
    che = sorted(n for n in RECORDS if n.startswith("geocat_che_")) + ["geonetwork3_dataset_1.xml"]
    add_answer("geocat_getrecords_che.xml", csw_answer(che, matched=112, next_record=len(che) + 1),
               "geocat.ch (GeoNetwork CSW, CHE profile)", "csw", [RECORDS[n]["identifier"] for n in che],
               "geonetwork-getrecords-che")
    mixed = ["geonetwork3_dataset_2.xml", "geonetwork3_service_wms.xml", "noaa_nciso_gmi_1.xml",
             "noaa_nciso_gmi_2.xml", "geonetwork4_inspire_1.xml"]
    add_answer("geonetwork4_getrecords_mixed.xml", csw_answer(mixed, matched=40, next_record=6),
               "GeoNetwork 4 (CSW 2.0.2, ISO: dataset, service and ISO 19115-2 records)", "csw",
               [RECORDS[n]["identifier"] for n in mixed], "geonetwork-getrecords-mixed")
    insp = sorted(n for n in RECORDS if n.startswith("inspire_"))
    add_answer("inspire_getrecords.xml", csw_answer(insp, matched=len(insp)), "INSPIRE national catalogue (CSW 2.0.2)",
               "csw", [RECORDS[n]["identifier"] for n in insp], "inspire-getrecords")
    ioos = sorted(n for n in RECORDS if n.startswith("noaa_"))
    add_answer("ioos_getrecords_gmi.xml", csw_answer(ioos, matched=len(ioos)), "NOAA/IOOS catalogue (pycsw, gmi)",
               "csw", [RECORDS[n]["identifier"] for n in ioos], "ioos-getrecords-gmi")
    pal = sorted(n for n in RECORDS if n.startswith("palapa_"))
    add_answer("palapa_pycsw_getrecords_csw30.xml", csw_answer(pal, version="3.0", matched=len(pal)),
               "Palapa's pycsw (CSW 3.0, ISO)", "csw", [RECORDS[n]["identifier"] for n in pal], "pycsw-csw30-iso")
    dcs = []
    for i, place in enumerate(PLACES[:6]):
        key, label, kugi = THEMES[i]
        # Esri Geoportal Server (CSW DC): lat/lon order under urn:ogc:def:crs:EPSG::4326
        dcs.append(dc_record("{%s}" % uid("E5E5E5E5", i).upper(), "%s %s" % (label, place[0]), [kugi, label],
                             "Ringkasan %s" % label, place[1], place[2], place[3], place[4],
                             [("urn:x-esri:specification:ServiceType:ArcGIS:MapServer",
                               "https://127.0.0.1/arcgis/rest/services/%s/MapServer" % key)],
                             modified="2021-0%d-01" % (i + 1)))
    add_answer("esri_geoportal_getrecords_dc.xml", dc_answer(dcs), "Esri Geoportal Server 2.x (CSW 2.0.2, DC)", "csw",
               ["{%s}" % uid("E5E5E5E5", i).upper() for i in range(6)], "esri-geoportal-dc")
    gn = []
    for i, place in enumerate(PLACES[4:9]):
        key, label, kugi = THEMES[i + 2]
        gn.append(dc_record(uid("6e0d3a21", 10 + i), "%s %s" % (label, place[0]), [kugi], "GeoNode %s" % label,
                            place[1], place[2], place[3], place[4],
                            [("OGC:WMS", "https://127.0.0.1/geoserver/ows"),
                             ("WWW:LINK", "https://127.0.0.1/layers/geonode:%s" % key)],
                            crs="urn:ogc:def:crs:EPSG:6.11:4326", kind="Record"))
    add_answer("pycsw30_getrecords_dc.xml", dc_answer(gn, version="3.0"), "GeoNode's pycsw (CSW 3.0, DC)", "csw",
               [uid("6e0d3a21", 10 + i) for i in range(5)], "pycsw-csw30-dc")
    # GeoNetwork 4 answering with outputSchema ISO 19115-3 (mdb 2.0): the shape of the project's own
    # tests/data/metadata/geonetwork_iso19115-3.xml, three records under other identifiers and titles
    with open(os.path.join(HERE, "..", "metadata", "geonetwork_iso19115-3.xml"), encoding="utf-8") as fh:
        mdb = fh.read()
    mdb = mdb[mdb.index("<mdb:MD_Metadata"):]
    ids3, body3 = [], ""
    for i, place in enumerate(PLACES[:3]):
        fid = uid("c0ffee33", i)
        ids3.append(fid)
        body3 += mdb.replace("c0ffee00-1234-4abc-9def-0123456789ab", fid).replace(
            "Garis Pantai Indonesia (contoh)", "Garis Pantai %s" % place[0])
    add_answer("geonetwork4_getrecords_iso19115-3.xml",
               '<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/'
               'cat/csw/2.0.2" version="2.0.2"><csw:SearchStatus timestamp="2026-11-30T10:00:00Z"/><csw:SearchResults '
               'numberOfRecordsMatched="3" numberOfRecordsReturned="3" nextRecord="0" elementSet="full">%s'
               '</csw:SearchResults></csw:GetRecordsResponse>\n' % body3, "GeoNetwork 4 (CSW 2.0.2, ISO 19115-3)",
               "csw", ids3, "geonetwork4-iso19115-3")
    # CKAN package_search
    pkgs = []
    for i, place in enumerate(PLACES[:7]):
        key, label, kugi = THEMES[i]
        spatial = json.dumps({"type": "Polygon", "coordinates": [[[place[1], place[3]], [place[2], place[3]],
                                                                  [place[2], place[4]], [place[1], place[4]],
                                                                  [place[1], place[3]]]]})
        pkgs.append({
            "id": uid("ccaa0000", i), "name": "%s-%s" % (key, place[0].lower().replace(" ", "-")),
            "title": "%s %s" % (label, place[0]), "notes": "Data %s dari Ina-Geoportal." % label.lower(),
            "metadata_modified": "2024-0%d-0%dT01:02:03.456789" % (1 + i % 9, 1 + i), "license_title": "CC-BY",
            "organization": {"name": "big", "title": "Badan Informasi Geospasial"},
            "tags": [{"name": kugi}, {"name": key}],
            "extras": ([{"key": "spatial", "value": spatial}] if i % 3 else []) +
                      [{"key": "metadata_language", "value": "ind"}],
            "resources": [{"url": "https://127.0.0.1/arcgis/rest/services/%s/MapServer" % key, "format": "Esri REST",
                           "name": label},
                          {"url": "https://127.0.0.1/geoserver/ows?service=WMS", "format": "OGC:WMS", "name": key}],
        })
    add_answer("ckan_package_search.json", json.dumps({"help": "https://127.0.0.1/api/3/action/help_show?name="
                                                               "package_search", "success": True,
                                                       "result": {"count": 7, "sort": "score desc, metadata_modified desc",
                                                                  "facets": {}, "results": pkgs,
                                                                  "search_facets": {}}}, indent=1),
               "CKAN 2.9/2.10 (Ina-Geoportal style)", "ckan", [p["id"] for p in pkgs], "ckan-package-search")

    def feature(fid, title, place, extra):
        f = {"id": fid, "type": "Feature",
             "geometry": {"type": "Polygon", "coordinates": [[[place[1], place[3]], [place[2], place[3]],
                                                              [place[2], place[4]], [place[1], place[4]],
                                                              [place[1], place[3]]]]},
             "properties": {"title": title, "description": "Rekaman %s" % title, "type": "dataset"},
             "links": [{"rel": "self", "href": "https://127.0.0.1/collections/metadata:main/items/%s" % fid}]}
        f["properties"].update(extra)
        return f
    feats = []
    for i, place in enumerate(PLACES[:6]):
        key, label, kugi = THEMES[i]
        feats.append(feature(uid("0a0a0a0a", i), "%s %s" % (label, place[0]), place, {
            "keywords": [kugi, key], "themes": [{"concepts": [{"id": kugi}], "scheme": "https://kugi.contoh.go.id"}],
            "updated": "2025-01-0%dT00:00:00Z" % (i + 1), "formats": [{"name": "GeoTIFF"}],
            "contacts": [{"organization": "BIG", "emails": [{"value": "simpul@big.contoh.go.id"}]}],
            "associations": [{"rel": "item", "href": "https://127.0.0.1/wms", "type": "OGC:WMS", "name": key}]}))
        feats[-1]["time"] = {"interval": ["2020-01-01", None]} if i % 2 else None
        feats[-1]["conformsTo"] = ["http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core"]
    add_answer("pycsw3_oarec_items.json", json.dumps({
        "type": "FeatureCollection", "features": feats, "numberMatched": 6, "numberReturned": 6,
        "links": [{"rel": "self", "type": "application/geo+json",
                   "href": "https://127.0.0.1/collections/metadata:main/items?f=json"}],
        "timeStamp": "2026-11-30T10:00:00Z"}, indent=1), "pycsw 3 (OGC API - Records)", "oarec",
        [f["id"] for f in feats], "pycsw3-oarec")
    feats = []
    for i, place in enumerate(PLACES[3:8]):
        key, label, kugi = THEMES[i + 3]
        feats.append(feature(uid("0b0b0b0b", i), "%s %s" % (label, place[0]), place, {
            "keywords": [kugi], "created": "2021-0%d-01" % (i + 1), "recordUpdated": "2022-02-02T02:02:02Z",
            "themes": [{"concepts": [kugi], "scheme": "KUGI"}], "externalIds": [{"scheme": "default", "value": key}],
            "contacts": [{"name": "Admin", "organization": "Dinas %s" % place[0]}], "rights": "Bebas"}))
        feats[-1]["links"].append({"rel": "item", "href": "https://127.0.0.1/geoserver/ows", "type": "OGC:WFS",
                                   "name": key, "title": label})
        if i == 4:
            feats[-1]["geometry"] = None
    add_answer("pygeoapi_oarec_items.json", json.dumps({
        "type": "FeatureCollection", "features": feats, "numberMatched": 5, "numberReturned": 5,
        "links": [{"rel": "self", "href": "http://127.0.0.1:5000/collections/metadata-records/items?f=json"}]},
        indent=1), "pygeoapi 0.21 (OGC API - Records, TinyDB)", "oarec", [f["id"] for f in feats], "pygeoapi-oarec")


def main():
    for make in (pycsw_tiles, geonetwork3, geonetwork4, inspire_national, noaa_gmi, geocat_che, esri, geonode, palapa):
        make()
    answers()
    rec_dir, ans_dir = os.path.join(HERE, "records"), os.path.join(HERE, "answers")
    for d in (rec_dir, ans_dir):
        os.makedirs(d, exist_ok=True)
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))
    manifest = {"records": {}, "answers": {}}
    for name, meta in sorted(RECORDS.items()):
        with open(os.path.join(rec_dir, name), "w", encoding="utf-8") as fh:
            fh.write(meta["xml"])
        manifest["records"][name] = {k: v for k, v in meta.items() if k != "xml"}
    for name, meta in sorted(ANSWERS.items()):
        with open(os.path.join(ans_dir, name), "w", encoding="utf-8") as fh:
            fh.write(meta["text"])
        manifest["answers"][name] = {k: v for k, v in meta.items() if k != "text"}
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print("%d records, %d answers" % (len(RECORDS), len(ANSWERS)))


if __name__ == "__main__":
    main()
