"""One pass over every feature's geometry: geom.empty, geom.valid (GEOS, with its reason and
location), geom.duplicate, extent.indonesia and topo.sliver.  Valid polygons are kept for the
topology checks (topo.overlap, topo.gap) that follow.

Speed matters here (a layer may hold hundreds of thousands of features): attributes are not
read, GEOS validity runs once per feature (the reason is asked only for invalid ones),
duplicates are found by hashing the WKB, and the extent is checked per feature only when the
layer's extent is not wholly inside Indonesia.
"""
import math
from array import array

from qgis.core import QgsCsException, QgsFeatureRequest, QgsGeometry, QgsRectangle
from qgis.PyQt.QtCore import QLocale

from ...compat import GeometryType, GeometryValidationEngine
from ..findings import ERROR, WARNING, Wording
from ..i18n import tr
from .report import report_language
from .rules import finding, worded

CHECK_EVERY = 2000


class WkbStore:
    """fid -> WKB of many geometries in one compact buffer (about 120 bytes a quadrilateral,
    against 500+ for QgsGeometry objects in a dict), in the order they were added."""
    MAX_SPAN = 8                    # a fid index array at most this many times the count

    def __init__(self):
        self.blob = bytearray()
        self.offsets = array("q")
        self.fids = array("q")
        self.base = None
        self.slots = array("q")     # fid - base -> position, -1 when absent
        self.positions = None       # dict fallback for sparse fids

    def add(self, fid, wkb):
        i = len(self.fids)
        if self.base is None:
            self.base = fid
        if self.positions is None:
            k = fid - self.base
            if 0 <= k < self.MAX_SPAN * (i + 1) + 1024:
                if k >= len(self.slots):
                    self.slots.extend([-1] * (k + 1 - len(self.slots)))
                self.slots[k] = i
            else:
                self.positions = {f: n for n, f in enumerate(self.fids)}
                self.slots = array("q")
        if self.positions is not None:
            self.positions[fid] = i
        self.fids.append(fid)
        self.offsets.append(len(self.blob))
        self.blob += wkb

    def position(self, fid):
        if self.positions is not None:
            return self.positions.get(fid)
        k = fid - self.base if self.base is not None else -1
        if 0 <= k < len(self.slots):
            i = self.slots[k]
            return i if i >= 0 else None
        return None

    def __contains__(self, fid):
        return self.position(fid) is not None

    def __len__(self):
        return len(self.fids)

    def _bytes(self, i):
        end = self.offsets[i + 1] if i + 1 < len(self.offsets) else len(self.blob)
        return bytes(self.blob[self.offsets[i]:end])

    def __getitem__(self, fid):
        i = self.position(fid)
        if i is None:
            raise KeyError(fid)
        return self._bytes(i)

    def items(self):
        for i, fid in enumerate(self.fids):
            yield fid, self._bytes(i)

    def values(self):
        for i in range(len(self.fids)):
            yield self._bytes(i)


class GeometryState:
    """What the pass leaves for the topology checks.  Valid polygons are kept as WKB in a
    :class:`WkbStore`; :func:`geometry` turns one back into a QgsGeometry."""

    def __init__(self):
        self.polygons = WkbStore()  # fid -> WKB of valid non-empty polygons
        self.invalid = {}           # fid -> QgsGeometry
        self.duplicates = set()     # frozenset pairs already reported as duplicates
        self.count = 0


def geometry(wkb):
    g = QgsGeometry()
    g.fromWkb(wkb)
    return g


def _duplicate_pairs(hashes, fids):
    """(first fid, later fid) for every repeated hash; hashes and fids are parallel arrays."""
    order = sorted(range(len(hashes)), key=lambda k: (hashes[k], fids[k]))
    pairs, first = [], None
    for k in range(1, len(order)):
        a, b = order[k - 1], order[k]
        if hashes[a] != hashes[b]:
            first = None
            continue
        first = a if first is None else first
        pairs.append((fids[first], fids[b]))
    return pairs


def _fmt(value, decimals=2, locale=None):
    """A number in the report's language: 74,281.11 (English), 74.281,11 (Indonesian); ``locale``
    (a QLocale) instead where a wording keeps its run's language."""
    return (locale or QLocale(report_language())).toString(float(value), "f", decimals)


