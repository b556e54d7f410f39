"""The dataset that travels through the panel (issue 13, items 2–6), offscreen with real PyQGIS:
the current-dataset state; Validate → Fix (feature-type picker, field map, new file) replacing the
raw layer and re-validating; Metadata preselecting it, naming the form's own labels, jumping to
the field, asking the organisation once per node; Publish disabled while the gate refuses and no
reason is written, the result as a checklist; the flow strip of the dock."""
import hashlib
import os

import pytest
from qgis.core import QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtWidgets import QApplication
from qtwait import wait_for

import raw_data
from sdi_plugin.core.runtime.flow import CurrentDataset

RAW_NAME = "persil_desa_x"


def _md5(folder, prefix):
    """The files of one dataset (names starting with ``prefix``), names and bytes."""
    h = hashlib.md5()
    for name in sorted(n for n in os.listdir(folder) if n.startswith(prefix)):
        with open(os.path.join(folder, name), "rb") as fh:
            h.update(name.encode() + fh.read())
    return h.hexdigest()


@pytest.fixture
def raw_layer(qgis_app, tmp_path):
    os.makedirs(str(tmp_path / "raw"))
    path = raw_data.make_persil(str(tmp_path / "raw")).path
    layer = QgsVectorLayer(path, "persil_desa_x", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer, path
    QgsProject.instance().removeAllMapLayers()
    s = QgsSettings()
    s.remove("simpul/metadata/node")


def test_current_dataset_prefers_the_fixed_copy(qgis_app):
    cur = CurrentDataset()
    seen = []
    cur.changed.connect(lambda: seen.append(dict(cur.steps)))
    cur.mark("validated", layer_id="raw", path="/d/raw.shp", errors=13)
    assert cur.prefer([("raw", "/d/raw.shp"), ("other", "/d/o.gpkg")]) == ("raw", "/d/raw.shp")
    cur.mark("fixed", layer_id="new", path="/d/NEW.gpkg")
    assert cur.fixed_copy("/d/raw.shp") == "/d/NEW.gpkg" and cur.is_superseded("/d/raw.shp")
    assert set(cur.steps) == {"validated", "fixed"}          # the fix keeps the dataset's history
    # the raw file is never the default once its fixed copy exists
    cur.layer_id, cur.path = "", ""
    assert cur.prefer([("raw", "/d/raw.shp"), ("new", "/d/NEW.gpkg")]) == ("new", "/d/NEW.gpkg")
    cur.mark("validated", layer_id="new", path="/d/NEW.gpkg", errors=0)
    cur.set_dataset("x", "/d/x.gpkg")                         # another dataset: its own steps
    assert cur.steps == {} and len(seen) == 4
    with pytest.raises(ValueError):
        cur.mark("bogus")


def test_fix_in_the_panel_replaces_the_raw_layer_and_revalidates(raw_layer):
    from sdi_plugin.gui.validate_page import ValidatePage
    layer, path = raw_layer
    before = _md5(os.path.dirname(path), RAW_NAME)
    cur = CurrentDataset()
    page = ValidatePage()
    page.set_current(cur)
    page.resize(440, 700)
    page.show()
    try:
        assert page.checked_layer_ids() == [layer.id()]        # the only layer: ticked for you
        page.run()
        assert wait_for(lambda: page.task is None and page.report is not None, 120000)
        assert cur.state("validated")["errors"] > 0 and page.btn_fix.isEnabled()
        rules = {f.rule for f in page.report.results[0].findings}
        assert {"text.encoding", "geom.valid", "crs.accepted", "kugi.required_attribute"} <= rules

        dlg = page.fix_dialog(0)
        # suggestions first, the best one chosen; the new file beside the source, named after the type
        assert dlg.feature_type().fcode == "LA03100010"
        assert dlg.types.item(1).text().startswith("★ PERSIL_AR_1K")
        assert dlg.output_path() == os.path.join(os.path.dirname(path), "PERSIL_AR_1K.gpkg")
        assert ("nama", "NAMOBJ") in dlg.field_pairs() and ("kecamatan", "WADMKC") in dlg.field_pairs()
        dlg.search.setText("kecamatan")                        # searchable: name matches first
        dlg._refill_types()
        first = dlg.types.item(0).data(0x0100)
        assert first is not None and first.layer.startswith("ADMINISTRASIKECAMATAN")
        dlg.search.setText("jalan")                            # a line type: not for polygons, and it says so
        dlg._refill_types()
        assert dlg.types.count() == 0 and "jalan" in dlg.notes.text()
        assert dlg.select_fcode("LA03100010") and dlg.feature_type().fcode == "LA03100010"
        assert dlg.set_source_for("REMARK", "jenis") and ("jenis", "REMARK") in dlg.field_pairs()
        assert dlg.set_source_for("REMARK", "")
        dlg.output.setFilePath(path)                           # never the source
        dlg._accept()
        assert not dlg.result() and "source" in dlg.notes.text()

        page.start_fix(0, "LA03100010", dlg.field_pairs(), os.path.join(os.path.dirname(path), "PERSIL_AR_1K.gpkg"))
        assert wait_for(lambda: cur.state("fixed") is not None and page.fix_task is None and page.task is None,
                        180000)
        layers = list(QgsProject.instance().mapLayers().values())
        assert [lyr.name() for lyr in layers] == ["PERSIL_AR_1K"]   # in place of the raw layer
        fixed = layers[0]
        assert cur.layer_id == fixed.id() and cur.is_superseded(path)
        assert page.checked_layer_ids() == [fixed.id()]
        errors = [f for r in page.report.results for f in r.findings if f.severity == "error"]
        assert [f.rule for f in errors] == ["meta.complete"]   # validated again at once: only the contact left
        assert not page.btn_fix.isEnabled()                    # nothing left the Fix repairs
        assert _md5(os.path.dirname(path), RAW_NAME) == before   # the source: not a byte changed, no file added
        names = {f["NAMOBJ"] for f in fixed.getFeatures()}
        assert {"Jl. Sudirman – Tanah Grogot", "Ma’ruf", "Café"} <= names
        assert {f["FCODE"] for f in fixed.getFeatures()} == {"LA03100010"}

        # the metadata finding leads to the Metadata page's field
        row = next(i for i in range(page.table.topLevelItemCount())
                   if page.report.results[0].findings[page.table.topLevelItem(i).data(0, 0x0100)[1]].severity == "error")
        asked = []
        page.gotoMetadata.connect(asked.append)
        page.table.setCurrentItem(page.table.topLevelItem(row))
        assert page.btn_fix_finding.isVisibleTo(page)
        page.btn_fix_finding.click()
        assert asked == ["metadata_contact"]
    finally:
        page.shutdown()
        page.deleteLater()


def test_metadata_follows_the_dataset_names_form_labels_and_asks_once(raw_layer, tmp_path):
    from sdi_plugin.core.metadata.generate import generate
    from sdi_plugin.gui.contact_dialog import remember, remembered
    from sdi_plugin.gui.metadata_page import MetadataPage
    layer, path = raw_layer
    cur = CurrentDataset()
    other = QgsVectorLayer(path, "another", "ogr")
    QgsProject.instance().addMapLayer(other)
    page = MetadataPage()
    page.set_current(cur)
    page.resize(450, 900)
    page.show()
    QApplication.processEvents()
    try:
        assert page.layer() is not None                        # the list does not start empty
        cur.mark("validated", layer_id=other.id(), path=path, errors=3)
        assert page.layer() is other                           # it follows the current dataset
        page.generate()
        page.form.organisation.setText("")
        page.form.topic.setCurrentIndex(page.form.topic.findData("planningCadastre"))   # raw data: no KUGI topic
        page.update_completeness()
        assert page.missing_names() == ["Organisation"]        # the form's label, not "Metadata point of contact"
        assert "href='metadata_contact'" in page.missing_label.text()
        assert page.form_focus("metadata_contact") and page.form.organisation.hasFocus()

        cur.node = "simpul-uji"
        page.ask_contact = False                               # nothing remembered and no asking: saved as it is
        assert page.ask_contact_once() is None
        remember("simpul-uji", {"organisation": "Bappeda Kabupaten Paser", "individual": "Ahmad",
                                "email": "gis@paserkab.go.id", "place": "Kabupaten Paser"})
        assert remembered("simpul-uji")["organisation"] == "Bappeda Kabupaten Paser"
        assert remembered("another-node") == {}                # per node
        page.generate()
        page.form.organisation.setText("")
        page.form.topic.setCurrentIndex(page.form.topic.findData("planningCadastre"))
        auto_title = generate(other, page._defaults(with_node=False)).title
        page.form.title.setText(auto_title)
        where = page.save()                                    # remembered: filled in without asking
        assert where is not None and page.update_completeness().complete
        assert page.form.organisation.text() == "Bappeda Kabupaten Paser" and page.form.email.text()
        title = page.form.title.text()
        assert "Kabupaten Paser" in title and title.rstrip()[-4:].isdigit()
        assert cur.state("described")["complete"]
        keys = [k for k in QgsSettings().allKeys() if k.startswith("simpul/metadata/node/")]
        assert keys and not any("pass" in k.lower() or "auth" in k.lower() for k in keys)
    finally:
        page.shutdown()
        page.close()
        page.deleteLater()


def test_contact_dialog_needs_the_organisation(qgis_app):
    from sdi_plugin.gui.contact_dialog import ContactDialog
    dlg = ContactDialog("Simpul Uji", {"place": "Kota Tangerang"})
    dlg._accept()
    assert not dlg.result()                                   # no organisation: stays open
    dlg.fields["organisation"].setText("Bappeda Kota Tangerang")
    dlg._accept()
    assert dlg.result() and dlg.values()["organisation"] == "Bappeda Kota Tangerang"
    assert dlg.values()["place"] == "Kota Tangerang"


def _planned(errors):
    verdict = "2 validation error(s) block publishing" if errors else "No validation errors."
    return {"result": "planned", "dry_run": True, "message": "Dry run", "links": {}, "verification": [],
            "changes": [{"resource": "featuretype", "name": "simpul:PERSIL_AR_1K", "action": "create",
                         "result": "planned"}],
            "gate": {"validator": "ran", "errors": errors, "warnings": 0, "infos": 0, "blocked": bool(errors),
                     "verdict": verdict}}


def test_publish_waits_for_a_reason_and_shows_a_checklist(qgis_app):
    from sdi_plugin.gui.publish_page import PublishPage
    page = PublishPage()
    page.resize(450, 700)
    page.show()
    try:
        page.show_report(_planned(errors=2))
        assert not page.btn_publish.isEnabled()               # the gate refuses, no reason written
        assert page.reason.isVisibleTo(page)
        page.reason.setText("Data darurat bencana, diperbaiki minggu depan")
        assert page.btn_publish.isEnabled()
        page.reason.setText("  ")
        assert not page.btn_publish.isEnabled()
        page.reason.setText("")
        page.show_report(_planned(errors=0))
        assert page.btn_publish.isEnabled()
        assert page.plan.topLevelItem(0).text(0) == "Feature type"
        published = dict(_planned(errors=0), result="published", dry_run=False, record_id="abc",
                         layer="simpul:PERSIL_AR_1K",
                         links={"wms": "http://n/ows", "wfs": "http://n/ows", "wms_layer": "PERSIL_AR_1K",
                                "wfs_typename": "PERSIL_AR_1K", "record": "http://n/csw?id=abc"},
                         verification=[{"check": "geoserver_layer", "ok": True}, {"check": "wms", "ok": True},
                                       {"check": "wfs", "ok": False, "message": "0 features"},
                                       {"check": "catalogue", "ok": True}])
        page.report = published
        page.show_report(published)
        assert page.checklist_state() == [("layer", True), ("wms", True), ("wfs", False), ("catalogue", True)]
        grid = page.check_grid
        beside = {grid.itemAtPosition(r, 2).widget() for r in range(grid.rowCount())
                  if grid.itemAtPosition(r, 2) is not None}
        assert beside == {page.btn_wms, page.btn_wfs}         # Load beside the WMS and WFS rows
        assert page.btn_wms.isVisibleTo(page) and page.btn_wfs.isVisibleTo(page)
        assert grid.itemAtPosition(1, 2).widget() is page.btn_wms
        assert "0 features" in grid.itemAtPosition(2, 1).widget().text()
        assert page.checklist.y() < page.plan.y()             # above the plan: in view after a publish
    finally:
        page.shutdown()
        page.deleteLater()


def test_flow_strip_shows_the_steps_and_opens_their_pages(qgis_app):
    from sdi_plugin.core.paths import ICON
    from sdi_plugin.gui.dock import SimpulDock
    dock = SimpulDock(ICON)
    try:
        strip = dock.flow
        assert [s for s, _l, done, _t in strip.state_texts()] == ["validated", "fixed", "described", "published"]
        assert not any(done for _s, _l, done, _t in strip.state_texts())
        dock.current.mark("validated", layer_id="x", path="/d/x.gpkg", errors=0, warnings=1)
        dock.current.mark("described")
        done = {s: d for s, _l, d, _t in strip.state_texts()}
        assert done == {"validated": True, "fixed": False, "described": True, "published": False}
        assert "✔" in strip.steps.text() and "x.gpkg" in strip.name.text()
        strip.stepClicked.emit("described")
        assert dock.tabs.currentWidget() is dock.metadata
        strip.stepClicked.emit("fixed")
        assert dock.tabs.currentWidget() is dock.validate
    finally:
        dock.shutdown()
        dock.deleteLater()
