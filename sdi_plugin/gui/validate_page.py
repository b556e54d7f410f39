"""The Validate tab: pick layers of the project (or a folder / GeoPackage), validate them in
a background task with progress and cancel, browse the findings (double-click zooms to one
and selects its feature), open the HTML report, add the error layer to the project.

Thin by rule: all checking, reporting and writing is ``sdi_plugin.core.validate``.
"""
import html
import os
import tempfile

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException,
                       QgsFeatureRequest, QgsGeometry, QgsProcessingUtils, QgsProject, QgsRectangle, QgsTask,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QUrl, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                                 QListWidget, QListWidgetItem, QProgressBar, QPushButton,
                                 QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..compat import LayerType
from ..core.findings import ERROR, INFO, WARNING
from ..core.i18n import tr
from ..core.validate import InputError, validate_batch, validate_layer
from ..core.validate.engine import SubFeedback
from ..core.validate.errorlayer import COLOURS, severity_labels
from ..core.validate.outputs import write_outputs
from ..core.validate.report import Report
from ..core.validate.sources import open_ref, ref_of_layer

SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


class _TaskFeedback:
    """What the validator needs from a feedback, answered by the task."""

    def __init__(self, task):
        self.task = task

    def isCanceled(self):  # noqa: N802 (Qt's name)
        return self.task.isCanceled()

    def setProgress(self, value):  # noqa: N802 (Qt's name)
        self.task.setProgress(value)

    def pushInfo(self, text):  # noqa: N802 (Qt's name)
        pass


class ValidateTask(QgsTask):
    """Validate layers (``jobs``: [(ref, layer or None)]) or a folder/GeoPackage off the GUI thread,
    then write the report files into ``out_dir``."""

    def __init__(self, jobs=None, source="", out_dir="", feature_type=None):
        super().__init__(tr("Simpul: validating"), QgsTask.Flag.CanCancel)
        self.jobs = list(jobs or [])
        self.source = source
        self.out_dir = out_dir
        self.feature_type = feature_type
        self.report = None
        self.outputs = {}
        self.error = ""

    def run(self):
        fb = _TaskFeedback(self)
        try:
            if self.source:
                self.report = validate_batch(self.source, feedback=fb)
            else:
                results = []
                for n, (ref, layer) in enumerate(self.jobs):
                    if self.isCanceled():
                        break
                    layer = layer if layer is not None else open_ref(ref)
                    sub = SubFeedback(fb, 95.0 * n / len(self.jobs), 95.0 / len(self.jobs))
                    ft = self.feature_type if len(self.jobs) == 1 else None
                    results.append(validate_layer(layer, ref, ft, "", sub))
                self.report = Report(results, source=tr("Project layers") if len(results) > 1 else None,
                                     canceled=self.isCanceled())
            if self.isCanceled():
                return False
            self.outputs = write_outputs(self.report, os.path.join(self.out_dir, "findings.gpkg"),
                                         os.path.join(self.out_dir, "report.html"),
                                         os.path.join(self.out_dir, "report.json"))
            self.setProgress(100)
            return True
        except (InputError, OSError) as exc:
            self.error = str(exc)
            return False
        except Exception as exc:  # noqa: BLE001 - never let a task die silently
            self.error = tr("Unexpected error: {error}").format(error=exc)
            return False


class ValidatePage(QWidget):
    """The dock's Validate tab.  ``finished(report)`` is emitted after a run."""

    finished = pyqtSignal(object)
    message = pyqtSignal(str, int)

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.task = None
        self.report = None
        self.outputs = {}
        self._layer_ids = {}          # result index -> project layer id
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Check datasets against KUGI, SRGI2013, the metadata profile, geometry and "
                          "topology before you share them. Tick layers, or choose a folder or GeoPackage."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.layers = QListWidget()
        self.layers.setMaximumHeight(120)
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
        self.table = QTreeWidget()
        self.table.setHeaderLabels([tr("Severity"), tr("Rule"), tr("Feature"), tr("Message")])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
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
        lay.addWidget(self.detail)
        out_row = QHBoxLayout()
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
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in layer_ids else Qt.CheckState.Unchecked)

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
        if not source and not ids:
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
                copy = None if ref.path else layer.materialize(QgsFeatureRequest())
                jobs.append((ref, copy))
                self._layer_ids[n] = lid
        out_dir = tempfile.mkdtemp(prefix="validate-", dir=QgsProcessingUtils.tempFolder())
        self.task = ValidateTask(jobs, source, out_dir, self.feature_type.text().strip() or None)
        self.task.progressChanged.connect(lambda v: self.progress.setValue(int(v)))
        self.task.taskCompleted.connect(self._done)
        self.task.taskTerminated.connect(self._done)
        self.btn_run.setEnabled(False)
        self.btn_cancel.setEnabled(True)
        self.progress.setValue(0)
        self.summary.setText(html.escape(tr("Validating…")))
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def cancel_tasks(self):
        self.cancel()

    def _done(self):
        task, self.task = self.task, None
        self.btn_run.setEnabled(True)
        self.btn_cancel.setEnabled(False)
        if task is None:
            return
        if task.report is None or task.isCanceled() or task.error:
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
        self.finished.emit(self.report)

    # -- findings ----------------------------------------------------------------------
    def _show_detail(self, item, _previous=None):
        if item is None or self.report is None:
            self.detail.clear()
            return
        ri, fi = item.data(0, Qt.ItemDataRole.UserRole)
        result = self.report.results[ri]
        f = result.findings[fi]
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
        for name, count, uri in self.outputs.get("errors", []):
            if name == "findings":
                continue
            kind = {"errors_point": tr("points"), "errors_line": tr("lines"),
                    "errors_polygon": tr("areas")}.get(name, name)
            layer = QgsVectorLayer(uri, tr("Validation findings ({kind})").format(kind=kind), "ogr")
            if layer.isValid():
                QgsProject.instance().addMapLayer(layer)
                added.append(layer)
        return added

    def _say(self, text, warn=False):
        self.message.emit(text, 1 if warn else 0)
        if self.iface is not None:
            bar = self.iface.messageBar()
            (bar.pushWarning if warn else bar.pushInfo)(tr("Simpul"), text)

    def shutdown(self):
        self.cancel()
        project = QgsProject.instance()
        for sig in (project.layersAdded, project.layersRemoved):
            try:
                sig.disconnect(self.refresh_layers)
            except TypeError:
                pass
