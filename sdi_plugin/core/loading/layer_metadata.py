"""A catalogue record copied into a layer's own metadata (``QgsLayerMetadata``), so what the
node said about the data travels with the layer into the project (Layer Properties ▸
Metadata) and into anything saved from it."""
from qgis.core import (QgsAbstractMetadataBase, QgsBox3d, QgsCoordinateReferenceSystem, QgsLayerMetadata,
                       QgsRectangle)

from ..i18n import tr

KEYWORD_VOCABULARY = "gmd:theme"


def _dates(record):
    dates = dict(getattr(record, "dates", None) or {})
    if record.date and not dates:
        dates["publication"] = record.date
    labels = {"publication": tr("Publication date"), "revision": tr("Revision date"),
              "creation": tr("Creation date"), "metadata": tr("Metadata date")}
    return ["%s: %s" % (labels.get(k, k), v) for k, v in dates.items() if v]


def record_metadata(record, layer_crs=None, link=None):
    """A ``QgsLayerMetadata`` holding ``record``: identifier, title, abstract, keywords, theme,
    contacts, links, extent (EPSG:4326), CRS, rights/constraints, lineage and dates."""
    md = QgsLayerMetadata()
    md.setIdentifier(record.identifier or "")
    md.setTitle(record.title or record.identifier or "")
    md.setAbstract(record.abstract or "")
    md.setType(record.type or "dataset")
    if record.node_id:
        md.setParentIdentifier(record.source_url or record.node_id)
    keywords = [k for k in record.keywords or [] if k]
    if keywords:
        md.setKeywords({KEYWORD_VOCABULARY: keywords})
    if record.theme:
        md.setCategories([record.theme])
    if record.organisation or record.contact:
        contact = QgsAbstractMetadataBase.Contact(record.contact or record.organisation)
        contact.organization = record.organisation or ""
        contact.role = "pointOfContact"
        if "@" in (record.contact or ""):
            contact.email = next((w.strip("<>(),;") for w in record.contact.split() if "@" in w), "")
        md.setContacts([contact])
    links = []
    for lk in record.links or []:
        item = QgsAbstractMetadataBase.Link(lk.name or lk.kind or lk.protocol or tr("link"),
                                            lk.protocol or lk.kind or "WWW:LINK", lk.url)
        item.description = lk.description or ""
        links.append(item)
    if record.source_url:
        cat = QgsAbstractMetadataBase.Link(tr("Catalogue record at {node}").format(node=record.node_name or
                                                                                     record.node_id or "?"),
                                           "OGC:CSW", record.source_url)
        links.append(cat)
    md.setLinks(links)
    if record.bbox and len(record.bbox) == 4:
        extent = QgsLayerMetadata.Extent()
        spatial = QgsLayerMetadata.SpatialExtent()
        spatial.extentCrs = QgsCoordinateReferenceSystem("EPSG:4326")
        spatial.bounds = QgsBox3d(QgsRectangle(*[float(v) for v in record.bbox]))
        extent.setSpatialExtents([spatial])
        md.setExtent(extent)
    crs = layer_crs if layer_crs is not None and layer_crs.isValid() else None
    if crs is None and record.crs:
        candidate = QgsCoordinateReferenceSystem(record.crs[0])
        crs = candidate if candidate.isValid() else None
    if crs is not None:
        md.setCrs(crs)
    if record.constraints:
        md.setRights([record.constraints])
        md.setConstraints([QgsLayerMetadata.Constraint(record.constraints, "access")])
    history = []
    if record.lineage:
        history.append(record.lineage)
    history += _dates(record)
    if record.node_name or record.node_id:
        history.append(tr("Found with Simpul at node {node}").format(node=record.node_name or record.node_id))
    md.setHistory(history)
    return md


def apply_record(layer, record, link=None):
    """Copy ``record`` into ``layer``'s metadata and note where it came from (custom properties
    ``simpul/record_id``, ``simpul/node_id``, ``simpul/link_url``)."""
    layer.setMetadata(record_metadata(record, layer.crs(), link))
    layer.setCustomProperty("simpul/record_id", record.identifier or "")
    layer.setCustomProperty("simpul/node_id", record.node_id or "")
    if link is not None:
        layer.setCustomProperty("simpul/link_url", link.url)
