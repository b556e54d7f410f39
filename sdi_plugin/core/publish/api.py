"""Publish a dataset to a node in one call (what ``sdi:publishdataset`` and the Publish page use).

    report = publish_dataset("tangerang.gpkg|layername=JALAN_LN_10K", "https://geoportal.example.go.id",
                             authcfg="abc1234", dry_run=True)

``report`` is the OUTPUT_PLAN document (see README): every planned or performed remote
change and its result, the validation gate, the rollback, the checks after publishing, links.

The pipeline, each stage once: the node's endpoints and targets → the dataset and its names
(:func:`.prepare.make_job`) → its record as given, stored or generated (:func:`.prepare.record_for`)
→ the validation gate on the dataset and that record (:func:`.gate.run_gate`) → the final record
(:func:`.prepare.finalize_record`) → plan, apply, verify and log (:class:`.runner.PublishRun`).
"""
import shutil
import tempfile
import traceback
from dataclasses import replace

from ..i18n import tr
from ..log import log
from ..network.secrets import redact_all
from .csw import CswTarget
from .endpoints import detect_endpoints, resolve_node
from .gate import run_gate
from .geonode import GeoNodeTarget
from .geoserver import GeoServerTarget
from .model import PublishError
from .prepare import finalize_record, make_job, record_for  # noqa: F401 (record_for: importable from here)
from .records import RecordsTarget
from .runner import PublishRun

TARGET_KINDS = ("geoserver", "csw", "records", "geonode")


def build_targets(endpoints, authcfg="", timeout=60.0, kinds=None):
    """The target objects for the node's endpoints (``kinds`` restricts them)."""
    kinds = set(kinds or TARGET_KINDS)
    targets = []
    if "geoserver" in kinds and endpoints.geoserver_rest:
        targets.append(GeoServerTarget(endpoints.geoserver_rest, authcfg, timeout))
    if "csw" in kinds and endpoints.csw:
        targets.append(CswTarget(endpoints.csw, endpoints.csw_flavour, authcfg, timeout, endpoints.csw_read))
    if "records" in kinds and endpoints.records:
        targets.append(RecordsTarget(endpoints.records, authcfg, timeout))
    if "geonode" in kinds and endpoints.geonode:
        targets.append(GeoNodeTarget(endpoints.geonode, authcfg, timeout))
    return targets


def find_endpoints(node, authcfg="", timeout=10.0, feedback=None, overrides=None):
    """(Endpoints, authcfg) of ``node`` (a base URL or a registered node's id)."""
    base, authcfg = resolve_node(node, authcfg)
    return detect_endpoints(base, authcfg, timeout, feedback, overrides), authcfg


def publish_dataset(*args, **kwargs):
    """:func:`_publish_dataset` (below), its report with every secret taken out of the source
    strings (``secrets.redact_all``): the report becomes the plan file and the page's text."""
    return redact_all(_publish_dataset(*args, **kwargs))


def _publish_dataset(source, node="", authcfg="", metadata_path="", dry_run=False, workspace="simpul",
                    layer_name="", overwrite=False, override_reason="", log_folder=None, kinds=None,
                    overrides=None, timeout=60.0, verify=True, feedback=None, sld=None, gate=True,
                    endpoints=None, dataset=None, metadata_defaults="", postgis_store=""):
    """Plan (``dry_run``) or publish the dataset at ``source`` to ``node``; returns the report.

    Never raises for trouble on the node or in the data: the report's ``result`` says what
    happened (planned, published, failed, blocked, canceled) and ``message`` why.
    """
    workdir = tempfile.mkdtemp(prefix="simpul-publish-")
    job = None
    try:
        # the node
        if endpoints is None:
            endpoints, authcfg = find_endpoints(node, authcfg, min(timeout, 15.0), feedback, overrides)
        if kinds:
            endpoints = replace(endpoints, **{field: "" for kind, field in (
                ("geoserver", "geoserver_rest"), ("csw", "csw"), ("records", "records"), ("geonode", "geonode"))
                if kind not in kinds})
        targets = build_targets(endpoints, authcfg, timeout)
        # the dataset, and the record it comes with (or one written for it)
        job = make_job(source, endpoints, workspace, layer_name, authcfg, overwrite, override_reason, timeout,
                       postgis_store=postgis_store, sld=sld, dataset=dataset)
        iso, iso_path, how = record_for(job, metadata_path, workdir, metadata_defaults, feedback)
        # the gate: the validator on the dataset and its record
        verdict = run_gate(job.dataset.source, iso_path, override_reason, feedback) if gate else None
        # the final record: identifier, links, an override in the lineage
        finalize_record(job, iso, verdict.lineage_statement() if verdict is not None else "")
        # plan → apply (rollback on failure) → verify, logged
        report = PublishRun(job, targets, feedback=feedback, log_folder=log_folder, verify=verify).run(
            dry_run=dry_run, gate=verdict)
        report["metadata"] = {"source": how, "path": metadata_path or "", "record_id": job.record_id}
        return report
    except PublishError as exc:
        return failure_report(source, node, exc.message, dry_run, endpoints, job)
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user (it goes to the message log)
        log.error("%s", traceback.format_exc())   # redacted by the handler
        message = tr("Simpul failed unexpectedly: {why} (details in the QGIS message log).").format(why=exc)
        return failure_report(source, node, message, dry_run, endpoints, job)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def failure_report(source, node, message, dry_run=False, endpoints=None, job=None):
    """The report of a publish that stopped before planning (unknown node, unreadable data …)."""
    return {"result": "failed", "message": message, "dry_run": bool(dry_run),
            "dataset": job.dataset.to_dict() if job is not None else {"source": str(source)},
            "node": endpoints.to_dict() if endpoints is not None else {"base_url": node},
            "changes": [], "rollback": [], "verification": [], "verified": False, "links": {}, "gate": None,
            "record_id": job.record_id if job is not None else "", "needs_confirmation": False}


def unpublish_record(endpoints, record_id, authcfg="", timeout=60.0):
    """Delete a record from the node's catalogues (CSW-T Delete, OGC API Records DELETE)."""
    done = []
    for target in build_targets(endpoints, authcfg, timeout, ("csw", "records")):
        target.delete(record_id)
        done.append(target.kind)
    return done
