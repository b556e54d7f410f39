"""Check a metadata record: ISO 19139 XML Schema validity (rule ``meta.schema``) and
completeness for the SNI 8843-1 profile (rule ``meta.complete``: mandatory and conditional
elements, code-list values, a sane bounding box). Findings have the shared shape
:class:`sdi_plugin.core.findings.Finding`; messages are in the UI language.

The validator calls :func:`check_metadata_file` / :func:`check_metadata_bytes`;
``sdi:checkmetadata`` writes :func:`report` as JSON; the editor's completeness bar uses
:func:`completeness`.
"""
import copy
import os
import re
from dataclasses import dataclass, field

from ..findings import ERROR, INFO, WARNING, Finding
from ..i18n import tr, ui_language
from ..standards.pack import load_profile
from ..network.xmlsafe import XmlError, localname, parse_xml
from . import schema as xsd
from .iso_reader import find_record, is_iso3
from .iso_writer import to_element
from .isotype import foreign_namespaces, iso_view
from .namespaces import GMI, READ_NS

RULE_COMPLETE = "meta.complete"
RULE_SCHEMA = "meta.schema"
BBOX = ("bbox_west", "bbox_east", "bbox_south", "bbox_north")
NEEDS_LOCATION = ("dataset", "series", "")
WARN_IF_MISSING = ("metadata_language", "hierarchy_level")   # conditional in ISO, always written by Palapa
MAX_FILE_BYTES = 50 * 1024 * 1024


def label(element):
    return element.label_id if ui_language() == "id" else element.label_en


@dataclass
class Completeness:
    present: int = 0
    total: int = 0
    missing: list = field(default_factory=list)     # ProfileElement, mandatory or applicable conditional

    @property
    def percent(self):
        return int(round(100.0 * self.present / self.total)) if self.total else 100

    @property
    def complete(self):
        return not self.missing


def _standalone(md):
    """``md`` as the root of its own document (the profile's XPaths are absolute), profile elements
    with gco:isoType read as the ISO elements they stand for."""
    md = iso_view(md)
    return md if md.getparent() is None else copy.deepcopy(md)


def is_service(root):
    """Whether a record describes a service (its identification is srv:SV_ServiceIdentification)."""
    first = root.xpath("gmd:identificationInfo/*[1]", namespaces=READ_NS)
    return bool(first) and first[0].tag == "{http://www.isotc211.org/2005/srv}SV_ServiceIdentification"


def values(root, element, profile=None):
    """Texts of one profile element in a standalone MD_Metadata root."""
    profile = profile or load_profile()
    el_xp, val_xp = profile.xpath(element.id)
    out = []
    for node in el_xp(root):
        for v in val_xp(node):
            text = (v if isinstance(v, str) else (v.text or "")).strip()
            if text:
                out.append(text)
    return out


def _applicable(element, root, profile):
    """Whether a conditional element is required for this record."""
    if element.id in BBOX:
        level = (values(root, profile.element("hierarchy_level"), profile) or [""])[0]
        described = root.xpath("//gmd:EX_GeographicDescription//gmd:code/*[normalize-space()]",
                               namespaces=profile.namespaces)
        return level in NEEDS_LOCATION and not described
    return element.id in WARN_IF_MISSING


def completeness(root, profile=None):
    """Mandatory + applicable conditional elements present in an MD_Metadata element."""
    profile = profile or load_profile()
    root = _standalone(root)
    c = Completeness()
    for e in profile.elements_for(is_service(root)):
        if e.obligation == "optional" or (e.obligation == "conditional" and not _applicable(e, root, profile)):
            continue
        c.total += 1
        if values(root, e, profile):
            c.present += 1
        else:
            c.missing.append(e)
    return c


def record_completeness(record, profile=None):
    return completeness(to_element(record, profile), profile)


def _missing(e, severity):
    name = label(e)
    if severity == ERROR:
        message = tr("{label} is missing: the metadata profile requires it").format(label=name)
    elif severity == WARNING:
        message = tr("{label} is missing: the profile expects it (Palapa nodes always write it)").format(label=name)
    else:
        message = tr("{label} is not filled in (recommended)").format(label=name)
    fix = tr("Fill in {label} on the Simpul Metadata page (or in the record: {element}) and save again.").format(
        label=name, element=e.xpath.rsplit("/", 1)[-1])
    return Finding(RULE_COMPLETE, severity, message, fix, details={"element": e.id, "xpath": e.xpath,
                                                                    "obligation": e.obligation})


