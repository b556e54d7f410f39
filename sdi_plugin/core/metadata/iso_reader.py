"""Read ISO 19139 (``gmd:MD_Metadata``, also ``gmi:MI_Metadata``) into a
:class:`~.model.MetadataRecord`.

OWSLib's ``owslib.iso.MD_Metadata`` (shipped with QGIS) reads the bulk: identifiers, contacts,
dates, citation, abstract, constraints, languages, topic categories, extent, distribution,
lineage. Our own XPath reads what OWSLib leaves out or flattens: the dataset character set,
maintenance frequency, keyword blocks with their thesaurus and gmx:Anchor links, the vector
spatial representation, the feature catalogue description, extent description, cited parties,
Palapa's metadata classification, and ``gco:nilReason`` elements (read as empty). OWSLib is fed
the element that :func:`sdi_plugin.core.network.xmlsafe.parse_xml` already parsed safely.

OWSLib 0.27 (Debian 12) has ``record.identification`` as one object; newer releases make it a
list: :func:`_first` takes either.
"""
import warnings

from lxml import etree

from ..errors import SimpulError
from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml
from .isotype import ROOT_TAGS, find_iso_root, iso_view  # noqa: F401  (ROOT_TAGS: kept for callers)
from .model import Attribute, CitationDate, Conformance, Keywords, Link, MetadataRecord, Party
from .namespaces import ISO3_ROOTS, READ_NS, XLINK


class MetadataError(SimpulError, ValueError):
    """Not a metadata record Simpul can read (message for people)."""


def _first(value):
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def _t(value):
    return (value or "").strip() if isinstance(value, str) else ("" if value is None else str(value).strip())


def _x(node, path):
    """Stripped text of the first match of ``path`` (element text or attribute), or ''."""
    if node is None:
        return ""
    for hit in node.xpath(path, namespaces=READ_NS):
        text = hit if isinstance(hit, str) else (hit.text or "")
        if text.strip():
            return text.strip()
    return ""


def _xs(node, path):
    out = []
    for hit in node.xpath(path, namespaces=READ_NS) if node is not None else []:
        text = (hit if isinstance(hit, str) else (hit.text or "")).strip()
        if text:
            out.append(text)
    return out


def _code(node, path):
    """A code list value: the codeListValue attribute, else the element's text."""
    return _x(node, path + "/*/@codeListValue") or _x(node, path + "/*")


def _codes(node, path):
    return [v for v in (_code(el, ".") for el in node.xpath(path, namespaces=READ_NS)) if v]


def _text_or_anchor(prefix):
    """CharacterString, Anchor, or (when only the translations are filled in) the first PT_FreeText text."""
    return "%s/gco:CharacterString | %s/gmx:Anchor | %s/gmd:PT_FreeText/gmd:textGroup/gmd:LocalisedCharacterString" % (
        prefix, prefix, prefix)


def find_record(root):
    """The ISO 19139 record in ``root`` (itself, or the first one inside a CSW answer):
    gmd:MD_Metadata, gmi:MI_Metadata, or a national profile's root whose gco:isoType names one."""
    return find_iso_root(root)


def is_iso3(root):
    if etree.QName(root).namespace in ISO3_ROOTS:
        return True
    return any(next(root.iter("{%s}MD_Metadata" % ns), None) is not None for ns in ISO3_ROOTS)


def read_bytes(data, strict=False):
    """A MetadataRecord from ISO 19139 or ISO 19115-3 bytes; :class:`MetadataError` otherwise.

    ``strict``: also refuse an ISO 19139 record that does not follow the XML Schema."""
    try:
        root = parse_xml(data)
    except XmlError as exc:
        raise MetadataError(tr("The metadata file cannot be read: {why}").format(why=exc)) from None
    if strict and find_record(root) is not None:
        from .schema import schema_errors
        errors = schema_errors(find_record(root))
        if errors:
            line, message, _ = errors[0]
            raise MetadataError(tr("The record does not follow the ISO 19139 schema (line {line}): "
                                   "{error}").format(line=line, error=message))
    return read_element(root)


def read_file(path, strict=False):
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise MetadataError(tr("The metadata file {file} cannot be opened: {error}").format(
            file=path, error=exc.strerror or exc)) from None
    return read_bytes(data, strict)


