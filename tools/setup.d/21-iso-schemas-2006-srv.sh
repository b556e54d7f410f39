#!/usr/bin/env bash
# More ISO 19139 XML Schemas from the pycsw venv (build/venv/pycsw), beside those of 20-iso-schemas.sh:
#   resources/schemas/iso/19139/20060504/{gco,gmd,gmx,gsr,gss,gts,gml,srv}/
#       the 2006 release (GML namespace http://www.opengis.net/gml), for records written for it,
#       with its srv (ISO 19119 service metadata) schema
#   resources/schemas/iso/19139/20070417/srv/
#       the same srv files beside the 2007 release: OGC publishes srv only under 20060504; its
#       relative imports (../gmd/gmd.xsd, ../gco/gco.xsd) then resolve to the 2007 gmd/gco, as
#       catalogues that validate 2007 service records arrange it
# Only the closure of gmd.xsd, gmx.xsd and srv.xsd is copied; imports pointing out of the pycsw
# ISO folders (xlink) are rewritten to the copy in resources/schemas/w3c (made by step 20). The copy
# is refused if any import would reach the network. Idempotent (stamp file per folder).
# ISO 19115-2 (gmi) schemas: pycsw 2.6.2 does not ship them (nor does another package on PyPI or
# Debian that this project found), so gmi records are checked against the profile only.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out="$here/resources/schemas"
site=$(ls -d "$here"/build/venv/pycsw/lib/python3*/site-packages 2>/dev/null | head -n1 || true)
if [ -z "$site" ] || [ ! -d "$site/pycsw" ] || [ ! -f "$out/w3c/1999/xlink.xsd" ]; then
  echo "21-iso-schemas-2006-srv: run tools/setup.d/20-iso-schemas.sh first (needs build/venv/pycsw)." >&2
  exit 1
fi
exec /usr/bin/python3 - "$site" "$out" <<'PY'
import hashlib
import os
import shutil
import sys

from lxml import etree

STEP_VERSION = "1"
site, out = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
pycsw = os.path.join(site, "pycsw")
src06 = os.path.join(pycsw, "plugins", "profiles", "apiso", "schemas", "ogc", "iso", "19139", "20060504")
w3c = os.path.join(pycsw, "core", "schemas", "w3c")
XS = "{http://www.w3.org/2001/XMLSchema}"
version = next((n[len("pycsw-"):-len(".dist-info")] for n in os.listdir(site)
                if n.startswith("pycsw-") and n.endswith(".dist-info")), "unknown")


def closure(roots):
    seen, todo = {}, list(roots)
    while todo:
        path = os.path.normpath(todo.pop())
        if path in seen:
            continue
        if not os.path.exists(path):
            raise SystemExit("21-iso-schemas-2006-srv: %s is missing from the pycsw venv" % path)
        doc = etree.parse(path, etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False))
        locs = []
        for el in doc.iter(XS + "import", XS + "include", XS + "redefine"):
            loc = el.get("schemaLocation")
            if not loc:
                continue
            if "://" in loc:
                raise SystemExit("21-iso-schemas-2006-srv: %s imports %s from the network" % (path, loc))
            locs.append(loc)
            todo.append(os.path.join(os.path.dirname(os.path.realpath(path)), loc))
        seen[path] = locs
    return seen


