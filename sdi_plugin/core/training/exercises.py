"""The training exercises (bimtek) and the participant's checklist.

The exercises are data: ``resources/exercises/latihan.json`` (format ``simpul-exercises``)
lists the steps discover → load → validate → fix → metadata → publish, each with a title and
a one-line instruction in Indonesian and English and the planted-defect dataset it uses
(an id of ``resources/sample_data/manifest.json``).

A step is ticked only from what the plugin observed (``core/runtime/events.py``): :class:`Checklist`
keeps the ticks per QGIS profile (``simpul/latihan/steps/<step>``); :class:`Tracker` listens to
the observer, ticks, and — when a lab node is configured (``core/training/lab.py``) — sends each
completed step to ``<lab>/lab/progress`` in a background QgsTask. A failed send is a quiet log
message; unsent steps are sent again when the next step completes (or on :meth:`Tracker.sync`).
"""
import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QObject, pyqtSignal, pyqtSlot

from ..errors import SimpulError
from ..log import log
from ..runtime import events
from ..i18n import tr, ui_language
from ..paths import resource
from ..runtime.tasks import FunctionTask, stop_tasks

FORMAT = "simpul-exercises"
EXERCISES_FILE = resource("exercises", "latihan.json")
MANIFEST_FILE = resource("sample_data", "manifest.json")
STEP_KEY = "simpul/latihan/steps/"
SENT_KEY = "simpul/latihan/sent/"
MAX_DETAIL_KEYS = 8
MAX_DETAIL_TEXT = 200


class ExerciseError(SimpulError, ValueError):
    """The exercises file is unreadable or malformed (the message says where and why)."""


@dataclass
class Step:
    id: str
    title: dict
    instruction: dict
    observed: str = ""
    dataset: str = ""          # a dataset id of resources/sample_data/manifest.json (on this machine)
    node_dataset: str = ""     # a dataset the lab node serves
    expect: dict = field(default_factory=dict)   # {detail key: text it must contain (any case)}

    def matches(self, detail):
        """True when an observation's ``detail`` is what this exercise asks for (every key of
        ``expect`` present and containing its text, ignoring case)."""
        detail = detail or {}
        return all(str(want).lower() in str(detail.get(key, "")).lower() for key, want in self.expect.items())

    def text(self, what, lang=None):
        values = getattr(self, what)
        lang = lang or ui_language()
        return values.get(lang) or values.get("en") or next(iter(values.values()), "")


@dataclass
class Exercises:
    meta: dict
    steps: list = field(default_factory=list)

    def step(self, step_id):
        return next((s for s in self.steps if s.id == step_id), None)

    @property
    def ids(self):
        return [s.id for s in self.steps]


def load_exercises(path=None):
    """Read and check the exercises file; returns :class:`Exercises`."""
    path = path or EXERCISES_FILE
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read(1024 * 1024).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ExerciseError(tr("The exercises file {file} cannot be read: {error}").format(file=path, error=exc)) \
            from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("steps"), list):
        raise ExerciseError(tr("{file} is not a Simpul exercises file").format(file=path))
    steps = []
    for i, raw in enumerate(data["steps"]):
        ok = isinstance(raw, dict) and raw.get("id") in events.STEPS and all(
            isinstance(raw.get(k), dict) and raw[k].get("en") and raw[k].get("id") for k in ("title", "instruction"))
        if not ok:
            raise ExerciseError(tr("{file}: step {n} needs a known id and a title and instruction in id and en")
                                .format(file=path, n=i + 1))
        expect = raw.get("expect") or {}
        if not isinstance(expect, dict) or not all(isinstance(v, str) and v for v in expect.values()):
            raise ExerciseError(tr("{file}: step {n}: 'expect' must map detail names to texts")
                                .format(file=path, n=i + 1))
        steps.append(Step(id=raw["id"], title=raw["title"], instruction=raw["instruction"],
                          observed=raw.get("observed", ""), dataset=raw.get("dataset") or "",
                          node_dataset=raw.get("node_dataset") or "", expect=expect))
    return Exercises(meta={k: v for k, v in data.items() if k != "steps"}, steps=steps)


