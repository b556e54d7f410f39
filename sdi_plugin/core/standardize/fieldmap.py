"""The field map from a dataset's own columns to the attributes of a KUGI feature type, and
the matching of coded values to a KUGI domain.

A map is a list of ``(source, TARGET)`` pairs (``FieldMap.pairs``), written ``source=TARGET``
separated by commas in the FIELD_MAP parameter. FCODE, SRS_ID and METADATA are never mapped
from a column: Simpul fills them (the feature type, the reference system, the metadata record).
"""
import difflib
import os
from dataclasses import dataclass, field

from ..i18n import tr
from ..standards.pack import STANDARDS_DIR, load_standard
from ..validate.sources import InputError
from .search import norm, words

ALIASES_FILE = os.path.join(STANDARDS_DIR, "kugi_field_aliases.json")
FILLED = ("FCODE", "SRS_ID", "METADATA")
SIMILAR = 0.75          # difflib ratio a name must reach to be mapped by similarity


def field_aliases(path=None):
    """{KUGI attribute: [everyday field names]} from ``kugi_field_aliases.json``."""
    def build(data):
        from ..standards.kugi import need
        aliases = need(data, "aliases", dict, "")
        return {k.upper(): list(v) for k, v in aliases.items() if isinstance(v, list)}
    return load_standard("kugi_field_aliases", path or ALIASES_FILE, build)


def theme_words(path=None):
    """{THEME: [everyday words in file names]} from ``kugi_field_aliases.json`` (ranking hints)."""
    def build(data):
        words_ = data.get("theme_words") or {}
        return {k.upper(): [norm(w) for w in v] for k, v in words_.items() if isinstance(v, list)}
    return load_standard("kugi_theme_words", path or ALIASES_FILE, build)


def field_names(layer_fields):
    """Names from a QgsFields, a layer, or a list of names/QgsField."""
    if hasattr(layer_fields, "fields") and callable(layer_fields.fields):
        layer_fields = layer_fields.fields()
    out = []
    for f in layer_fields:
        out.append(f.name() if hasattr(f, "name") and callable(f.name) else str(f))
    return out


@dataclass
class FieldMap:
    pairs: list = field(default_factory=list)       # [(source, TARGET)]
    how: dict = field(default_factory=dict)         # TARGET -> "name" | "alias" | "similar" | "user"
    unmapped: list = field(default_factory=list)    # source fields kept as they are
    notes: list = field(default_factory=list)

    def to_text(self):
        return ",".join("%s=%s" % p for p in self.pairs)

    def source_of(self, target):
        return next((s for s, t in self.pairs if t.upper() == target.upper()), "")

    def target_of(self, source):
        return next((t for s, t in self.pairs if s == source), "")

    def rows(self, feature_type):
        """One row per KUGI attribute of ``feature_type`` (core first), for a table."""
        out = []
        for a in feature_type.all_attributes():
            auto = a.name.upper() in FILLED
            source = "" if auto else self.source_of(a.name)
            out.append({"target": a.name, "type": a.type, "length": a.length, "required": a.required,
                        "definition": a.definition, "source": source,
                        "how": "auto" if auto else (self.how.get(a.name, "user") if source else ""),
                        "domain": list(a.domain)})
        return out


def _targets(feature_type):
    return [a for a in feature_type.all_attributes() if a.name.upper() not in FILLED]


def _score(source, attr, aliases, own=False):
    """(score, how) of mapping column ``source`` to KUGI attribute ``attr``; ``own``: the
    attribute is the type's own (not a core one), which wins a tie (nama_jalan -> NAMRJL)."""
    s = norm(source)
    if not s:
        return 0.0, ""
    if s == norm(attr.name):
        return 1.0, "name"
    if s in {norm(a) for a in aliases.get(attr.name.upper(), ())}:
        return (0.92 if own else 0.9), "alias"
    if attr.name.upper() == "NAMOBJ" and (s.startswith("nama") or s.startswith("nm")):
        return 0.76, "similar"              # nama_jalan, nama_sungai, nm_tempat: the object's name
    best = difflib.SequenceMatcher(None, s, norm(attr.name)).ratio()
    for a in aliases.get(attr.name.upper(), ()):
        best = max(best, difflib.SequenceMatcher(None, s, norm(a)).ratio() * 0.95)
    defn = [norm(w) for w in words(attr.definition)]
    if len(s) >= 4 and defn and s in defn:
        best = max(best, 0.8 if defn[0] == "nama" else 0.7)
    return (best, "similar") if best >= SIMILAR else (0.0, "")


