"""One publish from plan to verification, all or nothing.

1. **Plan**: every target probes the node (reads only) and lists its changes.
2. **Stop before changing anything** when it is a dry run, when the validation gate blocks,
   or when the plan overwrites what the node already serves and the user has not confirmed.
3. **Apply** target by target (GeoServer, then the catalogues). Every change is journalled
   before it is sent; if any step fails, is canceled or raises, the journal is undone newest
   first — what this publish created is removed, what it changed is restored — and the
   report says so, with the server's own words. Never "published" on a failure.
4. **Verify** from outside: the layer loads from the node's WMS and WFS, the record is found
   in the catalogue.

The report (a dict, written as OUTPUT_PLAN) and every change go to the local publish log.
"""
import shutil
import tempfile
import time
import traceback
import uuid

from ..runtime.events import observe
from ..i18n import tr
from ..log import log
from . import publog
from .dataset import prepare_upload
from .model import (DONE, NOT_RUN, PLANNED, R_BLOCKED, R_CANCELED, R_FAILED, R_PLANNED, R_PUBLISHED, ROLLED_BACK,
                    Canceled, PublishError)
from .prepare import check_job
from .target import Journal
from .verify import check_wfs, check_wms

ORDER = ("geoserver", "geonode", "csw", "records")


class _Progress:
    """Maps the publish's phases onto 0–100 % of ``feedback``."""

    def __init__(self, feedback, on_step=None):
        self.feedback, self.on_step = feedback, on_step

    def set(self, percent, text=""):
        if self.feedback is not None:
            self.feedback.setProgress(percent)
            if text and hasattr(self.feedback, "pushInfo"):
                self.feedback.pushInfo(text)
        if self.on_step is not None and text:
            self.on_step(percent, text)

    def upload(self, sent, total):
        if self.feedback is not None and total:
            self.feedback.setProgress(10 + 70.0 * sent / total)


