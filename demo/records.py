"""ISO 19139 seed records (``gmd:MD_Metadata``) for the demo node's catalogue.

One record per published dataset, built with lxml (never by pasting strings), whose online
resources point at where the node really is: ``OGC:WMS`` and ``OGC:WFS`` at ``<public>/ows``
(name = the layer's short name, which is the dataset id) and ``OGC:API-Features`` at
``<public>/wfs3/collections/<id>``. The node regenerates them for its public URL at every start.
"""
import os

from lxml import etree

from . import identity
from . import manifest as mf

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
GML = "http://www.opengis.net/gml/3.2"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"gmd": GMD, "gco": GCO, "gml": GML, "xlink": XLINK, "xsi": XSI}
SCHEMA_LOCATION = "http://www.isotc211.org/2005/gmd http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd"
CODELISTS = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"

METADATA_STANDARD = "ISO 19115:2003/19139; SNI 8843-1:2019 (Profil Metadata Spasial Indonesia)"
METADATA_STANDARD_VERSION = "ISO 19115:2003/Cor.1:2006; SNI 8843-1:2019"
LANGUAGE = "ind"

# KUGI category -> ISO 19115 MD_TopicCategoryCode.
TOPIC_CATEGORY = {
    "Referensi Spasial": "location",
    "Batas Wilayah": "boundaries",
    "Transportasi": "transportation",
    "Hidrografi": "inlandWaters",
    "Hipsografi": "elevation",
    "Vegetasi": "biota",
    "Lingkungan Terbangun": "structure",
    "Utilitas": "utilitiesCommunication",
    "Geologi": "geoscientificInformation",
    "Tanah": "geoscientificInformation",
    "Toponimi": "location",
    "Kadaster": "planningCadastre",
    "Kebencanaan": "environment",
    "Dataset Khusus": "society",
}
FORMAT_VERSION = {"GPKG": ("GeoPackage", "1.2"), "ESRI Shapefile": ("ESRI Shapefile", "1998")}


def service_urls(public_url):
    base = public_url.rstrip("/")
    return {"ows": base + "/ows", "oapif": base + "/wfs3", "csw": base + "/csw"}


def online_resources(ds, public_url):
    """The (protocol, url, name, description, function) of a dataset's online resources."""
    urls = service_urls(public_url)
    name = ds["id"]
    return [
        ("OGC:WMS", urls["ows"], name, "Layanan peta WMS 1.3.0 / WMS map layer", "information"),
        ("OGC:WFS", urls["ows"], name, "Layanan fitur WFS 2.0.0 / WFS feature type", "download"),
        ("OGC:API-Features", "%s/collections/%s" % (urls["oapif"], name), name,
         "Koleksi OGC API Features / OGC API Features collection", "download"),
    ]


def _el(parent, tag, **attrib):
    prefix, local = tag.split(":")
    return etree.SubElement(parent, "{%s}%s" % (NSMAP[prefix], local), **attrib)


def _text(parent, tag, value, kind="gco:CharacterString"):
    """<tag><gco:CharacterString>value</gco:CharacterString></tag> (or another gco type)."""
    outer = _el(parent, tag)
    _el(outer, kind).text = str(value)
    return outer


def _code(parent, tag, codelist, value):
    """<tag><gmd:<codelist> codeList="…#<codelist>" codeListValue="value">value</…></tag>"""
    outer = _el(parent, tag)
    inner = _el(outer, "gmd:" + codelist, codeList="%s#%s" % (CODELISTS, codelist), codeListValue=value)
    inner.text = value
    return outer


def _party(parent, tag, organisation, role):
    """A CI_ResponsibleParty: the organisation, its country, its role."""
    outer = _el(parent, tag)
    rp = _el(outer, "gmd:CI_ResponsibleParty")
    _text(rp, "gmd:organisationName", organisation)
    addr = _el(_el(_el(rp, "gmd:contactInfo"), "gmd:CI_Contact"), "gmd:address")
    _text(_el(addr, "gmd:CI_Address"), "gmd:country", "Indonesia")
    _code(rp, "gmd:role", "CI_RoleCode", role)
    return outer


