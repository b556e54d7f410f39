"""The metadata record as Simpul holds it: shaped after the SNI 8843-1 profile
(``resources/standards/metadata_profile.json``), one field per profile element where the
element is single-valued (same id: ``title``, ``abstract``, ``bbox_west`` …), lists where ISO
19139 repeats (contacts, dates, keywords, online resources), plus what the layer tells us
(geometry type, feature count, attributes) and what other catalogues write (purpose, use
limitations, cited parties …) so a record read from elsewhere is written back without loss.

Every value is text exactly as it stands in the XML (stripped); numbers too, so that a record
read from another catalogue is written back with the same digits. The writer
(:mod:`.iso_writer`) and readers (:mod:`.iso_reader`, :mod:`.iso3_reader`) are the only places
that know the XML.
"""
from dataclasses import asdict, dataclass, field, fields


@dataclass
class Party:
    """A CI_ResponsibleParty."""
    organisation: str = ""
    individual: str = ""
    position: str = ""
    phone: str = ""
    fax: str = ""
    address: str = ""          # deliveryPoint
    city: str = ""
    region: str = ""           # administrativeArea (provinsi)
    postal_code: str = ""
    country: str = ""
    email: str = ""
    url: str = ""              # contactInfo/onlineResource/linkage
    role: str = ""             # CI_RoleCode

    def is_empty(self):
        return not any(getattr(self, f.name) for f in fields(self) if f.name != "role")


@dataclass
class CitationDate:
    date: str = ""             # YYYY-MM-DD or an ISO 8601 date-time
    type: str = ""             # CI_DateTypeCode


@dataclass
class Keywords:
    """One gmd:MD_Keywords block: words, their type, the thesaurus they come from."""
    words: list = field(default_factory=list)
    type: str = ""             # MD_KeywordTypeCode: theme, place, …
    thesaurus: str = ""
    thesaurus_date: str = ""
    thesaurus_date_type: str = ""
    thesaurus_href: str = ""   # xlink:href of a gmx:Anchor title (INSPIRE, GEMET)
    anchors: dict = field(default_factory=dict)   # word -> xlink:href, for gmx:Anchor keywords


@dataclass
class Link:
    """A CI_OnlineResource (``protocol`` e.g. OGC:WMS, OGC:WFS, WWW:LINK)."""
    url: str = ""
    protocol: str = ""
    name: str = ""
    description: str = ""
    function: str = ""         # CI_OnLineFunctionCode


@dataclass
class Attribute:
    """One attribute of the dataset (content information)."""
    name: str = ""
    type: str = ""
    length: str = ""


@dataclass
class Conformance:
    """A DQ_DomainConsistency conformance result (INSPIRE records carry them)."""
    specification: str = ""
    specification_href: str = ""
    date: str = ""
    date_type: str = ""
    explanation: str = ""
    passed: str = ""           # "true", "false" or "" (not evaluated)


@dataclass
class MetadataRecord:
    # -- about the record ------------------------------------------------------------
    file_identifier: str = ""
    parent_identifier: str = ""
    metadata_language: str = ""
    metadata_character_set: str = ""
    hierarchy_level: str = ""
    hierarchy_level_name: str = ""
    contacts: list = field(default_factory=list)          # [Party] gmd:contact
    date_stamp: str = ""
    metadata_standard_name: str = ""
    metadata_standard_version: str = ""
    dataset_uri: str = ""
    # -- spatial representation and reference system ---------------------------------
    topology_level: str = ""
    geometry_type: str = ""                               # MD_GeometricObjectTypeCode
    feature_count: str = ""
    reference_system: str = ""                            # RS_Identifier code, e.g. EPSG:9470
    reference_system_codespace: str = ""
    # -- identification ---------------------------------------------------------------
    title: str = ""
    alternate_title: str = ""
    dates: list = field(default_factory=list)             # [CitationDate]
    edition: str = ""
    identifier: str = ""                                  # citation identifier code
    identifier_codespace: str = ""
    cited_parties: list = field(default_factory=list)     # [Party]
    abstract: str = ""
    purpose: str = ""
    status: str = ""
    points_of_contact: list = field(default_factory=list)  # [Party]
    maintenance_frequency: str = ""
    graphic_overviews: list = field(default_factory=list)  # file names / URLs of preview images
    keywords: list = field(default_factory=list)          # [Keywords]
    use_limitations: list = field(default_factory=list)
    access_constraints: list = field(default_factory=list)  # MD_RestrictionCode values
    use_constraints: list = field(default_factory=list)
    other_constraints: list = field(default_factory=list)
    resource_classification: str = ""                     # resourceConstraints/MD_SecurityConstraints
    spatial_representation_type: str = ""
    resolution_scale: str = ""                            # denominator
    dataset_language: str = ""
    dataset_character_set: str = ""
    topic_categories: list = field(default_factory=list)
    extent_description: str = ""
    geographic_identifier: str = ""                       # EX_GeographicDescription code
    bbox_west: str = ""
    bbox_east: str = ""
    bbox_south: str = ""
    bbox_north: str = ""
    temporal_begin: str = ""
    temporal_end: str = ""
    supplemental_information: str = ""
    # -- content: the attribute table ---------------------------------------------------
    feature_types: list = field(default_factory=list)     # feature type names (KUGI type or layer)
    feature_catalogue: str = ""                           # title of the feature catalogue citation
    attributes: list = field(default_factory=list)        # [Attribute]
    # -- distribution -------------------------------------------------------------------
    distribution_format: str = ""
    distribution_format_version: str = ""
    online_resources: list = field(default_factory=list)  # [Link]
    # -- quality --------------------------------------------------------------------------
    lineage: str = ""
    conformance: list = field(default_factory=list)       # [Conformance]
    # -- metadata constraints (Palapa's access level) -----------------------------------
    classification: str = ""                              # MD_ClassificationCode (ISO spelling)
    classification_note: str = ""                         # Palapa access level, e.g. PUBLIC
    # -- how the record was read (never written) ----------------------------------------
    read_notes: list = field(default_factory=list)        # what could not be read, for people (translated)

    # -- conveniences ---------------------------------------------------------------------
    def bbox(self):
        """(west, south, east, north) as floats, or None when incomplete or not numbers."""
        try:
            w, s, e, n = (float(v) for v in (self.bbox_west, self.bbox_south, self.bbox_east, self.bbox_north))
        except (TypeError, ValueError):
            return None
        return w, s, e, n

    def set_bbox(self, west, south, east, north):
        self.bbox_west, self.bbox_south, self.bbox_east, self.bbox_north = (
            format_decimal(v) for v in (west, south, east, north))

    def reference_date(self):
        return self.dates[0] if self.dates else CitationDate()

    def all_keywords(self):
        return [w for group in self.keywords for w in group.words]

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        out = {k: v for k, v in data.items() if k in known}
        for key, kind in (("contacts", Party), ("cited_parties", Party), ("points_of_contact", Party),
                          ("dates", CitationDate), ("keywords", Keywords), ("online_resources", Link),
                          ("attributes", Attribute), ("conformance", Conformance)):
            names = {f.name for f in fields(kind)}
            out[key] = [item if isinstance(item, kind) else kind(**{k: v for k, v in item.items() if k in names})
                        for item in out.get(key) or []]
        return cls(**out)


def format_decimal(value, places=7):
    """A float as short decimal text (no exponent, no trailing zeros)."""
    text = ("%%.%df" % places) % float(value)
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text
