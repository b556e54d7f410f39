"""Detect which services a node answers, from its base URL alone.

Each probe is one GET of a well-known path; probes run in parallel and a dead or slow path
never holds up the others. The whole check has one deadline (its timeout): every request is
given the time left to it, and a probe not yet started when the time is up is reported as not
checked — so a check ends within its timeout (plus a tick) whatever the number of probes, the
load of the machine, or other checks sharing the probe threads. The result is a plain,
JSON-ready description of the node: one entry per service kind found (kind, version,
versions, endpoint URL, title), plus what each probe saw (for diagnosis).
"""
import json
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit, urlunsplit

from ..network import workers
from ..network.http import NotJson, http_get
from ..errors import SimpulError
from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml

OWS_PATHS = ("/ows", "/geoserver/ows", "/wms", "/wfs", "/geoserver/wms", "/geoserver/wfs", "")
CSW_PATHS = ("/csw", "/catalogue/csw", "/geonetwork/srv/eng/csw", "/pycsw/csw.py", "/geoserver/ows")
WMTS_PATHS = ("/wmts", "/geoserver/gwc/service/wmts", "/ows")
OAPI_PATHS = ("/wfs3", "/ogcapi", "/api", "/oapi", "")
ARCGIS_PATHS = ("/arcgis/rest/services", "/server/rest/services", "/rest/services")
CKAN_PATHS = ("/api/3/action/status_show",)

# Order of preference for reporting, and the kinds this module knows.
KINDS = ("CSW", "OGC API Records", "OGC API Features", "WMS", "WMTS", "WFS", "ArcGIS REST", "CKAN")


@dataclass
class ServiceInfo:
    kind: str
    version: str
    url: str
    title: str = ""
    versions: list = field(default_factory=list)


@dataclass
class ProbeResult:
    url: str
    kind: str
    status: int = 0
    ok: bool = False
    message: str = ""
    elapsed_ms: int = 0
    skipped: bool = False    # not started: the check's time was up before its turn came
    timeout_ms: int = 0      # the time its (first) request was given: what was left of the check


@dataclass
class NodeInfo:
    url: str
    checked: str
    services: list = field(default_factory=list)
    probes: list = field(default_factory=list)
    latency_ms: int = 0

    @property
    def reachable(self):
        return any(p.status for p in self.probes)

    def to_dict(self):
        d = asdict(self)
        d["reachable"] = self.reachable
        return d

    def to_json(self):
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def normalise_base(url):
    url = (url or "").strip()
    if url and "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _join(base, path, query=""):
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, (parts.path + path) or "/", query, ""))


def _text(el, names):
    for child in el.iter():
        if localname(child) in names and child.text and child.text.strip():
            return child.text.strip()
    return ""


def _ows_versions(root):
    vs = [c.text.strip() for c in root.iter() if localname(c) == "ServiceTypeVersion" and c.text]
    return sorted(set(vs))


def _parse_ows(kind, data):
    """Return (version, versions, title) if ``data`` is ``kind``'s capabilities, else None."""
    root = parse_xml(data)
    name = localname(root)
    expected = {
        "WMS": ("WMS_Capabilities", "WMT_MS_Capabilities"),
        "WFS": ("WFS_Capabilities",),
        "CSW": ("Capabilities",),
        "WMTS": ("Capabilities",),
    }[kind]
    if name not in expected:
        if name in ("ExceptionReport", "ServiceExceptionReport"):
            raise XmlError(tr("the server answered with an OGC exception: {text}").format(
                text=_text(root, ("ExceptionText", "ServiceException"))[:200]))
        raise XmlError(tr("not {kind} capabilities (root element {name})").format(kind=kind, name=name))
    ns = root.tag.split("}")[0].lower() if "}" in root.tag else ""
    if kind == "CSW" and "cat/csw" not in ns:
        raise XmlError(tr("not CSW capabilities"))
    if kind == "WMTS" and "wmts" not in ns:
        raise XmlError(tr("not WMTS capabilities"))
    version = root.get("version", "")
    versions = _ows_versions(root) if kind == "CSW" else []
    if version and version not in versions:
        versions = sorted(set(versions + [version]))
    title = ""
    for el in root.iter():
        if localname(el) in ("ServiceIdentification", "Service"):
            title = _text(el, ("Title",))
            break
    return version, versions, title


class ProbeFailed(SimpulError, ValueError):
    """A probe's answer is not the service it looks for (the message says why)."""


