"""HTTP through QGIS's own network stack.

Every request goes through ``QgsNetworkAccessManager`` (one per thread), so QGIS's proxy and
SSL settings apply, and the node's ``authcfg`` is applied by ``QgsAuthManager`` (a login that
cannot be applied stops the request). Each call has its own timeout and a cap on the response
size — of the inflated bytes, for a compressed answer — that aborts the transfer as soon as it
is passed; memory stays bounded whatever the server sends (see ``READ_BUFFER`` below). One
request path (:func:`_send`) serves :func:`http_get`, :func:`http_post` and :func:`http_request`;
:meth:`HttpResponse.json` is the one JSON decoder of answers. GUI code runs these calls inside a
``QgsTask``, never on the GUI thread; worker threads' Qt calls run inside the gate of
``core/network/workers.py``.
"""
import collections
import json
import os
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from qgis.core import QgsApplication, QgsNetworkAccessManager, QgsNetworkRequestParameters
from qgis.PyQt.QtCore import QBuffer, QByteArray, QEventLoop, QFile, QIODevice, QObject, QTimer, QUrl
from qgis.PyQt import sip
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..errors import SimpulError
from ..i18n import tr
from ..log import TAG, log
from ..runtime.heap import trim
from .workers import GATE

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

    @property
    def server(self):
        """The server that answered, as people name it (host, and port when one is given)."""
        return urlsplit(self.url).netloc.rpartition("@")[2] or self.url

    def json(self):
        """The answer parsed as JSON (UTF-8, with or without a byte-order mark). Raises
        :class:`NotJson` — a ``ValueError`` whose text is the one translated message for every
        caller, naming the server (and saying so when it sent a web page instead)."""
        try:
            return json.loads(self.content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            head = self.content[:512].lstrip().lower()
            if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
                raise NotJson(tr("{server} sent a web page (HTML), not JSON").format(server=self.server)) from None
            raise NotJson(tr("{server} did not answer valid JSON").format(server=self.server)) from None


class NotJson(SimpulError, ValueError):
    """An answer that is not JSON (:meth:`HttpResponse.json`); its text is the message."""


class _Held:
    """A reply, and the way back to it when PyQt forgets it.

    Seen on QGIS 3.22 / PyQt 5.15 (``tests/test_health.py`` once in CI; a loop of node checks
    right after a burst of worker-thread requests, about 1 in 40): sip marks the Python wrapper
    of a *live* reply as deleted while the request is under way — the reply's ``destroyed``
    signal never came, and a fresh wrapper at the same address works. Such a request used to
    end as "network error". A child ``QObject`` made in Python (``guard``) tells a lost wrapper
    from a reply really gone: Qt deletes the child with its parent, and sip always learns when
    an object made in Python is deleted."""

    def __init__(self, reply):
        self.reply = reply
        self.address = sip.unwrapinstance(reply)
        self.guard = QObject(reply)

    def get(self):
        """The reply's wrapper (a fresh one when sip lost the old), or None when it is gone."""
        if sip.isdeleted(self.reply):
            if sip.isdeleted(self.guard):
                return None
            self.reply = sip.wrapinstance(self.address, QNetworkReply)
            log.info("Simpul: PyQt lost the wrapper of a live network reply; wrapped it again")
        return self.reply


def _pump(held, loop, step, interval_ms=50):
    """Wait for ``held``'s reply with no Python slot at all: Qt only ever calls C++ slots
    (``loop.quit``, from the reply's ``finished`` and ``readyRead`` and from a repeating timer),
    and ``step()`` — Python: read what came, check the cap, the timeout, cancel — runs between
    waits, never inside Qt's dispatch.
    (PyQt's proxies for Python slots, made and dropped in worker threads while the GUI thread
    dispatches events, crashed QGIS 3.22 / PyQt 5.15 now and then.)"""
    reply = held.get()
    if reply is None:
        return
    tick = QTimer()
    tick.timeout.connect(loop.quit)
    reply.finished.connect(loop.quit)
    reply.readyRead.connect(loop.quit)   # drain at once: Qt's read buffer is small (READ_BUFFER)
    tick.start(interval_ms)
    while True:
        reply = held.get()
        if reply is None or reply.isFinished():
            break
        GATE.leave()          # the wait releases the GIL: outside the gate (see core/network/workers.py)
        try:
            loop.exec()
        finally:
            GATE.enter()
        if held.get() is not None:
            step()
    tick.stop()
    reply = held.get()
    if reply is not None:
        reply.finished.disconnect(loop.quit)
        reply.readyRead.disconnect(loop.quit)


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
    elif why == "encoding":
        result.error = tr("the answer's compression is broken")
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
    return _send("GET", url, None, headers, timeout, authcfg, feedback, None, max_bytes, None, idle=False)


def http_post(url, body, content_type="application/xml", timeout=DEFAULT_TIMEOUT, max_bytes=DEFAULT_MAX_BYTES,
              authcfg="", headers=None, feedback=None):
    """POST ``body`` (bytes or text, sent as UTF-8) to ``url``; the same timeout, size cap, authcfg
    and cancel behaviour as :func:`http_get`, and it never raises for network trouble either."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = dict(headers or {})
    if content_type and not any(k.lower() == "content-type" for k in headers):
        headers["Content-Type"] = content_type
    return _send("POST", url, body or b"", headers, timeout, authcfg, feedback, None, max_bytes, None, idle=False)


def _lost(exc):
    """True for PyQt's "wrapped C/C++ object … has been deleted": one of this request's own Qt
    objects vanished under it (seen about once in a thousand requests when many worker threads
    use QGIS's network stack at once, QGIS 3.22 / PyQt 5.15; cause not yet found)."""
    return isinstance(exc, RuntimeError) and "has been deleted" in str(exc)


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


def _authorised(req, authcfg):
    """Apply ``authcfg`` to ``req``; returns the request to send, or None when QGIS could not apply
    it (unknown id, locked auth database, a method that fails). PyQGIS returns ``(ok, request)``
    from ``updateNetworkRequest`` (a tuple is always true: testing it as a bool let a failing
    login go unnoticed); older bindings a bool."""
    outcome = QgsApplication.authManager().updateNetworkRequest(req, authcfg)
    if isinstance(outcome, tuple):
        ok, updated = outcome[0], outcome[-1]
        return (updated if isinstance(updated, QNetworkRequest) else req) if ok else None
    return req if outcome else None


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
    return _send((method or "GET").upper(), url, body_or_file, headers, timeout, authcfg, feedback, progress,
                 max_bytes, output_path, idle=True)


def _send(method, url, body_or_file, headers, timeout, authcfg, feedback, progress, max_bytes, output_path, idle):
    """The one request path of this module. A request whose Qt objects vanish under it
    (:func:`_lost`) is never a crash: a GET or HEAD held in memory is made once more with fresh
    objects; anything else (a PUT/POST/DELETE may have reached the server, a download's file is
    half written) ends as a network error, and no half download is left behind."""
    existed = bool(output_path) and os.path.exists(output_path)
    repeatable = method in ("GET", "HEAD") and not output_path
    for _attempt in (1, 2):
        try:
            # Qt calls keep the GIL and take Qt's pooled signal-slot mutexes: inside the gate
            # (core/network/workers.py), with every Qt object of the request made and dropped in it
            with GATE:
                return _send_once(method, url, body_or_file, headers, timeout, authcfg, feedback, progress,
                              max_bytes, output_path, idle)
        except RuntimeError as exc:
            if not _lost(exc):
                raise
            log.info("Simpul: %s %s: %s", method, url, exc)
        if not repeatable:
            break
    if output_path and not existed and os.path.exists(output_path):
        os.remove(output_path)   # never leave half a download behind
    result = HttpResponse(url=url)
    result.error = tr("network error")
    return result


# Memory: whatever a server sends, a request holds at most ``max_bytes`` of its answer plus Qt's
# read buffer. Qt's buffer is capped (``setReadBufferSize``: Qt stops reading the socket while it
# is full; a compressed answer is inflated by :class:`_Decoder`, under the cap, as it is read), and
# the answer is drained the moment Qt has some (``readyRead`` wakes the wait). Past ``_LARGE_AFTER``
# bytes, an answer kept in memory is read on only by the request holding ``_LARGE`` (one at a time
# in the process; the others wait, their timeout running), so thirty parallel probes of an endless
# server cost one cap, not thirty. (tests/test_http_memory.py, 20 MB cap, a node check of 31 probes
# against an endless or a gzip-bomb node: 75-100 MB peak growth; before, 3 GB and 2.7 GB.)
READ_BUFFER = 256 * 1024
_LARGE_AFTER = 512 * 1024
_LARGE = threading.Lock()
_INFLATE_STEP = 128 * 1024
_SLICE = 16 * 1024


def _waited_for_large(seconds):
    GATE.leave()   # no Qt call while waiting: a GUI thread closing the gate need not wait for this
    try:
        return _LARGE.acquire(timeout=seconds)
    finally:
        GATE.enter()


def _release_large(chunks):
    """Let the next large answer be read, once this one's pieces (``chunks``, of an answer given
    up) are gone. The C library keeps what a thread freed for that thread's later use (glibc's
    per-thread arenas): handed back to the system here, else every worker thread that once read
    a large answer would keep its size."""
    chunks.clear()
    trim()
    _LARGE.release()


class _Decoder:
    """Inflates a gzip or deflate body as it arrives, never more at a time than asked for: the size
    cap applies to the inflated bytes, and a bomb is stopped at the cap, not after it. What was
    given and not yet inflated waits here (``pending``) until the caller asks for more."""

    def __init__(self):
        self.started = False
        self.zobj = None
        self.queue = collections.deque()   # what came, in slices not yet given to zlib
        self.tail = b""       # what zlib left of the slice it was given (its output was full)
        self.head = b""       # what came before the first inflated byte (for the raw-deflate retry)
        self.made = 0         # bytes inflated so far
        self.members = 0      # gzip members finished (a server may send several, one after another)
        self.raw = False
        self.error = False

    def start(self, encoding):
        self.started = True
        name = encoding.decode("latin-1").strip().lower()
        if name in ("gzip", "x-gzip", "deflate"):
            self.zobj = zlib.decompressobj(zlib.MAX_WBITS | 32)   # gzip or zlib, told by the header

    def push(self, raw):
        if self.zobj is None:
            self.queue.append(raw)
            return
        if not self.made and len(self.head) < 65536:
            self.head += raw
        # small slices: zlib hands back what it has not used as a copy (unconsumed_tail), so a
        # highly compressed answer given whole would be copied once per piece of output
        view = memoryview(raw)
        for start in range(0, len(raw), _SLICE):
            self.queue.append(view[start:start + _SLICE])

    def pull(self, limit):
        """Up to ``limit`` bytes of the body (b"" when what was given is used up)."""
        if self.zobj is None:
            return self.queue.popleft() if self.queue else b""
        while not self.error:
            if not self.tail:
                if not self.queue:
                    return b""
                self.tail = self.queue.popleft()
            try:
                out = self.zobj.decompress(self.tail, max(1, limit))
            except zlib.error:
                self.tail = b""
                if self.members:
                    self.queue.clear()   # bytes after a complete answer: ignored, as browsers do
                    return b""
                if self.made or self.raw:
                    self.error = True
                    return b""
                self.raw = True   # "deflate" sent without its zlib header, as some servers do
                self.zobj = zlib.decompressobj(-zlib.MAX_WBITS)
                self.queue.clear()
                self.queue.append(self.head)
                continue
            self.tail = self.zobj.unconsumed_tail
            if self.zobj.eof:
                self.members += 1
                self.tail = self.zobj.unused_data
                self.zobj = zlib.decompressobj(zlib.MAX_WBITS | 32)
            if out:
                self.made += len(out)
                self.head = b""
                return out
        return b""


def _send_once(method, url, body_or_file, headers, timeout, authcfg, feedback, progress, max_bytes,
               output_path, idle):
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
    # Always ask the server (a node's health must be its state now, not a cached 200).
    req.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                     QNetworkRequest.CacheLoadControl.AlwaysNetwork)
    req.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
    # GET and HEAD follow redirects, but never from https down to http. Nothing with a body is
    # sent on by itself (its body and credentials stay where they were addressed): a redirect is
    # answered as an error naming the new address (status 3xx, header "location"); the caller decides.
    policy = (QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy if method in ("GET", "HEAD")
              else QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)
    req.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute, policy)
    initiator = QNetworkRequest.Attribute(QgsNetworkRequestParameters.RequestAttributes.AttributeInitiatorClass)
    req.setAttribute(initiator, TAG)
    if device is not None:
        req.setHeader(QNetworkRequest.KnownHeaders.ContentLengthHeader, size)
    if not any(k.lower() == "accept-encoding" for k in (headers or {})):
        # Asked by us, so Qt hands the body over as it came and _Decoder inflates it under the
        # size cap (Qt 5's own inflation has no limit: a 1 MB gzip bomb is a GB in memory).
        req.setRawHeader(b"Accept-Encoding", b"gzip, deflate")
    if authcfg:
        GATE.leave()          # applying a login may wait for the GUI thread (a master password)
        try:
            req = _authorised(req, authcfg)
        finally:
            GATE.enter()
        if req is None:
            result.error = tr("the authentication configuration {id} could not be applied").format(id=authcfg)
            if owned:
                device.close()
            return result
    if feedback is not None and feedback.isCanceled():
        result.canceled = True
        result.error = tr("canceled")
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

    # The event loop first: in a worker thread it gives the thread Qt's event dispatcher, which
    # the network manager's own timers (QGIS's request timeout) need from the first request on.
    loop = QEventLoop()
    nam = QgsNetworkAccessManager.instance()
    if method == "GET" and device is None:
        reply = nam.get(req)
    elif method == "HEAD" and device is None:
        reply = nam.head(req)
    elif method == "POST" and device is not None:
        reply = nam.post(req, device)
    elif device is None:
        reply = nam.sendCustomRequest(req, method.encode("ascii"))
    else:
        reply = nam.sendCustomRequest(req, method.encode("ascii"), device)
    if _gone(reply, result):
        if sink is not None:
            sink.close()
            os.remove(output_path)
        return result
    if authcfg:
        QgsApplication.authManager().updateNetworkReply(reply, authcfg)
    reply.setReadBufferSize(READ_BUFFER)
    if owned and device is not None:
        # Qt reads the body from Qt's HTTP thread until the reply is gone (even after an abort a
        # request for more data may still be queued): the device lives and dies with the reply.
        device.setParent(reply)
    held = _Held(reply)   # the closures below use held.reply: it may be wrapped again (see _Held)

    chunks = []
    decoder = _Decoder()
    now = time.monotonic()
    state = {"size": 0, "why": "", "start": now, "last": now, "sent": -1, "to_file": sink is not None,
             "large": False}

    def stop(why):
        if not state["why"]:
            state["why"] = why
            chunks.clear()   # an answer given up is never kept
            held.reply.abort()

    def on_headers():
        status = held.reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if state["to_file"] and status and int(status) >= 300:
            state["to_file"] = False   # an error page or a redirect: keep it for the message
        length = held.reply.header(QNetworkRequest.KnownHeaders.ContentLengthHeader)
        if not state["to_file"] and length is not None and int(length) > max_bytes:
            stop("large")

    def on_ready(last=False):
        """Read and keep what came. ``last``: the reply has finished and this is the rest of it."""
        while not state["why"]:
            if not (state["to_file"] or state["large"]) and state["size"] >= _LARGE_AFTER:
                # another large answer is being read: this one waits (Qt's full buffer holds it
                # back); at the end it waits for its turn, at most until its own timeout
                wait = max(0.0, timeout - (time.monotonic() - state["last" if idle else "start"])) if last else 0
                if not (_waited_for_large(wait) if wait > 0 else _LARGE.acquire(blocking=False)):
                    if last:
                        stop("timeout")
                    return
                state["large"] = True
            room = _INFLATE_STEP if state["to_file"] else max(1, min(_INFLATE_STEP, max_bytes - state["size"] + 1))
            data = decoder.pull(room)
            if not data:
                if decoder.error:
                    stop("encoding")
                    return
                raw = bytes(held.reply.readAll())
                if not raw:
                    return
                state["last"] = time.monotonic()
                if not decoder.started:
                    decoder.start(bytes(held.reply.rawHeader(b"Content-Encoding")))
                decoder.push(raw)
                continue
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
        elif now - state["last" if idle else "start"] >= timeout:   # checked every tick: never early
            stop("timeout")

    try:
        _pump(held, loop, tick, 100 if idle else 50)
        if held.get() is None:
            result.error = result.error or tr("network error")
            if sink is not None:
                sink.close()
                os.remove(output_path)
            return result
        if not state["why"]:
            on_headers()
        if not state["why"]:
            on_ready(last=True)
    finally:
        if state["large"]:
            state["large"] = False
            _release_large(chunks if state["why"] else [])
    if not state["why"] and device is not None and progress is not None and state["sent"] != size:
        progress(device.pos(), size)
    if sink is not None:
        sink.close()
    result.elapsed_ms = int((time.monotonic() - state["start"]) * 1000)
    timeout_text = (tr("no progress for {seconds:g} s") if idle else tr("no answer within {seconds:g} s")).format(
        seconds=timeout)
    held.get()   # a wrapper lost since (a reply really gone raises RuntimeError below: _lost)
    _conclude(result, held.reply, state["why"], chunks, max_bytes, timeout_text, error_below=400 if idle else 300)
    chunks.clear()
    if state["size"] >= _LARGE_AFTER and not state["to_file"]:
        trim()
    if sink is not None and (result.error or not state["to_file"]) and os.path.exists(output_path):
        os.remove(output_path)   # never leave half a download behind
    if held.get() is not None:
        held.reply.deleteLater()
    return result
