"""The online KUGI catalogue (BIG's KUGI API) refreshed into a local cache file.

Endpoints (base ``https://kugi.ina-sdi.or.id/kugiapi``, configurable in ``simpul/kugi_api_url``):
``/featurecatalog`` (categories), ``/featuretype?fcid=<id>`` (the feature types of one
category) and ``/featuretypegetbycode?code=<FCODE>`` (one row per attribute and domain value).
Quirks handled here: the API answers HTTP 500 to clients without browser-like ``User-Agent``
and ``Accept`` headers (QGIS's network manager replaces any User-Agent with its own
"Mozilla/5.0 QGIS/<version>", which passes; the ``Accept`` header is ours); values may carry
a language suffix ("@en") that is cut off, never ``str.strip``-ed; there are no field lengths
or cardinalities (lengths and the mandatory core fields come from the bundled ``kugi.json``).

:func:`refresh_catalogue` writes the whole catalogue, in the schema of ``kugi.json``, to
``<data_dir>/kugi_catalogue.json`` atomically: a refresh that fails part-way (or is
canceled) leaves the previous file untouched and says which step failed.

Caveat: Qt's network cache answers a request with its stored copy when the server now
replies 5xx (even with AlwaysNetwork), so a failing endpoint whose earlier answer QGIS
cached reads as a success; only a request that does not store its answer avoids this.
"""
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlencode

from qgis.core import QgsApplication, QgsSettings

from ..errors import SimpulError
from ..network.http import NotJson, http_get
from ..i18n import tr
from .kugi import Kugi, SchemaProblem
from ..paths import I18N_DIR, PLUGIN_DIR, RESOURCES_DIR
from . import pack as standards

DEFAULT_BASE_URL = "https://kugi.ina-sdi.or.id/kugiapi"
SETTINGS_KEY = "simpul/kugi_api_url"
CACHE_FILE = "kugi_catalogue.json"
TIMEOUT = 30.0
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
# The API refuses (HTTP 500) clients that do not look like a browser.
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Simpul-SDI/0.1",
    "Accept": "application/json, text/plain, */*",
}
NULL_TOKENS = {"", "-", "null", "NULL", "None"}
NON_ATTRIBUTE_TYPES = {"Geometry", "GM_Object", "GM_Point", "GM_Curve", "GM_Surface"}
TYPE_ALIASES = {"OID": "Integer", "SmallInteger": "Integer", "Single": "Double", "Float": "Double",
                "Long": "Int64", "Text": "String"}
_LANG_SUFFIX = re.compile(r"^(.*?)\s*@([A-Za-z]{2,3})$", re.S)


class KugiApiError(SimpulError, RuntimeError):
    def __init__(self, message, canceled=False):
        super().__init__(message)
        self.canceled = canceled


@dataclass
class RefreshResult:
    path: str
    version: str = ""
    categories: int = 0
    feature_types: int = 0
    attributes: int = 0
    skipped: list = field(default_factory=list)     # codes left out (malformed or repeated)
    warnings: list = field(default_factory=list)


def strip_lang(value):
    """'Jalan@en' -> 'Jalan'; None -> ''. Only a real language suffix is cut."""
    if value is None:
        return ""
    text = str(value).strip()
    m = _LANG_SUFFIX.match(text)
    return m.group(1).strip() if m else text


def base_url():
    return (QgsSettings().value(SETTINGS_KEY, DEFAULT_BASE_URL, type=str) or DEFAULT_BASE_URL).rstrip("/")


