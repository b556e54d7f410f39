"""One code base for QGIS 3.22 → 3.40 → 4.x (issue 16): our checker (tools/qt6_check.py) finds what
QGIS's scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py would rewrite, finds nothing in sdi_plugin/, and
metadata.txt claims Qt 6 support only then; tools/qt6_sweep.py rewrites, repeatably;
sdi_plugin/compat.py holds what moved; deprecations raised from Simpul's code fail the suite."""
import configparser
import os
import subprocess
import sys
import warnings

import pytest
from qgis.core import Qgis, QgsField

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "tools")
if TOOLS not in sys.path:
    sys.path.insert(0, TOOLS)

import qt6_check  # noqa: E402
import qt6_sweep  # noqa: E402

from sdi_plugin import compat  # noqa: E402

OLD_STYLE = '''\
from PyQt5.QtCore import QTimer
from qgis.core import Qgis, QgsField, QgsMessageLog, QgsWkbTypes, QgsApplication
from qgis.PyQt.QtCore import QEventLoop, Qt, QVariant
from qgis.PyQt.QtWidgets import QAction, QLabel


def run(label, layer):
    label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
    QgsMessageLog.logMessage("x", "Simpul", Qgis.Info)
    field = QgsField("name", QVariant.String, "String", 50)
    QEventLoop().exec_()
    path = QgsApplication.qgisAuthDatabaseFilePath()
    if layer.geometryType() == QgsWkbTypes.PolygonGeometry:
        return QAction(label), field, path, QTimer
'''


def _kinds(found):
    return sorted({f.kind for f in found})


def test_the_checker_finds_what_a_qt6_port_would_change():
    found = qt6_check.check_source(OLD_STYLE, "sdi_plugin/old.py")
    assert _kinds(found) == ["deprecated", "exec_", "message-level", "old-qgis-enum", "pyqt5-import",
                             "qaction-qtwidgets", "qvariant-type", "unscoped-enum"], found
    by_text = {f.text: f.replacement for f in found}
    assert {f.text: f.kind for f in found}["QgsWkbTypes.PolygonGeometry"] == "old-qgis-enum"
    assert by_text["Qt.AlignLeft"] == "Qt.AlignmentFlag.AlignLeft"
    assert by_text["Qgis.Info"] == "Qgis.MessageLevel.Info"
    assert by_text["QVariant.String"] == "FieldType.String"
    assert by_text["QgsWkbTypes.PolygonGeometry"] == "GeometryType.Polygon"


def test_old_qgis_enum_names_are_found_on_every_release():
    """Names QGIS 3.30+ moved into ``Qgis`` (found on 3.22 too, where the new ones do not exist yet)."""
    source = ("from qgis.core import QgsMapLayerType, QgsWkbTypes\n"
              "a = QgsWkbTypes.GeometryType.PolygonGeometry\n"
              "b = QgsMapLayerType.VectorLayer\n")
    found = qt6_check.check_source(source, "sdi_plugin/old.py")
    assert [(f.kind, f.text, f.replacement) for f in found] == [
        ("old-qgis-enum", "QgsWkbTypes.GeometryType.PolygonGeometry", "GeometryType.Polygon"),
        ("old-qgis-enum", "QgsMapLayerType.VectorLayer", "LayerType.Vector")], found


def test_fully_scoped_spellings_are_not_findings():
    scoped = OLD_STYLE.replace("Qt.AlignLeft", "Qt.AlignmentFlag.AlignLeft")
    found = qt6_check.check_source(scoped, "sdi_plugin/old.py")
    assert "Qt.AlignLeft" not in {f.text for f in found}
    assert "Qt.AlignmentFlag.AlignLeft" not in {f.text for f in found}


