"""Fault injection: the node fails at each step of a publish in turn — HTTP 500, the connection
dropped mid-request (mid-upload for the data), a timeout (the node does the work and never
answers), 401 — and each time the node is left exactly as it was (its REST catalogue, the
files it holds, its catalogue records are compared before and after), the user gets the
node's own words and never "published", and a rerun succeeds."""
import os

import pytest

from fixtures_publish import catalogue_records
from sdi_plugin.core.publish import publish_dataset
from sdi_plugin.core.publish.model import Endpoints

KINDS = ("500", "drop", "timeout", "401")
FAST = 1.5   # seconds without progress before a request is given up (the timeout faults wait this long)

# The steps of a first publish (the workspace exists, as on a Palapa node), as (method, path pattern, body).
FIRST = [
    ("upload", "PUT", r"/datastores/[^/]+/file\.gpkg$", None),
    ("featuretype", "POST", r"/featuretypes$", None),
    ("style", "POST", r"/workspaces/[^/]+/styles$", None),
    ("layer", "PUT", r"^/layers/", None),
    ("record", "POST", r"^/csw$", "csw:Insert"),
]
# … and of a re-publish that overwrites (snapshots are taken before each change).
AGAIN = [
    ("store snapshot", "GET", r"/datastores/[^/]+/file\.gpkg$", None),
    ("upload", "PUT", r"/datastores/[^/]+/file\.gpkg$", None),
    ("featuretype", "PUT", r"/featuretypes/[^/]+$", None),
    ("style", "PUT", r"/workspaces/[^/]+/styles/[^/]+$", None),
    ("layer", "PUT", r"^/layers/", None),
    ("record", "POST", r"^/csw$", "csw:Update"),
]


def _source(sample_data_dir):
    # a one-table GeoPackage (uploaded as it is) whose record the demo catalogue does not hold yet
    return os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")


def _state(node):
    return node.snapshot(), catalogue_records(node.demo_node)


def _publish(node, auth, src, log, timeout=FAST, overwrite=False):
    # the node's endpoints as detection finds them (tests/test_publish_node.py), given here to save time
    ep = Endpoints(base_url=node.base_url, geoserver_rest=node.rest_url, csw=node.base_url + "/csw",
                   csw_read=node.base_url + "/csw", csw_flavour="pycsw")
    return publish_dataset(src, authcfg=auth, endpoints=ep, log_folder=log, gate=False, verify=False,
                           timeout=timeout, overwrite=overwrite)


def _check_failed_cleanly(report, before, node, kind, step):
    assert report["result"] == "failed", (step, kind, report["message"])
    assert "published" not in report["message"].lower().split(":")[0]
    assert "Traceback" not in report["message"]
    assert _state(node) == before, "the node changed after a %s at step %s" % (kind, step)
    assert all(r["result"] == "done" for r in report["rollback"]), report["rollback"]
    if kind == "500" and step != "record":
        assert "simulated failure (fault injection)" in report["message"]   # the server's own words
    if kind == "401":
        assert "401" in report["message"]


@pytest.mark.parametrize("step,method,pattern,body", FIRST, ids=[s[0] for s in FIRST])
def test_first_publish_fault_leaves_node_as_it_was(gs_node, gs_auth, sample_data_dir, tmp_path, step, method,
                                                   pattern, body):
    gs_node.add_workspace("simpul")
    src = _source(sample_data_dir)
    before = _state(gs_node)
    for kind in KINDS:
        gs_node.fail(method, pattern, kind, body_contains=body)
        report = _publish(gs_node, gs_auth, src, str(tmp_path))
        _check_failed_cleanly(report, before, gs_node, kind, step)
        gs_node.faults.clear()
    again = _publish(gs_node, gs_auth, src, str(tmp_path), timeout=30)
    assert again["result"] == "published", again["message"]


@pytest.mark.parametrize("step,method,pattern,body", AGAIN, ids=[s[0] for s in AGAIN])
def test_republish_fault_restores_what_was_there(gs_node, gs_auth, sample_data_dir, tmp_path, step, method,
                                                 pattern, body):
    src = _source(sample_data_dir)
    first = _publish(gs_node, gs_auth, src, str(tmp_path), timeout=30)
    assert first["result"] == "published", first["message"]
    before = _state(gs_node)
    for kind in KINDS:
        gs_node.fail(method, pattern, kind, body_contains=body)
        report = _publish(gs_node, gs_auth, src, str(tmp_path), overwrite=True)
        _check_failed_cleanly(report, before, gs_node, kind, step)
        gs_node.faults.clear()
    again = _publish(gs_node, gs_auth, src, str(tmp_path), timeout=30, overwrite=True)
    assert again["result"] == "published", again["message"]
