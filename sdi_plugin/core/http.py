"""HTTP through QGIS's own network stack.

Every request goes through ``QgsNetworkAccessManager`` (one per thread), so QGIS's proxy and
SSL settings apply, and the node's ``authcfg`` is applied by ``QgsAuthManager``. Each call has
its own timeout and a cap on the response size that aborts the transfer as soon as it is
passed. GUI code runs these calls inside a ``QgsTask``, never on the GUI thread.
"""
import os
import time
from dataclasses import dataclass, field

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsNetworkAccessManager, QgsNetworkRequestParameters
from qgis.PyQt.QtCore import QBuffer, QByteArray, QEventLoop, QFile, QIODevice, QTimer, QUrl
from qgis.PyQt import sip
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
    canceled: bool = False

    @property
    def ok(self):
        return not self.error and 200 <= self.status < 300

    @property
    def content_type(self):
        return self.headers.get("content-type", "")

    def text(self, encoding="utf-8"):
        return self.content.decode(encoding, errors="replace")


def _pump(reply, loop, step, interval_ms=50):
    """Wait for ``reply`` with no Python slot at all: Qt only ever calls C++ slots (``loop.quit``,
    from the reply's ``finished`` and from a repeating timer), and ``step()`` — Python: read what
    came, check the cap, the timeout, cancel — runs between waits, never inside Qt's dispatch.
    (PyQt's proxies for Python slots, made and dropped in worker threads while the GUI thread
    dispatches events, crashed QGIS 3.22 / PyQt 5.15 now and then.)"""
    tick = QTimer()
    tick.timeout.connect(loop.quit)
    reply.finished.connect(loop.quit)
    tick.start(interval_ms)
    while not sip.isdeleted(reply) and not reply.isFinished():
        loop.exec()
        if not sip.isdeleted(reply):
            step()
    tick.stop()
    if not sip.isdeleted(reply):
        reply.finished.disconnect(loop.quit)


def _gone(reply, result):
    """True (and ``result`` says so) when the reply's Python wrapper reports its C++ object deleted —
    seen, rarely, in short-lived worker threads (node checks running in QgsTasks), even right after
    ``get()``. A Python exception in a Qt slot aborts QGIS, so the slots check :func:`sip.isdeleted`
    and the request ends as a network error instead."""
    if sip.isdeleted(reply):
        result.error = result.error or tr("network error")
        return True
    return False


def _conclude(result, reply, why, chunks, max_bytes, timeout_text, error_below):
    """Fill ``result`` from a finished ``reply``: status, headers, and the error in words for the
    reason the wait stopped (``why``: timeout, large, cancel, or "" when the reply finished).
    A transport error counts when the HTTP status is below ``error_below``; otherwise the body
    is kept and redirects and HTTP errors are named."""
    status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    result.status = int(status) if status else 0
    result.headers = {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
                      for k in reply.rawHeaderList()}
    if why == "timeout":
        result.timed_out = True
        result.error = timeout_text
    elif why == "large":
        result.too_large = True
        result.error = tr("the answer is larger than {mb:g} MB").format(mb=max_bytes / 1048576)
    elif why == "cancel":
        result.canceled = True
        result.error = tr("canceled")
    elif reply.error() != QNetworkReply.NetworkError.NoError and result.status < error_below:
        result.error = reply.errorString() or tr("network error")
    else:
        result.content = b"".join(chunks)
        if 300 <= result.status < 400:
            result.error = tr("the server redirected the request to {url}").format(
                url=result.headers.get("location", "?"))
        elif result.status >= 400:
            result.error = _status_text(result.status)


def _status_text(status):
    return tr("the server answered HTTP {status}").format(status=status)


def http_get(url, timeout=DEFAULT_TIMEOUT, max_bytes=DEFAULT_MAX_BYTES, authcfg="", headers=None,
             feedback=None):
    """GET ``url``; returns an :class:`HttpResponse`, never raises for network trouble.

    Runs a local event loop in the calling thread (a QgsTask's, in the GUI) until the answer
    is complete, ``timeout`` seconds pass, the body grows past ``max_bytes`` (the transfer is
    aborted at once, nothing more is read) or ``feedback`` is canceled.
    """
    return _request("GET", url, None, timeout, max_bytes, authcfg, headers, feedback)