def copy_set(layout, roots, dest_root, stamp_dir, title):
    links = closure(roots)
    files = sorted(links)
    digest = hashlib.sha256(("%s|%s|%s|" % (STEP_VERSION, version, title)).encode()
                            + b"".join(open(f, "rb").read() for f in files)).hexdigest()
    stamp = os.path.join(out, stamp_dir, ".simpul-schemas")
    if os.path.exists(stamp) and open(stamp).read().strip() == digest:
        return 0

    def target(src):
        src = os.path.normpath(src)
        for folder, dest in layout:
            if src.startswith(folder + os.sep):
                return os.path.join(dest, os.path.relpath(src, folder))
        raise SystemExit("21-iso-schemas-2006-srv: %s is outside the folders this step copies" % src)

    tmp = os.path.join(out, stamp_dir) + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    written = 0
    for src in files:
        rel = target(src)
        if not rel.startswith(stamp_dir + os.sep):
            # outside this set's folder (w3c, the 2007 gmd/gco): step 20 wrote it; check it is there
            if not os.path.isfile(os.path.join(out, rel)):
                raise SystemExit("21-iso-schemas-2006-srv: %s is missing (run step 20 again)" % rel)
            continue
        data = open(src, "rb").read()
        for loc in links[src]:
            new = os.path.relpath(target(os.path.join(os.path.dirname(src), loc)), os.path.dirname(rel))
            new = new.replace(os.sep, "/")
            if new != loc:
                for q in (b'"', b"'"):
                    data = data.replace(b"schemaLocation=" + q + loc.encode() + q,
                                        b"schemaLocation=" + q + new.encode() + q)
        dest = os.path.join(tmp, os.path.relpath(rel, stamp_dir))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as fh:
            fh.write(data)
        written += 1
    lines = ["%s: copied by tools/setup.d/21-iso-schemas-2006-srv.sh from pycsw %s (MIT licence;" % (title, version),
             "pycsw ships these files unchanged from http://schemas.opengis.net/iso/19139/20060504/).",
             "Only change: xs:import/xs:include schemaLocation point at the local copies.", "",
             "file  <-  file in the pycsw package"]
    lines += ["%s  <-  %s" % (target(f).replace(os.sep, "/"), os.path.relpath(f, site).replace(os.sep, "/"))
              for f in files if target(f).startswith(stamp_dir + os.sep)]
    with open(os.path.join(tmp, "SOURCE.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    with open(os.path.join(tmp, ".simpul-schemas"), "w") as fh:
        fh.write(digest + "\n")
    final = os.path.join(out, stamp_dir)
    shutil.rmtree(final, ignore_errors=True)
    os.rename(tmp, final)
    return written


iso06 = os.path.join("iso", "19139", "20060504")
n06 = copy_set([(src06, iso06), (w3c, "w3c")],
               [os.path.join(src06, "gmd", "gmd.xsd"), os.path.join(src06, "gmx", "gmx.xsd"),
                os.path.join(src06, "srv", "srv.xsd")], os.path.join(out, iso06), iso06,
               "ISO/TS 19139 schemas, 2006-05-04 release (GML http://www.opengis.net/gml), with srv")

# srv beside the 2007 release: the 20060504 srv files, their ../gmd and ../gco imports resolving to
# the 2007 copies (step 20). Closure computed on a staging copy laid out like the target.
stage = os.path.join(out, ".stage-srv07")
shutil.rmtree(stage, ignore_errors=True)
iso07 = os.path.join(out, "iso", "19139", "20070417")
os.makedirs(os.path.join(stage, "srv"))
for name in os.listdir(os.path.join(src06, "srv")):
    shutil.copy(os.path.join(src06, "srv", name), os.path.join(stage, "srv", name))
for sub in ("gco", "gmd", "gmx", "gsr", "gss", "gts"):
    os.symlink(os.path.join(iso07, sub), os.path.join(stage, sub))
try:
    srv07 = os.path.join("iso", "19139", "20070417", "srv")
    links = closure([os.path.join(stage, "srv", "srv.xsd")])
    # every import outside srv must stay inside the 2007 copy
    for path in links:
        real = os.path.realpath(path)
        if not (real.startswith(os.path.realpath(stage) + os.sep) or real.startswith(os.path.realpath(out) + os.sep)):
            raise SystemExit("21-iso-schemas-2006-srv: srv import leaves the bundle: %s" % path)
    files = sorted(os.path.join(stage, "srv", n) for n in os.listdir(os.path.join(stage, "srv")))
    digest = hashlib.sha256(("%s|%s|srv07|" % (STEP_VERSION, version)).encode()
                            + b"".join(open(f, "rb").read() for f in files)).hexdigest()
    stamp = os.path.join(out, srv07, ".simpul-schemas")
    n07 = 0
    if not (os.path.exists(stamp) and open(stamp).read().strip() == digest):
        final = os.path.join(out, srv07)
        shutil.rmtree(final, ignore_errors=True)
        os.makedirs(final)
        for f in files:
            shutil.copy(f, final)
            n07 += 1
        with open(os.path.join(final, "SOURCE.txt"), "w", encoding="utf-8") as fh:
            fh.write("ISO/TS 19139 srv schema (ISO 19119 service metadata) for 2007 records: the files of\n"
                     "http://schemas.opengis.net/iso/19139/20060504/srv/ as shipped by pycsw %s, unchanged;\n"
                     "their ../gmd and ../gco imports resolve to the 2007 release beside them.\n"
                     "Copied by tools/setup.d/21-iso-schemas-2006-srv.sh from\n" % version
                     + "\n".join("  " + os.path.relpath(os.path.join(src06, "srv", os.path.basename(f)), site)
                                 for f in files) + "\n")
        with open(stamp, "w") as fh:
            fh.write(digest + "\n")
finally:
    shutil.rmtree(stage, ignore_errors=True)
if n06 or n07:
    print("21-iso-schemas-2006-srv: %d files of the 2006 release, %d srv files for 2007 -> %s" % (n06, n07, out))
PY
