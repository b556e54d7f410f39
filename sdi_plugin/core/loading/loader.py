"""From a catalogue record's links (or a node's services) to QGIS layers.

For each link Simpul first asks the service what it offers (capabilities, collection or
service description), so a wrong layer name, a 404 or a web page instead of a service gives
a clear message — :class:`LoadResult` ``message`` — and never an exception. It picks a CRS
the service offers (:func:`~.capabilities.choose_crs`: project CRS, SRGI2013, WGS 84, Web
Mercator), builds the layer with the right QGIS provider (``wms`` for WMS/WMTS, ``WFS``,
``wcs``, ``OAPIF``, ``arcgismapserver``, ``arcgisfeatureserver``, ``ogr``/``gdal`` for
downloads), copies the record into the layer's metadata and, for vector layers, applies the
server's default style when it offers one as SLD (best effort: a style that fails never
fails the load).

Headless and synchronous: the GUI runs it in a ``QgsTask`` and moves the layers to the GUI
thread afterwards (``gui/add_layers.py``).
"""
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit, urlunsplit

from qgis.core import QgsDataSourceUri, QgsRasterLayer, QgsVectorLayer

from ..errors import SimpulError
from . import styles
from .capabilities import choose_crs, fetch_capabilities, service_url
from ..catalog.links import classify
from ..catalog.model import Link, Record
from .downloads import DownloadError, download
from ..runtime.events import observe
from ..network.http import NotJson, http_get
from ..i18n import tr
from .layer_metadata import apply_record

LOADABLE = ("WMS", "WMTS", "WFS", "WCS", "OAPIF", "ArcGIS MapServer", "ArcGIS FeatureServer", "download")
MAP_KINDS = ("WMS", "WMTS", "ArcGIS MapServer", "WCS")
FEATURE_KINDS = ("WFS", "OAPIF", "ArcGIS FeatureServer", "download")
DEFAULT_ORDER = ("WMS", "WMTS", "ArcGIS MapServer", "WFS", "OAPIF", "ArcGIS FeatureServer", "WCS", "download")
SERVICE_KINDS = {"WMS": "WMS", "WMTS": "WMTS", "WFS": "WFS", "WCS": "WCS", "OGC API Features": "OAPIF"}


class LoadError(SimpulError):
    """A link that cannot become a layer; the message says why, for people."""


@dataclass
class LoadResult:
    record: Record
    link: Link
    layer: object = None          # QgsMapLayer when it loaded
    message: str = ""             # why not (or a note), translated
    crs: str = ""                 # the CRS asked of the service
    style: str = ""               # "applied" when the server's SLD style was applied
    kind: str = ""

    @property
    def ok(self):
        return self.layer is not None


@dataclass
class _Ctx:
    project_crs: object = None
    authcfg: str = ""
    timeout: float = 20.0
    feedback: object = None
    style: bool = True
    cache: dict = field(default_factory=dict)   # capabilities already fetched, by (kind, url, version)


@dataclass
class LayerPlan:
    provider: str
    uri: str
    name: str
    layer_type: str               # "raster" | "vector"
    crs: str = ""
    title: str = ""
    abstract: str = ""
    sld_hint: dict = field(default_factory=dict)   # where the style may come from


def error_text(layer):
    """A layer's error as text (``QgsError.summary()`` crashes QGIS 3.22 when the error is empty)."""
    err = layer.error()
    return "" if err.isEmpty() else err.summary()


def link_kind(link):
    """The loadable kind of ``link`` (one of :data:`LOADABLE`) or ``other``/``metadata``."""
    if link.kind in LOADABLE or link.kind == "metadata":
        return link.kind
    return classify(link.protocol, link.url) or "other"


def loadable_links(record, kinds=None):
    """The record's links Simpul can load, in the order of ``kinds`` (default :data:`DEFAULT_ORDER`)."""
    order = list(kinds or DEFAULT_ORDER)
    found = [(order.index(link_kind(lk)), i, lk) for i, lk in enumerate(record.links or []) if link_kind(lk) in order]
    return [lk for _, _, lk in sorted(found, key=lambda t: (t[0], t[1]))]