def http_post(url, body, content_type="application/xml", timeout=DEFAULT_TIMEOUT, max_bytes=DEFAULT_MAX_BYTES,
              authcfg="", headers=None, feedback=None):
    """POST ``body`` (bytes or text, sent as UTF-8) to ``url``; the same timeout, size cap, authcfg
    and cancel behaviour as :func:`http_get`, and it never raises for network trouble either."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = dict(headers or {})
    if content_type and not any(k.lower() == "content-type" for k in headers):
        headers["Content-Type"] = content_type
    return _request("POST", url, body or b"", timeout, max_bytes, authcfg, headers, feedback)


def _lost(exc):
    """True for PyQt's "wrapped C/C++ object … has been deleted": one of this request's own Qt
    objects vanished under it (seen about once in a thousand requests when many worker threads
    use QGIS's network stack at once, QGIS 3.22 / PyQt 5.15; cause not yet found)."""
    return isinstance(exc, RuntimeError) and "has been deleted" in str(exc)


def _request(method, url, body, timeout, max_bytes, authcfg, headers, feedback):
    """One GET/POST. A request whose Qt objects vanish under it (:func:`_lost`) is never a
    crash: a GET is made once more with fresh objects, a POST (not repeatable) ends as a
    network error."""
    try:
        return _request_once(method, url, body, timeout, max_bytes, authcfg, headers, feedback)
    except RuntimeError as exc:
        if not _lost(exc):
            raise
        QgsMessageLog.logMessage("Simpul: %s %s: %s" % (method, url, exc), "Simpul", Qgis.MessageLevel.Info)
    if method == "GET":
        try:
            return _request_once(method, url, body, timeout, max_bytes, authcfg, headers, feedback)
        except RuntimeError as exc:
            if not _lost(exc):
                raise
    result = HttpResponse(url=url)
    result.error = tr("network error")
    return result


def _request_once(method, url, body, timeout, max_bytes, authcfg, headers, feedback):
    result = HttpResponse(url=url)
    qurl = QUrl(url)
    if not qurl.isValid() or qurl.scheme() not in ("http", "https"):
        result.error = tr("not a web address (http or https): {url}").format(url=url)
        return result
    req = QNetworkRequest(qurl)
    for key, value in (headers or {}).items():
        req.setRawHeader(key.encode("latin-1"), str(value).encode("latin-1"))
    # Always ask the server (a node's health must be its state now, not a cached 200).
    req.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute, QNetworkRequest.CacheLoadControl.AlwaysNetwork)
    req.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
    # GET follows redirects, but never from https down to http. A POST is never sent on by
    # itself (its body and credentials stay where they were addressed): a redirect is answered
    # as an error naming the new address (status 3xx, header "location"); the caller decides.
    policy = QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy if method == "GET" else QNetworkRequest.RedirectPolicy.ManualRedirectPolicy
    req.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute, policy)
    req.setAttribute(QNetworkRequest.Attribute(QgsNetworkRequestParameters.RequestAttributes.AttributeInitiatorClass), "Simpul")
    if authcfg and not QgsApplication.authManager().updateNetworkRequest(req, authcfg):
        result.error = tr("the authentication configuration {id} could not be applied").format(id=authcfg)
        return result
    if feedback is not None and feedback.isCanceled():
        result.canceled = True
        result.error = tr("canceled")
        return result

    nam = QgsNetworkAccessManager.instance()
    loop = QEventLoop()
    chunks = []
    state = {"size": 0, "why": ""}
    reply = nam.get(req) if method == "GET" else nam.post(req, QByteArray(body))
    if _gone(reply, result):
        return result
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
        length = reply.header(QNetworkRequest.KnownHeaders.ContentLengthHeader)
        if length is not None and int(length) > max_bytes:
            stop("large")

    start = time.monotonic()

    def step():
        on_headers()
        if not state["why"]:
            on_ready()
        if feedback is not None and feedback.isCanceled():
            stop("cancel")
        elif time.monotonic() - start >= timeout:   # checked every 50 ms: never early
            stop("timeout")

    _pump(reply, loop, step)
    if _gone(reply, result):
        return result
    if not state["why"]:
        on_headers()
    if not state["why"]:
        on_ready()
    result.elapsed_ms = int((time.monotonic() - start) * 1000)
    _conclude(result, reply, state["why"], chunks, max_bytes,
              tr("no answer within {seconds:g} s").format(seconds=timeout), error_below=300)
    reply.deleteLater()
    return result