def profile_findings(root, profile=None):
    """Completeness and value findings (rule meta.complete) for a standalone MD_Metadata root."""
    profile = profile or load_profile()
    root = _standalone(root)
    out = []
    elements = profile.elements_for(is_service(root))
    box_missing = [e for e in elements if e.id in BBOX and not values(root, e, profile)]
    for e in elements:
        found = values(root, e, profile)
        if not found:
            if e.obligation == "mandatory":
                out.append(_missing(e, ERROR))
            elif e.obligation == "conditional" and _applicable(e, root, profile):
                if e.id in BBOX:
                    if e is box_missing[0] and len(box_missing) == len(BBOX):
                        f = _missing(e, ERROR)
                        f.message = tr("The geographic bounding box is missing: a dataset record needs its "
                                       "location (west, east, south, north in EPSG:4326)")
                        f.details["element"] = "bbox"
                        out.append(f)
                    elif len(box_missing) < len(BBOX):
                        out.append(_missing(e, ERROR))
                else:
                    out.append(_missing(e, WARNING))
            elif e.obligation == "optional" and e.palapa_emits:
                out.append(_missing(e, INFO))
            continue
        out += _value_findings(e, found, profile)
    out += _bbox_findings(root, profile)
    return out


def _value_findings(e, found, profile):
    out = []
    allowed = profile.codelist(e.codelist) if e.codelist and e.codelist != "ISO 639-2" else []
    for v in found:
        if allowed and v not in allowed:
            spelled = {s.lower(): iso for iso, s in profile.codelists.get(e.codelist, {}).get(
                "palapa_spelling", {}).items()}.get(v.lower())
            suggestion = spelled or next((a for a in allowed if a.lower() == v.lower()), "")
            out.append(Finding(RULE_COMPLETE, WARNING, tr("{label}: {value} is not in the code list {codelist}").format(
                label=label(e), value=v, codelist=e.codelist),
                tr("Use {value}.").format(value=suggestion) if suggestion else
                tr("Use one of: {values}.").format(values=", ".join(allowed)),
                details={"element": e.id, "value": v}))
        if e.codelist == "ISO 639-2" and not re.fullmatch(r"[a-z]{3}", v):
            out.append(Finding(RULE_COMPLETE, WARNING, tr("{label}: {value} is not a three-letter ISO 639-2 "
                                                          "language code").format(label=label(e), value=v),
                               tr("Use ind for Bahasa Indonesia or eng for English."),
                               details={"element": e.id, "value": v}))
    return out


def _bbox_findings(root, profile):
    texts = {k: (values(root, profile.element(k), profile) or [""])[0] for k in BBOX}
    if not all(texts.values()):
        return []
    try:
        w, e, s, n = (float(texts[k]) for k in BBOX)
    except ValueError:
        return [Finding(RULE_COMPLETE, ERROR, tr("The bounding box holds a value that is not a number"),
                        tr("Write the box in decimal degrees (EPSG:4326)."), details={"element": "bbox"})]
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90) or s > n or w > e:
        return [Finding(RULE_COMPLETE, ERROR, tr("The bounding box ({west}, {south}, {east}, {north}) is not a "
                                                 "box in longitude and latitude").format(
            west=w, south=s, east=e, north=n),
            tr("Write west <= east (-180..180) and south <= north (-90..90), in EPSG:4326; "
               "Generate from layer fills it in."), details={"element": "bbox"})]
    return []


def schema_findings(md):
    if md.tag == "{%s}MI_Metadata" % GMI:
        return [Finding(RULE_SCHEMA, INFO, tr("This is an ISO 19115-2 record (gmi:MI_Metadata): Simpul does not "
                                              "bundle the gmi XML Schema, so it was not validated against a schema; "
                                              "its ISO 19115 elements were checked against the profile."),
                        tr("Validate it with the producer's own tools if the schema matters to you."),
                        details={"skipped": True, "schema": "gmi"})]
    foreign = foreign_namespaces(md)
    if foreign:
        return [Finding(RULE_SCHEMA, INFO, tr("This record is written in a national profile ({namespaces}) whose XML "
                                              "Schema Simpul does not bundle: it was not validated against a schema; "
                                              "its ISO elements were checked against the profile.").format(
            namespaces=", ".join(foreign)),
            tr("Validate it with the producer's own tools if the schema matters to you."),
            details={"skipped": True, "namespaces": foreign})]
    release = xsd.release_of(md)
    try:
        errors = xsd.schema_errors(md, release=release)
    except xsd.SchemaUnavailable as exc:
        return [Finding(RULE_SCHEMA, WARNING, str(exc), tr("Run 'make setup' (or reinstall Simpul), then check again."),
                        details={"skipped": True})]
    label = xsd.release_label(release)
    out = [Finding(RULE_SCHEMA, ERROR, tr("The record does not follow the ISO 19139 schema, {release} (line {line}): "
                                          "{error}").format(release=label, line=line, error=message),
                   tr("Correct or remove the element named in the message; records saved by Simpul's "
                      "Metadata page always follow the schema."),
                   details={"line": line, "path": path, "schema_release": release}) for line, message, path in errors]
    if release != xsd.DEFAULT_RELEASE:
        out.append(Finding(RULE_SCHEMA, INFO, tr("Validated against the schema release the record is written for: "
                                                 "{release}.").format(release=label),
                           tr("Nothing to do; records saved by Simpul use ISO/TS 19139:2007."),
                           details={"schema_release": release}))
    return out


