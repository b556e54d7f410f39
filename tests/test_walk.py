"""The walk of issue 13 in the real QGIS desktop (Xvfb, 1366×768, Indonesian): a raw parcel
shapefile (DGN95 / UTM 50S, a non-KUGI name, lowercase fields, cp1252 without .cpg, two bow-ties)
→ Validate → Fix → Metadata → Publish on the embedded demo node, through the real widgets,
counting the user's actions. The count may not grow unseen: at most 15, no override reason, and
the published layer — followed from outside Simpul with a plain WFS GetFeature — carries FCODE,
SRS_ID and METADATA, with its text intact."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import walk  # noqa: E402

MAX_ACTIONS = 15


def test_raw_dataset_to_verified_published_layer_in_at_most_15_actions(tmp_path):
    shots = os.environ.get("SIMPUL_WALK_SHOTS", "")
    result = walk.run_walk(str(tmp_path / "walk"), shots=shots)
    assert not result["error"], result["error"] + "\n" + "\n".join(result["log"])
    n = result["actions"]
    print("\n".join(result["log"]))
    print("walk: %d actions" % n)
    assert n <= MAX_ACTIONS, "the walk took %d actions (at most %d):\n%s" % (n, MAX_ACTIONS, "\n".join(result["log"]))

    data = result["data"]
    assert data["raw_errors"] > 0                            # the raw dataset did not validate
    assert data["suggested"] == "LA03100010"                 # PERSIL_AR_1K, suggested, not typed
    assert os.path.basename(data["output"]) == "PERSIL_AR_1K.gpkg"   # suggested, beside the source
    assert data["fixed_rules"] == ["meta.complete"]          # after the fix only the organisation is missing
    assert data["missing_before"] == ["Organisasi"]          # the form's own label
    assert data["complete"] and "Kabupaten Paser" in data["title"] and data["title"][-4:].isdigit()

    report = data["report"]
    assert report["result"] == "published" and report["verified"], report["message"]
    gate = report["gate"]
    assert gate["validator"] == "ran" and gate["errors"] == 0 and not gate["override_reason"]
    assert data["override_reason"] == ""
    assert dict(data["checklist"]) == {"layer": True, "wms": True, "wfs": True, "catalogue": True}
    assert data["checklist_visible"]                         # in view at 1366×768, not below the fold
    assert set(data["flow"]["steps"]) == {"validated", "fixed", "described", "published"}
    assert data["flow"]["steps"]["validated"]["errors"] == 0

    served = result["published_check"]
    assert served["count"] == 5, served
    for props in served["properties"]:
        assert props["FCODE"] == "LA03100010" and props["SRS_ID"] and props["METADATA"] == report["record_id"]
    names = {p["NAMOBJ"] for p in served["properties"]}
    assert {"Jl. Sudirman – Tanah Grogot", "Ma’ruf", "Café", "Tanah Ulayat Ma’ruf"} <= names
