"""The Fix dialog of the Validate page: choose the KUGI feature type (searchable, suggestions
first), check the field map (editable), and the new file the standardised copy goes to (a name
beside the source, suggested, editable). The work itself is ``sdi:standardizedataset``'s core
(``sdi_plugin.core.standardize``), run by the Validate page in a QgsTask."""
import html
import os

from qgis.core import QgsWkbTypes
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QFormLayout, QHeaderView, QLabel,
                                 QLineEdit, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem,
                                 QVBoxLayout)

from ..core.i18n import tr
from .widgets import ok_cancel

ROLE_FT = Qt.ItemDataRole.UserRole


def _std():
    from ..core import standardize
    return standardize


class FixDialog(QDialog):
    """``FixDialog(layer, source_path, findings)``; after ``exec_()``: :meth:`feature_type`,
    :meth:`field_pairs`, :meth:`output_path`."""

    def __init__(self, layer, source_path="", findings=None, parent=None, kugi=None):
        super().__init__(parent)
        self.setObjectName("SimpulFixDialog")
        self.setWindowTitle(tr("Fix the dataset — standardise to KUGI"))
        self.layer = layer
        self.source_path = source_path
        self.kugi = kugi
        self._ft = None
        self._out_edited = False
        self._setting_out = False
        std = _std()
        self.geometry = QgsWkbTypes.geometryType(layer.wkbType()) if layer is not None else None
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Simpul writes a new, standardised copy of {layer}: KUGI columns and names, FCODE, "
                          "SRS_ID, METADATA, valid geometry in SRGI2013, UTF-8 text. The source is not changed.")
                       .format(layer=layer.name() if layer is not None else ""))
        intro.setWordWrap(True)
        lay.addWidget(intro)

        lay.addWidget(QLabel("<b>%s</b>" % html.escape(tr("1. KUGI feature type"))))
        self.search = QLineEdit()
        self.search.setObjectName("SimpulFixSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr("Search: name, FCODE, alias or definition (e.g. persil, jalan)"))
        lay.addWidget(self.search)
        self.types = QListWidget()
        self.types.setObjectName("SimpulFixTypes")
        self.types.setMinimumHeight(130)
        lay.addWidget(self.types, 1)

        lay.addWidget(QLabel("<b>%s</b>" % html.escape(tr("2. Field map"))))
        self.fields = QTableWidget(0, 3)
        self.fields.setObjectName("SimpulFixFields")
        self.fields.setHorizontalHeaderLabels([tr("KUGI column"), tr("From field"), tr("How")])
        self.fields.verticalHeader().setVisible(False)
        hdr = self.fields.horizontalHeader()
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hdr.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.setMinimumHeight(150)
        lay.addWidget(self.fields, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555;")
        lay.addWidget(self.notes)

        form = QFormLayout()
        self.output = QgsFileWidget()
        self.output.setObjectName("SimpulFixOutput")
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(tr("GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)"))
        form.addRow(tr("3. New file"), self.output)
        lay.addLayout(form)

        self.buttons = ok_cancel(self, tr("Fix"), self._accept)
        lay.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._refill_types)
        self.search.textChanged.connect(self._timer.start)
        self.types.currentItemChanged.connect(self._type_chosen)
        self.output.fileChanged.connect(self._output_edited)

        name = os.path.splitext(os.path.basename(source_path))[0] if source_path else None
        try:
            found = std.suggest_feature_types(layer, findings=findings or [], kugi=kugi, name=name)
            # the strong suggestions only: a weak one (a fraction of the best) is found by searching
            self.suggestions = [m for m in found if m.score >= 0.5 * found[0].score] if found else []
        except Exception:  # noqa: BLE001 - no suggestion is no reason to refuse the dialog
            self.suggestions = []
        self._refill_types()
        self.resize(560, 600)

    # -- feature type -------------------------------------------------------------------------
    def _add_type(self, match, suggested):
        std = _std()
        ft = match.feature_type
        text = std.describe_type(ft, kugi=self.kugi)
        item = QListWidgetItem(("★ " if suggested else "") + text)
        item.setData(ROLE_FT, ft)
        tip = [ft.definition or ""] + list(getattr(match, "reasons", []) or [])
        item.setToolTip("\n".join(t for t in tip if t))
        if suggested:
            f = QFont(item.font())
            f.setBold(True)
            item.setFont(f)
        self.types.addItem(item)
        return item

    def _refill_types(self):
        std = _std()
        text = self.search.text().strip()
        keep = self._ft.fcode if self._ft is not None else ""
        self.types.blockSignals(True)
        self.types.clear()
        seen = set()
        if not text:
            if self.suggestions:
                head = QListWidgetItem(tr("Suggested for this dataset"))
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setForeground(QBrush(QColor("#555")))
                self.types.addItem(head)
            for m in self.suggestions:
                self._add_type(m, True)
                seen.add(m.feature_type.fcode)
            if self.suggestions:
                head = QListWidgetItem(tr("All feature types of this geometry"))
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setForeground(QBrush(QColor("#555")))
                self.types.addItem(head)
        try:
            found = std.search_feature_types(text, geometry=self.geometry, limit=200 if not text else 50,
                                             kugi=self.kugi)
        except Exception:  # noqa: BLE001
            found = []
        sugg = {m.feature_type.fcode for m in self.suggestions}
        for m in found:
            if m.feature_type.fcode in seen:
                continue
            seen.add(m.feature_type.fcode)
            self._add_type(m, bool(text) and m.feature_type.fcode in sugg)
        self.types.blockSignals(False)
        chosen = None
        for i in range(self.types.count()):
            ft = self.types.item(i).data(ROLE_FT)
            if ft is not None and (ft.fcode == keep or (not keep and chosen is None)):
                chosen = self.types.item(i)
                if ft.fcode == keep:
                    break
        if chosen is not None:
            self.types.setCurrentItem(chosen)
        elif not self.types.count():
            self.notes.setText(tr("No KUGI feature type matches “{text}”.").format(text=text))

    def _type_chosen(self, item, _previous=None):
        ft = item.data(ROLE_FT) if item is not None else None
        if ft is None:
            return
        changed = self._ft is None or ft.fcode != self._ft.fcode
        self._ft = ft
        if changed:
            self._fill_fields()
            if not self._out_edited and self.source_path:
                self._setting_out = True
                self.output.setFilePath(_std().suggest_output_path(self.source_path, ft))
                self._setting_out = False

    def feature_type(self):
        return self._ft

    def select_fcode(self, fcode):
        """Choose the type ``fcode`` (searching for it when it is not listed); True when found."""
        for attempt in (0, 1):
            for i in range(self.types.count()):
                ft = self.types.item(i).data(ROLE_FT)
                if ft is not None and ft.fcode == fcode:
                    self.types.setCurrentRow(i)
                    return True
            if attempt == 0:
                self.search.setText(fcode)
                self._refill_types()
        return False

    # -- field map ----------------------------------------------------------------------------
    def _fill_fields(self):
        std = _std()
        names = [f.name() for f in self.layer.fields()] if self.layer is not None else []
        fmap = std.auto_field_map(names, self._ft, kugi=self.kugi)
        rows = fmap.rows(self._ft)
        how_words = {"name": tr("same name"), "alias": tr("alias"), "similar": tr("similar name"),
                     "user": tr("yours"), "auto": "", "": ""}
        self.fields.setRowCount(len(rows))
        for r, row in enumerate(rows):
            target = QTableWidgetItem(row["target"] + (" *" if row.get("required") else ""))
            target.setFlags(Qt.ItemFlag.ItemIsEnabled)
            target.setData(Qt.ItemDataRole.UserRole, row["target"])
            target.setToolTip("%s (%s%s)" % (row.get("definition", ""), row.get("type", ""),
                                            ", %s" % row["length"] if row.get("length") else ""))
            self.fields.setItem(r, 0, target)
            if row.get("how") == "auto":
                auto = QTableWidgetItem(tr("(filled by Simpul)"))
                auto.setFlags(Qt.ItemFlag.ItemIsEnabled)
                auto.setForeground(QBrush(QColor("#1e8449")))
                self.fields.setItem(r, 1, auto)
            else:
                box = QComboBox()
                box.addItem(tr("(empty)"), "")
                for n in names:
                    box.addItem(n, n)
                i = box.findData(row.get("source") or "")
                box.setCurrentIndex(max(0, i))
                box.currentIndexChanged.connect(lambda _i, rr=r: self._field_edited(rr))
                self.fields.setCellWidget(r, 1, box)
            how = QTableWidgetItem(how_words.get(row.get("how") or "", row.get("how") or ""))
            how.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.fields.setItem(r, 2, how)
        kept = list(getattr(fmap, "unmapped", []) or [])
        self.notes.setText(tr("Kept as they are (not KUGI columns): {fields}").format(fields=", ".join(kept))
                           if kept else "")

    def _field_edited(self, row):
        item = self.fields.item(row, 2)
        if item is not None:
            item.setText(tr("yours"))

    def field_pairs(self):
        """[(source, TARGET)] as the table shows them (the FIELD_MAP of the run)."""
        pairs = []
        for r in range(self.fields.rowCount()):
            box = self.fields.cellWidget(r, 1)
            target = self.fields.item(r, 0).data(Qt.ItemDataRole.UserRole)
            if isinstance(box, QComboBox) and box.currentData():
                pairs.append((box.currentData(), target))
        return pairs

    def set_source_for(self, target, source):
        """Map ``source`` to the KUGI column ``target`` (as choosing it in the table does)."""
        for r in range(self.fields.rowCount()):
            if self.fields.item(r, 0).data(Qt.ItemDataRole.UserRole) == target:
                box = self.fields.cellWidget(r, 1)
                if isinstance(box, QComboBox):
                    box.setCurrentIndex(max(0, box.findData(source)))
                    return True
        return False

    # -- output ------------------------------------------------------------------------------
    def _output_edited(self, _path):
        if not self._setting_out:
            self._out_edited = True

    def output_path(self):
        return self.output.filePath().strip()

    def _accept(self):
        out = self.output_path()
        if self._ft is None:
            self.notes.setText(tr("Choose a KUGI feature type first."))
            return
        if not out:
            self.notes.setText(tr("Give the new file a name."))
            return
        if self.source_path and os.path.realpath(out) == os.path.realpath(self.source_path):
            self.notes.setText(tr("The new file must not be the source: the source is never written."))
            return
        if os.path.splitext(out)[1].lower() not in (".gpkg", ".shp"):
            self.notes.setText(tr("The new file must be a GeoPackage (.gpkg) or a Shapefile (.shp)."))
            return
        self.accept()
