"""The Metadata page of the Simpul dock: pick a layer, generate its ISO 19139 record, edit it in
the profile's form with a live completeness bar, import XML, save it beside the data (and into
the GeoPackage), and keep it in step with QGIS's own layer metadata."""
import datetime
import html

from qgis.core import Qgis, QgsMessageLog, QgsProject, QgsSettings
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (QFileDialog, QGridLayout, QLabel, QMenu, QProgressBar, QPushButton, QToolButton,
                                 QVBoxLayout, QWidget)

from ..compat import LayerFilter
from ..core.i18n import tr
from ..core.metadata import storage
from ..core.metadata.check import check_metadata_file, label, record_completeness
from ..core.metadata.defaults import DefaultsError, load_defaults
from ..core.metadata.generate import generate, load_kugi_metadata, refresh_from_layer
from ..core.metadata.iso_reader import MetadataError, read_file
from ..core.metadata.iso_writer import to_bytes
from ..core.metadata.model import MetadataRecord
from ..core.metadata.qgis_metadata import from_layer_metadata, to_layer_metadata
from ..core.standards import StandardsError, load_kugi
from .metadata_form import MetadataForm

LOG_TAG = "Simpul"
DEFAULTS_KEY = "simpul/metadata/defaults_path"
LAST_DIR_KEY = "simpul/metadata/last_dir"
DEBOUNCE_MS = 250


