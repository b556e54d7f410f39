"""Dialog to add a node by its base URL."""
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QFormLayout, QLineEdit,
                                 QVBoxLayout)

from ..core.i18n import tr
from ..core.nodes.registry import LEVELS, Node
from .widgets import ok_cancel


def level_label(level):
    return {"nasional": tr("National"), "provinsi": tr("Province"), "kabupaten": tr("Regency (kabupaten)"),
            "kota": tr("City (kota)"), "lainnya": tr("Other")}.get(level, level)


class NodeDialog(QDialog):
    def __init__(self, parent=None, node=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Add a node"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Geoportal Kabupaten Paser"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://geoportal.example.go.id")
        self.level = QComboBox()
        for lv in LEVELS:
            self.level.addItem(level_label(lv), lv)
        self.parent_prov = QLineEdit()
        self.parent_prov.setPlaceholderText(tr("e.g. Kalimantan Timur"))
        self.auth = QgsAuthConfigSelect(self)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Base URL"), self.url)
        form.addRow(tr("Level"), self.level)
        form.addRow(tr("Province"), self.parent_prov)
        form.addRow(tr("Authentication"), self.auth)
        buttons = ok_cancel(self, tr("Add"), self._accept)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        if node:
            self.name.setText(node.name)
            self.url.setText(node.url)
            self.level.setCurrentIndex(max(0, self.level.findData(node.level)))
            self.parent_prov.setText(node.parent)
            self.auth.setConfigId(node.authcfg)

    def _accept(self):
        if not self.url.text().strip().startswith(("http://", "https://")):
            self.url.setFocus()
            self.url.setStyleSheet("border: 1px solid #c0392b;")
            self.url.setToolTip(tr("Give a web address starting with http:// or https://"))
            return
        self.accept()

    def node(self):
        url = self.url.text().strip().rstrip("/")
        return Node(name=self.name.text().strip() or url, url=url, level=self.level.currentData(),
                    parent=self.parent_prov.text().strip(), authcfg=self.auth.configId() or "")
