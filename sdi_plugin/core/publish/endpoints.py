"""Where a node takes what is published, found from its base URL (or a registered node's id).

* **GeoServer REST**: ``<base>/geoserver/rest`` (or ``<base>/rest`` when the base is already
  GeoServer's) answers ``GET …/workspaces`` with 200, or with 401 when it wants credentials.
* **CSW-T**: the CSW that :func:`~sdi_plugin.core.nodeinfo.detect_services` finds, when its
  capabilities offer the Transaction operation; flavour pycsw or GeoNetwork (GeoNetwork takes
  transactions on ``csw-publication``).
* **OGC API Records** transactions: a record collection of the node's OGC API whose
  conformance includes create/replace/delete.
* **WMS / WFS** for the checks after publishing.

Explicit addresses (``overrides``) win over what is found.
"""
import json
from urllib.parse import urlsplit

from ..http import http_get
from ..i18n import tr
from ..nodeinfo import detect_services, normalise_base
from ..nodes import NodeRegistry
from ..xmlsafe import XmlError, localname, parse_xml
from .csw import flavour_of, transaction_url
from .model import Endpoints, PublishError
from .records import transactional


def is_url(text):
    parts = urlsplit((text or "").strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def resolve_node(node, authcfg=""):
    """(base URL, authcfg) for ``node``: a base URL, or the id of a node in the user's registry."""
    node = (node or "").strip()
    if is_url(node):
        return normalise_base(node), authcfg
    found = NodeRegistry().get(node) if node else None
    if found is None:
        raise PublishError(tr("Unknown node {node}: give the node's base URL (http://…) or the id of a node you "
                              "added in Discover.").format(node=node or "-"))
    return normalise_base(found.url), authcfg or found.authcfg


def find_geoserver(base, authcfg="", timeout=10.0):
    """GeoServer's REST root under ``base``, or ''."""
    candidates = [base + "/geoserver/rest", base + "/rest"]
    if base.rstrip("/").endswith("/rest"):
        candidates.insert(0, base.rstrip("/"))
    for rest in candidates:
        resp = http_get(rest + "/workspaces.json", timeout=timeout, authcfg=authcfg, headers={"Accept": "application/json"})
        if resp.status == 401 or (resp.status == 200 and b"workspaces" in resp.content[:4096]):
            return rest
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
        return json.loads(resp.content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
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


def detect_endpoints(base, authcfg="", timeout=10.0, feedback=None, overrides=None):
    """The :class:`Endpoints` of the node at ``base`` (overrides: explicit URLs by field name)."""
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    ep = Endpoints(base_url=base)
    if "geoserver_rest" not in overrides:
        ep.geoserver_rest = find_geoserver(base, authcfg, timeout)
    info = detect_services(base, timeout=timeout, authcfg=authcfg, feedback=feedback)
    by_kind = {}
    for svc in info.services:
        by_kind.setdefault(svc.kind, svc.url)
    if ep.geoserver_rest:
        gs = ep.geoserver_rest[: -len("/rest")]
        ep.wms = ep.wfs = gs + "/ows"
    ep.wms = ep.wms or by_kind.get("WMS", "")
    ep.wfs = ep.wfs or by_kind.get("WFS", "")
    csw = overrides.get("csw") or by_kind.get("CSW", "")
    if csw:
        can, flavour = csw_transactions(csw, authcfg, timeout)
        ep.csw_flavour = overrides.get("csw_flavour") or flavour
        ep.csw_read = csw
        if can or flavour == "geonetwork" or "csw" in overrides:
            ep.csw = transaction_url(csw, ep.csw_flavour) if "csw" not in overrides else csw
    if "records" not in overrides and by_kind.get("OGC API Records"):
        ep.records = find_record_collection(by_kind["OGC API Records"], authcfg, timeout)
    for key, value in overrides.items():
        if hasattr(ep, key):
            setattr(ep, key, value)
    return ep
