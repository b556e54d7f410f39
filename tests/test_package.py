"""`make package` builds a zip the QGIS plugin repository accepts."""
import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import package  # noqa: E402


def test_zip_layout_and_metadata(tmp_path):
    target = package.build(str(tmp_path))
    assert os.path.basename(target) == "sdi_plugin-%s.zip" % package.read_metadata()["version"]
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        assert all(n.startswith("sdi_plugin/") for n in names)
        for needed in ("sdi_plugin/__init__.py", "sdi_plugin/metadata.txt", "sdi_plugin/LICENSE",
                       "sdi_plugin/plugin.py", "sdi_plugin/i18n/simpul_id.qm",
                       "sdi_plugin/resources/icons/simpul.svg", "sdi_plugin/processing/provider.py"):
            assert needed in names, needed
        assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]
        cp = configparser.ConfigParser(interpolation=None)
        cp.optionxform = str
        cp.read_string(zf.read("sdi_plugin/metadata.txt").decode("utf-8"))
    meta = dict(cp["general"])
    for key in package.REQUIRED:
        assert meta.get(key, "").strip(), key
    assert meta["name"] == "Simpul SDI"
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["hasProcessingProvider"] == "yes"
    assert "sdi_plugin/" + meta["icon"] in names


def test_metadata_check_refuses_missing_fields():
    meta = package.read_metadata()
    meta.pop("tracker")
    try:
        package.check_metadata(meta)
    except SystemExit as exc:
        assert "tracker" in str(exc)
    else:
        raise AssertionError("missing tracker was accepted")
