"""Generate a metadata record for a vector layer: what the layer itself says (extent in
EPSG:4326, reference system, geometry type, feature count, attributes, KUGI feature type and
FCODE, the METADATA attribute as record id), the node's defaults (organisation, contact, node
code, access level, templates) and the profile's fixed choices (language ``ind``, utf8,
hierarchy level dataset, metadata standard name and version), then the user's own values.
"""
import collections
import datetime
import math
import os
import sqlite3
import uuid

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeatureRequest, QgsProject,
                       QgsProviderRegistry, QgsWkbTypes)

from ...compat import FeatureRequestFlag, GeometryType
from ..log import swallowed
from ..standards.pack import STANDARDS_DIR, load_kugi, load_profile, load_standard
from .defaults import fill, load_defaults
from .model import Attribute, CitationDate, Keywords, Link, MetadataRecord, Party

KUGI_METADATA_FILE = os.path.join(STANDARDS_DIR, "kugi_metadata.json")
SCAN_LIMIT = 5000            # features read to find the layer's FCODE and METADATA values
GEOMETRY = {GeometryType.Point: "point", GeometryType.Line: "curve",
            GeometryType.Polygon: "surface"}
# Fields that come from the layer itself: "Generate from layer" refreshes them even in an edited record.
LAYER_FIELDS = ("geometry_type", "feature_count", "topology_level", "reference_system", "reference_system_codespace",
                "bbox_west", "bbox_east", "bbox_south", "bbox_north", "attributes", "feature_types",
                "distribution_format", "spatial_representation_type")


def load_kugi_metadata(path=None):
    """Topic category per KUGI category letter and the KUGI thesaurus citation (a standards file)."""
    def build(data):
        from ..standards.kugi import need
        need(data, "thesaurus", dict, "")
        need(data, "topic_categories", dict, "")
        return data
    return load_standard("kugi_metadata", path or KUGI_METADATA_FILE, build)


def source_parts(layer):
    """{'path', 'layer', 'provider'} of a layer's data source ('' where it has none)."""
    provider = layer.providerType()
    try:
        parts = QgsProviderRegistry.instance().decodeUri(provider, layer.source()) or {}
    except Exception:  # noqa: BLE001 - a provider without decodeUri
        parts = {}
    path = parts.get("path") or ""
    name = parts.get("layerName") or ""
    if not name and provider == "ogr" and path.lower().endswith(".gpkg"):
        name = _gpkg_feature_table(path, parts.get("layerId"))
    name = name or (os.path.splitext(os.path.basename(path))[0] if path else "") or layer.name()
    return {"path": path, "layer": name, "provider": provider}


def _gpkg_feature_table(path, index=None):
    """The feature table OGR opens for a GeoPackage given without a layer name (the first, or number ``index``)."""
    try:
        con = sqlite3.connect("file:%s?mode=ro" % path.replace("?", "%3f").replace("#", "%23"), uri=True, timeout=5)
        try:
            names = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' "
                                               "ORDER BY rowid")]
        finally:
            con.close()
    except sqlite3.Error:
        return ""
    try:
        return names[int(index)] if index not in (None, "") else (names[0] if names else "")
    except (ValueError, IndexError):
        return names[0] if names else ""


def attribute_values(layer, names, feedback=None, limit=SCAN_LIMIT):
    """The most common non-empty value of each attribute in ``names`` (first ``limit`` features)."""
    idx = [layer.fields().lookupField(n) for n in names]
    present = [(n, i) for n, i in zip(names, idx) if i >= 0]
    if not present:
        return {}
    req = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry).setSubsetOfAttributes(
        [i for _, i in present]).setLimit(limit)
    counts = {n: collections.Counter() for n, _ in present}
    for feature in layer.getFeatures(req):
        if feedback is not None and feedback.isCanceled():
            break
        for n, i in present:
            value = feature.attribute(i)
            text = "" if value is None else str(value).strip()
            if text and text.upper() != "NULL":
                counts[n][text] += 1
    return {n: c.most_common(1)[0][0] for n, c in counts.items() if c}


