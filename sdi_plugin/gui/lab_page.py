"""The Latihan (training) tab: the participant's checklist and connection to the lab node, and
the trainer's controls (start / stop / reset the lab node, who finished which step).

Thin: the logic is in ``core/training/exercises.py`` (steps, checklist, progress sending) and
``core/training/lab.py`` (lab node connection and process); the network runs in QgsTasks."""
import html
import time

from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                                 QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                                 QVBoxLayout, QWidget)

from ..core.log import log
from ..core.training import exercises
from ..core.training import lab
from ..core.i18n import tr, ui_language
from ..core.runtime.tasks import FunctionTask, stop_tasks
from .widgets import scrolling_page

REFRESH_MS = 10000


class CallTask(FunctionTask):
    """Run ``fn(feedback)`` off the GUI thread; ``result`` or ``error`` (a message) afterwards.
    Its cancel reaches ``fn`` at once (through the feedback it polls)."""

    def __init__(self, title, fn):
        super().__init__(title, fn, expected=(lab.LabError,))


class StepRow(QWidget):
    """One step of the checklist: a tick that only the observer sets, the title, the instruction."""

    def __init__(self, number, step, parent=None):
        super().__init__(parent)
        self.step = step
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 6)
        lay.setSpacing(1)
        self.tick = QCheckBox("%d. %s" % (number, step.text("title")))
        # ticked from what Simpul observed, not by hand
        self.tick.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.tick.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.tick.font()
        font.setBold(True)
        self.tick.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setContentsMargins(22, 0, 0, 0)
        lay.addWidget(self.tick)
        lay.addWidget(self.text)

    def show_state(self, done):
        from .record_view import local_time
        self.tick.setChecked(bool(done))
        parts = [html.escape(self.step.text("instruction"))]
        if self.step.dataset:
            ds = exercises.training_dataset(self.step.dataset)
            if ds:
                title = ds.get("title") if ui_language() == "id" else ds.get("title_en") or ds.get("title")
                parts.append("<span style='color:#555'>%s <i>%s</i> (%s)</span>" % (
                    html.escape(tr("Dataset:")), html.escape(title or ""), html.escape(ds.get("file", ""))))
        if done:
            parts.append("<span style='color:#1e8449'>%s</span>" % html.escape(
                tr("Done {time}").format(time=local_time(done.get("at", "")))))
        self.text.setText("<br>".join(parts))


