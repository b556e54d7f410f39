"""Running the rules over one dataset, or a batch (a folder, a multi-layer GeoPackage).

    result = validate_layer(layer)                    # a QgsVectorLayer
    report = validate_path("data/jalan.gpkg")         # -> Report (one dataset)
    report = validate_batch("data/")                  # -> Report over every dataset found

Progress goes to ``feedback.setProgress`` and ``feedback.isCanceled()`` stops the run at the
next check (a canceled result says so).  Nothing is ever written to the source.
"""
import os
import time


from ...compat import GeometryType
from ..runtime.events import observe
from ..i18n import tr
from . import attribute_rules as attrs
from . import dataset_rules as dsr
from . import postgis_engine as pg
from .context import Context
from .encoding import check_encoding
from .geometry_rules import geometry_pass
from .metadata_seam import check_metadata
from .postgis_srid import check_srid
from .report import DatasetResult, Report, sort_findings
from .rules import finding
from .postgis_sources import public_uri, schema_refs
from .sources import InputError, check_layer, find_datasets, layer_names, open_ref, ref_for, ref_of_layer
from .topology import check_gaps, check_overlaps


class SubFeedback:
    """Maps a sub-task's 0-100 % onto a slice of the parent's progress."""

    def __init__(self, parent, start, span):
        self.parent, self.start, self.span = parent, start, span

    def isCanceled(self):  # noqa: N802 (Qt's name)
        return bool(self.parent and self.parent.isCanceled())

    def setProgress(self, value):  # noqa: N802 (Qt's name)
        if self.parent:
            self.parent.setProgress(self.start + self.span * value / 100.0)

    def pushInfo(self, text):  # noqa: N802 (Qt's name)
        if self.parent and hasattr(self.parent, "pushInfo"):
            self.parent.pushInfo(text)


def validate_layer(layer, ref=None, feature_type=None, metadata_path="", feedback=None,
                   kugi=None, settings=None, engine="auto"):
    """Validate one open layer; returns a :class:`DatasetResult` (raises :class:`InputError`
    only for input it cannot validate at all, e.g. an unknown FEATURE_TYPE, or a PostGIS
    database that cannot be reached).  For a PostGIS layer the geometry and topology rules run
    in the database (``engine="auto"``; ``"local"`` forces QGIS); ``dataset["engine"]`` says
    which ran."""
    started = time.monotonic()
    ref = ref or ref_of_layer(layer)
    check_layer(layer, ref.label)
    ctx = Context(layer, ref, feature_type, metadata_path, feedback, kugi, settings)
    run = ctx.rules_run
    steps = [
        (("crs.accepted",), dsr.check_crs),
        (("crs.accepted",), check_srid),             # PostGIS: SRID not the EPSG code (e.g. 900914)
        (("kugi.layer_name",), dsr.check_layer_name),
        (("kugi.geometry_type",), dsr.check_geometry_type),
        (("kugi.attribute_type",), dsr.check_attribute_types),
        (("kugi.required_attribute", "kugi.srs_id", "kugi.metadata_ref"), attrs.check_required),
        (("kugi.fcode",), attrs.check_fcode),
        (("kugi.srs_id",), attrs.check_srs_id),
        (("kugi.domain",), attrs.check_domains),
        (("text.encoding",), check_encoding),
        (("kugi.attribute_type",), attrs.check_lengths),
    ]
    has_geometry = ctx.geometry_type in (GeometryType.Point, GeometryType.Line,
                                         GeometryType.Polygon)
    db = None
    if has_geometry and pg.is_postgis(layer) and engine != "local":
        db = pg.plan(ctx)          # None: the rules run here (ctx.notes says why)
    ctx.database = db
    try:
        return _run(ctx, layer, ref, run, steps, has_geometry, db, started)
    finally:
        if db is not None:
            db.close()


def _run(ctx, layer, ref, run, steps, has_geometry, db, started):
    if ctx.feature_count == 0:
        ctx.add(finding("geom.empty", tr("The layer has no features: there is nothing to publish."),
                        fix=tr("Check that you exported the right layer.")))
    for n, (ids, step) in enumerate(steps):
        if ctx.canceled():
            break
        step(ctx)
        run.extend(i for i in ids if i not in run)
        ctx.progress(8.0 * (n + 1) / len(steps))
    if not ctx.canceled():
        identifier = check_metadata(ctx)
        attrs.check_metadata_values(ctx, identifier)
        run.append("meta.complete")
    ctx.forget_values()
    if has_geometry and not ctx.canceled():
        state = db.geometry(ctx, 10, 45) if db else geometry_pass(ctx, 10, 45)
        run.extend(["geom.empty", "geom.valid", "geom.duplicate"])
        if ctx.crs_how != "none":
            run.append("extent.indonesia")
        if ctx.geometry_type == GeometryType.Polygon and not ctx.canceled():
            if ctx.scale:
                run.append("topo.sliver")
            (db.overlaps if db else check_overlaps)(ctx, state, 55, 40)
            run.append("topo.overlap")
            if ctx.settings.is_coverage(ctx.feature_type) and not ctx.canceled():
                (db.gaps if db else check_gaps)(ctx, state)
                run.append("topo.gap")
    canceled = ctx.canceled()
    if not canceled:
        ctx.progress(100)
    sort_findings(ctx.findings)
    if not canceled:
        observe("validate", dataset=ref.label, findings=len(ctx.findings))
    dataset = ctx.describe()
    dataset["engine"] = "postgis" if db is not None else "local"
    if pg.is_postgis(layer):
        dataset["source"] = public_uri(layer.source())     # never the user name or password
    return DatasetResult(dataset=dataset, findings=ctx.findings, rules=list(run), notes=ctx.notes,
                         canceled=canceled, seconds=time.monotonic() - started, ref=ref,
                         crs_wkt=ctx.crs.toWkt() if ctx.crs.isValid() else "", layer=layer)