def auto_field_map(layer_fields, feature_type, kugi=None):
    """The automatic map of ``layer_fields`` onto ``feature_type``: by name, then alias, then
    similarity (difflib); each column and each KUGI attribute used at most once."""
    names = field_names(layer_fields)
    aliases = field_aliases()
    candidates = []
    core = {a.name for a in feature_type.core}
    for i, src in enumerate(names):
        if src.upper() in FILLED or src.lower() in ("fid", "ogc_fid"):
            continue
        for j, attr in enumerate(_targets(feature_type)):
            score, how = _score(src, attr, aliases, attr.name not in core)
            if score:
                candidates.append((-score, i, j, src, attr.name, how))
    candidates.sort()
    used_s, used_t, pairs, how_of = set(), set(), [], {}
    for _, i, _j, src, target, how in candidates:
        if src in used_s or target in used_t:
            continue
        used_s.add(src)
        used_t.add(target)
        pairs.append((i, src, target))
        how_of[target] = how
    pairs.sort()
    fm = FieldMap([(s, t) for _, s, t in pairs], how_of)
    fm.unmapped = [n for n in names if n not in used_s and n.upper() not in FILLED and
                   n.lower() not in ("fid", "ogc_fid")]
    return fm


def parse_field_map(text):
    """'nama=NAMOBJ, kecamatan=WADMKC' -> [('nama', 'NAMOBJ'), ('kecamatan', 'WADMKC')]."""
    pairs = []
    for part in str(text or "").replace(";", ",").replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise InputError(tr("FIELD_MAP: '{part}' is not of the form source=TARGET.").format(part=part))
        src, target = (p.strip() for p in part.split("=", 1))
        if not src or not target:
            raise InputError(tr("FIELD_MAP: '{part}' is not of the form source=TARGET.").format(part=part))
        pairs.append((src, target.upper()))
    return pairs


def resolve_field_map(field_map, layer_fields, feature_type):
    """A checked :class:`FieldMap` from what the caller gave (None/''/text/pairs/FieldMap);
    InputError names a column the layer lacks or an attribute the type lacks."""
    names = field_names(layer_fields)
    if field_map is None or (isinstance(field_map, str) and not field_map.strip()):
        return auto_field_map(names, feature_type)
    if isinstance(field_map, FieldMap):
        given, how = list(field_map.pairs), dict(field_map.how)
    elif isinstance(field_map, str):
        given, how = parse_field_map(field_map), {}
    elif isinstance(field_map, dict):
        given, how = [(s, t) for s, t in field_map.items()], {}
    else:
        given, how = [tuple(p) for p in field_map], {}
    by_upper = {n.upper(): n for n in names}
    attrs = {a.name.upper(): a.name for a in feature_type.all_attributes()}
    pairs, notes, used_s, used_t = [], [], set(), set()
    for src, target in given:
        real = src if src in names else by_upper.get(str(src).upper())
        if real is None:
            raise InputError(tr("FIELD_MAP: the dataset has no column {source} (it has: {names}).").format(
                source=src, names=", ".join(names)))
        t = attrs.get(str(target).upper())
        if t is None:
            raise InputError(tr("FIELD_MAP: {target} is not an attribute of {layer} ({names}).").format(
                target=target, layer=feature_type.layer, names=", ".join(attrs.values())))
        if t.upper() in FILLED:
            notes.append(tr("FIELD_MAP: {target} is filled by Simpul; {source}={target} is ignored.").format(
                source=real, target=t))
            continue
        if t in used_t:
            raise InputError(tr("FIELD_MAP: {target} is given twice.").format(target=t))
        if real in used_s:
            raise InputError(tr("FIELD_MAP: column {source} is given twice.").format(source=real))
        used_s.add(real)
        used_t.add(t)
        pairs.append((real, t))
    how = {t: how.get(t, "user") for _, t in pairs}
    for n in names:                     # columns already named like a KUGI attribute keep it
        t = attrs.get(n.upper())
        if t and n not in used_s and t not in used_t and t.upper() not in FILLED:
            used_s.add(n)
            used_t.add(t)
            pairs.append((n, t))
            how[t] = "name"
    fm = FieldMap(pairs, how, notes=notes)
    fm.unmapped = [n for n in names if n not in used_s and n.upper() not in FILLED and
                   n.lower() not in ("fid", "ogc_fid")]
    return fm


def _key(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return norm(value)


def match_domain(values, attribute):
    """({value: code}, [unmatched values]) of ``values`` against ``attribute``'s domain, by code
    or label, ignoring case, accents, spaces and punctuation. Blank values are left out."""
    by_key = {}
    for code, _label in attribute.domain:
        by_key.setdefault(_key(code), code)
    for code, label in attribute.domain:
        by_key.setdefault(_key(label), code)
    mapping, unmatched = {}, []
    for v in values:
        if v is None or (hasattr(v, "isNull") and v.isNull()) or (isinstance(v, str) and not v.strip()):
            continue
        code = by_key.get(_key(v))
        if code is None:
            if v not in unmatched:
                unmatched.append(v)
        else:
            mapping[v] = code
    return mapping, unmatched
