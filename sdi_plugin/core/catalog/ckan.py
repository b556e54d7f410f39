"""CKAN Action API client: ``package_search`` (q, fq, rows, start) and ``organization_list``.

Ina-Geoportal exposes CKAN; its organisations are nodes (a node for one organisation carries
the service ``{"kind": "CKAN", "url": <api>, "organization": <name>}``), and its resources in
"Esri REST" and "OGC:WMS" formats become loadable links (``resources/catalog/link_types.json``).
A dataset harvested from a CSW keeps the original identifier in the extra ``guid``, which is
used as the record identifier so that it merges with the same record found by CSW."""
import json
from urllib.parse import urlencode

from ..i18n import tr
from .client import PAGE_MAX_BYTES, CatalogueError, Page, get_json, parsing
from .iso19139 import kugi_theme
from .links import make_link
from .model import Record
from .ogcapi_records import _bounds


def api_url(url):
    """The Action API base (``…/api/3/action``) from a site URL or any action URL."""
    url = (url or "").rstrip("/")
    if "/api/3/action" in url:
        return url.split("/api/3/action", 1)[0] + "/api/3/action"
    if url.endswith("/api/3") or url.endswith("/api"):
        return url.rsplit("/api", 1)[0] + "/api/3/action"
    return url + "/api/3/action"


def _s(value):
    return value.strip() if isinstance(value, str) else ""


def _result(doc):
    if not isinstance(doc, dict) or "success" not in doc:
        raise CatalogueError(tr("not a CKAN Action API answer"))
    if doc.get("success") is not True:
        err = doc.get("error") if isinstance(doc.get("error"), dict) else {}
        raise CatalogueError(tr("CKAN refused the request: {text}").format(
            text=_s(err.get("message")) or _s(err.get("__type")) or "?"))
    return doc.get("result")


def _extras(package):
    return {_s(e.get("key")): e.get("value") for e in package.get("extras") or [] if isinstance(e, dict)}


def _bbox(extras):
    spatial = extras.get("spatial")
    if isinstance(spatial, str) and spatial.strip().startswith("{"):
        try:
            box = _bounds(json.loads(spatial))
            if box:
                return box
        except ValueError:
            pass
    try:
        w, e = float(extras["bbox-west-long"]), float(extras["bbox-east-long"])
        s, n = float(extras["bbox-south-lat"]), float(extras["bbox-north-lat"])
        return (min(w, e), min(s, n), max(w, e), max(s, n))
    except (KeyError, TypeError, ValueError):
        return None


def parse_package(package, source_url=""):
    """A :class:`Record` from one CKAN package (dataset) dict."""
    extras = _extras(package)
    org = package.get("organization") if isinstance(package.get("organization"), dict) else {}
    rec = Record(identifier=_s(extras.get("guid")) or _s(package.get("id")) or _s(package.get("name")),
                 source_url=source_url, source_format="ckan")
    rec.title = _s(package.get("title")) or _s(package.get("name"))
    rec.abstract = _s(package.get("notes"))
    rec.type = _s(package.get("type")) or "dataset"
    tags = [_s(t.get("display_name") or t.get("name")) for t in package.get("tags") or [] if isinstance(t, dict)]
    groups = [_s(g.get("title") or g.get("name")) for g in package.get("groups") or [] if isinstance(g, dict)]
    rec.keywords = list(dict.fromkeys(k for k in tags + groups if k))
    rec.theme = kugi_theme(groups) or kugi_theme(tags) or (groups[0] if groups else "")
    rec.organisation = _s(org.get("title")) or _s(org.get("name"))
    bits = [_s(package.get("maintainer")) or _s(package.get("author")),
            _s(package.get("maintainer_email")) or _s(package.get("author_email"))]
    rec.contact = " · ".join(b for b in bits if b) or rec.organisation
    dates = {}
    for key, name in (("metadata_created", "creation"), ("metadata_modified", "revision")):
        if _s(package.get(key)):
            dates[name] = _s(package.get(key))[:10]
    rec.dates = dates
    rec.date = dates.get("revision") or dates.get("creation", "")
    rec.bbox = _bbox(extras)
    rec.constraints = _s(package.get("license_title")) or _s(package.get("license_id"))
    if _s(extras.get("spatial-reference-system")):
        rec.crs = [_s(extras["spatial-reference-system"])]
    rec.links = [make_link(r.get("url"), _s(r.get("format")), _s(r.get("name")), _s(r.get("description")))
                 for r in package.get("resources") or [] if isinstance(r, dict) and _s(r.get("url"))]
    return rec


