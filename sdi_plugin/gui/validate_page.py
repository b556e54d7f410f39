"""The Validate tab: pick layers of the project (or a folder / GeoPackage), validate them in
a background task with progress and cancel, browse the findings (double-click zooms to one
and selects its feature), open the HTML report, add the error layer to the project.

Thin by rule: all checking, reporting and writing is ``sdi_plugin.core.validate``.
"""
import html
import os
import tempfile

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException,
                       QgsFeatureRequest, QgsGeometry, QgsProcessingUtils, QgsProject, QgsRectangle, QgsVectorLayer)
from qgis.gui import QgsDatabaseSchemaComboBox, QgsProviderConnectionComboBox
from qgis.PyQt.QtCore import QUrl, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                                 QListWidget, QListWidgetItem, QProgressBar, QPushButton,
                                 QToolButton, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..compat import LayerType
from ..core.findings import ERROR, INFO, WARNING
from ..core.i18n import tr
from ..core.network.secrets import redact
from ..core.runtime.tasks import FunctionTask, stop_tasks
from ..core.validate import InputError
from ..core.validate.pipeline import ReportFiles, run_validation
from ..core.validate.severity import COLOURS, severity_labels
from ..core.validate.sources import open_ref, ref_of_layer
from .flow_view import layer_path, preferred_layer
from .widgets import flat_list

# what the Fix (sdi:standardizedataset: the safe fixes and the KUGI standardisation) repairs
FIXABLE_RULES = {"crs.accepted", "geom.duplicate", "geom.empty", "geom.valid", "kugi.attribute_type", "kugi.domain",
                 "kugi.fcode", "kugi.layer_name", "kugi.metadata_ref", "kugi.required_attribute", "kugi.srs_id",
                 "text.encoding"}


def fixable(finding):
    return finding.rule in FIXABLE_RULES


def validate_job(feedback, jobs=(), source="", out_dir="", feature_type=None, schema=None):
    """Validate layers (``jobs``: [(ref, layer or None)]), a folder/GeoPackage (``source``) or a
    PostGIS schema (``schema``: (connection name, schema)) with the validation pipeline, the
    report files into ``out_dir``. Returns (report, outputs); (None, {}) when canceled. Runs in a
    :class:`~sdi_plugin.core.runtime.tasks.FunctionTask`."""
    report, written = run_validation(jobs, ReportFiles.in_folder(out_dir), feedback, source=source, schema=schema,
                                     feature_type=feature_type)
    return (None, {}) if written is None else (report, written)


class ValidateTask(FunctionTask):
    """:func:`validate_job` off the GUI thread; ``report`` and ``outputs`` afterwards."""

    def __init__(self, jobs=None, source="", out_dir="", feature_type=None, schema=None):
        jobs = list(jobs or [])
        super().__init__(tr("Simpul: validating"),
                         lambda fb: validate_job(fb, jobs, source, out_dir, feature_type, schema),
                         expected=(InputError, OSError))
        self.schema = schema            # (PostGIS connection name, schema) or None

    @property
    def report(self):
        return self.result[0] if self.result else None

    @property
    def outputs(self):
        return self.result[1] if self.result else {}


def standardize_job(feedback, ref, out_path, feature_type, field_map, defaults=None):
    """The Fix: ``sdi:standardizedataset``'s core on the layer opened afresh in this thread; the
    source is never written. Returns a StandardizeResult (None when canceled)."""
    from ..core.standardize import standardize_dataset
    layer = open_ref(ref)
    result = standardize_dataset(layer, out_path, feature_type=feature_type, field_map=field_map, ref=ref,
                                 defaults=defaults, feedback=feedback)
    return None if feedback.isCanceled() else result


class StandardizeTask(FunctionTask):
    """:func:`standardize_job` off the GUI thread; ``result`` (a StandardizeResult) or ``error``."""

    def __init__(self, ref, out_path, feature_type, field_map, defaults=None):
        super().__init__(tr("Simpul: fixing the dataset"),
                         lambda fb: standardize_job(fb, ref, out_path, feature_type, field_map, defaults),
                         expected=(InputError, OSError))


