"""The layer's QGIS symbology as SLD, by QGIS's own exporter (``QgsVectorLayer.exportSldStyle``,
SLD 1.1.0 / Symbology Encoding), with the style named as it is published.

Call it where the layer lives (the GUI thread for a project layer; Processing's
``prepareAlgorithm``); the SLD bytes then travel with the publish job.
"""
from lxml import etree
from qgis.PyQt.QtXml import QDomDocument

from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml
from .model import PublishError

SLD_10 = "application/vnd.ogc.sld+xml"   # GeoServer's media type for SLD 1.0.0
SE_11 = "application/vnd.ogc.se+xml"     # … and for SLD 1.1.0 (Symbology Encoding)


def layer_sld(layer, style_name):
    """SLD bytes for ``layer``'s current renderer, NamedLayer and UserStyle named ``style_name``."""
    doc = QDomDocument()
    layer.exportSldStyle(doc, "")
    data = doc.toByteArray(1).data() if not doc.isNull() else b""
    if not data.strip():
        raise PublishError(tr("QGIS could not export the layer's style as SLD."))
    return rename(data, style_name)


def rename(sld, style_name):
    """``sld`` with its NamedLayer and UserStyle names set to ``style_name``."""
    try:
        root = parse_xml(sld)
    except XmlError as exc:
        raise PublishError(tr("The SLD style cannot be read: {why}").format(why=exc)) from exc
    if localname(root) != "StyledLayerDescriptor":
        raise PublishError(tr("The style is not an SLD document (StyledLayerDescriptor)."))
    for el in root.iter():
        if localname(el) in ("NamedLayer", "UserStyle"):
            for child in el:
                if localname(child) == "Name":
                    child.text = style_name
                    break
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def content_type(sld):
    """GeoServer's media type for ``sld``: SE 1.1 when its version says 1.1.0, else SLD 1.0."""
    try:
        root = parse_xml(sld)
    except XmlError:
        return SLD_10
    return SE_11 if root.get("version", "1.0.0").startswith("1.1") else SLD_10
