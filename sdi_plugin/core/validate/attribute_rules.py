"""Attribute rules: kugi.required_attribute, kugi.fcode, kugi.srs_id, kugi.metadata_ref,
kugi.domain, and values longer than KUGI allows (kugi.attribute_type).

Values are looked at once per distinct value (the provider computes the distinct values), and
only the features holding a bad value are fetched, so a clean layer costs next to nothing.
Who reports an empty core value: FCODE -> kugi.required_attribute, SRS_ID -> kugi.srs_id,
METADATA -> kugi.metadata_ref (as the sample data's planted defects say).
"""
import re

from qgis.core import QgsExpression

from ...compat import FieldType
from ..findings import ERROR, WARNING
from ..i18n import tr
from ..standards.pack import crs_status, normalise_authid
from .context import is_blank, plain
from .rules import finding

EMPTY_OWNER = {"FCODE": "kugi.required_attribute", "SRS_ID": "kugi.srs_id", "METADATA": "kugi.metadata_ref"}
MAX_LISTED = 20


def _per_feature(ctx, rule, fids, message, fix=None, severity=None, **details):
    """One finding per feature; ``message`` is a function of (fid) or a string."""
    points = ctx.points(fids)
    for fid in fids:
        text = message(fid) if callable(message) else message
        ctx.add(finding(rule, text, fix=fix, severity=severity, feature_id=fid,
                        location=points.get(fid, ""), **details))


def check_required(ctx):
    attrs = ctx.feature_type.required_attributes() if ctx.feature_type else \
        tuple(a for a in ctx.kugi.core if a.required)
    for attr in attrs:
        if ctx.canceled():
            return
        if ctx.field(attr.name) is None:
            ctx.add(finding("kugi.required_attribute",
                            tr("The layer has no {name} column; KUGI requires it (Palapa refuses the upload).").format(
                                name=attr.name),
                            fix=tr("Add a text column {name} ({length} characters) and fill it on every "
                                   "feature.").format(name=attr.name, length=attr.length or 50), field=attr.name))
            continue
        fids = ctx.fids_blank(attr.name)
        if not fids:
            continue
        rule = EMPTY_OWNER.get(attr.name.upper(), "kugi.required_attribute")
        fix = None
        if attr.name.upper() == "FCODE" and ctx.feature_type:
            fix = tr("Fill FCODE with {fcode} ({layer}).").format(fcode=ctx.feature_type.fcode,
                                                                  layer=ctx.feature_type.layer)
        elif attr.name.upper() == "SRS_ID":
            fix = tr("Fill SRS_ID with '{value}' (the Fix dataset tool does this).").format(
                value=ctx.settings.srs_id_fill)
        _per_feature(ctx, rule, fids, tr("{name} is empty; KUGI requires a value (Palapa refuses the upload).").format(
            name=attr.name), fix=fix, field=attr.name)


def check_fcode(ctx):
    if ctx.field("FCODE") is None:
        return
    ft = ctx.feature_type
    bad = {}
    for value in ctx.distinct("FCODE"):
        value = plain(value)
        if is_blank(value):
            continue                      # kugi.required_attribute reports it
        text = str(value)
        parts = ctx.kugi.parse_fcode(text)
        if not parts:
            bad[value] = (ERROR, tr("FCODE '{value}' is not a KUGI feature code: {reason}.").format(
                value=text, reason=parts.reason))
        elif ft and parts.code != ft.fcode:
            bad[value] = (ERROR, tr("FCODE {value} differs from {fcode}, the feature type of this layer ({layer}); "
                                    "a KUGI layer holds one feature type.").format(
                value=parts.code, fcode=ft.fcode, layer=ft.layer))
        elif not ft and not ctx.kugi.feature_type(parts.code):
            bad[value] = (WARNING, tr("FCODE {value} is not in Simpul's KUGI catalogue ({version}); refresh the "
                                      "catalogue from the KUGI API to check it.").format(
                value=parts.code, version=ctx.kugi.meta.get("version", "")))
        elif text != text.strip():
            bad[value] = (WARNING, tr("FCODE '{value}' has spaces around it.").format(value=text))
    if not bad:
        return
    hits = ctx.fids_with_values("FCODE", list(bad))
    fix = tr("Write {fcode} in FCODE.").format(fcode=ft.fcode) if ft else None
    fids = sorted(hits)
    points = ctx.points(fids)
    for fid in fids:
        severity, message = bad[hits[fid]]
        ctx.add(finding("kugi.fcode", message, fix=fix, severity=severity, feature_id=fid,
                        location=points.get(fid, ""), field="FCODE", value=str(hits[fid])))


