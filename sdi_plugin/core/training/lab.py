"""The training room (bimtek): the lab node and the participant's connection to it.

* Participant: a name (``simpul/latihan/participant``) and the lab node's address
  (``simpul/latihan/lab_url``). :func:`connect_lab` reads ``<lab>/lab/directory.json`` (a
  ``simpul-nodes`` node list naming the node at its public URL) and adds the node to the user's
  nodes. :func:`participant_workspace` gives the publish workspace of a participant
  (``peserta_budi``), so nobody publishes over anybody else.
* Trainer: :func:`start_lab_node` runs the demo node of this checkout for the room
  (``/usr/bin/python3 -m demo.node --host 0.0.0.0 --port 8765 --public-url http://<LAN>:8765``)
  as a process group of its own; :func:`stop_lab_node` stops that group; :func:`reset_lab` asks
  the node (from this machine: ``127.0.0.1``) to return to the clean training state;
  :func:`fetch_progress` reads who finished which step.

Network only through ``core/network/http.py``. Functions that wait on the network are for QgsTasks.
"""
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from qgis.core import QgsSettings

from ..errors import SimpulError
from ..network.http import http_get, http_post
from ..i18n import tr
from ..paths import PLUGIN_DIR

PARTICIPANT_KEY = "simpul/latihan/participant"
LAB_URL_KEY = "simpul/latihan/lab_url"
NODE_PROCESS_KEY = "simpul/latihan/node_process"   # JSON {"pid", "pgid", "port", "url", "log"} of a node we started
DEFAULT_PORT = 8765
QGIS_PYTHON = "/usr/bin/python3"
MAX_NAME = 60
WORKSPACE_PREFIX = "peserta_"


class LabError(SimpulError, RuntimeError):
    """Something about the lab node went wrong; the message is for people."""


# -- settings --------------------------------------------------------------------------
def participant_name(settings=None):
    return ((settings or QgsSettings()).value(PARTICIPANT_KEY, "", type=str) or "").strip()


def set_participant_name(name, settings=None):
    name = clean_name(name)
    (settings or QgsSettings()).setValue(PARTICIPANT_KEY, name)
    return name


def lab_url(settings=None):
    return ((settings or QgsSettings()).value(LAB_URL_KEY, "", type=str) or "").strip()


def set_lab_url(url, settings=None):
    url = normalise_url(url) if url else ""
    (settings or QgsSettings()).setValue(LAB_URL_KEY, url)
    return url


def clean_name(name):
    """A participant's name as shown: control characters out, spaces collapsed, at most 60 chars."""
    text = re.sub(r"\s+", " ", str(name or ""))
    return "".join(c for c in text if unicodedata.category(c)[0] != "C").strip()[:MAX_NAME]


def participant_workspace(name):
    """The publish workspace of a participant: ``peserta_`` + an ASCII slug of the name
    (``"Budi Santoso"`` → ``peserta_budi_santoso``); safe as a GeoServer workspace and an XML name."""
    text = unicodedata.normalize("NFKD", clean_name(name)).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40].rstrip("_")
    return WORKSPACE_PREFIX + (slug or "anonim")


def default_workspace(settings=None, fallback="simpul"):
    """The workspace Publish proposes: the participant's own (``peserta_…``) once they have
    connected to a lab node with their name, else ``fallback``."""
    name = participant_name(settings)
    return participant_workspace(name) if name and lab_url(settings) else fallback


def normalise_url(text):
    """The lab node's base URL from what a person typed or pasted: ``192.168.1.10:8765``,
    ``http://192.168.1.10:8765/``, ``…/lab`` or ``…/lab/directory.json`` all give
    ``http://192.168.1.10:8765``. Raises :class:`LabError` for anything else."""
    text = (text or "").strip()
    if not text:
        raise LabError(tr("Enter the lab node's address, e.g. http://192.168.1.10:8765"))
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    path = parts.path.rstrip("/")
    for tail in ("/lab/directory.json", "/lab"):
        if path.endswith(tail):
            path = path[:-len(tail)]
            break
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise LabError(tr("{text} is not a lab node address (http://HOST:PORT)").format(text=text))
    return "%s://%s%s" % (parts.scheme, parts.netloc, path)