# --- requests with a body (PUT, POST, DELETE, ...) -----------------------------------------------



def _upload_device(body_or_file):
    """(QIODevice or None, size, owned, error) for what :func:`http_request` was given."""
    if body_or_file is None:
        return None, 0, False, ""
    if isinstance(body_or_file, (bytes, bytearray)):
        buf = QBuffer()
        buf.setData(QByteArray(bytes(body_or_file)))
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        return buf, len(body_or_file), True, ""
    if isinstance(body_or_file, QIODevice):
        if not body_or_file.isOpen():
            body_or_file.open(QIODevice.OpenModeFlag.ReadOnly)
        return body_or_file, body_or_file.size(), False, ""
    path = os.fspath(body_or_file)
    qfile = QFile(path)
    if not qfile.open(QIODevice.OpenModeFlag.ReadOnly):
        return None, 0, False, tr("cannot read the file {path}: {why}").format(path=path, why=qfile.errorString())
    return qfile, qfile.size(), True, ""


def _applied(outcome):
    """PyQGIS returns ``(ok, request)`` from ``updateNetworkRequest``; older bindings a bool."""
    return outcome[0] if isinstance(outcome, tuple) else bool(outcome)


def http_request(method, url, body_or_file=None, headers=None, timeout=DEFAULT_TIMEOUT, authcfg="",
                 feedback=None, progress=None, max_bytes=DEFAULT_MAX_BYTES, output_path=None):
    """Send ``method`` (PUT, POST, DELETE, GET, HEAD, PATCH …) to ``url``; returns an
    :class:`HttpResponse`, never raises for network trouble.

    ``body_or_file`` is ``None`` (no body), ``bytes`` (sent as they are), an open ``QIODevice``,
    or the path of a file (``str`` or ``os.PathLike``): a file is streamed from disk as the
    request body (a ``QFile`` handed to Qt, never read whole into memory), so memory does not
    grow with its size. Encode text bodies yourself (a ``str`` is always a path).

    ``timeout`` is the number of seconds without any progress (nothing sent, nothing received)
    after which the request is given up — a large upload may take longer than that in total.
    ``progress(sent, total)`` is called about ten times a second while the body goes out.
    ``feedback`` (a ``QgsFeedback``) cancels. ``output_path`` writes a successful answer's body
    to that file (no size cap) instead of memory. Only GET and HEAD follow redirects; for any
    other method a redirect is an error naming the new address (a body and its credentials are
    never sent on to somewhere else). TLS certificates are verified as QGIS verifies them.
    """
    existed = bool(output_path) and os.path.exists(output_path)
    try:
        return _http_request_once(method, url, body_or_file, headers=headers, timeout=timeout, authcfg=authcfg,
                                  feedback=feedback, progress=progress, max_bytes=max_bytes,
                                  output_path=output_path)
    except RuntimeError as exc:   # never repeated: a PUT/POST/DELETE may have reached the server
        if not _lost(exc):
            raise
        QgsMessageLog.logMessage("Simpul: %s %s: %s" % (method, url, exc), "Simpul", Qgis.MessageLevel.Info)
        if output_path and not existed and os.path.exists(output_path):
            os.remove(output_path)   # never leave half a download behind
        result = HttpResponse(url=url)
        result.error = tr("network error")
        return result


