"""The Metadata page: works without iface, generates, edits with a live completeness bar, imports,
saves beside the data and into the GeoPackage, syncs with QGIS layer metadata, fits a narrow dock."""
import json
import os
import shutil

import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtWidgets import QApplication

from metadata_util import DATA, open_layer

from sdi_plugin.core.metadata import iso_reader, storage
from sdi_plugin.gui.metadata_page import DEFAULTS_KEY, MetadataPage


@pytest.fixture
def project_layer(qgis_app, sample_data_dir, tmp_path):
    shutil.copy2(os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg"), tmp_path / "tangerang.gpkg")
    layer = open_layer(str(tmp_path / "tangerang.gpkg"), "SUNGAI_LN_10K")
    QgsProject.instance().addMapLayer(layer)
    defaults = tmp_path / "node.json"
    defaults.write_text(json.dumps({"organisation": "Bappeda Kota Tangerang", "email": "gis@tangerangkota.go.id"}),
                        encoding="utf-8")
    settings = QgsSettings()
    settings.setValue(DEFAULTS_KEY, str(defaults))
    yield layer
    settings.remove(DEFAULTS_KEY)
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture
def page(qgis_app):
    p = MetadataPage()             # no iface: the project is QgsProject.instance()
    p.resize(450, 900)
    p.show()
    QApplication.processEvents()
    yield p
    p.close()
    p.deleteLater()


def test_generate_edit_save_and_reload(page, project_layer):
    page.layer_combo.setLayer(project_layer)
    assert "Generate from layer" in page.status.text() and page.bar.value() < 100     # nothing saved yet
    record = page.generate()
    assert record is not None and page.bar.value() == 100
    assert page.form.title.text() == record.title and page.form.organisation.text() == "Bappeda Kota Tangerang"
    assert page.form.crs.text() == "EPSG:9488" and page.form.bbox["bbox_west"].text() == record.bbox_west
    assert "SUNGAI_LN" in page.form.kugi_keywords.text()

    page.form.abstract.setPlainText("")                  # an edit starts the debounced completeness update
    assert page._timer.isActive()
    page.update_completeness()
    abstract = page.form.profile.element("abstract")
    assert page.bar.value() < 100
    assert abstract.label_en in page.missing_label.text() or abstract.label_id in page.missing_label.text()
    page.form.abstract.setPlainText("Sungai di Kota Tangerang, skala 1:10.000.")
    page.form.title.setText("Sungai Kota Tangerang")
    assert page.update_completeness().complete

    where = page.save()
    assert where["sidecar"].endswith("tangerang_SUNGAI_LN_10K.xml") and where["table"] == "SUNGAI_LN_10K"
    saved = iso_reader.read_file(where["sidecar"])
    assert saved.title == "Sungai Kota Tangerang" and saved.abstract.startswith("Sungai di Kota")
    assert storage.load_for_layer(project_layer) == saved

    page.set_record(iso_reader.read_bytes(b"<gmd:MD_Metadata xmlns:gmd='http://www.isotc211.org/2005/gmd'/>"))
    assert page.bar.value() < 100
    page.layer_changed(project_layer)                    # picking the layer again loads what was saved
    assert page.form.title.text() == "Sungai Kota Tangerang" and page.bar.value() == 100


def test_form_round_trip_keeps_what_it_does_not_show(page, project_layer):
    page.layer_combo.setLayer(project_layer)
    record = page.generate()
    assert page.record() == record                       # nothing lost or invented by the widgets
    imported = page.import_xml(os.path.join(DATA, "inspire_iso19139.xml"))
    assert imported is not None
    again = page.record()
    assert again.keywords == imported.keywords and again.conformance == imported.conformance
    assert again.contacts == imported.contacts and again.online_resources == imported.online_resources


def test_import_reports_schema_problems_and_refuses_hostile(page, tmp_path):
    # pycsw_iso19139.xml is written for the 2006 schema release and follows it (issue 12): a copy with
    # a misspelt element does not
    good = open(os.path.join(DATA, "pycsw_iso19139.xml"), "rb").read()
    assert page.import_xml(os.path.join(DATA, "pycsw_iso19139.xml")) is not None
    assert "schema" not in page.status.text()
    bad = tmp_path / "bad.xml"
    bad.write_bytes(good.replace(b"<gmd:dateStamp>", b"<gmd:dateStampX>").replace(b"</gmd:dateStamp>",
                                                                                 b"</gmd:dateStampX>"))
    record = page.import_xml(str(bad))
    assert record is not None and page.form.title.text() == "Land cover 2019 (example)"
    assert "schema" in page.status.text()
    evil = tmp_path / "evil.xml"
    evil.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    assert page.import_xml(str(evil)) is None and "entities" in page.status.text()
    assert page.form.title.text() == "Land cover 2019 (example)"   # the form keeps what it had


def test_import_of_a_record_owslib_cannot_read_says_so(page):
    """Issue 12: a real INSPIRE record shape (gmd:PT_Locale without characterEncoding) made OWSLib
    raise; the page imports it and says what could not be read, never a Python error."""
    path = os.path.join(os.path.dirname(DATA), "realworld", "records", "inspire_national_1.xml")
    from lxml import etree
    from owslib.iso import MD_Metadata
    try:   # OWSLib 0.27 (Debian 12) raises on it; newer OWSLib (0.33, Debian 13) reads it
        MD_Metadata(etree.parse(path).getroot())
        owslib_raises = False
    except AttributeError:
        owslib_raises = True
    record = page.import_xml(path)
    assert record is not None and page.form.title.text() == record.title != ""
    assert "Traceback" not in page.status.text()
    assert ("OWSLib" in page.status.text()) == owslib_raises   # said exactly when it happened


def test_sync_with_qgis_layer_metadata(page, project_layer):
    page.layer_combo.setLayer(project_layer)
    page.generate()
    page.form.title.setText("Judul dari Simpul")
    md = page.to_qgis()
    assert project_layer.metadata().title() == "Judul dari Simpul"
    assert md.identifier() == page.form.file_identifier.text()
    changed = project_layer.metadata()
    changed.setAbstract("Abstrak yang diubah di QGIS")
    project_layer.setMetadata(changed)
    page.from_qgis()
    assert page.form.abstract.toPlainText() == "Abstrak yang diubah di QGIS"
    assert page.form.title.text() == "Judul dari Simpul"


def test_kugi_keyword_help(page, project_layer):
    page.layer_combo.setLayer(project_layer)
    page.kugi_menu.aboutToShow.emit()
    texts = [a.text() for a in page.kugi_menu.actions() if a.text()]
    assert "DA02070010" in texts                         # the layer's own FCODE first
    page.form.kugi_keywords.setText("")
    next(a for a in page.kugi_menu.actions() if a.text() == "DA02070010").trigger()
    assert page.form.kugi_keywords.text() == "DA02070010" and page.form.topic.currentData() == "inlandWaters"
    categories = next(a for a in page.kugi_menu.actions() if a.menu() is not None).menu()
    assert len(categories.actions()) == 14


def test_defaults_file_errors_are_shown_not_raised(page, project_layer, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"organization": "x"}', encoding="utf-8")
    assert page.choose_defaults(str(bad)) is None and "organisation" in page.status.text()


def test_fits_a_narrow_dock(page, project_layer):
    page.layer_combo.setLayer(project_layer)
    page.generate()
    for width in (420, 470):
        page.resize(width, 800)
        QApplication.processEvents()
        assert page.minimumSizeHint().width() <= width
        body = page.form.widget()
        assert body.minimumSizeHint().width() <= page.form.viewport().width(), width   # no sideways scrolling
        assert not page.form.horizontalScrollBar().isVisible()


def test_buttons_follow_the_layer(page, project_layer):
    page.layer_combo.setLayer(None)
    QApplication.processEvents()
    assert not page.save_button.isEnabled() and page.save() is None and page.generate() is None
    page.layer_combo.setLayer(project_layer)
    assert page.save_button.isEnabled() and page.generate_button.isEnabled()


@pytest.mark.parametrize("name", ["arcgis_iso19139.xml", "geonetwork_iso19139.xml", "palapa_like.xml",
                                  "geonetwork_iso19115-3.xml"])
def test_form_gives_back_every_imported_record_unchanged(page, name):
    imported = page.import_xml(os.path.join(DATA, name))
    assert page.record() == imported


def test_form_does_not_invent_a_date_or_drop_a_classification(page):
    from sdi_plugin.core.metadata.model import MetadataRecord
    page.set_record(MetadataRecord(title="x", resource_classification="secret", classification="secret"))
    r = page.record()
    assert r.dates == [] and r.classification == "secret"
    page.form.ref_date.setDate(page.form.ref_date.date().addDays(-1))
    assert len(page.record().dates) == 1
    page.form.access.setCurrentIndex(page.form.access.findData("PRIVATE"))
    r = page.record()
    assert (r.classification, r.classification_note, r.resource_classification) == ("confidential", "PRIVATE",
                                                                                     "confidential")


def test_bbox_fields_take_iso_decimals_in_an_indonesian_locale(qgis_app):
    from qgis.PyQt.QtCore import QLocale
    from qgis.PyQt.QtGui import QValidator
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Indonesian, QLocale.Indonesia))
    try:
        page = MetadataPage()
        edit = page.form.bbox["bbox_west"]
        assert edit.validator().validate("106.5763078", 0)[0] == QValidator.Acceptable
        assert edit.validator().validate("-6,2", 0)[0] != QValidator.Acceptable
        page.deleteLater()
    finally:
        QLocale.setDefault(old)