class ExtentCheck:
    """Is a feature inside Indonesia's lon/lat box?  Transforms only when it must."""

    def __init__(self, ctx):
        self.box = QgsRectangle(*ctx.settings.extent)
        self.ctx = ctx
        self.transform = None if ctx.geographic else ctx.to_lonlat()
        self.active = ctx.crs_how != "none" and not self._inside(ctx.layer.extent(), whole=True)

    def lonlat(self, rect):
        if self.transform is None:
            return rect
        try:
            return self.transform.transformBoundingBox(rect)
        except QgsCsException:
            return None

    def _inside(self, rect, whole=False):
        ll = self.lonlat(rect)
        if ll is None or not all(map(math.isfinite, (ll.xMinimum(), ll.yMinimum(), ll.xMaximum(), ll.yMaximum()))):
            return False
        return self.box.contains(ll) if whole else self.box.intersects(ll)

    def check(self, fid, geom):
        rect = geom.boundingBox()
        ll = self.lonlat(rect)
        if ll is not None and self.box.contains(ll):
            return None
        swapped = False
        if ll is not None and self.ctx.geographic:
            swapped = self.box.contains(QgsRectangle(ll.yMinimum(), ll.xMinimum(), ll.yMaximum(), ll.xMaximum()))
        partly = ll is not None and self.box.intersects(ll)
        where = "" if ll is None else "%.4f, %.4f" % (ll.center().x(), ll.center().y())
        if swapped:
            message = tr("The feature lies outside Indonesia (lon/lat {where}); x and y look "
                         "swapped.").format(where=where)
        elif partly:
            message = tr("Part of the feature lies outside Indonesia (lon/lat {where}).").format(where=where)
        elif where:
            message = tr("The feature lies outside Indonesia (lon/lat {where}).").format(where=where)
        else:
            message = tr("The feature's coordinates cannot be placed on Earth in the layer's reference system.")
        centre = rect.center()
        return finding("extent.indonesia", message, severity=WARNING if partly else ERROR, feature_id=fid,
                       location="POINT(%r %r)" % (centre.x(), centre.y()), swapped=swapped or None)


def _sliver_width(geom, metres):
    """Mean width (2 x area / perimeter) of the thinnest part, in metres, and that part."""
    whole = geom.constGet()
    if geom.isMultipart() and whole.numGeometries() > 1:
        parts = [QgsGeometry(whole.geometryN(i).clone()) for i in range(whole.numGeometries())]
    else:
        parts = [geom]
    best = None
    for part in parts:
        perimeter = part.length()
        if perimeter <= 0:
            continue
        width = 2.0 * part.area() / perimeter * metres
        if best is None or width < best[0]:
            best = (width, part)
    return best


def geometry_pass(ctx, start=0, span=100):
    """Run the per-feature geometry rules; returns a :class:`GeometryState`."""
    state = GeometryState()
    layer = ctx.layer
    is_polygon = ctx.geometry_type == GeometryType.Polygon
    extent = ExtentCheck(ctx)
    min_width = None
    if is_polygon and ctx.scale:
        min_width = ctx.settings.sliver_width_mm / 1000.0 * ctx.scale
    metres = ctx.metres_per_unit(layer.extent().center().y() if ctx.geographic else None)
    hashes, fids = array("q"), array("q")
    total = max(ctx.feature_count, 1)
    req = QgsFeatureRequest().setNoAttributes()
    polygons, invalid = state.polygons, state.invalid
    add = ctx.add
    for i, f in enumerate(layer.getFeatures(req)):
        if i % CHECK_EVERY == 0:
            if ctx.canceled():
                break
            ctx.progress(start + span * i / total)
        fid = f.id()
        g = f.geometry()
        if g.isNull() or g.isEmpty():
            add(finding("geom.empty", tr("The feature has no geometry (it is {what}).").format(
                what=tr("NULL") if g.isNull() else tr("empty")), feature_id=fid))
            continue
        wkb = bytes(g.asWkb())
        hashes.append(hash(wkb))
        fids.append(fid)
        if not g.isGeosValid():
            invalid[fid] = g
            continue
        if extent.active:
            out = extent.check(fid, g)
            if out is not None:
                add(out)
        if is_polygon:
            polygons.add(fid, wkb)
            if min_width is not None:
                perimeter = g.length()
                kind = wkb[1:5]           # little-endian WKB type: 3 Polygon, 6 MultiPolygon
                single = kind == b"\x03\x00\x00\x00" or (kind == b"\x06\x00\x00\x00" and
                                                        wkb[5:9] == b"\x01\x00\x00\x00")
                if single and perimeter > 0 and 2.0 * g.area() / perimeter * metres >= min_width:
                    continue
                thin = _sliver_width(g, metres)
                if thin is not None and thin[0] < min_width:
                    add(finding("topo.sliver",
                                tr("Sliver polygon: on average {width} m wide, narrower than {minimum} m "
                                   "(0.5 mm at 1:{scale}).").format(
                                    width=_fmt(thin[0]), minimum=_fmt(min_width), scale=_fmt(ctx.scale, 0)),
                                feature_id=fid, location=thin[1].asWkt(), width_m=round(thin[0], 3),
                                area=round(thin[1].area(), 3)))
    state.count = len(fids)
    state.duplicates = set(_duplicate_pairs(hashes, fids))
    del hashes, fids
    _report_invalid(ctx, invalid, extent)
    _report_duplicates(ctx, state)
    return state


