"""What a record's link is: its kind (``Link.kind``) from the protocol string the record gives,
else from the shape of its URL. The table is data: ``resources/catalog/link_types.json``."""
import json
import re
from urllib.parse import parse_qsl, urlsplit

from ..paths import resource
from .model import LINK_KINDS, Link

_TABLE = None


def load_table(path=None):
    """The link-type table: {"protocols": [(regex, kind, refine)], "url_shapes": [(regex, kind)]}."""
    global _TABLE
    if _TABLE is not None and path is None:
        return _TABLE
    with open(path or resource("catalog", "link_types.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    table = {"protocols": [], "url_shapes": []}
    for entry in data["protocols"]:
        if entry["kind"] not in LINK_KINDS:
            raise ValueError("link_types.json: unknown kind %r" % entry["kind"])
        table["protocols"].append((re.compile(entry["pattern"], re.I), entry["kind"],
                                   tuple(entry.get("refine_by_url") or ())))
    for entry in data["url_shapes"]:
        if entry["kind"] not in LINK_KINDS:
            raise ValueError("link_types.json: unknown kind %r" % entry["kind"])
        table["url_shapes"].append((re.compile(entry["pattern"], re.I), entry["kind"]))
    if path is None:
        _TABLE = table
    return table


def kind_from_url(url):
    """The kind a URL's shape says, or "" when it says nothing."""
    for regex, kind in load_table()["url_shapes"]:
        if regex.search(url or ""):
            return kind
    return ""


def classify(protocol, url):
    """One of ``model.LINK_KINDS`` for a link with this protocol string and URL."""
    protocol = (protocol or "").strip()
    if protocol:
        for regex, kind, refine in load_table()["protocols"]:
            if regex.search(protocol):
                if refine:
                    by_url = kind_from_url(url)
                    if by_url in refine:
                        return by_url
                return kind
    return kind_from_url(url) or "other"


def _layer_from_url(kind, url):
    parts = urlsplit(url or "")
    if kind == "OAPIF":
        m = re.search(r"/collections/([^/?#]+)", parts.path)
        return m.group(1) if m else ""
    params = {k.lower(): v for k, v in parse_qsl(parts.query)}
    if kind == "WMS":
        return params.get("layers", "")
    if kind == "WFS":
        return params.get("typenames") or params.get("typename", "")
    if kind == "WCS":
        return params.get("coverageid") or params.get("coverage", "")
    if kind == "WMTS":
        return params.get("layer", "")
    return ""


def make_link(url, protocol="", name="", description=""):
    """A :class:`Link` with its kind recognised (and the layer name taken from the URL when the
    record gives none and the URL carries one)."""
    url = (url or "").strip()
    kind = classify(protocol, url)
    return Link(url=url, protocol=(protocol or "").strip(), name=(name or "").strip() or _layer_from_url(kind, url),
                description=(description or "").strip(), kind=kind)