def service_link(service, layer_name=""):
    """A :class:`Link` for one layer of a node's detected service (a dict from ``core.nodes.nodeinfo``)."""
    kind = SERVICE_KINDS.get(service.get("kind", ""), service.get("kind", ""))
    url = service.get("url", "")
    if kind == "OAPIF" and layer_name:
        return Link(url="%s/collections/%s" % (url.rstrip("/"), layer_name), protocol="OGC:API-Features",
                    name=layer_name, kind="OAPIF")
    return Link(url=url, protocol="OGC:" + kind if kind in ("WMS", "WMTS", "WFS", "WCS") else kind,
                name=layer_name, kind=kind)


# -- one planner per kind -------------------------------------------------------------
def _pick_layer(caps, link, kind, url):
    if link.name:
        layer = caps.find(link.name)
        if layer is None:
            raise LoadError(tr("the {kind} service at {url} has no layer named {name}").format(
                kind=kind, url=url, name=link.name))
        return layer
    if len(caps.layers) == 1:
        return next(iter(caps.layers.values()))
    names = ", ".join(list(caps.layers)[:5]) + ("…" if len(caps.layers) > 5 else "")
    raise LoadError(tr("the link names no layer, and the {kind} service at {url} offers {count}: {names}").format(
        kind=kind, url=url, count=len(caps.layers), names=names or "-"))


def _caps(kind, url, ctx, version=""):
    key = (kind, url, version)
    if key in ctx.cache:
        return ctx.cache[key]
    caps, why = fetch_capabilities(kind, url, timeout=ctx.timeout, authcfg=ctx.authcfg, feedback=ctx.feedback,
                                   version=version)
    if caps is not None:
        ctx.cache[key] = caps
    if caps is None:
        raise LoadError(tr("{url} did not answer as a {kind} service: {why}").format(url=url, kind=kind, why=why))
    return caps


def provider_uri(params, authcfg="", encoded=False):
    """A data source URI: ``encoded`` (``wms``/``wcs`` style ``a=b&c=d``) or ``key='value'``."""
    u = QgsDataSourceUri()
    for key, value in params.items():
        u.setParam(key, value)
    if authcfg:
        u.setAuthConfigId(authcfg)
    return bytes(u.encodedUri()).decode("utf-8") if encoded else u.uri(False)


def _plan_wms(link, ctx):
    url = service_url(link.url)
    caps = _caps("WMS", url, ctx)
    layer = _pick_layer(caps, link, "WMS", url)
    crs = choose_crs(layer.crs, ctx.project_crs) or "EPSG:4326"
    fmt = "image/png" if "image/png" in caps.formats or not caps.formats else caps.formats[0]
    uri = provider_uri({"contextualWMSLegend": "0", "crs": crs, "dpiMode": "7", "format": fmt, "layers": layer.name,
                        "styles": "", "url": url}, ctx.authcfg, True)
    return LayerPlan("wms", uri, layer.title, "raster", crs, layer.title, layer.abstract)


def _plan_wmts(link, ctx):
    url = link.url if urlsplit(link.url).path.endswith(".xml") else service_url(link.url)
    caps = _caps("WMTS", url, ctx)
    layer = _pick_layer(caps, link, "WMTS", url)
    crs = choose_crs(layer.crs, ctx.project_crs)
    tms = next((s for s in layer.matrix_sets if choose_crs([caps.matrix_set_crs.get(s, "")]) == crs),
               layer.matrix_sets[0] if layer.matrix_sets else "")
    if not tms:
        raise LoadError(tr("the WMTS layer {name} has no tile matrix set").format(name=layer.name))
    crs = choose_crs([caps.matrix_set_crs.get(tms, "")]) or crs
    fmt = "image/png" if "image/png" in layer.formats or not layer.formats else layer.formats[0]
    uri = provider_uri({"contextualWMSLegend": "0", "crs": crs, "dpiMode": "7", "format": fmt, "layers": layer.name,
                        "styles": layer.styles[0] if layer.styles else "default", "tileMatrixSet": tms,
                        "url": url}, ctx.authcfg, True)
    return LayerPlan("wms", uri, layer.title, "raster", crs, layer.title, layer.abstract)


