"""Seeded synthetic geometry for the sample datasets (see demo/sample_data.py).

Everything here is deterministic for a given ``random.Random``: no clock, no hash
randomisation, no set iteration order.  Coordinates are plain ``(x, y)`` tuples in the
CRS of the dataset being built; QGIS geometries are made only at the end.

- ``Partition``: a polygon *coverage* (kabupaten, kecamatan, land cover).  A jittered
  grid is laid over the region outline; cells whose centre lies inside the outline are
  given to the nearest (warped, weighted) seed; each unit is the union of its cells.
  Neighbouring units share the grid vertices exactly, so the coverage has no gaps and
  no overlaps by construction.
- ``meander``: a river or road polyline through control points, with smooth sideways
  wiggles that vanish at both ends.
- ``parcel_blocks``: rows of land parcels (persil) with shared jittered corners.
- ``split_off_sliver``: cut a thin strip along the border of two units out of one of
  them, re-using the border's own vertices so the result still tiles exactly.
"""
import math

from qgis.core import QgsGeometry, QgsPointXY


def point_in_ring(x, y, ring):
    """Even-odd test of (x, y) against a closed or open ring of (x, y)."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def nearest_on_ring(x, y, ring):
    """The point of the closed ring nearest to (x, y)."""
    best, best_d = None, None
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        dx, dy = x1 - x0, y1 - y0
        t = ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)
        t = min(1.0, max(0.0, t))
        px, py = x0 + t * dx, y0 + t * dy
        d = (px - x) ** 2 + (py - y) ** 2
        if best_d is None or d < best_d:
            best, best_d = (px, py), d
    return best


def polygon_geometry(ring):
    """QgsGeometry polygon from one ring of (x, y) (closed or not)."""
    pts = [QgsPointXY(x, y) for x, y in ring]
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return QgsGeometry.fromPolygonXY([pts])


def line_geometry(pts):
    return QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in pts])


def _smooth_noise(rng, scale, n_waves=3):
    """A smooth function f(t) on [0, 1] made of a few sines with random phases."""
    waves = [(rng.uniform(0.6, 1.0) / (k + 1), (k + 1) * rng.uniform(1.2, 2.2),
              rng.uniform(0, 2 * math.pi)) for k in range(n_waves)]

    def f(t):
        return scale * sum(a * math.sin(2 * math.pi * w * t + p) for a, w, p in waves)
    return f


class Partition:
    """A gap-free, overlap-free polygon coverage of ``outline`` with one unit per label.

    ``seeds`` maps a label to a list of seed points (several seeds shape elongated
    units) and an optional weight (larger weight, larger unit)."""

    def __init__(self, outline, seeds, cell, rng, jitter=0.3, warp=0.0, ndigits=3):
        self.outline = outline
        self.cell = cell
        xs = [p[0] for p in outline]
        ys = [p[1] for p in outline]
        minx, miny = min(xs) - cell, min(ys) - cell
        self.nx = int(math.ceil((max(xs) + cell - minx) / cell))
        self.ny = int(math.ceil((max(ys) + cell - miny) / cell))
        self.vertices = [[(round(minx + c * cell + rng.uniform(-jitter, jitter) * cell, ndigits),
                           round(miny + r * cell + rng.uniform(-jitter, jitter) * cell, ndigits))
                          for c in range(self.nx + 1)] for r in range(self.ny + 1)]
        labels = list(seeds)
        self.labels = labels
        span = max(max(xs) - min(xs), max(ys) - min(ys))
        wx = _smooth_noise(rng, warp * span)
        wy = _smooth_noise(rng, warp * span)
        pts = [(lab, sx, sy, w) for lab in labels for (sx, sy, w) in seeds[lab]]
        inside = [(r, c) for r in range(self.ny) for c in range(self.nx)
                  if point_in_ring(*self.centre(r, c), outline)]
        self._snap_to_outline(inside, ndigits)
        grid = {}
        for (r, c) in inside:
            if abs(ring_area(self.quad(r, c))) < 0.2 * cell * cell or \
                    not polygon_geometry(self.quad(r, c)).isGeosValid():
                continue        # a boundary cell squashed by the snapping
            cx, cy = self.centre(r, c)
            u = (cx - minx) / span
            v = (cy - miny) / span
            px, py = cx + wx(v), cy + wy(u)
            best = min(pts, key=lambda s: math.hypot(px - s[1], py - s[2]) / s[3])
            grid[(r, c)] = best[0]
        self.grid = grid
        self._make_connected()
        missing = [lab for lab in labels if lab not in set(grid.values())]
        if missing:
            raise ValueError("units without cells: %s" % missing)

    def _snap_to_outline(self, cells, ndigits):
        """Move the outside corners of the kept cells onto the outline, so the coverage
        follows the region's shape instead of a staircase.  Corners are shared, so
        neighbouring cells move together and the coverage stays exact."""
        done = set()
        for (r, c) in cells:
            for (vr, vc) in ((r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c)):
                if (vr, vc) in done:
                    continue
                done.add((vr, vc))
                x, y = self.vertices[vr][vc]
                if not point_in_ring(x, y, self.outline):
                    px, py = nearest_on_ring(x, y, self.outline)
                    self.vertices[vr][vc] = (round(px, ndigits), round(py, ndigits))

    def centre(self, r, c):
        v = self.vertices
        pts = (v[r][c], v[r][c + 1], v[r + 1][c + 1], v[r + 1][c])
        return sum(p[0] for p in pts) / 4.0, sum(p[1] for p in pts) / 4.0

    def quad(self, r, c):
        v = self.vertices
        return [v[r][c], v[r][c + 1], v[r + 1][c + 1], v[r + 1][c]]

    @staticmethod
    def neighbours(r, c):
        return ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1))

    def _components(self, label):
        cells = sorted(k for k, v in self.grid.items() if v == label)
        seen, comps = set(), []
        for start in cells:
            if start in seen:
                continue
            comp, stack = [], [start]
            seen.add(start)
            while stack:
                cur = stack.pop()
                comp.append(cur)
                for nb in self.neighbours(*cur):
                    if nb not in seen and self.grid.get(nb) == label:
                        seen.add(nb)
                        stack.append(nb)
            comps.append(sorted(comp))
        comps.sort(key=lambda comp: (-len(comp), comp[0]))
        return comps

    def _make_connected(self):
        """Give every stray fragment of a unit to its most common neighbour."""
        for _ in range(20):
            changed = False
            for label in self.labels:
                for comp in self._components(label)[1:]:
                    counts = {}
                    for cell in comp:
                        for nb in self.neighbours(*cell):
                            other = self.grid.get(nb)
                            if other is not None and other != label:
                                counts[other] = counts.get(other, 0) + 1
                    if counts:
                        target = max(sorted(counts), key=lambda k: counts[k])
                        for cell in comp:
                            self.grid[cell] = target
                        changed = True
            if not changed:
                return

    def cells(self, label):
        return sorted(k for k, v in self.grid.items() if v == label)

    def geometry(self, label, exclude=()):
        quads = [polygon_geometry(self.quad(r, c)) for (r, c) in self.cells(label)
                 if (r, c) not in exclude]
        return QgsGeometry.unaryUnion(quads)

    def is_interior(self, r, c):
        """True if the cell and its four neighbours are all inside the coverage."""
        return (r, c) in self.grid and all(nb in self.grid for nb in self.neighbours(r, c))

    def border_cells(self, label, other):
        """Interior cells of ``label`` that share an edge with a cell of ``other``."""
        out = []
        for (r, c) in self.cells(label):
            if self.is_interior(r, c) and any(self.grid.get(nb) == other
                                              for nb in self.neighbours(r, c)):
                out.append((r, c))
        return out


def meander(ctrl, rng, amplitude, step):
    """Polyline through the control points with smooth sideways wiggles."""
    dense = [ctrl[0]]
    for (x0, y0), (x1, y1) in zip(ctrl, ctrl[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
        dense.extend((x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(1, n + 1))
    lengths = [0.0]
    for a, b in zip(dense, dense[1:]):
        lengths.append(lengths[-1] + math.hypot(b[0] - a[0], b[1] - a[1]))
    total = lengths[-1] or 1.0
    noise = _smooth_noise(rng, amplitude, n_waves=4)
    out = []
    for i, (x, y) in enumerate(dense):
        a = dense[max(i - 1, 0)]
        b = dense[min(i + 1, len(dense) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        t = lengths[i] / total
        off = noise(t) * math.sin(math.pi * t)
        out.append((x - dy / d * off, y + dx / d * off))
    return out


def parcel_blocks(origin, angle_deg, blocks, rows, lots, rng, width=(9.0, 15.0),
                  depth=(18.0, 26.0), road=8.0, jitter=0.8):
    """Rows of parcels in a small housing area.

    ``blocks`` is a list of (column, row) block positions; each block holds ``rows`` x
    ``lots`` parcels whose corners are shared with their neighbours (so parcels in a
    block tile exactly).  Blocks are separated by roads of ``road`` metres.  Returns a
    list of dicts with the parcel ring (4 corners) and its block/row/lot indices."""
    ang = math.radians(angle_deg)
    ca, sa = math.cos(ang), math.sin(ang)
    ox, oy = origin
    block_w = lots * sum(width) / 2.0
    block_d = rows * sum(depth) / 2.0
    out = []
    for b, (bc, br) in enumerate(blocks):
        xs = [0.0]
        for _ in range(lots):
            xs.append(xs[-1] + rng.uniform(*width))
        xs = [x * block_w / xs[-1] for x in xs]
        ys = [0.0]
        for _ in range(rows):
            ys.append(ys[-1] + rng.uniform(*depth))
        ys = [y * block_d / ys[-1] for y in ys]
        bx = bc * (block_w + road)
        by = br * (block_d + road)
        grid = []
        for r, y in enumerate(ys):
            row = []
            for c, x in enumerate(xs):
                jx = rng.uniform(-jitter, jitter) if 0 < c < lots else 0.0
                jy = rng.uniform(-jitter, jitter) if 0 < r < rows else 0.0
                lx, ly = bx + x + jx, by + y + jy
                row.append((round(ox + lx * ca - ly * sa, 3), round(oy + lx * sa + ly * ca, 3)))
            grid.append(row)
        for r in range(rows):
            for c in range(lots):
                ring = [grid[r][c], grid[r][c + 1], grid[r + 1][c + 1], grid[r + 1][c]]
                out.append({"ring": ring, "block": b, "row": r, "lot": c})
    return out


def ring_area(ring):
    s = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        s += x0 * y1 - x1 * y0
    return s / 2.0


def ring_centroid(ring):
    return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))


def exterior_ring(geom):
    """The exterior ring of a single-part polygon geometry, as open list of (x, y)."""
    polys = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
    if len(polys) != 1:
        raise ValueError("expected one polygon, got %d" % len(polys))
    ring = [(p.x(), p.y()) for p in polys[0][0]]
    return ring[:-1], [[(p.x(), p.y()) for p in hole] for hole in polys[0][1:]]


def _make_polygon(shell, holes=()):
    rings = [[QgsPointXY(x, y) for x, y in r + r[:1]] for r in [shell] + list(holes)]
    return QgsGeometry.fromPolygonXY(rings)


def split_off_sliver(geom_a, geom_b, width, min_edges=4):
    """Cut a strip ``width`` wide out of unit A along its shared border with unit B.

    Returns (new A, sliver).  The sliver re-uses the border vertices of A/B, and A's new
    border re-uses the sliver's inner vertices, so A + sliver + B still tile exactly."""
    ring_a, holes_a = exterior_ring(geom_a)
    ring_b, _ = exterior_ring(geom_b)
    n = len(ring_a)
    edges_b = set()
    for p, q in zip(ring_b, ring_b[1:] + ring_b[:1]):
        edges_b.add((p, q))
        edges_b.add((q, p))
    shared = [(ring_a[i], ring_a[(i + 1) % n]) in edges_b for i in range(n)]
    if all(shared) or not any(shared):
        raise ValueError("units do not share a partial border")
    start = next(i for i in range(n) if shared[i] and not shared[i - 1])
    # walk the ring from a run start, collecting runs of shared edges
    runs, i = [], start
    for _ in range(n):
        if shared[i] and not shared[i - 1]:
            run = [i]
            j = (i + 1) % n
            while shared[j] and j != i:
                run.append(j)
                j = (j + 1) % n
            runs.append(run)
        i = (i + 1) % n
    run = max(runs, key=len)
    if len(run) < min_edges + 2:
        raise ValueError("shared border too short")
    run = run[1:-1][:min_edges + 4]          # keep away from triple junctions
    idx = [run[0]] + [(k + 1) % n for k in run]  # vertex indices P0..Pm
    pts = [ring_a[k] for k in idx]
    orient = 1.0 if ring_area(ring_a) > 0 else -1.0   # +1: counter-clockwise
    inner = []
    for k in range(1, len(pts) - 1):
        (x0, y0), (x1, y1), (x2, y2) = pts[k - 1], pts[k], pts[k + 1]
        n1 = _left_normal(x0, y0, x1, y1, orient)
        n2 = _left_normal(x1, y1, x2, y2, orient)
        denom = 1.0 + n1[0] * n2[0] + n1[1] * n2[1]
        mx, my = (n1[0] + n2[0]) / denom, (n1[1] + n2[1]) / denom
        inner.append((round(x1 + mx * width, 3), round(y1 + my * width, 3)))
    inner_set = set(idx[1:-1])
    new_ring = []
    for k in range(n):
        if k in inner_set:
            if k == idx[1]:
                new_ring.extend(inner)
            continue
        new_ring.append(ring_a[k])
    sliver = pts + inner[::-1]
    return _make_polygon(new_ring, holes_a), _make_polygon(sliver)


def _left_normal(x0, y0, x1, y1, orient):
    """Unit normal of segment (x0,y0)->(x1,y1) pointing into the polygon interior."""
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy)
    # interior of a counter-clockwise ring lies to the left of each edge
    return (-dy / d * orient, dx / d * orient)
