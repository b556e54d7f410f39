"""The local publish log: one JSON-lines file per dataset in a folder the caller chooses.

Each line is one event — a remote change (what, where, when, result) or the summary of a
run — so a technician can always answer "what did I send to the node, and did it work?"::

    {"time": "2026-11-22T08:00:00+00:00", "run": "20261122T080000-3f2a", "event": "change",
     "dataset": "/data/tangerang.gpkg|layername=JALAN_LN_10K", "node": "https://…",
     "target": "geoserver", "resource": "featuretype", "name": "simpul:JALAN_LN_10K",
     "action": "create", "url": "https://…/rest/…", "result": "done", "message": ""}
    {"time": …, "run": …, "event": "publish", "dataset": …, "node": …, "result": "published",
     "message": "…", "record_id": "…", "dry_run": false}

Nothing secret is written: no credentials, only the authcfg id; every string (the dataset's
source above all) passes through ``secrets.redact``, the file name too.
"""
import json
import os
import re
from datetime import datetime, timezone

from qgis.core import QgsApplication

from ..network.secrets import redact, redact_all


def default_folder():
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "simpul", "publish-log")


def log_path(folder, dataset_key):
    """The log file of one dataset: a readable, safe file name from its source."""
    key = redact(dataset_key).replace("|layername=", "__")
    base = re.sub(r"[^A-Za-z0-9_.-]+", "_", key).strip("_")[-120:] or "dataset"
    return os.path.join(folder, base + ".jsonl")


def now():
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def write(folder, dataset_key, events):
    """Append ``events`` (dicts) to the dataset's log; returns the file's path ('' if it cannot be written)."""
    if not folder:
        return ""
    try:
        os.makedirs(folder, exist_ok=True)
        path = log_path(folder, dataset_key)
        if os.path.exists(path) and not _is_log(path):
            return ""          # a file of the user's with that name: never appended to
        with open(path, "a", encoding="utf-8") as fh:
            for event in events:
                fh.write(json.dumps(redact_all(event), ensure_ascii=False) + "\n")
        return path
    except OSError:
        return ""


def _is_log(path):
    """An earlier publish log (JSON lines) or an empty file."""
    if not os.path.isfile(path):
        return False
    with open(path, "rb") as fh:
        head = fh.read(64).lstrip()
    return not head or head.startswith(b'{"')


def read(folder, dataset_key):
    """The events logged for a dataset, oldest first."""
    path = log_path(folder, dataset_key)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
