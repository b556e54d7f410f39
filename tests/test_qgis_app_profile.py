"""start_qgis(profile=...) puts QGIS's settings and authentication database in that profile on
every release: QGIS 3.40 ignores the profile folder given to QgsApplication (3.22 takes it), so an
auth config stored for the desktop's profile went to ~/.local/share/profiles/default instead and
the desktop, not finding it, asked for a NEW master password in the middle of a publish (issue 16)."""
import json
import os
import sqlite3
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication, QgsAuthMethodConfig
from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis
start_qgis(profile=sys.argv[2])
am = QgsApplication.authManager()
assert am.setMasterPassword("simpul-test-master", True)
cfg = QgsAuthMethodConfig()
cfg.setId("smplprf")
cfg.setName("profile test")
cfg.setMethod("Basic")
cfg.setConfig("username", "u")
assert am.storeAuthenticationConfig(cfg)
print("OUT " + json.dumps({"settings": QgsApplication.qgisSettingsDirPath(),
                           "authdb": am.authenticationDatabasePath()}), flush=True)
stop_qgis()
"""


def test_start_qgis_keeps_settings_and_auth_database_in_the_given_profile(tmp_path):
    prof = tmp_path / "profiles" / "default"
    prof.mkdir(parents=True)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QGIS_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    proc = subprocess.run(["/usr/bin/python3", "-c", CHILD, ROOT, str(prof) + "/"], capture_output=True, text=True,
                          env=env, timeout=300)
    found = [line for line in proc.stdout.splitlines() if line.startswith("OUT ")]
    assert proc.returncode == 0 and found, proc.stderr[-3000:]
    out = json.loads(found[-1][4:])
    assert os.path.realpath(out["settings"]) == os.path.realpath(prof), out
    assert os.path.realpath(out["authdb"]) == os.path.realpath(prof / "qgis-auth.db"), out
    with sqlite3.connect(str(prof / "qgis-auth.db")) as conn:
        assert [r[0] for r in conn.execute("SELECT id FROM auth_configs")] == ["smplprf"]
