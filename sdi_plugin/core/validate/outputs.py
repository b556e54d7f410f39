"""Writing a report's files: error layer (GeoPackage), HTML and JSON; any of them optional."""
import os

from ..i18n import tr
from ..files.safe_output import OutputRefused, make_folder
from .errorlayer import write_error_layer
from .html_report import write_html


def _folder(path):
    make_folder(path)


def refuse_source(report, *paths):
    """An output must never overwrite a file of a validated dataset."""
    sources = {os.path.realpath(f) for r in report.results if r.ref is not None for f in (r.ref.files or [])}
    for p in paths:
        if p and os.path.realpath(p) in sources:
            raise OutputRefused(tr("{path} is a file of the dataset being validated; choose another output.").format(
                path=p))


def write_outputs(report, errors_path="", html_path="", json_path="", thumbnails=True, feedback=None):
    """Write the files asked for; returns {"errors": [(layer, count, uri)], "html": path, "json": path}.
    Every path is checked before anything is written (safe_output: no folder, no file of another
    kind replaced); a failure raises ``OutputRefused`` with a translated sentence."""
    refuse_source(report, errors_path, html_path, json_path)
    from ..files.safe_output import check_destination, html_or_empty, json_or_empty
    from .errorlayer import is_error_layer_file
    for path, same_kind, what in ((json_path, json_or_empty, tr("JSON report")),
                                  (errors_path, is_error_layer_file, tr("error layer")),
                                  (html_path, html_or_empty, tr("HTML report"))):
        if path:
            check_destination(path, same_kind, what)
    out = {"errors": [], "html": "", "json": ""}
    if json_path:
        _folder(json_path)
        out["json"] = report.write_json(json_path)
    if errors_path:
        _folder(errors_path)
        out["errors"] = write_error_layer(report, errors_path)
    if html_path:
        if feedback:
            feedback.pushInfo(tr("Writing the HTML report …"))
        _folder(html_path)
        out["html"] = write_html(report, html_path, thumbnails)
    return out