def read_element(root):
    md = find_record(root)
    if md is None:
        if is_iso3(root):
            from .iso3_reader import read_iso3
            return read_iso3(root)
        raise MetadataError(tr("The document is not an ISO 19139 metadata record (its root element is "
                               "{name}, not gmd:MD_Metadata).").format(name=localname(root)))
    try:
        return Reader(md).record()
    except Exception as exc:  # noqa: BLE001 - no library or reader error reaches the user as a traceback
        raise MetadataError(tr("The record could not be read ({error}).").format(
            error="%s: %s" % (type(exc).__name__, exc))) from None


class _Empty:
    """Stands in for OWSLib's parsed record when OWSLib could not read it: every attribute is None."""

    def __getattr__(self, name):
        return None


class Reader:
    """Reads one record. OWSLib is tried first; when it raises (e.g. OWSLib 0.27 on a
    gmd:PT_Locale without characterEncoding), everything is read with our own XPaths and
    ``record().read_notes`` says what OWSLib could not read."""

    def __init__(self, md):
        md = iso_view(md)
        self.md = md
        self.notes = []
        try:
            from owslib.iso import MD_Metadata
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.o = MD_Metadata(md)
        except Exception as exc:  # noqa: BLE001 - a library's failure must never reach the user
            self.o = _Empty()
            self.notes.append(tr("OWSLib could not read this record ({error}); it was read with Simpul's own "
                                 "reader instead.").format(error="%s: %s" % (type(exc).__name__, exc)))
        self.ident_el = next(iter(md.xpath("gmd:identificationInfo/*[1]", namespaces=READ_NS)), None)

    def party(self, el):
        ad = "gmd:contactInfo/gmd:CI_Contact/gmd:address/gmd:CI_Address/"
        return Party(
            organisation=_x(el, _text_or_anchor("gmd:organisationName")),
            individual=_x(el, _text_or_anchor("gmd:individualName")),
            position=_x(el, _text_or_anchor("gmd:positionName")),
            phone=_x(el, "gmd:contactInfo/gmd:CI_Contact/gmd:phone/gmd:CI_Telephone/gmd:voice/gco:CharacterString"),
            fax=_x(el, "gmd:contactInfo/gmd:CI_Contact/gmd:phone/gmd:CI_Telephone/gmd:facsimile/gco:CharacterString"),
            address=_x(el, ad + "gmd:deliveryPoint/gco:CharacterString"),
            city=_x(el, ad + "gmd:city/gco:CharacterString"),
            region=_x(el, ad + "gmd:administrativeArea/gco:CharacterString"),
            postal_code=_x(el, ad + "gmd:postalCode/gco:CharacterString"),
            country=_x(el, ad + "gmd:country/gco:CharacterString"),
            email=_x(el, ad + "gmd:electronicMailAddress/gco:CharacterString"),
            url=_x(el, "gmd:contactInfo/gmd:CI_Contact/gmd:onlineResource/gmd:CI_OnlineResource/gmd:linkage/gmd:URL"),
            role=_code(el, "gmd:role"))

    def parties(self, path, base=None):
        return [self.party(el) for el in (base if base is not None else self.md).xpath(path, namespaces=READ_NS)]

    def keywords(self):
        out = []
        for mk in self.ident_el.xpath("gmd:descriptiveKeywords/gmd:MD_Keywords", namespaces=READ_NS):
            k = Keywords(type=_code(mk, "gmd:type"))
            for kw in mk.xpath("gmd:keyword/gco:CharacterString | gmd:keyword/gmx:Anchor", namespaces=READ_NS):
                word = (kw.text or "").strip()
                if not word:
                    continue
                k.words.append(word)
                if kw.get("{%s}href" % XLINK):
                    k.anchors[word] = kw.get("{%s}href" % XLINK)
            cit = next(iter(mk.xpath("gmd:thesaurusName/gmd:CI_Citation", namespaces=READ_NS)), None)
            if cit is not None:
                k.thesaurus = _x(cit, _text_or_anchor("gmd:title"))
                k.thesaurus_href = _x(cit, "gmd:title/gmx:Anchor/@xlink:href")
                k.thesaurus_date = _x(cit, "gmd:date/gmd:CI_Date/gmd:date/*")
                k.thesaurus_date_type = _code(cit, "gmd:date/gmd:CI_Date/gmd:dateType")
            if k.words:
                out.append(k)
        return out

    def record(self):
        o, md, ident = self.o, self.md, self.ident_el
        oi = _first(getattr(o, "identification", None))
        r = MetadataRecord()
        r.file_identifier = _t(o.identifier) or _x(md, _text_or_anchor("gmd:fileIdentifier"))
        r.parent_identifier = _t(o.parentidentifier) or _x(md, _text_or_anchor("gmd:parentIdentifier"))
        r.metadata_language = _t(o.languagecode) or _t(o.language) or _x(
            md, "gmd:language/gmd:LanguageCode/@codeListValue | gmd:language/gmd:LanguageCode | "
                "gmd:language/gco:CharacterString")
        r.metadata_character_set = _t(o.charset) or _code(md, "gmd:characterSet")
        r.hierarchy_level = _t(o.hierarchy) or _code(md, "gmd:hierarchyLevel")
        r.hierarchy_level_name = _x(md, _text_or_anchor("gmd:hierarchyLevelName"))
        r.contacts = self.parties("gmd:contact/gmd:CI_ResponsibleParty")
        r.date_stamp = _t(o.datestamp) or _x(md, "gmd:dateStamp/*")
        r.metadata_standard_name = _t(o.stdname) or _x(md, _text_or_anchor("gmd:metadataStandardName"))
        r.metadata_standard_version = _t(o.stdver) or _x(md, _text_or_anchor("gmd:metadataStandardVersion"))
        r.dataset_uri = _t(o.dataseturi) or _x(md, _text_or_anchor("gmd:dataSetURI"))
        vsr = "gmd:spatialRepresentationInfo/gmd:MD_VectorSpatialRepresentation"
        r.topology_level = _code(md, vsr + "/gmd:topologyLevel")
        r.geometry_type = _code(md, vsr + "/gmd:geometricObjects/gmd:MD_GeometricObjects/gmd:geometricObjectType")
        r.feature_count = _x(md, vsr + "/gmd:geometricObjects/gmd:MD_GeometricObjects/"
                                       "gmd:geometricObjectCount/gco:Integer")
        if o.referencesystem is not None:
            r.reference_system = _t(o.referencesystem.code)
            r.reference_system_codespace = _t(o.referencesystem.codeSpace)
        rs = "gmd:referenceSystemInfo/gmd:MD_ReferenceSystem/gmd:referenceSystemIdentifier/gmd:RS_Identifier/"
        r.reference_system = r.reference_system or _x(md, _text_or_anchor(rs + "gmd:code"))
        r.reference_system_codespace = r.reference_system_codespace or _x(md, _text_or_anchor(rs + "gmd:codeSpace"))
        if ident is not None:
            self.identification(r, ident, oi)
        self.content(r)
        dist = o.distribution
        if dist is not None:
            r.distribution_format = _t(dist.format)
            r.distribution_format_version = _t(dist.version)
            r.online_resources = [Link(_t(ol.url), _t(ol.protocol), _t(ol.name), _t(ol.description), _t(ol.function))
                                  for ol in dist.online if _t(ol.url)]
            for el in md.xpath("gmd:distributionInfo/gmd:MD_Distribution/gmd:distributor/gmd:MD_Distributor/"
                               "gmd:distributorTransferOptions/gmd:MD_DigitalTransferOptions/gmd:onLine/"
                               "gmd:CI_OnlineResource", namespaces=READ_NS):
                link = self.link(el)
                if link.url and link not in r.online_resources:
                    r.online_resources.append(link)
        else:
            fmt = "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributionFormat/gmd:MD_Format/"
            r.distribution_format = _x(md, _text_or_anchor(fmt + "gmd:name"))
            r.distribution_format_version = _x(md, _text_or_anchor(fmt + "gmd:version"))
            for el in md.xpath("gmd:distributionInfo/gmd:MD_Distribution//gmd:onLine/gmd:CI_OnlineResource",
                               namespaces=READ_NS):
                link = self.link(el)
                if link.url and link not in r.online_resources:
                    r.online_resources.append(link)
        if o.dataquality is not None:
            r.lineage = _t(o.dataquality.lineage)
        r.lineage = r.lineage or _x(md, _text_or_anchor(
            "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:lineage/gmd:LI_Lineage/gmd:statement"))
        for res in md.xpath("gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:report/gmd:DQ_DomainConsistency/"
                            "gmd:result/gmd:DQ_ConformanceResult", namespaces=READ_NS):
            spec = "gmd:specification/gmd:CI_Citation"
            r.conformance.append(Conformance(
                _x(res, _text_or_anchor(spec + "/gmd:title")), _x(res, spec + "/gmd:title/gmx:Anchor/@xlink:href"),
                _x(res, spec + "/gmd:date/gmd:CI_Date/gmd:date/*"),
                _code(res, spec + "/gmd:date/gmd:CI_Date/gmd:dateType"),
                _x(res, _text_or_anchor("gmd:explanation")), _x(res, "gmd:pass/gco:Boolean")))
        sec = "gmd:metadataConstraints/gmd:MD_SecurityConstraints"
        raw = _code(md, sec + "/gmd:classification")
        r.classification = self.iso_classification(raw)
        r.classification_note = _x(md, _text_or_anchor(sec + "/gmd:userNote"))
        r.read_notes = list(self.notes)
        return r

    @staticmethod
    def link(el):
        return Link(_x(el, "gmd:linkage/gmd:URL"), _x(el, _text_or_anchor("gmd:protocol")),
                    _x(el, _text_or_anchor("gmd:name")), _x(el, _text_or_anchor("gmd:description")),
                    _code(el, "gmd:function"))

    @staticmethod
    def iso_classification(value):
        """Palapa's spellings ('confendential', 'topsecret') read as the ISO code list value."""
        if not value:
            return ""
        from ..standards.pack import load_profile
        cl = load_profile().codelists.get("MD_ClassificationCode", {})
        iso = {v.lower(): k for k, v in cl.get("palapa_spelling", {}).items()}.get(value.lower())
        return iso or next((v for v in cl.get("values", []) if v.lower() == value.lower()), value)

    def identification(self, r, ident, oi):
        cit = next(iter(ident.xpath("gmd:citation/gmd:CI_Citation", namespaces=READ_NS)), None)
        r.title = _x(cit, _text_or_anchor("gmd:title"))
        r.alternate_title = _x(cit, _text_or_anchor("gmd:alternateTitle"))
        r.dates = [CitationDate(_x(d, "gmd:date/*"), _code(d, "gmd:dateType"))
                   for d in (cit.xpath("gmd:date/gmd:CI_Date", namespaces=READ_NS) if cit is not None else [])]
        r.edition = _x(cit, "gmd:edition/gco:CharacterString")
        r.identifier = _x(cit, _text_or_anchor("gmd:identifier/*/gmd:code"))
        r.identifier_codespace = _x(cit, "gmd:identifier/gmd:RS_Identifier/gmd:codeSpace/gco:CharacterString")
        r.cited_parties = (self.parties("gmd:citedResponsibleParty/gmd:CI_ResponsibleParty", cit)
                           if cit is not None else [])
        r.abstract = _t(getattr(oi, "abstract", None)) or _x(ident, _text_or_anchor("gmd:abstract"))
        r.purpose = _t(getattr(oi, "purpose", None)) or _x(ident, _text_or_anchor("gmd:purpose"))
        r.status = _code(ident, "gmd:status")
        r.points_of_contact = self.parties("gmd:pointOfContact/gmd:CI_ResponsibleParty", ident)
        r.graphic_overviews = _xs(ident, "gmd:graphicOverview/gmd:MD_BrowseGraphic/gmd:fileName/gco:CharacterString")
        r.maintenance_frequency = _code(ident, "gmd:resourceMaintenance/gmd:MD_MaintenanceInformation/"
                                               "gmd:maintenanceAndUpdateFrequency")
        r.keywords = self.keywords()
        rc = "gmd:resourceConstraints/*"
        r.use_limitations = _xs(ident, _text_or_anchor(rc + "/gmd:useLimitation"))
        r.access_constraints = _codes(ident, rc + "/gmd:accessConstraints")
        r.use_constraints = _codes(ident, rc + "/gmd:useConstraints")
        r.other_constraints = _xs(ident, _text_or_anchor(rc + "/gmd:otherConstraints"))
        r.resource_classification = self.iso_classification(
            _code(ident, "gmd:resourceConstraints/gmd:MD_SecurityConstraints/gmd:classification"))
        r.spatial_representation_type = _code(ident, "gmd:spatialRepresentationType")
        r.resolution_scale = _x(ident, "gmd:spatialResolution/gmd:MD_Resolution/gmd:equivalentScale/"
                                       "gmd:MD_RepresentativeFraction/gmd:denominator/gco:Integer")
        r.dataset_language = _x(ident, "gmd:language/gmd:LanguageCode/@codeListValue | "
                                       "gmd:language/gco:CharacterString")
        r.dataset_character_set = _code(ident, "gmd:characterSet")
        r.topic_categories = list(getattr(oi, "topiccategory", None) or []) or \
            _xs(ident, "gmd:topicCategory/gmd:MD_TopicCategoryCode")
        ext = "gmd:extent/gmd:EX_Extent"
        r.extent_description = _x(ident, ext + "/gmd:description/gco:CharacterString")
        r.geographic_identifier = _x(ident, ext + "/gmd:geographicElement/gmd:EX_GeographicDescription/"
                                                  "gmd:geographicIdentifier/*/gmd:code/gco:CharacterString")
        box = getattr(getattr(oi, "extent", None), "boundingBox", None)
        if box is not None:
            r.bbox_west, r.bbox_east = _t(box.minx), _t(box.maxx)
            r.bbox_south, r.bbox_north = _t(box.miny), _t(box.maxy)
        if not all((r.bbox_west, r.bbox_east, r.bbox_south, r.bbox_north)):
            gbb = ("*[self::gmd:extent or self::srv:extent]/gmd:EX_Extent/gmd:geographicElement/"
                   "gmd:EX_GeographicBoundingBox/")
            r.bbox_west, r.bbox_east, r.bbox_south, r.bbox_north = (
                _x(ident, gbb + "gmd:%s/gco:Decimal" % side) for side in (
                    "westBoundLongitude", "eastBoundLongitude", "southBoundLatitude", "northBoundLatitude"))
        r.temporal_begin = _t(getattr(oi, "temporalextent_start", None))
        r.temporal_end = _t(getattr(oi, "temporalextent_end", None))
        period = ext + "/gmd:temporalElement/gmd:EX_TemporalExtent/gmd:extent/*/"
        r.temporal_begin = r.temporal_begin or _x(ident, period + "gml:beginPosition | "
                                                  + period + "gml32:beginPosition")
        r.temporal_end = r.temporal_end or _x(ident, period + "gml:endPosition | " + period + "gml32:endPosition")
        tp = ext + "/gmd:temporalElement/gmd:EX_TemporalExtent/gmd:extent/*"
        for key, tag in (("temporal_begin", "beginPosition"), ("temporal_end", "endPosition")):
            if not getattr(r, key):
                pos = _x(ident, tp + "/*[local-name()='%s']/@indeterminatePosition" % tag)
                setattr(r, key, "now" if pos == "now" else "")
        r.supplemental_information = _t(getattr(oi, "supplementalinformation", None)) or _x(
            ident, _text_or_anchor("gmd:supplementalInformation"))

    def content(self, r):
        fcd = next(iter(self.md.xpath("gmd:contentInfo/gmd:MD_FeatureCatalogueDescription", namespaces=READ_NS)), None)
        if fcd is None:
            return
        r.feature_types = _xs(fcd, "gmd:featureTypes/*")
        cit = next(iter(fcd.xpath("gmd:featureCatalogueCitation/gmd:CI_Citation", namespaces=READ_NS)), None)
        r.feature_catalogue = _x(cit, _text_or_anchor("gmd:title"))
        details = _x(cit, "gmd:otherCitationDetails/gco:CharacterString")
        r.attributes = [parse_attribute_line(line) for line in details.splitlines() if line.strip()]


def parse_attribute_line(line):
    """'NAME (Type, 50)' -> Attribute (the inverse of iso_writer.attribute_line)."""
    line = line.strip()
    if line.endswith(")") and " (" in line:
        name, _, rest = line[:-1].rpartition(" (")
        kind, _, length = rest.partition(",")
        return Attribute(name.strip(), kind.strip(), length.strip())
    return Attribute(line, "", "")
