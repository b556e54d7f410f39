#!/usr/bin/env python3
"""``make package``: build ``build/dist/sdi_plugin-<version>.zip`` for the QGIS plugin repository
(or Plugins ▸ Install from ZIP). The zip holds one folder, ``sdi_plugin/``, with the code,
``metadata.txt``, ``LICENSE``, ``resources/`` and ``i18n/`` (symlinks in the checkout are
stored as real files)."""
import argparse
import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIRED = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
            "repository", "tracker", "tags", "category", "icon", "experimental", "changelog",
            "hasProcessingProvider")
SKIP_DIRS = {"__pycache__", ".pytest_cache"}
SKIP_EXT = (".pyc", ".pyo", ".orig", ".rej")


METADATA = os.path.join(ROOT, "metadata.txt")


def read_metadata(path=METADATA):
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str
    cp.read(path, encoding="utf-8")
    return dict(cp["general"])


def check_metadata(meta):
    missing = [k for k in REQUIRED if not meta.get(k, "").strip()]
    if missing:
        raise SystemExit("metadata.txt lacks: %s" % ", ".join(missing))
    if not os.path.exists(os.path.join(ROOT, meta["icon"])):
        raise SystemExit("metadata.txt names an icon that does not exist: %s" % meta["icon"])


def files():
    pkg = os.path.join(ROOT, "sdi_plugin")
    for dirpath, dirnames, filenames in os.walk(pkg, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for f in sorted(filenames):
            if f.endswith(SKIP_EXT):
                continue
            full = os.path.join(dirpath, f)
            yield full, os.path.join("sdi_plugin", os.path.relpath(full, pkg))
    yield os.path.join(ROOT, "LICENSE"), "sdi_plugin/LICENSE"


def build(out_dir):
    meta = read_metadata()
    check_metadata(meta)
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, "sdi_plugin-%s.zip" % meta["version"])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for full, arc in files():
            zf.write(os.path.realpath(full), arc)
    return target


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "dist"))
    args = ap.parse_args(argv)
    print(build(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
