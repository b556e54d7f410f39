"""CSW Dublin Core (``csw:Record``, ``csw:SummaryRecord``, ``csw:BriefRecord``; CSW 2.0.2 and
3.0) → :class:`Record`, with ``ows:BoundingBox`` read in the axis order its CRS says."""
from ..network.xmlsafe import localname
from .iso19139 import crs_from_code, kugi_theme
from .links import make_link
from .model import Record

DC_NAMES = ("Record", "SummaryRecord", "BriefRecord")
# CRS names whose axis order is latitude, longitude (EPSG's own definition of 4326).
_LATLON_MARKERS = ("urn:ogc:def:crs:epsg::4326", "urn:ogc:def:crs:epsg:6.11:4326", "urn:x-ogc:def:crs:epsg:6.11:4326",
                   "urn:x-ogc:def:crs:epsg::4326", "urn:x-ogc:def:crs:epsg:4326", "urn:ogc:def:crs:epsg:4326",
                   "opengis.net/def/crs/epsg/0/4326")


def _texts(el, name):
    return [c.text.strip() for c in el if localname(c) == name and c.text and c.text.strip()]


def _first(el, *names):
    for name in names:
        found = _texts(el, name)
        if found:
            return found[0]
    return ""


def _corner(text):
    try:
        a, b = (float(v) for v in (text or "").split()[:2])
        return a, b
    except ValueError:
        return None


def read_ows_bbox(el):
    """(minx, miny, maxx, maxy) lon/lat from an ows:BoundingBox / ows:WGS84BoundingBox, or None."""
    lower = upper = None
    for c in el:
        if localname(c) == "LowerCorner":
            lower = _corner(c.text)
        elif localname(c) == "UpperCorner":
            upper = _corner(c.text)
    if not lower or not upper:
        return None
    crs = (el.get("crs") or "").lower()
    if localname(el) == "WGS84BoundingBox" or not crs or "crs84" in crs:
        latlon = False
    elif any(m in crs for m in _LATLON_MARKERS):
        latlon = True
    elif crs in ("epsg:4326",):
        latlon = False           # the short form: traditional GIS order
    else:
        return None              # another CRS: not converted here
    if latlon:
        lower, upper = (lower[1], lower[0]), (upper[1], upper[0])
    minx, miny, maxx, maxy = lower[0], lower[1], upper[0], upper[1]
    if abs(miny) > 90 or abs(maxy) > 90:     # clearly swapped by the server
        minx, miny, maxx, maxy = miny, minx, maxy, maxx
    if not (-180 <= minx <= 180 and -180 <= maxx <= 180 and -90 <= miny <= 90 and -90 <= maxy <= 90):
        return None
    return (min(minx, maxx), min(miny, maxy), max(minx, maxx), max(miny, maxy))


def parse_dc(el, source_url=""):
    """A :class:`Record` from a csw:Record (or Summary/Brief) element."""
    rec = Record(identifier=_first(el, "identifier"), source_url=source_url, source_format="dc")
    rec.title = _first(el, "title")
    rec.abstract = _first(el, "abstract", "description")
    rec.type = _first(el, "type") or "dataset"
    subjects = list(dict.fromkeys(_texts(el, "subject")))
    rec.keywords = subjects
    rec.theme = kugi_theme(subjects)
    modified = _first(el, "modified")
    date = _first(el, "date")
    rec.dates = {k: v for k, v in (("revision", modified), ("publication", date)) if v}
    rec.date = modified or date
    rec.organisation = _first(el, "publisher", "creator", "contributor")
    rec.contact = _first(el, "creator", "publisher")
    rec.constraints = "; ".join(_texts(el, "rights") + _texts(el, "accessRights"))
    source = _first(el, "source")
    rec.lineage = "" if source.startswith(("http://", "https://")) else source
    boxes = [read_ows_bbox(c) for c in el if localname(c) in ("BoundingBox", "WGS84BoundingBox")]
    boxes = [b for b in boxes if b]
    if boxes:
        rec.bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                    max(b[3] for b in boxes))
    crs = []
    for c in el:
        if localname(c) == "BoundingBox" and c.get("crs"):
            value = crs_from_code(c.get("crs"))
            if value and value not in crs:
                crs.append(value)
    rec.crs = crs
    links = []
    for c in el:
        name = localname(c)
        if name == "references" and c.text and c.text.strip():
            links.append(make_link(c.text.strip(), c.get("scheme", "")))
        elif name == "URI" and c.text and c.text.strip():
            links.append(make_link(c.text.strip(), c.get("protocol", ""), c.get("name", ""), c.get("description", "")))
    rec.links = links
    return rec