def _wfs_version(link):
    m = re.search(r"WFS[-_ ]?(\d\.\d\.\d)", link.protocol or "", re.I)
    return m.group(1) if m else ""


def _plan_wfs(link, ctx):
    url = service_url(link.url)
    caps = _caps("WFS", url, ctx, _wfs_version(link))
    layer = _pick_layer(caps, link, "WFS", url)
    crs = choose_crs(layer.crs, ctx.project_crs) or "EPSG:4326"
    srs = "EPSG:4326" if crs == "OGC:CRS84" else crs
    uri = provider_uri({"pagingEnabled": "true", "preferCoordinatesForWfsT11": "false", "restrictToRequestBBOX": "0",
                        "srsname": srs, "typename": layer.name, "url": url, "version": caps.version or "auto"},
                       ctx.authcfg, False)
    return LayerPlan("WFS", uri, layer.title, "vector", srs, layer.title, layer.abstract,
                 {"getstyles": url, "layer": layer.name})


def _plan_wcs(link, ctx):
    url = service_url(link.url)
    caps = _caps("WCS", url, ctx)
    layer = _pick_layer(caps, link, "WCS", url)
    crs = choose_crs(layer.crs, ctx.project_crs) if layer.crs else ""
    fmt = next((f for f in caps.formats if "tif" in f.lower()), caps.formats[0] if caps.formats else "")
    params = {"cache": "PreferNetwork", "identifier": layer.name, "url": url}
    if crs:
        params["crs"] = crs
    if fmt:
        params["format"] = fmt
    return LayerPlan("wcs", provider_uri(params, ctx.authcfg, True), layer.title, "raster", crs, layer.title,
                     layer.abstract)


def _get_json(url, ctx, what):
    resp = http_get(url, timeout=ctx.timeout, authcfg=ctx.authcfg, feedback=ctx.feedback,
                    headers={"Accept": "application/json"}, max_bytes=10 * 1024 * 1024)
    if resp.error:
        raise LoadError(tr("{url} did not answer as {what}: {why}").format(url=url, what=what, why=resp.error))
    try:
        doc = resp.json()
    except NotJson as exc:
        raise LoadError(tr("{url} did not answer as {what}: {why}").format(url=url, what=what, why=exc)) from None
    if not isinstance(doc, dict):
        raise LoadError(tr("{url} did not answer as {what}").format(url=url, what=what))
    if isinstance(doc.get("error"), dict):   # ArcGIS answers errors with HTTP 200
        err = doc["error"]
        raise LoadError(tr("{url} refused: {why}").format(url=url, why="%s %s" % (err.get("code", ""),
                                                                                  err.get("message", ""))))
    return doc


def _plan_oapif(link, ctx):
    parts = urlsplit(link.url)
    path = parts.path.rstrip("/")
    if "/collections/" in path:
        base_path, rest = path.split("/collections/", 1)
        cid = rest.split("/")[0]
    else:
        base_path, cid = (path[:-len("/collections")] if path.endswith("/collections") else path), link.name
    base = urlunsplit((parts.scheme, parts.netloc, base_path, "", ""))
    if not cid:
        raise LoadError(tr("the link names no OGC API collection: {url}").format(url=link.url))
    doc = _get_json("%s/collections/%s?f=json" % (base, cid), ctx, tr("an OGC API Features collection"))
    title = doc.get("title") or cid
    uri = provider_uri({"typename": cid, "url": base}, ctx.authcfg, False)
    return LayerPlan("OAPIF", uri, title, "vector", "EPSG:4326", title, doc.get("description", ""),
                 {"layer": cid})


def arcgis_crs(sr):
    sr = sr or {}
    wkid = sr.get("latestWkid") or sr.get("wkid")
    if wkid in (102100, 102113, 900913):
        wkid = 3857
    return "EPSG:%s" % wkid if wkid else ""


def _arcgis_split(url, marker):
    """(service URL ending in /MapServer or /FeatureServer, trailing layer id or '')."""
    m = re.match(r"^(.*?/%s)(?:/(\d+))?/?(?:\?.*)?$" % marker, url, re.I)
    if not m:
        raise LoadError(tr("not an ArcGIS {kind} address: {url}").format(kind=marker, url=url))
    return m.group(1), m.group(2) or ""


