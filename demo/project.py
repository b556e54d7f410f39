"""The demo node's QGIS Server project, built with PyQGIS from the sample data.

Every dataset with ``publish: true`` becomes a layer (grouped by region) published over
WMS 1.3.0, WFS 1.1/2.0 and OGC API Features (``/wfs3``). The WMS name of a layer (its short
name) is the dataset id, unique across regions although the same KUGI table name appears in
several of them; titles and abstracts come from the manifest.

``ensure_project(sample_dir, workdir)`` is what the node calls: it rebuilds the project in a
separate ``/usr/bin/python3`` process (PyQGIS needs its own QgsApplication) only when the
inputs changed, and otherwise reuses the project already in the workdir. This module imports
QGIS only inside ``build_project``/``main``.

    /usr/bin/python3 -m demo.project --sample-dir resources/sample_data --out build/demo-node/project.qgs
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys

from . import identity
from . import manifest as mf

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QGIS_PYTHON = "/usr/bin/python3"
PROJECT_NAME = "project.qgs"
KEY_NAME = "project.key"

# CRS every WMS client may ask for; the datasets' own CRS (UTM zones of SRGI2013) are added.
BASE_CRS = ["EPSG:4326", "EPSG:3857", "EPSG:9470"]

# One colour per KUGI category (fill / line / marker), so a map of several layers reads well.
CATEGORY_COLOURS = {
    "Referensi Spasial": "#6a3d9a",
    "Batas Wilayah": "#e31a1c",
    "Transportasi": "#ff7f00",
    "Hidrografi": "#1f78b4",
    "Hipsografi": "#b15928",
    "Vegetasi": "#33a02c",
    "Lingkungan Terbangun": "#8e0152",
    "Utilitas": "#cab2d6",
    "Geologi": "#8c6d31",
    "Tanah": "#bf812d",
    "Toponimi": "#222222",
    "Kadaster": "#fdbf6f",
    "Kebencanaan": "#d7191c",
    "Dataset Khusus": "#a6cee3",
}
DEFAULT_COLOUR = "#4d4d4d"


class ProjectError(RuntimeError):
    pass


# --- reuse or rebuild (no QGIS here) -------------------------------------------------------

def inputs_key(sample_dir):
    """A digest of everything the project depends on: the manifest, the published datasets'
    files (size and modification time), and this module and the node identity."""
    sample_dir = os.path.abspath(sample_dir)
    h = hashlib.sha256()
    h.update(sample_dir.encode())
    with open(mf.manifest_path(sample_dir), "rb") as fh:
        h.update(fh.read())
    manifest = mf.load(sample_dir)
    for ds in mf.published(manifest):
        for path in mf.data_files(sample_dir, ds):
            try:
                st = os.stat(path)
                h.update(("%s|%d|%d\n" % (path, st.st_size, st.st_mtime_ns)).encode())
            except FileNotFoundError:
                h.update(("%s|missing\n" % path).encode())
    for src in (__file__, identity.__file__):
        with open(src, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


def ensure_project(sample_dir, workdir, log_path=None, python=QGIS_PYTHON, timeout=300, env=None):
    """Return the path of an up-to-date project in ``workdir``, building it if needed."""
    os.makedirs(workdir, exist_ok=True)
    project = os.path.join(workdir, PROJECT_NAME)
    key_file = os.path.join(workdir, KEY_NAME)
    key = inputs_key(sample_dir)
    try:
        with open(key_file, encoding="ascii") as fh:
            old = fh.read().strip()
    except FileNotFoundError:
        old = ""
    if old == key and os.path.exists(project):
        return project
    if os.path.exists(key_file):
        os.remove(key_file)
    log_path = log_path or os.path.join(workdir, "project-build.log")
    env = dict(env if env is not None else os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    with open(log_path, "wb") as log:
        proc = subprocess.run([python, "-m", "demo.project", "--sample-dir", os.path.abspath(sample_dir),
                               "--out", project], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    if proc.returncode != 0 or not os.path.exists(project):
        with open(log_path, encoding="utf-8", errors="replace") as fh:
            tail = "".join(fh.readlines()[-20:])
        raise ProjectError("building the QGIS project failed (status %s); %s ends with:\n%s"
                           % (proc.returncode, log_path, tail))
    with open(key_file, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
    return project


# --- the build itself (PyQGIS) --------------------------------------------------------------

def crs_list(manifest):
    """EPSG:4326, EPSG:3857, EPSG:9470 and every CRS the regions and published datasets use."""
    out = list(BASE_CRS)
    for item in list(manifest.get("regions", [])) + mf.published(manifest):
        crs = item.get("crs")
        if crs and crs not in out:
            out.append(crs)
    return out


def layer_uri(sample_dir, ds):
    path = os.path.join(sample_dir, ds["file"])
    if ds.get("format") == "GPKG":
        return "%s|layername=%s" % (path, ds["layer"])
    return path


def _style(layer, ds):
    """One symbol per layer, coloured by KUGI category: boundaries as outlines over a faint
    fill, other areas filled, lines and point markers in the category colour."""
    from qgis.core import (QgsFillSymbol, QgsLineSymbol, QgsMarkerSymbol, QgsSingleSymbolRenderer,
                           QgsWkbTypes)
    from qgis.PyQt.QtGui import QColor
    colour = CATEGORY_COLOURS.get(ds.get("kugi_category"), DEFAULT_COLOUR)
    gtype = layer.geometryType()
    if gtype == QgsWkbTypes.PolygonGeometry:
        boundary = ds.get("kugi_category") == "Batas Wilayah"
        symbol = QgsFillSymbol.createSimple({"outline_color": colour, "outline_width": "0.6" if boundary else "0.26",
                                             "outline_width_unit": "MM", "style": "solid"})
        fill = QColor(colour)
        fill.setAlpha(20 if boundary else 110)
        symbol.symbolLayer(0).setFillColor(fill)
        if not boundary:
            symbol.symbolLayer(0).setStrokeColor(QColor(colour).darker(140))
    elif gtype == QgsWkbTypes.LineGeometry:
        symbol = QgsLineSymbol.createSimple({"color": colour, "width": "0.7", "width_unit": "MM",
                                             "capstyle": "round", "joinstyle": "round"})
    else:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "2.6",
                                               "size_unit": "MM", "outline_color": "#ffffff",
                                               "outline_width": "0.4"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def draw_order(ds):
    """Within a region the first layer is drawn on top: points, then lines, then boundaries, then
    other areas."""
    geometry = (ds.get("geometry") or "").lower()
    if "point" in geometry:
        return 0
    if "line" in geometry:
        return 1
    return 2 if ds.get("kugi_category") == "Batas Wilayah" else 3


def build_project(sample_dir, out_path):
    """Write the QGIS Server project for the published datasets of ``sample_dir``.

    Needs a running QgsApplication. Returns a summary dict (layer short names per dataset)."""
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsLayerMetadata,
                           QgsProject, QgsRectangle, QgsVectorLayer)

    sample_dir = os.path.abspath(sample_dir)
    manifest = mf.load(sample_dir)
    datasets = mf.published(manifest)
    if not datasets:
        raise ProjectError("the manifest in %s has no dataset with publish: true" % sample_dir)
    regions = mf.regions(manifest)

    project = QgsProject()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    project.setCrs(wgs84)
    project.setTitle(identity.TITLE)
    project.writeEntryBool("Paths", "/Absolute", True)
    root = project.layerTreeRoot()
    groups = {}
    extent = QgsRectangle()
    extent.setMinimal()
    wfs_ids = []
    summary = {}

    def region_of(ds):
        rid = ds.get("region") or "lain"
        return regions.get(rid, {"id": rid, "name": rid})

    for ds in datasets:  # one group per region, in manifest order
        region = region_of(ds)
        if region["id"] not in groups:
            group = root.addGroup(region.get("name") or region["id"])
            # the group's WMS name; "region_" keeps it apart from dataset ids like <region>_<theme>
            group.setCustomProperty("wmsShortName", "region_%s" % region["id"])
            group.setCustomProperty("wmsTitle", region.get("name") or region["id"])
            groups[region["id"]] = group

    for ds in sorted(datasets, key=draw_order):  # stable: manifest order within one rank
        layer = QgsVectorLayer(layer_uri(sample_dir, ds), ds["title"], "ogr")
        if not layer.isValid():
            raise ProjectError("dataset %s: cannot open %s" % (ds["id"], layer_uri(sample_dir, ds)))
        crs = QgsCoordinateReferenceSystem(ds["crs"]) if ds.get("crs") else None
        if crs is not None and crs.isValid() and layer.crs().authid() != crs.authid():
            # e.g. a .prj QGIS does not match to an EPSG code: the manifest says what it is.
            layer.setCrs(crs)
        layer.setShortName(ds["id"])
        layer.setTitle(ds["title"])
        abstract = ds.get("abstract", "")
        if ds.get("abstract_en"):
            abstract = (abstract + "\n\n" + ds["abstract_en"]).strip()
        layer.setAbstract(abstract)
        keywords = [ds.get("kugi_category", "")] + list(ds.get("keywords", [])) + [ds.get("layer", "")]
        layer.setKeywordList(", ".join(k for k in keywords if k))
        if ds.get("organisation"):
            layer.setAttribution(ds["organisation"])
        md = QgsLayerMetadata()
        md.setIdentifier(ds.get("metadata_id", ds["id"]))
        md.setTitle(ds["title"])
        md.setAbstract(abstract)
        md.setLanguage("ind")
        layer.setMetadata(md)
        _style(layer, ds)
        project.addMapLayer(layer, False)

        groups[region_of(ds)["id"]].addLayer(layer)

        wfs_ids.append(layer.id())
        geographic = layer.crs().isGeographic()
        project.writeEntry("WFSLayersPrecision", "/" + layer.id(), 8 if geographic else 3)
        try:
            tr = QgsCoordinateTransform(layer.crs(), wgs84, project.transformContext())
            extent.combineExtentWith(tr.transformBoundingBox(layer.extent()))
        except Exception:  # noqa: BLE001 - an odd layer extent must not stop the node
            b = ds.get("bbox_4326")
            if b:
                extent.combineExtentWith(QgsRectangle(*b))
        summary[ds["id"]] = {"layer_id": layer.id(), "short_name": ds["id"], "crs": layer.crs().authid()}

    c = identity.CONTACT
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", identity.TITLE)
    project.writeEntry("WMSRootName", "/", identity.NODE_ID)
    project.writeEntry("WMSServiceAbstract", "/", identity.ABSTRACT)
    project.writeEntry("WMSKeywordList", "/", identity.KEYWORDS)
    project.writeEntry("WMSContactOrganization", "/", c["organisation"])
    project.writeEntry("WMSContactPerson", "/", c["person"])
    project.writeEntry("WMSContactPosition", "/", c["position"])
    project.writeEntry("WMSContactMail", "/", c["email"])
    project.writeEntry("WMSContactPhone", "/", c["phone"])
    project.writeEntry("WMSOnlineResource", "/", c["url"])
    project.writeEntry("WMSFees", "/", identity.FEES)
    project.writeEntry("WMSAccessConstraints", "/", identity.ACCESS_CONSTRAINTS)
    project.writeEntry("WMSCrsList", "/", crs_list(manifest))
    if not extent.isEmpty():
        project.writeEntry("WMSExtent", "/", ["%.8f" % v for v in (extent.xMinimum(), extent.yMinimum(),
                                                                   extent.xMaximum(), extent.yMaximum())])
    # Empty service URLs: QGIS Server then builds its self-links from the request (Host header),
    # which the gateway passes through, so they point at the gateway whatever address it has.
    project.writeEntry("WMSUrl", "/", "")
    project.writeEntry("WFSUrl", "/", "")
    project.writeEntry("WMSAddWktGeometry", "/", True)
    project.writeEntry("WMSPrecision", "/", "8")
    project.writeEntry("WFSLayers", "/", wfs_ids)
    project.writeEntry("WFSTLayers", "Insert", [])
    project.writeEntry("WFSTLayers", "Update", [])
    project.writeEntry("WFSTLayers", "Delete", [])
    project.writeEntry("WCSLayers", "/", [])

    tmp = out_path + ".tmp.qgs"
    if not project.write(tmp):
        raise ProjectError("cannot write %s: %s" % (tmp, project.error()))
    os.replace(tmp, out_path)
    return {"project": out_path, "layers": summary, "crs": crs_list(manifest)}


def main(argv=None):
    ap = argparse.ArgumentParser(description="Build the demo node's QGIS Server project.")
    ap.add_argument("--sample-dir", default=os.path.join(ROOT, "resources", "sample_data"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sdi_plugin.core.runtime.qgis_app import start_qgis
    with start_qgis():
        try:
            summary = build_project(args.sample_dir, os.path.abspath(args.out))
            print(json.dumps(summary, indent=1))
            return 0
        except (ProjectError, mf.ManifestError) as exc:
            print("demo.project: %s" % exc, file=sys.stderr)
            return 1


if __name__ == "__main__":
    sys.exit(main())
