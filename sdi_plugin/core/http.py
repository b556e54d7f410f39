"""HTTP through QGIS's own network stack.

Every request goes through ``QgsBlockingNetworkRequest`` so QGIS's proxy, SSL settings and
the node's ``authcfg`` apply. Each call has its own timeout and a cap on the response size,
and never runs an event loop of its own on the GUI thread for longer than the timeout.
Callers on the GUI thread should still run these calls inside a ``QgsTask``.
"""
import threading
import time
from dataclasses import dataclass, field

from qgis.core import QgsBlockingNetworkRequest, QgsFeedback
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from .i18n import tr

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
USER_AGENT = "Simpul-SDI/0.1 (QGIS plugin)"


@dataclass
class HttpResponse:
    url: str
    status: int = 0
    content: bytes = b""
    headers: dict = field(default_factory=dict)
    error: str = ""
    elapsed_ms: int = 0
    timed_out: bool = False
    too_large: bool = False

    @property
    def ok(self):
        return not self.error and 200 <= self.status < 300

    @property
    def content_type(self):
        return self.headers.get("content-type", "")

    def text(self, encoding="utf-8"):
        return self.content.decode(encoding, errors="replace")


def _status_text(status):
    return tr("the server answered HTTP {status}").format(status=status)


def http_get(url, timeout=DEFAULT_TIMEOUT, max_bytes=DEFAULT_MAX_BYTES, authcfg="", headers=None,
             feedback=None):
    """GET ``url``; returns an :class:`HttpResponse`, never raises for network trouble."""
    result = HttpResponse(url=url)
    qurl = QUrl(url)
    if not qurl.isValid() or qurl.scheme() not in ("http", "https"):
        result.error = tr("not a web address (http or https): {url}").format(url=url)
        return result
    req = QNetworkRequest(qurl)
    req.setRawHeader(b"User-Agent", USER_AGENT.encode())
    for key, value in (headers or {}).items():
        req.setRawHeader(key.encode("latin-1"), str(value).encode("latin-1"))
    # Follow redirects, but never from https down to http.
    req.setAttribute(QNetworkRequest.RedirectPolicyAttribute, QNetworkRequest.NoLessSafeRedirectPolicy)

    blocking = QgsBlockingNetworkRequest()
    if authcfg:
        blocking.setAuthCfg(authcfg)
    own = QgsFeedback()
    state = {"timeout": False, "large": False}

    def on_timeout():
        state["timeout"] = True
        own.cancel()

    def on_progress(received, total):
        if received > max_bytes or total > max_bytes:
            state["large"] = True
            own.cancel()

    if feedback is not None:
        feedback.canceled.connect(own.cancel)
        if feedback.isCanceled():
            own.cancel()
    blocking.downloadProgress.connect(on_progress)
    timer = threading.Timer(timeout, on_timeout)
    timer.daemon = True
    start = time.monotonic()
    timer.start()
    try:
        err = blocking.get(req, True, own)
    finally:
        timer.cancel()
        if feedback is not None:
            try:
                feedback.canceled.disconnect(own.cancel)
            except TypeError:
                pass
    result.elapsed_ms = int((time.monotonic() - start) * 1000)
    reply = blocking.reply()
    status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
    result.status = int(status) if status else 0
    result.headers = {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
                      for k in reply.rawHeaderList()}
    if state["timeout"]:
        result.timed_out = True
        result.error = tr("no answer within {seconds:g} s").format(seconds=timeout)
    elif state["large"]:
        result.too_large = True
        result.error = tr("the answer is larger than {mb:g} MB").format(mb=max_bytes / 1048576)
    elif own.isCanceled():
        result.error = tr("canceled")
    elif err != QgsBlockingNetworkRequest.NoError:
        if result.status >= 400:
            result.error = _status_text(result.status)
            result.content = bytes(reply.content())[:max_bytes]
        else:
            result.error = blocking.errorMessage() or tr("network error")
    else:
        result.content = bytes(reply.content())
        if len(result.content) > max_bytes:
            result.content = b""
            result.too_large = True
            result.error = tr("the answer is larger than {mb:g} MB").format(mb=max_bytes / 1048576)
        elif result.status >= 400:
            result.error = _status_text(result.status)
    return result