def bbox_4326(layer):
    """(west, south, east, north) of the layer in EPSG:4326, widened to whole 1e-7 degrees; or None."""
    extent = layer.extent()
    if extent.isNull() or layer.featureCount() == 0:
        return None
    target = QgsCoordinateReferenceSystem("EPSG:4326")
    if layer.crs().isValid() and layer.crs() != target:
        tr = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance().transformContext())
        try:
            extent = tr.transformBoundingBox(extent)
        except Exception:  # noqa: BLE001 - QgsCsException: no box rather than a wrong one
            swallowed("QgsCsException: no box rather than a wrong one")
            return None
    w, s = math.floor(extent.xMinimum() * 1e7) / 1e7, math.floor(extent.yMinimum() * 1e7) / 1e7
    e, n = math.ceil(extent.xMaximum() * 1e7) / 1e7, math.ceil(extent.yMaximum() * 1e7) / 1e7
    if not all(map(math.isfinite, (w, s, e, n))):
        return None
    return max(w, -180.0), max(s, -90.0), min(e, 180.0), min(n, 90.0)


def service_links(ows_url, name, protocols=None):
    """OGC:WMS and OGC:WFS online resources of a published layer (Palapa links both)."""
    ows_url = (ows_url or "").strip()
    if not ows_url:
        return []
    protocols = protocols or load_profile().settings.get("link_protocols") or ["OGC:WMS", "OGC:WFS"]
    function = {"OGC:WMS": "information", "OGC:WFS": "download"}
    return [Link(ows_url, p, name, "", function.get(p, "")) for p in protocols]



def type_words(definition):
    """A KUGI definition as words for a title: "Persil / bidang tanah (area), 1:1.000" → "Persil / bidang tanah"."""
    text = (definition or "").split(",")[0]
    text = text.split(" (")[0]
    return text.strip()