def training_active(settings=None):
    """True in a training session: the participant gave their name or joined a lab node."""
    from . import lab
    return bool(lab.participant_name(settings) or lab.lab_url(settings))


def training_dataset(dataset_id, manifest_path=None):
    """The manifest entry of a training dataset, with ``path`` (absolute) added; None if unknown."""
    manifest_path = manifest_path or MANIFEST_FILE
    try:
        with open(manifest_path, encoding="utf-8") as fh:
            manifest = json.load(fh)
    except (OSError, ValueError):
        return None
    for entry in manifest.get("datasets", []):
        if entry.get("id") == dataset_id:
            out = dict(entry)
            out["path"] = os.path.join(os.path.dirname(manifest_path), entry.get("file", ""))
            out["uri"] = out["path"] + ("|layername=%s" % entry["layer"] if entry.get("format") == "GPKG" else "")
            return out
    return None


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def clean_detail(detail):
    """A small, JSON-safe copy of an observation's detail: scalars only, text shortened."""
    out = {}
    for key, value in list((detail or {}).items())[:MAX_DETAIL_KEYS]:
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
            out[str(key)[:40]] = value
        else:
            out[str(key)[:40]] = str(value)[:MAX_DETAIL_TEXT]
    return out


class Checklist:
    """The ticks of this QGIS profile: ``simpul/latihan/steps/<step>`` = JSON {"at", "detail"}.
    Safe to use from any thread (each call uses its own QgsSettings)."""

    _lock = threading.Lock()

    def __init__(self, settings=None):
        self._settings = settings

    def _s(self):
        return self._settings if self._settings is not None else QgsSettings()

    def get(self, step):
        raw = self._s().value(STEP_KEY + step, "", type=str) or ""
        try:
            value = json.loads(raw) if raw else None
        except ValueError:
            return None
        return value if isinstance(value, dict) and value.get("at") else None

    def state(self):
        return {step: self.get(step) for step in events.STEPS if self.get(step)}

    def mark(self, step, detail=None):
        """Tick ``step``; returns True when it was not ticked before (the first time counts)."""
        if step not in events.STEPS:
            return False
        with self._lock:
            if self.get(step):
                return False
            s = self._s()
            s.setValue(STEP_KEY + step, json.dumps({"at": _now(), "detail": clean_detail(detail)}, ensure_ascii=False))
            s.setValue(SENT_KEY + step, "")
            return True

    def is_sent(self, step, lab_url):
        return bool(lab_url) and (self._s().value(SENT_KEY + step, "", type=str) or "") == lab_url

    def set_sent(self, step, lab_url):
        self._s().setValue(SENT_KEY + step, lab_url)

    def unsent(self, lab_url):
        return [step for step in events.STEPS if self.get(step) and not self.is_sent(step, lab_url)]

    def reset(self):
        s = self._s()
        with self._lock:
            for step in events.STEPS:
                s.remove(STEP_KEY + step)
                s.remove(SENT_KEY + step)


def post_progress(lab_url, participant, step, detail=None, timeout=8.0, feedback=None):
    """POST one completed step to ``<lab_url>/lab/progress``; returns the HttpResponse."""
    from ..network.http import http_post
    body = json.dumps({"participant": participant, "step": step, "detail": clean_detail(detail)}, ensure_ascii=False)
    return http_post(lab_url.rstrip("/") + "/lab/progress", body, content_type="application/json",
                     timeout=timeout, max_bytes=64 * 1024, feedback=feedback)


def server_message(resp):
    """What went wrong with a progress POST, for the log."""
    if resp.error and not resp.status:
        return resp.error
    try:
        return resp.json().get("error") or resp.error
    except (ValueError, AttributeError, UnicodeDecodeError):
        return resp.error or tr("the server answered HTTP {status}").format(status=resp.status)