def srs_id_authid(text, settings):
    """The EPSG authid an SRS_ID text names ('SRGI 2013', '4326', 'EPSG:9470'), or ''."""
    key = re.sub(r"[\s_\-]", "", text).upper()
    if key in settings.srs_id_spellings:
        return settings.srs_id_spellings[key]
    code = normalise_authid(key)
    if re.fullmatch(r"EPSG:\d+", code):
        return code
    return ""


def check_srs_id(ctx):
    if ctx.field("SRS_ID") is None:
        return
    layer_st = ctx.crs_status
    if layer_st.status in ("flagged", "unknown"):
        layer_datum = ""                  # crs.accepted reports the CRS; SRS_ID will follow the fix
    else:
        layer_datum = layer_st.datum
    bad = {}
    for value in ctx.distinct("SRS_ID"):
        value = plain(value)
        if is_blank(value):
            continue
        text = str(value)
        code = srs_id_authid(text, ctx.settings)
        st = crs_status(code) if code else None
        if st is None or st.status == "unknown":
            bad[value] = tr("SRS_ID '{value}' does not name a reference system Simpul knows.").format(value=text)
        elif layer_datum and st.datum != layer_datum:
            bad[value] = tr("SRS_ID '{value}' says {datum}, but the layer is in {crs}.").format(
                value=text, datum=st.datum, crs=layer_st.name or layer_st.code)
    if not bad:
        return
    hits = ctx.fids_with_values("SRS_ID", list(bad))
    _per_feature(ctx, "kugi.srs_id", sorted(hits), lambda fid: bad[hits[fid]], severity=WARNING,
                 fix=tr("Write '{value}' for data in SRGI2013.").format(value=ctx.settings.srs_id_fill),
                 field="SRS_ID")


def check_domains(ctx):
    if not ctx.feature_type:
        return
    for attr in ctx.feature_type.all_attributes():
        if not attr.domain or ctx.field(attr.name) is None:
            continue
        codes = {c for c, _ in attr.domain}
        bad = []
        for value in ctx.distinct(attr.name):
            value = plain(value)
            if is_blank(value):
                continue
            key = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
            if key not in codes:
                bad.append(value)
        if not bad:
            continue
        hits = ctx.fids_with_values(attr.name, bad)
        listed = ", ".join("%s %s" % cl for cl in attr.domain[:MAX_LISTED])
        _per_feature(ctx, "kugi.domain", sorted(hits),
                     lambda fid, a=attr, h=hits, codes=listed: tr(
                         "{name} = {value} is not in the KUGI domain ({codes}).").format(
                         name=a.name, value=plain(h[fid]), codes=codes),
                     field=attr.name)


def check_lengths(ctx):
    """Values longer than the KUGI length would be cut when loaded into a KUGI table."""
    attrs = ctx.feature_type.all_attributes() if ctx.feature_type else ctx.kugi.core
    for attr in attrs:
        hit = ctx.field(attr.name)
        if attr.type != "String" or not attr.length or hit is None or hit[1].type() != FieldType.String:
            continue
        longest = ctx.max_lengths.get(attr.name.upper())
        if longest is None:
            longest = max((len(v) for v in ctx.distinct(attr.name) if isinstance(v, str)), default=0)
        if longest <= attr.length:
            continue
        col = QgsExpression.quotedColumnRef(hit[1].name())
        fids = ctx.fids_where("length(%s) > %d" % (col, attr.length))
        _per_feature(ctx, "kugi.attribute_type", fids,
                     tr("{name} holds more than {length} characters, the KUGI length; it would be cut.").format(
                         name=attr.name, length=attr.length), severity=ERROR, field=attr.name)


def check_metadata_values(ctx, identifier):
    """METADATA should hold the identifier of the metadata record given or found."""
    if not identifier or ctx.field("METADATA") is None:
        return
    other = [v for v in ctx.distinct("METADATA") if not is_blank(plain(v)) and str(v).strip() != identifier]
    if not other:
        return
    hits = ctx.fids_with_values("METADATA", other)
    _per_feature(ctx, "kugi.metadata_ref", sorted(hits),
                 lambda fid: tr("METADATA '{value}' is not the identifier of the metadata record ({id}).").format(
                     value=hits[fid], id=identifier), severity=WARNING,
                 fix=tr("Write {id} in METADATA.").format(id=identifier), field="METADATA")
