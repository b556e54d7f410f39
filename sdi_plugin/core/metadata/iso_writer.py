"""Write a :class:`~.model.MetadataRecord` as ISO 19139 (``gmd:MD_Metadata``).

Built with lxml's ElementMaker, element by element in the order the ISO/TS 19139:2007 schema
requires; user text only ever becomes element text or attribute values (lxml escapes it), never
part of markup. Mandatory elements without a value are written with ``gco:nilReason`` so the
record stays schema-valid while the completeness check still reports them missing.
"""
import re

from lxml import etree
from lxml.builder import ElementMaker

from ..standards.pack import load_profile
from .namespaces import GCO, GMD, GML32, GMX, LANGUAGE_CODELIST, NSMAP, SCHEMA_LOCATION, XLINK, XSI

D = ElementMaker(namespace=GMD, nsmap=NSMAP)
C = ElementMaker(namespace=GCO, nsmap=NSMAP)
X = ElementMaker(namespace=GMX, nsmap=NSMAP)
G = ElementMaker(namespace=GML32, nsmap=NSMAP)
NIL = "{%s}nilReason" % GCO
HREF = "{%s}href" % XLINK
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(value):
    """Text safe for XML 1.0: stripped, without control characters."""
    return _BAD_XML_CHARS.sub("", str(value if value is not None else "")).strip()


def _el(maker, tag, *children, **attrib):
    return getattr(maker, tag)(*[c for c in children if c is not None], **attrib)


def _nil(tag, reason="missing"):
    return D(tag, **{NIL: reason})


def _cs(tag, value, href="", nil=None):
    """<gmd:tag><gco:CharacterString>value</…></gmd:tag> (gmx:Anchor when href); None if empty."""
    value = clean(value)
    if not value:
        return _nil(tag, nil) if nil else None
    inner = X.Anchor(value, **{HREF: href}) if href else C.CharacterString(value)
    return D(tag, inner)


def _typed(tag, gco_type, value, nil=None):
    value = clean(value)
    if not value:
        return _nil(tag, nil) if nil else None
    return D(tag, C(gco_type, value))


def _date(tag, value, nil=None):
    value = clean(value)
    return _typed(tag, "DateTime" if "T" in value else "Date", value, nil)