def _plan_arcgis_map(link, ctx):
    svc, layer_id = _arcgis_split(link.url, "MapServer")
    doc = _get_json(svc + "?f=json", ctx, tr("an ArcGIS map service"))
    layers = [lyr for lyr in doc.get("layers") or [] if isinstance(lyr, dict)]
    want = layer_id or link.name
    chosen = None
    if want:
        chosen = next((lyr for lyr in layers if str(lyr.get("id")) == want or lyr.get("name") == want), None)
        if chosen is None:
            raise LoadError(tr("the ArcGIS map service at {url} has no layer {name}").format(url=svc, name=want))
    native = arcgis_crs(doc.get("spatialReference"))
    crs = choose_crs([native, "EPSG:4326", "EPSG:3857"] if native else ["EPSG:4326", "EPSG:3857"], ctx.project_crs)
    title = (chosen or {}).get("name") or doc.get("documentInfo", {}).get("Title") or doc.get("mapName") or \
        svc.rstrip("/").split("/")[-2]
    params = {"crs": crs, "format": "PNG32", "url": svc}
    if chosen is not None:
        params["layer"] = str(chosen.get("id"))
    return LayerPlan("arcgismapserver", provider_uri(params, ctx.authcfg, False), title, "raster", crs, title,
                 doc.get("serviceDescription") or doc.get("description") or "")


def _plan_arcgis_feature(link, ctx):
    marker = "FeatureServer" if re.search(r"/FeatureServer", link.url, re.I) else "MapServer"
    svc, layer_id = _arcgis_split(link.url, marker)
    if not layer_id:
        doc = _get_json(svc + "?f=json", ctx, tr("an ArcGIS feature service"))
        layers = [lyr for lyr in doc.get("layers") or [] if isinstance(lyr, dict)]
        pick = next((lyr for lyr in layers if link.name and (str(lyr.get("id")) == link.name or
                                                             lyr.get("name") == link.name)), None)
        if pick is None and len(layers) == 1:
            pick = layers[0]
        if pick is None:
            raise LoadError(tr("the link names no layer of the ArcGIS feature service at {url}").format(url=svc))
        layer_id = str(pick.get("id"))
    url = "%s/%s" % (svc, layer_id)
    info = _get_json(url + "?f=json", ctx, tr("an ArcGIS feature layer"))
    if info.get("type") not in (None, "Feature Layer", "Table"):
        raise LoadError(tr("{url} is a {type}, not a feature layer").format(url=url, type=info.get("type")))
    crs = arcgis_crs((info.get("extent") or {}).get("spatialReference")) or "EPSG:4326"
    title = info.get("name") or link.name or layer_id
    return LayerPlan("arcgisfeatureserver", provider_uri({"crs": crs, "url": url}, ctx.authcfg, False), title,
                     "vector", crs, title,
                 info.get("description") or "")


PLANNERS = {"WMS": _plan_wms, "WMTS": _plan_wmts, "WFS": _plan_wfs, "WCS": _plan_wcs, "OAPIF": _plan_oapif,
            "ArcGIS MapServer": _plan_arcgis_map, "ArcGIS FeatureServer": _plan_arcgis_feature}


def plan(link, project_crs=None, authcfg="", timeout=20.0, feedback=None, cache=None):
    """What :func:`load_link` would ask QGIS for (:class:`LayerPlan`: provider key, URI, name),
    without making the layer; ``cache`` (a dict) reuses capabilities across calls. Raises
    :class:`LoadError` (also for downloads, which cannot be planned without downloading)."""
    kind = link_kind(link)
    if kind not in PLANNERS:
        raise LoadError(tr("Simpul cannot load a link of this kind ({kind}): {url}").format(
            kind=link.protocol or kind, url=link.url))
    ctx = _Ctx(project_crs, authcfg or "", timeout, feedback, False, cache if cache is not None else {})
    return PLANNERS[kind](link, ctx)


