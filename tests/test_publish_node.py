"""Publishing to a whole node laid out like Palapa (GeoServer REST double, QGIS Server behind its
OWS, the demo node's real pycsw behind /csw): the node's endpoints found from its base URL,
the layer checked from its WMS (rendered with the uploaded SLD) and WFS, the record found in
the catalogue with its links, re-published in place, and an override recorded in the lineage."""
import os

from lxml import etree

from fixtures_publish import catalogue_records
from sdi_plugin.core.publish import find_endpoints, isoxml, publish_dataset
from sdi_plugin.core.publish.csw import CswTarget
from sdi_plugin.core.publish.gate import GateResult
from sdi_plugin.core.publish.prepare import finalize_record, make_job
from sdi_plugin.core.publish.runner import PublishRun
from sdi_plugin.core.publish.api import build_targets


def _src(sample_data_dir):
    return "%s|layername=PEMERINTAHAN_PT_5K" % os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg")


def test_the_nodes_endpoints_are_found_from_its_base_url(gs_node, gs_auth):
    ep, auth = find_endpoints(gs_node.base_url, gs_auth)
    assert auth == gs_auth
    assert ep.geoserver_rest == gs_node.rest_url
    assert (ep.csw, ep.csw_read, ep.csw_flavour) == (gs_node.base_url + "/csw", gs_node.base_url + "/csw", "pycsw")
    assert ep.wms == ep.wfs == gs_node.base_url + "/geoserver/ows"
    assert ep.records == ""


def test_publish_verify_and_find_the_record(gs_node, gs_auth, sample_data_dir, tmp_path):
    src = _src(sample_data_dir)
    report = publish_dataset(src, gs_node.base_url, authcfg=gs_auth, log_folder=str(tmp_path), gate=False, timeout=30)
    assert report["result"] == "published", report["message"]
    checks = {c["check"]: c for c in report["verification"]}
    assert set(checks) == {"geoserver_layer", "wms", "wfs", "catalogue"}
    assert all(c["ok"] for c in checks.values()), [c for c in report["verification"] if not c["ok"]]
    assert checks["wfs"]["features"] == 104 and report["verified"]
    record_id = report["record_id"]
    assert record_id == "PEMRTH500020240517_KANTOR_LURAH_TANGERANG"   # the dataset's METADATA attribute
    # GeoServer's feature type links to the record; the record links to the layer's WMS and WFS
    link = gs_node.catalog.featuretypes[("simpul", "PEMERINTAHAN_PT_5K")]["metadataLinks"]["metadataLink"][0]
    assert link["content"] == report["links"]["record"] and "GetRecordById" in link["content"]
    stored = catalogue_records(gs_node.demo_node, canonical=False)[record_id]
    links = isoxml.online_resources(isoxml.load(stored.encode() if isinstance(stored, str) else stored))
    assert {(l["protocol"], l["name"]) for l in links} >= {("OGC:WMS", "simpul:PEMERINTAHAN_PT_5K"),
                                                           ("OGC:WFS", "simpul:PEMERINTAHAN_PT_5K")}
    # re-publish: the same record is updated, never a second one
    count = len(catalogue_records(gs_node.demo_node))
    again = publish_dataset(src, gs_node.base_url, authcfg=gs_auth, log_folder=str(tmp_path), gate=False,
                            timeout=30, overwrite=True, verify=False)
    assert again["result"] == "published", again["message"]
    assert [c["action"] for c in again["changes"] if c["target"] == "csw"] == ["update"]
    assert len(catalogue_records(gs_node.demo_node)) == count
    stored = catalogue_records(gs_node.demo_node, canonical=False)[record_id]
    root = isoxml.load(stored.encode() if isinstance(stored, str) else stored)
    assert len([l for l in isoxml.online_resources(root) if l["protocol"] == "OGC:WMS"]) == 1


def _gate(errors):
    findings = [{"rule": "kugi.fcode", "severity": "error", "feature_id": i, "message": "FCODE", "fix": ""}
                for i in range(errors)]
    return GateResult(validator="ran", errors=errors, findings=findings)


def test_gate_blocks_and_an_override_goes_into_the_lineage(gs_node, gs_auth, sample_data_dir, tmp_path):
    ep, auth = find_endpoints(gs_node.base_url, gs_auth)
    src = os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")
    job = make_job(src, ep, authcfg=auth)
    gate = _gate(3)
    finalize_record(job, isoxml.minimal_record(job.dataset, job.dataset.metadata_ref), gate.lineage_statement())
    before = gs_node.snapshot()
    blocked = PublishRun(job, build_targets(ep, auth), log_folder=str(tmp_path), verify=False).run(gate=gate)
    assert blocked["result"] == "blocked" and "3 validation error(s)" in blocked["message"]
    assert gs_node.snapshot() == before and job.record_id not in catalogue_records(gs_node.demo_node)
    gate.override_reason = "Data resmi dari Dinas PU; FCODE diperbaiki pada rilis berikutnya."
    job = make_job(src, ep, authcfg=auth)
    finalize_record(job, isoxml.minimal_record(job.dataset, job.dataset.metadata_ref), gate.lineage_statement())
    done = PublishRun(job, build_targets(ep, auth), log_folder=str(tmp_path), verify=False).run(gate=gate)
    assert done["result"] == "published", done["message"]
    assert done["gate"]["overridden"] and done["gate"]["errors"] == 3
    xml = CswTarget(gs_node.base_url + "/csw", "pycsw", auth).get_record(job.record_id)
    statement = etree.fromstring(xml).findtext(".//{*}LI_Lineage/{*}statement/{*}CharacterString")
    assert "Data resmi dari Dinas PU" in statement and "kugi.fcode" in statement and "3" in statement


def test_a_registered_nodes_url_brings_its_login(qgis_app):
    from qgis.core import QgsSettings
    from sdi_plugin.core.nodes.registry import Node, NodeRegistry
    from sdi_plugin.core.publish.endpoints import resolve_node
    s = QgsSettings()
    saved = s.value("simpul/nodes")
    try:
        s.remove("simpul/nodes")
        NodeRegistry().add(Node(name="Geoportal Banten", url="http://127.0.0.1:9/geo/", authcfg="bntn001"))
        assert resolve_node("http://127.0.0.1:9/geo") == ("http://127.0.0.1:9/geo", "bntn001")
        assert resolve_node("http://127.0.0.1:9/geo", "other01") == ("http://127.0.0.1:9/geo", "other01")
        assert resolve_node("http://127.0.0.1:9/lain") == ("http://127.0.0.1:9/lain", "")
        assert resolve_node("geoportal-banten") == ("http://127.0.0.1:9/geo", "bntn001")
    finally:
        s.setValue("simpul/nodes", saved) if saved else s.remove("simpul/nodes")
