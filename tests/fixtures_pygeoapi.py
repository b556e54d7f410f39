"""A real pygeoapi (``build/venv/pygeoapi``, ``tools/setup.d/30-pygeoapi.sh``) on 127.0.0.1 serving
OGC API Records from the TinyDB records provider, for paging through ``next`` links.

* ``pygeoapi_records`` (session): attributes ``url`` (landing page), ``collection_url``
  (``url + "/collections/metadata-records"``), ``records`` (the features served: 23, so a
  page size of 10 gives three pages), ``node`` (a core.nodes.registry.Node with its "OGC API Records"
  service), ``workdir``.
"""
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
VENV = os.path.join(ROOT, "build", "venv", "pygeoapi")

__all__ = ["pygeoapi_records", "PygeoapiRecords"]


def _config(url, port, tinydb):
    """pygeoapi's configuration (written as JSON, which is YAML too)."""
    contact = {"name": "Admin Simpul", "position": "Admin", "address": "-", "city": "-",
               "stateorprovince": "-", "postalcode": "0", "country": "Indonesia", "phone": "+62-000",
               "fax": "+62-000", "email": "uji@contoh.invalid", "url": url, "hours": "-",
               "instructions": "-", "role": "pointOfContact"}
    return {
        "server": {"bind": {"host": "127.0.0.1", "port": port}, "url": url,
                   "mimetype": "application/json; charset=UTF-8", "encoding": "utf-8", "language": "en-US",
                   "cors": False, "pretty_print": False, "limits": {"default_items": 10, "max_items": 50},
                   "map": {"url": "http://127.0.0.1:9/{z}/{x}/{y}.png", "attribution": "-"}},
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": {"title": "Katalog OGC API Records (uji)", "description": "Katalog uji Simpul",
                               "keywords": ["simpul", "uji"], "keywords_type": "theme",
                               "terms_of_service": "https://creativecommons.org/licenses/by/4.0/", "url": url},
            "license": {"name": "CC-BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
            "provider": {"name": "Simpul (uji)", "url": url},
            "contact": contact},
        "resources": {
            "metadata-records": {
                "type": "collection", "title": "Rekaman metadata (uji)", "description": "Rekaman metadata uji",
                "keywords": ["metadata", "records"], "links": [],
                "extents": {"spatial": {"bbox": [-180, -90, 180, 90],
                                        "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
                "providers": [{"type": "record", "name": "TinyDBCatalogue", "data": tinydb, "editable": False,
                               "id_field": "id", "time_field": "created", "title_field": "title"}]}},
    }


class PygeoapiRecords:
    def __init__(self, workdir):
        self.workdir = workdir
        self.proc = None
        self.sock = None

    def start(self):
        from catalog_records import oarec_records, write_tinydb
        from sdi_plugin.core.nodes.registry import Node

        python = os.path.join(VENV, "bin", "python")
        assert os.path.exists(python), "pygeoapi is not installed: run tools/setup.d/30-pygeoapi.sh (make setup)"
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.set_inheritable(True)
        port = self.sock.getsockname()[1]
        self.url = "http://127.0.0.1:%d" % port
        self.collection_url = self.url + "/collections/metadata-records"
        self.records = oarec_records()
        tinydb = os.path.join(self.workdir, "records.tinydb")
        write_tinydb(tinydb, self.records)
        cfg = os.path.join(self.workdir, "pygeoapi.config.yml")
        with open(cfg, "w", encoding="utf-8") as fh:
            json.dump(_config(self.url, port, tinydb), fh, indent=1)
        openapi = os.path.join(self.workdir, "openapi.yml")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYGEOAPI_", "GUNICORN_"))}
        env.update(PYGEOAPI_CONFIG=cfg, PYGEOAPI_OPENAPI=openapi, PYTHONWARNINGS="ignore")
        gen = subprocess.run([os.path.join(VENV, "bin", "pygeoapi"), "openapi", "generate", cfg, "--output-file",
                              openapi], env=env, capture_output=True, text=True, timeout=120)
        assert gen.returncode == 0, gen.stdout[-2000:] + gen.stderr[-3000:]
        log = open(os.path.join(self.workdir, "gunicorn.log"), "wb")
        self.proc = subprocess.Popen(
            [python, os.path.join(VENV, "bin", "gunicorn"), "--bind", "fd://%d" % self.sock.fileno(),
             "--workers", "1", "--worker-class", "gthread", "--threads", "4", "--error-logfile", "-",
             "pygeoapi.flask_app:APP"],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            pass_fds=[self.sock.fileno()], cwd=self.workdir,
            preexec_fn=die_with_this_process())  # never outlives this test process
        log.close()
        # The socket listens already: this request waits in the backlog until gunicorn serves it.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.collection_url + "?f=json", timeout=60) as resp:
            assert resp.status == 200
        self.node = Node(name="Katalog OGC API Records (uji)", url=self.url, level="provinsi", id="oarec",
                         services=[{"kind": "OGC API Records", "version": "1.0", "versions": ["1.0"], "url": self.url,
                                    "title": "Katalog OGC API Records (uji)"}])
        return self

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)   # gunicorn: quick shutdown
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        if self.sock is not None:
            self.sock.close()


@pytest.fixture(scope="session")
def pygeoapi_records(tmp_path_factory):
    if os.path.join(ROOT, "tests") not in sys.path:
        sys.path.insert(0, os.path.join(ROOT, "tests"))
    server = PygeoapiRecords(str(tmp_path_factory.mktemp("pygeoapi")))
    try:
        yield server.start()
    finally:
        server.stop()