def check_root(root, schema=True, profile=None):
    """Findings for a parsed document (an MD_Metadata, or a CSW answer holding one)."""
    md = find_record(root)
    if md is None:
        if is_iso3(root):
            from .iso3_reader import read_iso3
            info = Finding(RULE_SCHEMA, INFO, tr("This is an ISO 19115-3 record: the schema check applies to ISO "
                                                 "19139; the profile was checked on its ISO 19139 conversion."),
                           tr("Save it from the Metadata page to get an ISO 19139 record."))
            return [info] + profile_findings(to_element(read_iso3(root), profile), profile)
        return [Finding(RULE_SCHEMA, ERROR, tr("The document is not an ISO 19139 metadata record (its root element "
                                               "is {name}, not gmd:MD_Metadata).").format(name=localname(root)),
                        tr("Choose an ISO 19139 XML file (gmd:MD_Metadata)."))]
    out = schema_findings(md) if schema else []
    return out + profile_findings(md, profile)


def check_metadata_bytes(data, schema=True):
    """Findings (``meta.schema``, ``meta.complete``) for a metadata document given as bytes."""
    try:
        root = parse_xml(data)
    except XmlError as exc:
        return [Finding(RULE_SCHEMA, ERROR, tr("The metadata cannot be read: {why}").format(why=exc),
                        tr("Save the record again as plain ISO 19139 XML (no DTD, no entities)."))]
    return check_root(root, schema)


def check_metadata_file(path, schema=True):
    """Findings for the metadata file at ``path`` (a missing or unreadable file is one finding)."""
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise OSError(tr("the file is larger than 50 MB"))
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return [Finding(RULE_COMPLETE, ERROR, tr("The metadata file {file} cannot be read: {error}").format(
            file=path, error=getattr(exc, "strerror", None) or exc),
            tr("Write the dataset's metadata with the Metadata page or sdi:generatemetadata."))]
    return check_metadata_bytes(data, schema)


def check_metadata_for_layer(layer, schema=True):
    """Findings for the record stored with a layer's data (GeoPackage tables first, then the sidecar
    XML, as :mod:`.storage` saves them); one ``meta.complete`` error when there is none."""
    from .storage import StorageError, dataset_of, read_gpkg_metadata, sidecar_path
    path, name, kind = dataset_of(layer)
    sidecar = sidecar_path(path, name) if kind else ""
    if kind == "gpkg":
        try:
            data = read_gpkg_metadata(path, name)
        except StorageError as exc:
            return [Finding(RULE_COMPLETE, ERROR, str(exc), tr("Check that the GeoPackage is not damaged."))]
        if data:
            return check_metadata_bytes(data, schema)
    candidates = [sidecar] + ([sidecar[:-len(".shp.xml")] + ".xml"] if sidecar.lower().endswith(".shp.xml") else [])
    for candidate in candidates:
        if candidate and os.path.isfile(candidate):
            return check_metadata_file(candidate, schema)
    where = sidecar or tr("(the layer is not stored in a file)")
    also = tr(" and in the GeoPackage's metadata tables") if kind == "gpkg" else ""
    message = tr("No ISO 19139 metadata found for {layer} (looked for {file}{gpkg}).").format(
        layer=layer.name(), file=where, gpkg=also)
    return [Finding(RULE_COMPLETE, ERROR, message,
        tr("Write the record on the Simpul Metadata page (Generate from layer, then Save) or with "
           "sdi:generatemetadata, and save it beside the data."), details={"element": "record", "looked_for": where})]


def check_record(record, schema=True, profile=None):
    """Findings for a record held in memory (written as ISO 19139 first)."""
    return check_root(to_element(record, profile), schema, profile)


def summary(findings):
    by_rule = {}
    for f in findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    return {"errors": sum(f.severity == ERROR for f in findings),
            "warnings": sum(f.severity == WARNING for f in findings),
            "infos": sum(f.severity == INFO for f in findings), "by_rule": by_rule}


def report(findings, file="", profile=None):
    """The JSON report (same shape as the validator's): file, standard, summary, findings."""
    profile = profile or load_profile()
    standard = {"name": profile.meta.get("name", ""), "version": profile.meta.get("version", "")}
    return {"file": file, "standard": standard,
            "summary": summary(findings), "findings": [f.to_dict() for f in findings]}


__all__ = ["check_metadata_file", "check_metadata_bytes", "check_metadata_for_layer", "check_record", "check_root",
           "completeness", "record_completeness", "report", "summary", "RULE_COMPLETE", "RULE_SCHEMA"]
