"""The server's default style for a loaded vector layer, from SLD: a style link in the record
(a URL ending ``.sld`` or a protocol naming SLD), else the WMS ``GetStyles`` of the same layer
(GeoServer and QGIS Server answer it). Best effort: whatever goes wrong, the layer keeps
QGIS's default style and the load goes on."""
import hashlib
import os

from ..log import swallowed
from .capabilities import service_url, with_query
from ..network.http import http_get
from ..files.storage import data_dir
from ..network.xmlsafe import XmlError, localname, parse_xml


def _sld_links(record, link):
    out = []
    for lk in (record.links if record is not None else []) or []:
        proto = (lk.protocol or "").lower()
        if lk.url.lower().split("?")[0].endswith(".sld") or "sld" in proto or "style" in proto:
            out.append(lk.url)
    wms = [lk for lk in (record.links if record is not None else []) or []
           if (lk.kind == "WMS" or "wms" in (lk.protocol or "").lower()) and lk.url]
    return out, wms


def _fetch_sld(url, authcfg, timeout, feedback):
    resp = http_get(url, timeout=timeout, authcfg=authcfg, feedback=feedback, max_bytes=5 * 1024 * 1024)
    if resp.error:
        return None
    try:
        root = parse_xml(resp.content)
    except XmlError:
        return None
    if localname(root) != "StyledLayerDescriptor":
        return None
    return resp.content


def apply_server_style(layer, record, link, hint, authcfg="", timeout=10.0, feedback=None):
    """Try the SLD sources in turn; returns "applied" or "" (never raises)."""
    try:
        direct, wms_links = _sld_links(record, link)
        candidates = list(direct)
        name = (hint or {}).get("layer") or link.name
        for wl in wms_links:
            candidates.append(with_query(service_url(wl.url), SERVICE="WMS", VERSION="1.1.1", REQUEST="GetStyles",
                                         LAYERS=wl.name or name))
        if (hint or {}).get("getstyles") and name:
            candidates.append(with_query(service_url(hint["getstyles"]), SERVICE="WMS", VERSION="1.1.1",
                                         REQUEST="GetStyles", LAYERS=name))
        for url in dict.fromkeys(candidates):
            sld = _fetch_sld(url, authcfg, timeout, feedback)
            if sld is None:
                continue
            folder = data_dir("styles")
            path = os.path.join(folder, hashlib.sha1(url.encode("utf-8")).hexdigest()[:16] + ".sld")
            with open(path, "wb") as fh:
                fh.write(sld)
            message, ok = layer.loadSldStyle(path)
            if ok:
                layer.setCustomProperty("simpul/style_url", url)
                return "applied"
    except Exception:  # noqa: BLE001 - a style is a nicety; never fail a load on it
        swallowed("a style is a nicety; never fail a load on it")
        return ""
    return ""
