"""Every user-facing string has an Indonesian translation, and the compiled .qm is current."""
import os
import subprocess
import sys

from qgis.PyQt.QtCore import QCoreApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import i18n as i18n_tool  # noqa: E402


def test_every_string_translated_and_qm_current():
    assert i18n_tool.problems() == []


def test_extractor_sees_the_strings_of_every_layer():
    strings = i18n_tool.extract()
    assert "Discover" in strings                           # gui
    assert "Node information (detect services)" in strings  # processing
    assert "the document is empty" in strings              # core
    from sdi_plugin.processing.base import help_texts    # the Processing help, kept as data
    assert all(part in strings for parts in help_texts().values() for part in parts)


def test_processing_help_is_shown_translated():
    from sdi_plugin.core import i18n
    from sdi_plugin.processing.alg_validate import ValidateFolderAlgorithm
    try:
        i18n.install_translator("id")
        text = ValidateFolderAlgorithm().shortHelpString()
    finally:
        i18n.remove_translator()
    assert text.startswith("Memvalidasi ") and " Atau " in text, text


def test_translator_switches_language():
    from sdi_plugin.core import i18n
    try:
        assert i18n.install_translator("id") == "id"
        assert i18n.tr("Discover") == "Temukan"
        assert i18n.tr("Publish") == "Publikasi"
        assert i18n.install_translator("en") == "en"
        assert i18n.tr("Discover") == "Discover"
    finally:
        i18n.remove_translator()
    assert QCoreApplication.translate("Simpul", "Discover") == "Discover"


def test_check_command_fails_on_an_untranslated_string(tmp_path, monkeypatch):
    src = tmp_path / "sdi_plugin"
    src.mkdir()
    (src / "x.py").write_text('from q import tr\nA = tr("A brand new message")\n')
    monkeypatch.setattr(i18n_tool, "SOURCES", [str(src)])
    errs = i18n_tool.problems()
    assert any("A brand new message" in e for e in errs)


def test_make_target_check_passes():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "i18n.py"), "check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
