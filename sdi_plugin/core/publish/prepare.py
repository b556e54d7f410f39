"""Building a publish job: the dataset and its names on the node (:func:`make_job`), then its
ISO record — the user's file, the one saved with the dataset, a generated one or a minimal one
(:func:`record_for`) — made final with its identifier, the links between the layer and the
record, and an override in the lineage (:func:`finalize_record`)."""
import os

from ..i18n import tr
from ..log import log, swallowed
from ..metadata import storage
from ..metadata.defaults import load_defaults
from ..metadata.generate import generate
from ..metadata.iso_writer import to_bytes
from ..files.safe_output import write_bytes, xml_or_empty
from . import isoxml
from .csw import record_url
from .dataset import describe, load_layer, safe_name
from .model import Job, PublishError
from .sld import layer_sld


def make_job(source, endpoints, workspace="simpul", layer_name="", authcfg="", overwrite=False,
             override_reason="", timeout=60.0, postgis_store="", sld=None, dataset=None):
    """A :class:`Job` for the dataset at ``source`` (a layer, a path or an OGR URI).

    ``sld``: the style as SLD bytes; exported from the layer when not given (call this in the
    thread that owns the layer, e.g. the GUI thread for a project layer).
    """
    ds = dataset or describe(source)
    name = safe_name(layer_name or ds.table)
    ws = safe_name(workspace or "simpul", "simpul")
    job = Job(dataset=ds, endpoints=endpoints, workspace=ws, layer_name=name, store_name=name, style_name=name,
              authcfg=authcfg, overwrite=bool(overwrite), override_reason=override_reason or "",
              timeout=float(timeout or 60.0), postgis_store=postgis_store or "")
    job.sld = sld if sld is not None else (layer_sld(ds.layer, name) if endpoints.geoserver_rest else b"")
    return job


def record_for(job, metadata_path, workdir, defaults_path="", feedback=None):
    """(ISO bytes, path, how): the user's record file, else the record saved with the dataset,
    else a generated one, else a minimal one."""
    if metadata_path:
        try:
            with open(metadata_path, "rb") as fh:
                return fh.read(), metadata_path, "file"
        except OSError as exc:
            raise PublishError(tr("Cannot read the metadata file {path}: {why}").format(
                path=metadata_path, why=exc.strerror or exc)) from exc
    out = os.path.join(workdir, "metadata.xml")
    stored = stored_record(job.dataset.layer)
    if stored:
        with open(out, "wb") as fh:
            fh.write(stored)
        return stored, out, "stored"
    if generate_metadata(job.dataset.source, out, defaults_path, feedback):
        with open(out, "rb") as fh:
            return fh.read(), out, "generated"
    data = isoxml.minimal_record(job.dataset, job.dataset.metadata_ref or None)
    with open(out, "wb") as fh:
        fh.write(data)
    return data, out, "minimal"


def stored_record(layer):
    """The ISO 19139 record saved with the layer's data by the Metadata page (its GeoPackage
    metadata tables, else its sidecar XML) as bytes, or None."""
    if layer is None:
        return None
    try:
        path, name, kind = storage.dataset_of(layer)
        if kind == "gpkg":
            data = storage.read_gpkg_metadata(path, name)
            if data:
                return data if isinstance(data, bytes) else data.encode("utf-8")
        sidecar = storage.sidecar_path(path, name) if kind else ""
        if sidecar and os.path.isfile(sidecar):
            with open(sidecar, "rb") as fh:
                return fh.read()
    except Exception:  # noqa: BLE001 - an unreadable stored record: generate one instead
        swallowed("reading the record stored with the dataset")
        return None
    return None


def generate_metadata(source, out_path, defaults_path="", feedback=None):
    """Write an ISO 19139 record for ``source`` (opened afresh in this thread; ``defaults_path``:
    the node's defaults file); returns the path, or '' when none can be written (the caller
    writes a minimal record)."""
    try:
        record = generate(load_layer(source), load_defaults(defaults_path or None), feedback=feedback)
        if feedback is not None and feedback.isCanceled():
            return ""
        write_bytes(out_path, to_bytes(record), xml_or_empty, tr("XML file"))
    except Exception as exc:  # noqa: BLE001 - e.g. a bad defaults file: the minimal record is written instead
        swallowed("generating the dataset's metadata record")
        log.warning("No full metadata record could be generated for %s (%s); a minimal record is published "
                    "instead.", os.path.basename(str(source)) or source, str(exc).splitlines()[0] if str(exc) else
                    type(exc).__name__)
        return ""
    return out_path if os.path.exists(out_path) else ""


def layer_links(job):
    """Where the published layer is served, as online resources of its record."""
    ep = job.endpoints
    if not ep.geoserver_rest:
        return []
    ows = ep.geoserver_rest[: -len("/rest")] + "/ows"
    title = job.dataset.title or job.layer_name
    return [{"url": ows, "protocol": "OGC:WMS", "name": job.qualified_name, "description": title, "type": "OGC:WMS"},
            {"url": ows, "protocol": "OGC:WFS", "name": job.qualified_name, "description": title, "type": "OGC:WFS"}]


def finalize_record(job, iso_bytes, lineage=""):
    """Set the job's record: identifier (kept stable across re-publishes), links, lineage."""
    root = isoxml.load(iso_bytes)
    rid = isoxml.identifier(root) or job.dataset.metadata_ref or "simpul-%s-%s" % (job.workspace, job.layer_name)
    isoxml.set_identifier(root, rid)
    job.record_id = rid
    ep = job.endpoints
    links = layer_links(job)
    if links:
        isoxml.set_online_resources(root, links)
    if lineage:
        isoxml.add_lineage(root, lineage)
    job.iso_xml = isoxml.dump(root)
    job.links = {"record_links": links}
    if ep.csw:
        job.links["record"] = record_url(ep.csw_read or ep.csw, rid)
    elif ep.records:
        job.links["record"] = "%s/items/%s" % (ep.records, rid)
    if ep.geoserver_rest:
        gs = ep.geoserver_rest[: -len("/rest")]
        job.links.update({"wms": gs + "/ows", "wfs": gs + "/ows", "workspace_ows": "%s/%s/ows" % (gs, job.workspace),
                          "layer_rest": "%s/layers/%s" % (ep.geoserver_rest, job.qualified_name)})
    return job


def check_job(job):
    """Refuse a job that cannot be published at all, before anything is asked of the node."""
    if not job.endpoints.targets():
        raise PublishError(tr("The node offers nothing Simpul can publish to (no GeoServer REST API, no CSW with "
                              "transactions, no OGC API Records with transactions)."))
    if job.endpoints.geoserver_rest and not job.dataset.crs:
        raise PublishError(tr("The dataset has no coordinate reference system; set one before publishing."))
    if job.endpoints.geoserver_rest and job.dataset.feature_count == 0:
        raise PublishError(tr("The dataset has no features; there is nothing to publish."))
