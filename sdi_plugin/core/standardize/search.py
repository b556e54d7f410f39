"""Finding the KUGI feature type of a dataset: a search over the catalogue (type name, FCODE,
alias, definition, scale) and suggestions from a layer's name, geometry, fields and findings.

Ranking: a match on the FCODE or a name (layer name, type name, theme, alias) always ranks above
a match found only in the definition; ties go to verified entries, then catalogue order.
"""
import re
import unicodedata
from dataclasses import dataclass, field as dc_field


from ...compat import GeometryType
from ..log import swallowed
from ..i18n import tr

GEOMETRY_TOKENS = {GeometryType.Point: "PT", GeometryType.Line: "LN",
                   GeometryType.Polygon: "AR"}
# score tiers: every name tier is above every definition tier
TIER = {"fcode": 1000, "fcode_prefix": 900, "name": 800, "name_prefix": 700, "alias": 650, "name_part": 600,
        "alias_part": 550, "scale": 400, "definition": 200, "definition_part": 150}
FIELD_OF = {"fcode": "fcode", "fcode_prefix": "fcode", "name": "name", "name_prefix": "name", "name_part": "name",
            "alias": "alias", "alias_part": "alias", "scale": "scale", "definition": "definition",
            "definition_part": "definition"}


def norm(text):
    """Lower case, accents off, only letters and digits: 'Café – Tanah' -> 'cafetanah'."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", text.lower())


def words(text):
    """The normalised words of a text ('persil_desa_x' -> ['persil', 'desa', 'x'])."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return [w for w in re.split(r"[^0-9a-z.:]+", text) if w]


@dataclass
class TypeMatch:
    feature_type: object
    score: float = 0.0
    field: str = ""             # what matched: fcode, name, alias, definition, scale, layer name, fields ...
    reasons: list = dc_field(default_factory=list)

    @property
    def fcode(self):
        return self.feature_type.fcode


def _catalogue(kugi):
    if kugi is not None:
        return kugi
    from ..validate.context import catalogue
    return catalogue()


def geometry_token(geometry):
    """'PT'/'LN'/'AR' from a token, a QgsWkbTypes geometry type, a layer, or None."""
    if geometry is None or geometry == "":
        return None
    if hasattr(geometry, "geometryType"):
        geometry = geometry.geometryType()
    if isinstance(geometry, str):
        g = geometry.strip().upper()
        return {"POINT": "PT", "LINE": "LN", "LINESTRING": "LN", "POLYGON": "AR"}.get(g, g) or None
    return GEOMETRY_TOKENS.get(int(geometry))


def describe_type(ft, kugi=None):
    """One line for a list: 'PERSIL_AR_1K · LA03100010 · Persil / bidang tanah (area), 1:1.000'."""
    return "%s · %s · %s" % (ft.layer, ft.fcode, ft.definition)


def _scale_words(kugi, ft):
    s = kugi.scales.get(ft.scale) or {}
    d = s.get("denominator")
    out = {norm(t) for t in s.get("tokens", [])}
    if d:
        out |= {str(d), norm(kugi.scale_label(ft.scale))}
    return out


def _token_tier(kugi, ft, tok):
    """The best tier at which one normalised query token matches ``ft`` (or None)."""
    if not tok:
        return None
    fcode = ft.fcode.lower()
    if tok == fcode:
        return "fcode"
    if len(tok) >= 3 and fcode.startswith(tok):
        return "fcode_prefix"
    names = [norm(n) for n in (ft.layer, ft.type_name, ft.theme)]
    if tok in names:
        return "name"
    if any(n.startswith(tok) for n in names):
        return "name_prefix"
    aliases = [norm(a) for a in ft.aliases]
    if tok in aliases:
        return "alias"
    if len(tok) >= 3 and any(tok in n for n in names):
        return "name_part"
    if len(tok) >= 3 and any(tok in a for a in aliases):
        return "alias_part"
    if tok in _scale_words(kugi, ft):
        return "scale"
    definition = words(ft.definition)
    if tok in [norm(w) for w in definition]:
        return "definition"
    if len(tok) >= 3 and tok.isalpha() and tok in norm(ft.definition):
        return "definition_part"
    return None


def search_feature_types(text, geometry=None, limit=20, kugi=None):
    """Feature types matching ``text`` (every word must match somewhere), best first.
    ``geometry`` ('PT'/'LN'/'AR' or a QgsWkbTypes geometry type) keeps only that geometry."""
    kugi = _catalogue(kugi)
    geom = geometry_token(geometry)
    types = [ft for ft in kugi.feature_types.values() if geom is None or ft.geometry == geom]
    raw = str(text or "").strip()
    if not raw:
        return [TypeMatch(ft, 0.0, "") for ft in types][:limit] if limit else \
            [TypeMatch(ft, 0.0, "") for ft in types]
    whole = norm(raw)
    tokens = [norm(w) for w in words(raw)]
    tokens = [t for t in tokens if t] or [whole]
    out = []
    for order, ft in enumerate(types):
        tiers = []
        whole_tier = _token_tier(kugi, ft, whole) if len(tokens) > 1 else None
        for tok in tokens:
            tier = _token_tier(kugi, ft, tok)
            if tier is None:
                break
            tiers.append(tier)
        else:
            best = max(tiers, key=lambda t: TIER[t])
            score = sum(TIER[t] for t in tiers) / len(tiers)
            if whole_tier and TIER[whole_tier] > score:
                best, score = whole_tier, float(TIER[whole_tier])
            out.append((score, ft.verified, -order, TypeMatch(ft, score, FIELD_OF[best])))
            continue
        if whole_tier:
            out.append((TIER[whole_tier], ft.verified, -order, TypeMatch(ft, TIER[whole_tier], FIELD_OF[whole_tier])))
    out.sort(key=lambda t: (t[0], t[1], t[2]), reverse=True)
    matches = [t[3] for t in out]
    return matches[:limit] if limit else matches


