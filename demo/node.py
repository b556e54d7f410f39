"""The embedded demo node: a small but real SDI node on one base URL.

    /usr/bin/python3 -m demo.node --host 127.0.0.1 --port 8765 [--workdir build/demo-node]
                                  [--public-url http://192.168.1.10:8765] [--sample-dir DIR]

What runs (every process in a process group of its own, all stopped by Ctrl-C / SIGTERM):

* the gateway: gunicorn (pycsw venv, gthread worker) serving ``demo.gateway`` on HOST:PORT —
  ``/`` landing page, ``/csw`` pycsw in-process, ``/ows`` and ``/wfs3`` proxied to QGIS Server;
* QGIS Server: ``qgis_mapserver`` on an internal 127.0.0.1 port, serving the project built from
  the sample data (``demo/project.py``);
* a second ``qgis_mapserver`` (internal port) for what was published through the gateway's
  ``/geoserver/rest`` (GeoServer REST emulation, ``demo/publish_rest.py``), which the gateway
  serves at ``/geoserver/ows`` from a project per state of that catalogue (``demo/gs_ows.py``).

Before they start, the catalogue is rebuilt: ISO 19139 records for the public URL
(``demo/records.py``) loaded into a fresh SQLite repository by pycsw's admin functions (``demo/catalogue.py``).

Python API (tests, ``make demo``)::

    with DemoNode(host="127.0.0.1", port=8765, workdir="build/demo-node",
                  sample_dir="resources/sample_data") as node:
        node.base_url, node.csw_url, node.ows_url, node.oapif_url

``start()`` returns once every service answers; it raises ``PortInUse`` (nothing started) if
HOST:PORT is taken and ``NodeError`` (with the tail of the log) if a process dies.

Publishing login: on loopback (127.0.0.0/8, ::1, localhost) the documented demo login
``simpul`` / ``latihan``. Bound beyond loopback (``--host 0.0.0.0``, a LAN address) the published
password would let anyone in the hall (or beyond) write to the node, so the node makes a random
password at start (``node.publish_password``, ``node.publish_password_generated``), prints it
once for the trainer, and the trainer view ``/lab`` shows it on the node's own machine.
"""
import argparse
import atexit
import configparser
import ctypes
import errno
import fcntl
import io
import ipaddress
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:  # ``python demo/node.py`` as well as ``python -m demo.node``
    sys.path.insert(0, ROOT)

from demo import identity  # noqa: E402
from demo import publish_rest  # noqa: E402
from demo import postgis as node_postgis  # noqa: E402
from demo import manifest as mf  # noqa: E402
from demo import project as qproject  # noqa: E402
from demo import records as qrecords  # noqa: E402

QGIS_PYTHON = "/usr/bin/python3"
QGIS_MAPSERVER = "qgis_mapserver"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_WORKDIR = os.path.join(ROOT, "build", "demo-node")
DEFAULT_SAMPLE_DIR = os.path.join(ROOT, "resources", "sample_data")
DEFAULT_PYCSW_VENV = os.path.join(ROOT, "build", "venv", "pycsw")
ALLOWED_IPS = "127.0.0.1"
GATEWAY_THREADS = 8
PROXY_TIMEOUT = 120
STATE_FILE = "node.json"


class PortInUse(RuntimeError):
    """HOST:PORT is already taken; nothing was started."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        hp = "%s:%s" % (_url_host(host), port)
        super().__init__(
            "Simpul demo node: cannot listen on %s because that port is already in use (another demo "
            "node or another program is listening there), so nothing was started. Choose another port, "
            "e.g. 'make demo-node PORT=%d' (or 'python3 -m demo.node --port %d'), or stop the program "
            "holding it ('ss -ltnp \"sport = :%s\"' shows which one)." % (hp, port + 1, port + 1, port))


class NodeError(RuntimeError):
    """The node could not be started (a process died or a service never answered)."""


def _url_host(host):
    return "[%s]" % host if ":" in host and not host.startswith("[") else host


def _lan_address():
    """This machine's address on its LAN (the source address of its default route), or ''."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: a UDP connect sends nothing
            addr = s.getsockname()[0]
            return "" if addr.startswith("127.") else addr
    except OSError:
        return ""


def _wildcard(host):
    return host in ("0.0.0.0", "::", "", "*")


def is_loopback(host):
    """True when ``host`` is reachable from this machine only: 127.0.0.0/8, ::1 or localhost.
    A wildcard (0.0.0.0, ::), a LAN address or another name is beyond loopback."""
    host = (host or "").strip().strip("[]")
    if _wildcard(host):
        return False
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0].split("%")[0]).is_loopback for i in infos)


# no 0/O, 1/l/I: a password read aloud or from a projector in a training room
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def random_password(groups=3, size=4):
    """A fresh publishing password, e.g. ``k7pd-x3mr-a9wq`` (about 60 bits)."""
    return "-".join("".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(size)) for _ in range(groups))


