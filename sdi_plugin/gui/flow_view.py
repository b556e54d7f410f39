"""One view of the flow: the four steps (Validate, Fix, Metadata, Publish) with the current
dataset's state, above the dock's tabs; and the helper every page uses to preselect the
current dataset (or the active layer) in its layer list."""
import html

from qgis.core import QgsProject, QgsProviderRegistry
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from ..compat import LayerType
from ..core.log import swallowed
from ..core.i18n import tr


def layer_path(layer):
    """The file behind a vector layer ('' for a memory/database layer)."""
    if layer is None:
        return ""
    try:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    except Exception:  # noqa: BLE001 - a provider that cannot decode: no file
        swallowed("a provider that cannot decode: no file")
        return ""
    return parts.get("path") or ""


def vector_layers():
    return [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.type() == LayerType.Vector]


def preferred_layer(current, iface=None):
    """The layer a page should preselect: the current dataset, else the active layer (unless a fixed
    copy replaced it), else the first vector layer whose file has no fixed copy; None when none."""
    layers = vector_layers()
    if not layers:
        return None
    if current is not None and current.layer_id:
        chosen = QgsProject.instance().mapLayer(current.layer_id)
        if chosen is not None:
            return chosen
    active = iface.activeLayer() if hasattr(iface, "activeLayer") else None
    if active is not None and active.type() == LayerType.Vector and \
            not (current is not None and current.is_superseded(layer_path(active))):
        return active
    if current is None:
        return layers[0]
    lid, _ = current.prefer([(lyr.id(), layer_path(lyr)) for lyr in layers])
    return QgsProject.instance().mapLayer(lid)


def preselect(combo, current, iface=None, force=False):
    """Set a QgsMapLayerComboBox to :func:`preferred_layer` when it is empty, shows a superseded raw
    file, or ``force``. Returns the layer set (or None)."""
    shown = combo.currentLayer()
    stale = shown is not None and current is not None and current.is_superseded(layer_path(shown))
    if shown is not None and not stale and not force:
        return None
    layer = preferred_layer(current, iface)
    if layer is not None and layer is not shown:
        combo.setLayer(layer)
        return layer
    return None


class FlowStrip(QWidget):
    """① Validasi ✔ → ② Perbaiki → ③ Metadata → ④ Publikasi, for the current dataset; a click on
    a step asks for its page (``stepClicked(step)``)."""

    stepClicked = pyqtSignal(str)

    def __init__(self, current, parent=None):
        super().__init__(parent)
        self.setObjectName("SimpulFlowStrip")
        self.current = current
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.setSpacing(4)
        self.name = QLabel()
        self.name.setObjectName("SimpulFlowDataset")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.steps = QLabel()
        self.steps.setObjectName("SimpulFlowSteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.linkActivated.connect(self.stepClicked)
        lay.addWidget(self.steps)
        lay.addWidget(self.name, 1)
        current.changed.connect(self.refresh)
        self.refresh()

    @staticmethod
    def labels():
        return {"validated": tr("Validate"), "fixed": tr("Fix"), "described": tr("Metadata"),
                "published": tr("Publish")}

    @staticmethod
    def done_labels():
        return {"validated": tr("validated"), "fixed": tr("fixed"), "described": tr("described"),
                "published": tr("published")}

    def state_texts(self):
        """[(step, label, done, tooltip)] as shown."""
        out = []
        done_words = self.done_labels()
        for step, label in self.labels().items():
            facts = self.current.state(step)
            tip = done_words[step] if facts is not None else tr("not yet")
            if step == "validated" and facts is not None:
                tip = tr("{errors} error(s), {warnings} warning(s)").format(
                    errors=facts.get("errors", 0), warnings=facts.get("warnings", 0))
            out.append((step, label, facts is not None, tip))
        return out

    def refresh(self):
        parts = []
        for n, (step, label, done, tip) in enumerate(self.state_texts()):
            facts = self.current.state(step) or {}
            bad = step == "validated" and done and facts.get("errors", 0)
            mark = ("✘" if bad else "✔") if done else "%d" % (n + 1)
            colour = "#c0392b" if bad else ("#1e8449" if done else "#7f8c8d")
            parts.append("<a href='%s' style='color:%s;text-decoration:none' title='%s'><b>%s</b> %s</a>" % (
                step, colour, html.escape(tip, quote=True), mark, html.escape(label)))
        self.steps.setText(" → ".join(parts))
        self.steps.setToolTip("\n".join("%s: %s" % (label, tip) for _s, label, _d, tip in self.state_texts()))
        layer = QgsProject.instance().mapLayer(self.current.layer_id) if self.current.layer_id else None
        name = layer.name() if layer is not None else (self.current.path.rsplit("/", 1)[-1] if self.current.path
                                                       else "")
        self.name.setText("<i>%s</i>" % html.escape(name) if name else "")
        self.name.setToolTip(self.current.path or name)