class _Deadline:
    """The time left to a node check. ``whole=False`` is the former behaviour (each request its
    own full timeout, nothing ever skipped), kept as the baseline of bench/nodeinfo_deadline_bench.py."""

    def __init__(self, seconds, whole=True):
        self.seconds = seconds
        self.whole = whole
        self.end = time.monotonic() + seconds

    def left(self):
        return self.end - time.monotonic() if self.whole else self.seconds

    def probe(self, resp, url, kind, timeout):
        """The :class:`ProbeResult` of ``resp``, a request given ``timeout`` seconds."""
        probe = ProbeResult(url=url, kind=kind, status=resp.status, elapsed_ms=resp.elapsed_ms,
                            timeout_ms=int(timeout * 1000))
        probe.message = (tr("no answer within {seconds:g} s").format(seconds=self.seconds) if resp.timed_out
                         else resp.error)
        return probe

    def skipped_text(self):
        return tr("not checked: the node check's {seconds:g} s were up").format(seconds=self.seconds)


def _probe_ows(kind, url, deadline, authcfg):
    query = "SERVICE=%s&REQUEST=GetCapabilities" % kind
    probe, svc = _probe_ows_once(kind, url, query, deadline, authcfg)
    if svc is None and kind == "CSW" and probe.status and deadline.left() > 0:
        # Some catalogues refuse a GetCapabilities without a version they like; pycsw 2.6
        # refuses AcceptVersions lists that do not start with 2.0.2. Ask for 2.0.2 plainly.
        probe2, svc2 = _probe_ows_once(kind, url, query + "&ACCEPTVERSIONS=2.0.2", deadline, authcfg)
        if svc2 is not None:
            return probe2, svc2
    return probe, svc


def _probe_ows_once(kind, url, query, deadline, authcfg):
    full = url + ("&" if "?" in url else "?") + query
    timeout = deadline.left()
    resp = http_get(full, timeout=timeout, authcfg=authcfg, max_bytes=20 * 1024 * 1024)
    probe = deadline.probe(resp, full, kind, timeout)
    if resp.error:
        return probe, None
    try:
        version, versions, title = _parse_ows(kind, resp.content)
    except XmlError as exc:
        probe.message = str(exc)
        return probe, None
    probe.ok = True
    return probe, ServiceInfo(kind=kind, version=version, versions=versions, url=url, title=title)


def _probe_oapi(url, deadline, authcfg):
    """OGC API landing page → conformance → Features and/or Records."""
    full = url + "?f=json"
    timeout = deadline.left()
    resp = http_get(full, timeout=timeout, authcfg=authcfg, headers={"Accept": "application/json"})
    probe = deadline.probe(resp, full, "OGC API", timeout)
    if resp.error:
        return probe, []
    try:
        landing = resp.json()
        links = landing.get("links", []) if isinstance(landing, dict) else []
        conf_url = next((l.get("href") for l in links if isinstance(l, dict) and
                         str(l.get("rel", "")).endswith("conformance")), None)
        if not conf_url:
            raise ProbeFailed(tr("no OGC API conformance link"))
        if deadline.left() <= 0:
            raise ProbeFailed(deadline.skipped_text())
        cresp = http_get(conf_url if "f=" in conf_url else conf_url + ("&" if "?" in conf_url else "?") + "f=json",
                         timeout=deadline.left(), authcfg=authcfg, headers={"Accept": "application/json"})
        if cresp.error:
            raise ProbeFailed(cresp.error)
        classes = cresp.json().get("conformsTo", [])
    except (ProbeFailed, NotJson, AttributeError) as exc:
        probe.message = str(exc)
        return probe, []
    probe.ok = True
    title = landing.get("title", "") if isinstance(landing, dict) else ""
    found = []
    if any("ogcapi-features-1" in c or "/wfs-1/3.0/" in c for c in classes):
        found.append(ServiceInfo(kind="OGC API Features", version="1.0", versions=["1.0"], url=url, title=title))
    if any("ogcapi-records-1" in c for c in classes):
        found.append(ServiceInfo(kind="OGC API Records", version="1.0", versions=["1.0"], url=url, title=title))
    if not found:
        probe.ok = False
        probe.message = tr("an OGC API without Features or Records conformance")
    return probe, found


