"""Where Simpul keeps files of its own: the node directory's last good copy, downloads.

Under the QGIS profile folder (``<profile>/simpul/``) unless the setting ``simpul/data_dir``
names another folder. Nothing here is a credential.
"""
import os

from qgis.core import QgsApplication, QgsSettings


def data_dir(*parts, create=True):
    """``<profile>/simpul/<parts…>`` (or under ``simpul/data_dir``), created when asked."""
    base = QgsSettings().value("simpul/data_dir", "", type=str) or ""
    if not base:
        base = os.path.join(QgsApplication.qgisSettingsDirPath() or os.path.expanduser("~"), "simpul")
    path = os.path.join(base, *parts)
    if create:
        os.makedirs(path, exist_ok=True)
    return path