class ProgressPostTask(FunctionTask):
    """Send the unsent completed steps to the lab node (background; quiet on failure)."""

    def __init__(self, lab_url, participant, items):
        self.lab_url, self.participant, self.items = lab_url, participant, list(items)
        self.sent, self.failures = [], []
        super().__init__(tr("Simpul: sending exercise progress"), self._send)

    def _send(self, feedback):
        for step, detail in self.items:
            if feedback.isCanceled():
                return
            resp = post_progress(self.lab_url, self.participant, step, detail, feedback=feedback)
            if resp.ok:
                self.sent.append(step)
            else:
                self.failures.append((step, server_message(resp)))


class Tracker(QObject):
    """Listens to the observer, ticks the checklist and sends progress to the lab node.

    ``changed(step)`` is emitted on the thread the tracker lives on (the GUI thread) after a step
    was ticked; ``sendFinished(sent, failed)`` after each send."""

    changed = pyqtSignal(str)
    sendFinished = pyqtSignal(list, list)
    _ticked = pyqtSignal(str)

    def __init__(self, checklist=None, parent=None):
        super().__init__(parent)
        self.checklist = checklist or Checklist()
        self._task = None
        self._again = False
        self._ticked.connect(self._after_tick)
        self._listening = False
        self._exercises = None

    def start(self):
        if not self._listening:
            events.subscribe(self._observed)
            self._listening = True
        return self

    def stop(self):
        events.unsubscribe(self._observed)
        self._listening = False
        task, self._task = self._task, None
        stop_tasks([task])

    def _observed(self, step, detail):
        # any thread: tick (thread-safe), then hand over to the tracker's own thread. Only in a
        # training session (the participant gave a name or joined a lab node), and only for what
        # the exercise asks (its dataset, its search words): everyday work ticks nothing.
        if not training_active():
            return
        wanted = self._exercise(step)
        if wanted is not None and not wanted.matches(detail):
            return
        if self.checklist.mark(step, detail):
            self._ticked.emit(step)

    def _exercise(self, step):
        if self._exercises is None:
            try:
                self._exercises = load_exercises()
            except ExerciseError as exc:
                log.warning("%s", exc)
                self._exercises = Exercises(meta={}, steps=[])
        return self._exercises.step(step)

    @pyqtSlot(str)
    def _after_tick(self, step):
        self.changed.emit(step)
        self.sync()

    def sync(self):
        """Send every completed step the lab node has not acknowledged yet (a QgsTask)."""
        from . import lab
        url, name = lab.lab_url(), lab.participant_name()
        if not url or not name:
            return None
        if self._task is not None:
            self._again = True
            return self._task
        items = [(step, (self.checklist.get(step) or {}).get("detail", {})) for step in self.checklist.unsent(url)]
        if not items:
            return None
        task = ProgressPostTask(url, name, items)
        self._task = task
        return task.watch(ended=self._sent).submit()

    def busy(self):
        return self._task is not None

    def _sent(self, task):
        if task is not self._task:
            return
        self._task = None
        for step in task.sent:
            self.checklist.set_sent(step, task.lab_url)
        for step, why in task.failures:
            log.info("%s", tr("Simpul: the exercise step {step} could not be sent to the lab node "
                              "{url} ({why}); it is sent again with the next step.").format(
                step=step, url=task.lab_url, why=why))
        self.sendFinished.emit(list(task.sent), [s for s, _ in task.failures])
        if self._again:
            self._again = False
            if not task.failures:
                self.sync()


_TRACKER = None


def tracker():
    """The profile's one tracker (created and started on first use, on the calling — GUI — thread)."""
    global _TRACKER
    if _TRACKER is None:
        _TRACKER = Tracker().start()
    return _TRACKER


def stop_tracker():
    global _TRACKER
    if _TRACKER is not None:
        _TRACKER.stop()
        _TRACKER = None
