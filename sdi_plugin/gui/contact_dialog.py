"""Asked once per node: the organisation and contact that go into every metadata record, and the
place for the titles. Remembered in QgsSettings under the node (never a secret)."""
import html

from qgis.core import QgsSettings
from qgis.PyQt.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ..core.i18n import tr
from .widgets import ok_cancel

KEYS = ("organisation", "individual", "email", "place")
PREFIX = "simpul/metadata/node/"


def remembered(node):
    """{key: value} remembered for ``node`` (only the keys that have a value)."""
    s = QgsSettings()
    out = {}
    for key in KEYS:
        value = s.value("%s%s/%s" % (PREFIX, node or "local", key), "", type=str) or ""
        if value.strip():
            out[key] = value.strip()
    return out


def remember(node, values):
    s = QgsSettings()
    for key in KEYS:
        if key in values:
            s.setValue("%s%s/%s" % (PREFIX, node or "local", key), (values.get(key) or "").strip())


class ContactDialog(QDialog):
    """Organisation (required), contact person, e-mail, place; :meth:`values` after accept."""

    def __init__(self, node_name="", values=None, parent=None):
        super().__init__(parent)
        self.setObjectName("SimpulContactDialog")
        self.setWindowTitle(tr("Who publishes this metadata"))
        values = values or {}
        lay = QVBoxLayout(self)
        text = QLabel(html.escape(tr("Asked once for {node}: Simpul remembers it for every record you describe "
                                     "for this node.").format(node=node_name or tr("this computer"))))
        text.setWordWrap(True)
        lay.addWidget(text)
        form = QFormLayout()
        self.fields = {}
        for key, label, hint in (("organisation", tr("Organisation"), tr("e.g. Bappeda Kabupaten Paser")),
                                 ("individual", tr("Contact person"), ""),
                                 ("email", tr("E-mail"), ""),
                                 ("place", tr("Place (for titles)"), tr("e.g. Kabupaten Paser"))):
            edit = QLineEdit(values.get(key, ""))
            edit.setObjectName("SimpulContact_" + key)
            edit.setPlaceholderText(hint)
            form.addRow(label + (" *" if key == "organisation" else ""), edit)
            self.fields[key] = edit
        lay.addLayout(form)
        self.buttons = ok_cancel(self, tr("Remember"), self._accept)
        lay.addWidget(self.buttons)
        self.resize(420, 220)

    def values(self):
        return {k: w.text().strip() for k, w in self.fields.items()}

    def _accept(self):
        if not self.fields["organisation"].text().strip():
            self.fields["organisation"].setFocus()
            self.fields["organisation"].setPlaceholderText(tr("required"))
            return
        self.accept()