def unreadable(ref_or_path, error):
    """The result for a dataset that could not be opened: one dataset.readable finding."""
    label = getattr(ref_or_path, "label", None) or os.path.basename(str(ref_or_path))
    path = getattr(ref_or_path, "path", None) or public_uri(getattr(ref_or_path, "uri", None) or str(ref_or_path))
    return DatasetResult(dataset={"name": label, "label": label, "source": path, "feature_count": None},
                         findings=[finding("dataset.readable", str(error), file=path)],
                         rules=["dataset.readable"], ref=ref_or_path if hasattr(ref_or_path, "uri") else None)


def validate_path(path, layer_name=None, feature_type=None, metadata_path="", feedback=None):
    """Validate one dataset file (one layer of it); :class:`InputError` if it cannot be read."""
    from .pipeline import run_validation      # the pipeline runs this module's functions
    report, _ = run_validation([(ref_for(path, layer_name), None)], feedback=feedback, feature_type=feature_type,
                               metadata_path=metadata_path)
    return report


def batch_refs(source, recursive=True):
    """(refs, problems, skipped): every layer in a folder or a GeoPackage; unreadable files as
    (path, message) problems; files that are not vector datasets in ``skipped``."""
    refs, problems = [], []
    if os.path.isdir(source):
        paths, skipped = find_datasets(source, recursive)
    else:
        paths, skipped = [source], []
    for path in paths:
        try:
            names = layer_names(path)
        except InputError as exc:
            if path.lower().endswith(".json") and os.path.isdir(source):
                skipped.append(path)         # a JSON file that is not GeoJSON (e.g. a report)
            else:
                problems.append((path, str(exc)))
            continue
        for name in names:
            try:
                refs.append(ref_for(path, name))
            except InputError as exc:
                problems.append((path, str(exc)))
    return refs, problems, skipped


def validate_batch(source, recursive=True, metadata_dir="", feedback=None, refs=None):
    """Validate every dataset of a folder (recursively) or of a multi-layer GeoPackage, or the
    given ``refs``; returns one :class:`Report` over all of them."""
    if refs is None:
        if not source or not os.path.exists(source):
            raise InputError(tr("{path} does not exist.").format(path=source))
        refs, problems, skipped = batch_refs(source, recursive)
    else:
        problems, skipped = [], []
    results = [unreadable(path, msg) for path, msg in problems]
    total = max(len(refs), 1)
    for n, ref in enumerate(refs):
        if feedback and feedback.isCanceled():
            break
        if feedback and hasattr(feedback, "pushInfo"):
            feedback.pushInfo(tr("Validating {name} ({n} of {total}) …").format(name=ref.label, n=n + 1,
                                                                              total=len(refs)))
        sub = SubFeedback(feedback, 100.0 * n / total, 100.0 / total)
        try:
            layer = open_ref(ref)
            meta = ""
            if metadata_dir:
                cand = os.path.join(metadata_dir, ref.layer_name + ".xml")
                meta = cand if os.path.isfile(cand) else ""
            result = validate_layer(layer, ref, None, meta, sub)
            result.layer = None          # do not keep hundreds of files open; reopened for the map
            del layer
            if os.path.isdir(source or "") and ref.path:
                rel = os.path.relpath(ref.path, source)
                result.dataset["label"] = rel if ref.format != "GPKG" else "%s | %s" % (rel, ref.layer_name)
            results.append(result)
        except InputError as exc:
            results.append(unreadable(ref, exc))
    canceled = bool(feedback and feedback.isCanceled())
    return Report(results, source=source or "", canceled=canceled,
                  skipped=[tr("Skipped (not a vector dataset): {path}").format(path=p) for p in skipped])


def validate_schema(connection, schema, feedback=None):
    """Validate every table and view with geometry of a PostGIS ``schema`` (``connection``: a
    saved QGIS connection's name or a data source URI); one :class:`Report` over all of them."""
    refs, skipped = schema_refs(connection, schema)
    report = validate_batch("", feedback=feedback, refs=refs)
    report.source = "%s (%s)" % (schema, public_uri(connection))
    for result in report.results:
        if result.dataset.get("label") == result.dataset.get("name"):
            result.dataset["label"] = "%s.%s" % (schema, result.dataset["name"])
    report.skipped.extend(tr("Skipped (no geometry): {table}").format(table=t) for t in skipped)
    return report