class Writer:
    def __init__(self, profile=None):
        self.profile = profile or load_profile()
        self.codelists = self.profile.settings.get("codelist_location", "")

    def code(self, tag, codelist, value, nil=None):
        value = clean(value)
        if not value:
            return _nil(tag, nil) if nil else None
        return D(tag, D(codelist, value, codeList="%s#%s" % (self.codelists, codelist), codeListValue=value))

    def language(self, tag, value, nil=None):
        value = clean(value)
        if not value:
            return _nil(tag, nil) if nil else None
        return D(tag, D.LanguageCode(value, codeList=LANGUAGE_CODELIST, codeListValue=value))

    def party(self, tag, p):
        phone = None
        if clean(p.phone) or clean(p.fax):
            phone = D.phone(_el(D, "CI_Telephone", _cs("voice", p.phone), _cs("facsimile", p.fax)))
        address = None
        if any(clean(v) for v in (p.address, p.city, p.region, p.postal_code, p.country, p.email)):
            address = D.address(_el(D, "CI_Address", _cs("deliveryPoint", p.address), _cs("city", p.city),
                                    _cs("administrativeArea", p.region), _cs("postalCode", p.postal_code),
                                    _cs("country", p.country), _cs("electronicMailAddress", p.email)))
        online = self.online("onlineResource", p.url) if clean(p.url) else None
        info = None
        if any(x is not None for x in (phone, address, online)):
            info = D.contactInfo(_el(D, "CI_Contact", phone, address, online))
        return D(tag, _el(D, "CI_ResponsibleParty", _cs("individualName", p.individual),
                          _cs("organisationName", p.organisation), _cs("positionName", p.position), info,
                          self.code("role", "CI_RoleCode", p.role, nil="missing")))

    def online(self, tag, url, protocol="", name="", description="", function=""):
        return D(tag, _el(D, "CI_OnlineResource", D.linkage(D.URL(clean(url))), _cs("protocol", protocol),
                          _cs("name", name), _cs("description", description),
                          self.code("function", "CI_OnLineFunctionCode", function)))

    def ci_date(self, date, kind):
        return D.date(D.CI_Date(_date("date", date, nil="unknown"),
                                self.code("dateType", "CI_DateTypeCode", kind, nil="unknown")))

    def keywords(self, k):
        words = [clean(w) for w in k.words if clean(w)]
        if not words:
            return None
        thesaurus = None
        if clean(k.thesaurus):
            thesaurus = D.thesaurusName(D.CI_Citation(_cs("title", k.thesaurus, k.thesaurus_href),
                                                      self.ci_date(k.thesaurus_date, k.thesaurus_date_type)))
        return D.descriptiveKeywords(_el(
            D, "MD_Keywords", *[_cs("keyword", w, k.anchors.get(w, "")) for w in words],
            self.code("type", "MD_KeywordTypeCode", k.type), thesaurus))

    def constraints(self, r):
        out = []
        limits = [clean(v) for v in r.use_limitations if clean(v)]
        if limits:
            out.append(D.resourceConstraints(D.MD_Constraints(*[_cs("useLimitation", v) for v in limits])))
        legal = ([self.code("accessConstraints", "MD_RestrictionCode", v) for v in r.access_constraints if clean(v)]
                 + [self.code("useConstraints", "MD_RestrictionCode", v) for v in r.use_constraints if clean(v)]
                 + [_cs("otherConstraints", v) for v in r.other_constraints if clean(v)])
        if legal:
            out.append(D.resourceConstraints(D.MD_LegalConstraints(*legal)))
        if clean(r.resource_classification):
            out.append(D.resourceConstraints(D.MD_SecurityConstraints(
                self.code("classification", "MD_ClassificationCode", r.resource_classification))))
        return out

    def extent(self, r):
        parts = [_cs("description", r.extent_description)]
        if any(clean(v) for v in (r.bbox_west, r.bbox_east, r.bbox_south, r.bbox_north)):
            parts.append(D.geographicElement(D.EX_GeographicBoundingBox(
                _typed("westBoundLongitude", "Decimal", r.bbox_west, "missing"),
                _typed("eastBoundLongitude", "Decimal", r.bbox_east, "missing"),
                _typed("southBoundLatitude", "Decimal", r.bbox_south, "missing"),
                _typed("northBoundLatitude", "Decimal", r.bbox_north, "missing"))))
        if clean(r.geographic_identifier):
            parts.append(D.geographicElement(D.EX_GeographicDescription(D.geographicIdentifier(
                D.MD_Identifier(_cs("code", r.geographic_identifier))))))
        if clean(r.temporal_begin) or clean(r.temporal_end):
            parts.append(D.temporalElement(D.EX_TemporalExtent(D.extent(G.TimePeriod(
                _position("beginPosition", r.temporal_begin), _position("endPosition", r.temporal_end),
                **{"{%s}id" % GML32: "temporal-extent-1"})))))
        parts = [p for p in parts if p is not None]
        return D.extent(D.EX_Extent(*parts)) if parts else None

    def identification(self, r):
        ident = [self.citation(r), _cs("abstract", r.abstract, nil="missing"), _cs("purpose", r.purpose),
                 self.code("status", "MD_ProgressCode", r.status)]
        ident += [self.party("pointOfContact", p) for p in r.points_of_contact]
        if clean(r.maintenance_frequency):
            ident.append(D.resourceMaintenance(D.MD_MaintenanceInformation(self.code(
                "maintenanceAndUpdateFrequency", "MD_MaintenanceFrequencyCode", r.maintenance_frequency))))
        ident += [D.graphicOverview(D.MD_BrowseGraphic(_cs("fileName", g))) for g in r.graphic_overviews if clean(g)]
        ident += [self.keywords(k) for k in r.keywords]
        ident += self.constraints(r)
        ident.append(self.code("spatialRepresentationType", "MD_SpatialRepresentationTypeCode",
                               r.spatial_representation_type))
        if clean(r.resolution_scale):
            ident.append(D.spatialResolution(D.MD_Resolution(D.equivalentScale(D.MD_RepresentativeFraction(
                _typed("denominator", "Integer", r.resolution_scale))))))
        ident.append(self.language("language", r.dataset_language, nil="missing"))
        ident.append(self.code("characterSet", "MD_CharacterSetCode", r.dataset_character_set))
        ident += [D.topicCategory(D.MD_TopicCategoryCode(clean(t))) for t in r.topic_categories if clean(t)]
        ident.append(self.extent(r))
        ident.append(_cs("supplementalInformation", r.supplemental_information))
        return D.identificationInfo(_el(D, "MD_DataIdentification", *ident))

    def citation(self, r):
        dates = [self.ci_date(d.date, d.type) for d in r.dates if clean(d.date) or clean(d.type)]
        ident = None
        if clean(r.identifier):
            if clean(r.identifier_codespace):
                ident = D.identifier(D.RS_Identifier(_cs("code", r.identifier),
                                                     _cs("codeSpace", r.identifier_codespace)))
            else:
                ident = D.identifier(D.MD_Identifier(_cs("code", r.identifier)))
        return D.citation(_el(D, "CI_Citation", _cs("title", r.title, nil="missing"),
                              _cs("alternateTitle", r.alternate_title),
                              *(dates or [_nil("date")]), _cs("edition", r.edition), ident,
                              *[self.party("citedResponsibleParty", p) for p in r.cited_parties]))

    def content(self, r):
        names = [clean(n) for n in r.feature_types if clean(n)]
        if not (names or r.attributes or clean(r.feature_catalogue)):
            return None
        lines = "\n".join(attribute_line(a) for a in r.attributes if clean(a.name))
        return D.contentInfo(D.MD_FeatureCatalogueDescription(
            D.includedWithDataset(C.Boolean("true")),
            *[D.featureTypes(C.LocalName(n)) for n in names],
            D.featureCatalogueCitation(_el(D, "CI_Citation", _cs("title", r.feature_catalogue, nil="missing"),
                                           _nil("date", "unknown"), _cs("otherCitationDetails", lines)))))

    def spatial_representation(self, r):
        if not (clean(r.topology_level) or clean(r.geometry_type) or clean(r.feature_count)):
            return None
        objects = None
        if clean(r.geometry_type) or clean(r.feature_count):
            objects = D.geometricObjects(_el(D, "MD_GeometricObjects", self.code(
                "geometricObjectType", "MD_GeometricObjectTypeCode", r.geometry_type, nil="unknown"),
                _typed("geometricObjectCount", "Integer", r.feature_count)))
        return D.spatialRepresentationInfo(_el(D, "MD_VectorSpatialRepresentation", self.code(
            "topologyLevel", "MD_TopologyLevelCode", r.topology_level), objects))

    def distribution(self, r):
        parts = []
        if clean(r.distribution_format) or clean(r.distribution_format_version):
            parts.append(D.distributionFormat(D.MD_Format(
                _cs("name", r.distribution_format, nil="missing"),
                _cs("version", r.distribution_format_version, nil="unknown"))))
        links = [self.online("onLine", l.url, l.protocol, l.name, l.description, l.function)
                 for l in r.online_resources if clean(l.url)]
        if links:
            parts.append(D.transferOptions(D.MD_DigitalTransferOptions(*links)))
        return D.distributionInfo(D.MD_Distribution(*parts)) if parts else None

    def record(self, r):
        root = _el(
            D, "MD_Metadata",
            _cs("fileIdentifier", r.file_identifier),
            self.language("language", r.metadata_language),
            self.code("characterSet", "MD_CharacterSetCode", r.metadata_character_set),
            _cs("parentIdentifier", r.parent_identifier),
            self.code("hierarchyLevel", "MD_ScopeCode", r.hierarchy_level),
            _cs("hierarchyLevelName", r.hierarchy_level_name),
            *([self.party("contact", p) for p in r.contacts] or [_nil("contact")]),
            _date("dateStamp", r.date_stamp, nil="missing"),
            _cs("metadataStandardName", r.metadata_standard_name),
            _cs("metadataStandardVersion", r.metadata_standard_version),
            _cs("dataSetURI", r.dataset_uri),
            self.spatial_representation(r),
            self.reference_system(r),
            self.identification(r),
            self.content(r),
            self.distribution(r),
            self.quality(r),
            self.metadata_constraints(r),
            **{"{%s}schemaLocation" % XSI: SCHEMA_LOCATION})
        etree.cleanup_namespaces(root, top_nsmap=NSMAP)
        return root

    def reference_system(self, r):
        if not clean(r.reference_system):
            return None
        return D.referenceSystemInfo(D.MD_ReferenceSystem(D.referenceSystemIdentifier(_el(
            D, "RS_Identifier", _cs("code", r.reference_system), _cs("codeSpace", r.reference_system_codespace)))))

    def quality(self, r):
        reports = [D.report(D.DQ_DomainConsistency(D.result(D.DQ_ConformanceResult(
            D.specification(D.CI_Citation(_cs("title", c.specification, c.specification_href, nil="missing"),
                                          self.ci_date(c.date, c.date_type))),
            _cs("explanation", c.explanation, nil="missing"),
            _typed("pass", "Boolean", c.passed, nil="unknown")))))
            for c in r.conformance if clean(c.specification) or clean(c.explanation)]
        if not (clean(r.lineage) or reports):
            return None
        lineage = D.lineage(D.LI_Lineage(_cs("statement", r.lineage))) if clean(r.lineage) else None
        return D.dataQualityInfo(_el(D, "DQ_DataQuality", D.scope(D.DQ_Scope(self.code(
            "level", "MD_ScopeCode", r.hierarchy_level or "dataset"))), *reports, lineage))

    def metadata_constraints(self, r):
        if not (clean(r.classification) or clean(r.classification_note)):
            return None
        return D.metadataConstraints(_el(D, "MD_SecurityConstraints", self.code(
            "classification", "MD_ClassificationCode", r.classification, nil="unknown"),
            _cs("userNote", r.classification_note)))


def _position(tag, value):
    value = clean(value)
    if not value or value in ("now", "unknown"):
        return G(tag, indeterminatePosition=value or "unknown")
    return G(tag, value)


def attribute_line(a):
    """'NAME (Type, 50)' — one attribute per line in the feature catalogue citation."""
    details = ", ".join(v for v in (clean(a.type), clean(a.length)) if v)
    return "%s (%s)" % (clean(a.name), details) if details else clean(a.name)


def to_element(record, profile=None):
    """The ``gmd:MD_Metadata`` element of ``record``."""
    return Writer(profile).record(record)


def to_bytes(record, profile=None, pretty=True):
    """The record as a UTF-8 ISO 19139 document (with XML declaration)."""
    return etree.tostring(to_element(record, profile), xml_declaration=True, encoding="UTF-8",
                          pretty_print=pretty)