def _probe_json(url, kind, deadline, authcfg, accept, refusal):
    """GET ``url`` and read JSON; ``accept(doc)`` says whether it is the ``kind`` of service
    (else the probe fails with ``refusal``). Returns (probe, doc or None)."""
    timeout = deadline.left()
    resp = http_get(url, timeout=timeout, authcfg=authcfg)
    probe = deadline.probe(resp, url, kind, timeout)
    if resp.error:
        return probe, None
    try:
        doc = resp.json()
        if not isinstance(doc, dict) or not accept(doc):
            raise ProbeFailed(refusal)
    except (ProbeFailed, NotJson) as exc:    # NotJson: the answer is no JSON
        probe.message = str(exc)
        return probe, None
    probe.ok = True
    return probe, doc


def _probe_arcgis(url, deadline, authcfg):
    probe, doc = _probe_json(url + "?f=json", "ArcGIS REST", deadline, authcfg,
                             lambda d: "services" in d or "folders" in d, tr("not an ArcGIS REST services directory"))
    if doc is None:
        return probe, None
    version = str(doc.get("currentVersion", ""))
    return probe, ServiceInfo(kind="ArcGIS REST", version=version, versions=[version] if version else [], url=url)


def _probe_ckan(url, deadline, authcfg):
    probe, doc = _probe_json(url, "CKAN", deadline, authcfg, lambda d: d.get("success") is True,
                             tr("not a CKAN Action API"))
    if doc is None:
        return probe, None
    result = doc.get("result") or {}
    version = str(result.get("ckan_version", ""))
    return probe, ServiceInfo(kind="CKAN", version=version, versions=[version] if version else [],
                              url=url.rsplit("/status_show", 1)[0], title=str(result.get("site_title", "")))


PROBE_WORKERS = 16   # probe threads shared by every node check (several checks may run at once)


def detect_services(base_url, timeout=5.0, authcfg="", feedback=None, max_workers=8, whole_check=True):
    """Probe ``base_url`` for every known service kind within ``timeout`` seconds in all;
    returns a :class:`NodeInfo` with one probe result for every probe, checked or not.
    (``whole_check=False``: each request its own ``timeout`` — the former behaviour, for the
    benchmark's baseline only.)"""
    deadline = _Deadline(timeout, whole_check)
    base = normalise_base(base_url)
    info = NodeInfo(url=base, checked=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    if not base.startswith(("http://", "https://")) or not urlsplit(base).netloc:
        info.probes.append(ProbeResult(url=base_url, kind="", message=tr("not a web address (http or https)")))
        return info
    jobs = []
    for path in CSW_PATHS:
        jobs.append(("ows", "CSW", _join(base, path)))
    for path in OWS_PATHS:
        jobs.append(("ows", "WMS", _join(base, path)))
        jobs.append(("ows", "WFS", _join(base, path)))
    for path in WMTS_PATHS:
        jobs.append(("ows", "WMTS", _join(base, path)))
    for path in OAPI_PATHS:
        jobs.append(("oapi", "", _join(base, path)))
    for path in ARCGIS_PATHS:
        jobs.append(("arcgis", "", _join(base, path)))
    for path in CKAN_PATHS:
        jobs.append(("ckan", "", _join(base, path)))

    def run(job):
        if feedback is not None and feedback.isCanceled():
            return ProbeResult(url=job[2], kind=job[1], message=tr("canceled")), []
        if deadline.left() <= 0:   # its turn came too late (other probes, other checks, a busy machine)
            return ProbeResult(url=job[2], kind=job[1], message=deadline.skipped_text(), skipped=True), []
        how, kind, url = job
        if how == "ows":
            probe, svc = _probe_ows(kind, url, deadline, authcfg)
            return probe, [svc] if svc else []
        if how == "oapi":
            return _probe_oapi(url, deadline, authcfg)
        if how == "arcgis":
            probe, svc = _probe_arcgis(url, deadline, authcfg)
        else:
            probe, svc = _probe_ckan(url, deadline, authcfg)
        return probe, [svc] if svc else []

    # in the shared long-lived probe threads (core/network/workers.py), never in threads made for this call
    outcomes = list(workers.pool("probe", max(PROBE_WORKERS, max_workers)).map(run, jobs))
    found = {}
    for probe, services in outcomes:  # jobs are in order of path preference
        info.probes.append(probe)
        for svc in services:
            found.setdefault(svc.kind, svc)
    info.services = [found[k] for k in KINDS if k in found]
    # Latency: the quickest full answer to a service request (a 404 says little of the node).
    answered = [p.elapsed_ms for p in info.probes if p.ok] or [p.elapsed_ms for p in info.probes if p.status]
    info.latency_ms = max(1, min(answered)) if answered else 0
    return info
