"""Direct downloads (GeoPackage, zipped Shapefile, GeoTIFF): fetched through QGIS's network
stack with a size cap into Simpul's download folder, then opened where they lie (a zip
through GDAL's ``/vsizip/``, never unpacked).

Setting ``simpul/download_max_mb`` (default 100) caps a download.
"""
import hashlib
import os
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from qgis.core import QgsSettings

from ..errors import SimpulError
from ..network.http import http_get
from ..i18n import tr
from ..files.storage import data_dir

MAX_MB_KEY, DEFAULT_MAX_MB = "simpul/download_max_mb", 100
VECTOR_EXT = (".gpkg", ".shp", ".geojson", ".json", ".kml", ".gml", ".sqlite")
RASTER_EXT = (".tif", ".tiff", ".jp2", ".img", ".vrt")


class DownloadError(SimpulError):
    """A download that cannot be opened; the message says why, for people."""


@dataclass
class Opened:
    path: str             # what to hand the provider (may be a /vsizip/ path, with |layername=)
    provider: str         # "ogr" or "gdal"
    layer_type: str       # "vector" or "raster"
    file: str             # the downloaded file on disk
    name: str = ""


def max_bytes():
    return max(1, QgsSettings().value(MAX_MB_KEY, DEFAULT_MAX_MB, type=int)) * 1024 * 1024


def _kind_of(head, name):
    low = name.lower()
    if head.startswith(b"PK\x03\x04") or low.endswith(".zip"):
        return "zip"
    if head.startswith(b"SQLite format 3\x00") or low.endswith(".gpkg"):
        return "gpkg"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+") or low.endswith(RASTER_EXT):
        return "tif"
    if head.lstrip()[:1] in (b"{", b"<") and low.endswith(VECTOR_EXT):
        return "vector"
    if head.lstrip()[:5].lower() in (b"<!doc", b"<html"):
        raise DownloadError(tr("the server sent a web page (HTML), not a data file"))
    raise DownloadError(tr("not a file Simpul can open (GeoPackage, zipped Shapefile or GeoTIFF expected)"))


def _file_name(url, headers):
    disp = headers.get("content-disposition", "")
    m = re.search(r'filename\*?=(?:UTF-8\'\')?"?([^";]+)"?', disp, re.I)
    name = unquote(m.group(1)) if m else unquote(os.path.basename(urlsplit(url).path))
    name = re.sub(r"[^A-Za-z0-9._ ()-]+", "_", name).strip(" .") or "download"
    return name[:120]


def _inside_zip(path, wanted=""):
    try:
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/") and "__MACOSX" not in n]
    except (zipfile.BadZipFile, OSError) as exc:
        raise DownloadError(tr("the zip file is damaged: {error}").format(error=exc)) from None
    stem = lambda n: os.path.splitext(os.path.basename(n))[0].lower()  # noqa: E731
    for ext, provider, kind in ((".shp", "ogr", "vector"), (".gpkg", "ogr", "vector"),
                                (".tif", "gdal", "raster"), (".tiff", "gdal", "raster"),
                                (".geojson", "ogr", "vector")):
        hits = [n for n in names if n.lower().endswith(ext)]
        if wanted:
            hits = [n for n in hits if stem(n) == wanted.lower()] or hits
        if hits:
            if ext == ".shp":
                base = os.path.splitext(hits[0])[0].lower()
                missing = [e for e in (".shx", ".dbf") if base + e not in {n.lower() for n in names}]
                if missing:
                    raise DownloadError(tr("the zipped Shapefile lacks {files}").format(files=", ".join(missing)))
            return "/vsizip/%s/%s" % (path, hits[0]), provider, kind, stem(hits[0])
    raise DownloadError(tr("the zip file holds no Shapefile, GeoPackage or GeoTIFF"))


def download(url, name="", timeout=60.0, authcfg="", feedback=None, folder=None, limit=None):
    """Download ``url`` and return what to open (:class:`Opened`); raises :class:`DownloadError`."""
    limit = limit or max_bytes()
    resp = http_get(url, timeout=timeout, max_bytes=limit, authcfg=authcfg, feedback=feedback)
    if resp.error:
        raise DownloadError(resp.error)
    if not resp.content:
        raise DownloadError(tr("the server sent an empty file"))
    fname = _file_name(url, resp.headers)
    kind = _kind_of(resp.content[:64], fname)
    folder = folder or data_dir("downloads", hashlib.sha1(url.encode("utf-8")).hexdigest()[:16])
    os.makedirs(folder, exist_ok=True)
    if kind == "zip" and not fname.lower().endswith(".zip"):
        fname += ".zip"
    elif kind == "gpkg" and not fname.lower().endswith(".gpkg"):
        fname += ".gpkg"
    elif kind == "tif" and not fname.lower().endswith(RASTER_EXT):
        fname += ".tif"
    path = os.path.join(folder, fname)
    try:
        with open(path + ".part", "wb") as fh:
            fh.write(resp.content)
        os.replace(path + ".part", path)
    except OSError as exc:
        from ..files.safe_output import explain, remove_quietly
        remove_quietly(path + ".part")
        raise DownloadError(explain(exc, path)) from None
    stem = os.path.splitext(fname)[0]
    if kind == "zip":
        inner, provider, layer_type, stem = _inside_zip(path, name)
        return Opened(inner, provider, layer_type, path, stem)
    if kind == "gpkg":
        return Opened(path + ("|layername=%s" % name if name else ""), "ogr", "vector", path, name or stem)
    if kind == "tif":
        return Opened(path, "gdal", "raster", path, stem)
    return Opened(path, "ogr", "vector", path, stem)