def default_public_url(host, port):
    if _wildcard(host):
        host = _lan_address() or "127.0.0.1"
    return "http://%s:%d" % (_url_host(host), port)


def _bind(host, port):
    """Bind and listen on host:port (the gateway's socket, handed to gunicorn)."""
    host = "0.0.0.0" if host in ("", "*") else host
    try:
        infos = socket.getaddrinfo(host, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise NodeError("Simpul demo node: cannot resolve host %r: %s" % (host, exc)) from None
    family, socktype, proto, _, addr = infos[0]
    sock = socket.socket(family, socktype, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does: TIME_WAIT is fine
        sock.bind(addr)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(host, port) from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise NodeError("Simpul demo node: %s is not an address of this machine; use 127.0.0.1, "
                            "0.0.0.0 (every interface) or one of its own addresses." % host) from None
        if exc.errno == errno.EACCES:
            raise NodeError("Simpul demo node: no permission to listen on %s:%d (ports below 1024 need "
                            "root); choose a port above 1024, e.g. 'make demo-node PORT=8765'."
                            % (_url_host(host), port)) from None
        raise NodeError("Simpul demo node: cannot listen on %s:%d: %s" % (_url_host(host), port, exc)) from None
    return sock


def free_port(host="127.0.0.1"):
    """A TCP port that was free on ``host`` a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _tail(path, lines=30):
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 64 * 1024))
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return "(no log at %s)" % path
    return "\n".join(text.splitlines()[-lines:])


def _group_members(pgid):
    """(pid, state) of every process whose process group is ``pgid`` (Linux /proc)."""
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as fh:
                data = fh.read().decode("ascii", "replace")
        except OSError:
            continue
        fields = data.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and int(fields[2]) == pgid:
            out.append((int(name), fields[0]))
    return out


_PR_SET_PDEATHSIG = 1
_prctl = None


def die_with_this_process():
    """A ``preexec_fn`` for ``subprocess.Popen``: the child gets SIGTERM as soon as the process
    that starts it dies, even by SIGKILL or a crash (Linux ``prctl(PR_SET_PDEATHSIG)``), so no
    server outlives a killed test run or demo node. The kernel ties the signal to the *thread*
    that forks, so this is only given from the main thread (elsewhere, and off Linux: None).
    libc's ``prctl`` is looked up here, before the fork, so the child only calls it."""
    global _prctl
    if threading.current_thread() is not threading.main_thread():
        return None
    if _prctl is None:
        try:
            _prctl = ctypes.CDLL(None, use_errno=True).prctl
        except (OSError, AttributeError):
            _prctl = False
    if not _prctl:
        return None
    prctl, parent = _prctl, os.getpid()

    def preexec():
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl: nobody would signal us any more
            os.kill(os.getpid(), signal.SIGTERM)
    return preexec


def _make_subreaper():
    """Orphaned grandchildren (a gunicorn worker whose master died) come back to this process,
    which reaps them, instead of lingering as zombies under an init that may not reap."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


class _Child:
    def __init__(self, name, popen, log):
        self.name, self.popen, self.log = name, popen, log
        self.pgid = popen.pid  # start_new_session: the child leads its own group

    @property
    def pid(self):
        return self.popen.pid


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class DemoNode:
    """One demo node. Attributes (stable; tests and ``make demo`` use them):

    ``host``, ``port``      where the gateway listens (``0.0.0.0`` = every interface)
    ``base_url``            public base URL, no trailing slash (``--public-url`` or http://HOST:PORT)
    ``local_url``           the same node reached from this machine (127.0.0.1 for 0.0.0.0)
    ``csw_url``             ``base_url + "/csw"``   (pycsw, CSW 2.0.2 and 3.0.0)
    ``ows_url``             ``base_url + "/ows"``   (QGIS Server WMS 1.3.0, WFS 1.1.0/2.0.0)
    ``wms_url``/``wfs_url`` the same as ``ows_url``
    ``oapif_url``           ``base_url + "/wfs3"``  (QGIS Server OGC API Features)
    ``workdir``             project, records, pycsw database and config, logs/, node.json
    ``sample_dir``          the sample data (manifest.json) served
    ``manifest``            the parsed manifest; ``datasets`` its ``publish: true`` datasets
    ``record_ids``          the seeded records' identifiers (the datasets' ``metadata_id``)
    ``layer_names``         {dataset id: WMS layer / WFS typename / OGC API collection id}
    ``pids``                {"gateway": pid, "qgis_server": pid} while running
    ``logs``                {name: log path}
    """

    def __init__(self, host=DEFAULT_HOST, port=DEFAULT_PORT, workdir=None, sample_dir=None, public_url=None,
                 pycsw_venv=None, ready_timeout=120.0, generate_sample_data=True, reap_orphans=False, progress=None,
                 publish_user=None, publish_password=None, postgis=False):
        self.host = host or DEFAULT_HOST
        self.port = int(port)
        self._default_workdir = workdir is None
        self.workdir = os.path.abspath(workdir or DEFAULT_WORKDIR)
        self.sample_dir = os.path.abspath(sample_dir or DEFAULT_SAMPLE_DIR)
        self.pycsw_venv = os.path.abspath(pycsw_venv or DEFAULT_PYCSW_VENV)
        self.ready_timeout = float(ready_timeout)
        self.generate_sample_data = generate_sample_data
        self.reap_orphans = reap_orphans
        self.progress = progress or (lambda message: None)
        public = (public_url or default_public_url(self.host, self.port)).rstrip("/")
        parts = urlsplit(public)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
            raise ValueError("public URL must look like http://HOST:PORT (no path): %r" % public_url)
        self.base_url = public
        local_host = "127.0.0.1" if _wildcard(self.host) else self.host
        self.local_url = "http://%s:%d" % (_url_host(local_host), self.port)
        self.csw_url = self.base_url + "/csw"
        self.ows_url = self.wms_url = self.wfs_url = self.base_url + "/ows"
        self.oapif_url = self.base_url + "/wfs3"
        # publishing (GeoServer REST emulation): HTTP Basic with these credentials
        self.geoserver_rest_url = self.base_url + publish_rest.REST
        self.geoserver_ows_url = self.base_url + "/geoserver/ows"
        self.publish_user = publish_user or publish_rest.DEFAULT_USER
        # the documented demo password only where no other machine can reach the node
        self.publish_password_generated = False
        if publish_password and (publish_password != publish_rest.DEFAULT_PASSWORD or is_loopback(self.host)):
            self.publish_password = publish_password
        elif is_loopback(self.host):
            self.publish_password = publish_rest.DEFAULT_PASSWORD
        else:
            self.publish_password = random_password()
            self.publish_password_generated = True
        self.publish_port = None
        self.manifest = None
        self.datasets = []
        self.record_ids = []
        self.layer_names = {}
        self.upstream_port = None
        self.logs = {}
        self._children = []
        self._started = False
        self._atexit = False
        self._lock = None
        # the region's data in PostgreSQL/PostGIS too (optional; demo/postgis.py): None when not asked
        self.want_postgis = bool(postgis)
        self.postgis = None

    # --- public --------------------------------------------------------------------------------
    @property
    def pids(self):
        return {c.name: c.pid for c in self._children if c.popen.poll() is None}

    @property
    def pgids(self):
        return {c.name: c.pgid for c in self._children}

    @property
    def state_file(self):
        return os.path.join(self.workdir, STATE_FILE)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        if self._started:
            return self
        sock = _bind(self.host, self.port)  # PortInUse before anything else happens
        try:
            self._lock_workdir()
            self.progress("Simpul demo node: listening on %s:%d, work folder %s"
                          % (_url_host(self.host), self.port, self.workdir))
            if self.reap_orphans:
                _make_subreaper()
            if not self._atexit:
                atexit.register(self.stop)
                self._atexit = True
            self._prepare()
            self._start_qgis_server()  # it loads the project while the catalogue is filled
            self._start_publish_server()
            self._seed_catalogue()
            self._await_qgis_server()
            self._await_publish_server()
            self._start_gateway(sock)
            sock.close()
            sock = None
            self._wait_ready()
            self._start_postgis()
            self._write_state()
            self._started = True
            return self
        except BaseException:
            if sock is not None:
                sock.close()
            self.stop()
            raise

    def stop(self):
        """Stop every process the node started (idempotent)."""
        self._terminate_all()
        if self.postgis is not None:
            self.postgis.stop()
        self._started = False
        if self._lock is not None:
            try:
                os.remove(self.state_file)
            except OSError:
                pass
            self._lock.close()  # releases the work folder
            self._lock = None

    def _lock_workdir(self):
        """Hold an exclusive lock on the work folder while the node lives (released by the kernel
        even if this process is killed): two nodes must never share one catalogue and project."""
        candidates = [self.workdir]
        if self._default_workdir:  # e.g. a second ``make demo-node PORT=8766`` next to the first
            candidates.append("%s-%d" % (self.workdir, self.port))
        for workdir in candidates:
            os.makedirs(workdir, exist_ok=True)
            fh = open(os.path.join(workdir, ".lock"), "a+")
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.close()
                continue
            self.workdir, self._lock = workdir, fh
            return
        raise NodeError("Simpul demo node: the work folder %s is in use by another running demo node (see its "
                        "node.json); give this one a folder of its own with --workdir." % self.workdir)

    def check(self):
        """Raise NodeError if a process of the node has died."""
        for child in self._children:
            code = child.popen.poll()
            if code is not None:
                raise NodeError("Simpul demo node: %s (pid %d) exited with status %s; the end of %s:\n%s"
                                % (child.name, child.pid, code, child.log, _tail(child.log)))

    def running(self):
        return self._started and all(c.popen.poll() is None for c in self._children)

    def describe(self):
        return {
            "base_url": self.base_url, "local_url": self.local_url, "csw_url": self.csw_url,
            "ows_url": self.ows_url, "oapif_url": self.oapif_url, "host": self.host, "port": self.port,
            "workdir": self.workdir, "sample_dir": self.sample_dir, "pid": os.getpid(),
            "children": {c.name: {"pid": c.pid, "pgid": c.pgid, "log": c.log} for c in self._children},
            "upstream_port": self.upstream_port, "records": self.record_ids, "layers": self.layer_names,
            "geoserver_rest_url": self.geoserver_rest_url, "geoserver_ows_url": self.geoserver_ows_url,
            "publish_user": self.publish_user, "publish_port": self.publish_port,
            "logs": self.logs, "allowed_ips": ALLOWED_IPS,
            "postgis": self.postgis.describe() if self.postgis is not None else None,
            "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }

    # --- preparation ---------------------------------------------------------------------------
    def _log(self, name):
        path = os.path.join(self.workdir, "logs", name)
        self.logs[os.path.splitext(name)[0]] = path
        return path

    def _env(self, **extra):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYCSW_", "QGIS_SERVER_", "GUNICORN_")) and k not in ("PYTHONHOME",)}
        runtime = os.path.join(self.workdir, "runtime")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        os.chmod(runtime, 0o700)  # Qt insists on a private runtime folder
        env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1", "XDG_RUNTIME_DIR": runtime,
                    "LC_ALL": env.get("LC_ALL") or "C.UTF-8",
                    # pycsw 2.6 on today's shapely/OWSLib warns on every import; keep the logs readable
                    "PYTHONWARNINGS": "ignore::FutureWarning,ignore::DeprecationWarning"})
        env.update(extra)
        return env

    def _ensure_sample_data(self):
        if os.path.exists(mf.manifest_path(self.sample_dir)) or not self.generate_sample_data:
            return
        self.progress("  generating the sample data into %s ..." % self.sample_dir)
        if not os.path.exists(os.path.join(HERE, "sample_data.py")):
            raise mf.ManifestError("No sample data at %s and demo/sample_data.py is missing." % self.sample_dir)
        log = self._log("sample-data.log")
        with open(log, "wb") as fh:
            proc = subprocess.run([QGIS_PYTHON, "-m", "demo.sample_data", "--out", self.sample_dir, "--if-missing"],
                                  cwd=ROOT, env=self._env(PYTHONPATH=ROOT), stdout=fh, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, timeout=600)
        if proc.returncode != 0:
            raise NodeError("Simpul demo node: generating the sample data failed (status %s):\n%s"
                            % (proc.returncode, _tail(log)))

    def _prepare(self):
        for sub in ("logs", "records"):
            os.makedirs(os.path.join(self.workdir, sub), exist_ok=True)
        self._ensure_sample_data()
        self.manifest = mf.load(self.sample_dir)
        self.datasets = mf.published(self.manifest)
        if not self.datasets:
            raise mf.ManifestError("%s lists no dataset with publish: true" % mf.manifest_path(self.sample_dir))
        self.layer_names = {d["id"]: d["id"] for d in self.datasets}
        self.progress("  QGIS project for %d datasets ..." % len(self.datasets))
        self.project = qproject.ensure_project(self.sample_dir, self.workdir, log_path=self._log("project-build.log"),
                                               env=self._env())

    def _seed_catalogue(self):
        qrecords.write_records(self.manifest, self.base_url, os.path.join(self.workdir, "records"))
        self.record_ids = [d["metadata_id"] for d in self.datasets]
        self.progress("  catalogue: %d ISO 19139 records for %s ..." % (len(self.record_ids), self.base_url))
        published = self._published_records()
        self._setup_catalogue()
        self._keep_seed_catalogue()
        if published:
            self._restore_published_records(published)

    def _published_records(self):
        """The rows of records published to the catalogue before this start (not seed records):
        they stay, as the published layers do (``demo.publish_rest.reset`` removes both)."""
        db = os.path.join(self.workdir, "catalogue.db")
        if not os.path.exists(db):
            return None
        try:
            with sqlite3.connect(db) as conn:
                cols = [r[1] for r in conn.execute("PRAGMA table_info(records)")]
                marks = ",".join("?" * len(self.record_ids)) or "''"
                rows = conn.execute("SELECT * FROM records WHERE identifier NOT IN (%s)" % marks,
                                    self.record_ids).fetchall()
        except sqlite3.Error:
            return None
        return (cols, rows) if rows else None

    def _restore_published_records(self, published):
        cols, rows = published
        db = os.path.join(self.workdir, "catalogue.db")
        try:
            with sqlite3.connect(db) as conn:
                if [r[1] for r in conn.execute("PRAGMA table_info(records)")] != cols:
                    raise sqlite3.Error("the catalogue's table changed")
                conn.executemany("INSERT INTO records VALUES (%s)" % ",".join("?" * len(cols)), rows)
        except sqlite3.Error as exc:
            self.progress("  (records published before could not be kept: %s)" % exc)
            return
        self.progress("  catalogue: %d record(s) published before kept" % len(rows))

    def _keep_seed_catalogue(self):
        """A copy of the freshly seeded catalogue, for ``demo.publish_rest.reset``."""
        src = sqlite3.connect(os.path.join(self.workdir, "catalogue.db"))
        dst = sqlite3.connect(os.path.join(self.workdir, publish_rest.SEED_CATALOGUE))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()

    def pycsw_config(self):
        """The pycsw configuration (a ConfigParser) for this node."""
        c = identity.CONTACT
        cfg = configparser.ConfigParser(interpolation=None)
        cfg["server"] = {
            "home": self.workdir,
            "url": self.csw_url,
            "mimetype": "application/xml; charset=UTF-8",
            "encoding": "UTF-8",
            "language": "en-US",  # pycsw 2.6 knows only en, fr and el for its own messages
            "maxrecords": "100",
            "loglevel": "WARNING",
            "logfile": self._log("pycsw.log"),
            "pretty_print": "true",
            "domainquerytype": "list",
            "domaincounts": "false",
            "profiles": "apiso",
            "timeout": "30",
        }
        cfg["manager"] = {
            "transactions": "true",
            "allowed_ips": ALLOWED_IPS,
            "csw_harvest_pagesize": "10",
        }
        cfg["metadata:main"] = {
            "identification_title": identity.TITLE,
            "identification_abstract": identity.ABSTRACT.replace("\n\n", " "),
            "identification_keywords": ",".join(identity.KEYWORDS),
            "identification_keywords_type": "theme",
            "identification_fees": identity.FEES,
            "identification_accessconstraints": identity.ACCESS_CONSTRAINTS,
            "provider_name": c["organisation"],
            "provider_url": c["url"],
            "contact_name": c["person"],
            "contact_position": c["position"],
            "contact_address": c["address"],
            "contact_city": c["city"],
            "contact_stateorprovince": c["province"],
            "contact_postalcode": c["postcode"],
            "contact_country": c["country"],
            "contact_phone": c["phone"],
            "contact_fax": c["phone"],
            "contact_email": c["email"],
            "contact_url": c["url"],
            "contact_hours": c["hours"],
            "contact_instructions": "Hubungi melalui surel / contact by e-mail",
            "contact_role": "pointOfContact",
        }
        cfg["repository"] = {
            "database": "sqlite:///" + os.path.join(self.workdir, "catalogue.db"),
            "table": "records",
        }
        cfg["metadata:inspire"] = {"enabled": "false"}
        return cfg

    def _write_pycsw_config(self):
        cfg = self.pycsw_config()
        for section in cfg.sections():
            for key, value in cfg[section].items():
                # pycsw reads its file with %-interpolation and $VAR expansion
                if "$" in value:
                    raise NodeError("pycsw setting %s.%s must not contain '$': %r" % (section, key, value))
                cfg[section][key] = value.replace("%", "%%")
        path = os.path.join(self.workdir, "pycsw.cfg")
        buf = io.StringIO()
        cfg.write(buf)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(buf.getvalue())
        self.pycsw_cfg = path
        return path

    def _setup_catalogue(self):
        """A fresh SQLite repository holding exactly the seed records (``demo/catalogue.py``, which
        runs pycsw's own admin functions ``setup_db`` and ``load_records`` in the pycsw venv)."""
        python = os.path.join(self.pycsw_venv, "bin", "python")
        if not os.path.exists(python):
            raise NodeError("Simpul demo node: pycsw is not installed in %s; run 'make setup' (tools/setup.sh)."
                            % self.pycsw_venv)
        cfg = self._write_pycsw_config()
        db = os.path.join(self.workdir, "catalogue.db")
        log = self._log("catalogue.log")
        with open(log, "wb") as fh:
            proc = subprocess.run([python, "-m", "demo.catalogue", "--config", cfg,
                                   "--records", os.path.join(self.workdir, "records")],
                                  cwd=ROOT, env=self._env(PYTHONPATH=ROOT), stdout=fh, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, timeout=300)
        if proc.returncode != 0:
            raise NodeError("Simpul demo node: loading the catalogue failed (status %s); the end of %s:\n%s"
                            % (proc.returncode, log, _tail(log)))
        with sqlite3.connect(db) as conn:
            ids = sorted(r[0] for r in conn.execute("SELECT identifier FROM records"))
        if ids != sorted(self.record_ids):
            raise NodeError("Simpul demo node: the catalogue holds %d records %s, expected %d %s; see %s"
                            % (len(ids), ids, len(self.record_ids), sorted(self.record_ids), log))

    # --- processes -----------------------------------------------------------------------------
    def _spawn(self, name, cmd, env, log, pass_fds=()):
        fh = open(log, "ab")
        try:
            popen = subprocess.Popen(cmd, cwd=self.workdir, env=env, stdin=subprocess.DEVNULL, stdout=fh,
                                     stderr=subprocess.STDOUT, start_new_session=True, pass_fds=pass_fds,
                                     preexec_fn=die_with_this_process())
        finally:
            fh.close()
        child = _Child(name, popen, log)
        self._children.append(child)
        return child

    def _start_qgis_server(self):
        self.upstream_port = free_port("127.0.0.1")
        log = self._log("qgis-server.log")
        with open(log, "ab") as fh:
            fh.write(("--- qgis_mapserver on 127.0.0.1:%d\n" % self.upstream_port).encode())
        env = self._env(QGIS_SERVER_LOG_LEVEL="1", QGIS_SERVER_LOG_STDERR="1",
                        QGIS_SERVER_IGNORE_BAD_LAYERS="false", QGIS_OPTIONS_PATH=os.path.join(self.workdir, "qgis"),
                        QGIS_CUSTOM_CONFIG_PATH=os.path.join(self.workdir, "qgis"))
        self._spawn("qgis_server", [QGIS_MAPSERVER, "-p", self.project, "127.0.0.1:%d" % self.upstream_port],
                    env, log)

    def _qgis_server_answers(self):
        """True when *QGIS Server* answers on the internal port (not some other program that took
        the port meanwhile: its answers carry ``Server: QGIS``)."""
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=3)
        try:
            conn.request("GET", "/ows?SERVICE=WMS&REQUEST=GetCapabilities")
            resp = conn.getresponse()
            resp.read()
            return resp.status == 200 and "qgis" in (resp.getheader("Server") or "").lower()
        except (OSError, http.client.HTTPException):
            return False
        finally:
            conn.close()

    def _await_qgis_server(self, attempts=3):
        """Wait until QGIS Server answers on its internal port; if another program took that port
        in the meantime (QGIS Server then exits), start it again on another one."""
        deadline = time.monotonic() + self.ready_timeout
        for attempt in range(attempts):
            child = next(c for c in self._children if c.name == "qgis_server")
            while child.popen.poll() is None:
                if self._qgis_server_answers():
                    return
                if time.monotonic() > deadline:
                    raise NodeError("Simpul demo node: QGIS Server did not answer on 127.0.0.1:%d within %g s; "
                                    "the end of %s:\n%s" % (self.upstream_port, self.ready_timeout, child.log,
                                                             _tail(child.log)))
                time.sleep(0.05)  # bounded readiness poll
            if "already in use" not in _tail(child.log, 5) or attempt == attempts - 1:
                self.check()  # raises, with the end of the log
            self._children.remove(child)
            self._start_qgis_server()

    def _start_publish_server(self):
        """The ``qgis_mapserver`` behind ``/geoserver/ows`` (projects chosen per request by MAP)."""
        self.publish_port = free_port("127.0.0.1")
        log = self._log("qgis-server-publish.log")
        with open(log, "ab") as fh:
            fh.write(("--- qgis_mapserver (published layers) on 127.0.0.1:%d\n" % self.publish_port).encode())
        qgis_dir = os.path.join(self.workdir, "qgis-publish")
        env = self._env(QGIS_SERVER_LOG_LEVEL="1", QGIS_SERVER_LOG_STDERR="1", QGIS_OPTIONS_PATH=qgis_dir,
                        QGIS_CUSTOM_CONFIG_PATH=qgis_dir)
        self._spawn("qgis_server_publish", [QGIS_MAPSERVER, "127.0.0.1:%d" % self.publish_port], env, log)

    def _await_publish_server(self, attempts=3):
        """Wait until the second QGIS Server answers (any answer that says ``Server: QGIS``)."""
        import http.client
        deadline = time.monotonic() + self.ready_timeout
        for attempt in range(attempts):
            child = next(c for c in self._children if c.name == "qgis_server_publish")
            while child.popen.poll() is None:
                conn = http.client.HTTPConnection("127.0.0.1", self.publish_port, timeout=3)
                try:
                    conn.request("GET", "/ows?SERVICE=WMS&REQUEST=GetCapabilities")
                    resp = conn.getresponse()
                    resp.read()
                    if "qgis" in (resp.getheader("Server") or "").lower():
                        return
                except (OSError, http.client.HTTPException):
                    pass
                finally:
                    conn.close()
                if time.monotonic() > deadline:
                    raise NodeError("Simpul demo node: QGIS Server (published layers) did not answer on 127.0.0.1:%d "
                                    "within %g s; the end of %s:\n%s" % (self.publish_port, self.ready_timeout,
                                                                        child.log, _tail(child.log)))
                time.sleep(0.05)  # bounded readiness poll
            if "already in use" not in _tail(child.log, 5) or attempt == attempts - 1:
                self.check()
            self._children.remove(child)
            self._start_publish_server()

    def _write_gateway_config(self):
        path = os.path.join(self.workdir, "gateway.json")
        cfg = {
            "public_url": self.base_url,
            "pycsw_config": self.pycsw_cfg,
            "upstream": "127.0.0.1:%d" % self.upstream_port,
            "timeout": PROXY_TIMEOUT,
            "node": {"id": identity.NODE_ID, "title": identity.TITLE, "title_en": identity.TITLE_EN,
                     "abstract": identity.ABSTRACT, "contact": identity.CONTACT, "allowed_ips": ALLOWED_IPS},
            "datasets": [{"id": d["id"], "title": d.get("title", ""), "metadata_id": d.get("metadata_id", ""),
                          "region": d.get("region", ""), "geometry": d.get("geometry", ""),
                          "crs": d.get("crs", ""), "wms_layer": d["id"], "wfs_typename": d["id"]}
                         for d in self.datasets],
            "publish": {"workdir": self.workdir, "user": self.publish_user, "password": self.publish_password,
                        "password_generated": self.publish_password_generated,
                        "upstream": "127.0.0.1:%d" % self.publish_port, "python": QGIS_PYTHON,
                        "timeout": PROXY_TIMEOUT},
        }
        fd = os.open(path + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # it holds the password
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(cfg, fh, indent=1, ensure_ascii=False)
        os.replace(path + ".tmp", path)
        return path

    def _start_gateway(self, sock):
        gunicorn = os.path.join(self.pycsw_venv, "bin", "gunicorn")
        if not os.path.exists(gunicorn):
            raise NodeError("Simpul demo node: gunicorn is not installed in %s; run 'make setup'." % self.pycsw_venv)
        log = self._log("gateway.log")
        with open(log, "wb"):
            pass
        fd = sock.fileno()
        cmd = [os.path.join(self.pycsw_venv, "bin", "python"), gunicorn,
               "--bind", "fd://%d" % fd, "--worker-class", "gthread", "--workers", "1",
               "--threads", str(GATEWAY_THREADS), "--timeout", str(PROXY_TIMEOUT + 30), "--graceful-timeout", "5",
               "--chdir", ROOT, "--name", "simpul-demo-gateway", "--error-logfile", "-",
               "--access-logfile", self._log("gateway-access.log"), "--log-level", "info",
               "demo.gateway:application"]
        env = self._env(PYTHONPATH=ROOT, SIMPUL_GATEWAY_CONFIG=self._write_gateway_config())
        self._spawn("gateway", cmd, env, log, pass_fds=(fd,))

    def _probe(self, url, must_contain):
        try:
            with _NO_PROXY.open(urllib.request.Request(url, headers={"Accept": "*/*"}), timeout=10) as resp:
                body = resp.read(512 * 1024)
                return resp.status == 200 and must_contain in body
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def _wait_ready(self):
        self.progress("  waiting for pycsw and QGIS Server to answer ...")
        base = self.local_url
        pending = {
            "landing": (base + "/?f=json", b'"endpoints"'),
            "csw 2.0.2": (base + "/csw?service=CSW&version=2.0.2&request=GetCapabilities", b"Capabilities"),
            "csw 3.0.0": (base + "/csw?service=CSW&version=3.0.0&request=GetCapabilities", b"Capabilities"),
            "wms": (base + "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", b"WMS_Capabilities"),
            "wfs": (base + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities", b"WFS_Capabilities"),
            "ogcapi": (base + "/wfs3/collections.json", b'"collections"'),
            # builds the project of the published layers (none on a fresh node) and asks QGIS Server
            "published wms": (base + "/geoserver/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                              b"WMS_Capabilities"),
        }
        deadline = time.monotonic() + self.ready_timeout
        while True:
            self.check()
            for name, (url, needle) in list(pending.items()):
                if self._probe(url, needle):
                    del pending[name]
            if not pending:
                return
            if time.monotonic() > deadline:
                tails = "\n".join("--- %s (%s):\n%s" % (c.name, c.log, _tail(c.log, 15)) for c in self._children)
                raise NodeError("Simpul demo node: %s did not answer within %g s.\n%s"
                                % (", ".join(sorted(pending)), self.ready_timeout, tails))
            time.sleep(0.1)  # bounded readiness poll

    def _start_postgis(self):
        """The sample data in PostGIS as well, when asked and possible; the node runs on without."""
        if not self.want_postgis:
            return
        self.postgis = node_postgis.NodePostgis(self.workdir, progress=self.progress, log=self._log("postgis.log"))
        if not self.postgis.start(self.datasets, self.sample_dir):
            self.progress("  PostGIS: not started, the node runs without it: %s" % self.postgis.reason)

    def _write_state(self):
        with open(self.state_file, "w", encoding="utf-8") as fh:
            json.dump(self.describe(), fh, indent=1, ensure_ascii=False)

    def _terminate_all(self):
        children, self._children = list(self._children), []
        for child in reversed(children):  # the gateway first, then QGIS Server
            try:
                os.killpg(child.pgid, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass
        for child in reversed(children):
            try:
                child.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(child.pgid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                child.popen.wait()
        # Whatever is left in the children's groups (e.g. a worker its master did not reap).
        deadline = time.monotonic() + 10
        for child in children:
            while True:
                if self.reap_orphans:
                    self._reap()
                alive = [p for p, state in _group_members(child.pgid) if state != "Z" or self.reap_orphans]
                if not alive or time.monotonic() > deadline:
                    break
                try:
                    os.killpg(child.pgid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                time.sleep(0.05)

    @staticmethod
    def _reap():
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return


# --- command line -------------------------------------------------------------------------------

class _Stop(Exception):
    pass


_STOPPING = []


def _on_signal(signum, frame):
    if _STOPPING:  # a second Ctrl-C must not interrupt the clean-up of the first
        return
    _STOPPING.append(signum)
    raise _Stop(signal.Signals(signum).name)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m demo.node",
                                 description="Run Simpul's demo SDI node (pycsw + QGIS Server behind one gateway) "
                                             "in the foreground; Ctrl-C stops it.")
    ap.add_argument("--host", default=DEFAULT_HOST,
                    help="address to listen on (default %(default)s; 0.0.0.0 = every interface, for a LAN)")
    ap.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default %(default)s)")
    ap.add_argument("--workdir", default=None,
                    help="working folder (default build/demo-node, or build/demo-node-PORT while that one is in use)")
    ap.add_argument("--sample-dir", default=DEFAULT_SAMPLE_DIR, help="sample data (default resources/sample_data)")
    ap.add_argument("--public-url", default=None,
                    help="the address clients use, e.g. http://192.168.1.10:8765 (default http://HOST:PORT; "
                         "with HOST 0.0.0.0 this machine's LAN address)")
    ap.add_argument("--publish-user", default=publish_rest.DEFAULT_USER,
                    help="user name for publishing to /geoserver/rest (HTTP Basic; default %(default)s)")
    ap.add_argument("--publish-password", default=None,
                    help="password for publishing (default: %s on 127.0.0.1; bound beyond loopback, e.g. "
                         "--host 0.0.0.0, a random one printed at start — the documented %s is refused there)"
                         % (publish_rest.DEFAULT_PASSWORD, publish_rest.DEFAULT_PASSWORD))
    ap.add_argument("--ready-timeout", type=float, default=120.0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not 0 < args.port < 65536:
        ap.error("--port must be between 1 and 65535")

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, _on_signal)
    try:
        node = DemoNode(args.host, args.port, args.workdir, args.sample_dir, args.public_url,
                        ready_timeout=args.ready_timeout, reap_orphans=True,
                        progress=lambda message: print(message, flush=True),
                        publish_user=args.publish_user, publish_password=args.publish_password)
    except ValueError as exc:
        ap.error(str(exc))
    status = 0
    try:
        node.start()
        print("Simpul demo node ready at %s/" % node.base_url)
        print("  landing page       %s/  (JSON: %s/?f=json)" % (node.base_url, node.base_url))
        print("  CSW 2.0.2/3.0.0    %s" % node.csw_url)
        print("  WMS 1.3.0, WFS     %s" % node.ows_url)
        print("  OGC API Features   %s" % node.oapif_url)
        if node.publish_password_generated:
            print("  publish (GeoServer REST)  %s  user %s" % (node.geoserver_rest_url, node.publish_user))
            print("  PUBLISHING PASSWORD for this session: %s" % node.publish_password)
            print("    (random: the node is reachable from other machines, so the documented demo password "
                  "is not accepted; tell it to the participants — the trainer view %s/lab on this machine "
                  "shows it too)" % node.local_url)
        else:
            print("  publish (GeoServer REST)  %s  user %s password %s" % (node.geoserver_rest_url, node.publish_user,
                                                                          node.publish_password))
        print("  published WMS/WFS  %s (per workspace: /geoserver/<workspace>/ows)" % node.geoserver_ows_url)
        print("  datasets           %d published, %d catalogue records" % (len(node.datasets), len(node.record_ids)))
        print("  CSW-T transactions only from %s; logs in %s" % (ALLOWED_IPS, os.path.join(node.workdir, "logs")))
        if _wildcard(node.host) and not args.public_url:
            print("  listening on every interface; records and links use %s (set --public-url if the "
                  "trainees reach this machine by another address)" % node.base_url)
        print("Ctrl-C stops the node.", flush=True)
        while True:
            node.check()
            time.sleep(0.5)  # signals interrupt this wait at once
    except _Stop as stop:
        print("\nSimpul demo node: %s received, stopping ..." % stop, flush=True)
    except KeyboardInterrupt:
        print("\nSimpul demo node: stopping ...", flush=True)
    except PortInUse as exc:
        print(str(exc), file=sys.stderr, flush=True)
        status = 2
    except (NodeError, mf.ManifestError, qproject.ProjectError) as exc:
        print(str(exc), file=sys.stderr, flush=True)
        status = 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        node.stop()
    if status == 0:
        print("Simpul demo node stopped.", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
