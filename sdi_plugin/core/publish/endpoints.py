"""Where a node takes what is published, found from its base URL (or a registered node's id).

* **GeoServer REST**: ``<base>/geoserver/rest`` (or ``<base>/rest`` when the base is already
  GeoServer's, or the address the node's JSON landing page names) answers ``GET …/workspaces``
  with 200, or with 401 when it wants credentials. The demo node answers at ``/geoserver/rest``.
* **CSW-T**: the node's CSW (at the paths :mod:`~sdi_plugin.core.nodes.nodeinfo` probes), when its
  capabilities offer the Transaction operation; flavour pycsw or GeoNetwork (GeoNetwork takes
  transactions on ``csw-publication``).
* **OGC API Records** transactions: a record collection of the node's OGC API whose
  conformance includes create/replace/delete.
* **WMS / WFS** for the checks after publishing.

Explicit addresses (``overrides``) win over what is found.
"""
import json
from urllib.parse import urlsplit

from ..network.http import http_get
from ..i18n import tr
from ..nodes.nodeinfo import CSW_PATHS, OAPI_PATHS, OWS_PATHS, normalise_base
from ..nodes.registry import NodeRegistry
from ..network.xmlsafe import XmlError, localname, parse_xml
from .csw import flavour_of, transaction_url
from .model import Endpoints, PublishError
from .records import transactional