class ValidatePage(QWidget):
    """The dock's Validate tab.  ``finished(report)`` is emitted after a run."""

    finished = pyqtSignal(object)
    message = pyqtSignal(str, int)
    gotoMetadata = pyqtSignal(str)     # a metadata finding: its element, to fill in on the Metadata page

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.task = None
        self.fix_task = None
        self.current = None
        self.fix_defaults = None      # callable -> node defaults dict for the generated metadata
        self.report = None
        self.outputs = {}
        self._layer_ids = {}          # result index -> project layer id
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Check datasets against KUGI, SRGI2013, the metadata profile, geometry and "
                          "topology before you share them. Tick layers, or choose a folder or GeoPackage."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.layers = QListWidget()
        self.layers.setMaximumHeight(90)
        lay.addWidget(self.layers)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("or a folder / GeoPackage…"))
        self.path.setClearButtonEnabled(True)
        self.btn_folder = QToolButton()
        self.btn_folder.setIcon(QgsApplication.getThemeIcon("/mActionFileOpen.svg"))
        self.btn_folder.setToolTip(tr("Choose a folder"))
        self.btn_gpkg = QToolButton()
        self.btn_gpkg.setIcon(QgsApplication.getThemeIcon("/mGeoPackage.svg"))
        self.btn_gpkg.setToolTip(tr("Choose a GeoPackage"))
        row.addWidget(self.path, 1)
        row.addWidget(self.btn_folder)
        row.addWidget(self.btn_gpkg)
        lay.addLayout(row)
        pg_row = QHBoxLayout()           # or every table of a PostGIS schema (rules run in the database)
        pg_row.addWidget(QLabel(tr("or PostGIS")))
        self.pg_connection = QgsProviderConnectionComboBox("postgres")
        self.pg_connection.setAllowEmptyConnection(True)
        self.pg_connection.setToolTip(tr("A saved PostGIS connection: every table of the schema is validated, "
                                         "the geometry and topology rules in the database"))
        self.pg_schema = QgsDatabaseSchemaComboBox("postgres", "")
        self.pg_schema.setAllowEmptySchema(True)
        self.pg_schema.setToolTip(tr("Schema"))
        self.pg_connection.setConnection("")
        self.pg_connection.currentIndexChanged.connect(self._pg_connection_changed)
        pg_row.addWidget(self.pg_connection, 1)
        pg_row.addWidget(self.pg_schema, 1)
        lay.addLayout(pg_row)
        self.feature_type = QLineEdit()
        self.feature_type.setPlaceholderText(tr("KUGI feature type (optional, e.g. CA02070160)"))
        lay.addWidget(self.feature_type)
        run_row = QHBoxLayout()
        self.btn_run = QPushButton(QgsApplication.getThemeIcon("/mActionStart.svg"), tr("Validate"))
        self.btn_cancel = QPushButton(tr("Cancel"))
        self.btn_cancel.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        run_row.addWidget(self.btn_run)
        run_row.addWidget(self.btn_cancel)
        run_row.addWidget(self.progress, 1)
        lay.addLayout(run_row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.summary)
        filt = QHBoxLayout()
        filt.addWidget(QLabel(tr("Show")))
        self.filter = QComboBox()
        for key, label in (("", tr("All findings")), (ERROR, tr("Errors")), (WARNING, tr("Warnings")),
                           (INFO, tr("Infos"))):
            self.filter.addItem(label, key)
        filt.addWidget(self.filter, 1)
        lay.addLayout(filt)
        self.table = flat_list([tr("Severity"), tr("Rule"), tr("Feature"), tr("Message")])
        self.table.setUniformRowHeights(True)
        hdr = self.table.header()
        for col in (0, 1, 2):
            hdr.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hdr.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(48)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_row = QVBoxLayout()
        detail_row.addWidget(self.detail)
        self.btn_fix_finding = QPushButton(QgsApplication.getThemeIcon("/mIconWarning.svg"), tr("Fix this…"))
        self.btn_fix_finding.setObjectName("SimpulFixFinding")
        self.btn_fix_finding.setToolTip(tr("Fix this finding (and the others the standardisation repairs) in a "
                                           "new copy of the dataset"))
        self.btn_fix_finding.setVisible(False)
        detail_row.addWidget(self.btn_fix_finding, 0, Qt.AlignmentFlag.AlignRight)
        lay.addLayout(detail_row)
        out_row = QHBoxLayout()
        self.btn_fix = QPushButton(QgsApplication.getThemeIcon("/mActionToggleEditing.svg"), tr("Fix dataset…"))
        self.btn_fix.setObjectName("SimpulFixDataset")
        self.btn_fix.setToolTip(tr("Standardise to KUGI and apply the safe fixes into a new file beside the "
                                   "source, then validate it again"))
        self.btn_fix.setEnabled(False)
        lay.addWidget(self.btn_fix)
        self.btn_report = QPushButton(QgsApplication.getThemeIcon("/mActionFileOpen.svg"), tr("Open report"))
        self.btn_layer = QPushButton(QgsApplication.getThemeIcon("/mActionAddLayer.svg"), tr("Add error layer"))
        for b in (self.btn_report, self.btn_layer):
            b.setEnabled(False)
            out_row.addWidget(b)
        out_row.addStretch(1)
        lay.addLayout(out_row)

        self.btn_folder.clicked.connect(self._pick_folder)
        self.btn_gpkg.clicked.connect(self._pick_gpkg)
        self.btn_run.clicked.connect(self.run)
        self.btn_cancel.clicked.connect(self.cancel)
        self.filter.currentIndexChanged.connect(self._fill_table)
        self.table.itemDoubleClicked.connect(self._zoom_to_item)
        self.table.currentItemChanged.connect(self._show_detail)
        self.btn_report.clicked.connect(self.open_report)
        self.btn_layer.clicked.connect(self.add_error_layers)
        self.btn_fix.clicked.connect(lambda: self.fix())
        self.btn_fix_finding.clicked.connect(self._fix_current_finding)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh_layers)
        project.layersRemoved.connect(self.refresh_layers)
        self.refresh_layers()

    # -- inputs ------------------------------------------------------------------------
    def refresh_layers(self, *args):
        checked = set(self.checked_layer_ids())
        self.layers.clear()
        for layer in QgsProject.instance().mapLayers().values():
            if layer.type() != LayerType.Vector:
                continue
            item = QListWidgetItem(layer.name())
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.id() in checked else Qt.CheckState.Unchecked)
            self.layers.addItem(item)
        if not self.checked_layer_ids() and not self.path.text().strip():
            # nothing ticked: the current dataset (or the active layer) is ticked for you
            preferred = preferred_layer(self.current, self.iface)
            if preferred is not None:
                self.set_checked([preferred.id()])

    def set_current(self, current):
        """The dock's shared :class:`~sdi_plugin.core.runtime.flow.CurrentDataset`."""
        self.current = current
        self.refresh_layers()

    def showEvent(self, event):
        super().showEvent(event)
        if not self.checked_layer_ids():
            self.refresh_layers()

    def checked_layer_ids(self):
        ids = []
        for i in range(self.layers.count()):
            item = self.layers.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

    def set_checked(self, layer_ids):
        for i in range(self.layers.count()):
            item = self.layers.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in layer_ids
                               else Qt.CheckState.Unchecked)

    def _pg_connection_changed(self, *args):
        self.pg_schema.setConnectionName(self.pg_connection.currentConnection() or "", "postgres")

    def _pick_folder(self):
        path = QFileDialog.getExistingDirectory(self, tr("Folder to validate"), self.path.text())
        if path:
            self.path.setText(path)

    def _pick_gpkg(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("GeoPackage to validate"), self.path.text(),
                                              tr("GeoPackage (*.gpkg)"))
        if path:
            self.path.setText(path)

    # -- running -----------------------------------------------------------------------
    def run(self):
        if self.task is not None:
            return
        source = self.path.text().strip()
        ids = self.checked_layer_ids()
        schema = None
        if self.pg_connection.currentConnection() and self.pg_schema.currentSchema():
            schema, source, ids = (self.pg_connection.currentConnection(), self.pg_schema.currentSchema()), "", []
        if not source and not ids and not schema:
            self._say(tr("Tick at least one layer, or choose a folder or GeoPackage."), warn=True)
            return
        if source and not os.path.exists(source):
            self._say(tr("{path} does not exist.").format(path=source), warn=True)
            return
        jobs, self._layer_ids = [], {}
        if not source:
            for n, lid in enumerate(ids):
                layer = QgsProject.instance().mapLayer(lid)
                if layer is None:
                    continue
                ref = ref_of_layer(layer)
                # files and PostGIS tables are opened afresh in the task (PostGIS: rules in the database)
                copy = None if ref.path or ref.provider == "postgres" else layer.materialize(QgsFeatureRequest())
                jobs.append((ref, copy))
                self._layer_ids[n] = lid
        out_dir = tempfile.mkdtemp(prefix="validate-", dir=QgsProcessingUtils.tempFolder())
        self.task = ValidateTask(jobs, source, out_dir, self.feature_type.text().strip() or None, schema)
        self.task.watch(ended=self._done, progress=self._progress)
        self.btn_run.setEnabled(False)
        self.btn_cancel.setEnabled(True)
        self.progress.setValue(0)
        self.summary.setText(html.escape(tr("Validating…")))
        self.task.submit()

    def _progress(self, value):
        self.progress.setValue(int(value))

    def cancel(self):
        if self.task is not None:
            self.task.cancel()
        if self.fix_task is not None:
            self.fix_task.cancel()

    def cancel_tasks(self):
        self.cancel()

    def _done(self, task=None):
        task, self.task = self.task, None
        self.btn_run.setEnabled(True)
        self.btn_cancel.setEnabled(False)
        if task is None:
            return
        if task.report is None or task.canceled or task.error:
            text = task.error or tr("The validation was canceled.")
            self.summary.setText(html.escape(text))
            self._say(text, warn=True)
            self.finished.emit(None)
            return
        self.report, self.outputs = task.report, task.outputs
        self.progress.setValue(100)
        s = self.report.summary()
        plural = {ERROR: tr("errors"), WARNING: tr("warnings"), INFO: tr("infos")}
        self.summary.setText(" · ".join('<b style="color:%s">%d</b> %s' % (COLOURS[k], s[key], html.escape(plural[k]))
                                        for k, key in ((ERROR, "errors"), (WARNING, "warnings"), (INFO, "infos"))))
        self._fill_table()
        self.btn_report.setEnabled(bool(self.outputs.get("html")))
        self.btn_layer.setEnabled(any(n != "findings" for n, _, _ in self.outputs.get("errors", [])))
        self.btn_fix.setEnabled(self._fix_target(0) is not None and any(
            fixable(f) for r in self.report.results for f in r.findings))
        errors = [f for r in self.report.results for f in r.findings if f.severity == ERROR]
        if errors and all(f.rule == "meta.complete" for f in errors):
            self.summary.setText(self.summary.text() + "<br>" + html.escape(tr(
                "Next: complete the metadata on the Metadata page (step 3).")))
        self._mark_validated()
        self.finished.emit(self.report)

    # -- findings ----------------------------------------------------------------------
    def _show_detail(self, item, _previous=None):
        if item is None or self.report is None:
            self.detail.clear()
            self.btn_fix_finding.setVisible(False)
            return
        ri, fi = item.data(0, Qt.ItemDataRole.UserRole)
        result = self.report.results[ri]
        f = result.findings[fi]
        element = (f.details or {}).get("element", "") if isinstance(getattr(f, "details", None), dict) else ""
        self._finding_element = element if f.rule == "meta.complete" else ""
        if self._finding_element:
            self.btn_fix_finding.setText(tr("Fill in on the Metadata page"))
            self.btn_fix_finding.setVisible(True)
        else:
            self.btn_fix_finding.setText(tr("Fix this…"))
            self.btn_fix_finding.setVisible(fixable(f) and self._fix_target(ri) is not None)
        where = [f.rule]
        if f.feature_id is not None:
            where.append(tr("feature {fid}").format(fid=f.feature_id))
        if len(self.report.results) > 1:
            where.append(result.label)
        self.detail.setText("<b>%s</b><br>%s<br><i>%s</i>" % (
            html.escape(" · ".join(str(w) for w in where)), html.escape(f.message), html.escape(f.fix)))

    def _fill_table(self, *args):
        self.table.clear()
        self.detail.clear()
        self.btn_fix_finding.setVisible(False)
        if self.report is None:
            return
        wanted = self.filter.currentData()
        labels = severity_labels()
        items = []
        for ri, result in enumerate(self.report.results):
            for fi, f in enumerate(result.findings):
                if wanted and f.severity != wanted:
                    continue
                item = QTreeWidgetItem([labels.get(f.severity, f.severity), f.rule,
                                        "" if f.feature_id is None else str(f.feature_id), f.message])
                item.setForeground(0, QBrush(QColor(COLOURS.get(f.severity, "#000000"))))
                if fixable(f):
                    item.setIcon(1, QgsApplication.getThemeIcon("/mActionToggleEditing.svg"))
                tip = f.message + ("\n" + f.fix if f.fix else "")
                if len(self.report.results) > 1:
                    tip = result.label + "\n" + tip
                for col in range(4):
                    item.setToolTip(col, tip)
                item.setData(0, Qt.ItemDataRole.UserRole, (ri, fi))
                items.append(item)
        self.table.addTopLevelItems(items)

    def visible_rows(self):
        return self.table.topLevelItemCount()

    def _zoom_to_item(self, item, _column=0):
        ri, fi = item.data(0, Qt.ItemDataRole.UserRole)
        self.zoom_to(ri, fi)

    def _project_layer(self, ri):
        result = self.report.results[ri]
        lid = self._layer_ids.get(ri)
        layer = QgsProject.instance().mapLayer(lid) if lid else None
        if layer is None and result.ref is not None and result.ref.path:
            for candidate in QgsProject.instance().mapLayers().values():
                if candidate.type() != LayerType.Vector:
                    continue
                ref = ref_of_layer(candidate)
                if ref.path and os.path.realpath(ref.path) == os.path.realpath(result.ref.path) and \
                        ref.layer_name == result.ref.layer_name:
                    return candidate
        return layer

    def zoom_to(self, ri, fi):
        """Zoom the map canvas to finding ``fi`` of result ``ri`` and select its feature."""
        result = self.report.results[ri]
        finding = result.findings[fi]
        layer = self._project_layer(ri)
        if layer is not None and isinstance(finding.feature_id, int):
            layer.selectByIds([finding.feature_id])
        if self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        geom = QgsGeometry.fromWkt(finding.location) if finding.location else QgsGeometry()
        src = QgsCoordinateReferenceSystem.fromWkt(result.crs_wkt) if result.crs_wkt else QgsCoordinateReferenceSystem()
        if geom.isNull() and layer is not None and isinstance(finding.feature_id, int):
            feat = next(layer.getFeatures(QgsFeatureRequest(finding.feature_id)), None)
            geom = feat.geometry() if feat is not None else QgsGeometry()
            src = layer.crs()
        if geom.isNull() or geom.isEmpty():
            return
        dest = canvas.mapSettings().destinationCrs()
        if src.isValid() and dest.isValid() and src != dest:
            try:
                geom.transform(QgsCoordinateTransform(src, dest, QgsProject.instance()))
            except QgsCsException:
                return
        rect = QgsRectangle(geom.boundingBox())
        pad = max(rect.width(), rect.height()) * 0.5
        if pad == 0:
            pad = 0.0005 if dest.isGeographic() else 50.0
        canvas.setExtent(rect.buffered(pad))
        canvas.refresh()
        canvas.flashGeometries([geom], dest)

    # -- outputs -----------------------------------------------------------------------
    def open_report(self):
        path = self.outputs.get("html")
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def add_error_layers(self):
        """Add the error layer(s) of the last run to the project; returns the layers added."""
        added = []
        for name, _count, uri in self.outputs.get("errors", []):
            if name == "findings":
                continue
            kind = {"errors_point": tr("points"), "errors_line": tr("lines"),
                    "errors_polygon": tr("areas")}.get(name, name)
            layer = QgsVectorLayer(uri, tr("Validation findings ({kind})").format(kind=kind), "ogr")
            if layer.isValid():
                QgsProject.instance().addMapLayer(layer)
                added.append(layer)
        return added

    # -- the flow: validated → fixed -----------------------------------------------------
    def _mark_validated(self):
        if self.current is None or self.report is None or len(self.report.results) != 1:
            return
        layer = self._project_layer(0)
        result = self.report.results[0]
        s = self.report.summary()
        path = layer_path(layer) if layer is not None else (result.ref.path if result.ref is not None else "")
        self.current.mark("validated", layer_id=layer.id() if layer is not None else "", path=path,
                          errors=s["errors"], warnings=s["warnings"], infos=s["infos"])

    def revalidate_current(self):
        """Validate the current dataset again (after its metadata was saved), when the last run was of
        it alone and nothing runs; returns the task or None."""
        if self.current is None or self.task is not None or self.fix_task is not None or self.report is None:
            return None
        if len(self.report.results) != 1 or self._layer_ids.get(0) != self.current.layer_id:
            return None
        if QgsProject.instance().mapLayer(self.current.layer_id) is None:
            return None
        self.path.clear()
        self.set_checked([self.current.layer_id])
        self.run()
        return self.task

    def _fix_target(self, ri):
        """(project layer, ref) of result ``ri`` when it can be fixed (a file, a project layer), else None."""
        if self.report is None or ri >= len(self.report.results):
            return None
        result = self.report.results[ri]
        layer = self._project_layer(ri)
        if layer is None or result.ref is None or not result.ref.path:
            return None
        return layer, result.ref

    def _fix_current_finding(self):
        item = self.table.currentItem()
        if item is None:
            return
        if getattr(self, "_finding_element", ""):
            self.gotoMetadata.emit(self._finding_element)
            return
        self.fix(item.data(0, Qt.ItemDataRole.UserRole)[0])

    def fix_dialog(self, ri=0):
        """The Fix dialog for result ``ri`` (not shown), or None when it cannot be fixed."""
        from .fix_dialog import FixDialog
        target = self._fix_target(ri)
        if target is None:
            return None
        layer, ref = target
        findings = self.report.results[ri].findings
        dlg = FixDialog(layer, ref.path, findings, parent=self)
        return dlg

    def fix(self, ri=0, dialog=None):
        """Ask (the Fix dialog), then standardise result ``ri`` into a new file in a QgsTask; when it
        is done the new layer takes the raw one's place and is validated at once."""
        if self.fix_task is not None or self.task is not None:
            return None
        dlg = dialog or self.fix_dialog(ri)
        if dlg is None:
            self._say(tr("Only a dataset in a file, loaded in the project, can be fixed here."), warn=True)
            return None
        self._fix_dialog = dlg
        if dialog is None:
            dlg.setModal(True)
            dlg.finished.connect(lambda code: self._fix_dialog_done(ri, dlg, code))
            dlg.open()
        return dlg

    def _fix_dialog_done(self, ri, dlg, code):
        if code != QDialog.DialogCode.Accepted:
            return
        self.start_fix(ri, dlg.feature_type().fcode, dlg.field_pairs(), dlg.output_path())

    def start_fix(self, ri, fcode, pairs, out_path):
        target = self._fix_target(ri)
        if target is None or self.fix_task is not None:
            return None
        layer, ref = target
        defaults = self.fix_defaults() if callable(self.fix_defaults) else None
        self._fix_source = layer.id()
        self.fix_task = StandardizeTask(ref, out_path, fcode, list(pairs), defaults)
        self.fix_task.watch(ended=self._fix_done, progress=self._progress)
        for b in (self.btn_run, self.btn_fix, self.btn_fix_finding):
            b.setEnabled(False)
        self.btn_cancel.setEnabled(True)
        self.progress.setValue(0)
        self.summary.setText(html.escape(tr("Fixing: writing {file} …").format(file=os.path.basename(out_path))))
        self.fix_task.submit()
        return self.fix_task

    def _fix_done(self, task=None):
        task, self.fix_task = self.fix_task, None
        self.btn_run.setEnabled(True)
        self.btn_cancel.setEnabled(False)
        self.btn_fix_finding.setEnabled(True)
        if task is None:
            return
        if task.result is None or task.error:
            text = task.error or tr("The fix was canceled.")
            self.summary.setText(html.escape(text))
            self.btn_fix.setEnabled(True)
            self._say(text, warn=True)
            return
        res = task.result
        raw = QgsProject.instance().mapLayer(getattr(self, "_fix_source", ""))
        new = QgsVectorLayer(res.uri, res.layer_name, "ogr")
        if not new.isValid():
            self._say(tr("The fixed dataset was written to {file} but QGIS cannot open it.").format(file=res.path),
                      warn=True)
            return
        raw_name, raw_path = (raw.name(), layer_path(raw)) if raw is not None else ("", "")
        self.replace_layer(raw, new)
        if self.current is not None:
            self.current.mark("fixed", layer_id=new.id(), path=res.path, fcode=res.feature_type.fcode,
                              metadata_id=res.metadata_id, source=raw_path)
        self.last_fix = res
        notes = " ".join(getattr(res, "notes", []) or [])
        self._say(tr("Fixed: {file} ({type}) replaces {raw} in the project; the source file is unchanged. "
                     "Validating it again …").format(file=os.path.basename(res.path), type=res.feature_type.layer,
                                                   raw=raw_name) +
                  (" " + notes if notes else ""))
        self.feature_type.setText(res.feature_type.fcode)
        self.path.clear()
        self.refresh_layers()
        self.set_checked([new.id()])
        self.run()

    def replace_layer(self, raw, new):
        """Put ``new`` where ``raw`` is in the layer tree and take ``raw`` out of the project (its file
        stays as it is)."""
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        node = root.findLayer(raw.id()) if raw is not None else None
        if node is None:
            project.addMapLayer(new)
        else:
            parent = node.parent()
            index = parent.children().index(node)
            project.addMapLayer(new, False)
            parent.insertLayer(index, new)
            project.removeMapLayer(raw.id())
        if self.iface is not None:
            self.iface.setActiveLayer(new)
        return new

    def _say(self, text, warn=False):
        # the plugin shows ``message`` in QGIS's message bar (once: the page does not push it too)
        self.message.emit(redact(text), 1 if warn else 0)

    def shutdown(self):
        task, self.task = self.task, None
        fix_task, self.fix_task = self.fix_task, None
        stop_tasks([task, fix_task])   # disconnected, canceled and ended before the widgets go
        project = QgsProject.instance()
        for sig in (project.layersAdded, project.layersRemoved):
            try:
                sig.disconnect(self.refresh_layers)
            except TypeError:
                pass