# -- participant ---------------------------------------------------------------------------
@dataclass
class Connection:
    url: str              # the lab node's base URL
    node: object          # the Node added to the registry
    added: bool           # False: it was there already and was refreshed
    title: str = ""
    publish_user: str = ""   # the lab node's publishing login (its password comes from the trainer)


def connect_lab(url, registry=None, timeout=10.0, feedback=None):
    """Read ``<url>/lab/directory.json``, add its node to ``registry`` (the user's nodes) and
    remember ``url`` as the lab node. Returns a :class:`Connection`; raises :class:`LabError`."""
    from ..nodes import directory
    from ..nodes.registry import NodeRegistry
    base = normalise_url(url)
    resp = http_get(base + "/lab/directory.json", timeout=timeout, max_bytes=directory.MAX_BYTES, feedback=feedback)
    if not resp.ok:
        why = resp.error or tr("the server answered HTTP {status}").format(status=resp.status)
        raise LabError(tr("The lab node at {url} did not answer: {why}").format(url=base, why=why))
    try:
        listed = directory.parse_bytes(resp.content, where=base + "/lab/directory.json", origin="import")
    except directory.DirectoryError as exc:
        raise LabError(tr("{url} is not a Simpul lab node: {why}").format(url=base, why=exc)) from None
    if not listed.nodes:
        raise LabError(tr("{url} is not a Simpul lab node: its node list is empty").format(url=base))
    registry = registry or NodeRegistry()
    fd, path = tempfile.mkstemp(prefix="simpul-lab-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(resp.content)
        result = directory.import_nodes(path, registry)
    except directory.DirectoryError as exc:
        raise LabError(str(exc)) from None
    finally:
        os.remove(path)
    node_id = (result.added + result.updated)[0]
    set_lab_url(base)
    try:
        about = resp.json().get("lab") or {}
    except (ValueError, UnicodeDecodeError, AttributeError):
        about = {}
    user = about.get("publish_user", "") if isinstance(about, dict) else ""
    return Connection(url=base, node=registry.get(node_id), added=bool(result.added),
                      title=listed.meta.get("name", ""), publish_user=user if isinstance(user, str) else "")


def store_publish_login(node, user, password, registry=None):
    """Keep the lab node's publishing login in QGIS's authentication database (an HTTP Basic
    authcfg named after the node; updated when it exists) and set it on ``node`` in
    ``registry``. The password goes nowhere else. Call on the GUI thread: QGIS may ask for its
    master password. Returns the authcfg id; raises :class:`LabError`."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    from ..nodes.registry import NodeRegistry
    am = QgsApplication.authManager()
    if am.isDisabled():
        raise LabError(tr("QGIS's authentication database is not available: {why}").format(why=am.disabledMessage()))
    if not am.masterPasswordIsSet() and not am.setMasterPassword(True):
        raise LabError(tr("The password was not saved: QGIS's master password was not given."))
    name = tr("Simpul lab node {url}").format(url=node.url)
    cfg = QgsAuthMethodConfig()
    existing = [c for c in am.availableAuthMethodConfigs().values() if c.name() == name]
    if node.authcfg and node.authcfg in am.configIds():
        am.loadAuthenticationConfig(node.authcfg, cfg, True)
    elif existing:
        am.loadAuthenticationConfig(existing[0].id(), cfg, True)
    cfg.setName(name)
    cfg.setMethod("Basic")
    cfg.setUri(node.url)
    cfg.setConfig("username", user)
    cfg.setConfig("password", password)
    ok = am.updateAuthenticationConfig(cfg) if cfg.id() else am.storeAuthenticationConfig(cfg)
    if not ok or not cfg.id():
        raise LabError(tr("The password could not be saved in QGIS's authentication database."))
    registry = registry or NodeRegistry()
    node.authcfg = cfg.id()
    registry.update(node)
    return cfg.id()


def fetch_progress(url, timeout=8.0, feedback=None):
    """The lab node's progress table (``/lab?f=json``) as a dict; raises :class:`LabError`."""
    base = normalise_url(url)
    resp = http_get(base + "/lab?f=json", timeout=timeout, max_bytes=5 * 1024 * 1024, feedback=feedback)
    if not resp.ok:
        why = resp.error or tr("the server answered HTTP {status}").format(status=resp.status)
        raise LabError(tr("The lab node at {url} did not answer: {why}").format(url=base, why=why))
    try:
        data = resp.json()
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("participants"), list):
        raise LabError(tr("{url} is not a Simpul lab node").format(url=base))
    return data