def _report_invalid(ctx, invalid, extent):
    wording = invalid_wording(ctx)
    for fid, g in invalid.items():
        errors = g.validateGeometry(GeometryValidationEngine.Geos)
        reason = errors[0].what() if errors else tr("invalid geometry")
        x = y = None
        if errors and errors[0].hasWhere():
            p = errors[0].where()
            x, y = p.x(), p.y()
        ctx.add(invalid_finding(wording, fid, reason, x, y))
        if extent.active:
            out = extent.check(fid, g)
            if out is not None:
                ctx.add(out)


def invalid_wording(ctx):
    """How geom.valid's findings read (:func:`rules.worded`); their facts: ``(reason, x, y)``,
    x and y None where the geometry engine gives no place; their location: the facts themselves
    where there is a place (``POINT(x y)`` written when read), else ""."""
    template, at = tr("Invalid geometry: {reason}{where}."), tr(" at {x}, {y}")
    form = "%.6f" if ctx.geographic else "%.2f"

    def fill(_fid, facts):
        reason, x, y = facts
        return ({"reason": reason, "where": "" if x is None else at.format(x=form % x, y=form % y)},
                {"reason": reason})
    return Wording(template, fill, lambda facts: "POINT(%r %r)" % facts[1:])


def invalid_finding(wording, fid, reason, x, y):
    """A geom.valid finding worded by ``wording`` (:func:`invalid_wording`), in either engine."""
    facts = (reason, x, y)
    return worded("geom.valid", wording, facts, feature_id=fid, location="" if x is None else facts)


def wkb_to_wkt(wkb):
    """The WKT of a WKB geometry (bytes), as QGIS writes it."""
    g = QgsGeometry()
    g.fromWkb(wkb)
    return g.asWkt()


def overlap_wording(metres):
    """How topo.overlap's findings read (:func:`rules.worded`), ``metres`` a layer unit's length
    in metres; their facts: ``(other feature's id, area in layer units)``, their location the
    overlap's WKB (bytes: 80 to 100 where its WKT takes 170 to 220)."""
    template, locale = tr("Features {a} and {b} overlap over {area} m²."), QLocale(report_language())

    def fill(a, facts):
        b, area = facts
        area_m2 = area * metres * metres
        return ({"a": a, "b": b, "area": _fmt(area_m2, locale=locale)},
                {"pair": [a, b], "other_id": b, "area_m2": round(area_m2, 3), "area": area})
    return Wording(template, fill, wkb_to_wkt)


def _report_duplicates(ctx, state):
    if not state.duplicates:
        return
    pairs = sorted(state.duplicates, key=lambda p: p[1])
    fids = {fid for pair in pairs for fid in pair}
    feats = {}
    for f in ctx.layer.getFeatures(QgsFeatureRequest().setFilterFids(sorted(fids))):
        feats[f.id()] = f
    confirmed = []
    pk = set(ctx.layer.primaryKeyAttributes())
    for first, fid in pairs:
        a, b = feats.get(first), feats.get(fid)
        if a is None or b is None or not a.geometry().equals(b.geometry()) or \
                bytes(a.geometry().asWkb()) != bytes(b.geometry().asWkb()):
            continue               # a hash collision, not a duplicate
        confirmed.append((first, fid))
        same = [v for i, v in enumerate(a.attributes()) if i not in pk] == \
            [v for i, v in enumerate(b.attributes()) if i not in pk]
        message = (tr("Feature {fid} repeats feature {first}: same geometry and same attributes.") if same else
                   tr("Feature {fid} has the same geometry as feature {first} (attributes differ).")).format(
            fid=fid, first=first)
        g = b.geometry()
        location = g.asWkt() if g.type() == GeometryType.Point else g.pointOnSurface().asWkt()
        ctx.add(finding("geom.duplicate", message, severity=ERROR if same else WARNING, feature_id=fid,
                        location=location, duplicate_of=first, same_attributes=same))
    state.duplicates = {frozenset(p) for p in confirmed}
