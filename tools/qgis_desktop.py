"""Run the real QGIS desktop with Simpul in a fresh profile of its own.

Used by ``make demo`` (screenshot of the panel), by the plugin lifecycle test and by the
screenshot scripts. The user's own QGIS profile is never touched: everything lives under
``--profiles-path``. Without a display, QGIS runs under ``xvfb-run``.
"""
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROFILE = "default"


def make_profile(profiles_dir, nodes=(), language="id", extra_settings=None):
    """Create ``profiles_dir/default`` with sdi_plugin installed (a link to this checkout),
    enabled, the given nodes registered and the UI language set. Returns the profile dir."""
    from qgis.PyQt.QtCore import QSettings  # only QtCore: no QGIS application needed

    prof = os.path.join(profiles_dir, "profiles", PROFILE)
    plugins = os.path.join(prof, "python", "plugins")
    os.makedirs(plugins, exist_ok=True)
    link = os.path.join(plugins, "sdi_plugin")
    if os.path.lexists(link):
        if os.path.islink(link):
            os.unlink(link)
        else:
            shutil.rmtree(link)
    os.symlink(os.path.join(ROOT, "sdi_plugin"), link)
    ini = os.path.join(prof, "QGIS", "QGIS3.ini")
    os.makedirs(os.path.dirname(ini), exist_ok=True)
    s = QSettings(ini, QSettings.IniFormat)
    s.setValue("PythonPlugins/sdi_plugin", True)
    s.setValue("locale/overrideFlag", True)
    s.setValue("locale/userLocale", {"id": "id_ID", "en": "en_US"}.get(language, language))
    s.setValue("locale/globalLocale", {"id": "id_ID", "en": "en_US"}.get(language, language))
    s.setValue("qgis/checkVersion", False)
    s.setValue("qgis/showTips", False)
    s.setValue("qgis/showTips322", False)
    s.setValue("core/NewsFeed/httpsfeedqgisorg/disabled", True)
    s.setValue("qgis/allowVersionCheck", False)
    s.setValue("simpul/language", language)
    s.setValue("simpul/nodes", json.dumps(list(nodes), ensure_ascii=False))
    for key, value in (extra_settings or {}).items():
        s.setValue(key, value)
    s.sync()
    # A profiles.ini that names the default profile avoids the profile chooser.
    with open(os.path.join(profiles_dir, "profiles", "profiles.ini"), "w") as fh:
        fh.write("[core]\ndefaultProfile=%s\n" % PROFILE)
    return prof


def qgis_command(profiles_dir, code=None, extra_args=()):
    cmd = ["qgis", "--nologo", "--noversioncheck", "--profiles-path", profiles_dir]
    if code:
        cmd += ["--code", code]
    cmd += list(extra_args)
    if not os.environ.get("DISPLAY"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24"] + cmd
    return cmd


def run_qgis(profiles_dir, code=None, timeout=240, log=None):
    """Run QGIS until it exits (the --code script must end it); returns the exit status."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real window, on the real or virtual display
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-%d" % os.getuid())
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    out = open(log, "w") if log else subprocess.DEVNULL
    try:
        proc = subprocess.run(qgis_command(profiles_dir, code), env=env, stdout=out,
                              stderr=subprocess.STDOUT, timeout=timeout)
        return proc.returncode
    finally:
        if log:
            out.close()


if __name__ == "__main__":
    print(" ".join(qgis_command(sys.argv[1] if len(sys.argv) > 1 else "build/profiles")))