class PublishRun:
    def __init__(self, job, targets, feedback=None, log_folder="", verify=True, on_step=None, workdir=None):
        self.job = job
        self.targets = {t.kind: t for t in targets}
        self.feedback = feedback
        self.log_folder = publog.default_folder() if log_folder is None else log_folder   # "": no log
        self.verify_after = verify
        self.progress = _Progress(feedback, on_step)
        self.run_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:4]
        self.changes = []
        self.journal = Journal()
        self.report = {}
        self._workdir = workdir

    # --- the phases ------------------------------------------------------------------------------
    def plan(self):
        """Probe every target; returns the list of changes (raises PublishError)."""
        check_job(self.job)
        self.changes = []
        for kind in ORDER:
            target = self.targets.get(kind)
            if target is not None:
                self.progress.set(2, tr("Reading what {target} already holds …").format(target=target.label))
                target.client.feedback = self.feedback
                self.changes.extend(target.plan(self.job))
        return self.changes

    def run(self, dry_run=False, gate=None):
        """Plan, then (unless ``dry_run``) apply, roll back on failure, verify. Returns the report."""
        started = publog.now()
        result, message, rollback, checks = R_PLANNED, "", [], []
        try:
            self.plan()
        except Canceled:
            result, message = R_CANCELED, tr("Canceled.")
        except PublishError as exc:
            result, message = R_FAILED, exc.message
        except Exception as exc:  # noqa: BLE001 - never a traceback for the user
            result, message = R_FAILED, self._internal(exc)
        if result == R_PLANNED:
            result, message = self._decide(dry_run, gate)
        if result == "apply":
            result, message, rollback = self._apply()
            if result == R_PUBLISHED and self.verify_after:
                self.progress.set(92, tr("Checking the published layer and record from outside …"))
                checks = self.verify()
                if not all(c["ok"] for c in checks):
                    message += " " + tr("Some checks after publishing failed; see the verification.")
        self.report = self._report(started, dry_run, gate, result, message, rollback, checks)
        self._log()
        self.progress.set(100)
        return self.report

    def _decide(self, dry_run, gate):
        confirm = [c for c in self.changes if c.needs_confirmation]
        if dry_run:
            note = tr("Dry run: nothing was changed on the node.")
            if gate is not None and gate.blocked:
                note += " " + tr("Publishing would be refused by the validation gate.")
            if confirm and not self.job.overwrite:
                note += " " + tr("Overwriting what the node already serves needs confirmation (overwrite).")
            return R_PLANNED, note
        if gate is not None and gate.blocked:
            return R_BLOCKED, gate.verdict()
        if confirm and not self.job.overwrite:
            names = ", ".join(sorted({c.name for c in confirm}))
            return R_BLOCKED, tr("The node already serves {names}; publishing would overwrite it. Confirm overwriting "
                                 "to update it in place.").format(names=names)
        return "apply", ""

    def _apply(self):
        workdir = self._workdir or tempfile.mkdtemp(prefix="simpul-publish-")
        try:
            try:
                self._check_cancel()
                if ("geoserver" in self.targets and self.job.dataset.provider != "postgres"
                        and not self.job.postgis_store):
                    self.progress.set(5, tr("Preparing {table} for upload …").format(table=self.job.dataset.table))
                    upload = prepare_upload(self.job.dataset, workdir, self.feedback)
                    self.job.upload_path, self.job.upload_format = upload
                for kind in ORDER:
                    target = self.targets.get(kind)
                    if target is None:
                        continue
                    self._check_cancel()
                    mine = [c for c in self.changes if c.target == kind]
                    self.progress.set(10 if kind in ("geoserver", "geonode") else 85,
                                      tr("Publishing to {target} …").format(target=target.label))
                    target.apply(self.job, mine, self.journal, self.feedback, workdir, self.progress.upload)
                self._check_cancel()
                done = sum(1 for c in self.changes if c.result == DONE)
                observe("publish", table=self.job.dataset.table, changes=done)
                return R_PUBLISHED, tr("Published: {n} change(s) made on the node.").format(n=done), []
            except Canceled:
                return R_CANCELED, tr("Canceled; everything this publish did was undone."), self.rollback()
            except PublishError as exc:
                rollback = self.rollback()
                return R_FAILED, self._failed_text(exc.message, rollback), rollback
            except Exception as exc:  # noqa: BLE001
                rollback = self.rollback()
                return R_FAILED, self._failed_text(self._internal(exc), rollback), rollback
        finally:
            if not self._workdir:
                shutil.rmtree(workdir, ignore_errors=True)

    def _check_cancel(self):
        if self.feedback is not None and self.feedback.isCanceled():
            raise Canceled(tr("Canceled."))

    def rollback(self):
        """Undo the journal, newest first, without the (perhaps canceled) feedback."""
        self.progress.set(95, tr("Undoing what this publish did …"))
        done = []
        for entry in reversed(self.journal.entries):
            target = self.targets[entry.target]
            target.client.feedback = None
            done.extend(target.rollback([entry]))
        undone = {(d["target"], d["resource"], d["name"]) for d in done if d["result"] == "done"}
        for change in self.changes:
            if change.result == DONE and (change.target, change.resource, change.name) in undone:
                change.result = ROLLED_BACK
            elif change.result == PLANNED:
                change.result = NOT_RUN
        return done

    @staticmethod
    def _failed_text(message, rollback):
        bad = [r for r in rollback if r["result"] != "done"]
        if bad:
            return message + " " + tr("Undoing was incomplete: {what}").format(
                what="; ".join(r["message"] for r in bad))
        return message + " " + tr("Everything this publish did was undone; the node is as it was.")

    @staticmethod
    def _internal(exc):
        log.error("%s", traceback.format_exc())   # redacted by the handler
        return tr("Simpul failed unexpectedly: {why} (details in the QGIS message log).").format(why=exc)

    # --- verification ---------------------------------------------------------------------------
    def verify(self):
        job, checks = self.job, []
        gs = self.targets.get("geoserver")
        if gs is not None:
            checks.extend(gs.verify(job))
            names = [job.layer_name, job.qualified_name]
            for url in (job.links.get("workspace_ows"), job.links.get("wms")):
                wms = check_wms(url, names, job.dataset.bbox_4326, job.authcfg, job.timeout)
                if wms["ok"]:
                    break
            for url in (job.links.get("workspace_ows"), job.links.get("wfs")):
                wfs = check_wfs(url, names, job.dataset.feature_count, job.authcfg, job.timeout)
                if wfs["ok"]:
                    break
            checks.extend([wms, wfs])
            job.links["wms_layer"], job.links["wfs_typename"] = wms.get("name", ""), wfs.get("name", "")
        for kind in ("geonode", "csw", "records"):
            if kind in self.targets:
                checks.extend(self.targets[kind].verify(job))
        return checks

    # --- report and log -------------------------------------------------------------------------
    def _report(self, started, dry_run, gate, result, message, rollback, checks):
        job = self.job
        return {
            "run": self.run_id, "started": started, "finished": publog.now(), "dry_run": bool(dry_run),
            "result": result, "message": message.strip(),
            "dataset": job.dataset.to_dict(),
            "node": job.endpoints.to_dict(),
            "workspace": job.workspace, "layer": job.qualified_name if job.endpoints.geoserver_rest else "",
            "record_id": job.record_id, "overwrite": job.overwrite, "authcfg": job.authcfg,
            "gate": gate.to_dict() if gate is not None else None,
            "changes": [c.to_dict() for c in self.changes],
            "needs_confirmation": any(c.needs_confirmation for c in self.changes) and not job.overwrite,
            "rollback": rollback, "verification": checks,
            "verified": bool(checks) and all(c["ok"] for c in checks),
            "links": {k: v for k, v in job.links.items() if k != "record_links" and v},
        }

    def _log(self):
        key = self.job.dataset.source
        node = self.job.endpoints.base_url
        time_now = publog.now()
        events = [dict(event="change", time=time_now, run=self.run_id, dataset=key, node=node, **{
            k: c[k] for k in ("target", "resource", "name", "action", "url", "result", "message")})
            for c in self.report["changes"] if not self.report["dry_run"] or c["action"] != "skip"]
        events += [dict(event="rollback", time=time_now, run=self.run_id, dataset=key, node=node, **r)
                   for r in self.report["rollback"]]
        events.append({"event": "publish", "time": time_now, "run": self.run_id, "dataset": key, "node": node,
                       "result": self.report["result"], "message": self.report["message"],
                       "record_id": self.job.record_id, "dry_run": self.report["dry_run"],
                       "layer": self.report["layer"], "verified": self.report["verified"]})
        self.report["log"] = publog.write(self.log_folder, key, events)

