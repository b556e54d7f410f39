"""HTTP through QGIS's own network stack.

Every request goes through ``QgsNetworkAccessManager`` (one per thread), so QGIS's proxy and
SSL settings apply, and the node's ``authcfg`` is applied by ``QgsAuthManager``. Each call has
its own timeout and a cap on the response size that aborts the transfer as soon as it is
passed. GUI code runs these calls inside a ``QgsTask``, never on the GUI thread.
"""
import time
from dataclasses import dataclass, field

from qgis.core import QgsApplication, QgsNetworkAccessManager, QgsNetworkRequestParameters
from qgis.PyQt.QtCore import QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from .i18n import tr

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


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
    """GET ``url``; returns an :class:`HttpResponse`, never raises for network trouble.

    Runs a local event loop in the calling thread (a QgsTask's, in the GUI) until the answer
    is complete, ``timeout`` seconds pass, the body grows past ``max_bytes`` (the transfer is
    aborted at once, nothing more is read) or ``feedback`` is canceled.
    """
    result = HttpResponse(url=url)
    qurl = QUrl(url)
    if not qurl.isValid() or qurl.scheme() not in ("http", "https"):
        result.error = tr("not a web address (http or https): {url}").format(url=url)
        return result
    req = QNetworkRequest(qurl)
    for key, value in (headers or {}).items():
        req.setRawHeader(key.encode("latin-1"), str(value).encode("latin-1"))
    # Always ask the server (a node's health must be its state now, not a cached 200).
    req.setAttribute(QNetworkRequest.CacheLoadControlAttribute, QNetworkRequest.AlwaysNetwork)
    req.setAttribute(QNetworkRequest.CacheSaveControlAttribute, False)
    # Follow redirects, but never from https down to http.
    req.setAttribute(QNetworkRequest.RedirectPolicyAttribute, QNetworkRequest.NoLessSafeRedirectPolicy)
    req.setAttribute(QNetworkRequest.Attribute(QgsNetworkRequestParameters.AttributeInitiatorClass), "Simpul")
    if authcfg and not QgsApplication.authManager().updateNetworkRequest(req, authcfg):
        result.error = tr("the authentication configuration {id} could not be applied").format(id=authcfg)
        return result

    nam = QgsNetworkAccessManager.instance()
    loop = QEventLoop()
    chunks = []
    state = {"size": 0, "why": ""}
    reply = nam.get(req)
    if authcfg:
        QgsApplication.authManager().updateNetworkReply(reply, authcfg)

    def stop(why):
        if not state["why"]:
            state["why"] = why
            reply.abort()

    def on_ready():
        data = bytes(reply.readAll())
        state["size"] += len(data)
        if state["size"] > max_bytes:
            stop("large")
        else:
            chunks.append(data)

    def on_headers():
        length = reply.header(QNetworkRequest.ContentLengthHeader)
        if length is not None and int(length) > max_bytes:
            stop("large")

    reply.readyRead.connect(on_ready)
    reply.metaDataChanged.connect(on_headers)
    reply.finished.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: stop("timeout"))
    poll = QTimer()
    poll.timeout.connect(lambda: stop("cancel") if feedback is not None and feedback.isCanceled() else None)
    start = time.monotonic()
    if not reply.isFinished():
        timer.start(int(timeout * 1000))
        poll.start(50)
        loop.exec_()
    timer.stop()
    poll.stop()
    if not state["why"]:
        on_ready()
    result.elapsed_ms = int((time.monotonic() - start) * 1000)
    status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
    result.status = int(status) if status else 0
    result.headers = {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
                      for k in reply.rawHeaderList()}
    why = state["why"]
    if why == "timeout":
        result.timed_out = True
        result.error = tr("no answer within {seconds:g} s").format(seconds=timeout)
    elif why == "large":
        result.too_large = True
        result.error = tr("the answer is larger than {mb:g} MB").format(mb=max_bytes / 1048576)
    elif why == "cancel":
        result.error = tr("canceled")
    elif reply.error() != QNetworkReply.NoError and result.status < 400:
        result.error = reply.errorString() or tr("network error")
    else:
        result.content = b"".join(chunks)
        if result.status >= 400:
            result.error = _status_text(result.status)
    reply.deleteLater()
    return result