def default_data_dir():
    """Simpul's folder in the QGIS profile (never the plugin's own resources)."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "simpul")


def cache_path(data_dir):
    return os.path.join(data_dir, CACHE_FILE)


def best_catalogue(data_dir):
    """The refreshed catalogue when there is a valid one in ``data_dir``, else the bundled subset."""
    path = cache_path(data_dir)
    if os.path.exists(path):
        try:
            return standards.load_kugi(path)
        except standards.StandardsError:
            pass
    return standards.load_kugi()


class KugiApi:
    """The three endpoints, each returning plain Python rows with language suffixes removed."""

    def __init__(self, base=None, timeout=TIMEOUT, authcfg="", feedback=None, max_bytes=MAX_RESPONSE_BYTES):
        self.base = (base or base_url()).rstrip("/")
        self.timeout, self.authcfg, self.feedback, self.max_bytes = timeout, authcfg, feedback, max_bytes

    def check_canceled(self):
        if self.feedback is not None and self.feedback.isCanceled():
            raise KugiApiError(tr("canceled"), canceled=True)

    def get_rows(self, path, **params):
        self.check_canceled()
        url = self.base + path + ("?" + urlencode(params) if params else "")
        r = http_get(url, timeout=self.timeout, max_bytes=self.max_bytes, authcfg=self.authcfg,
                     headers=BROWSER_HEADERS, feedback=self.feedback)
        self.check_canceled()
        if not r.ok:
            raise KugiApiError(tr("{url}: {error}").format(url=url, error=r.error or tr("no answer")))
        try:
            data = r.json()
        except NotJson as exc:
            raise KugiApiError(tr("{url}: {error}").format(url=url, error=exc)) from None
        if not isinstance(data, list):
            raise KugiApiError(tr("{url} answered JSON that is not a list of rows").format(url=url))
        return [row for row in data if isinstance(row, dict)]

    def categories(self):
        out = []
        for row in self.get_rows("/featurecatalog"):
            fcid = strip_lang(row.get("id") if row.get("id") is not None else row.get("featureCatalogId"))
            if fcid:
                out.append({"id": fcid, "code": strip_lang(row.get("featureCatalogCode")),
                            "name": strip_lang(row.get("name")), "version": strip_lang(row.get("versionNumber"))})
        return out

    def feature_types(self, fcid):
        out = []
        for row in self.get_rows("/featuretype", fcid=fcid):
            code, name = strip_lang(row.get("code")), strip_lang(row.get("typeName") or row.get("name"))
            if code and name:
                out.append({"code": code, "type_name": name, "definition": strip_lang(row.get("definition")),
                            "aliases": strip_lang(row.get("aliases")),
                            "version": strip_lang(row.get("attributVersionNumber"))})
        return out

    def schema(self, code):
        """Attributes of one feature type: [{name, type, definition, codelist, domain: [(code, label)]}]."""
        order, groups = [], {}
        for row in self.get_rows("/featuretypegetbycode", code=code):
            name = strip_lang(row.get("ptMemberName"))
            if name:
                if name not in groups:
                    order.append(name)
                groups.setdefault(name, []).append(row)
        out = []
        for name in order:
            rows = groups[name]
            kind = strip_lang(rows[0].get("faValueType"))
            if kind in NON_ATTRIBUTE_TYPES:
                continue
            domain, seen = [], set()
            for row in rows:
                value, label = strip_lang(row.get("lvCodeDetail")), strip_lang(row.get("lvLabel"))
                if value in NULL_TOKENS or label in NULL_TOKENS or value in seen:
                    continue
                seen.add(value)
                domain.append((value, label))
            codelist = strip_lang(rows[0].get("lvCode"))
            out.append({"name": name, "type": kind, "definition": strip_lang(rows[0].get("ptDefinition")),
                        "codelist": "" if codelist in NULL_TOKENS else codelist, "domain": domain})
        return out


def _progress(feedback, value):
    if feedback is not None:
        feedback.setProgress(max(0.0, min(100.0, value)))


def _attribute(a, bundled_ft, bundled, result):
    core = {c.name: c for c in bundled.core}
    known = (bundled_ft.attribute(a["name"]) if bundled_ft else None) or core.get(a["name"])
    kind = TYPE_ALIASES.get(a["type"], a["type"])
    types = bundled.meta["attribute_types"]
    if kind not in types:
        result.warnings.append(tr("attribute {name}: unknown type {type}, read as String").format(
            name=a["name"], type=a["type"]))
        kind = "String"
    out = {"name": a["name"], "type": kind, "length": known.length if known and known.type == kind else None,
           "required": bool(a["name"] in core and core[a["name"]].required), "definition": a["definition"]}
    if a["codelist"]:
        out["codelist"] = a["codelist"]
    if a["domain"]:
        out["domain"] = [{"code": c, "label": l or c} for c, l in a["domain"]]
    return out


def build_document(api, bundled, cats, types_by_cat, schemas, result):
    """A kugi.json-shaped document from the API's answers (raises SchemaProblem if not valid)."""
    letters = {}
    for cat in cats:
        codes = [t["code"] for t in types_by_cat[cat["id"]]]
        letter = cat["code"] if re.fullmatch(r"[A-Z]", cat["code"] or "") else (codes[0][:1] if codes else "")
        if letter and letter not in letters:
            known = bundled.category(letter) or {}
            letters[letter] = {"letter": letter, "name": cat["name"] or known.get("name", letter),
                               "name_en": known.get("name_en", ""), "fcid": cat["id"], "letter_verified": True,
                               "source": "KUGI API %s/featurecatalog" % api.base}
    for letter, c in bundled.categories.items():   # letters the API did not use keep their bundled entry
        letters.setdefault(letter, dict(c))
    probe = Kugi(bundled.meta, bundled.geometry, bundled.scales, letters, bundled.core, {}, bundled.fcode_length)
    fts, seen = [], set()
    for cat in cats:
        for t in types_by_cat[cat["id"]]:
            parts = probe.parse_fcode(t["code"])
            if not parts or parts.code in seen:
                result.skipped.append(t["code"])
                continue
            seen.add(parts.code)
            old = bundled.feature_type(parts.code)
            ln = probe.parse_layer_name(t["type_name"])
            aliases = [n for n in ([old.layer] + list(old.aliases) if old else []) if n != t["type_name"]]
            attrs = [_attribute(a, old, bundled, result) for a in schemas.get(parts.code, [])]
            result.attributes += len(attrs)
            fts.append({"fcode": parts.code, "type_name": t["type_name"], "layer": t["type_name"],
                        "theme": ln.theme if ln else t["type_name"],
                        "geometry": parts.geometry, "scale": parts.scale,
                        "category": parts.category, "definition": t["definition"] or t["type_name"],
                        "aliases": aliases, "api_aliases": t["aliases"], "attributes": attrs,
                        "attributes_complete": parts.code in schemas,
                        "source": ["KUGI API %s/featuretype?fcid=%s" % (api.base, cat["id"])], "verified": True})
    result.version = next((t["version"] for ts in types_by_cat.values() for t in ts if t["version"]), "") or \
        next((c["version"] for c in cats if c["version"]), "")
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    kept = ("fcode", "geometry_codes", "scale_codes", "attribute_types", "core_attributes")
    doc = {k: bundled.meta[k] for k in kept}
    doc.update({
        "name": "KUGI - Katalog Unsur Geografi Indonesia (from the KUGI API)",
        "version": result.version or "unknown", "retrieved": now,
        "source": [{"title": "KUGI API", "url": api.base,
                    "used_for": "categories, feature types, attributes, domains"},
                   {"title": "Simpul's bundled kugi.json %s" % bundled.meta.get("version", ""),
                    "used_for": "FCODE layout, geometry and scale codes, core attributes, field lengths"}],
        "notes": ["Refreshed from the KUGI API on %s. The API gives no field lengths or cardinalities: lengths "
                  "and the mandatory core fields (FCODE, SRS_ID, METADATA) come from the bundled kugi.json." % now],
        "categories": list(letters.values()), "feature_types": fts})
    standards.check_header(doc)
    Kugi.from_dict(doc)
    result.categories, result.feature_types = len(cats), len(fts)
    return doc


