"""A node's health: up / slow / down, latency, when it was checked, how many records it holds.

A check is a handful of light requests, one after another until a service answers, each with
its own timeout; the first that times out ends the check, so a dead or hanging node costs one
timeout and never more. When the node's services are not known
yet (or ``detect=True``) the full service detection of :mod:`.nodeinfo` runs instead.
The record count comes from the catalogue itself (CSW ``GetRecords`` with
``resultType=hits``, OGC API Records ``numberMatched``, CKAN ``package_search`` ``count``)
or, when the node does not answer, from the offline cache (a callable passed in).

Settings (``QgsSettings``): ``simpul/health/interval_minutes`` (background refresh, 0 = off,
default 15), ``simpul/health/slow_ms`` (slower than this is "slow", default 2000),
``simpul/health/timeout_s`` (per request, default 5).
"""
from datetime import datetime, timezone

from qgis.core import QgsSettings

from ..network.http import NotJson, http_get
from ..i18n import tr
from .nodeinfo import detect_services
from ..network.xmlsafe import XmlError, localname, parse_xml

INTERVAL_KEY, DEFAULT_INTERVAL_MIN = "simpul/health/interval_minutes", 15
SLOW_KEY, DEFAULT_SLOW_MS = "simpul/health/slow_ms", 2000
TIMEOUT_KEY, DEFAULT_TIMEOUT_S = "simpul/health/timeout_s", 5.0
CATALOGUE_KINDS = ("CSW", "OGC API Records", "CKAN")


def interval_minutes():
    return max(0, QgsSettings().value(INTERVAL_KEY, DEFAULT_INTERVAL_MIN, type=int))


def slow_ms():
    return max(1, QgsSettings().value(SLOW_KEY, DEFAULT_SLOW_MS, type=int))


def timeout_s():
    return max(0.5, QgsSettings().value(TIMEOUT_KEY, DEFAULT_TIMEOUT_S, type=float))


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def state_label(state):
    return {"up": tr("Up"), "slow": tr("Slow"), "down": tr("Down")}.get(state, tr("Not checked"))


def _q(url, query):
    return url + ("&" if "?" in url else "?") + query


# -- record counts --------------------------------------------------------------------
def _csw_count(service, timeout, authcfg, feedback):
    versions = service.get("versions") or [service.get("version") or "2.0.2"]
    version = "2.0.2" if "2.0.2" in versions else versions[-1]
    version = "3.0.0" if version.startswith("3") else "2.0.2"
    query = ("service=CSW&version=%s&request=GetRecords&typeNames=csw:Record&resultType=hits&elementSetName=brief"
             % version)
    resp = http_get(_q(service["url"], query), timeout=timeout, authcfg=authcfg, max_bytes=2 * 1024 * 1024,
                    feedback=feedback)
    if resp.error:
        return resp, None, resp.error
    try:
        root = parse_xml(resp.content)
    except XmlError as exc:
        return resp, None, str(exc)
    for el in root.iter():
        if localname(el) == "SearchResults" and el.get("numberOfRecordsMatched", "").isdigit():
            return resp, int(el.get("numberOfRecordsMatched")), ""
    text = " ".join(t.strip() for t in root.itertext() if t.strip())[:200]
    return resp, None, tr("the catalogue did not give a record count: {text}").format(text=text)


def _ckan_count(service, timeout, authcfg, feedback):
    resp = http_get(service["url"].rstrip("/") + "/package_search?rows=0", timeout=timeout, authcfg=authcfg,
                    max_bytes=2 * 1024 * 1024, feedback=feedback)
    if resp.error:
        return resp, None, resp.error
    try:
        doc = resp.json()
        return resp, int(doc["result"]["count"]), ""
    except (XmlError, NotJson, KeyError, TypeError, ValueError):
        return resp, None, tr("not a CKAN package_search answer")


def _records_count(service, timeout, authcfg, feedback):
    base = service["url"].rstrip("/")
    resp = http_get(base + "/collections?f=json", timeout=timeout, authcfg=authcfg, max_bytes=5 * 1024 * 1024,
                    headers={"Accept": "application/json"}, feedback=feedback)
    if resp.error:
        return resp, None, resp.error
    try:
        cols = [c for c in resp.json().get("collections", []) if isinstance(c, dict)]
        records = [c for c in cols if c.get("itemType") == "record"] or cols[:1]
        total = 0
        for col in records:
            items = http_get("%s/collections/%s/items?f=json&limit=1" % (base, col.get("id")), timeout=timeout,
                             authcfg=authcfg, max_bytes=5 * 1024 * 1024, feedback=feedback)
            if items.error:
                return items, None, items.error
            total += int(items.json().get("numberMatched", 0))
        return resp, total, ""
    except (XmlError, NotJson, AttributeError, TypeError, ValueError):
        return resp, None, tr("not an OGC API Records answer")