def is_url(text):
    parts = urlsplit((text or "").strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def resolve_node(node, authcfg="", registry=None):
    """(base URL, authcfg) for ``node``: a base URL, or the id of a node in the user's registry.
    Without an explicit ``authcfg``, a base URL of a registered node gets that node's login."""
    node = (node or "").strip()
    registry = registry or NodeRegistry()
    if is_url(node):
        base = normalise_base(node)
        if not authcfg:
            known = [n for n in registry.nodes() if n.authcfg and normalise_base(n.url) == base]
            authcfg = known[0].authcfg if known else ""
        return base, authcfg
    found = registry.get(node) if node else None
    if found is None:
        raise PublishError(tr("Unknown node {node}: give the node's base URL (http://…) or the id of a node you "
                              "added in Discover.").format(node=node or "-"))
    return normalise_base(found.url), authcfg or found.authcfg


def _answers_rest(rest, authcfg, timeout):
    resp = http_get(rest + "/workspaces.json", timeout=timeout, authcfg=authcfg, headers={"Accept": "application/json"})
    return resp.status == 401 or (resp.status == 200 and b"workspaces" in resp.content[:4096])


def find_geoserver(base, authcfg="", timeout=10.0):
    """GeoServer's REST root under ``base``, or ''. The well-known paths first, then the one a
    node's landing page names (``/?f=json``: ``endpoints.geoserver_rest``, as the demo node's does)."""
    candidates = [base + "/geoserver/rest", base + "/rest"]
    if base.rstrip("/").endswith("/rest"):
        candidates.insert(0, base.rstrip("/"))
    for rest in candidates:
        if _answers_rest(rest, authcfg, timeout):
            return rest
    landing = _json_at(base.rstrip("/") + "/", authcfg, timeout)
    named = ((landing.get("endpoints") or {}).get("geoserver_rest", "") if isinstance(landing, dict) else "")
    if isinstance(named, str) and is_url(named) and named.rstrip("/") not in candidates:
        if _answers_rest(named.rstrip("/"), authcfg, timeout):
            return named.rstrip("/")
    return ""


def csw_transactions(url, authcfg="", timeout=10.0):
    """(offers Transaction, flavour) for the CSW at ``url``."""
    resp = http_get(url + ("&" if "?" in url else "?") + "service=CSW&request=GetCapabilities&version=2.0.2",
                    timeout=timeout, authcfg=authcfg)
    if not resp.ok:
        return False, flavour_of(url)
    try:
        root = parse_xml(resp.content)
    except XmlError:
        return False, flavour_of(url)
    ops = {el.get("name") for el in root.iter() if localname(el) == "Operation"}
    return "Transaction" in ops, flavour_of(url, resp.content)


def _json_at(url, authcfg, timeout):
    resp = http_get(url + ("&" if "?" in url else "?") + "f=json", timeout=timeout, authcfg=authcfg,
                    headers={"Accept": "application/json"})
    if not resp.ok:
        return None
    try:
        return resp.json()
    except ValueError:
        return None


def find_record_collection(api_url, authcfg="", timeout=10.0):
    """The URL of a record collection of the OGC API at ``api_url`` that takes transactions:
    the API declares create/replace/delete conformance, or its OpenAPI document offers POST on
    the collection's items (pygeoapi declares the conformance class only for feature collections)."""
    api_url = api_url.rstrip("/")
    collections = (_json_at(api_url + "/collections", authcfg, timeout) or {}).get("collections") or []
    records = [c for c in collections if isinstance(c, dict) and (c.get("itemType") == "record"
                                                                  or c.get("type") == "catalog")]
    if not records:
        return ""
    conformance = _json_at(api_url + "/conformance", authcfg, timeout) or {}
    if transactional(json.dumps(conformance)):
        return "%s/collections/%s" % (api_url, records[0].get("id"))
    landing = _json_at(api_url, authcfg, timeout) or {}
    desc = next((l.get("href") for l in landing.get("links", []) if isinstance(l, dict)
                 and l.get("rel") == "service-desc"), "")
    paths = ((_json_at(desc, authcfg, timeout) or {}).get("paths") or {}) if desc else {}
    for c in records:
        if "post" in (paths.get("/collections/%s/items" % c.get("id")) or {}):
            return "%s/collections/%s" % (api_url, c.get("id"))
    return ""


def _ows_kind(url, service, authcfg, timeout):
    """True when ``url`` answers ``service`` (WMS, WFS, CSW) GetCapabilities with capabilities."""
    query = "SERVICE=%s&REQUEST=GetCapabilities" % service + ("&VERSION=2.0.2" if service == "CSW" else "")
    resp = http_get(url + ("&" if "?" in url else "?") + query, timeout=timeout, authcfg=authcfg)
    if not resp.ok:
        return False
    try:
        root = parse_xml(resp.content)
    except XmlError:
        return False
    name = localname(root)
    if service == "CSW":
        return name == "Capabilities" and "cat/csw" in root.tag
    return name in {"WMS": ("WMS_Capabilities", "WMT_MS_Capabilities"), "WFS": ("WFS_Capabilities",)}[service]


def _first(paths, base, test):
    for path in paths:
        url = (base + path) if path else base
        if test(url):
            return url
    return ""


def _records_api(url, authcfg, timeout):
    landing = _json_at(url, authcfg, timeout)
    if not isinstance(landing, dict) or "links" not in landing:
        return False
    classes = (_json_at(url.rstrip("/") + "/conformance", authcfg, timeout) or {}).get("conformsTo", [])
    return any("ogcapi-records-1" in c for c in classes if isinstance(c, str))


def detect_endpoints(base, authcfg="", timeout=10.0, feedback=None, overrides=None):
    """The :class:`Endpoints` of the node at ``base`` (overrides: explicit URLs by field name).

    The probes run one after another in the calling thread, each kind stopping at its first
    answer (the well-known paths of :mod:`~sdi_plugin.core.nodes.nodeinfo`). Not in a thread pool: a
    publish runs in a QgsTask, and short-lived worker threads each making a network manager of
    their own while the GUI thread paints were seen to corrupt memory in QGIS 3.22."""
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    ep = Endpoints(base_url=base)

    def stop():
        return feedback is not None and feedback.isCanceled()

    if "geonode" not in overrides and not stop():
        from .geonode import find_geonode
        ep.geonode = find_geonode(base, authcfg, timeout)
    # a GeoNode publishes to the GeoServer it manages itself: not a second time directly
    if "geoserver_rest" not in overrides and not ep.geonode:
        ep.geoserver_rest = find_geoserver(base, authcfg, timeout)
    if ep.geoserver_rest:
        ep.wms = ep.wfs = ep.geoserver_rest[: -len("/rest")] + "/ows"
    elif not stop():
        ep.wms = _first(OWS_PATHS, base, lambda u: _ows_kind(u, "WMS", authcfg, timeout))
        ep.wfs = _first(OWS_PATHS, base, lambda u: _ows_kind(u, "WFS", authcfg, timeout)) if not stop() else ""
    csw = overrides.get("csw") or ("" if stop() else _first(
        CSW_PATHS, base, lambda u: _ows_kind(u, "CSW", authcfg, timeout)))
    if csw:
        can, flavour = csw_transactions(csw, authcfg, timeout)
        ep.csw_flavour = overrides.get("csw_flavour") or flavour
        ep.csw_read = csw
        if can or flavour == "geonetwork" or "csw" in overrides:
            ep.csw = transaction_url(csw, ep.csw_flavour) if "csw" not in overrides else csw
    if "records" not in overrides and not stop():
        api = _first(OAPI_PATHS, base, lambda u: _records_api(u, authcfg, timeout))
        ep.records = find_record_collection(api, authcfg, timeout) if api else ""
    for key, value in overrides.items():
        if hasattr(ep, key):
            setattr(ep, key, value)
    return ep
