"""The whole chain on a Palapa-like node: a planted-defect dataset is refused by the validation
gate, fixed with sdi:fixdataset, published with its SLD and a generated ISO record, found again
through Discover's catalogue search, and loaded back from the node's WMS and WFS."""
import json
import os

import processing

from sdi_plugin.core.catalog.query import SearchQuery
from sdi_plugin.core.catalog.search import search_nodes
from sdi_plugin.core.nodes.registry import Node
from sdi_plugin.core.publish import publish_dataset
from sdi_plugin.core.publish.verify import check_wfs, check_wms

DEFAULTS = {"node_code": "3600", "node_name": "Simpul Jaringan Provinsi Banten (uji)",
            "organisation": "Bappeda Provinsi Banten", "individual": "Teknisi GIS", "position": "Analis data spasial",
            "email": "simpul@bappeda.bantenprov.go.id", "phone": "+62 254 000000", "address": "Jl. Syekh Nawawi",
            "city": "Serang", "region": "Banten", "postal_code": "42171", "url": "https://bappeda.bantenprov.go.id",
            "topic_category": "inlandWaters"}


def test_refused_fixed_published_found_and_loaded(sdi_provider, gs_node, gs_auth, sample_data_dir, tmp_path):
    defaults = tmp_path / "node_defaults.json"
    defaults.write_text(json.dumps(DEFAULTS))
    kw = dict(authcfg=gs_auth, log_folder=str(tmp_path / "log"), timeout=30, metadata_defaults=str(defaults))
    defective = os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg")
    before = gs_node.snapshot()

    refused = publish_dataset(defective, gs_node.base_url, **kw)
    assert refused["result"] == "blocked", refused["message"]
    assert refused["gate"]["validator"] == "ran" and "kugi.srs_id" in refused["gate"]["verdict"]
    assert gs_node.snapshot() == before

    fixed = str(tmp_path / "SUNGAI_LN_10K.gpkg")
    out = processing.run("sdi:fixdataset", {"INPUT": defective, "OUTPUT": fixed})
    assert out["SRS_ID_FILLED"] == 6

    report = publish_dataset(fixed, gs_node.base_url, **kw)
    assert report["result"] == "published", (report["message"], report["gate"])
    assert report["verified"], report["verification"]
    assert report["metadata"]["source"] == "generated"
    record_id = report["record_id"]
    style = gs_node.catalog.styles[("simpul", "SUNGAI_LN_10K")]
    assert b"LineSymbolizer" in style["body"]

    node = Node(name="Geoportal uji", url=gs_node.base_url, authcfg=gs_auth,
                services=[{"kind": "CSW", "url": gs_node.base_url + "/csw", "version": "2.0.2"}])
    found = search_nodes(SearchQuery(text="SUNGAI_LN_10K"), [node], timeout=20)
    ours = [r for r in found.records if r.identifier == record_id]
    assert ours, [r.identifier for r in found.records]
    links = {l.protocol: l for l in ours[0].links}
    assert {"OGC:WMS", "OGC:WFS"} <= set(links)
    wms = check_wms(links["OGC:WMS"].url, [links["OGC:WMS"].name], None, gs_auth)
    wfs = check_wfs(links["OGC:WFS"].url, [links["OGC:WFS"].name], 6, gs_auth)
    assert wms["ok"] and wfs["ok"], (wms, wfs)
