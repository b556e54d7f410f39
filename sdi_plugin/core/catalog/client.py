"""What every catalogue client shares: a page of results, the error a person can read, and
the one way requests go out (``core.network.http``, never anything else)."""
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .. import errors
from ..errors import SimpulError
from ..network.http import NotJson, http_get, http_post
from ..i18n import tr

PAGE_MAX_BYTES = 16 * 1024 * 1024   # a catalogue page; far more than any honest page needs
MAX_REDIRECTS = 3

# Reading answers (XML/JSON into Records) is Python work that holds the interpreter lock.
# Thirty workers parsing at once would starve the GUI thread of it for 100 ms and more; one at
# a time, the GUI thread waits at most one switch interval. Network waits never hold this.
_PARSING = threading.Lock()


@contextmanager
def parsing():
    """Hold while turning an answer into records (see ``_PARSING``)."""
    with _PARSING:
        yield


class CatalogueError(SimpulError):
    """A catalogue could not be searched; the message says why, for people."""


class Canceled(errors.Canceled, CatalogueError):
    pass


@dataclass
class Page:
    records: list = field(default_factory=list)
    matched: int = -1           # records matching at the catalogue (-1 unknown)
    next_token: object = None   # opaque; give it back to ``search`` for the next page; None = last page
    problems: list = field(default_factory=list)   # parts of the catalogue that failed while others answered
                                                   # (e.g. one OGC API Records collection), for people


def _check(resp):
    if resp.canceled:
        raise Canceled(tr("canceled"))
    if resp.error:
        raise CatalogueError(resp.error)


def get(url, timeout, max_bytes=PAGE_MAX_BYTES, authcfg="", feedback=None, headers=None):
    """GET; the body (bytes) or :class:`CatalogueError`."""
    resp = http_get(url, timeout=timeout, max_bytes=max_bytes, authcfg=authcfg, headers=headers, feedback=feedback)
    _check(resp)
    return resp


def get_json(url, timeout, max_bytes=PAGE_MAX_BYTES, authcfg="", feedback=None):
    resp = get(url, timeout, max_bytes, authcfg, feedback, headers={"Accept": "application/geo+json, application/json"})
    with parsing():
        try:
            return resp.json()
        except NotJson as exc:
            raise CatalogueError(str(exc)) from None


def post(url, body, timeout, max_bytes=PAGE_MAX_BYTES, authcfg="", feedback=None, error_status_ok=False):
    """POST XML; follows a redirect only to the same host (e.g. http → https), at most three.
    Returns (final URL, response). With ``error_status_ok`` an HTTP error status (4xx, 5xx) with
    a body is returned for the caller to read (an OGC exception report), not raised."""
    origin = urlsplit(url)
    for _hop in range(MAX_REDIRECTS + 1):
        resp = http_post(url, body, content_type="application/xml", timeout=timeout, max_bytes=max_bytes,
                         authcfg=authcfg, feedback=feedback)
        location = resp.headers.get("location", "")
        if 300 <= resp.status < 400 and location and resp.status != 304:
            target = urlsplit(location if "://" in location else origin._replace(path=location).geturl())
            if target.hostname != origin.hostname or (urlsplit(url).scheme == "https" and target.scheme != "https"):
                raise CatalogueError(tr("the server redirected the request to {url}").format(url=target.geturl()))
            url = target.geturl()
            continue
        if error_status_ok and resp.status >= 400 and resp.content:
            return url, resp
        if resp.error and url != origin.geturl():
            _check_after_redirect(resp, url)
        _check(resp)
        return url, resp
    raise CatalogueError(tr("too many redirects (last: {url})").format(url=url))


def _check_after_redirect(resp, url):
    if resp.canceled:
        raise Canceled(tr("canceled"))
    raise CatalogueError(tr("after a redirect to {url}: {error}").format(url=url, error=resp.error))
