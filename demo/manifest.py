"""Reading the sample data's ``manifest.json`` (written by ``demo/sample_data.py``).

Only the contract's fields are used: ``regions[]`` (id, name, level, parent, bbox, crs) and
``datasets[]`` (id, region, title, title_en, abstract, abstract_en, file, layer, format,
geometry, crs, scale, fcode, kugi_category, keywords, metadata_id, feature_count, bbox_4326,
date, organisation, publish, fields, defects).
"""
import json
import os

MANIFEST = "manifest.json"


class ManifestError(RuntimeError):
    pass


def manifest_path(sample_dir):
    return os.path.join(sample_dir, MANIFEST)


def load(sample_dir):
    path = manifest_path(sample_dir)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ManifestError(
            "No sample data at %s (manifest.json is missing). Generate it with "
            "'make sample-data' or '/usr/bin/python3 -m demo.sample_data --out %s'." % (sample_dir, sample_dir)) from None
    except ValueError as exc:
        raise ManifestError("%s is not valid JSON: %s" % (path, exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("datasets"), list):
        raise ManifestError("%s has no 'datasets' list" % path)
    data.setdefault("regions", [])
    return data


def published(manifest):
    """The datasets the node serves and catalogues (``publish: true``), in manifest order."""
    out = [d for d in manifest["datasets"] if d.get("publish")]
    ids = [d["id"] for d in out]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ManifestError("dataset ids must be unique, repeated: %s" % ", ".join(dup))
    return out


def regions(manifest):
    return {r["id"]: r for r in manifest.get("regions", [])}


def data_files(sample_dir, dataset):
    """Every file on disk that makes up one dataset (a Shapefile's side-car files too)."""
    path = os.path.join(sample_dir, dataset["file"])
    if dataset.get("format") == "ESRI Shapefile":
        base = os.path.splitext(path)[0]
        folder = os.path.dirname(path) or "."
        stem = os.path.basename(base)
        try:
            names = sorted(os.listdir(folder))
        except FileNotFoundError:
            return [path]
        return [os.path.join(folder, n) for n in names if os.path.splitext(n)[0] == stem]
    return [path]