def _keywords(parent, words, kind, thesaurus=None, thesaurus_date=None):
    words = [w for w in words if w]
    if not words:
        return
    mk = _el(_el(parent, "gmd:descriptiveKeywords"), "gmd:MD_Keywords")
    for w in words:
        _text(mk, "gmd:keyword", w)
    _code(mk, "gmd:type", "MD_KeywordTypeCode", kind)
    if thesaurus:
        cit = _el(_el(mk, "gmd:thesaurusName"), "gmd:CI_Citation")
        _text(cit, "gmd:title", thesaurus)
        _date(cit, thesaurus_date or "2018-01-01", "publication")


def _date(citation, value, kind):
    cd = _el(_el(citation, "gmd:date"), "gmd:CI_Date")
    _text(cd, "gmd:date", value, "gco:Date")
    _code(cd, "gmd:dateType", "CI_DateTypeCode", kind)


def build_record(ds, public_url, region=None):
    """The ``gmd:MD_Metadata`` element of one dataset (a dict from the manifest)."""
    root = etree.Element("{%s}MD_Metadata" % GMD, nsmap=NSMAP)
    root.set("{%s}schemaLocation" % XSI, SCHEMA_LOCATION)
    _text(root, "gmd:fileIdentifier", ds["metadata_id"])
    lang = _el(root, "gmd:language")
    lc = _el(lang, "gmd:LanguageCode", codeList="http://www.loc.gov/standards/iso639-2/", codeListValue=LANGUAGE)
    lc.text = LANGUAGE
    _code(root, "gmd:characterSet", "MD_CharacterSetCode", "utf8")
    _code(root, "gmd:hierarchyLevel", "MD_ScopeCode", "dataset")
    _text(root, "gmd:hierarchyLevelName", "dataset")
    # The organisation named in the manifest, without invented e-mail or telephone details.
    _party(root, "gmd:contact", ds.get("organisation") or identity.CONTACT["organisation"], "pointOfContact")
    _text(root, "gmd:dateStamp", ds.get("date") or "2024-01-01", "gco:Date")
    _text(root, "gmd:metadataStandardName", METADATA_STANDARD)
    _text(root, "gmd:metadataStandardVersion", METADATA_STANDARD_VERSION)

    crs = ds.get("crs") or "EPSG:4326"
    space, _, code = crs.partition(":")
    rs = _el(_el(root, "gmd:referenceSystemInfo"), "gmd:MD_ReferenceSystem")
    rid = _el(_el(rs, "gmd:referenceSystemIdentifier"), "gmd:RS_Identifier")
    _text(rid, "gmd:code", code or crs)
    _text(rid, "gmd:codeSpace", space if code else "EPSG")

    ident = _el(_el(root, "gmd:identificationInfo"), "gmd:MD_DataIdentification")
    cit = _el(_el(ident, "gmd:citation"), "gmd:CI_Citation")
    _text(cit, "gmd:title", ds["title"])
    if ds.get("title_en"):
        _text(cit, "gmd:alternateTitle", ds["title_en"])
    _date(cit, ds.get("date") or "2024-01-01", "publication")
    mdid = _el(_el(cit, "gmd:identifier"), "gmd:MD_Identifier")
    _text(mdid, "gmd:code", ds["id"])
    _party(cit, "gmd:citedResponsibleParty", ds.get("organisation") or identity.CONTACT["organisation"], "owner")
    abstract = ds.get("abstract") or ds["title"]
    if ds.get("abstract_en"):
        abstract = "%s\n\n[English] %s" % (abstract, ds["abstract_en"])
    _text(ident, "gmd:abstract", abstract)
    _text(ident, "gmd:purpose", "Data sampel sintetis untuk pelatihan (bimtek) simpul jaringan; bukan data resmi. "
                                "Synthetic sample data for SDI node training; not official data.")
    _code(ident, "gmd:status", "MD_ProgressCode", "completed")
    _party(ident, "gmd:pointOfContact", ds.get("organisation") or identity.CONTACT["organisation"], "custodian")
    kugi = [ds.get("kugi_category")]
    _keywords(ident, kugi, "theme", "Katalog Unsur Geografi Indonesia (KUGI)")
    _keywords(ident, list(ds.get("keywords") or []) + [ds.get("layer"), ds.get("fcode")], "theme")
    if region:
        _keywords(ident, [region.get("name")], "place")
    sec = _el(_el(ident, "gmd:resourceConstraints"), "gmd:MD_SecurityConstraints")
    _code(sec, "gmd:classification", "MD_ClassificationCode", "unclassified")
    _code(ident, "gmd:spatialRepresentationType", "MD_SpatialRepresentationTypeCode", "vector")
    if ds.get("scale"):
        res = _el(_el(ident, "gmd:spatialResolution"), "gmd:MD_Resolution")
        frac = _el(_el(res, "gmd:equivalentScale"), "gmd:MD_RepresentativeFraction")
        _text(frac, "gmd:denominator", int(ds["scale"]), "gco:Integer")
    lang = _el(ident, "gmd:language")
    lc = _el(lang, "gmd:LanguageCode", codeList="http://www.loc.gov/standards/iso639-2/", codeListValue=LANGUAGE)
    lc.text = LANGUAGE
    _code(ident, "gmd:characterSet", "MD_CharacterSetCode", "utf8")
    topic = _el(ident, "gmd:topicCategory")
    _el(topic, "gmd:MD_TopicCategoryCode").text = TOPIC_CATEGORY.get(ds.get("kugi_category"), "location")
    bbox = ds.get("bbox_4326")
    if bbox and len(bbox) == 4:
        ext = _el(_el(ident, "gmd:extent"), "gmd:EX_Extent")
        if region and region.get("name"):
            _text(ext, "gmd:description", region["name"])
        gbb = _el(_el(ext, "gmd:geographicElement"), "gmd:EX_GeographicBoundingBox")
        for tag, value in zip(("westBoundLongitude", "eastBoundLongitude", "southBoundLatitude", "northBoundLatitude"),
                              (bbox[0], bbox[2], bbox[1], bbox[3])):
            _text(gbb, "gmd:" + tag, repr(float(value)), "gco:Decimal")

    dist = _el(_el(root, "gmd:distributionInfo"), "gmd:MD_Distribution")
    fname, fversion = FORMAT_VERSION.get(ds.get("format"), (ds.get("format") or "unknown", "unknown"))
    fmt = _el(_el(dist, "gmd:distributionFormat"), "gmd:MD_Format")
    _text(fmt, "gmd:name", fname)
    _text(fmt, "gmd:version", fversion)
    opts = _el(_el(dist, "gmd:transferOptions"), "gmd:MD_DigitalTransferOptions")
    for protocol, url, name, description, function in online_resources(ds, public_url):
        res = _el(_el(opts, "gmd:onLine"), "gmd:CI_OnlineResource")
        _el(_el(res, "gmd:linkage"), "gmd:URL").text = url
        _text(res, "gmd:protocol", protocol)
        _text(res, "gmd:name", name)
        _text(res, "gmd:description", description)
        _code(res, "gmd:function", "CI_OnLineFunctionCode", function)

    dq = _el(_el(root, "gmd:dataQualityInfo"), "gmd:DQ_DataQuality")
    scope = _el(_el(dq, "gmd:scope"), "gmd:DQ_Scope")
    _code(scope, "gmd:level", "MD_ScopeCode", "dataset")
    lin = _el(_el(dq, "gmd:lineage"), "gmd:LI_Lineage")
    _text(lin, "gmd:statement", "Dibangkitkan oleh demo/sample_data.py (Simpul) dalam %s; skala 1:%s."
          % (crs, ds.get("scale", "?")))
    return root


def record_bytes(ds, public_url, region=None):
    return etree.tostring(build_record(ds, public_url, region), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)


def write_records(manifest, public_url, out_dir):
    """Write one ``<metadata_id>.xml`` per published dataset into ``out_dir`` (emptied first).
    Returns the list of paths."""
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):
        if name.endswith(".xml"):
            os.remove(os.path.join(out_dir, name))
    regions = mf.regions(manifest)
    paths = []
    seen = set()
    for ds in mf.published(manifest):
        mid = ds["metadata_id"]
        if mid in seen:
            raise mf.ManifestError("metadata_id %s is used by more than one dataset" % mid)
        seen.add(mid)
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in mid)
        path = os.path.join(out_dir, "%03d_%s.xml" % (len(paths) + 1, safe))
        with open(path, "wb") as fh:
            fh.write(record_bytes(ds, public_url, regions.get(ds.get("region"))))
        paths.append(path)
    return paths
