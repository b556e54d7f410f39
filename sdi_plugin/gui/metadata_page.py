"""The Metadata page of the Simpul dock: pick a layer, generate its ISO 19139 record, edit it in
the profile's form with a live completeness bar, import XML, save it beside the data (and into
the GeoPackage), and keep it in step with QGIS's own layer metadata."""
import datetime
import html

from qgis.core import Qgis, QgsProject, QgsSettings
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (QGridLayout, QLabel, QMenu, QProgressBar, QPushButton, QToolButton,
                                 QVBoxLayout, QWidget)

from ..compat import LayerFilter
from ..core.i18n import tr
from ..core.log import log_qgis
from ..core.network.secrets import redact
from ..core.metadata import storage
from ..core.metadata.check import check_metadata_file, label, record_completeness
from ..core.metadata.defaults import DefaultsError, load_defaults
from ..core.metadata.generate import generate, load_kugi_metadata, refresh_from_layer
from ..core.metadata.iso_reader import MetadataError, read_file
from ..core.metadata.iso_writer import to_bytes
from ..core.metadata.model import MetadataRecord
from ..core.metadata.qgis_metadata import from_layer_metadata, to_layer_metadata
from ..core.standards.pack import StandardsError, load_kugi
from .contact_dialog import ContactDialog, remember, remembered
from .widgets import choose_file
from .flow_view import layer_path, preselect
from .metadata_form import MetadataForm

DEFAULTS_KEY = "simpul/metadata/defaults_path"
LAST_DIR_KEY = "simpul/metadata/last_dir"
DEBOUNCE_MS = 250