def _layer_name_of(layer):
    try:
        from ..metadata.generate import source_parts
        return source_parts(layer)["layer"]
    except Exception:  # noqa: BLE001 - a layer without a file source
        swallowed("a layer without a file source")
        return layer.name()


def suggest_feature_types(layer, findings=None, limit=5, kugi=None, name=None):
    """Feature types that may fit ``layer``, best first, each with its reasons (translated);
    an empty list when nothing points to one."""
    from .fieldmap import field_aliases, theme_words
    kugi = _catalogue(kugi)
    name = name if name is not None else _layer_name_of(layer)
    geom = geometry_token(layer)
    fields = [f.name() for f in layer.fields()]
    fcodes = set()
    idx = layer.fields().lookupField("FCODE")
    if idx < 0:
        idx = next((i for i, f in enumerate(fields) if f.upper() == "FCODE"), -1)
    if idx >= 0:
        fcodes = {str(v).strip() for v in layer.uniqueValues(idx, 50) if isinstance(v, str) and v.strip()}
    expected = set()
    for f in findings or ():
        details = f.get("details", {}) if isinstance(f, dict) else getattr(f, "details", {}) or {}
        if details.get("expected") and isinstance(details.get("expected"), str):
            expected.add(details["expected"].upper())
    aliases = field_aliases()
    hints = theme_words()
    field_keys = {norm(f) for f in fields}
    raw_words = [norm(w) for w in re.split(r"[^0-9A-Za-z]+", name or "") if norm(w)]
    name_words = [w for w in raw_words if len(w) >= 3]
    named = kugi.for_layer(name).feature_type if name else None
    scale_hint = None
    ln = kugi.parse_layer_name(name) if name else None
    if ln and ln.scale:
        scale_hint = ln.scale
    else:
        for w in re.split(r"[^0-9A-Za-z.]+", name or ""):
            code = kugi.scale_from_token(w) if w else None
            if code:
                scale_hint = code
    scored = []
    for order, ft in enumerate(kugi.feature_types.values()):
        if geom and ft.geometry != geom:
            continue
        score, reasons, evidence = 0.0, [], False
        if ft.fcode in fcodes:
            score += 100
            evidence = True
            reasons.append(tr("the layer's FCODE is {fcode}").format(fcode=ft.fcode))
        if named is not None and named.fcode == ft.fcode:
            score += 40
            evidence = True
            reasons.append(tr("the layer name {name} is its KUGI name").format(name=name))
        if ft.layer.upper() in expected or ft.type_name.upper() in expected:
            score += 30
            evidence = True
            reasons.append(tr("the validator expects {layer}").format(layer=ft.layer))
        theme = norm(ft.theme)
        alias_keys = [norm(a) for a in ft.aliases]
        defn = [norm(w) for w in words(ft.definition)]
        for w in name_words:
            if w == theme or w in alias_keys:
                score += 20
                reasons.append(tr("'{word}' in the name is its theme").format(word=w))
                evidence = True
            elif theme.startswith(w) or (len(w) >= 4 and w in theme):
                score += 8
                reasons.append(tr("'{word}' in the name is part of its theme {theme}").format(word=w, theme=ft.theme))
                evidence = True
            elif w in defn:
                score += 5
                reasons.append(tr("'{word}' in the name is in its definition").format(word=w))
                evidence = True
        said = [w for w in raw_words if w in hints.get(ft.theme, ())]
        if said:
            score += 15
            evidence = True
            reasons.append(tr("'{word}' in the name points to {theme}").format(word=said[0], theme=ft.theme))
        own = [a for a in ft.attributes if a.name not in {c.name for c in kugi.core}]
        hits = []
        for a in own:
            keys = {norm(a.name)} | {norm(x) for x in aliases.get(a.name, ())}
            if keys & field_keys:
                hits.append(a.name)
        if hits:
            score += 3 * len(hits)
            evidence = True
            reasons.append(tr("fields for {names}").format(names=", ".join(hits)))
        if not evidence:
            continue
        if geom:
            score += 1
        if scale_hint and ft.scale == scale_hint:
            score += 6
            reasons.append(tr("scale {scale} from the name").format(scale=kugi.scale_label(ft.scale)))
        scored.append((score, ft.verified, int(ft.scale), -order, TypeMatch(ft, score, "layer name", reasons)))
    scored.sort(key=lambda t: t[:4], reverse=True)
    out = [t[4] for t in scored]
    return out[:limit] if limit else out
