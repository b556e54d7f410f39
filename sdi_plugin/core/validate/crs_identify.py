"""Which reference system a layer is in, even when its .prj is in ESRI form.

GDAL reads an ESRI ``.prj`` such as ``GEOGCS["GCS_SRGI2013",…]`` into a CRS without an EPSG
code (QGIS 3.22 then shows no authid).  :func:`identify` matches such a CRS against the
systems of the CRS policy (``resources/standards/crs.json``) by its PROJ definition and its
datum name, so SRGI2013 stays SRGI2013 and DGN95 stays DGN95.
"""
import re

from qgis.core import QgsCoordinateReferenceSystem

from ...compat import CrsWktVariant
from ..standards.pack import load_crs

_DATUM = re.compile(r'(?:DATUM|ENSEMBLE)\["([^"]+)"')
_refs = {}


def _norm_proj(text):
    parts = sorted(p for p in (text or "").split() if p not in ("+type=crs", "+no_defs", "+wktext"))
    return " ".join(parts)


def _norm_datum(name):
    name = (name or "").strip()
    if name.upper().startswith("D_"):
        name = name[2:]
    name = re.sub(r"[^A-Za-z0-9]", "", name).upper()
    return name.replace("DATUM", "")


def _datum(crs):
    m = _DATUM.search(crs.toWkt(CrsWktVariant.Wkt2_2019) or "")
    return _norm_datum(m.group(1)) if m else ""


def _reference(code):
    ref = _refs.get(code)
    if ref is None:
        crs = QgsCoordinateReferenceSystem(code)
        ref = (_norm_proj(crs.toProj()), _datum(crs)) if crs.isValid() else ("", "")
        _refs[code] = ref
    return ref


def identify(crs):
    """(authid, how) for a QgsCoordinateReferenceSystem: how is "authid" (it had one),
    "matched" (found among the policy's systems), "unknown" (valid but not identified) or
    "none" (no CRS, or GeoPackage's "Undefined … SRS" on QGIS 3.22; QGIS 3.40 gives an invalid CRS)."""
    if crs is None or not crs.isValid():
        return "", "none"
    if not crs.authid() and crs.description().startswith("Undefined"):
        return "", "none"                # GeoPackage srs_id -1 / 0: "Undefined geographic/cartesian SRS"
    if crs.authid():
        return crs.authid().upper(), "authid"
    proj, datum = _norm_proj(crs.toProj()), _datum(crs)
    if proj:
        for code in load_crs().systems:
            if _reference(code) == (proj, datum):
                return code, "matched"
    return "", "unknown"
