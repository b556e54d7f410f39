"""Building a publish job: names on the node, the record's identifier, the links between the
layer and its record, and the final ISO record (links added, an override in the lineage)."""
from ..i18n import tr
from . import isoxml
from .csw import record_url
from .dataset import describe, safe_name
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
