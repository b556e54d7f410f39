"""The Publish tab: choose the node and the dataset, see the style and the metadata that go with
it, plan (every remote change, to confirm), publish with progress and cancel, and see the result
with its links — the layer loads back from the node's WMS and WFS with one click.

Thin by rule: planning, publishing, rollback and checks are ``sdi_plugin.core.publish``; the
work runs in a :class:`PublishTask` (``core.runtime.tasks.FunctionTask``), never on the GUI thread.
"""
import html

from qgis.core import (Qgis, QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProcessingFeedback,
                       QgsProject, QgsRasterLayer, QgsVectorLayer)
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QSize, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor, QPixmap
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView,
                                 QLabel, QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QTextBrowser,
                                 QTreeWidgetItem, QVBoxLayout, QWidget)

from ..compat import LayerFilter
from ..core.i18n import tr
from ..core.training.lab import default_workspace
from ..core.nodes.registry import NodeRegistry
from ..core.publish import publish_dataset
from ..core.publish.dataset import safe_name
from ..core.publish.endpoints import resolve_node
from ..core.publish.model import PublishError
from ..core.publish.sld import layer_sld
from ..core.runtime.tasks import FunctionTask, stop_tasks
from .flow_view import layer_path, preselect
from .publish_report import ACTION_COLOURS, change_text, checklist_rows, resource_label, result_html
from .widgets import flat_list, scrolling_page

class _Feedback(QgsProcessingFeedback):
    """The publish's feedback: its step texts come out as a signal for the status line."""
    step = pyqtSignal(str)

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        self.step.emit(text)


class PublishTask(FunctionTask):
    """One plan or publish (``kwargs`` for :func:`publish_dataset`) off the GUI thread."""

    def __init__(self, kwargs, title):
        self.kwargs = kwargs
        super().__init__(title, lambda fb: publish_dataset(feedback=fb, **kwargs), feedback=_Feedback())

    @property
    def report(self):
        return self.result


