"""Simpul in the real QGIS desktop (under Xvfb when there is no display): it loads from a
fresh profile, and load → unload → load leaves QGIS clean: no leftover actions, docks,
providers, tasks or threads."""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import qgis_desktop  # noqa: E402


def test_load_unload_load_is_clean(tmp_path, monkeypatch):
    qgis_desktop.make_profile(str(tmp_path), nodes=[{"name": "Simpul Uji", "url": "http://127.0.0.1:9"}],
                              language="en")
    out = tmp_path / "result.json"
    monkeypatch.setenv("SIMPUL_TEST_OUT", str(out))
    code = qgis_desktop.run_qgis(str(tmp_path), os.path.join(ROOT, "tests", "desktop", "lifecycle.py"),
                                 log=str(tmp_path / "qgis.log"))
    assert out.exists(), "QGIS ended (status %s) without a result; log:\n%s" % (
        code, (tmp_path / "qgis.log").read_text()[-3000:])
    result = json.loads(out.read_text())
    assert "error" not in result, result.get("error")
    steps = result["steps"]
    loaded = steps["start"]
    assert loaded["active"] and loaded["docks"] == 1 and loaded["provider"]
    assert loaded["web_menu_simpul"] == ["&Simpul SDI"]
    assert loaded["menu_actions"] == ["SimpulShowPanel"]
    assert loaded["toolbar_actions"] == ["SimpulShowPanel"]
    assert loaded["all_panel_actions"] == 1
    assert {"sdi:nodeinfo", "sdi:generatemetadata", "sdi:checkmetadata"} <= set(loaded["algorithms"])
    for name in ("unloaded", "unloaded_again"):
        gone = steps[name]
        assert not gone["active"]
        assert gone["docks"] == 0 and gone["all_panel_actions"] == 0
        assert gone["web_menu_simpul"] == [] and gone["toolbar_actions"] == []
        assert not gone["provider"] and gone["algorithms"] == []
        assert gone["tasks"] == loaded["tasks"]
        assert gone["threads"] <= loaded["threads"]
    for name in ("reloaded", "final"):
        again = {k: v for k, v in steps[name].items() if k != "threads"}
        assert again == {k: v for k, v in loaded.items() if k != "threads"}
        assert steps[name]["threads"] <= loaded["threads"]


    # Language switch from the panel's settings button: at once, one dock, nothing left over.
    assert result["tabs_before"] == ["Discover", "Validate", "Metadata", "Publish", "Training"]
    assert result["tabs_id"] == ["Temukan", "Validasi", "Metadata", "Publikasi", "Latihan"]
    assert result["tabs_en"] == ["Discover", "Validate", "Metadata", "Publish", "Training"]
    after = {k: v for k, v in steps["after_language"].items() if k != "threads"}
    assert after == {k: v for k, v in loaded.items() if k != "threads"}