def generate(layer, defaults=None, values=None, feedback=None, today=None):
    """A :class:`MetadataRecord` for ``layer``.

    ``defaults``: a dict from :func:`~.defaults.load_defaults` (the bundled ones if None);
    ``values``: model fields the user gave (they win over everything generated)."""
    profile, kugi = load_profile(), load_kugi()
    kmeta = load_kugi_metadata()
    d = defaults if defaults is not None else load_defaults()
    today = today or datetime.date.today().isoformat()
    src = source_parts(layer)
    found = attribute_values(layer, ("FCODE", "METADATA"), feedback)
    match = kugi.for_layer(src["layer"], found.get("FCODE"))
    ft = match.feature_type
    parts = kugi.parse_fcode(ft.fcode if ft else found.get("FCODE", "")) if (ft or found.get("FCODE")) else None
    category = kugi.category(parts.category) if parts else None
    scale_code = ft.scale if ft else (parts.scale if parts else kugi.parse_layer_name(src["layer"]).scale)
    denominator = str(kugi.scales[scale_code]["denominator"]) if scale_code in kugi.scales else ""
    geometry = GEOMETRY.get(QgsWkbTypes.geometryType(layer.wkbType()), "complex")
    count = layer.featureCount()
    authid = layer.crs().authid() if layer.crs().isValid() else ""
    level = (d.get("access_level") or "PUBLIC").strip()
    classification = profile.classification_for_access(level)

    r = MetadataRecord()
    r.file_identifier = found.get("METADATA") or str(uuid.uuid5(
        uuid.NAMESPACE_URL, "simpul:%s:%s:%s" % (d.get("node_code", ""), src["path"], src["layer"])))
    r.metadata_language = d.get("language") or profile.settings.get("language", "")
    r.metadata_character_set = d.get("character_set") or profile.settings.get("character_set", "")
    r.hierarchy_level = profile.settings.get("hierarchy_level", "dataset")
    party = Party(organisation=d.get("organisation", ""), individual=d.get("individual", ""),
                  position=d.get("position", ""), phone=d.get("phone", ""), address=d.get("address", ""),
                  city=d.get("city", ""), region=d.get("region", ""), postal_code=d.get("postal_code", ""),
                  country=d.get("country", ""), email=d.get("email", ""), url=d.get("url", ""))
    if not party.is_empty():
        r.contacts = [Party(**dict(party.__dict__, role=d.get("contact_role") or "pointOfContact"))]
        r.points_of_contact = [Party(**dict(party.__dict__, role=d.get("dataset_role") or "custodian"))]
    r.date_stamp = today
    r.metadata_standard_name = profile.settings.get("metadata_standard_name", "")
    r.metadata_standard_version = profile.settings.get("metadata_standard_version", "")
    r.topology_level = "geometryOnly"
    r.geometry_type = geometry
    r.feature_count = str(count) if count is not None and count >= 0 else ""
    r.reference_system = authid
    r.reference_system_codespace = authid.split(":", 1)[0] if ":" in authid else ""
    mtime = os.path.getmtime(src["path"]) if src["path"] and os.path.exists(src["path"]) else None
    r.dates = [CitationDate(datetime.date.fromtimestamp(mtime).isoformat(), "revision") if mtime
               else CitationDate(today, "creation")]
    r.identifier = src["layer"]
    r.identifier_codespace = d.get("node_code", "")
    r.status = d.get("status", "")
    r.maintenance_frequency = (d.get("maintenance_frequency")
                               or profile.element("maintenance_frequency").profile_value or "")
    if category or ft:
        words = [w for w in (category["name"] if category else "", ft.type_name if ft else "",
                             ft.fcode if ft else (parts.code if parts else "")) if w]
        th = kmeta["thesaurus"]
        r.keywords.append(Keywords(words, "theme", th.get("title", ""), th.get("date", ""), th.get("date_type", "")))
    free = [w for w in list(d.get("keywords") or []) + [src["layer"]] if w and w.strip()]
    if free:
        r.keywords.append(Keywords(list(dict.fromkeys(free)), "theme"))
    r.access_constraints = [profile.element("access_constraints").profile_value or "otherRestrictions"]
    r.resource_classification = classification
    r.spatial_representation_type = "vector"
    r.resolution_scale = denominator
    r.dataset_language = r.metadata_language
    r.dataset_character_set = r.metadata_character_set
    topic = kmeta["topic_categories"].get(parts.category) if parts else None
    r.topic_categories = [t for t in (topic or d.get("topic_category") or "",) if t]
    box = bbox_4326(layer)
    if box:
        r.set_bbox(*box)
    r.feature_types = [ft.type_name if ft else src["layer"]]
    r.feature_catalogue = ("%s: %s" % (kmeta["thesaurus"].get("title", ""), ft.layer)) if ft else src["layer"]
    r.attributes = [Attribute(f.name(), f.typeName(), str(f.length()) if f.length() > 0 else "")
                    for f in layer.fields()]
    r.distribution_format = layer.dataProvider().storageType() if layer.dataProvider() else ""
    r.online_resources = service_links(d.get("ows_url"), src["layer"])
    r.classification = classification
    r.classification_note = level

    facts = {"layer": src["layer"], "definition": ft.definition if ft else "",
             "feature_type": ft.type_name if ft else "",
             "fcode": ft.fcode if ft else found.get("FCODE", ""), "category": category["name"] if category else "",
             "count": r.feature_count, "geometry": geometry,
             "geometry_word": (d.get("geometry_words") or {}).get(geometry, geometry), "crs": authid,
             "scale": "{:,}".format(int(denominator)).replace(",", ".") if denominator else "",
             "organisation": d.get("organisation", ""), "node_code": d.get("node_code", ""),
             "access_level": level, "date": today, "source": os.path.basename(src["path"]) or src["layer"],
             "type": type_words(ft.definition if ft else ""), "place": d.get("place") or d.get("city") or
             d.get("region") or "", "year": (r.dates[0].date if r.dates else today)[:4]}
    r.title = " ".join(fill(d.get("title_template"), facts).split()) or layer.name()
    facts["title"] = r.title
    abstract = fill(d.get("abstract_template"), facts)
    if ft and d.get("kugi_template"):
        abstract = (abstract + " " + fill(d.get("kugi_template"), facts)).strip()
    r.abstract = abstract
    r.lineage = fill(d.get("lineage_template"), facts)
    r.use_limitations = [v for v in (fill(d.get("use_limitation"), facts),) if v]
    r.other_constraints = [v for v in (fill(d.get("other_constraints"), facts),) if v]
    if values:
        merged = r.to_dict()
        merged.update(values)
        r = MetadataRecord.from_dict(merged)
    return r


def refresh_from_layer(record, generated):
    """``record`` with the layer's own facts taken from ``generated``, and every field the record
    leaves empty filled from it (what the editor's "Generate from layer" does to an edited record)."""
    out = MetadataRecord.from_dict(record.to_dict())
    fresh = generated.to_dict()
    for key, _value in fresh.items():
        if key in LAYER_FIELDS or not getattr(out, key):
            setattr(out, key, getattr(generated, key))
    return out
