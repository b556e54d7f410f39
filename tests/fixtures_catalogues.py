"""Real pycsw catalogues on 127.0.0.1 for the federated-search tests.

* ``csw_catalogues`` (session): three pycsw 2.6 catalogues (``tests/catalog_records.py``:
  Kalimantan Tengah, BIG, Kabupaten Paser — the last without the ISO profile, so it answers in
  Dublin Core only), each on a port of its own, served by one gunicorn process
  (``tests/pycsw_multi.py``). Attributes: ``nodes`` {key: core.nodes.registry.Node with its CSW service},
  ``urls`` {key: CSW endpoint}, ``datasets`` {key: [dataset dicts]}.
* ``post_capable(scripted_server)``: lets the scripted server answer POST as it answers GET.
"""
import configparser
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest

from demo.node import die_with_this_process  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYCSW_VENV = os.path.join(ROOT, "build", "venv", "pycsw")

__all__ = ["csw_catalogues", "post_capable", "CswCatalogues", "start_csw_catalogues"]


def post_capable(server):
    """Make a ``httpfixture.ScriptedServer`` answer POST requests with its GET routes (the body
    is read first and kept in ``server.bodies``)."""
    handler = server.httpd.RequestHandlerClass
    server.bodies = getattr(server, "bodies", [])
    if not hasattr(handler, "do_POST"):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            server.bodies.append(self.rfile.read(length) if length else b"")
            self.do_GET()
        handler.do_POST = do_POST
    return server


def _config(home, url, db, title, iso=True):
    cfg = configparser.ConfigParser(interpolation=None)
    cfg["server"] = {"home": home, "url": url, "mimetype": "application/xml; charset=UTF-8",
                     "encoding": "UTF-8", "language": "en-US", "maxrecords": "100", "loglevel": "WARNING",
                     "logfile": os.path.join(home, "pycsw.log"), "pretty_print": "false",
                     "domainquerytype": "list", "domaincounts": "false", "timeout": "30"}
    if iso:   # without the ISO application profile, pycsw answers in Dublin Core only
        cfg["server"]["profiles"] = "apiso"
    cfg["manager"] = {"transactions": "false", "allowed_ips": "127.0.0.1"}
    cfg["metadata:main"] = {"identification_title": title, "identification_abstract": title,
                            "identification_keywords": "simpul,uji", "identification_keywords_type": "theme",
                            "identification_fees": "None", "identification_accessconstraints": "None",
                            "provider_name": title, "provider_url": url, "contact_name": "Admin",
                            "contact_position": "Admin", "contact_address": "-", "contact_city": "-",
                            "contact_stateorprovince": "-", "contact_postalcode": "0", "contact_country": "Indonesia",
                            "contact_phone": "-", "contact_fax": "-", "contact_email": "uji@contoh.invalid",
                            "contact_url": url, "contact_hours": "-", "contact_instructions": "-",
                            "contact_role": "pointOfContact"}
    cfg["repository"] = {"database": "sqlite:///" + db, "table": "records"}
    cfg["metadata:inspire"] = {"enabled": "false"}
    for section in cfg.sections():
        for key, value in cfg[section].items():
            cfg[section][key] = value.replace("%", "%%")
    return cfg


class CswCatalogues:
    def __init__(self, workdir):
        self.workdir = workdir
        self.nodes, self.urls, self.datasets, self.proc = {}, {}, {}, None
        self._socks = []

    def start(self):
        from catalog_records import CATALOGUES, write_iso
        from sdi_plugin.core.nodes.registry import Node

        spec = {}
        for key, cat in CATALOGUES.items():
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", 0))
            sock.listen(64)
            sock.set_inheritable(True)
            self._socks.append(sock)
            port = sock.getsockname()[1]
            home = os.path.join(self.workdir, key)
            os.makedirs(home, exist_ok=True)
            url = "http://127.0.0.1:%d/csw" % port
            write_iso(cat["datasets"], os.path.join(home, "records"), "http://127.0.0.1:%d" % port)
            cfg_path = os.path.join(home, "pycsw.cfg")
            with open(cfg_path, "w", encoding="utf-8") as fh:
                _config(home, url, os.path.join(home, "catalogue.db"), cat["name"],
                        iso=not cat.get("dublin_core_only")).write(fh)
            spec[str(port)] = {"config": cfg_path, "records": os.path.join(home, "records")}
            self.urls[key] = url
            self.datasets[key] = cat["datasets"]
            self.nodes[key] = Node(name=cat["name"], url="http://127.0.0.1:%d" % port, level=cat["level"], id=key,
                                   services=[{"kind": "CSW", "version": "2.0.2", "versions": ["2.0.2", "3.0.0"],
                                              "url": url, "title": cat["name"]}])
        spec_path = os.path.join(self.workdir, "spec.json")
        with open(spec_path, "w", encoding="utf-8") as fh:
            json.dump(spec, fh)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYCSW_", "GUNICORN_"))}
        env.update(PYTHONPATH=os.path.join(ROOT, "tests") + os.pathsep + ROOT, SIMPUL_PYCSW_MULTI=spec_path,
                   PYTHONWARNINGS="ignore", PYTHONDONTWRITEBYTECODE="1")
        python = os.path.join(PYCSW_VENV, "bin", "python")
        build = subprocess.run([python, os.path.join(ROOT, "tests", "pycsw_multi.py"), "build", spec_path],
                               env=env, capture_output=True, text=True, timeout=120)
        assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-3000:]
        binds = []
        for sock in self._socks:
            binds += ["--bind", "fd://%d" % sock.fileno()]
        log = open(os.path.join(self.workdir, "gunicorn.log"), "wb")
        self.proc = subprocess.Popen(
            [python, os.path.join(PYCSW_VENV, "bin", "gunicorn"), *binds, "--worker-class", "gthread", "--workers", "1",
             "--threads", "8", "--timeout", "60", "--graceful-timeout", "2", "--error-logfile", "-",
             "pycsw_multi:application"],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            pass_fds=[s.fileno() for s in self._socks],
            preexec_fn=die_with_this_process())  # never outlives this test process
        log.close()
        # The sockets listen already: these requests wait in the backlog until gunicorn serves them.
        for url in self.urls.values():
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
                    url + "?service=CSW&version=2.0.2&request=GetCapabilities", timeout=60) as resp:
                assert resp.status == 200
        return self

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)   # gunicorn: quick shutdown
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        for sock in self._socks:
            sock.close()


def start_csw_catalogues(workdir):
    return CswCatalogues(workdir).start()


@pytest.fixture(scope="session")
def csw_catalogues(tmp_path_factory):
    if os.path.join(ROOT, "tests") not in sys.path:
        sys.path.insert(0, os.path.join(ROOT, "tests"))
    cats = CswCatalogues(str(tmp_path_factory.mktemp("csw-catalogues")))
    try:
        yield cats.start()
    finally:
        cats.stop()
