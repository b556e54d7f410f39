"""The dataset that travels through the panel's four steps: Validate → Fix → Metadata → Publish.

One :class:`CurrentDataset` per dock. A page that finishes a step says so (:meth:`mark`); the
other pages follow ``changed`` and preselect that dataset, so no list starts empty and, once a
fixed copy exists, the raw file is never the default again (:meth:`prefer`). Headless (QtCore
only): the state is a plain dict a test can read.
"""
import os

from qgis.PyQt.QtCore import QObject, pyqtSignal

STEPS = ("validated", "fixed", "described", "published")


def _norm(path):
    return os.path.normcase(os.path.realpath(path)) if path else ""


class CurrentDataset(QObject):
    """The current dataset: ``layer_id`` (a project layer), ``path`` (its file), the state of each
    step (:data:`STEPS` → a dict of facts, or absent) and the raw → fixed replacements seen."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layer_id = ""
        self.path = ""
        self.steps = {}
        self.replaced = {}      # normalised raw path -> fixed path
        self.node = ""          # the node chosen last (Publish), for per-node defaults

    def set_dataset(self, layer_id="", path="", keep_steps=False):
        """Make this the current dataset (a new dataset forgets the earlier one's steps)."""
        same = (layer_id and layer_id == self.layer_id) or (path and _norm(path) == _norm(self.path))
        self.layer_id, self.path = layer_id or "", path or ""
        if not same and not keep_steps:
            self.steps = {}
        self.changed.emit()

    def mark(self, step, layer_id="", path="", **facts):
        """Step ``step`` (one of :data:`STEPS`) was done on the dataset (``layer_id``/``path``
        when it names a dataset: the fixed copy after "fixed")."""
        if step not in STEPS:
            raise ValueError(step)
        if step == "fixed" and path and self.path and _norm(path) != _norm(self.path):
            self.replaced[_norm(self.path)] = path
        if layer_id or path:
            same = (layer_id and layer_id == self.layer_id) or (path and _norm(path) == _norm(self.path))
            if not same and step != "fixed":
                self.steps = {}
            self.layer_id, self.path = layer_id or self.layer_id, path or self.path
        self.steps[step] = dict(facts)
        self.changed.emit()

    def state(self, step):
        return self.steps.get(step)

    def fixed_copy(self, path):
        """The fixed copy that replaced ``path`` (following chains), or ''."""
        seen, out = set(), ""
        key = _norm(path)
        while key in self.replaced and key not in seen:
            seen.add(key)
            out = self.replaced[key]
            key = _norm(out)
        return out

    def is_superseded(self, path):
        return bool(path) and bool(self.fixed_copy(path))

    def prefer(self, candidates):
        """Of ``candidates`` [(layer_id, path)], the one to preselect: the current dataset when it is
        among them, else the first whose file has no fixed copy, else the first; None when empty."""
        candidates = list(candidates)
        if not candidates:
            return None
        for lid, path in candidates:
            if self.layer_id and lid == self.layer_id:
                return lid, path
        for lid, path in candidates:
            if self.path and path and _norm(path) == _norm(self.path):
                return lid, path
        for lid, path in candidates:
            if not self.is_superseded(path):
                return lid, path
        return candidates[0]

    def to_dict(self):
        return {"layer_id": self.layer_id, "path": self.path, "steps": dict(self.steps),
                "replaced": dict(self.replaced), "node": self.node}