class MetadataPage(QWidget):
    """The Metadata tab. ``message(text, Qgis.MessageLevel)`` reports what happened;
    ``recordChanged`` fires after every edit (the record is :meth:`record`)."""

    message = pyqtSignal(str, int)
    recordChanged = pyqtSignal()

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.setObjectName("SimpulMetadataPage")
        self.iface = iface
        self.project = QgsProject.instance()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)

        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(LayerFilter.VectorLayer)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setToolTip(tr("The layer whose metadata you edit"))
        lay.addWidget(self.layer_combo)

        grid = QGridLayout()
        grid.setSpacing(4)
        self.generate_button = QPushButton(tr("Generate from layer"))
        self.generate_button.setToolTip(tr("Fill in extent, reference system, geometry, attributes and KUGI "
                                           "keywords from the layer, and the rest from your node's defaults"))
        self.import_button = QPushButton(tr("Import XML…"))
        self.save_button = QPushButton(tr("Save"))
        self.save_button.setToolTip(tr("Save the record as an XML file beside the data and, for a GeoPackage, "
                                       "into its metadata tables"))
        self.more_button = QToolButton()
        self.more_button.setText(tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.more_button)
        self.action_from_qgis = menu.addAction(tr("Take from QGIS layer metadata"), self.from_qgis)
        self.action_to_qgis = menu.addAction(tr("Copy to QGIS layer metadata"), self.to_qgis)
        menu.addSeparator()
        self.action_export = menu.addAction(tr("Export XML…"), self.export_xml)
        self.action_defaults = menu.addAction(tr("Node defaults file…"), self.choose_defaults)
        self.more_button.setMenu(menu)
        grid.addWidget(self.generate_button, 0, 0)
        grid.addWidget(self.import_button, 0, 1)
        grid.addWidget(self.save_button, 1, 0)
        grid.addWidget(self.more_button, 1, 1)
        self.more_button.setSizePolicy(self.save_button.sizePolicy())
        lay.addLayout(grid)

        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat(tr("Complete: %p%"))
        self.bar.setToolTip(tr("Required elements of the metadata profile that are filled in"))
        lay.addWidget(self.bar)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.missing_label)

        self.form = MetadataForm()
        lay.addWidget(self.form, 1)
        self.kugi_menu = QMenu(self.form.kugi_button)
        self.kugi_menu.aboutToShow.connect(self._fill_kugi_menu)
        self.form.kugi_button.setMenu(self.kugi_menu)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.update_completeness)
        self.form.changed.connect(self._timer.start)
        self.form.changed.connect(self.recordChanged)
        self.generate_button.clicked.connect(self.generate)
        self.import_button.clicked.connect(self.import_xml)
        self.save_button.clicked.connect(self.save)
        self.layer_combo.layerChanged.connect(self.layer_changed)
        self.form.set_record(MetadataRecord())
        self.layer_changed(self.layer_combo.currentLayer())

    # -- helpers --------------------------------------------------------------------------------
    def layer(self):
        return self.layer_combo.currentLayer()

    def record(self):
        return self.form.record()

    def set_record(self, record):
        self.form.set_record(record)
        self.update_completeness()

    def _say(self, text, level=Qgis.MessageLevel.Info):
        colour = {Qgis.MessageLevel.Warning: "#b9770e", Qgis.MessageLevel.Critical: "#c0392b", Qgis.MessageLevel.Success: "#1e8449"}.get(level, "")
        self.status.setText('<span style="color:%s">%s</span>' % (colour, html.escape(text)) if colour
                            else html.escape(text))
        QgsMessageLog.logMessage(text, LOG_TAG, level)
        self.message.emit(text, int(level))
        if self.iface is not None and level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical, Qgis.MessageLevel.Success):
            self.iface.messageBar().pushMessage(tr("Simpul"), text, level, 6)

    def _defaults(self):
        path = QgsSettings().value(DEFAULTS_KEY, "", type=str) or None
        try:
            return load_defaults(path)
        except DefaultsError as exc:
            self._say(str(exc), Qgis.MessageLevel.Warning)
            return load_defaults()

    def _enable(self):
        layer = self.layer()
        for w in (self.generate_button, self.save_button, self.action_from_qgis, self.action_to_qgis):
            w.setEnabled(layer is not None)

    # -- completeness -----------------------------------------------------------------------
    def update_completeness(self):
        c = record_completeness(self.form.record())
        self.bar.setValue(c.percent)
        colour = "#1e8449" if c.complete else ("#b9770e" if c.percent >= 60 else "#c0392b")
        self.bar.setStyleSheet("QProgressBar::chunk { background-color: %s; }" % colour)
        if c.complete:
            self.missing_label.setText(html.escape(tr("All required elements are filled in.")))
        else:
            names = ", ".join(html.escape(label(e)) for e in c.missing)
            self.missing_label.setText("<b>%s</b> %s" % (html.escape(tr("Missing:")), names))
        return c

    # -- actions ----------------------------------------------------------------------------
    def layer_changed(self, layer):
        self._enable()
        if layer is None:
            return
        try:
            stored = storage.load_for_layer(layer)
        except (MetadataError, storage.StorageError) as exc:
            stored = None
            self._say(str(exc), Qgis.MessageLevel.Warning)
        if stored is not None:
            self.set_record(stored)
            self._say(tr("Loaded the saved metadata of {layer}.").format(layer=layer.name()))
        else:
            self.set_record(MetadataRecord())
            self._say(tr("{layer} has no saved metadata yet: press Generate from layer.").format(layer=layer.name()))

    def generate(self):
        layer = self.layer()
        if layer is None:
            return None
        try:
            fresh = generate(layer, self._defaults())
        except StandardsError as exc:
            self._say(str(exc), Qgis.MessageLevel.Critical)
            return None
        current = self.form.record()
        has_edits = bool(current.title or current.abstract or current.file_identifier)
        record = refresh_from_layer(current, fresh) if has_edits else fresh
        self.set_record(record)
        self._say(tr("Generated from {layer}: extent, reference system, geometry, attributes and KUGI "
                     "keywords filled in.").format(layer=layer.name()), Qgis.MessageLevel.Info)
        return record

    def _last_dir(self):
        return QgsSettings().value(LAST_DIR_KEY, "", type=str) or ""

    def import_xml(self, path=None):
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import metadata"), self._last_dir(),
                                                  tr("XML files (*.xml);;All files (*)"))
        if not path:
            return None
        QgsSettings().setValue(LAST_DIR_KEY, path.rsplit("/", 1)[0])
        try:
            record = read_file(path)
        except MetadataError as exc:
            self._say(str(exc), Qgis.MessageLevel.Critical)
            return None
        self.set_record(record)
        schema = [f for f in check_metadata_file(path) if f.rule == "meta.schema" and f.severity == "error"]
        if schema:
            self._say(tr("Imported {file}, but it does not follow the ISO 19139 schema ({count} problems, first: "
                         "{first}); saving writes a valid record.").format(
                file=path, count=len(schema), first=schema[0].message), Qgis.MessageLevel.Warning)
        else:
            self._say(tr("Imported {file}.").format(file=path), Qgis.MessageLevel.Success)
        return record

    def _finish(self, record):
        record.date_stamp = datetime.date.today().isoformat()
        self.form.set_record(record)
        return record

    def save(self):
        layer = self.layer()
        if layer is None:
            return None
        record = self._finish(self.form.record())
        try:
            where = storage.save_for_layer(record, layer)
        except storage.StorageError as exc:
            self._say(str(exc), Qgis.MessageLevel.Warning)
            return self.export_xml()
        text = tr("Saved the metadata to {file}").format(file=where["sidecar"])
        if where["gpkg"]:
            text += " " + tr("and into the GeoPackage's metadata tables (layer {layer})").format(layer=where["table"])
        if where["backup"]:
            text += " " + tr("(the earlier, non-ISO file is kept as {file})").format(file=where["backup"])
        c = self.update_completeness()
        if not c.complete:
            text += " " + tr("— still missing: {names}").format(names=", ".join(label(e) for e in c.missing))
        self._say(text, Qgis.MessageLevel.Success if c.complete else Qgis.MessageLevel.Warning)
        return where

    def export_xml(self, path=None):
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export metadata"), self._last_dir(),
                                                  tr("XML files (*.xml)"))
        if not path:
            return None
        record = self._finish(self.form.record())
        try:
            storage.write_sidecar(to_bytes(record), path)
        except storage.StorageError as exc:
            self._say(str(exc), Qgis.MessageLevel.Critical)
            return None
        self._say(tr("Exported the metadata to {file}.").format(file=path), Qgis.MessageLevel.Success)
        return path

    def from_qgis(self):
        layer = self.layer()
        if layer is None:
            return None
        record = from_layer_metadata(layer.metadata(), self.form.record())
        self.set_record(record)
        self._say(tr("Took the values of {layer}'s QGIS metadata.").format(layer=layer.name()))
        return record

    def to_qgis(self):
        layer = self.layer()
        if layer is None:
            return None
        layer.setMetadata(to_layer_metadata(self.form.record(), layer.metadata()))
        self._say(tr("Copied the record into {layer}'s QGIS metadata (Layer Properties ▸ Metadata).").format(
            layer=layer.name()), Qgis.MessageLevel.Success)
        return layer.metadata()

    def choose_defaults(self, path=None):
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Node defaults file"), self._last_dir(),
                                                  tr("JSON files (*.json)"))
        if not path:
            return None
        try:
            load_defaults(path)
        except DefaultsError as exc:
            self._say(str(exc), Qgis.MessageLevel.Critical)
            return None
        QgsSettings().setValue(DEFAULTS_KEY, path)
        self._say(tr("Generate from layer now uses the defaults in {file}.").format(file=path), Qgis.MessageLevel.Success)
        return path

    def _fill_kugi_menu(self):
        self.kugi_menu.clear()
        try:
            kugi, topics = load_kugi(), load_kugi_metadata()["topic_categories"]
        except StandardsError as exc:
            self._say(str(exc), Qgis.MessageLevel.Warning)
            return
        layer = self.layer()
        if layer is not None:
            from ..core.metadata.generate import attribute_values, source_parts
            src = source_parts(layer)
            match = kugi.for_layer(src["layer"], attribute_values(layer, ("FCODE",)).get("FCODE"))
            ft = match.feature_type
            if ft is not None:
                cat = kugi.category(ft.category) or {}
                for word in (ft.type_name, ft.fcode, cat.get("name", "")):
                    if word:
                        self.kugi_menu.addAction(word, lambda w=word, t=topics.get(ft.category, ""):
                                                 self.form.add_kugi_keyword(w, t))
                self.kugi_menu.addSeparator()
        sub = self.kugi_menu.addMenu(tr("KUGI categories"))
        for letter, cat in kugi.categories.items():
            sub.addAction("%s — %s" % (letter, cat["name"]),
                          lambda n=cat["name"], t=topics.get(letter, ""): self.form.add_kugi_keyword(n, t))