class LabPage(QWidget):
    message = pyqtSignal(str, int)
    nodesChanged = pyqtSignal()

    def __init__(self, iface=None, parent=None, tracker=None):
        super().__init__(parent)
        self.iface = iface
        self.tracker = tracker or exercises.tracker()
        self._tasks = set()
        self._done_of = {}     # id(task) -> what to do on the GUI thread when it ends
        try:
            self.exercises = exercises.load_exercises()
            problem = ""
        except exercises.ExerciseError as exc:
            self.exercises, problem = exercises.Exercises(meta={}, steps=[]), str(exc)

        _scroll, lay = scrolling_page(self, tr("Training (bimtek): follow these steps. Each step ticks itself when "
                                               "Simpul sees you complete it."), frame=False)

        # -- participant ---------------------------------------------------------------
        box = QGroupBox(tr("Participant"))
        form = QFormLayout(box)
        self.name_edit = QLineEdit(lab.participant_name())
        self.name_edit.setPlaceholderText(tr("Your name, e.g. Budi Santoso"))
        self.name_edit.setMaxLength(lab.MAX_NAME)
        self.url_edit = QLineEdit(lab.lab_url())
        self.url_edit.setPlaceholderText("http://192.168.1.10:8765")
        self.btn_connect = QPushButton(QgsApplication.getThemeIcon("/mActionAddLayer.svg"), tr("Connect"))
        row = QHBoxLayout()
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.btn_connect)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(tr("for publishing; the trainer tells you"))
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Lab node"), row)
        form.addRow(tr("Password"), self.password_edit)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.status)
        lay.addWidget(box)

        # -- checklist -----------------------------------------------------------------
        steps_box = QGroupBox(tr("Exercises"))
        steps_lay = QVBoxLayout(steps_box)
        self.rows = {}
        for n, step in enumerate(self.exercises.steps):
            self.rows[step.id] = StepRow(n + 1, step)
            steps_lay.addWidget(self.rows[step.id])
        if problem:
            err = QLabel(problem)
            err.setWordWrap(True)
            steps_lay.addWidget(err)
        self.progress_label = QLabel()
        steps_lay.addWidget(self.progress_label)
        row = QHBoxLayout()
        self.btn_open = QPushButton(QgsApplication.getThemeIcon("/mActionAddOgrLayer.svg"),
                                    tr("Open training dataset"))
        self.btn_restart = QPushButton(QgsApplication.getThemeIcon("/mActionUndo.svg"), tr("Start over"))
        self.btn_restart.setToolTip(tr("Clear the ticks on this computer (the lab node keeps what it received)."))
        row.addWidget(self.btn_open)
        row.addWidget(self.btn_restart)
        row.addStretch(1)
        steps_lay.addLayout(row)
        lay.addWidget(steps_box)

        # -- trainer -------------------------------------------------------------------
        from qgis.gui import QgsCollapsibleGroupBox
        trainer = QgsCollapsibleGroupBox(tr("Trainer"))
        trainer.setObjectName("SimpulLabTrainer")
        t_lay = QVBoxLayout(trainer)
        hint = QLabel(tr("Run the lab node on this computer; participants connect to the address below."))
        hint.setWordWrap(True)
        t_lay.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Port")))
        self.port = QSpinBox()
        self.port.setRange(1025, 65535)
        self.port.setValue(lab.DEFAULT_PORT)
        row.addWidget(self.port)
        row.addStretch(1)
        t_lay.addLayout(row)
        row = QHBoxLayout()
        self.btn_start = QPushButton(QgsApplication.getThemeIcon("/mActionStart.svg"), tr("Start training node"))
        self.btn_stop = QPushButton(QgsApplication.getThemeIcon("/mActionStop.svg"), tr("Stop"))
        self.btn_reset = QPushButton(QgsApplication.getThemeIcon("/mActionRefresh.svg"), tr("Reset"))
        self.btn_reset.setToolTip(tr("Back to the clean training state: clears everybody's progress and removes "
                                     "what participants added to the catalogue."))
        for b in (self.btn_start, self.btn_stop, self.btn_reset):
            row.addWidget(b)
        row.addStretch(1)
        t_lay.addLayout(row)
        self.share = QLabel()
        self.share.setWordWrap(True)
        self.share.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.share.setOpenExternalLinks(True)
        t_lay.addWidget(self.share)
        self.btn_copy = QPushButton(QgsApplication.getThemeIcon("/mActionEditCopy.svg"), tr("Copy address"))
        self.btn_refresh = QPushButton(QgsApplication.getThemeIcon("/mActionRefresh.svg"), tr("Refresh progress"))
        row = QHBoxLayout()
        row.addWidget(self.btn_copy)
        row.addWidget(self.btn_refresh)
        row.addStretch(1)
        t_lay.addLayout(row)
        self.table = QTableWidget(0, len(self.exercises.steps) + 2)
        self.table.setHorizontalHeaderLabels([tr("Participant")] + ["%d" % (n + 1) for n in
                                                                    range(len(self.exercises.steps))] + [tr("Done")])
        for n, step in enumerate(self.exercises.steps):
            self.table.horizontalHeaderItem(n + 1).setToolTip(step.text("title"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(150)
        hdr = self.table.horizontalHeader()
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.table.columnCount()):
            hdr.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        t_lay.addWidget(self.table)
        self.table_status = QLabel()
        self.table_status.setStyleSheet("color: #555;")
        t_lay.addWidget(self.table_status)
        self.trainer_status = QLabel()
        self.trainer_status.setWordWrap(True)
        t_lay.addWidget(self.trainer_status)
        trainer.setCollapsed(lab.started_node() is None)
        self.trainer = trainer
        lay.addWidget(trainer)
        lay.addStretch(1)

        self.btn_connect.clicked.connect(self.connect_lab)
        self.url_edit.returnPressed.connect(self.connect_lab)
        self.name_edit.editingFinished.connect(self.save_name)
        self.btn_open.clicked.connect(self.open_dataset)
        self.btn_restart.clicked.connect(self.start_over)
        self.btn_start.clicked.connect(self.start_node)
        self.btn_stop.clicked.connect(self.stop_node)
        self.btn_reset.clicked.connect(self.reset_node)
        self.btn_copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.shared_url()))
        self.btn_refresh.clicked.connect(self.refresh_progress)
        self.tracker.changed.connect(self._ticked)
        self.tracker.sendFinished.connect(self._sent)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._auto_refresh)
        self.timer.start()
        self.refresh()

    # -- state -----------------------------------------------------------------------
    def refresh(self):
        state = self.tracker.checklist.state()
        for step_id, row in self.rows.items():
            row.show_state(state.get(step_id))
        done = sum(1 for s in self.rows if s in state)
        self.progress_label.setText(tr("{done} of {total} steps done").format(done=done, total=len(self.rows)))
        self.show_status()
        self.show_trainer()

    def _ticked(self, step):
        self.refresh()
        row = self.rows.get(step)
        if row is not None:
            self.message.emit(tr("Exercise step done: {step}").format(step=row.step.text("title")),
                              Qgis.MessageLevel.Success)

    def _sent(self, sent, failed):
        self.show_status()

    def show_status(self):
        url, name = lab.lab_url(), lab.participant_name()
        if not url:
            text = tr("Not connected to a lab node: enter the address the trainer gives you and press Connect.")
        elif not name:
            text = tr("Connected to {url}. Enter your name so the trainer sees your progress.").format(url=url)
        else:
            unsent = self.tracker.checklist.unsent(url)
            text = tr("Connected to {url} as {name}; you publish into the workspace {workspace}.").format(
                url=url, name=name, workspace=lab.participant_workspace(name))
            if unsent:
                text += " " + tr("Not yet received by the lab node: {n} step(s).").format(n=len(unsent))
        self.status.setText(text)

    def show_trainer(self):
        running = lab.started_node()
        self.btn_start.setEnabled(running is None and not self._busy("node"))
        self.btn_stop.setEnabled(running is not None and not self._busy("node"))
        self.btn_reset.setEnabled(not self._busy("reset"))
        url = self.shared_url()
        self.share.setText("%s <b><a href='%s/lab'>%s</a></b>" % (
            html.escape(tr("Address for participants:")), html.escape(url), html.escape(url)))

    def shared_url(self):
        running = lab.started_node()
        return running.get("url") if running else lab.share_url(self.port.value())

    # -- participant --------------------------------------------------------------------
    def save_name(self):
        name = lab.set_participant_name(self.name_edit.text())
        if name != self.name_edit.text():
            self.name_edit.setText(name)
        self.show_status()
        self.tracker.sync()

    def connect_lab(self):
        self.save_name()
        text = self.url_edit.text()
        try:
            lab.normalise_url(text)
        except lab.LabError as exc:
            self.message.emit(str(exc), Qgis.MessageLevel.Warning)
            return None
        if self._busy("connect"):
            return None
        self.btn_connect.setEnabled(False)
        self.status.setText(tr("Connecting to {url} …").format(url=text.strip()))
        return self._run("connect", tr("Simpul: connecting to the lab node"),
                         lambda fb: lab.connect_lab(text, feedback=fb), self._connected)

    def _connected(self, task):
        self.btn_connect.setEnabled(True)
        if task.error:
            self.message.emit(task.error, Qgis.MessageLevel.Warning)
            self.show_status()
            return
        conn = task.result
        self.url_edit.setText(conn.url)
        password = self.password_edit.text()
        if password and conn.publish_user and conn.node is not None:
            try:   # here, on the GUI thread: QGIS may ask for its master password
                lab.store_publish_login(conn.node, conn.publish_user, password)
            except lab.LabError as exc:
                self.message.emit(str(exc), Qgis.MessageLevel.Warning)
        self.password_edit.clear()
        self.nodesChanged.emit()
        self.message.emit(tr("Connected to the lab node {url}; the node {name} is in your list of nodes.").format(
            url=conn.url, name=conn.node.name if conn.node else conn.url), Qgis.MessageLevel.Success)
        self.show_status()
        self.tracker.sync()

    def open_dataset(self):
        step = next((s for s in self.exercises.steps if s.dataset), None)
        ds = exercises.training_dataset(step.dataset) if step else None
        if not ds:
            self.message.emit(tr("The training datasets are not installed with this Simpul."),
                              Qgis.MessageLevel.Warning)
            return None
        layer = QgsVectorLayer(ds["uri"], ds.get("layer") or ds["id"], "ogr")
        if not layer.isValid():
            self.message.emit(tr("The training dataset {file} could not be opened.").format(file=ds["path"]),
                              Qgis.MessageLevel.Warning)
            return None
        QgsProject.instance().addMapLayer(layer)
        return layer

    def start_over(self):
        self.tracker.checklist.reset()
        self.refresh()

    # -- trainer ------------------------------------------------------------------------
    def start_node(self):
        port = self.port.value()
        missing = lab.node_available()
        if missing:
            self.trainer_status.setText(missing)
            self.message.emit(missing, Qgis.MessageLevel.Warning)
            return None
        self.trainer_status.setText(tr("Starting the lab node … (this takes up to a minute)"))

        def work(fb):
            start = lab.start_lab_node(port)
            if start.state == "started":
                why = lab.wait_ready(start, port, feedback=fb)
                if why:
                    raise lab.LabError(why)
            elif start.state == "failed":
                raise lab.LabError(start.message)
            return start

        task = self._run("node", tr("Simpul: starting the lab node"), work, self._node_started)
        self.show_trainer()
        return task

    def _node_started(self, task):
        self._after_node_task(task, Qgis.MessageLevel.Critical, lambda start: tr("The lab node runs at {url}.").format(
            url=start.url) if start.state == "started" else start.message, Qgis.MessageLevel.Success)

    def _after_node_task(self, task, error_level, done_text, done_level=None):
        """The trainer's status line after a task on the lab node: its error (also in the message
        bar), or ``done_text(result)`` (in the bar too with ``done_level``) and fresh progress."""
        if task.error:
            self.trainer_status.setText(task.error)
            self.message.emit(task.error, error_level)
        else:
            text = done_text(task.result)
            self.trainer_status.setText(text)
            if done_level is not None:
                self.message.emit(text, done_level)
            self.refresh_progress()
        self.show_trainer()

    def stop_node(self):
        task = self._run("node", tr("Simpul: stopping the lab node"), lambda fb: lab.stop_lab_node(), self._node_done)
        self.show_trainer()
        return task

    def _node_done(self, task):
        self.trainer_status.setText(task.error or task.result)
        self.show_trainer()

    def reset_node(self):
        port = self.port.value()
        running = lab.started_node()
        if running:
            port = running.get("port", port)
        task = self._run("reset", tr("Simpul: resetting the lab node"), lambda fb: lab.reset_lab(port, feedback=fb),
                         self._reset_done)
        self.show_trainer()
        return task

    def _reset_done(self, task):
        self._after_node_task(task, Qgis.MessageLevel.Warning, lambda r: tr(
            "The lab node is back to the clean training state: progress of {people} participant(s) cleared, "
            "{records} record(s) removed from the catalogue.").format(
                people=r.get("participants_cleared", 0), records=len(r.get("records_removed", []))))

    def _auto_refresh(self):
        if not self.trainer.isCollapsed() and self.isVisible() and lab.started_node():
            self.refresh_progress()

    def refresh_progress(self):
        if self._busy("progress"):
            return None
        running = lab.started_node()
        url = "http://127.0.0.1:%d" % (running.get("port") if running else self.port.value())
        return self._run("progress", tr("Simpul: reading the training progress"),
                         lambda fb: lab.fetch_progress(url, feedback=fb), self._progress)

    def _progress(self, task):
        if task.error:
            self.table_status.setText(task.error)
            return
        data = task.result
        ids = [s.id for s in self.exercises.steps]
        people = data.get("participants", [])
        self.table.setRowCount(len(people))
        for r, p in enumerate(people):
            item = QTableWidgetItem(p.get("participant", ""))
            item.setToolTip(p.get("workspace", ""))
            self.table.setItem(r, 0, item)
            for c, step_id in enumerate(ids):
                done = (p.get("steps") or {}).get(step_id)
                cell = QTableWidgetItem("✓" if done else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if done:
                    from .record_view import local_time
                    cell.setToolTip(local_time(done.get("at", "")))
                self.table.setItem(r, c + 1, cell)
            self.table.setItem(r, len(ids) + 1, QTableWidgetItem("%d/%d" % (p.get("done", 0), len(ids))))
        self.table_status.setText(tr("{n} participant(s); updated {time}.").format(
            n=len(people), time=time.strftime("%H:%M:%S")))

    # -- tasks --------------------------------------------------------------------------
    def _busy(self, kind):
        return any(k == kind for k, _ in self._tasks)

    def _run(self, kind, title, fn, done):
        task = CallTask(title, fn)
        self._tasks.add((kind, task))
        self._done_of[id(task)] = done
        task.watch(ended=self._task_ended)
        return task.submit()

    def _task_ended(self, task):
        self._tasks.discard(next((e for e in self._tasks if e[1] is task), None))
        done = self._done_of.pop(id(task), None)
        if done is not None:
            done(task)

    def busy(self):
        return bool(self._tasks)

    def shutdown(self):
        self.timer.stop()
        tasks = [task for _, task in self._tasks]
        self._tasks.clear()
        self._done_of.clear()
        stop_tasks(tasks)   # canceled and ended before the widgets go
        for signal, slot in ((self.tracker.changed, self._ticked), (self.tracker.sendFinished, self._sent)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        if self.tracker is exercises._TRACKER:
            exercises.stop_tracker()      # the next panel (language change, reload) starts a fresh one
        if lab.started_node():
            log.info("%s", tr("Simpul: the lab node keeps running after QGIS closes; stop it from the "
                              "Latihan tab or with Ctrl-C."))