COUNTERS = {"CSW": _csw_count, "CKAN": _ckan_count, "OGC API Records": _records_count}


# -- a light probe per service kind ---------------------------------------------------
def _gave_up(resp):
    return bool(resp.timed_out or getattr(resp, "canceled", False))


def _probe(service, timeout, authcfg, feedback):
    """(elapsed_ms if the service answered properly else None, record count or None, message,
    True when the request timed out or was canceled)."""
    kind, url = service.get("kind", ""), service.get("url", "")
    if kind in COUNTERS:
        resp, count, why = COUNTERS[kind](service, timeout, authcfg, feedback)
        return (resp.elapsed_ms if not why else None), count, why, _gave_up(resp)
    if kind in ("WMS", "WFS", "WMTS"):
        resp = http_get(_q(url, "SERVICE=%s&REQUEST=GetCapabilities" % kind), timeout=timeout, authcfg=authcfg,
                        max_bytes=20 * 1024 * 1024, feedback=feedback)
        why = resp.error
        if not why:
            try:
                parse_xml(resp.content)
            except XmlError as exc:
                why = str(exc)
    else:   # OGC API Features, ArcGIS REST and anything JSON
        resp = http_get(_q(url, "f=json"), timeout=timeout, authcfg=authcfg, max_bytes=20 * 1024 * 1024,
                        headers={"Accept": "application/json"}, feedback=feedback)
        why = resp.error
        if not why:
            try:
                resp.json()
            except NotJson as exc:
                why = str(exc)
    return (resp.elapsed_ms if not why else None), None, why, _gave_up(resp)


def check(node, timeout=None, feedback=None, detect=False, cache_count=None, max_services=4):
    """Check ``node``; returns ``(health, services)``.

    ``health`` is the dict stored in ``Node.health``: ``state`` (up/slow/down), ``latency_ms``,
    ``checked`` (ISO 8601 UTC), ``record_count`` (int or None), ``count_source``
    ("catalogue", "cache" or ""), ``message`` (why it is down, or "").
    ``services`` is the fresh detection (list of dicts) when it ran, else None.
    ``cache_count(node_id)`` gives the offline cache's count for the node, or None.
    """
    timeout = timeout or timeout_s()
    services = None
    known = [s for s in (node.services or []) if s.get("url") and s.get("kind")]
    if detect or not known:
        info = detect_services(node.url, timeout=timeout, authcfg=node.authcfg, feedback=feedback)
        services = [dict(s.__dict__) for s in info.services]
        known = services
        latency = info.latency_ms if info.services else None
        why = "" if info.services else next((p.message for p in info.probes if p.message), tr("no known service"))
        health = {"latency_ms": latency or 0}
        counts = []
        cats = [s for s in known if s["kind"] in COUNTERS][:2]
        for svc in cats:
            _, count, _ = COUNTERS[svc["kind"]](svc, timeout, node.authcfg, feedback)
            if count is not None:
                counts.append(count)
        alive = bool(info.services)
    else:
        # One service after another in the calling thread, catalogues first, until one answers;
        # a service that times out ends the check (the node is down): one timeout at most.
        order = sorted(known, key=lambda s: 0 if s["kind"] in CATALOGUE_KINDS else 1)[:max_services]
        answered, counts, problems = [], [], []
        for service in order:
            elapsed, count, problem, gave_up = _probe(service, timeout, node.authcfg, feedback)
            if count is not None:
                counts.append(count)
            if elapsed is not None:
                answered.append(elapsed)
                break
            problems.append("%s: %s" % (service["kind"], problem))
            if gave_up:
                break
        alive = bool(answered)
        latency = max(1, min(answered)) if answered else None
        why = "" if alive else "; ".join(problems)
        health = {"latency_ms": latency or 0}
    if not alive:
        state = "down"
    else:
        state = "slow" if health["latency_ms"] > slow_ms() else "up"
    health.update(state=state, checked=_now(), message=why if state == "down" else "",
                  record_count=counts[0] if counts else None, count_source="catalogue" if counts else "")
    if health["record_count"] is None and cache_count is not None:
        try:
            cached = cache_count(node.id)
        except Exception:  # noqa: BLE001 - the cache is a convenience; never fail a check on it
            cached = None
        if cached is not None:
            health.update(record_count=int(cached), count_source="cache")
    return health, services