class MetadataPage(QWidget):
    """The Metadata tab. ``message(text, Qgis.MessageLevel)`` reports what happened;
    ``recordChanged`` fires after every edit (the record is :meth:`record`)."""

    message = pyqtSignal(str, int)
    recordChanged = pyqtSignal()
    described = pyqtSignal()       # a record was saved for the current dataset

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.setObjectName("SimpulMetadataPage")
        self.iface = iface
        self.project = QgsProject.instance()
        self.current = None
        # Save asks the organisation once per node when the record has none (in QGIS; scripts are never asked)
        self.ask_contact = iface is not None
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
        self.missing_label.setToolTip(tr("Click a name to go to its field"))
        self.missing_label.linkActivated.connect(self.form_focus)
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
        self.project.layersAdded.connect(self._layers_added)
        self._layers_added()

    # -- the dataset that travels ---------------------------------------------------------------
    def set_current(self, current):
        self.current = current
        current.changed.connect(self._follow_current)
        self._follow_current()

    def _follow_current(self):
        if self.current is None or not self.current.layer_id:
            return
        layer = self.project.mapLayer(self.current.layer_id)
        if layer is None or layer.id() == getattr(self, "_loaded_id", None):
            return
        if layer is not self.layer():
            self.layer_combo.setLayer(layer)
        if layer.id() != getattr(self, "_loaded_id", None):   # the combo moved there without a signal
            self.layer_changed(layer)

    def _layers_added(self, *args):
        """No empty list: the current dataset, else the active layer, else the first one."""
        preselect(self.layer_combo, self.current, self.iface)

    def showEvent(self, event):
        super().showEvent(event)
        preselect(self.layer_combo, self.current, self.iface)

    def node_key(self):
        """The node whose organisation and contact this page uses: the one chosen in Publish, else the
        first registered node."""
        if self.current is not None and self.current.node:
            return self.current.node
        from ..core.nodes.registry import NodeRegistry
        nodes = NodeRegistry().nodes()
        return nodes[0].id if nodes else "local"

    def _node_name(self):
        from ..core.nodes.registry import NodeRegistry
        for n in NodeRegistry().nodes():
            if n.id == self.node_key():
                return n.name
        return ""

    def form_focus(self, element_id):
        """Go to the field of a missing element (a click in the missing list)."""
        return self.form.focus_element(element_id)

    # -- helpers --------------------------------------------------------------------------------
    def layer(self):
        return self.layer_combo.currentLayer()

    def record(self):
        return self.form.record()

    def set_record(self, record):
        self.form.set_record(record)
        self.update_completeness()

    def _say(self, text, level=Qgis.MessageLevel.Info):
        text = redact(text)
        colour = {Qgis.MessageLevel.Warning: "#b9770e", Qgis.MessageLevel.Critical: "#c0392b",
                  Qgis.MessageLevel.Success: "#1e8449"}.get(level, "")
        self.status.setText('<span style="color:%s">%s</span>' % (colour, html.escape(text)) if colour
                            else html.escape(text))
        log_qgis(text, level)
        self.message.emit(text, int(level))     # the plugin shows it in the message bar (once)

    def _note(self, text):
        """A quiet note in the page's status line (and the log): what the page shows, not news."""
        self.status.setText(html.escape(text))
        log_qgis(text, Qgis.MessageLevel.Info)

    def _defaults(self, with_node=True):
        """The node defaults file's values, with the organisation, contact and place remembered for
        the node filling what the file leaves empty."""
        path = QgsSettings().value(DEFAULTS_KEY, "", type=str) or None
        try:
            d = load_defaults(path)
        except DefaultsError as exc:
            self._say(str(exc), Qgis.MessageLevel.Warning)
            d = load_defaults()
        if with_node:
            for key, value in remembered(self.node_key()).items():
                if not (d.get(key) or "").strip():
                    d[key] = value
        return d

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
            shown, names = set(), []
            for e in c.missing:
                text = self.form.label_for(e.id) or label(e)
                if text in shown:
                    continue
                shown.add(text)
                names.append("<a href='%s'>%s</a>" % (html.escape(e.id, quote=True), html.escape(text))
                             if self.form.widget_for(e.id) is not None else html.escape(text))
            self.missing_label.setText("<b>%s</b> %s" % (html.escape(tr("Missing:")), ", ".join(names)))
        return c

    def missing_names(self):
        """The missing list as shown (the form's own labels)."""
        from qgis.PyQt.QtGui import QTextDocument
        doc = QTextDocument()
        doc.setHtml(self.missing_label.text())
        text = doc.toPlainText()
        return [t.strip() for t in text.split(":", 1)[-1].split(",") if t.strip()]

    # -- actions ----------------------------------------------------------------------------
    def layer_changed(self, layer):
        self._enable()
        self._loaded_id = layer.id() if layer is not None else None
        if layer is None:
            return
        try:
            stored = storage.load_for_layer(layer)
        except (MetadataError, storage.StorageError) as exc:
            stored = None
            self._say(str(exc), Qgis.MessageLevel.Warning)
        if stored is not None:
            self.set_record(stored)
            known = remembered(self.node_key())
            if known.get("organisation") and not self.form.organisation.text().strip():
                self.fill_contact(known)
            self._note(tr("Loaded the saved metadata of {layer}.").format(layer=layer.name()))
        else:
            self.set_record(MetadataRecord())
            self._note(tr("{layer} has no saved metadata yet: press Generate from layer.").format(layer=layer.name()))

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

    def import_xml(self, path=None):
        path = choose_file(self, path, tr("Import metadata"), tr("XML files (*.xml);;All files (*)"), LAST_DIR_KEY,
                           remember=True)
        if not path:
            return None
        try:
            record = read_file(path)
        except MetadataError as exc:
            self._say(str(exc), Qgis.MessageLevel.Critical)
            return None
        self.set_record(record)
        schema = [f for f in check_metadata_file(path) if f.rule == "meta.schema" and f.severity == "error"]
        notes = list(getattr(record, "read_notes", None) or [])
        if notes:
            self._say(tr("Imported {file}; not everything could be read: {notes}").format(
                file=path, notes=" ".join(notes)), Qgis.MessageLevel.Warning)
        elif schema:
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

    def fill_contact(self, values):
        """Put remembered/asked organisation, contact and place into the record: the contact fields,
        and the title and abstract while they are still the generated ones without the place."""
        layer = self.layer()
        f = self.form
        before = generate(layer, self._defaults(with_node=False)) if layer is not None else None
        for key, widget in (("organisation", f.organisation), ("individual", f.individual), ("email", f.email)):
            if values.get(key) and not widget.text().strip():
                widget.setText(values[key])
        if before is not None and values.get("place"):
            fresh = generate(layer, self._defaults())
            if f.title.text().strip() in ("", before.title):
                f.title.setText(fresh.title)
            if f.abstract.toPlainText().strip() in ("", before.abstract.strip()):
                f.abstract.setPlainText(fresh.abstract)
        self.update_completeness()

    def ask_contact_once(self):
        """The organisation for the record: remembered for the node, else asked (once) and remembered.
        Returns the values used, or None when the user cancels."""
        node = self.node_key()
        values = remembered(node)
        if not values.get("organisation"):
            if not self.ask_contact:
                return None
            dlg = ContactDialog(self._node_name(), self._defaults(), parent=self)
            self.contact_dialog = dlg
            if dlg.exec() != ContactDialog.Accepted:
                return None
            values = dlg.values()
            remember(node, values)
        self.fill_contact(values)
        return values

    def save(self):
        layer = self.layer()
        if layer is None:
            return None
        if not self.form.organisation.text().strip():
            self.ask_contact_once()
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
        if self.current is not None:
            self.current.mark("described", layer_id=layer.id(), path=layer_path(layer), complete=c.complete,
                              record_id=record.file_identifier)
            self.described.emit()
        return where

    def export_xml(self, path=None):
        path = choose_file(self, path, tr("Export metadata"), tr("XML files (*.xml)"), LAST_DIR_KEY, save=True)
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
        path = choose_file(self, path, tr("Node defaults file"), tr("JSON files (*.json)"), LAST_DIR_KEY)
        if not path:
            return None
        try:
            load_defaults(path)
        except DefaultsError as exc:
            self._say(str(exc), Qgis.MessageLevel.Critical)
            return None
        QgsSettings().setValue(DEFAULTS_KEY, path)
        self._say(tr("Generate from layer now uses the defaults in {file}.").format(file=path),
                  Qgis.MessageLevel.Success)
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
                        topic = topics.get(ft.category, "")
                        self.kugi_menu.addAction(word, lambda w=word, t=topic: self.form.add_kugi_keyword(w, t))
                self.kugi_menu.addSeparator()
        sub = self.kugi_menu.addMenu(tr("KUGI categories"))
        for letter, cat in kugi.categories.items():
            topic = topics.get(letter, "")
            sub.addAction("%s — %s" % (letter, cat["name"]),
                          lambda n=cat["name"], t=topic: self.form.add_kugi_keyword(n, t))

    def shutdown(self):
        try:
            self.project.layersAdded.disconnect(self._layers_added)
        except TypeError:
            pass
