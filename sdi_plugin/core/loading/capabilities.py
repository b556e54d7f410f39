"""What an OGC service offers, read from its capabilities (WMS, WFS, WMTS, WCS) with the safe
XML parser: layer names and titles, the CRSs each layer is offered in, styles, formats,
WMTS tile matrix sets. And which CRS to ask for (:func:`choose_crs`).
"""
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..network.http import http_get
from ..i18n import tr
from ..standards.pack import StandardsError, load_crs
from ..network.xmlsafe import XmlError, localname, parse_xml

ROOTS = {"WMS": ("WMS_Capabilities", "WMT_MS_Capabilities"), "WFS": ("WFS_Capabilities",),
         "WMTS": ("Capabilities",), "WCS": ("Capabilities", "WCS_Capabilities")}
OWS_PARAMS = {"service", "request", "version", "acceptversions", "layers", "typename", "typenames"}


@dataclass
class LayerInfo:
    name: str
    title: str = ""
    abstract: str = ""
    crs: list = field(default_factory=list)        # as the service writes them
    styles: list = field(default_factory=list)     # [style name]; the default first
    formats: list = field(default_factory=list)    # WMTS tile formats
    matrix_sets: list = field(default_factory=list)   # WMTS tile matrix set ids
    bbox: tuple = None                             # WGS 84 lon/lat when given


@dataclass
class Capabilities:
    kind: str
    version: str = ""
    title: str = ""
    layers: dict = field(default_factory=dict)     # name -> LayerInfo, in document order
    formats: list = field(default_factory=list)    # WMS GetMap / WFS output formats
    matrix_set_crs: dict = field(default_factory=dict)   # WMTS: matrix set id -> CRS
    get_styles: bool = False                       # WMS: GetStyles advertised

    def find(self, name):
        """The layer called ``name`` (exact, then ignoring case, then with the workspace prefix
        written ``ws-name`` as QGIS Server's WFS does, then without a workspace prefix)."""
        if not name:
            return None
        if name in self.layers:
            return self.layers[name]
        low = name.lower()
        for wanted in (low, low.replace(":", "-")):
            for key, layer in self.layers.items():
                if key.lower() == wanted:
                    return layer
        bare = low.split(":")[-1]
        hits = [layer for key, layer in self.layers.items() if key.lower().split(":")[-1] == bare]
        return hits[0] if len(hits) == 1 else None


def service_url(url):
    """``url`` without the OGC request parameters a record may have left in it."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in OWS_PARAMS]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def with_query(url, **params):
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


# -- CRS ------------------------------------------------------------------------------
_EPSG = re.compile(r"(?:EPSG)(?::+|/+[^/]*/+)(\d+)$", re.I)


def normalise_crs(text):
    """'urn:ogc:def:crs:EPSG::4326', 'http://www.opengis.net/def/crs/EPSG/0/4326' -> 'EPSG:4326';
    'CRS:84' and OGC CRS84 URIs -> 'OGC:CRS84'."""
    t = (text or "").strip()
    m = _EPSG.search(t)
    if m:
        return "EPSG:" + m.group(1)
    if t.upper() in ("CRS:84", "OGC:CRS84") or t.upper().endswith(("CRS84", "OGC:1.3:CRS84")):
        return "OGC:CRS84"
    return t.upper()


def preferred_crs(project_crs=None):
    """The order Simpul asks for: the project's CRS, SRGI2013, WGS 84, Web Mercator."""
    order = []
    if project_crs:
        order.append(normalise_crs(project_crs.authid() if hasattr(project_crs, "authid") else project_crs))
    try:
        order.append(load_crs().national.upper())
    except StandardsError:
        order.append("EPSG:9470")
    order += ["EPSG:4326", "EPSG:3857"]
    return [c for i, c in enumerate(order) if c and c not in order[:i]]


