"""Topology of polygon layers: topo.overlap (every overlapping pair, with the area) and
topo.gap (holes between the units of a coverage, e.g. administrative areas).

Overlaps: candidate pairs come from a spatial index bulk-loaded in C++; each polygon is
prepared once (GEOS prepared geometry) and tested against the later candidates.  A pair of
polygons that only touch costs one prepared ``intersects`` and one DE-9IM test
(``2********``: the interiors meet), except in the common case proved cheaply in Python:
for two convex polygons (parcels, grid cells) an edge line of one with the other wholly on
its outer side proves that their interiors do not meet (separating axis theorem), which
settles neighbours sharing an edge or a corner without GEOS.  The area is computed only for pairs that really overlap.

Gaps: the union of the coverage; each hole in it is a gap, reported with the units around it.
"""
import struct

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPolygon, QgsSpatialIndex, QgsWkbTypes

from ...compat import GeometryType
from ..i18n import tr
from .geometry_rules import _fmt, geometry, overlap_wording
from .rules import finding, worded

CHECK_EVERY = 1000


def _ring(b):
    """The exterior ring of a single-part 2D polygon without holes as a list of (x, y), read
    straight from its WKB ``b`` (fast); None for anything else (left to GEOS)."""
    if len(b) < 13 or b[0] != 1:
        return None
    kind = struct.unpack_from("<I", b, 1)[0]
    if kind == 6:                                   # MultiPolygon with one part
        if len(b) < 22 or struct.unpack_from("<IBI", b, 5) != (1, 1, 3):
            return None
        at = 14
    elif kind == 3:
        at = 5
    else:
        return None
    if struct.unpack_from("<I", b, at)[0] != 1:     # one ring, no holes
        return None
    n = struct.unpack_from("<I", b, at + 4)[0]
    if n < 4 or len(b) < at + 8 + 16 * n:
        return None
    c = struct.unpack_from("<%dd" % (2 * n), b, at + 8)
    pts = list(zip(c[0::2], c[1::2]))
    if pts[0] != pts[-1]:
        return None
    pts.pop()
    return pts


def _convex(wkb):
    """The vertices of a convex single-ring polygon (WKB), counter-clockwise, or None."""
    pts = _ring(wkb)
    if pts is None:
        return None
    sign = 0
    for i in range(len(pts)):
        (ax, ay), (bx, by), (cx, cy) = pts[i - 2], pts[i - 1], pts[i]
        cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx)
        if cross == 0:
            return None                 # collinear vertex: leave it to GEOS
        s = 1 if cross > 0 else -1
        if sign == 0:
            sign = s
        elif s != sign:
            return None
    if sign < 0:
        pts.reverse()
    return pts


def _separated(a, b):
    """True when an edge line of convex A (counter-clockwise) has all of B on its outer side
    (or on it): then the interiors of A and B do not meet (separating axis theorem)."""
    n = len(a)
    for i in range(n):
        px, py = a[i - 1]
        dx, dy = a[i][0] - px, a[i][1] - py
        for vx, vy in b:
            if dx * (vy - py) - dy * (vx - px) > 0:
                break
        else:
            return True
    return False


def check_overlaps(ctx, state, start=0, span=100):
    polys = state.polygons
    if len(polys) < 2:
        return
    index = QgsSpatialIndex(ctx.layer.getFeatures(QgsFeatureRequest().setNoAttributes()), None)
    if ctx.canceled():
        return
    metres = ctx.metres_per_unit(ctx.layer.extent().center().y() if ctx.geographic else None)
    min_area = ctx.settings.overlap_min_m2 / (metres * metres)
    wording = overlap_wording(metres)
    convex = {}
    dups = state.duplicates
    total = len(polys)
    for n, (fid, wkb) in enumerate(polys.items()):
        if n % CHECK_EVERY == 0:
            if ctx.canceled():
                return
            ctx.progress(start + span * n / total)
        g = geometry(wkb)
        cands = [j for j in index.intersects(g.boundingBox()) if j > fid and j in polys]
        if not cands:
            continue
        engine = None
        ca = convex.pop(fid, 0)
        if ca == 0:
            ca = _convex(wkb)
        for j in cands:
            if dups and frozenset((fid, j)) in dups:
                continue
            if ca is not None:
                cb = convex.get(j, 0)
                if cb == 0:
                    cb = convex[j] = _convex(polys[j])
                if cb is not None and (_separated(ca, cb) or _separated(cb, ca)):
                    continue
            if engine is None:
                engine = QgsGeometry.createGeometryEngine(g.constGet())
                engine.prepareGeometry()
            og = geometry(polys[j])
            other = og.constGet()
            if not engine.intersects(other) or not engine.relatePattern(other, "2********"):
                continue
            inter = QgsGeometry(engine.intersection(other))
            area = inter.area()
            if area < min_area:
                continue
            ctx.add(worded("topo.overlap", wording, (j, area), feature_id=fid, location=bytes(inter.asWkb())))


def check_gaps(ctx, state):
    polys = [geometry(b) for b in state.polygons.values()]
    polys += [g.makeValid() for g in state.invalid.values()]
    if len(polys) < 2:
        return
    union = QgsGeometry.unaryUnion(polys)
    if union.isNull() or union.isEmpty():
        ctx.notes.append(tr("The gap check could not run: {error}").format(error=union.lastError() or "GEOS"))
        return
    metres = ctx.metres_per_unit(ctx.layer.extent().center().y() if ctx.geographic else None)
    min_area = ctx.settings.gap_min_m2 / (metres * metres)
    index = QgsSpatialIndex()
    for fid, b in state.polygons.items():
        index.addFeature(fid, geometry(b).boundingBox())
    parts = union.constGet()
    parts = [parts.geometryN(i) for i in range(parts.numGeometries())] if union.isMultipart() else [parts]
    for part in parts:
        if QgsWkbTypes.geometryType(part.wkbType()) != GeometryType.Polygon:
            continue
        for r in range(part.numInteriorRings()):
            ring = QgsPolygon()
            ring.setExteriorRing(part.interiorRing(r).clone())
            hole = QgsGeometry(ring)
            area = hole.area()
            if area < min_area:
                continue
            touching = sorted(fid for fid in index.intersects(hole.boundingBox())
                              if geometry(state.polygons[fid]).intersects(hole))
            area_m2 = area * metres * metres
            ctx.add(finding("topo.gap",
                            tr("Gap of {area} m² between features {ids}.").format(
                                area=_fmt(area_m2), ids=", ".join(str(i) for i in touching) or "-"),
                            feature_id=touching[0] if touching else None, location=hole.asWkt(),
                            feature_ids=touching, area_m2=round(area_m2, 3), area=area))
