"""After publishing: does the new layer load from the node's WMS and WFS?

Looked at from outside, as any user of the node would: the layer is in the WMS capabilities
and a GetMap of its extent returns an image with something drawn on it; QGIS's own WMS and
WFS providers load it; WFS returns its features. Each check is a dict ``{"check", "url",
"ok", "message"}`` for the report.
"""
from urllib.parse import quote

from qgis.core import QgsDataSourceUri, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from ..network.http import http_get
from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml
from .errors import server_text


def _with(url, query):
    return url + ("&" if "?" in url else "?") + query


def capability_names(url, service, authcfg="", timeout=30.0):
    """(layer/feature type names, error) from a WMS or WFS GetCapabilities at ``url``."""
    resp = http_get(_with(url, "SERVICE=%s&REQUEST=GetCapabilities" % service), timeout=timeout, authcfg=authcfg)
    if not resp.ok:
        return [], server_text(resp.content, resp.content_type) or resp.error
    try:
        root = parse_xml(resp.content)
    except XmlError as exc:
        return [], str(exc)
    wanted = "Layer" if service == "WMS" else "FeatureType"
    names = []
    for el in root.iter():
        if localname(el) == wanted:
            for child in el:
                if localname(child) == "Name" and child.text:
                    names.append(child.text.strip())
    return names, ""


def match_name(names, candidates):
    """The first of ``names`` that is one of ``candidates`` (exactly, or with ':' written '-')."""
    for cand in candidates:
        for name in names:
            if name == cand or name == cand.replace(":", "-"):
                return name
    return ""


def _drawn(image_bytes):
    img = QImage()
    if not img.loadFromData(image_bytes):
        return -1
    img = img.convertToFormat(QImage.Format.Format_ARGB32)
    step = max(1, img.width() // 64)
    count = 0
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            if (img.pixel(x, y) >> 24) & 0xFF:
                count += 1
    return count


def check_wms(url, candidates, bbox_4326, authcfg="", timeout=30.0):
    names, why = capability_names(url, "WMS", authcfg, timeout)
    name = match_name(names, candidates)
    if not name:
        return {"check": "wms", "url": url, "ok": False, "name": "",
                "message": why or tr("The layer is not in the WMS capabilities")}
    w, s, e, n = bbox_4326 or (95.0, -11.0, 141.0, 6.0)
    getmap = _with(url, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&STYLES=&CRS=CRS:84&BBOX=%r,%r,%r,%r"
                   "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE" % (quote(name, safe=":"), w, s, e, n))
    resp = http_get(getmap, timeout=timeout, authcfg=authcfg)
    drawn = _drawn(resp.content) if resp.ok and resp.content_type.startswith("image/") else -1
    uri = QgsDataSourceUri()
    for key, value in (("url", url), ("layers", name), ("styles", ""), ("format", "image/png"), ("crs", "EPSG:4326")):
        uri.setParam(key, value)
    if authcfg:
        uri.setAuthConfigId(authcfg)
    loads = QgsRasterLayer(bytes(uri.encodedUri()).decode(), name, "wms").isValid()
    ok = drawn > 0 and loads
    if ok:
        message = ""
    elif drawn < 0:
        message = tr("GetMap did not return an image: {why}").format(
            why=server_text(resp.content, resp.content_type) or resp.error)
    elif drawn == 0:
        message = tr("GetMap returned an empty image")
    else:
        message = tr("QGIS could not load the layer from the WMS")
    return {"check": "wms", "url": getmap, "ok": ok, "name": name, "message": message}


def check_wfs(url, candidates, expected_count=None, authcfg="", timeout=30.0):
    names, why = capability_names(url, "WFS", authcfg, timeout)
    name = match_name(names, candidates)
    if not name:
        return {"check": "wfs", "url": url, "ok": False, "name": "",
                "message": why or tr("The layer is not in the WFS capabilities")}
    uri = "url='%s' typename='%s' version='1.1.0' restrictToRequestBBOX='0'" % (url, name)
    if authcfg:
        uri += " authcfg='%s'" % authcfg
    layer = QgsVectorLayer(uri, name, "WFS")
    count = sum(1 for _ in layer.getFeatures()) if layer.isValid() else -1
    ok = layer.isValid() and count > 0 and (expected_count is None or count == expected_count)
    if ok:
        message = ""
    elif not layer.isValid():
        message = tr("QGIS could not load the layer from the WFS")
    else:
        message = tr("The WFS returned {count} features, {expected} expected").format(
            count=count, expected=expected_count if expected_count is not None else "> 0")
    return {"check": "wfs", "url": _with(url, "SERVICE=WFS&REQUEST=GetFeature&TYPENAME=%s" % quote(name, safe=":")),
            "ok": ok, "name": name, "message": message, "features": count}