class PublishPage(QWidget):
    """The Publish page. Signals: ``message(text, Qgis level)`` for the message bar,
    ``finished(report dict)`` after every plan or publish."""

    message = pyqtSignal(str, int)
    finished = pyqtSignal(object)

    def __init__(self, iface=None, parent=None, registry=None, log_folder=None):
        super().__init__(parent)
        self.iface = iface
        self.registry = registry or NodeRegistry()
        self.log_folder = log_folder
        self.task = None
        self.report = None
        self.sld = b""
        self._render_job = None
        self._render_jobs = []   # every preview job not yet finished (a canceled one ends later)
        self.current = None
        self.scroll, lay = scrolling_page(self, tr("Send a validated dataset with its style and ISO metadata to a "
                                                   "node. Plan first: nothing changes on the node until you confirm."),
                                          fit_width=True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.node = QComboBox()
        self.node.setEditable(True)
        self.node.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.node.setMinimumContentsLength(12)
        self.node.setToolTip(tr("A node you added in Discover, or a node's base URL"))
        form.addRow(tr("Node"), self.node)
        self.layer = QgsMapLayerComboBox()
        self.layer.setFilters(LayerFilter.VectorLayer)
        self.layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer.setMinimumContentsLength(12)
        form.addRow(tr("Dataset"), self.layer)
        self.metadata = QgsFileWidget()
        self.metadata.setFilter(tr("ISO 19139 XML (*.xml)"))
        self.metadata.lineEdit().setPlaceholderText(tr("saved with the dataset, else generated"))
        form.addRow(tr("Metadata"), self.metadata)
        lay.addLayout(form)
        self.options = QgsCollapsibleGroupBox(tr("On the node"))
        self.options.setCollapsed(True)
        opt = QFormLayout(self.options)
        self.workspace = QLineEdit(default_workspace())
        self.layer_name = QLineEdit()
        self.layer_name.setPlaceholderText(tr("the dataset's name"))
        opt.addRow(tr("Workspace"), self.workspace)
        opt.addRow(tr("Layer name"), self.layer_name)
        lay.addWidget(self.options)
        style_row = QHBoxLayout()
        self.preview = QLabel()
        self.preview.setFixedSize(QSize(120, 90))
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        style_row.addWidget(self.preview)
        style_info = QVBoxLayout()
        self.style_text = QLabel()
        self.style_text.setWordWrap(True)
        self.btn_sld = QPushButton(tr("View SLD…"))
        style_info.addWidget(self.style_text)
        style_info.addWidget(self.btn_sld, 0, Qt.AlignmentFlag.AlignLeft)
        style_info.addStretch(1)
        style_row.addLayout(style_info, 1)
        lay.addLayout(style_row)
        buttons = QHBoxLayout()
        self.btn_plan = QPushButton(QgsApplication.getThemeIcon("/mActionShowAllLayers.svg"), tr("Plan"))
        self.btn_publish = QPushButton(QgsApplication.getThemeIcon("/mActionSharingExport.svg"), tr("Publish"))
        self.btn_publish.setEnabled(False)
        buttons.addWidget(self.btn_plan)
        buttons.addWidget(self.btn_publish)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        # the result as a checklist (layer, WMS, WFS, catalogue), the Load buttons beside their rows:
        # right under the buttons, so it is in view after a publish
        self.checklist = QWidget()
        self.checklist.setObjectName("SimpulPublishChecklist")
        self.check_grid = QGridLayout(self.checklist)
        self.check_grid.setContentsMargins(0, 0, 0, 0)
        self.check_grid.setColumnStretch(1, 1)
        self.btn_wms = QPushButton(tr("Load from WMS"), self.checklist)
        self.btn_wfs = QPushButton(tr("Load from WFS"), self.checklist)
        lay.addWidget(self.checklist)
        self.plan_title = QLabel()
        lay.addWidget(self.plan_title)
        self.plan = flat_list([tr("Resource"), tr("Name"), tr("Change")])
        # "peserta_budi:…LN_10K": the workspace and the layer stay readable
        self.plan.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.plan.setMinimumHeight(80)
        hdr = self.plan.header()
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hdr.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.plan)
        self.gate = QLabel()
        self.gate.setWordWrap(True)
        lay.addWidget(self.gate)
        self.overwrite = QCheckBox(tr("Overwrite what the node already serves (update it in place)"))
        lay.addWidget(self.overwrite)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Reason to publish despite validation errors (goes into the lineage)"))
        lay.addWidget(self.reason)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.btn_cancel = QPushButton(tr("Cancel"))
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.btn_cancel)
        lay.addLayout(progress_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.result = QTextBrowser()
        self.result.setOpenExternalLinks(True)
        self.result.setMinimumHeight(210)
        lay.addWidget(self.result)
        lay.addStretch(1)
        for w in (self.plan_title, self.plan, self.gate, self.overwrite, self.reason, self.progress,
                  self.btn_cancel, self.status, self.result, self.btn_wms, self.btn_wfs, self.checklist):
            w.setVisible(False)
        self.reason.textChanged.connect(self._update_publish_button)
        self.btn_plan.clicked.connect(lambda: self.start(dry_run=True))
        self.btn_publish.clicked.connect(lambda: self.start(dry_run=False))
        self.btn_cancel.clicked.connect(self.cancel)
        self.btn_sld.clicked.connect(self.show_sld)
        self.btn_wms.clicked.connect(lambda: self.load_back("wms"))
        self.btn_wfs.clicked.connect(lambda: self.load_back("wfs"))
        self.layer.layerChanged.connect(self._layer_changed)
        self.node.currentIndexChanged.connect(self._forget_plan)
        self.node.currentIndexChanged.connect(lambda *_: self.node.lineEdit().setCursorPosition(0))
        self.node.editTextChanged.connect(self._forget_plan)
        self.refresh_nodes()
        self._layer_changed(self.layer.currentLayer())
        self.node.currentIndexChanged.connect(self._node_chosen)
        QgsProject.instance().layersAdded.connect(self._layers_added)
        self._layers_added()

    # --- the dataset that travels ----------------------------------------------------------------
    def set_current(self, current):
        self.current = current
        current.changed.connect(self._follow_current)
        self._node_chosen()
        self._follow_current()

    def _follow_current(self):
        if self.current is None or not self.current.layer_id or self.task is not None:
            return
        layer = QgsProject.instance().mapLayer(self.current.layer_id)
        if layer is not None and layer is not self.layer.currentLayer():
            self.layer.setLayer(layer)
        if layer is not None and getattr(self, "_style_of", None) != layer.id():   # moved without a signal
            self._layer_changed(layer)

    def _layers_added(self, *args):
        if self.task is None:
            preselect(self.layer, self.current, self.iface)

    def _node_chosen(self, *args):
        if self.current is not None:
            value = self.node_value()
            self.current.node = value if isinstance(value, str) else ""

    # --- inputs ---------------------------------------------------------------------------------
    def showEvent(self, event):
        super().showEvent(event)
        if self.task is None:
            preselect(self.layer, self.current, self.iface)
        if not self.workspace.isModified():   # follow the lab connection until the user types one
            self.workspace.setText(default_workspace())
        self.refresh_nodes()

    def refresh_nodes(self):
        current = self.node.currentText()
        self.node.blockSignals(True)
        self.node.clear()
        for n in self.registry.nodes():
            self.node.addItem("%s — %s" % (n.name, n.url), n.id)
        self.node.blockSignals(False)
        if current:
            self.node.setEditText(current)
        self.node.lineEdit().setCursorPosition(0)

    def node_value(self):
        """A registered node's id, or what the user typed (a base URL)."""
        index = self.node.currentIndex()
        if index >= 0 and self.node.itemText(index) == self.node.currentText():
            return self.node.itemData(index)
        return self.node.currentText().strip()

    def _node_authcfg(self, value):
        """The login of the chosen node: by its id, or by its base URL when one was typed."""
        try:
            return resolve_node(value, registry=self.registry)[1]
        except PublishError:   # not a URL, not a registered node: the publish says so
            return ""

    def _style_name(self, layer):
        return safe_name(self.layer_name.text().strip() or (layer.name() if layer else ""))

    def _layer_changed(self, layer):
        self._style_of = layer.id() if layer is not None else None
        self._forget_plan()
        self.sld = b""
        self.preview.clear()
        if layer is None:
            self.style_text.setText(tr("Choose a vector layer of the project."))
            self.btn_sld.setEnabled(False)
            return
        try:
            self.sld = layer_sld(layer, self._style_name(layer))
            self.style_text.setText(tr("The layer's QGIS symbology goes to the node as an SLD style ({kb:.1f} kB) "
                                       "and becomes the layer's default style.").format(kb=len(self.sld) / 1024.0))
        except Exception as exc:  # noqa: BLE001 - a style QGIS cannot export: say so, publish without it
            self.style_text.setText(tr("The style cannot be exported as SLD: {why}").format(why=exc))
        self.btn_sld.setEnabled(bool(self.sld))
        self._render_preview(layer)

    def _render_preview(self, layer):
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(layer.crs())
        settings.setExtent(layer.extent().buffered(layer.extent().width() * 0.05 or 1.0))
        settings.setOutputSize(self.preview.size())
        settings.setBackgroundColor(QColor(255, 255, 255))
        if self._render_job is not None:
            self._render_job.cancelWithoutBlocking()
        job = QgsMapRendererParallelJob(settings)
        # a bound method, not a lambda holding the page: Qt does not call into a page that is gone
        # (a lambda's late call at interpreter exit aborted Python once, on QGIS 3.40)
        job.finished.connect(self._preview_finished)
        self._render_job = job
        self._render_jobs.append(job)
        job.start()

    def _preview_finished(self):
        job = self.sender()
        if job is not None:
            self._preview_ready(job)

    def _preview_ready(self, job):
        if job in self._render_jobs:
            self._render_jobs.remove(job)
        if job is not self._render_job:
            return
        self._render_job = None
        try:
            self.preview.setPixmap(QPixmap.fromImage(job.renderedImage()))
        except RuntimeError:   # the page (or the job) went away meanwhile
            pass

    def show_sld(self):
        dlg = QDialog(self)
        dlg.setWindowTitle(tr("SLD style"))
        box = QVBoxLayout(dlg)
        text = QPlainTextEdit(self.sld.decode("utf-8", "replace"))
        text.setReadOnly(True)
        box.addWidget(text)
        dlg.resize(560, 480)
        dlg.show()
        self._sld_dialog = dlg

    def _forget_plan(self, *args):
        self.btn_publish.setEnabled(False)

    # --- plan / publish --------------------------------------------------------------------------
    def kwargs(self, dry_run):
        layer = self.layer.currentLayer()
        node = self.node_value()
        kw = {"source": layer.source() if layer else "", "node": node, "authcfg": self._node_authcfg(node),
              "metadata_path": self.metadata.filePath().strip(), "dry_run": dry_run,
              "workspace": self.workspace.text().strip() or "simpul",
              "layer_name": self.layer_name.text().strip(), "overwrite": self.overwrite.isChecked(),
              "override_reason": self.reason.text().strip(), "sld": self.sld or None}
        if self.log_folder is not None:
            kw["log_folder"] = self.log_folder
        return kw

    def start(self, dry_run=True):
        if self.task is not None:
            return
        if self.layer.currentLayer() is None or not self.node_value():
            self._say(tr("Choose a node and a dataset first."), warn=True)
            return
        title = tr("Simpul: planning the publish") if dry_run else tr("Simpul: publishing")
        kwargs = self.kwargs(dry_run)
        am = QgsApplication.authManager()
        if kwargs["authcfg"] and not am.isDisabled() and kwargs["authcfg"] not in am.configIds():
            # a login that is not in this QGIS's authentication database (another profile, a copied
            # node list): asking for the master password would only offer to set a NEW one (QGIS
            # 3.40), and the publish could not log in anyway
            self._say(tr("The node's login (authentication configuration {authcfg}) is not in QGIS's "
                         "authentication database of this profile. Edit the node in Discover and choose "
                         "its login again.").format(authcfg=kwargs["authcfg"]), warn=True)
            return
        if kwargs["authcfg"] and not am.isDisabled() and not am.masterPasswordIsSet() \
                and not am.setMasterPassword(True):
            # asked here, on the GUI thread, not from the background task
            self._say(tr("QGIS's master password is needed to use the node's login."), warn=True)
            return
        if not kwargs["authcfg"]:
            # the node may ask for a login: QGIS then shows its own login window (nothing is stored)
            self.message.emit(tr("This node has no login (authentication configuration) in Simpul. If it asks "
                                 "for one, QGIS shows its login window; to publish without being asked, give "
                                 "the node an authentication configuration in Discover (edit the node)."),
                              int(Qgis.MessageLevel.Info))
        self.task = PublishTask(kwargs, title)
        self.task.watch(ended=self._done, progress=self._progress)
        self.task.feedback.step.connect(self.status.setText)
        self._busy(True, tr("Planning …") if dry_run else tr("Publishing …"))
        self.task.submit()

    def _progress(self, value):
        self.progress.setValue(int(value))

    def run_now(self, dry_run=True):
        """Plan or publish in this thread (scripts and tests); returns the report."""
        task = PublishTask(self.kwargs(dry_run), "")
        task.feedback.step.connect(self.status.setText)
        task.run()
        self.task = task
        self._done()
        return self.report

    def cancel(self):
        if self.task is not None:
            self.task.cancel()
            self.status.setText(tr("Canceling: undoing what was done …"))

    def cancel_tasks(self):
        self.cancel()

    def shutdown(self):
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except TypeError:
            pass
        try:   # the layer box still follows the project: a layer added later must start no preview here
            self.layer.layerChanged.disconnect(self._layer_changed)
        except TypeError:
            pass
        task, self.task = self.task, None
        stop_tasks([task])   # canceled (the node's changes undone) and ended before the widgets go
        # every preview job ends here, its signal cut first: a job canceled without blocking would
        # otherwise call back into this page once it is gone (a crash at exit, seen on QGIS 3.22 and 3.40)
        jobs, self._render_jobs, self._render_job = self._render_jobs, [], None
        for job in jobs:
            try:
                job.finished.disconnect()
            except TypeError:
                pass
            job.cancel()

    def _busy(self, busy, text=""):
        for w in (self.btn_plan, self.btn_publish, self.node, self.layer):
            w.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.btn_cancel.setVisible(busy)
        self.status.setVisible(bool(text))
        self.progress.setValue(0)
        if text:
            self.status.setText(text)

    def _done(self, _task=None):
        task, self.task = self.task, None
        report = task.report if task is not None else None
        if report is None:
            error = task.error if task is not None else ""
            report = {"result": "failed" if error else "canceled", "message": error or tr("Canceled."), "changes": [],
                      "verification": [], "links": {}, "gate": None, "dry_run": True}
        self.report = report
        self._busy(False)
        self.show_report(report)
        level = {"published": Qgis.MessageLevel.Success, "planned": Qgis.MessageLevel.Info,
                 "canceled": Qgis.MessageLevel.Warning}.get(report["result"], Qgis.MessageLevel.Critical)
        self.message.emit(report.get("message", ""), int(level))
        self.finished.emit(report)

    # --- showing a report ------------------------------------------------------------------------
    def show_report(self, report):
        changes = report.get("changes", [])
        self.plan.clear()
        for c in changes:
            item = QTreeWidgetItem([resource_label(c["resource"]), c["name"], change_text(c, report)])
            item.setToolTip(1, "%s\n%s" % (c.get("detail", ""), c.get("url", "")))
            item.setToolTip(2, c.get("message") or c.get("detail", ""))
            colour = ACTION_COLOURS.get(c["action"])
            if c["result"] == "failed":
                colour = "#c0392b"
            if colour:
                item.setForeground(2, QColor(colour))
            if c.get("needs_confirmation") and not report.get("overwrite"):
                item.setIcon(2, QgsApplication.getThemeIcon("/mIconWarning.svg"))
            self.plan.addTopLevelItem(item)
        self._fit_plan()
        title = tr("Plan — {n} change(s) on the node").format(n=sum(1 for c in changes if c["action"] != "skip"))
        if not report.get("dry_run"):
            title = tr("What was done on the node")
        self.plan_title.setText("<b>%s</b>" % html.escape(title))
        for w in (self.plan_title, self.plan):
            w.setVisible(bool(changes))
        gate = report.get("gate") or {}
        verdict = gate.get("verdict", "")
        self.gate.setText(verdict)
        self.gate.setStyleSheet("color: #c0392b;" if gate.get("blocked") else "color: #555;")
        self.gate.setVisible(bool(verdict))
        self.reason.setVisible(bool(gate.get("errors")))
        self.overwrite.setVisible(any(c.get("needs_confirmation") for c in changes))
        self._can_publish = bool(report.get("dry_run") and report["result"] == "planned" and bool(changes))
        self._gate_errors = int(gate.get("errors") or 0)
        self._update_publish_button()
        self.result.setHtml(result_html(report, checks_shown=bool(checklist_rows(report)) and (
            report.get("result") == "published" or not report.get("dry_run"))))
        self.result.setVisible(True)
        self._fit_result()
        self._show_checklist(report)
        if gate.get("validator") == "ran" and self.current is not None and self.layer.currentLayer() is not None:
            layer = self.layer.currentLayer()   # the gate validated the dataset that goes out: its state
            self.current.mark("validated", layer_id=layer.id(), path=layer_path(layer),
                              errors=int(gate.get("errors") or 0), warnings=int(gate.get("warnings") or 0),
                              infos=int(gate.get("infos") or 0))
        if report["result"] == "published" and self.current is not None:
            layer = self.layer.currentLayer()
            self.current.mark("published", layer_id=layer.id() if layer is not None else "",
                              path=layer_path(layer), verified=bool(report.get("verified")),
                              layer=report.get("layer", ""), record=report.get("record_id", ""))

    def _update_publish_button(self, *args):
        """Publish is possible after a plan the node accepts, and — when the plan says the gate refuses
        (validation errors) — only once a reason is written."""
        blocked = getattr(self, "_gate_errors", 0) > 0 and not self.reason.text().strip()
        self.btn_publish.setEnabled(bool(getattr(self, "_can_publish", False)) and not blocked)
        self.btn_publish.setToolTip(tr("Write a reason to publish despite the validation errors, or fix them "
                                       "first.") if blocked and getattr(self, "_can_publish", False) else "")

    def _show_checklist(self, report):
        """The result as a checklist: ✔/✘ layer, WMS, WFS, catalogue; Load beside WMS and WFS."""
        grid = self.check_grid
        while grid.count():
            item = grid.takeAt(0)
            w = item.widget()
            if w is not None and w not in (self.btn_wms, self.btn_wfs):
                w.deleteLater()
        rows = checklist_rows(report) if report.get("result") == "published" or not report.get("dry_run") else []
        self.checklist.setVisible(bool(rows))
        links = report.get("links", {})
        buttons = {"wms": (self.btn_wms, bool(links.get("wms_layer"))),
                   "wfs": (self.btn_wfs, bool(links.get("wfs_typename")))}
        self.btn_wms.setVisible(False)
        self.btn_wfs.setVisible(False)
        for r, (key, ok, text, tip) in enumerate(rows):
            mark = QLabel("✔" if ok else ("✘" if ok is False else "–"))
            mark.setStyleSheet("color: %s; font-weight: bold;" % ("#1e8449" if ok else "#c0392b" if ok is False
                                                                  else "#7f8c8d"))
            label = QLabel(text)
            label.setWordWrap(True)
            label.setToolTip(tip)
            grid.addWidget(mark, r, 0)
            grid.addWidget(label, r, 1)
            if key in buttons and report["result"] == "published":
                button, usable = buttons[key]
                grid.addWidget(button, r, 2)      # (re)parented first: a reparented widget is hidden
                button.setVisible(usable)
        if rows:   # once the layout has the rows: the checklist at the top of the view
            QTimer.singleShot(0, self._scroll_to_checklist)

    def _scroll_to_checklist(self):
        # a bound method run at the next turn of the event loop: the page may be gone by then
        if sip.isdeleted(self) or sip.isdeleted(self.checklist) or not self.checklist.isVisible():
            return
        self.scroll.verticalScrollBar().setValue(max(0, self.checklist.y() - 8))

    def checklist_state(self):
        """[(key, ok)] of the checklist shown (for scripts and tests)."""
        report = self.report or {}
        return [(k, ok) for k, ok, _t, _tip in checklist_rows(report)] if self.checklist.isVisible() else []

    def _fit_plan(self):
        """As tall as its rows (up to 12), so the plan reads without scrolling or empty space."""
        rows = min(self.plan.topLevelItemCount(), 12)
        row = self.plan.sizeHintForRow(0) if rows else 0
        frame = 2 * self.plan.frameWidth() + self.plan.header().sizeHint().height() + 6
        self.plan.setFixedHeight(max(80, frame + rows * max(row, 1)))

    def _fit_result(self):
        """As tall as its text (within 160–460 px): the result and its links without a scroll bar."""
        doc = self.result.document()
        doc.setTextWidth(max(200, self.result.viewport().width()))
        height = int(doc.size().height()) + 2 * self.result.frameWidth() + 8
        self.result.setFixedHeight(min(460, max(160, height)))

    def load_back(self, kind):
        """Add the published layer to the project from the node's WMS or WFS."""
        links = (self.report or {}).get("links", {})
        url = links.get("workspace_ows") or links.get(kind)
        authcfg = (self.report or {}).get("authcfg", "")
        if kind == "wms":
            uri = "contextualWMSLegend=0&crs=EPSG:4326&format=image/png&layers=%s&styles=&url=%s" % (
                links.get("wms_layer", ""), url)
            layer = QgsRasterLayer(uri + ("&authcfg=" + authcfg if authcfg else ""),
                                   "%s (WMS)" % links.get("wms_layer", ""), "wms")
        else:
            uri = "url='%s' typename='%s' version='1.1.0'" % (url, links.get("wfs_typename", ""))
            layer = QgsVectorLayer(uri, "%s (WFS)" % links.get("wfs_typename", ""), "WFS")
        if not layer.isValid():
            self._say(tr("The layer could not be loaded from the node's {kind}.").format(kind=kind.upper()), warn=True)
            return None
        QgsProject.instance().addMapLayer(layer)
        return layer

    def _say(self, text, warn=False):
        self.status.setText(text)
        self.status.setVisible(True)
        self.message.emit(text, int(Qgis.MessageLevel.Warning if warn else Qgis.MessageLevel.Info))
