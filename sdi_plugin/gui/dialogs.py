"""Small pieces the pages and dialogs share: a file chooser that remembers its folder, and a
dialog's OK/Cancel buttons."""
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtWidgets import QDialogButtonBox, QFileDialog

from ..core.i18n import tr


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