def test_sdi_plugin_has_nothing_left_to_port_and_metadata_says_so():
    found = qt6_check.check_tree(os.path.join(ROOT, "sdi_plugin"))
    listing = "\n".join("%s:%d: %s %s" % (f.path, f.line, f.kind, f.text) for f in found[:60])
    assert not found, "%d findings in %d files (run tools/qt6_sweep.py):\n%s" % (
        len(found), len({f.path for f in found}), listing)
    meta = configparser.ConfigParser()
    meta.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    assert meta["general"].get("supportsQt6") == "True"
    assert meta["general"].get("qgisMaximumVersion") == "4.99"
    assert meta["general"].get("qgisMinimumVersion") == "3.22"


def test_the_sweep_rewrites_code_that_then_runs_and_passes_the_checker(tmp_path):
    pkg = tmp_path / "sdi_plugin" / "gui"
    pkg.mkdir(parents=True)
    path = pkg / "old.py"
    path.write_text(OLD_STYLE, encoding="utf-8")
    old_root = qt6_sweep.ROOT
    qt6_check.ROOT = qt6_sweep.ROOT = str(tmp_path)
    try:
        changed, skipped = qt6_sweep.sweep_file(str(path))
        again, _ = qt6_sweep.sweep_file(str(path))
        left = qt6_check.check_file(str(path), str(tmp_path))
    finally:
        qt6_check.ROOT = qt6_sweep.ROOT = old_root
    new = path.read_text(encoding="utf-8")
    assert changed and not again and not skipped and not left, new
    assert "from ..compat import auth_database_path, FieldType, GeometryType, QAction" in new, new
    assert "from qgis.PyQt.QtCore import QTimer" in new and "PyQt5" not in new
    assert "QVariant" not in new and "QgsWkbTypes" not in new and "exec_" not in new
    assert "Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop" in new
    # the rewritten module compiles and its names resolve on this QGIS (compat from the package)
    code = compile(new.replace("from ..compat import", "from sdi_plugin.compat import"), str(path), "exec")
    ns = {}
    exec(code, ns)
    assert ns["FieldType"] is compat.FieldType and ns["QAction"] is compat.QAction


def test_compat_fields_are_built_without_deprecation_and_keep_their_type():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        field = QgsField("SRS_ID", compat.FieldType.String, "String", 50)
    assert field.type() == compat.FieldType.String and field.length() == 50
    assert field.type() != compat.FieldType.Int
    assert QgsField("n", compat.FieldType.LongLong).type() == compat.FieldType.LongLong


def test_compat_enums_hold_this_releases_values():
    from qgis.core import QgsProcessing, QgsWkbTypes
    assert compat.GeometryType.Polygon == QgsWkbTypes.PolygonGeometry
    assert compat.ProcessingSourceType.Vector == QgsProcessing.TypeVector
    if Qgis.QGIS_VERSION_INT >= 33000:
        assert compat.GeometryType.Polygon is Qgis.GeometryType.Polygon
    path = compat.auth_database_path()
    assert path.endswith("qgis-auth.db") and "://" not in path


def test_a_deprecation_raised_from_simpul_code_fails_the_suite():
    """pytest.ini turns DeprecationWarning from sdi_plugin modules into errors (others' stay warnings)."""
    ns = {"__name__": "sdi_plugin.core.example", "warnings": warnings}
    exec("def old():\n    warnings.warn('old API', DeprecationWarning)\n", ns)
    with pytest.raises(DeprecationWarning):
        ns["old"]()
    other = {"__name__": "someone_else", "warnings": warnings}
    exec("def old():\n    warnings.warn('old API', DeprecationWarning)\n", other)
    with pytest.warns(DeprecationWarning):
        other["old"]()


def test_the_checker_runs_from_the_command_line():
    proc = subprocess.run(["/usr/bin/python3", os.path.join(TOOLS, "qt6_check.py"), os.path.join(ROOT, "sdi_plugin")],
                          capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          timeout=300)
    assert proc.stdout.strip().splitlines()[-1] == "0 finding(s) in 0 file(s)", proc.stdout[-3000:] + proc.stderr
    assert proc.returncode == 0
