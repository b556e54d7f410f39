"""No secret in any output: :func:`redact` takes the secrets out of a data source string.

A QGIS layer's ``source()`` may carry a login: a PostGIS connection string with
``password='…'``, a URL with ``user:pass@host``, a web service with ``token=…`` / ``apikey=…``
in its query string, an OWS URI with ``password=…&url=…``. Reports are e-mailed and attached to
datasets, logs are shared: every source string Simpul writes (validation reports, error layer,
publish plan and log, the message log) passes through :func:`redact` (or :func:`redact_all` for
a whole document). The authcfg *id* stays: it names a login kept in QGIS's authentication
database and reveals nothing by itself. Text without secrets comes back unchanged.
"""
import re

MASK = "***"

# keys whose value is a secret, in a conninfo (key=value, space separated), an OWS/GDAL URI
# (key=value&…), or a URL query string
SECRET_KEYS = ("password", "passwd", "pwd", "sslpassword", "secret", "client_secret", "token",
               "access_token", "refresh_token", "id_token", "auth_token", "apikey", "api_key", "api-key",
               "private_key", "signature", "x-amz-signature", "authorization", "http-header:authorization")
# short names that are secrets only in a URL's query string (``key='fid'`` of a PostGIS URI is
# the primary key column, not a secret)
QUERY_ONLY_KEYS = ("key", "sig", "pass")

_VALUE = r"(?P<val>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s&;'\"|]+)"
_KEYS = "|".join(re.escape(k) for k in sorted(SECRET_KEYS, key=len, reverse=True))
# key = 'quoted \' value' | "quoted" | bare value (up to a space, &, ;, quote, | or end)
_KEY_VALUE = re.compile(r"(?P<pre>(?<![A-Za-z0-9_.-])(?:%s)\s*=\s*)%s" % (_KEYS, _VALUE), re.IGNORECASE)
_QUERY_KEY_VALUE = re.compile(r"(?P<pre>[?&](?:%s)=)%s" % ("|".join(QUERY_ONLY_KEYS), _VALUE), re.IGNORECASE)
# scheme://user:password@host — the password goes, the user name stays
_USERINFO = re.compile(r"(?P<pre>\b[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@'\"]*:)(?P<val>[^@\s/'\"]*)(?=@)")


def _mask(match):
    val = match.group("val")
    if val[:1] in ("'", '"'):
        return match.group("pre") + val[0] + MASK + val[0]
    return match.group("pre") + MASK


def redact(text):
    """``text`` with every password, token and key value replaced by ``***``."""
    if not isinstance(text, str) or not text:
        return text
    text = _KEY_VALUE.sub(_mask, text)
    text = _QUERY_KEY_VALUE.sub(_mask, text)
    return _USERINFO.sub(lambda m: m.group("pre") + MASK, text)


def redact_all(value):
    """A copy of a JSON-like document (dicts, lists, strings) with :func:`redact` applied to every
    string in it, keys included."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {redact(k) if isinstance(k, str) else k: redact_all(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_all(v) for v in value]
    return value