def _http_request_once(method, url, body_or_file=None, headers=None, timeout=DEFAULT_TIMEOUT, authcfg="",
                 feedback=None, progress=None, max_bytes=DEFAULT_MAX_BYTES, output_path=None):
    method = (method or "GET").upper()
    result = HttpResponse(url=url)
    qurl = QUrl(url)
    if not qurl.isValid() or qurl.scheme() not in ("http", "https"):
        result.error = tr("not a web address (http or https): {url}").format(url=url)
        return result
    device, size, owned, why = _upload_device(body_or_file)
    if why:
        result.error = why
        return result
    req = QNetworkRequest(qurl)
    for key, value in (headers or {}).items():
        req.setRawHeader(key.encode("latin-1"), str(value).encode("latin-1"))
    req.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute, QNetworkRequest.CacheLoadControl.AlwaysNetwork)
    req.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
    policy = QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy if method in ("GET", "HEAD") else QNetworkRequest.RedirectPolicy.ManualRedirectPolicy
    req.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute, policy)
    req.setAttribute(QNetworkRequest.Attribute(QgsNetworkRequestParameters.RequestAttributes.AttributeInitiatorClass), "Simpul")
    if device is not None:
        req.setHeader(QNetworkRequest.KnownHeaders.ContentLengthHeader, size)
    if authcfg and not _applied(QgsApplication.authManager().updateNetworkRequest(req, authcfg)):
        result.error = tr("the authentication configuration {id} could not be applied").format(id=authcfg)
        if owned:
            device.close()
        return result

    sink = None
    if output_path:
        try:
            sink = open(output_path, "wb")
        except OSError as exc:
            result.error = tr("cannot write {path}: {why}").format(path=output_path, why=exc.strerror or exc)
            return result

    nam = QgsNetworkAccessManager.instance()
    verb = method.encode("ascii")
    if method == "GET" and device is None:
        reply = nam.get(req)
    elif method == "HEAD" and device is None:
        reply = nam.head(req)
    elif device is None:
        reply = nam.sendCustomRequest(req, verb)
    else:
        reply = nam.sendCustomRequest(req, verb, device)
    if _gone(reply, result):
        if sink is not None:
            sink.close()
            os.remove(output_path)
        return result
    if authcfg:
        QgsApplication.authManager().updateNetworkReply(reply, authcfg)
    if owned and device is not None:
        # Qt reads the body from Qt's HTTP thread until the reply is gone (even after an abort a
        # request for more data may still be queued): the device lives and dies with the reply.
        device.setParent(reply)

    loop = QEventLoop()
    chunks = []
    state = {"size": 0, "why": "", "last": time.monotonic(), "sent": -1, "to_file": sink is not None}

    def stop(why):
        if not state["why"]:
            state["why"] = why
            reply.abort()

    def on_headers():
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if state["to_file"] and status and int(status) >= 300:
            state["to_file"] = False   # an error page or a redirect: keep it for the message
        length = reply.header(QNetworkRequest.KnownHeaders.ContentLengthHeader)
        if not state["to_file"] and length is not None and int(length) > max_bytes:
            stop("large")

    def on_ready():
        data = bytes(reply.readAll())
        if not data:
            return
        state["last"] = time.monotonic()
        state["size"] += len(data)
        if state["to_file"]:
            sink.write(data)
        elif state["size"] > max_bytes:
            stop("large")
        else:
            chunks.append(data)

    def tick():
        on_headers()
        if not state["why"]:
            on_ready()
        now = time.monotonic()
        if device is not None:
            sent = device.pos()
            if sent != state["sent"]:
                state["sent"] = sent
                state["last"] = now
                if progress is not None:
                    progress(sent, size)
        if feedback is not None and feedback.isCanceled():
            stop("cancel")
        elif now - state["last"] > timeout:
            stop("timeout")

    start = time.monotonic()
    _pump(reply, loop, tick, 100)
    if _gone(reply, result):
        if sink is not None:
            sink.close()
            os.remove(output_path)
        return result
    if not state["why"]:
        on_headers()
    if not state["why"]:
        on_ready()
        if device is not None and progress is not None and state["sent"] != size:
            progress(device.pos(), size)
    if sink is not None:
        sink.close()
    result.elapsed_ms = int((time.monotonic() - start) * 1000)
    _conclude(result, reply, state["why"], chunks, max_bytes,
              tr("no progress for {seconds:g} s").format(seconds=timeout), error_below=400)
    if sink is not None and (result.error or not state["to_file"]) and os.path.exists(output_path):
        os.remove(output_path)   # never leave half a download behind
    reply.deleteLater()
    return result
