"""One validation run, whoever asks (the Validate page, ``sdi:validatedataset``,
``sdi:validatefolder``, :func:`~.engine.validate_path`): the datasets → the rules → one
report → its files.

    report, written = run_validation([(ref, None)], ReportFiles.in_folder(out_dir), feedback)
    report, written = run_validation(source="data/", outputs=ReportFiles(json="r.json"))
    report, written = run_validation(schema=("my connection", "public"), outputs=…)

``written`` is what :func:`~.outputs.write_outputs` returns, or None when the run was
canceled (then nothing is written).
"""
import os
from dataclasses import dataclass

from ..i18n import tr
from .engine import SubFeedback, validate_batch, validate_layer, validate_schema
from .outputs import write_outputs
from .report import Report
from .sources import open_ref


@dataclass
class ReportFiles:
    """Where the report's files go; an empty path is not written."""
    errors: str = ""      # the error layer (GeoPackage)
    html: str = ""
    json: str = ""

    @classmethod
    def in_folder(cls, folder):
        return cls(os.path.join(folder, "findings.gpkg"), os.path.join(folder, "report.html"),
                   os.path.join(folder, "report.json"))


def run_validation(jobs=(), outputs=None, feedback=None, *, source="", recursive=True, metadata_dir="",
                   schema=None, feature_type=None, metadata_path=""):
    """Validate one of: ``jobs`` ([(DatasetRef, layer or None)]; None: opened from the ref in
    this thread), a folder or GeoPackage (``source``: every layer, sub-folders when
    ``recursive``, records ``<layer>.xml`` in ``metadata_dir``), or a PostGIS schema
    (``schema``: (connection name or URI, schema name)).  ``feature_type`` and
    ``metadata_path`` apply to a single job.  Then write ``outputs`` (:class:`ReportFiles`).

    Returns (Report, written or None).  Raises :class:`~.sources.InputError` for input it
    cannot validate at all and ``OutputRefused``/``OSError`` for a file it may not write."""
    if schema:
        report = validate_schema(schema[0], schema[1], feedback=feedback)
    elif source:
        report = validate_batch(source, recursive, metadata_dir, feedback)
    else:
        report = _validate_jobs(list(jobs), feedback, feature_type, metadata_path)
    if feedback is not None and feedback.isCanceled():
        return report, None
    outputs = outputs or ReportFiles()
    written = write_outputs(report, outputs.errors, outputs.html, outputs.json, feedback=feedback)
    if feedback is not None:
        feedback.setProgress(100)
    return report, written


def _validate_jobs(jobs, feedback, feature_type, metadata_path):
    single = len(jobs) == 1
    results = []
    for n, (ref, layer) in enumerate(jobs):
        if feedback is not None and feedback.isCanceled():
            break
        if feedback is not None and hasattr(feedback, "pushInfo"):
            feedback.pushInfo(tr("Validating {name} …").format(name=ref.label))
        layer = layer if layer is not None else open_ref(ref)
        sub = feedback if single else SubFeedback(feedback, 95.0 * n / len(jobs), 95.0 / len(jobs))
        results.append(validate_layer(layer, ref, feature_type if single else None,
                                      metadata_path if single else "", sub))
    canceled = bool(feedback is not None and feedback.isCanceled())
    return Report(results, source=tr("Project layers") if len(results) > 1 else None, canceled=canceled)
