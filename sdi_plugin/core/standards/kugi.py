"""The KUGI feature catalogue as Simpul reads it from ``resources/standards/kugi.json`` (or
from the KUGI API cache, same schema): FCODEs, layer names, feature types, attributes.

Nothing here opens files: :mod:`sdi_plugin.core.standards.pack` loads and caches the JSON and
builds a :class:`Kugi` with :meth:`Kugi.from_dict`, which checks the whole document and
raises :class:`SchemaProblem` naming the first thing wrong.
"""
import re
from dataclasses import dataclass, field

from ..errors import SimpulError
from ..i18n import tr

NAME_RE = re.compile(r"^[A-Za-z0-9]+(?:_[A-Za-z0-9.]+)*$")
SCALE_RE = re.compile(r"^(\d+(?:\.\d+)?)(K|M)$")


class SchemaProblem(SimpulError, ValueError):
    """A standards document does not have the shape Simpul expects (message for people)."""


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str
    length: object = None
    required: bool = False
    definition: str = ""
    domain: tuple = ()          # ((code, label), ...)
    has_domain: bool = False    # True when a domain exists, even if its values are not known


@dataclass(frozen=True)
class FeatureType:
    fcode: str
    type_name: str
    layer: str
    theme: str
    geometry: str               # PT / LN / AR
    scale: str                  # scale code, "01".."10"
    category: str
    definition: str
    attributes: tuple           # the type's own attributes, core ones excluded
    core: tuple                 # the catalogue's core attributes
    aliases: tuple = ()
    source: tuple = ()
    verified: bool = False

    def all_attributes(self):
        """Core attributes first (their rules win), then the type's own."""
        core = {a.name for a in self.core}
        return self.core + tuple(a for a in self.attributes if a.name not in core)

    def attribute(self, name):
        return next((a for a in self.all_attributes() if a.name == name), None)

    def required_attributes(self):
        return tuple(a for a in self.all_attributes() if a.required)


@dataclass
class FcodeParts:
    """The parts of an FCODE; ``bool(parts)`` is False and ``reason`` says why when malformed."""
    code: str
    ok: bool = False
    reason: str = ""
    category: str = ""
    subtheme: str = ""
    geometry_code: str = ""
    geometry: str = ""
    scale: str = ""
    denominator: int = 0
    sequence: str = ""

    def __bool__(self):
        return self.ok


@dataclass
class LayerName:
    """THEME_GEOM[_SCALE] parts of a layer name; ``scale`` is a scale code or None."""
    name: str
    ok: bool = False
    reason: str = ""
    theme: str = ""
    geometry: str = ""
    scale: object = None
    qualifier: str = ""         # a non-scale suffix, e.g. KABKOTA in ADMINISTRASI_LN_KABKOTA
    exact_case: bool = True

    def __bool__(self):
        return self.ok

    def as_tuple(self):
        return (self.theme, self.geometry, self.scale)


@dataclass
class LayerMatch:
    feature_type: object = None     # FeatureType or None
    method: str = ""                # "fcode", "layer", "theme" or ""
    candidates: list = field(default_factory=list)
    reasons: list = field(default_factory=list)


# -- checking a document ---------------------------------------------------------------
def must(path, expected):
    return SchemaProblem(tr("{path} must be {expected}").format(path=path, expected=expected))


def twice(path, value):
    return SchemaProblem(tr("{path}: {value} appears twice").format(path=path, value=value))


def need(data, key, kind, where):
    """data[key], checked to be of ``kind`` (a type or tuple of types)."""
    path = "%s.%s" % (where, key) if where else key
    if not isinstance(data, dict) or key not in data:
        raise SchemaProblem(tr("{path} is missing").format(path=path))
    value = data[key]
    if kind is str and not (isinstance(value, str) and value.strip()):
        raise must(path, tr("non-empty text"))
    if kind is list and not (isinstance(value, list) and value):
        raise must(path, tr("a non-empty list"))
    if kind is int and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
        raise must(path, tr("a positive whole number"))
    if kind is bool and not isinstance(value, bool):
        raise must(path, tr("true or false"))
    if kind is dict and not isinstance(value, dict):
        raise must(path, tr("an object"))
    return value


def one_of(value, allowed, path):
    if value not in allowed:
        raise SchemaProblem(tr("{path}: {value} is not one of {allowed}").format(
            path=path, value=value, allowed=", ".join(str(a) for a in allowed)))
    return value


def _attribute(data, types, where):
    name = need(data, "name", str, where)
    kind = one_of(need(data, "type", str, where), types, where + ".type")
    length = data.get("length")
    if length is not None and (not isinstance(length, int) or isinstance(length, bool) or length <= 0):
        raise must(where + ".length", tr("a positive whole number or null"))
    required = data.get("required", False)
    if not isinstance(required, bool):
        raise must(where + ".required", tr("true or false"))
    domain = []
    for j, item in enumerate(data.get("domain") or []):
        code = need(item, "code", str, "%s.domain[%d]" % (where, j))
        domain.append((code, need(item, "label", str, "%s.domain[%d]" % (where, j))))
    return Attribute(name, kind, length, required, data.get("definition") or "", tuple(domain),
                     bool(domain) or bool(data.get("has_domain")))


