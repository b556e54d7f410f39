"""Per-node defaults for generated metadata: organisation, contact, node code, access level,
templates for title, abstract and lineage. A JSON object; the bundled
``resources/metadata/node_defaults.json`` documents every key, and a node's own file (the
DEFAULTS parameter, or the file picked on the Metadata page) overrides it key by key.
"""
import difflib
import json
import os
import string

from ..errors import SimpulError
from ..i18n import tr
from ..paths import resource
from ..standards.pack import load_profile

BUNDLED = resource("metadata", "node_defaults.json")
MAX_BYTES = 1024 * 1024
TEXT_KEYS = ("about", "node_code", "node_name", "organisation", "individual", "position", "email", "phone",
             "address", "city", "region", "postal_code", "country", "url", "contact_role", "dataset_role",
             "language", "character_set", "access_level", "status", "maintenance_frequency", "topic_category",
             "use_limitation", "other_constraints", "ows_url", "title_template", "abstract_template",
             "lineage_template", "kugi_template", "place")
CODED = {"contact_role": "CI_RoleCode", "dataset_role": "CI_RoleCode", "status": "MD_ProgressCode",
         "maintenance_frequency": "MD_MaintenanceFrequencyCode", "topic_category": "MD_TopicCategoryCode",
         "character_set": "MD_CharacterSetCode"}
TEMPLATES = ("title_template", "abstract_template", "lineage_template", "kugi_template", "other_constraints")


class DefaultsError(SimpulError, ValueError):
    """The defaults file is unreadable or wrong (message for people, names the key)."""


def _read(path):
    try:
        if os.path.getsize(path) > MAX_BYTES:
            raise DefaultsError(tr("The defaults file {file} is larger than 1 MB.").format(file=path))
        with open(path, "rb") as fh:
            return json.loads(fh.read().decode("utf-8"))
    except FileNotFoundError:
        raise DefaultsError(tr("The defaults file {file} does not exist.").format(file=path)) from None
    except OSError as exc:
        raise DefaultsError(tr("The defaults file {file} cannot be read: {error}").format(
            file=path, error=exc.strerror or exc)) from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DefaultsError(tr("The defaults file {file} is not valid JSON: {error}").format(
            file=path, error=exc)) from None


def check(data, where=""):
    """Raise :class:`DefaultsError` on the first thing wrong in a defaults object."""
    where = where or tr("the defaults")
    if not isinstance(data, dict):
        raise DefaultsError(tr("{where} must be a JSON object").format(where=where))
    profile = load_profile()
    known = set(TEXT_KEYS) | {"keywords", "geometry_words"}
    for key, value in data.items():
        if key not in known:
            near = difflib.get_close_matches(key, sorted(known), n=1)
            hint = tr(" (did you mean {key}?)").format(key=near[0]) if near else ""
            raise DefaultsError(tr("{where}: unknown key {key}{hint}").format(where=where, key=key, hint=hint))
        if key in TEXT_KEYS and not isinstance(value, str):
            raise DefaultsError(tr("{where}: {key} must be text").format(where=where, key=key))
    kw = data.get("keywords", [])
    if not isinstance(kw, list) or not all(isinstance(k, str) for k in kw):
        raise DefaultsError(tr("{where}: keywords must be a list of texts").format(where=where))
    words = data.get("geometry_words", {})
    if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
        raise DefaultsError(tr("{where}: geometry_words must map geometry types to texts").format(where=where))
    for key, codelist in CODED.items():
        value = (data.get(key) or "").strip()
        allowed = profile.codelist(codelist)
        if value and allowed and value not in allowed:
            raise DefaultsError(tr("{where}: {key} is {value}, which is not one of {allowed}").format(
                where=where, key=key, value=value, allowed=", ".join(allowed)))
    level = (data.get("access_level") or "").strip()
    if level and not profile.classification_for_access(level):
        raise DefaultsError(tr("{where}: access_level is {value}; use PUBLIC, GOVERNMENT, PRIVATE or "
                               "IGSTRATEGIS").format(where=where, value=level))
    for key in TEMPLATES:
        try:
            list(string.Formatter().parse(data.get(key) or ""))
        except ValueError as exc:
            raise DefaultsError(tr("{where}: {key} is not a valid template: {error}").format(
                where=where, key=key, error=exc)) from None
    return data


def load_defaults(path=None):
    """The bundled defaults, overridden key by key by the file at ``path`` (if given)."""
    merged = dict(check(_read(BUNDLED), BUNDLED))
    if path:
        own = check(_read(path), path)
        for key, value in own.items():
            if key == "geometry_words":
                merged[key] = dict(merged.get(key) or {}, **value)
            else:
                merged[key] = value
    return merged


def save_defaults(values, path):
    """Write a node's defaults file (only the keys Simpul knows), after checking it."""
    data = {k: v for k, v in values.items() if k in TEXT_KEYS or k in ("keywords", "geometry_words")}
    check(data, path)
    from ..files.safe_output import write_json
    return write_json(path, data, tr("defaults file"), indent=1)


def fill(template, values):
    """``template`` with ``{name}`` replaced from ``values``; unknown names become ''."""
    class Blank(dict):
        def __missing__(self, key):
            return ""
    try:
        return string.Formatter().vformat(template or "", (), Blank(values)).strip()
    except (ValueError, IndexError, AttributeError, KeyError):
        return (template or "").strip()
