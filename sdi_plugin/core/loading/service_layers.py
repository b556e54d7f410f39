"""What a node's service holds, as a list the Browser panel can show: the layers of a WMS,
WFS, WMTS or WCS (one capabilities request), the collections of an OGC API Features
service, the folders, services and layers of an ArcGIS REST directory. Each layer comes with
its :class:`~.loader.LayerPlan` (provider key + URI) so it can be dragged onto the map."""
from dataclasses import dataclass

from ..catalog.model import Link
from ..network.http import NotJson, http_get
from ..i18n import tr
from .loader import LayerPlan, LoadError, arcgis_crs, plan, provider_uri, service_link

OWS = ("WMS", "WFS", "WMTS", "WCS")


@dataclass
class Entry:
    title: str
    kind: str                 # "layer" | "folder" | "service"
    url: str = ""             # for folders and services: where to list further
    service_kind: str = ""    # for services: "MapServer" | "FeatureServer" | …
    link: Link = None         # for layers
    plan: LayerPlan = None    # for layers: provider and URI
    abstract: str = ""


def _json(url, timeout, authcfg, feedback):
    resp = http_get(url, timeout=timeout, authcfg=authcfg, feedback=feedback, max_bytes=20 * 1024 * 1024,
                    headers={"Accept": "application/json"})
    if resp.error:
        raise LoadError(resp.error)
    try:
        doc = resp.json()
    except NotJson as exc:
        raise LoadError(str(exc)) from None
    if isinstance(doc, dict) and isinstance(doc.get("error"), dict):
        raise LoadError(str(doc["error"].get("message", "")))
    return doc if isinstance(doc, dict) else {}


def _ows(service, timeout, authcfg, feedback, project_crs):
    from .capabilities import fetch_capabilities
    kind = service["kind"]
    caps, why = fetch_capabilities(kind, service["url"], timeout=timeout, authcfg=authcfg, feedback=feedback)
    if caps is None:
        raise LoadError(why)
    cache = {(kind, service["url"], ""): caps}
    out = []
    for name, info in caps.layers.items():
        link = service_link(service, name)
        try:
            p = plan(link, project_crs, authcfg, timeout, feedback, cache)
        except LoadError:
            continue
        out.append(Entry(info.title or name, "layer", link=link, plan=p, abstract=info.abstract))
    return out


def _oapif(service, timeout, authcfg, feedback):
    base = service["url"].rstrip("/")
    doc = _json(base + "/collections?f=json", timeout, authcfg, feedback)
    out = []
    for col in doc.get("collections") or []:
        cid = col.get("id") if isinstance(col, dict) else None
        if not cid:
            continue
        title = col.get("title") or cid
        p = LayerPlan("OAPIF", provider_uri({"typename": cid, "url": base}, authcfg, False), title, "vector",
                      "EPSG:4326", title, col.get("description", ""))
        out.append(Entry(title, "layer", link=service_link(service, cid), plan=p, abstract=col.get("description", "")))
    return out


def _arcgis_directory(url, timeout, authcfg, feedback):
    doc = _json(url.rstrip("/") + "?f=json", timeout, authcfg, feedback)
    root = url.rstrip("/")
    base = root.split("/rest/services")[0] + "/rest/services"
    out = [Entry(f, "folder", url="%s/%s" % (base, f)) for f in doc.get("folders") or [] if isinstance(f, str)]
    for svc in doc.get("services") or []:
        if isinstance(svc, dict) and svc.get("type") in ("MapServer", "FeatureServer"):
            name = svc.get("name", "")
            out.append(Entry(name.split("/")[-1], "service", url="%s/%s/%s" % (base, name, svc["type"]),
                             service_kind=svc["type"]))
    return out


def _arcgis_service(url, service_kind, timeout, authcfg, feedback, project_crs):
    from .capabilities import choose_crs
    doc = _json(url + "?f=json", timeout, authcfg, feedback)
    native = arcgis_crs(doc.get("spatialReference")) or "EPSG:4326"
    out = []
    layers = [lyr for lyr in doc.get("layers") or [] if isinstance(lyr, dict)]
    if service_kind == "MapServer":
        crs = choose_crs([native, "EPSG:4326", "EPSG:3857"], project_crs)
        title = doc.get("documentInfo", {}).get("Title") or doc.get("mapName") or url.rstrip("/").split("/")[-2]
        link = Link(url=url, protocol="ESRI:ArcGIS:MapServer", kind="ArcGIS MapServer")
        p = LayerPlan("arcgismapserver", provider_uri({"crs": crs, "format": "PNG32", "url": url}, authcfg, False),
                      title, "raster", crs, title)
        out.append(Entry(tr("{title} (all layers)").format(title=title), "layer", link=link, plan=p))
        for lyr in layers:
            link = Link(url="%s/%s" % (url, lyr.get("id")), protocol="ESRI:ArcGIS:MapServer", name=str(lyr.get("id")),
                        kind="ArcGIS MapServer")
            params = {"crs": crs, "format": "PNG32", "layer": str(lyr.get("id")), "url": url}
            p = LayerPlan("arcgismapserver", provider_uri(params, authcfg, False), lyr.get("name", ""), "raster", crs)
            out.append(Entry(lyr.get("name") or str(lyr.get("id")), "layer", link=link, plan=p))
    else:
        for lyr in layers:
            lurl = "%s/%s" % (url, lyr.get("id"))
            link = Link(url=lurl, protocol="ESRI:ArcGIS:FeatureServer", kind="ArcGIS FeatureServer")
            p = LayerPlan("arcgisfeatureserver", provider_uri({"crs": native, "url": lurl}, authcfg, False),
                          lyr.get("name", ""), "vector", native)
            out.append(Entry(lyr.get("name") or str(lyr.get("id")), "layer", link=link, plan=p))
    return out


def list_service(service, timeout=10.0, authcfg="", feedback=None, project_crs=None):
    """``([Entry], message)`` for a service dict (``kind``, ``url``; ArcGIS folders and services
    as ``{"kind": "ArcGIS folder" | "ArcGIS MapServer" | "ArcGIS FeatureServer", "url": …}``).
    Never raises; ``message`` says why the list is empty when it failed."""
    kind = service.get("kind", "")
    try:
        if kind in OWS:
            return _ows(service, timeout, authcfg, feedback, project_crs), ""
        if kind == "OGC API Features":
            return _oapif(service, timeout, authcfg, feedback), ""
        if kind in ("ArcGIS REST", "ArcGIS folder"):
            return _arcgis_directory(service["url"], timeout, authcfg, feedback), ""
        if kind in ("ArcGIS MapServer", "ArcGIS FeatureServer"):
            return _arcgis_service(service["url"], kind.split()[-1], timeout, authcfg, feedback, project_crs), ""
    except LoadError as exc:
        return [], tr("{kind} at {url}: {why}").format(kind=kind, url=service.get("url", ""), why=exc)
    return [], ""