class Kugi:
    """The catalogue: FCODE layout, geometry and scale tables, categories, feature types."""

    def __init__(self, meta, geometry, scales, categories, core, feature_types, fcode_length):
        self.meta = meta
        self.geometry = geometry            # code -> token
        self.scales = scales                # code -> {"denominator", "tokens"}
        self.categories = categories        # letter -> dict
        self.core = core                    # tuple of Attribute
        self.feature_types = feature_types  # fcode -> FeatureType (document order)
        self.fcode_length = fcode_length
        self._by_layer = {}
        for ft in feature_types.values():
            for name in (ft.layer, ft.type_name) + ft.aliases:
                self._by_layer.setdefault(name.upper(), []).append(ft)

    @classmethod
    def from_dict(cls, data):
        if not isinstance(data, dict):
            raise must("(top)", tr("an object"))
        fc = need(data, "fcode", dict, "")
        length = need(fc, "length", int, "fcode")
        geometry = {}
        for i, g in enumerate(need(data, "geometry_codes", list, "")):
            where = "geometry_codes[%d]" % i
            geometry[need(g, "code", str, where)] = need(g, "token", str, where)
        scales = {}
        for i, s in enumerate(need(data, "scale_codes", list, "")):
            where = "scale_codes[%d]" % i
            scales[need(s, "code", str, where)] = {"denominator": need(s, "denominator", int, where),
                                                    "tokens": [t.upper() for t in s.get("tokens") or []]}
        types = need(data, "attribute_types", list, "")
        categories = {}
        for i, c in enumerate(need(data, "categories", list, "")):
            letter = need(c, "letter", str, "categories[%d]" % i)
            need(c, "name", str, "categories[%d]" % i)
            if letter in categories:
                raise twice("categories[%d].letter" % i, letter)
            categories[letter] = c
        core = tuple(_attribute(a, types, "core_attributes[%d]" % i)
                     for i, a in enumerate(need(data, "core_attributes", list, "")))
        kugi = cls(data, geometry, scales, categories, core, {}, length)
        for i, f in enumerate(need(data, "feature_types", list, "")):
            ft = kugi._feature_type(f, types, "feature_types[%d]" % i)
            if ft.fcode in kugi.feature_types:
                raise twice("feature_types[%d].fcode" % i, ft.fcode)
            kugi.feature_types[ft.fcode] = ft
        return cls(data, geometry, scales, categories, core, kugi.feature_types, length)

    def _feature_type(self, f, types, where):
        code = need(f, "fcode", str, where)
        parts = self.parse_fcode(code)
        if not parts:
            raise SchemaProblem("%s.fcode: %s" % (where, parts.reason))
        for key, expected in (("geometry", parts.geometry), ("scale", parts.scale), ("category", parts.category)):
            actual = need(f, key, str, where)
            if actual != expected:
                raise SchemaProblem(tr("{path}: the FCODE says {expected} but the entry says {actual}").format(
                    path="%s.%s" % (where, key), expected=expected, actual=actual))
        for key in ("type_name", "layer", "theme", "definition"):
            need(f, key, str, where)
        source = f.get("source")
        if not source:
            raise SchemaProblem(tr("{path} is missing").format(path=where + ".source"))
        attrs = tuple(_attribute(a, types, "%s.attributes[%d]" % (where, j))
                      for j, a in enumerate(f.get("attributes") or []))
        return FeatureType(code, f["type_name"], f["layer"], f["theme"].upper(), f["geometry"], f["scale"],
                           f["category"], f["definition"], attrs, self.core, tuple(f.get("aliases") or ()),
                           tuple(source) if isinstance(source, list) else (source,),
                           need(f, "verified", bool, where))

    # -- lookups ---------------------------------------------------------------------
    def feature_type(self, fcode):
        return self.feature_types.get((fcode or "").strip())

    def category(self, letter):
        return self.categories.get(letter)

    def scale_label(self, code):
        s = self.scales.get(code)
        return "1:{:,}".format(s["denominator"]).replace(",", ".") if s else ""

    def scale_token(self, code):
        s = self.scales.get(code)
        return s["tokens"][0] if s and s["tokens"] else ""

    def parse_fcode(self, code):
        raw = code if isinstance(code, str) else ("" if code is None else str(code))
        code = raw.strip()
        p = FcodeParts(code=code)
        if not code:
            p.reason = tr("the FCODE is empty")
        elif len(code) != self.fcode_length:
            p.reason = tr("an FCODE has {length} characters (2 letters and 8 digits); {code} has {count}").format(
                length=self.fcode_length, code=code, count=len(code))
        elif not re.fullmatch(r"[A-Z]{2}", code[:2]):
            p.reason = tr("an FCODE starts with two capital letters: {code}").format(code=code)
        elif not code[2:].isdigit() or not code[2:].isascii():
            p.reason = tr("an FCODE ends with eight digits: {code}").format(code=code)
        elif code[0] not in self.categories:
            p.reason = tr("{letter} is not a KUGI category letter ({letters})").format(
                letter=code[0], letters=", ".join(self.categories))
        elif code[2:4] not in self.geometry:
            p.reason = tr("characters 3-4 of {code} give the geometry ({allowed}), not {digits}").format(
                code=code, digits=code[2:4], allowed=", ".join("%s %s" % kv for kv in self.geometry.items()))
        elif code[4:6] not in self.scales:
            p.reason = tr("characters 5-6 of {code} give the scale ({allowed}), not {digits}").format(
                code=code, digits=code[4:6], allowed="%s-%s" % (min(self.scales), max(self.scales)))
        else:
            p.ok = True
            p.category, p.subtheme, p.geometry_code, p.sequence = code[0], code[1], code[2:4], code[6:]
            p.geometry, p.scale = self.geometry[code[2:4]], code[4:6]
            p.denominator = self.scales[p.scale]["denominator"]
        return p

    def scale_from_token(self, token):
        token = token.upper()
        for code, s in self.scales.items():
            if token in s["tokens"]:
                return code
        m = SCALE_RE.match(token)
        if m:
            denominator = round(float(m.group(1)) * (1000 if m.group(2) == "K" else 1000000))
            return next((c for c, s in self.scales.items() if s["denominator"] == denominator), None)
        return None

    def parse_layer_name(self, name):
        name = (name or "").strip() if isinstance(name, str) else ""
        ln = LayerName(name=name)
        if not name:
            ln.reason = tr("the layer name is empty")
            return ln
        if not NAME_RE.match(name):
            ln.reason = tr("{name} is not of the form THEME_GEOMETRY_SCALE "
                           "(letters, digits and underscores)").format(name=name)
            return ln
        ln.exact_case = name == name.upper()
        parts = name.upper().split("_")
        tokens = set(self.geometry.values())
        at = max((i for i, t in enumerate(parts) if t in tokens), default=-1)
        if at < 0:
            ln.reason = tr("{name} has no geometry part ({tokens})").format(
                name=name, tokens=", ".join("_" + t for t in self.geometry.values()))
            return ln
        if at == 0:
            ln.reason = tr("{name} has no theme before its geometry part").format(name=name)
            return ln
        ln.theme, ln.geometry = "_".join(parts[:at]), parts[at]
        rest = parts[at + 1:]
        at_scale = next((i for i, t in enumerate(rest) if self.scale_from_token(t)), None)
        if at_scale is not None:
            ln.scale = self.scale_from_token(rest.pop(at_scale))
        ln.qualifier = "_".join(rest)
        ln.ok = True
        return ln

    def for_layer(self, name, fcode=None):
        """Guess the feature type of a layer from its FCODE (preferred) and/or its name."""
        match = LayerMatch()
        parts = self.parse_fcode(fcode) if fcode not in (None, "") else None
        ln = self.parse_layer_name(name) if name else None
        if parts is not None:
            ft = self.feature_type(parts.code) if parts else None
            if ft is not None:
                match.feature_type, match.method, match.candidates = ft, "fcode", [ft]
                if ln and ln.geometry != ft.geometry:
                    match.reasons.append(tr("the layer name says {layer} but FCODE {code} is {geometry}").format(
                        layer=ln.geometry, code=ft.fcode, geometry=ft.geometry))
                return match
            if not parts:
                match.reasons.append(tr("FCODE {code} is malformed: {reason}").format(
                    code=parts.code, reason=parts.reason))
            else:
                match.reasons.append(tr("FCODE {code} is not in the catalogue").format(code=parts.code))
        if ln is None:
            return match
        if not ln:
            match.reasons.append(ln.reason)
            return match
        exact = self._by_layer.get(name.strip().upper(), [])
        if not exact:
            exact = [ft for ft in self.feature_types.values()
                     if (ft.theme, ft.geometry) == (ln.theme, ln.geometry) and ln.scale in (None, ft.scale)]
            method = "theme"
        else:
            method = "layer"
        if parts and exact:   # a well-formed but unknown FCODE still narrows the guess
            exact = [ft for ft in exact if ft.geometry == parts.geometry and ft.scale == parts.scale] or exact
        match.candidates = exact
        if len({ft.fcode for ft in exact}) == 1:
            match.feature_type, match.method = exact[0], method
        elif exact:
            match.reasons.append(tr("layer name {name} matches several feature types: {codes}").format(
                name=name, codes=", ".join(ft.fcode for ft in exact)))
        else:
            match.reasons.append(tr("no feature type matches layer name {name}").format(name=name))
        return match
