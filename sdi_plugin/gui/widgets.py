"""Small pieces the pages and dialogs share: a page that scrolls under its intro, a flat list with
columns, a file chooser that remembers its folder, a dialog's OK/Cancel buttons."""
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QDialogButtonBox, QFileDialog, QFrame, QLabel, QScrollArea, QTreeWidget, QVBoxLayout,
                                 QWidget)

from ..core.i18n import tr


def scrolling_page(page, intro, *, frame=True, fit_width=False):
    """Lay ``page`` out as one scroll area (with a ``frame`` or none; ``fit_width``: no horizontal
    scroll bar, the page follows the dock's width) whose body starts with the ``intro`` text;
    returns (scroll area, the body's layout)."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    if not frame:
        scroll.setFrameShape(QFrame.Shape.NoFrame)
    if fit_width:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = QWidget()
    lay = QVBoxLayout(body)
    scroll.setWidget(body)
    outer.addWidget(scroll)
    label = QLabel(intro)
    label.setWordWrap(True)
    lay.addWidget(label)
    return scroll, lay


def flat_list(headers, tree=None):
    """``tree`` (a new QTreeWidget unless given) as a flat list: these column ``headers``, no
    root decoration, alternating row colours."""
    tree = QTreeWidget() if tree is None else tree
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    return tree


def choose_file(parent, path, title, file_filter, folder_key, *, save=False, name="", default_folder="",
                remember=False):
    """``path`` when given (a script or a test), else the file the user picks in a dialog that
    opens in the folder kept under the setting ``folder_key`` (with ``name`` proposed when saving);
    '' when the user canceled. With ``remember``, the chosen file's folder is kept for next time."""
    if not path:
        folder = QgsSettings().value(folder_key, default_folder, type=str) or default_folder
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = ask(parent, title, os.path.join(folder, name) if name else folder, file_filter)
    if path and remember:
        QgsSettings().setValue(folder_key, os.path.dirname(os.path.abspath(path)))
    return path or ""


def ok_cancel(dialog, ok_text, on_ok):
    """The dialog's OK (labelled ``ok_text``, calls ``on_ok``) and Cancel buttons."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons
