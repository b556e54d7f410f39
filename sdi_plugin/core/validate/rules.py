"""The validator's rules: each has a stable id (a contract used by reports, tests and the
sample data's planted defects), a default severity, a title and a general fix, all in the UI
language.  The checks themselves live in the modules named in ``Rule.module``; this module
only describes the rules and builds findings.
"""
from dataclasses import dataclass

from ..findings import ERROR, INFO, WARNING, Finding
from ..i18n import tr


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str       # default severity; a finding may be milder (see the rule's notes)
    group: str          # kugi, crs, geom, topo, text, extent, meta, dataset
    module: str         # where the check lives

    @property
    def title(self):
        return _texts()[self.id][0]

    @property
    def fix(self):
        return _texts()[self.id][1]

    def to_dict(self):
        return {"id": self.id, "severity": self.severity, "group": self.group, "title": self.title}


RULES = (
    Rule("kugi.layer_name", ERROR, "kugi", "dataset_rules"),
    Rule("kugi.geometry_type", ERROR, "kugi", "dataset_rules"),
    Rule("kugi.required_attribute", ERROR, "kugi", "attribute_rules"),
    Rule("kugi.attribute_type", WARNING, "kugi", "dataset_rules"),
    Rule("kugi.fcode", ERROR, "kugi", "attribute_rules"),
    Rule("kugi.domain", ERROR, "kugi", "attribute_rules"),
    Rule("kugi.srs_id", ERROR, "kugi", "attribute_rules"),
    Rule("kugi.metadata_ref", ERROR, "kugi", "attribute_rules"),
    Rule("crs.accepted", ERROR, "crs", "dataset_rules"),
    Rule("geom.valid", ERROR, "geom", "geometry_rules"),
    Rule("geom.empty", ERROR, "geom", "geometry_rules"),
    Rule("geom.duplicate", WARNING, "geom", "geometry_rules"),
    Rule("topo.overlap", ERROR, "topo", "topology"),
    Rule("topo.gap", WARNING, "topo", "topology"),
    Rule("topo.sliver", WARNING, "topo", "geometry_rules"),
    Rule("text.encoding", ERROR, "text", "encoding"),
    Rule("extent.indonesia", ERROR, "extent", "geometry_rules"),
    Rule("meta.complete", INFO, "meta", "metadata_seam"),
    Rule("dataset.readable", ERROR, "dataset", "sources"),
)
RULE_IDS = tuple(r.id for r in RULES)
BY_ID = {r.id: r for r in RULES}


def rule(rule_id):
    return BY_ID[rule_id]


_cache = {}


def _texts():
    """(title, general fix) of every rule, in the UI language (re-read when the language changes)."""
    key = tr("Layer name follows KUGI (THEME_GEOMETRY_SCALE)")
    if _cache.get("key") != key:
        _cache["texts"] = _all_texts()
        _cache["key"] = key
    return _cache["texts"]


def _all_texts():
    return {
        "kugi.layer_name": (
            tr("Layer name follows KUGI (THEME_GEOMETRY_SCALE)"),
            tr("Rename the layer (or the Shapefile) to the KUGI name of its feature type, e.g. JALAN_LN_25K.")),
        "kugi.geometry_type": (
            tr("Geometry type matches the KUGI feature type"),
            tr("Store the features in a layer of the geometry KUGI defines for the feature type "
               "(PT point, LN line, AR polygon), or use the FCODE of the right feature type.")),
        "kugi.required_attribute": (
            tr("Required KUGI attributes are present and filled"),
            tr("Add the missing column and fill it on every feature (FCODE with the KUGI feature code).")),
        "kugi.attribute_type": (
            tr("Attribute types and lengths follow KUGI"),
            tr("Change the field to the KUGI type and length (e.g. with Refactor fields).")),
        "kugi.fcode": (
            tr("FCODE is a valid KUGI feature code of this layer"),
            tr("Write the FCODE of the feature type: 2 capital letters and 8 digits, e.g. CA02070160.")),
        "kugi.domain": (
            tr("Coded values are in the KUGI domain"),
            tr("Replace the value with one of the codes the KUGI domain lists.")),
        "kugi.srs_id": (
            tr("SRS_ID names the reference system"),
            tr("Fill SRS_ID with the reference system of the data, 'SRGI 2013' for SRGI2013 "
               "(the Fix dataset tool does this).")),
        "kugi.metadata_ref": (
            tr("METADATA refers to the metadata record"),
            tr("Fill METADATA with the identifier of the dataset's metadata record.")),
        "crs.accepted": (
            tr("Reference system is SRGI2013"),
            tr("Transform the data to SRGI2013 (the Fix dataset tool uses EPSG:9472 for DGN95).")),
        "geom.valid": (
            tr("Geometries are valid (GEOS)"),
            tr("Repair the geometry (Fix geometries, or the Fix dataset tool) and check the result.")),
        "geom.empty": (
            tr("Every feature has a geometry"),
            tr("Draw the missing geometry or delete the record.")),
        "geom.duplicate": (
            tr("No feature is stored twice"),
            tr("Delete the duplicate feature, keeping the one with the right attributes.")),
        "topo.overlap": (
            tr("Polygons do not overlap"),
            tr("Edit the shared boundary so that each area belongs to one polygon only "
               "(snapping and topological editing help).")),
        "topo.gap": (
            tr("No gaps between the units of a coverage"),
            tr("Move the neighbouring boundaries onto each other so that the gap closes.")),
        "topo.sliver": (
            tr("No sliver polygons"),
            tr("Merge the sliver into the neighbour it was split from (Eliminate selected polygons).")),
        "text.encoding": (
            tr("Text is readable (encoding)"),
            tr("Save the data as UTF-8 (GeoPackage, or Shapefile with a .cpg file saying UTF-8); "
               "the Fix dataset tool re-encodes it.")),
        "extent.indonesia": (
            tr("Features lie within Indonesia"),
            tr("Check the reference system and the axis order (longitude is x, latitude is y).")),
        "meta.complete": (
            tr("ISO metadata is complete (SNI 8843-1)"),
            tr("Write the dataset's metadata in the Metadata tab and give its XML file to the validator.")),
        "dataset.readable": (
            tr("The dataset can be read"),
            tr("Open the file in QGIS to see what is wrong; export it again from its source.")),
    }


def finding(rule_id, message, fix=None, severity=None, feature_id=None, location="", **details):
    """A :class:`Finding` of ``rule_id`` with the rule's default severity and fix."""
    r = BY_ID[rule_id]
    return Finding(rule=rule_id, severity=severity or r.severity, message=message,
                   fix=r.fix if fix is None else fix, feature_id=feature_id,
                   location=location or "", details={k: v for k, v in details.items() if v is not None})


def worded(rule_id, wording, facts, severity=None, feature_id=None, location=""):
    """:func:`finding`'s kind for the findings a province's data may hold by the hundred thousand:
    the message and details made by ``wording`` (one per run, e.g.
    :func:`geometry_rules.overlap_wording`) from ``facts``
    when read (:meth:`Finding.worded`)."""
    r = BY_ID[rule_id]
    return Finding.worded(wording, facts, rule_id, severity or r.severity, r.fix, feature_id, location or "")
