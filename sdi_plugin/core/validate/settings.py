"""The validator's settings, read from ``resources/standards/validation.json`` (extent of
Indonesia, sliver width, overlap and gap tolerances, which feature types are coverages,
SRS_ID spellings).  A malformed file raises :class:`~sdi_plugin.core.standards.pack.StandardsError`."""
import os
from dataclasses import dataclass

from ..i18n import tr
from ..standards.kugi import SchemaProblem, need
from ..standards.pack import STANDARDS_DIR, StandardsError, check_header, read_json

SETTINGS_FILE = os.path.join(STANDARDS_DIR, "validation.json")
_cache = {}


@dataclass(frozen=True)
class Settings:
    name: str
    version: str
    extent: tuple               # lon_min, lat_min, lon_max, lat_max
    sliver_width_mm: float
    overlap_min_m2: float
    gap_min_m2: float
    coverage_categories: tuple
    coverage_geometry: str
    srs_id_fill: str
    srs_id_spellings: dict      # normalised text -> EPSG authid
    name_id: str = ""           # the name in Indonesian, for reports

    def is_coverage(self, feature_type):
        return bool(feature_type) and feature_type.category in self.coverage_categories \
            and feature_type.geometry == self.coverage_geometry


def _number(data, key, where, signed=False):
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (value < 0 and not signed):
        raise SchemaProblem(tr("{path} must be {expected}").format(path="%s.%s" % (where, key),
                                                                  expected=tr("a number, 0 or more")))
    return float(value)


def _build(data):
    check_header(data)
    ext = need(data, "indonesia_extent", dict, "")
    extent = tuple(_number(ext, k, "indonesia_extent", True) for k in ("lon_min", "lat_min", "lon_max", "lat_max"))
    if not (extent[0] < extent[2] and extent[1] < extent[3]):
        raise SchemaProblem(tr("{path} must be {expected}").format(path="indonesia_extent",
                                                                  expected=tr("a box with min < max")))
    cov = need(data, "coverage", dict, "")
    srs = need(data, "srs_id", dict, "")
    spell = {k.upper(): v.upper() for k, v in (srs.get("spellings") or {}).items()}
    return Settings(data["name"], data["version"], extent,
                    _number(need(data, "sliver", dict, ""), "min_width_mm", "sliver"),
                    _number(need(data, "overlap", dict, ""), "min_area_m2", "overlap"),
                    _number(need(data, "gap", dict, ""), "min_area_m2", "gap"),
                    tuple(need(cov, "categories", list, "coverage")), need(cov, "geometry", str, "coverage"),
                    need(srs, "fill", str, "srs_id"), spell, str(data.get("name_id") or ""))


def load_settings(path=None):
    path = os.path.abspath(path or SETTINGS_FILE)
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        stamp = None
    hit = _cache.get(path)
    if hit and hit[0] == stamp and stamp is not None:
        return hit[1]
    data = read_json(path)
    try:
        settings = _build(data)
    except SchemaProblem as exc:
        raise StandardsError(path, str(exc)) from None
    _cache[path] = (stamp, settings)
    return settings
