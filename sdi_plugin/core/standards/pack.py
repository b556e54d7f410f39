"""The national standards pack: KUGI, reference systems (SRGI2013) and the metadata profile
(SNI 8843-1), read from versioned data files in ``resources/standards/``.

Each file is checked as a whole when it is loaded; a malformed one raises
:class:`StandardsError` naming the file and the problem. Loaded files are cached per kind
and reloaded when another path is asked for or the file changed on disk.

Lookups the validator uses: :func:`load_kugi` (see :class:`~sdi_plugin.core.standards.kugi.Kugi`:
``feature_type``, ``for_layer``), :func:`parse_fcode`, :func:`parse_layer_name`,
:func:`crs_status`, :func:`load_profile`.
"""
import json
import os
from dataclasses import dataclass, field

from lxml import etree

from ..errors import SimpulError
from ..i18n import tr
from .kugi import Kugi, SchemaProblem, need, one_of
from ..paths import resource

STANDARDS_DIR = resource("standards")
KUGI_FILE = os.path.join(STANDARDS_DIR, "kugi.json")
CRS_FILE = os.path.join(STANDARDS_DIR, "crs.json")
PROFILE_FILE = os.path.join(STANDARDS_DIR, "metadata_profile.json")
MAX_FILE_BYTES = 32 * 1024 * 1024
STATUSES = ("accepted", "warning", "flagged", "unknown")
OBLIGATIONS = ("mandatory", "conditional", "optional")

_cache = {}   # kind -> (path, (mtime_ns, size), object)


class StandardsError(SimpulError, ValueError):
    """A standards file is missing or malformed; the message names the file and the problem."""

    def __init__(self, path, problem):
        super().__init__(tr("Standards file {file}: {problem}").format(file=path, problem=problem))
        self.path = path
        self.problem = problem