def reset_lab(port=DEFAULT_PORT, timeout=30.0, feedback=None):
    """Ask the lab node on this machine (``127.0.0.1:port``: the node accepts a reset only from
    its own machine) to clear the progress and restore the catalogue. Returns its JSON answer."""
    url = "http://127.0.0.1:%d/lab/reset" % int(port)
    resp = http_post(url, "{}", content_type="application/json", timeout=timeout, feedback=feedback)
    try:
        data = resp.json() if resp.content else {}
    except (ValueError, UnicodeDecodeError):
        data = {}
    if not resp.ok:
        why = (data.get("error") if isinstance(data, dict) else "") or resp.error or \
            tr("the server answered HTTP {status}").format(status=resp.status)
        raise LabError(tr("Resetting the lab node failed: {why}").format(why=why))
    return data


# -- trainer: the lab node process ------------------------------------------------------------
def checkout_root():
    """The Simpul checkout this plugin runs from (the parent of ``sdi_plugin/``)."""
    return os.path.dirname(os.path.realpath(PLUGIN_DIR))


def node_available(root=None):
    """'' when this machine can run the lab node from ``root``, else what is missing (for people)."""
    root = root or checkout_root()
    missing = []
    if not os.path.isfile(os.path.join(root, "demo", "node.py")):
        missing.append(os.path.join(root, "demo"))
    gunicorn = os.path.join(root, "build", "venv", "pycsw", "bin", "gunicorn")
    if not os.path.exists(gunicorn):
        missing.append(os.path.join(root, "build", "venv", "pycsw"))
    if not os.path.exists(QGIS_PYTHON):
        missing.append(QGIS_PYTHON)
    if not missing:
        return ""
    return tr("This QGIS cannot start the lab node: {missing} is missing. In the Simpul checkout run "
              "'make demo-node HOST=0.0.0.0' instead; participants then connect to this machine's address.").format(
        missing=", ".join(missing))


def lan_address():
    """This machine's address on its LAN (source address of the default route), or ''."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: a UDP connect sends nothing
            addr = s.getsockname()[0]
            return "" if addr.startswith("127.") else addr
    except OSError:
        return ""


def share_url(port=DEFAULT_PORT):
    """The address participants use: http://<LAN address>:port (127.0.0.1 without a LAN)."""
    return "http://%s:%d" % (lan_address() or "127.0.0.1", int(port))


