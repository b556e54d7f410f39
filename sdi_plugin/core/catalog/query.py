"""One catalogue query, the same for every kind of catalogue and for the offline cache."""
import re
from dataclasses import dataclass, field, replace

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle)
from ..log import swallowed

WGS84 = "EPSG:4326"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class SearchQuery:
    text: str = ""              # free text: every word must occur
    theme: str = ""             # a KUGI category name, e.g. "Batas Wilayah"
    date_from: str = ""         # "YYYY-MM-DD" or ""
    date_to: str = ""
    bbox: tuple = None          # (minx, miny, maxx, maxy) EPSG:4326 lon/lat, or None
    node_ids: list = field(default_factory=list)
    levels: list = field(default_factory=list)
    page_size: int = 20

    def __post_init__(self):
        self.text = " ".join((self.text or "").split())
        self.theme = (self.theme or "").strip()
        for name in ("date_from", "date_to"):
            value = (getattr(self, name) or "").strip()[:10]
            setattr(self, name, value if _DATE.match(value) else "")
        if self.bbox is not None:
            self.bbox = clamp_bbox(self.bbox)
        self.page_size = max(1, min(int(self.page_size or 20), 1000))

    def words(self):
        """The words of the free text (quotes and wildcards taken out)."""
        return [w for w in re.split(r"[\s,;]+", re.sub(r"[\"'%*_?\\]", " ", self.text)) if w]

    def with_extent(self, rect, crs):
        """A copy searching ``rect`` (a QgsRectangle in ``crs``, e.g. the canvas extent in the
        project's CRS), transformed to EPSG:4326 lon/lat."""
        return replace(self, bbox=extent_to_wgs84(rect, crs))

    def is_empty(self):
        return not (self.text or self.theme or self.date_from or self.date_to or self.bbox)


def clamp_bbox(bbox):
    """(minx, miny, maxx, maxy) as floats inside -180..180 / -90..90, or None if unusable."""
    try:
        minx, miny, maxx, maxy = (float(v) for v in bbox)
    except (TypeError, ValueError):
        return None
    if any(v != v for v in (minx, miny, maxx, maxy)):  # NaN
        return None
    minx, maxx = sorted((max(-180.0, min(180.0, minx)), max(-180.0, min(180.0, maxx))))
    miny, maxy = sorted((max(-90.0, min(90.0, miny)), max(-90.0, min(90.0, maxy))))
    return (minx, miny, maxx, maxy)


def extent_to_wgs84(rect, crs):
    """``rect`` (QgsRectangle) in ``crs`` (QgsCoordinateReferenceSystem or an authid string) as
    (minx, miny, maxx, maxy) in EPSG:4326 longitude/latitude; None for an empty extent."""
    if rect is None or rect.isEmpty() or rect.isNull():
        return None
    if isinstance(crs, str):
        crs = QgsCoordinateReferenceSystem(crs)
    target = QgsCoordinateReferenceSystem(WGS84)
    if crs is None or not crs.isValid():
        crs = target
    if crs != target:
        xform = QgsCoordinateTransform(crs, target, QgsProject.instance().transformContext())
        try:
            rect = xform.transformBoundingBox(QgsRectangle(rect))
        except Exception:  # noqa: BLE001 - QgsCsException: outside the CRS's area
            swallowed("QgsCsException: outside the CRS's area")
            return None
    return clamp_bbox((rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()))