def _write_atomically(path, doc):
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".kugi_catalogue.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def refresh_catalogue(data_dir, base=None, feedback=None, timeout=TIMEOUT, authcfg="", attributes=True):
    """Fetch the whole catalogue into ``<data_dir>/kugi_catalogue.json``; returns a :class:`RefreshResult`.

    ``attributes``: True fetches every feature type's attributes, False none, or an iterable of
    FCODEs to fetch. Raises :class:`KugiApiError` naming the failed step; the previous cache
    file is then left as it was.
    """
    real = os.path.realpath(data_dir)
    roots = {os.path.realpath(r) for r in (PLUGIN_DIR, RESOURCES_DIR, I18N_DIR)}
    if any(os.path.commonpath([real, r]) == r for r in roots):
        raise KugiApiError(tr("the KUGI cache is never written into the plugin's own folder: {path}").format(
            path=data_dir))
    api = KugiApi(base, timeout, authcfg, feedback)
    path = cache_path(data_dir)
    result = RefreshResult(path=path)
    kept = tr("the previous catalogue is kept") if os.path.exists(path) else tr("no catalogue was written")
    bundled = standards.load_kugi()
    step = tr("the list of categories")
    try:
        cats = api.categories()
        if not cats:
            raise KugiApiError(tr("the KUGI API listed no categories"))
        types_by_cat = {}
        for i, cat in enumerate(cats):
            step = tr("category {name} (fcid {id})").format(name=cat["name"] or "?", id=cat["id"])
            types_by_cat[cat["id"]] = api.feature_types(cat["id"])
            _progress(feedback, 20.0 * (i + 1) / len(cats))
        codes = [t["code"] for ts in types_by_cat.values() for t in ts]
        if attributes is True or not attributes:
            wanted = codes if attributes else []
        else:
            wanted = [c for c in codes if c in set(attributes)]
        wanted = list(dict.fromkeys(c for c in wanted if bundled.parse_fcode(c)))
        schemas = {}
        for i, code in enumerate(wanted):
            step = tr("feature type {code}").format(code=code)
            schemas[code] = api.schema(code)
            _progress(feedback, 20.0 + 75.0 * (i + 1) / len(wanted))
        step = tr("checking the new catalogue")
        doc = build_document(api, bundled, cats, types_by_cat, schemas, result)
        api.check_canceled()
        step = tr("writing {path}").format(path=path)
        _write_atomically(path, doc)
    except KugiApiError as exc:
        if exc.canceled:
            raise KugiApiError(tr("KUGI refresh canceled; {kept}").format(kept=kept), canceled=True) from None
        raise KugiApiError(tr("KUGI refresh failed at {step}: {error}; {kept}").format(
            step=step, error=exc, kept=kept)) from None
    except (SchemaProblem, OSError) as exc:
        raise KugiApiError(tr("KUGI refresh failed at {step}: {error}; {kept}").format(
            step=step, error=exc, kept=kept)) from None
    _progress(feedback, 100.0)
    return result