def read_json(path, max_bytes=MAX_FILE_BYTES):
    """The parsed JSON of ``path``; :class:`StandardsError` if unreadable, too big or not JSON."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise StandardsError(path, tr("the file is larger than {mb:g} MB").format(mb=max_bytes / 1048576))
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise StandardsError(path, tr("the file does not exist")) from None
    except OSError as exc:
        raise StandardsError(path, tr("the file could not be read: {error}").format(error=exc)) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise StandardsError(path, tr("the file is not UTF-8: {error}").format(error=exc)) from None
    except (ValueError, RecursionError) as exc:
        raise StandardsError(path, tr("the file is not valid JSON: {error}").format(error=exc)) from None


def check_header(data):
    """Every standards file says what it is, which version, where from, and what is verified."""
    if not isinstance(data, dict):
        raise SchemaProblem(tr("{path} must be {expected}").format(path="(top)", expected=tr("an object")))
    for key in ("name", "version"):
        need(data, key, str, "")
    need(data, "source", list, "")
    need(data, "notes", list, "")
    if not any(isinstance(data.get(k), str) and data[k].strip() for k in ("compiled", "retrieved")):
        raise SchemaProblem(tr("{path} is missing").format(path="compiled / retrieved"))


def load_standard(kind, path, build):
    """Read a standards data file at ``path``: its header checked (source, version, dates),
    ``build(data)`` made into the object callers use, cached under ``kind`` until the file
    changes. A bad file raises :class:`StandardsError` naming the file and the problem."""
    path = os.path.abspath(path)
    try:
        st = os.stat(path)
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    hit = _cache.get(kind)
    if hit and hit[0] == path and hit[1] == stamp and stamp is not None:
        return hit[2]
    data = read_json(path)
    try:
        check_header(data)
        obj = build(data)
    except SchemaProblem as exc:
        raise StandardsError(path, str(exc)) from None
    _cache[kind] = (path, stamp, obj)
    return obj


_load = load_standard   # the old private name, still used inside this module


def clear_cache():
    _cache.clear()


# -- KUGI ------------------------------------------------------------------------------
def load_kugi(path=None):
    """The KUGI catalogue (bundled subset, or a KUGI API cache file in the same schema)."""
    return _load("kugi", path or KUGI_FILE, Kugi.from_dict)


def parse_fcode(code, kugi=None):
    """Parts of an FCODE (:class:`~sdi_plugin.core.standards.kugi.FcodeParts`); falsy with ``reason`` if malformed."""
    return (kugi or load_kugi()).parse_fcode(code)


def parse_layer_name(name, kugi=None):
    """THEME_GEOM[_SCALE] parts (:class:`~sdi_plugin.core.standards.kugi.LayerName`); falsy with ``reason``."""
    return (kugi or load_kugi()).parse_layer_name(name)


# -- reference systems -----------------------------------------------------------------
@dataclass
class CrsStatus:
    code: str
    status: str                 # accepted / warning / flagged / unknown
    label: str
    name: str = ""
    datum: str = ""
    target: str = ""            # suggested SRGI2013 system
    target_name: str = ""
    transformation: dict = None  # {"id", "name", "steps": [{"code", "name", "inverse"}], "accuracy_m"}
    note: str = ""


class CrsTable:
    def __init__(self, data):
        self.meta = data
        self.national = need(data, "national_datum", str, "")
        self.transformations = need(data, "transformations", dict, "")
        for key, t in self.transformations.items():
            for j, step in enumerate(need(t, "steps", list, "transformations." + key)):
                need(step, "code", str, "transformations.%s.steps[%d]" % (key, j))
        self.systems = {}
        for i, s in enumerate(need(data, "systems", list, "")):
            where = "systems[%d]" % i
            code = need(s, "code", str, where).upper()
            need(s, "name", str, where)
            one_of(need(s, "status", str, where), STATUSES, where + ".status")
            if s.get("transformation") and s["transformation"] not in self.transformations:
                one_of(s["transformation"], sorted(self.transformations), where + ".transformation")
            if code in self.systems:
                raise SchemaProblem(tr("{path}: {value} appears twice").format(path=where + ".code", value=code))
            self.systems[code] = s
        for i, s in enumerate(self.systems.values()):
            if s.get("target") and s["target"].upper() not in self.systems:
                raise SchemaProblem(tr("{path}: {value} is not among the listed systems").format(
                    path="systems[%d].target" % i, value=s["target"]))

    def status(self, authid):
        code = normalise_authid(authid)
        s = self.systems.get(code)
        nat = self.systems.get(self.national.upper(), {})
        if s is None:
            label = (tr("the layer has no coordinate reference system") if not code else
                     tr("{code} is not a reference system for Indonesian SDI data; "
                        "use SRGI2013 ({target})").format(
                         code=code, target=self.national))
            return CrsStatus(code, "unknown", label, target=self.national, target_name=nat.get("name", ""))
        target = (s.get("target") or "").upper()
        tname = self.systems.get(target, {}).get("name", "")
        trans = None
        if s.get("transformation"):
            trans = dict(self.transformations[s["transformation"]], id=s["transformation"])
        fmt = dict(name=s["name"], code=code, datum=s.get("datum", ""), target="%s (%s)" % (tname, target),
                   transformation=trans["name"] if trans else "")
        if s["status"] == "accepted":
            label = tr("{name} ({code}) is SRGI2013, the national reference system").format(**fmt)
        elif s["status"] == "warning":
            label = tr("{name} ({code}) is accepted, but SRGI2013 is the national reference system: "
                       "consider {target}").format(**fmt)
        elif s["status"] == "flagged":
            label = tr("{name} ({code}) uses the legacy datum {datum}: "
                       "transform it to {target} with {transformation}").format(**fmt)
        else:
            label = tr("{name} ({code}) is not a reference system for Indonesian SDI data").format(**fmt)
        return CrsStatus(code, s["status"], label, s["name"], s.get("datum", ""), target, tname, trans,
                         s.get("note", ""))


def normalise_authid(authid):
    """'epsg:4326', ' EPSG:4326 ', '4326' -> 'EPSG:4326'; anything else upper-cased."""
    text = (authid.authid() if hasattr(authid, "authid") else str(authid or "")).strip().upper()
    return "EPSG:" + text if text.isdigit() else text


def load_crs(path=None):
    return _load("crs", path or CRS_FILE, CrsTable)


def crs_status(authid, path=None):
    """Status of a CRS (authid string or QgsCoordinateReferenceSystem) for Indonesian SDI data."""
    return load_crs(path).status(authid)


# -- metadata profile ------------------------------------------------------------------
@dataclass(frozen=True)
class ProfileElement:
    id: str
    xpath: str
    value: str
    obligation: str
    inferred: bool
    label_id: str
    label_en: str
    codelist: str = ""
    profile_value: object = None
    palapa_emits: bool = False
    note: str = ""


@dataclass
class Profile:
    meta: dict
    namespaces: dict
    settings: dict
    codelists: dict
    elements: list = field(default_factory=list)
    service_elements: list = field(default_factory=list)    # what a service record adds (srv)
    service_not_applicable: tuple = ()                      # element ids a service record does not have

    def element(self, element_id):
        return next((e for e in self.elements + self.service_elements if e.id == element_id), None)

    def elements_for(self, service=False):
        """The elements a record is checked against: a dataset's, or a service's (srv)."""
        if not service:
            return list(self.elements)
        return [e for e in self.elements if e.id not in self.service_not_applicable] + list(self.service_elements)

    def by_obligation(self, obligation):
        return [e for e in self.elements if e.obligation == obligation]

    def codelist(self, name):
        return list((self.codelists.get(name) or {}).get("values") or [])

    def classification_for_access(self, level):
        """ISO MD_ClassificationCode for a Palapa access level (PUBLIC, GOVERNMENT[:x], PRIVATE, IGSTRATEGIS)."""
        mapping = self.codelists.get("MD_ClassificationCode", {}).get("palapa_access", {})
        return mapping.get((level or "").strip().upper().split(":")[0], "")

    def access_for_classification(self, value):
        """The Palapa access level for an ISO classification value (Palapa's own spellings too)."""
        cl = self.codelists.get("MD_ClassificationCode", {})
        value = (value or "").strip()
        iso = {v: k for k, v in cl.get("palapa_spelling", {}).items()}.get(value, value)
        return next((k for k, v in cl.get("palapa_access", {}).items() if v.lower() == iso.lower()), "")

    def xpath(self, element_id):
        """Compiled XPaths (element, value) of one element, with the profile's namespaces."""
        e = self.element(element_id)
        return etree.XPath(e.xpath, namespaces=self.namespaces), etree.XPath(e.value, namespaces=self.namespaces)


def _profile(data):
    namespaces = need(data, "namespaces", dict, "")
    codelists = need(data, "codelists", dict, "")
    seen = set()
    elements = _profile_elements(need(data, "elements", list, ""), "elements", namespaces, codelists, seen)
    service = data.get("service") or {}
    service_elements = _profile_elements(service.get("elements") or [], "service.elements", namespaces, codelists,
                                         seen)
    profile = Profile(data, namespaces, need(data, "profile", dict, ""), codelists, elements)
    profile.service_elements = service_elements
    profile.service_not_applicable = tuple(service.get("not_applicable") or ())
    return profile


def _profile_elements(items, prefix, namespaces, codelists, seen):
    elements = []
    for i, e in enumerate(items):
        where = "%s[%d]" % (prefix, i)
        eid = need(e, "id", str, where)
        if eid in seen:
            raise SchemaProblem(tr("{path}: {value} appears twice").format(path=where + ".id", value=eid))
        seen.add(eid)
        for key in ("xpath", "value"):
            try:
                etree.XPath(need(e, key, str, where), namespaces=namespaces)
            except etree.XPathError as exc:
                raise SchemaProblem(tr("{path}: {value} is not a valid XPath ({error})").format(
                    path="%s.%s" % (where, key), value=e[key], error=exc)) from None
        if e.get("codelist") and e["codelist"] not in codelists:
            one_of(e["codelist"], sorted(codelists), where + ".codelist")
        elements.append(ProfileElement(
            eid, e["xpath"], e["value"],
            one_of(need(e, "obligation", str, where), OBLIGATIONS, where + ".obligation"),
            need(e, "inferred", bool, where), need(e, "label_id", str, where), need(e, "label_en", str, where),
            e.get("codelist") or "", e.get("profile_value"), bool(e.get("palapa_emits")), e.get("note") or ""))
    return elements


def load_profile(path=None):
    """The metadata profile (SNI 8843-1 as practised by Palapa): elements, code lists, settings."""
    return _load("profile", path or PROFILE_FILE, _profile)
