"""Which catalogue of a node to search, and with which client.

A node's detected services (``Node.services``, dicts from ``core.nodes.nodeinfo``) name its
catalogues; one is searched per node, in this order of preference: CSW, OGC API Records,
CKAN (a node with CSW and OGC API Records over the same records must not be counted twice).
A node whose services were never detected is probed first (in the worker thread). A bare
catalogue URL (``sdi:searchcatalogs`` NODES) becomes a node of its own."""
from dataclasses import asdict
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from ..i18n import tr
from ..nodes.nodeinfo import detect_services, normalise_base
from ..nodes.registry import Node
from .ckan import CkanClient
from .client import PAGE_MAX_BYTES, CatalogueError
from .csw import CswClient
from .ogcapi_records import RecordsClient

CATALOGUE_KINDS = ("CSW", "OGC API Records", "CKAN")


def catalogue_services(node):
    """The node's catalogue services (dicts), most preferred first."""
    services = [s for s in node.services or [] if isinstance(s, dict) and s.get("kind") in CATALOGUE_KINDS]
    return sorted(services, key=lambda s: CATALOGUE_KINDS.index(s["kind"]))


def client_for_service(service, authcfg="", max_bytes=PAGE_MAX_BYTES):
    kind, url = service.get("kind"), service.get("url", "")
    if kind == "CSW":
        versions = service.get("versions") or [service.get("version", "2.0.2")]
        version = "2.0.2" if "2.0.2" in versions or not versions else versions[-1]
        return CswClient(url, version, authcfg, max_bytes)
    if kind == "OGC API Records":
        return RecordsClient(url, authcfg, max_bytes)
    if kind == "CKAN":
        return CkanClient(url, service.get("organization", ""), authcfg, max_bytes)
    raise CatalogueError(tr("not a catalogue service: {kind}").format(kind=kind))


def client_for_node(node, timeout=10.0, feedback=None, max_bytes=PAGE_MAX_BYTES, detect=True):
    """A client for the node's preferred catalogue; detects the services first when none is known
    (and keeps them on ``node.services``). :class:`CatalogueError` if the node has no catalogue."""
    services = catalogue_services(node)
    if not services and detect:
        info = detect_services(node.url, timeout=min(timeout, 5.0), authcfg=node.authcfg, feedback=feedback)
        if info.services:
            node.services = [asdict(s) for s in info.services]
        services = catalogue_services(node)
        if not services:
            if not info.reachable:
                why = next((p.message for p in info.probes if p.message), "")
                raise CatalogueError(tr("the node did not answer: {why}").format(why=why))
    if not services:
        raise CatalogueError(tr("no catalogue (CSW, OGC API Records or CKAN) found at this node"))
    return client_for_service(services[0], node.authcfg, max_bytes)


def service_for_url(url):
    """A catalogue service dict guessed from a URL's shape, or None when the shape says nothing."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    params = {k.lower(): v.lower() for k, v in parse_qsl(parts.query)}
    if "/api/3/action" in path or path.endswith("/api/3"):
        return {"kind": "CKAN", "url": url, "version": "", "title": ""}
    if params.get("service") == "csw" or path.endswith(("/csw", "/csw.py", "/srv/eng/csw", "/srv/ind/csw")):
        clean = urlunsplit(parts._replace(query="", fragment=""))
        return {"kind": "CSW", "url": clean, "version": "2.0.2", "versions": ["2.0.2"], "title": ""}
    if "/collections/" in path:
        return {"kind": "OGC API Records", "url": urlunsplit(parts._replace(query="", fragment="")),
                "version": "1.0", "title": ""}
    return None


def node_from_url(url, authcfg=""):
    """A transient :class:`Node` for a catalogue or node URL (services guessed from its shape;
    otherwise detected when it is searched)."""
    url = (url or "").strip()
    if url and "://" not in url:
        url = "http://" + url
    service = service_for_url(url)
    host = urlsplit(url).netloc or url
    base = normalise_base(url) if service is None else url
    return Node(name=host, url=base, authcfg=authcfg, source="url", id=url,
                services=[service] if service else [])