class CkanClient:
    kind = "CKAN"

    def __init__(self, url, organization="", authcfg="", max_bytes=PAGE_MAX_BYTES):
        self.api = api_url(url)
        self.organization = organization or ""
        self.authcfg = authcfg
        self.max_bytes = max_bytes

    def search_url(self, query, start, rows):
        fq = []
        if self.organization:
            fq.append('organization:"%s"' % self.organization.replace('"', ""))
        if query.theme:
            theme = query.theme.replace('"', "")
            slug = "-".join(theme.lower().split())   # a CKAN group's name
            fq.append('(tags:"%s" OR groups:"%s")' % (theme, slug))
        if query.date_from or query.date_to:
            fq.append("metadata_modified:[%s TO %s]" % (
                query.date_from + "T00:00:00Z" if query.date_from else "*",
                query.date_to + "T23:59:59Z" if query.date_to else "*"))
        params = [("q", " AND ".join(query.words()) or "*:*"), ("rows", str(rows)), ("start", str(start))]
        if fq:
            params.append(("fq", " AND ".join(fq)))
        if query.bbox:   # ckanext-spatial; ignored by a CKAN without it
            params.append(("ext_bbox", ",".join(repr(v) for v in query.bbox)))
        return "%s/package_search?%s" % (self.api, urlencode(params))

    def search(self, query, page_token=None, page_size=20, feedback=None, timeout=10.0):
        start = int(page_token or 0)
        url = self.search_url(query, start, page_size)
        result = _result(get_json(url, timeout, self.max_bytes, self.authcfg, feedback))
        if not isinstance(result, dict) or not isinstance(result.get("results"), list):
            raise CatalogueError(tr("not a CKAN package_search answer"))
        site = self.api.rsplit("/api/3/action", 1)[0]
        with parsing():
            records = [parse_package(p, site) for p in result["results"] if isinstance(p, dict)]
        count = result.get("count") if isinstance(result.get("count"), int) else -1
        nxt = start + len(result["results"])
        more = result["results"] and (count < 0 or nxt < count)
        return Page(records=[r for r in records if r.identifier], matched=count, next_token=nxt if more else None)


def organisations(url, timeout=10.0, authcfg="", feedback=None, max_bytes=PAGE_MAX_BYTES):
    """CKAN organisations (each a node): [{"name", "title", "count", "url", "api"}]."""
    api = api_url(url)
    query = urlencode([("all_fields", "true")])
    result = _result(get_json("%s/organization_list?%s" % (api, query), timeout, max_bytes, authcfg, feedback))
    site = api.rsplit("/api/3/action", 1)[0]
    out = []
    for org in result or []:
        if isinstance(org, str):
            org = {"name": org}
        if not isinstance(org, dict) or not _s(org.get("name")):
            continue
        out.append({"name": org["name"], "title": _s(org.get("title")) or org["name"],
                    "count": org.get("package_count") if isinstance(org.get("package_count"), int) else -1,
                    "url": "%s/organization/%s" % (site, org["name"]), "api": api})
    return out


def organisation_node(org, level="lainnya", parent="", authcfg=""):
    """A :class:`core.nodes.registry.Node` for one CKAN organisation (a dict from :func:`organisations`):
    searching it searches only that organisation's datasets."""
    from ..nodes.registry import Node, slug
    return Node(name=org["title"], url=org["url"], level=level, parent=parent, authcfg=authcfg, source="ckan",
                id="ckan-%s" % slug(org["name"]),
                services=[{"kind": "CKAN", "version": "", "url": org["api"], "title": org["title"],
                           "organization": org["name"]}])