def choose_crs(offered, project_crs=None):
    """The first of :func:`preferred_crs` the service offers; else its first offered CRS
    (``OGC:CRS84`` counts as WGS 84 when EPSG:4326 is not offered). '' when nothing is offered."""
    norm = [normalise_crs(c) for c in offered or [] if c]
    for want in preferred_crs(project_crs):
        if want in norm:
            return want
        if want == "EPSG:4326" and "OGC:CRS84" in norm:
            return "OGC:CRS84"
    return norm[0] if norm else ""


# -- parsing --------------------------------------------------------------------------
def _child(el, name):
    return next((c for c in el if localname(c) == name), None)


def _children(el, name):
    return [c for c in el if localname(c) == name]


def _text(el, name):
    c = _child(el, name) if el is not None else None
    return (c.text or "").strip() if c is not None and c.text else ""


def _wgs84(el):
    box = next((c for c in el if localname(c) in ("WGS84BoundingBox", "EX_GeographicBoundingBox",
                                                   "LatLonBoundingBox")), None)
    if box is None:
        return None
    try:
        if localname(box) == "WGS84BoundingBox":
            lo = [float(v) for v in _text(box, "LowerCorner").split()]
            hi = [float(v) for v in _text(box, "UpperCorner").split()]
            return (lo[0], lo[1], hi[0], hi[1])
        if localname(box) == "LatLonBoundingBox":
            return tuple(float(box.get(k)) for k in ("minx", "miny", "maxx", "maxy"))
        return tuple(float(_text(box, k)) for k in ("westBoundLongitude", "southBoundLatitude",
                                                     "eastBoundLongitude", "northBoundLatitude"))
    except (TypeError, ValueError, IndexError):
        return None


def _wms_layers(el, inherited_crs, inherited_styles, out):
    crs = inherited_crs + [c.text.strip() for c in el if localname(c) in ("CRS", "SRS") and c.text]
    styles = inherited_styles + [_text(s, "Name") for s in _children(el, "Style") if _text(s, "Name")]
    name = _text(el, "Name")
    if name:
        out[name] = LayerInfo(name=name, title=_text(el, "Title") or name, abstract=_text(el, "Abstract"),
                              crs=list(dict.fromkeys(crs)), styles=list(dict.fromkeys(styles)), bbox=_wgs84(el))
    for sub in _children(el, "Layer"):
        _wms_layers(sub, crs, styles, out)


def _parse_wms(root, caps):
    cap = _child(root, "Capability")
    if cap is None:
        return
    request = _child(cap, "Request")
    if request is not None:
        getmap = _child(request, "GetMap")
        caps.formats = [f.text.strip() for f in _children(getmap, "Format") if f.text] if getmap is not None else []
        caps.get_styles = _child(request, "GetStyles") is not None
    for layer in _children(cap, "Layer"):
        _wms_layers(layer, [], [], caps.layers)


def _parse_wfs(root, caps):
    ftl = next((c for c in root.iter() if localname(c) == "FeatureTypeList"), None)
    for ft in _children(ftl, "FeatureType") if ftl is not None else []:
        name = _text(ft, "Name")
        if not name:
            continue
        crs = [c.text.strip() for c in ft if localname(c) in ("DefaultCRS", "DefaultSRS", "OtherCRS", "OtherSRS", "SRS")
               and c.text]
        caps.layers[name] = LayerInfo(name=name, title=_text(ft, "Title") or name, abstract=_text(ft, "Abstract"),
                                      crs=list(dict.fromkeys(crs)), bbox=_wgs84(ft))
    caps.formats = sorted({(v.text or "").strip() for v in root.iter() if localname(v) == "Value"
                           and localname(v.getparent().getparent()) == "Parameter"
                           and v.getparent().getparent().get("name") == "outputFormat"} - {""})