def _alive(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as fh:
            cmd = fh.read().split(b"\0")
    except OSError:
        return False
    try:
        with open("/proc/%d/stat" % pid, "rb") as fh:
            if fh.read().rsplit(b")", 1)[-1].split()[0] == b"Z":
                return False
    except (OSError, IndexError):
        return False
    return b"demo.node" in cmd


def started_node(settings=None):
    """The lab node process this profile started and that still runs: a dict, or None."""
    raw = (settings or QgsSettings()).value(NODE_PROCESS_KEY, "", type=str) or ""
    try:
        info = json.loads(raw) if raw else None
    except ValueError:
        info = None
    if isinstance(info, dict) and isinstance(info.get("pid"), int) and _alive(info["pid"]):
        return info
    return None


def answers(port=DEFAULT_PORT, timeout=3.0, feedback=None):
    """True when a Simpul lab node answers on 127.0.0.1:port."""
    resp = http_get("http://127.0.0.1:%d/lab?f=json" % int(port), timeout=timeout, max_bytes=5 * 1024 * 1024,
                    feedback=feedback)
    return resp.ok and b'"participants"' in resp.content


@dataclass
class NodeStart:
    state: str            # "started" | "running" (already running: ours or another) | "failed"
    url: str = ""         # the address to share
    message: str = ""
    log: str = ""
    pid: int = 0


def start_lab_node(port=DEFAULT_PORT, public_url=None, root=None, log_dir=None, settings=None, workdir=None,
                   host="0.0.0.0"):
    """Start the demo node for the room (returns at once; use :func:`wait_ready`). ``workdir``
    (default: the node's own, ``build/demo-node``) keeps the progress across restarts."""
    settings = settings or QgsSettings()
    port = int(port)
    url = (public_url or share_url(port)).rstrip("/")
    ours = started_node(settings)
    if ours:
        return NodeStart("running", ours.get("url", url), tr("The lab node is already running."),
                         ours.get("log", ""), ours["pid"])
    if answers(port):
        return NodeStart("running", url, tr("A Simpul node already answers on port {port} of this machine.").format(
            port=port))
    root = root or checkout_root()
    missing = node_available(root)
    if missing:
        return NodeStart("failed", url, missing)
    log_dir = log_dir or os.path.join(root, "build")
    os.makedirs(log_dir, exist_ok=True)
    log = os.path.join(log_dir, "lab-node-%d.log" % port)
    cmd = [QGIS_PYTHON, "-m", "demo.node", "--host", host, "--port", str(port), "--public-url", url]
    if workdir:
        cmd += ["--workdir", workdir]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "PYTHONHOME"))}
    env["PYTHONPATH"] = root
    try:
        with open(log, "ab") as fh:
            proc = subprocess.Popen(cmd, cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=fh,
                                    stderr=subprocess.STDOUT, start_new_session=True)
    except OSError as exc:
        return NodeStart("failed", url, tr("The lab node could not be started: {why}").format(why=exc), log)
    settings.setValue(NODE_PROCESS_KEY, json.dumps({"pid": proc.pid, "pgid": proc.pid, "port": port, "url": url,
                                                    "log": log}))
    _CHILDREN[proc.pid] = proc
    return NodeStart("started", url, tr("The lab node is starting …"), log, proc.pid)


_CHILDREN = {}


def _tail(path, lines=12):
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 16384))
            return "\n".join(fh.read().decode("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return ""


def wait_ready(start, port=DEFAULT_PORT, timeout=180.0, feedback=None):
    """Wait (in a QgsTask) until the node answers; returns '' or what went wrong (for people)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if feedback is not None and feedback.isCanceled():
            return tr("canceled")
        if answers(port, timeout=2.0, feedback=feedback):
            return ""
        if start.pid and not _alive(start.pid):
            proc = _CHILDREN.pop(start.pid, None)
            if proc is not None:
                proc.poll()
            return tr("The lab node stopped while starting; the end of {log}:\n{tail}").format(
                log=start.log, tail=_tail(start.log))
        time.sleep(0.5)  # bounded readiness poll of another process
    return tr("The lab node did not answer within {s:g} s; see {log}").format(s=timeout, log=start.log)


def stop_lab_node(settings=None, timeout=30.0):
    """Stop the lab node this profile started (its whole process group). Returns a message."""
    settings = settings or QgsSettings()
    info = started_node(settings)
    settings.remove(NODE_PROCESS_KEY)
    if not info:
        return tr("No lab node started from this QGIS is running.")
    pgid = int(info.get("pgid") or info["pid"])
    try:
        os.killpg(pgid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass
    proc = _CHILDREN.pop(info["pid"], None)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            break
        if proc is None and not _alive(info["pid"]):
            break
        time.sleep(0.1)  # bounded: the node stops its own children first
    else:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if proc is not None:
            proc.wait(5)
    return tr("The lab node was stopped.")
