"""Dataset-level rules: kugi.layer_name, kugi.geometry_type, kugi.attribute_type (field
definitions) and crs.accepted."""

from ...compat import FieldType
from ..findings import ERROR, INFO, WARNING
from ..i18n import tr
from .rules import finding

# QGIS field types as KUGI attribute types
QVARIANT_KUGI = {FieldType.String: "String", FieldType.Int: "Integer", FieldType.LongLong: "Int64",
                 FieldType.UInt: "Integer", FieldType.ULongLong: "Int64", FieldType.Double: "Double",
                 FieldType.Date: "Date", FieldType.DateTime: "DateTime", FieldType.Bool: "Boolean"}
# (expected, found) pairs that load without loss
COMPATIBLE = {("Integer", "Int64"), ("Int64", "Integer"), ("Double", "Integer"), ("Double", "Int64"),
              ("DateTime", "Date")}
NUMERIC = {"Integer", "Int64", "Double"}
GEOMETRY_NAMES = {"PT": "Point", "LN": "LineString", "AR": "Polygon"}


def geometry_label(token):
    return {"PT": tr("point"), "LN": tr("line"), "AR": tr("polygon")}.get(token, tr("no geometry"))


def check_layer_name(ctx):
    name = ctx.ref.layer_name
    ft = ctx.feature_type
    ln = ctx.kugi.parse_layer_name(name)
    expected = ft.layer if ft else ""
    if not ln:
        ctx.add(finding("kugi.layer_name",
                        tr("Layer name '{name}' does not follow KUGI: {reason}.").format(name=name, reason=ln.reason),
                        fix=(tr("Rename the layer to {expected}.").format(expected=expected) if expected else None),
                        layer=name, expected=expected or None))
        return
    if not ln.exact_case:
        ctx.add(finding("kugi.layer_name", tr("Layer name '{name}' should be in capitals: {upper}.").format(
            name=name, upper=name.upper()), severity=WARNING, fix=tr("Rename the layer to {expected}.").format(
            expected=expected or name.upper()), layer=name, expected=expected or name.upper()))
    if ft is None:
        reasons = "; ".join(ctx.match.reasons) or tr("no feature type matches")
        ctx.add(finding("kugi.layer_name",
                        tr("The KUGI feature type of layer '{name}' is not known: {reasons}.").format(
                            name=name, reasons=reasons), severity=WARNING,
                        fix=tr("Fill FCODE with the KUGI feature code, or give the feature type (FEATURE_TYPE)."),
                        layer=name))
        return
    names = {n.upper() for n in (ft.layer, ft.type_name) + tuple(ft.aliases)}
    if name.upper() in names:
        return
    if (ln.theme, ln.geometry) != (ft.theme, ft.geometry) or (ln.scale and ln.scale != ft.scale):
        ctx.add(finding("kugi.layer_name",
                        tr("Layer name '{name}' does not match its feature type {fcode}; KUGI names it "
                           "{expected}.").format(name=name, fcode=ft.fcode, expected=expected), severity=WARNING,
                        fix=tr("Rename the layer to {expected}.").format(expected=expected),
                        layer=name, expected=expected))


def check_geometry_type(ctx):
    ft = ctx.feature_type
    expected = ft.geometry if ft else ""
    if not expected:
        ln = ctx.kugi.parse_layer_name(ctx.ref.layer_name)
        expected = ln.geometry if ln else ""
    if not expected or ctx.token == expected:
        return
    found = ctx.token or ""
    ctx.add(finding("kugi.geometry_type",
                    tr("The layer holds {found} geometries but KUGI feature type {what} is a {expected} type.").format(
                        found=geometry_label(found), what=ft.fcode if ft else ctx.ref.layer_name,
                        expected=geometry_label(expected)),
                    expected=GEOMETRY_NAMES.get(expected), found=GEOMETRY_NAMES.get(found, found or None)))


def check_attribute_types(ctx):
    attrs = ctx.feature_type.all_attributes() if ctx.feature_type else ctx.kugi.core
    missing_optional = []
    for attr in attrs:
        hit = ctx.field(attr.name)
        if hit is None:
            if not attr.required:
                missing_optional.append(attr.name)
            continue
        idx, fld = hit
        if fld.name() != attr.name:
            ctx.add(finding("kugi.attribute_type",
                            tr("Field '{field}' should be named {name} (KUGI names are in capitals).").format(
                                field=fld.name(), name=attr.name), field=fld.name(), expected=attr.name))
        found = QVARIANT_KUGI.get(fld.type(), fld.typeName())
        if found != attr.type and (attr.type, found) not in COMPATIBLE:
            severity = ERROR if attr.type in NUMERIC and found == "String" else WARNING
            ctx.add(finding("kugi.attribute_type",
                            tr("Field {name} is {found}; KUGI defines it as {expected}.").format(
                                name=attr.name, found=found, expected=attr.type), severity=severity,
                            field=attr.name, expected=attr.type, found=found))
        elif attr.type == "String" and attr.length and fld.length() > attr.length:
            ctx.add(finding("kugi.attribute_type",
                            tr("Field {name} allows {found} characters; KUGI allows {expected}, so longer "
                               "values would be cut.").format(name=attr.name, found=fld.length(),
                                                             expected=attr.length),
                            field=attr.name, expected=attr.length, found=fld.length()))
    if missing_optional and ctx.feature_type:
        ctx.add(finding("kugi.attribute_type",
                        tr("Optional KUGI attributes of {fcode} not in the layer: {names}.").format(
                            fcode=ctx.feature_type.fcode, names=", ".join(missing_optional)), severity=INFO,
                        fix=tr("Add these fields if you have the data; they may stay absent."),
                        fields=missing_optional))


def check_crs(ctx):
    st = ctx.crs_status
    how = ""
    if ctx.crs_how == "matched":
        how = " " + tr("(read from a .prj without EPSG code, identified as {code})").format(code=ctx.authid)
    if ctx.crs_how == "none":
        ctx.add(finding("crs.accepted",
                        tr("The layer has no coordinate reference system (Palapa would take it as WGS 84, "
                           "EPSG:4326)."),
                        fix=tr("Assign the reference system the coordinates are in (Fix dataset, ASSIGN_CRS), "
                               "then transform to SRGI2013."), crs=None))
        return
    if ctx.crs_how == "unknown":
        ctx.add(finding("crs.accepted",
                        tr("The layer's reference system ({name}) has no EPSG code Simpul recognises; "
                           "SRGI2013 is expected.").format(name=ctx.crs.description() or ctx.crs.toProj()),
                        crs=ctx.crs.toProj()))
        return
    if st.status == "accepted":
        if how:
            ctx.notes.append(st.label + how)
        return
    details = dict(crs=st.code, target=st.target or None,
                   transformation=(st.transformation or {}).get("id"))
    severity = WARNING if st.status == "warning" else ERROR
    fix = None
    if st.transformation:
        steps = " + ".join(s["code"] for s in st.transformation.get("steps", []))
        fix = tr("Transform to {target} ({name}) with {steps}: the Fix dataset tool does it.").format(
            target=st.target, name=st.target_name, steps=steps)
    ctx.add(finding("crs.accepted", st.label + how, severity=severity, fix=fix, **details))
