"""What the sample-data modules share: constants, the regions, and ``Dataset`` (one layer
to write and describe in manifest.json).  See demo/sample_data.py."""
import os

from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject

from demo.sample_io import (CORE_FIELDS, WKB, bbox_4326, field_list, geometry_class,
                            memory_layer, open_layer, stamp_date, write_layer, write_prj)

SEED = 20240517
SRS_ID = "SRGI 2013"
GEOGRAPHIC = "EPSG:9470"
SYNTHETIC = "Data contoh sintetis, bukan data resmi"

REGIONS = {
    "kalteng": {"id": "kalteng", "name": "Provinsi Kalimantan Tengah", "level": "provinsi",
                "parent": None, "crs": "EPSG:9470", "scale": 250000,
                "organisation": "Bappeda Provinsi Kalimantan Tengah", "date": "2024-03-08"},
    "paser": {"id": "paser", "name": "Kabupaten Paser", "level": "kabupaten", "parent": None,
              "crs": "EPSG:9490", "scale": 25000, "organisation": "Bappeda Kabupaten Paser",
              "date": "2024-04-22"},
    "tangerang": {"id": "tangerang", "name": "Kota Tangerang", "level": "kota", "parent": None,
                  "crs": "EPSG:9488", "scale": 10000, "organisation": "Bappeda Kota Tangerang",
                  "date": "2024-05-17"},
}


def metadata_id(prefix, scale, date, suffix):
    mid = "%s%d%s_%s" % (prefix, scale, date.replace("-", ""), suffix)
    assert len(mid) <= 50, mid
    return mid


def core(fcode, name, remark, mid):
    return {"FCODE": fcode, "NAMOBJ": name, "REMARK": remark, "SRS_ID": SRS_ID, "METADATA": mid}


class Dataset:
    """One layer to write and describe in the manifest."""

    def __init__(self, **kw):
        self.format = "GPKG"
        self.encoding = "UTF-8"
        self.publish = True
        self.defects = []
        self.coverage = None      # "full": gap/overlap free; "no_overlap": may have gaps
        self.post = None          # callable(path) run after writing
        self.fields = CORE_FIELDS
        self.__dict__.update(kw)

    def write(self, out_dir):
        wkb = getattr(self, "wkb", WKB[self.geometry])
        layer = memory_layer(wkb, self.crs, self.fields, self.features)
        path = os.path.join(out_dir, self.file)
        driver = "GPKG" if self.format == "GPKG" else "ESRI Shapefile"
        write_layer(layer, path, driver, self.layer, self.encoding)
        if self.format != "GPKG":
            write_prj(path, self.crs)
        if self.post:
            self.post(path)
        stamp_date(path, self.layer, self.date)
        back = open_layer(path, self.layer, driver)
        entry = {
            "id": self.id, "region": self.region, "title": self.title, "title_en": self.title_en,
            "abstract": self.abstract, "abstract_en": self.abstract_en, "file": self.file,
            "layer": self.layer, "format": self.format, "geometry": geometry_class(back),
            "crs": back.crs().authid(), "scale": self.scale, "fcode": self.fcode,
            "kugi_category": self.kugi_category, "keywords": self.keywords,
            "metadata_id": self.metadata_id, "feature_count": back.featureCount(),
            "bbox_4326": bbox_4326(back), "date": self.date, "organisation": self.organisation,
            "publish": self.publish, "encoding": self.encoding if self.format != "GPKG" else "UTF-8",
            "coverage": self.coverage, "fields": field_list(back), "defects": self.defects,
        }
        if entry["crs"] != self.crs or entry["feature_count"] != len(self.features):
            raise RuntimeError("%s: read back %s/%d" % (self.id, entry["crs"], entry["feature_count"]))
        return entry


def area_ha(geom, crs):
    da = QgsDistanceArea()
    c = QgsCoordinateReferenceSystem(crs)
    da.setSourceCrs(c, QgsProject.instance().transformContext())
    da.setEllipsoid(c.ellipsoidAcronym())
    return round(da.measureArea(geom) / 10000.0, 4)


def dataset_kw(region, theme, **kw):
    reg = REGIONS[region]
    base = {"region": region, "crs": reg["crs"], "date": reg["date"],
            "organisation": reg["organisation"], "keywords": [theme, reg["name"]]}
    base.update(kw)
    return base