# -- making layers --------------------------------------------------------------------
def _make(plan, name):
    cls = QgsRasterLayer if plan.layer_type == "raster" else QgsVectorLayer
    layer = cls(plan.uri, name, plan.provider)
    if not layer.isValid():
        why = error_text(layer) or tr("the provider {provider} refused it").format(provider=plan.provider)
        raise LoadError(tr("QGIS could not open the layer: {why}").format(why=why))
    return layer


def _load_download(link, record, ctx):
    try:
        got = download(link.url, name=link.name, timeout=max(ctx.timeout, 60.0), authcfg=ctx.authcfg,
                       feedback=ctx.feedback)
    except DownloadError as exc:
        raise LoadError(tr("the download from {url} failed: {why}").format(url=link.url, why=exc)) from None
    plan = LayerPlan(got.provider, got.path, got.name, got.layer_type)
    try:
        return plan, _make(plan, (record.title if record else "") or got.name)
    except LoadError:
        if "|layername=" not in got.path:
            raise
        plan.uri = got.file   # the link's name is not a layer of the GeoPackage: take its first layer
        return plan, _make(plan, (record.title if record else "") or got.name)


def load_link(link, record=None, project_crs=None, authcfg="", timeout=20.0, feedback=None, style=True):
    """Load one link; returns a :class:`LoadResult` (never raises for a bad link)."""
    record = record or Record(identifier="", title=link.name or link.url)
    kind = link_kind(link)
    result = LoadResult(record=record, link=link, kind=kind)
    ctx = _Ctx(project_crs, authcfg or "", timeout, feedback, style)
    try:
        if kind == "download":
            plan, layer = _load_download(link, record, ctx)
        elif kind in PLANNERS:
            plan = PLANNERS[kind](link, ctx)
            layer = _make(plan, record.title or plan.title or link.name)
        else:
            raise LoadError(tr("Simpul cannot load a link of this kind ({kind}): {url}").format(
                kind=link.protocol or kind, url=link.url))
    except LoadError as exc:
        result.message = str(exc)
        return result
    except Exception as exc:  # noqa: BLE001 - a bad link must never raise into the GUI
        result.message = tr("loading {url} failed: {why}").format(url=link.url, why=exc)
        return result
    result.layer, result.crs = layer, layer.crs().authid() or plan.crs
    if record.identifier or record.title:
        apply_record(layer, replace(record, title=record.title or plan.title,
                                    abstract=record.abstract or plan.abstract), link)
    if style and plan.layer_type == "vector":
        result.style = styles.apply_server_style(layer, record, link, plan.sld_hint, authcfg=ctx.authcfg,
                                                 timeout=min(timeout, 10.0), feedback=feedback)
    observe("load", layer=layer.name(), kind=kind)
    return result


def load_record(record, kinds=None, all_links=False, project_crs=None, authcfg="", timeout=20.0,
                feedback=None, style=True):
    """Load ``record``: the first of its links (in ``kinds`` order) that loads, or every loadable
    link with ``all_links``. Returns [LoadResult]; one failed result when nothing loaded."""
    links = loadable_links(record, kinds)
    if not links:
        return [LoadResult(record=record, link=Link(url=""), message=tr(
            "The record {title} has no link Simpul can load as a layer.").format(title=record.title or
                                                                               record.identifier))]
    results, failures = [], []
    for link in links:
        if feedback is not None and feedback.isCanceled():
            break
        res = load_link(link, record, project_crs, authcfg, timeout, feedback, style)
        if res.ok:
            results.append(res)
            if not all_links:
                return results
        else:
            failures.append(res)
    if results:
        return results + failures if all_links else results
    if not failures:
        return [LoadResult(record=record, link=links[0], message=tr("canceled"))]
    first = failures[0]
    first.message = "; ".join(dict.fromkeys("%s: %s" % (f.kind, f.message) for f in failures))
    return [first]


def load_records(records, kinds=None, project_crs=None, authcfg_for=None, timeout=20.0, feedback=None,
                 style=True):
    """Load several records together; ``authcfg_for(record)`` gives each record's authcfg id."""
    out = []
    for i, record in enumerate(records):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * i / max(1, len(records)))
        authcfg = authcfg_for(record) if authcfg_for else ""
        out += load_record(record, kinds, False, project_crs, authcfg or "", timeout, feedback, style)
    return out