def _parse_wmts(root, caps):
    contents = _child(root, "Contents")
    if contents is None:
        return
    for tms in _children(contents, "TileMatrixSet"):
        ident = _text(tms, "Identifier")
        if ident:
            caps.matrix_set_crs[ident] = _text(tms, "SupportedCRS")
    for layer in _children(contents, "Layer"):
        ident = _text(layer, "Identifier")
        if not ident:
            continue
        styles = []
        for st in _children(layer, "Style"):
            sid = _text(st, "Identifier")
            if sid and st.get("isDefault") == "true":
                styles.insert(0, sid)
            elif sid:
                styles.append(sid)
        sets = [_text(link, "TileMatrixSet") for link in _children(layer, "TileMatrixSetLink")]
        caps.layers[ident] = LayerInfo(
            name=ident, title=_text(layer, "Title") or ident, abstract=_text(layer, "Abstract"),
            styles=styles, formats=[f.text.strip() for f in _children(layer, "Format") if f.text],
            matrix_sets=[s for s in sets if s], bbox=_wgs84(layer),
            crs=[caps.matrix_set_crs.get(s, "") for s in sets if caps.matrix_set_crs.get(s)])


def _parse_wcs(root, caps):
    for el in root.iter():
        if localname(el) in ("CoverageOfferingBrief", "CoverageSummary"):
            name = _text(el, "CoverageId") or _text(el, "Identifier") or _text(el, "name")
            if name:
                crs = [c.text.strip() for c in el if localname(c) == "SupportedCRS" and c.text]
                caps.layers[name] = LayerInfo(name=name, title=_text(el, "Title") or _text(el, "label") or name,
                                              abstract=_text(el, "Abstract") or _text(el, "description"),
                                              crs=crs, bbox=_wgs84(el))
    caps.formats = [f.text.strip() for f in root.iter() if localname(f) in ("formatSupported", "SupportedFormat")
                    and f.text]


def parse_capabilities(kind, data):
    """:class:`Capabilities` of ``kind`` from the bytes of a GetCapabilities answer; raises
    :class:`~sdi_plugin.core.network.xmlsafe.XmlError` (for people) when it is something else."""
    root = parse_xml(data)
    name = localname(root)
    if name not in ROOTS[kind] or (kind == "WMTS" and "wmts" not in root.tag.lower()) or \
            (kind == "WCS" and "wcs" not in root.tag.lower()):
        if name in ("ExceptionReport", "ServiceExceptionReport"):
            text = " ".join(t.strip() for t in root.itertext() if t.strip())[:300]
            raise XmlError(tr("the server answered with an OGC exception: {text}").format(text=text))
        raise XmlError(tr("not {kind} capabilities (root element {name})").format(kind=kind, name=name))
    caps = Capabilities(kind=kind, version=root.get("version", ""))
    ident = next((c for c in root if localname(c) in ("Service", "ServiceIdentification")), None)
    caps.title = _text(ident, "Title") if ident is not None else ""
    {"WMS": _parse_wms, "WFS": _parse_wfs, "WMTS": _parse_wmts, "WCS": _parse_wcs}[kind](root, caps)
    return caps


def fetch_capabilities(kind, url, timeout=15.0, authcfg="", feedback=None, version=""):
    """``(Capabilities, "")`` or ``(None, why)``; never raises."""
    params = {"SERVICE": kind, "REQUEST": "GetCapabilities"}
    if version:
        params["VERSION"] = version
    if kind == "WMTS" and urlsplit(url).path.endswith(".xml"):
        full = url   # RESTful WMTS: the capabilities document itself
    else:
        full = with_query(service_url(url), **params)
    resp = http_get(full, timeout=timeout, authcfg=authcfg, feedback=feedback, max_bytes=30 * 1024 * 1024)
    if resp.error and resp.content and resp.content.lstrip()[:1] == b"<":
        try:   # an OGC exception sent with HTTP 400/500 says more than the status
            parse_capabilities(kind, resp.content)
        except XmlError as exc:
            if "OGC exception" in str(exc):
                return None, "%s (%s)" % (exc, resp.error)
    if resp.error:
        return None, resp.error
    try:
        return parse_capabilities(kind, resp.content), ""
    except XmlError as exc:
        return None, str(exc)
