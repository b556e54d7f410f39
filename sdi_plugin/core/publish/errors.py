"""The server's own words when it refuses: what a publish shows the user on a failure.

Servers explain themselves in many shapes: GeoServer's REST API answers plain text (its 404s
and 500s) or the servlet container's HTML error page (its 4xx, from Tomcat or Jetty); OGC
services answer an OWS ``ExceptionReport`` (CSW, WFS) or a ``ServiceExceptionReport`` (WMS);
OGC API servers answer JSON (``description``, ``detail``, ``title``). :func:`server_text`
digs the message out of any of these; :func:`describe_failure` makes the sentence a user sees.
"""
import html
import json
import re

from ..i18n import tr
from ..network.xmlsafe import XmlError, localname, parse_xml

MAX_TEXT = 600


def _clean(text):
    text = re.sub(r"\s+", " ", text or "").strip()
    return text[:MAX_TEXT] + ("…" if len(text) > MAX_TEXT else "")


def ows_exception_text(root):
    """The texts of an OWS ExceptionReport / WMS ServiceExceptionReport element, or ''."""
    if localname(root) not in ("ExceptionReport", "ServiceExceptionReport"):
        return ""
    parts = []
    for el in root.iter():
        name = localname(el)
        if name in ("ExceptionText", "ServiceException") and (el.text or "").strip():
            code = el.get("code") or (el.getparent().get("exceptionCode") if el.getparent() is not None else "")
            text = el.text.strip()
            parts.append("%s: %s" % (code, text) if code and code not in text else text)
    if not parts:
        for el in root.iter():
            if localname(el) == "Exception" and el.get("exceptionCode"):
                parts.append(el.get("exceptionCode"))
    return "; ".join(parts)


def _html_text(body):
    """The message of a servlet container's error page, else the page's text."""
    # Tomcat: <p><b>Message</b> Workspace &#39;x&#39; already exists</p>
    m = re.search(r"<b>\s*(?:Message|message)\s*</b>\s*(.*?)</p>", body, re.S)
    if m and m.group(1).strip():
        return html.unescape(re.sub(r"<[^>]+>", " ", m.group(1)))
    # Jetty: <h2>HTTP ERROR 409 Workspace 'x' already exists</h2> or <th>MESSAGE:</th><td>…</td>
    m = re.search(r"<th>\s*MESSAGE:\s*</th>\s*<td>(.*?)</td>", body, re.S)
    if m and m.group(1).strip():
        return html.unescape(m.group(1))
    m = re.search(r"<h2>\s*HTTP ERROR\s*\d*\s*(.*?)</h2>", body, re.S)
    if m and m.group(1).strip():
        return html.unescape(m.group(1))
    m = re.search(r"Reason:\s*<pre>(.*?)</pre>", body, re.S)
    if m and m.group(1).strip():
        return html.unescape(m.group(1))
    body = re.sub(r"(?is)<(script|style|head)[^>]*>.*?</\1>", " ", body)
    m = re.search(r"(?is)<body[^>]*>(.*)</body>", body)
    text = re.sub(r"<[^>]+>", " ", m.group(1) if m else body)
    return html.unescape(text)


def _json_text(data):
    if isinstance(data, dict):
        for key in ("description", "detail", "message", "error", "title"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return value
            if isinstance(value, dict):
                inner = _json_text(value)
                if inner:
                    return inner
    return ""


def server_text(content, content_type=""):
    """The explanation a server gave in ``content`` (bytes), as one line of plain text, or ''."""
    if not content:
        return ""
    head = content[:512].lstrip().lower()
    ctype = (content_type or "").lower()
    text = content[:256 * 1024].decode("utf-8", errors="replace")
    if "json" in ctype or head[:1] in (b"{", b"["):
        try:
            found = _json_text(json.loads(text))
            if found:
                return _clean(found)
        except ValueError:
            pass
    if "html" in ctype or head.startswith(b"<!doctype html") or b"<html" in head:
        return _clean(_html_text(text))
    if "xml" in ctype or head.startswith(b"<?xml") or head.startswith(b"<"):
        try:
            root = parse_xml(content)
        except XmlError:
            return _clean(_html_text(text))
        found = ows_exception_text(root)
        if found:
            return _clean(found)
        return _clean(" ".join(t.strip() for t in root.itertext() if t.strip()))
    return _clean(text)


def describe_failure(what, resp):
    """One sentence for people: what failed, the server's words, and the HTTP status.

    ``what`` says what was being done (e.g. "creating the feature type simpul:JALAN").
    """
    words = server_text(resp.content, resp.content_type)
    if resp.canceled:
        return tr("{what}: canceled.").format(what=what)
    if resp.timed_out:
        return tr("{what}: the node stopped answering ({why}).").format(what=what, why=resp.error)
    if not resp.status:
        return tr("{what}: the connection failed ({why}).").format(what=what, why=resp.error or tr("network error"))
    if resp.status == 401:
        hint = tr("check the user name and password of the authentication configuration")
        return tr("{what}: the node refused the credentials (HTTP 401) — {hint}.").format(what=what, hint=hint)
    if resp.status == 403 and not words:
        return tr("{what}: the node does not allow this (HTTP 403).").format(what=what)
    if words:
        return tr("{what}: the node said “{words}” (HTTP {status}).").format(what=what, words=words, status=resp.status)
    return tr("{what}: the node answered HTTP {status} without an explanation.").format(what=what, status=resp.status)
