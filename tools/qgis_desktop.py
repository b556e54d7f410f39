"""Run the real QGIS desktop with Simpul in a fresh profile of its own.

Used by ``make demo`` (screenshot of the panel), by the plugin lifecycle test and by the
screenshot scripts. The user's own QGIS profile is never touched: everything lives under
``--profiles-path``. Without a display, QGIS runs under ``xvfb-run``.
"""
import json
import os
import shutil
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROFILE = "default"


MASTER_FILE = "auth-master.txt"   # the demo profile's master password (QGIS_AUTH_PASSWORD_FILE)
DEMO_MASTER = "simpul-demo"       # a throw-away profile of the demo, not a secret

_AUTHCFG_CHILD = r"""
import json, sys
job = json.loads(sys.stdin.read())
sys.path.insert(0, job["root"])
from qgis.core import QgsApplication, QgsAuthMethodConfig
from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis
start_qgis(profile=job["profile"])
am = QgsApplication.authManager()
if not am.setMasterPassword(job["master"], True):
    raise SystemExit("the auth database refused the master password")
out = {}
for item in job["configs"]:
    cfg = QgsAuthMethodConfig()
    cfg.setId(item["id"])
    cfg.setName(item["name"])
    cfg.setMethod("Basic")
    cfg.setConfig("username", item["user"])
    cfg.setConfig("password", item["password"])
    if item["id"] in am.configIds():
        am.removeAuthenticationConfig(item["id"])
    if not am.storeAuthenticationConfig(cfg):
        raise SystemExit("could not store authcfg %s" % item["name"])
    out[item["node"]] = cfg.id()
print("AUTHCFGS " + json.dumps(out))
stop_qgis()
"""


def add_authcfgs(profiles_dir, prof, configs, master=DEMO_MASTER):
    """Store HTTP Basic authcfgs in the profile's QGIS auth database (``prof/qgis-auth.db``), in a
    child PyQGIS process (QgsAuthManager), and write the master password to
    ``profiles_dir/auth-master.txt`` for :func:`run_qgis` (QGIS_AUTH_PASSWORD_FILE), so QGIS never
    asks for it. ``configs``: [{"node", "id" (7 characters), "name", "user", "password"}].
    Returns {node id: authcfg id}."""
    job = {"profile": prof.rstrip("/") + "/", "master": master, "configs": list(configs), "root": ROOT}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(["/usr/bin/python3", "-c", _AUTHCFG_CHILD], input=json.dumps(job), capture_output=True,
                          text=True, env=env, timeout=120)
    found = [line for line in proc.stdout.splitlines() if line.startswith("AUTHCFGS ")]
    if proc.returncode != 0 or not found:
        raise RuntimeError("could not create the demo profile's authcfg: %s" % (proc.stderr or proc.stdout)[-1500:])
    secret = os.path.join(profiles_dir, MASTER_FILE)
    fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(master)
    return json.loads(found[-1][len("AUTHCFGS "):])


def make_profile(profiles_dir, nodes=(), language="id", extra_settings=None, node_auth=None):
    """Create ``profiles_dir/default`` with sdi_plugin installed (a link to this checkout),
    enabled, the given nodes registered and the UI language set. Returns the profile dir.

    ``node_auth``: {node id: (user, password)} — an HTTP Basic authcfg for each is stored in the
    profile's auth database and set on that node (the demo node: its publishing credentials),
    so Publish works without typing a password; see :func:`add_authcfgs`."""
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
    nodes = [dict(n) for n in nodes]
    if node_auth:   # first: the child QGIS process writes into the profile too
        ids = add_authcfgs(profiles_dir, prof, [
            {"node": node_id, "id": ("smpl%03d" % i)[:7], "name": "Simpul: %s" % node_id, "user": user,
             "password": password} for i, (node_id, (user, password)) in enumerate(sorted(node_auth.items()))])
        for n in nodes:
            if n.get("id") in ids:
                n["authcfg"] = ids[n["id"]]
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
    s.setValue("simpul/nodes", json.dumps(nodes, ensure_ascii=False))
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


# The desktop runs under a small guard shell that leads a process group of its own (xvfb-run, Xvfb,
# qgis.bin are all in it): when the guard gets SIGTERM it kills that whole group. The guard gets
# SIGTERM when run_desktop ends it (timeout, Ctrl-C, an error) and, through PR_SET_PDEATHSIG, when
# the process that started it dies, even by SIGKILL (a test file killed by run_tests.sh's timeout):
# no qgis.bin or Xvfb outlives the run.
_GUARD = 'trap "trap - TERM; kill -KILL -$$" TERM; "$@" & wait $!; rc=$?; exit $rc'


def run_desktop(cmd, env=None, timeout=240, log=None):
    """Run the desktop command ``cmd`` (:func:`qgis_command`) until it exits; returns its status.
    On timeout (``subprocess.TimeoutExpired`` raised, as ``subprocess.run``), on any exception
    and when this process dies, everything it started (xvfb-run, Xvfb, qgis.bin) is ended."""
    out = open(log, "w") if log else subprocess.DEVNULL
    try:
        proc = start_desktop(cmd, env=env, out=out)
        try:
            return proc.wait(timeout=timeout)
        finally:
            if proc.poll() is None:
                end_group(proc)
    finally:
        if log:
            out.close()


def start_desktop(cmd, env=None, out=subprocess.DEVNULL):
    """Start ``cmd`` under the guard (see above); returns the guard's Popen. End it with :func:`end_group`."""
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    from demo.node import die_with_this_process
    return subprocess.Popen(["/bin/bash", "-c", _GUARD, "qgis-guard"] + list(cmd), env=env, stdout=out,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
                            preexec_fn=die_with_this_process())


def end_group(proc):
    """End the guard ``proc`` and its whole process group (SIGTERM, then SIGKILL)."""
    try:
        proc.terminate()          # the guard kills its group
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)   # whatever is still there
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def run_qgis(profiles_dir, code=None, timeout=240, log=None):
    """Run QGIS until it exits (the --code script must end it); returns the exit status.
    After ``timeout`` seconds QGIS (and its Xvfb) is ended and ``subprocess.TimeoutExpired`` raised."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real window, on the real or virtual display
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-%d" % os.getuid())
    secret = os.path.join(profiles_dir, MASTER_FILE)
    if os.path.exists(secret):   # the profile's auth database opens without a prompt
        env["QGIS_AUTH_PASSWORD_FILE"] = secret
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    return run_desktop(qgis_command(profiles_dir, code), env=env, timeout=timeout, log=log)


if __name__ == "__main__":
    print(" ".join(qgis_command(sys.argv[1] if len(sys.argv) > 1 else "build/profiles")))
