"""OGC API - Records client: ``/collections/{id}/items?q=&bbox=&datetime=&limit=``, following the
answers' ``next`` links. The service URL may be a landing page (its record collections are
found through ``/collections``: ``itemType: record``) or one collection."""
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..i18n import tr
from .client import PAGE_MAX_BYTES, Canceled, CatalogueError, Page, get_json, parsing
from .iso19139 import kugi_theme
from .links import make_link
from .model import Record

_SELF_RELS = {"self", "alternate", "collection", "root", "next", "prev", "previous", "up", "first", "last"}


def _with_json(url):
    """``url`` with f=json unless it names a format already (pygeoapi's next links do not)."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    if not any(k == "f" for k, _ in params):
        params.append(("f", "json"))
    return urlunsplit(parts._replace(query=urlencode(params)))


def _bounds(geometry):
    xs, ys = [], []

    def walk(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            if len(c) >= 2:
                xs.append(float(c[0]))
                ys.append(float(c[1]))
        elif isinstance(c, (list, tuple)):
            for item in c:
                walk(item)
    if isinstance(geometry, dict):
        walk(geometry.get("coordinates"))
        for g in geometry.get("geometries") or []:
            if isinstance(g, dict):
                walk(g.get("coordinates"))
    if not xs:
        return None
    box = (min(xs), min(ys), max(xs), max(ys))
    if not (-180 <= box[0] <= 180 and -180 <= box[2] <= 180 and -90 <= box[1] <= 90 and -90 <= box[3] <= 90):
        return None
    return box


def _s(value):
    return value.strip() if isinstance(value, str) else ""


def parse_record(feature, source_url=""):
    """A :class:`Record` from one OGC API Records feature (GeoJSON)."""
    props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    rec = Record(identifier=_s(str(feature.get("id", ""))), source_url=source_url, source_format="ogcapi-records")
    rec.title = _s(props.get("title"))
    rec.abstract = _s(props.get("description"))
    rec.type = _s(props.get("type")) or "dataset"
    keywords = [_s(k) for k in props.get("keywords") or [] if _s(k)]
    concepts = []
    for theme in props.get("themes") or []:
        if isinstance(theme, dict):
            for concept in theme.get("concepts") or []:
                if isinstance(concept, dict):
                    concepts.append(_s(concept.get("id")) or _s(concept.get("title")))
                elif _s(concept):
                    concepts.append(_s(concept))
    rec.keywords = list(dict.fromkeys(keywords + [c for c in concepts if c]))
    rec.theme = kugi_theme(concepts) or kugi_theme(keywords) or (concepts[0] if concepts else "")
    for contact in props.get("contacts") or []:
        if not isinstance(contact, dict):
            continue
        rec.organisation = rec.organisation or _s(contact.get("organization"))
        bits = [_s(contact.get("name"))]
        bits += [_s(e.get("value")) for e in contact.get("emails") or [] if isinstance(e, dict)]
        bits += [_s(p.get("value")) for p in contact.get("phones") or [] if isinstance(p, dict)]
        rec.contact = rec.contact or " · ".join(b for b in bits if b)
    dates = {}
    for key, name in (("created", "creation"), ("updated", "revision"), ("recordUpdated", "metadata")):
        if _s(props.get(key)):
            dates[name] = _s(props.get(key))[:10] if len(_s(props.get(key))) > 10 else _s(props.get(key))
    time = feature.get("time") if isinstance(feature.get("time"), dict) else {}
    if not dates and (time.get("date") or (time.get("interval") or [None])[0]):
        dates["publication"] = _s(time.get("date") or time["interval"][0])
    rec.dates = dates
    rec.date = next((dates[k] for k in ("revision", "publication", "creation", "metadata") if dates.get(k)), "")
    rec.bbox = _bounds(feature.get("geometry"))
    rec.constraints = "; ".join(x for x in (_s(props.get("rights")), _s(props.get("license"))) if x)
    links = []
    raw = list(feature.get("links") or []) + list(props.get("associations") or [])
    for link in raw:
        if not isinstance(link, dict) or not _s(link.get("href")):
            continue
        if _s(link.get("rel")) in _SELF_RELS:
            continue
        protocol = _s(link.get("protocol")) or _s(link.get("type"))
        links.append(make_link(link["href"], protocol, _s(link.get("name")) or "", _s(link.get("title"))))
    rec.links = links
    return rec


class RecordsClient:
    kind = "OGC API Records"

    def __init__(self, url, authcfg="", max_bytes=PAGE_MAX_BYTES):
        self.url = url.rstrip("/")
        self.authcfg = authcfg
        self.max_bytes = max_bytes
        self._collections = None

    def collections(self, timeout=10.0, feedback=None):
        """The record collections' URLs (found once)."""
        if self._collections is not None:
            return self._collections
        path = urlsplit(self.url).path
        m = re.search(r"^(.*/collections/[^/]+)(/items)?/?$", path)
        if m:
            self._collections = [urlunsplit(urlsplit(self.url)._replace(path=m.group(1), query=""))]
            return self._collections
        doc = get_json(_with_json(self.url + "/collections"), timeout, self.max_bytes, self.authcfg, feedback)
        found = []
        for col in (doc.get("collections") if isinstance(doc, dict) else None) or []:
            if not isinstance(col, dict) or not col.get("id"):
                continue
            if col.get("itemType") == "record" or col.get("type") == "catalog":
                found.append("%s/collections/%s" % (self.url, col["id"]))
        if not found:
            raise CatalogueError(tr("the OGC API has no record collection"))
        self._collections = found
        return found

    def first_url(self, collection, query, page_size):
        params = [("f", "json"), ("limit", str(page_size))]
        if query.words():
            params.append(("q", " ".join(query.words())))
        if query.bbox:
            params.append(("bbox", ",".join(repr(v) for v in query.bbox)))
        if query.date_from or query.date_to:
            params.append(("datetime", "%s/%s" % (query.date_from or "..", query.date_to or "..")))
        return "%s/items?%s" % (collection, urlencode(params))

    def search(self, query, page_token=None, page_size=20, feedback=None, timeout=10.0):
        """One page of every record collection, each searched on its own: a collection that fails
        is named in ``Page.problems`` and the others' records are kept; only when every collection
        fails does the search fail."""
        if page_token is None:
            pending = [self.first_url(c, query, page_size) for c in self.collections(timeout, feedback)]
        else:
            pending = list(page_token)
        records, matched, next_urls, problems = [], 0, [], []
        for url in pending:
            collection = url.split("/items", 1)[0]
            try:
                doc = get_json(url, timeout, self.max_bytes, self.authcfg, feedback)
                if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
                    raise CatalogueError(tr("not an OGC API Records answer (no features)"))
            except Canceled:
                raise
            except CatalogueError as exc:
                problems.append(tr("collection {name}: {why}").format(name=collection.rsplit("/", 1)[-1],
                                                                       why=str(exc)))
                continue
            with parsing():
                for feature in doc["features"]:
                    if isinstance(feature, dict):
                        rec = parse_record(feature, collection)
                        if (rec.identifier or rec.title) and self._theme_ok(rec, query):
                            records.append(rec)
            n = doc.get("numberMatched")
            matched = matched + n if isinstance(n, int) and matched >= 0 else -1
            nxt = next((l.get("href") for l in doc.get("links") or []
                        if isinstance(l, dict) and l.get("rel") == "next" and l.get("href")), None)
            if nxt and doc["features"] and nxt != url:
                next_urls.append(_with_json(nxt))
        if problems and len(problems) == len(pending):
            raise CatalogueError("; ".join(problems))
        return Page(records=records, matched=matched, next_token=next_urls or None, problems=problems)

    @staticmethod
    def _theme_ok(rec, query):
        """OGC API Records has no keyword filter in its core: the theme is checked here."""
        if not query.theme:
            return True
        theme = query.theme.lower()
        return rec.theme.lower() == theme or any(theme == k.lower() for k in rec.keywords)
