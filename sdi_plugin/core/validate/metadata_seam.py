"""meta.complete: the validator's link to the metadata checker.

The dataset's metadata file (the METADATA parameter, or a sidecar ``<dataset>.xml``) is
checked with ``sdi_plugin.core.metadata.check.check_metadata_file`` (``path -> [Finding]``);
when no file is found, one info finding says that no metadata was checked.  The record's
identifier is also read here (safe XML) so that the METADATA attribute can be compared with it.
"""
import os

from ..i18n import tr
from ..metadata.check import check_metadata_file
from ..metadata.storage import sidecar_path
from ..network.xmlsafe import parse_xml
from .rules import finding

NS = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco"}
MAX_BYTES = 16 * 1024 * 1024


def sidecars(ref):
    """Metadata files that may sit beside the dataset, in order of preference."""
    if not ref.path:
        return []
    base, _ = os.path.splitext(ref.path)
    folder = os.path.dirname(ref.path)
    names = [os.path.join(folder, ref.layer_name + ".xml"), base + ".xml", ref.path + ".xml"]
    # where the Metadata page and sdi:standardizedataset save a layer's record
    names.append(sidecar_path(ref.path, ref.layer_name if ref.format == "GPKG" else ""))
    out = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


def find_metadata(ref, given=""):
    if given:
        return given
    return next((p for p in sidecars(ref) if os.path.isfile(p)), "")


def file_identifier(path):
    """gmd:fileIdentifier of an ISO 19139 file, or '' (unreadable or unsafe XML gives '')."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return ""
        root = parse_xml(data)
        values = root.xpath("//gmd:fileIdentifier/gco:CharacterString/text()", namespaces=NS)
        return values[0].strip() if values else ""
    except Exception:  # noqa: BLE001 - a bad file is the metadata checker's business
        return ""


def check_metadata(ctx):
    """Run the metadata checker on the dataset's metadata file; returns the record id or ''."""
    path = find_metadata(ctx.ref, ctx.metadata_path)
    if ctx.metadata_path and not os.path.isfile(ctx.metadata_path):
        ctx.add(finding("meta.complete", tr("The metadata file {path} does not exist.").format(
            path=ctx.metadata_path), severity="error", file=ctx.metadata_path))
        return ""
    if not path:
        ctx.add(finding("meta.complete",
                        tr("No ISO metadata file was given or found beside the dataset ({names}); "
                           "metadata was not checked.").format(
                            names=", ".join(os.path.basename(p) for p in sidecars(ctx.ref)) or "-")))
        return ""
    try:
        results = list(check_metadata_file(path) or [])
    except Exception as exc:  # noqa: BLE001 - the checker's failure must not stop the validation
        ctx.add(finding("meta.complete", tr("The metadata checker failed on {name}: {error}").format(
            name=os.path.basename(path), error=exc), severity="warning", file=path))
        return file_identifier(path)
    for f in results:
        f.details.setdefault("file", path)
        ctx.add(f)
    if not results:
        ctx.notes.append(tr("Metadata {name}: complete.").format(name=os.path.basename(path)))
    return file_identifier(path)
