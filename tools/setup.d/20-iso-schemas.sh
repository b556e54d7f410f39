#!/usr/bin/env bash
# The ISO 19139 XML Schemas Simpul validates metadata against, copied from the pycsw venv
# (build/venv/pycsw, made by tools/setup.sh) into resources/schemas/ (gitignored; `make package`
# ships it). Only the schemas reachable from gmd.xsd and gmx.xsd are copied (with the GML 3.2.1,
# XLink and xml.xsd files they import), into a flat layout:
#   resources/schemas/iso/19139/20070417/{gco,gmd,gmx,gsr,gss,gts}/  ISO/TS 19139:2007
#   resources/schemas/ogc/gml/3.2.1/                                 GML 3.2.1
#   resources/schemas/w3c/1999/xlink.xsd, w3c/2001/xml.xsd
# Every xs:import/xs:include schemaLocation is rewritten to the relative path of the local copy
# (nothing else in the files changes); the copy is refused if any of them would still point at
# the network. SOURCE.txt says where each file came from. Idempotent: a second run with the same
# pycsw does nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out="$here/resources/schemas"
py=/usr/bin/python3
site=$(ls -d "$here"/build/venv/pycsw/lib/python3*/site-packages 2>/dev/null | head -n1 || true)
if [ -z "$site" ] || [ ! -d "$site/pycsw" ]; then
  echo "20-iso-schemas: the pycsw venv (build/venv/pycsw) is missing; run tools/setup.sh first." >&2
  exit 1
fi
exec "$py" - "$site" "$out" <<'PY'
import hashlib
import os
import shutil
import sys

from lxml import etree

STEP_VERSION = "1"
site, out = sys.argv[1], sys.argv[2]
pycsw = os.path.join(site, "pycsw")
iso_src = os.path.join(pycsw, "plugins", "profiles", "apiso", "schemas", "ogc", "iso", "19139", "20070417")
core_src = os.path.join(pycsw, "core", "schemas")
XS = "{http://www.w3.org/2001/XMLSchema}"

version = "unknown"
for name in os.listdir(site):
    if name.startswith("pycsw-") and name.endswith(".dist-info"):
        version = name[len("pycsw-"):-len(".dist-info")]

# source folder -> folder in resources/schemas
LAYOUT = [(iso_src, os.path.join("iso", "19139", "20070417")),
          (os.path.join(core_src, "ogc", "gml", "3.2.1"), os.path.join("ogc", "gml", "3.2.1")),
          (os.path.join(core_src, "w3c"), "w3c")]


def target(src):
    src = os.path.normpath(src)
    for folder, dest in LAYOUT:
        if src.startswith(folder + os.sep):
            return os.path.join(dest, os.path.relpath(src, folder))
    raise SystemExit("20-iso-schemas: %s is outside the folders this step copies" % src)


def closure(roots):
    """Every schema file reachable from roots through xs:import / xs:include / xs:redefine."""
    seen, todo, links = {}, list(roots), {}
    while todo:
        path = os.path.normpath(todo.pop())
        if path in seen:
            continue
        if not os.path.exists(path):
            raise SystemExit("20-iso-schemas: %s is missing from the pycsw venv" % path)
        doc = etree.parse(path, etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False))
        locs = []
        for el in doc.iter(XS + "import", XS + "include", XS + "redefine"):
            loc = el.get("schemaLocation")
            if not loc:
                continue
            if "://" in loc:
                raise SystemExit("20-iso-schemas: %s imports %s from the network" % (path, loc))
            locs.append(loc)
            todo.append(os.path.join(os.path.dirname(path), loc))
        seen[path] = True
        links[path] = locs
    return links


links = closure([os.path.join(iso_src, "gmd", "gmd.xsd"), os.path.join(iso_src, "gmx", "gmx.xsd")])
files = sorted(links)
digest = hashlib.sha256(("%s|%s|" % (STEP_VERSION, version)).encode()
                        + b"".join(open(f, "rb").read() for f in files)).hexdigest()
stamp = os.path.join(out, ".simpul-schemas")
if os.path.exists(stamp) and open(stamp).read().strip() == digest:
    sys.exit(0)

tmp = out + ".tmp"
shutil.rmtree(tmp, ignore_errors=True)
for src in files:
    rel = target(src)
    dest = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    data = open(src, "rb").read()
    for loc in links[src]:
        new = os.path.relpath(target(os.path.join(os.path.dirname(src), loc)), os.path.dirname(rel))
        new = new.replace(os.sep, "/")
        if new != loc:
            for q in (b'"', b"'"):
                data = data.replace(b"schemaLocation=" + q + loc.encode() + q,
                                    b"schemaLocation=" + q + new.encode() + q)
    with open(dest, "wb") as fh:
        fh.write(data)

# Check the copy: every schemaLocation resolves to a file inside the copy, none to the network.
for rel_root in (os.path.join("iso", "19139", "20070417", "gmd", "gmd.xsd"),
                 os.path.join("iso", "19139", "20070417", "gmx", "gmx.xsd")):
    copied = closure([os.path.join(tmp, rel_root)])
    for path in copied:
        if not os.path.normpath(path).startswith(tmp + os.sep):
            raise SystemExit("20-iso-schemas: rewritten import leaves the copy: %s" % path)

lines = [
    "ISO 19139 XML Schemas bundled with Simpul (written by tools/setup.d/20-iso-schemas.sh).",
    "",
    "Copied from pycsw %s (https://pycsw.org, MIT licence; PyPI package pycsw==%s) as installed in" % (version, version),
    "build/venv/pycsw. pycsw ships these files unchanged from the OGC schema repository",
    "(http://schemas.opengis.net/iso/19139/20070417/, ISO/TS 19139:2007; http://schemas.opengis.net/gml/3.2.1/)",
    "and the W3C (XLink 1999, xml.xsd 2001).",
    "",
    "Only change made here: each xs:import/xs:include schemaLocation points at the local copy (relative path),",
    "so validation never fetches anything from the network.",
    "",
    "file in resources/schemas  <-  file in the pycsw package",
]
for src in files:
    lines.append("%s  <-  %s" % (target(src).replace(os.sep, "/"), os.path.relpath(src, site).replace(os.sep, "/")))
with open(os.path.join(tmp, "SOURCE.txt"), "w", encoding="utf-8") as fh:
    fh.write("\n".join(lines) + "\n")
with open(os.path.join(tmp, ".simpul-schemas"), "w") as fh:
    fh.write(digest + "\n")
shutil.rmtree(out, ignore_errors=True)
os.rename(tmp, out)
print("20-iso-schemas: %d schema files from pycsw %s -> %s" % (len(files), version, out))
PY
