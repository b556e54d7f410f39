"""WMS/WFS for what was published through the demo node's GeoServer REST emulation
(``/geoserver/ows`` and ``/geoserver/<workspace>/ows``): a QGIS project per state of the REST
catalogue and per workspace (``demo/gs_project.py``, run with Debian's PyQGIS), served by a
``qgis_mapserver`` that takes the project from each request's ``MAP`` parameter.

The demo node starts that ``qgis_mapserver`` itself (``upstream``); the tests' stand-alone
server (``tests/geoserver_double.py``) lets this backend start one of its own (``start()``).
Each layer is styled with the SLD that was uploaded for it, so what draws is what was published.
"""
import json
import os
import signal
import subprocess
import threading
import urllib.error
import urllib.request
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
QGIS_PYTHON = "/usr/bin/python3"
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _free_port():
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent():
    """preexec_fn: the child gets SIGTERM when the thread that started it ends (Linux prctl
    PR_SET_PDEATHSIG), so a server started here never outlives its owner."""
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)


class QgisServerBackend:
    """``backend(owner, scope, query)`` → (status, content type, body). ``owner`` has
    ``catalog`` (:class:`demo.gs_catalog.Catalog`), ``lock``, ``token`` (tells one catalogue from
    another) and ``base_url`` (the public base URL the project advertises as its WMS/WFS address)."""

    def __init__(self, workdir, upstream=None, python=QGIS_PYTHON, env=None, timeout=120):
        self.workdir = workdir
        os.makedirs(workdir, exist_ok=True)
        self.proc = None
        self.port = int(upstream.rpartition(":")[2]) if upstream else 0
        self.external = bool(upstream)
        self.python = python
        self.env = dict(env if env is not None else os.environ, QT_QPA_PLATFORM="offscreen")
        self.env.setdefault("QGIS_CUSTOM_CONFIG_PATH", os.path.join(workdir, "qgis"))  # never the user's profile
        self.timeout = timeout
        self.lock = threading.Lock()
        self.cache = {}
        self.builds = 0

    def start(self, tie_to_this_thread=False):
        """Start a ``qgis_mapserver`` of this backend's own (not when the node runs one)."""
        if self.external:
            return
        self.port = _free_port()
        env = dict(self.env, QGIS_SERVER_LOG_LEVEL="2", QGIS_SERVER_LOG_STDERR="1",
                   QGIS_OPTIONS_PATH=os.path.join(self.workdir, "qgis"),
                   QGIS_CUSTOM_CONFIG_PATH=os.path.join(self.workdir, "qgis"))
        env.pop("QGIS_PROJECT_FILE", None)
        self.proc = subprocess.Popen(["qgis_mapserver", "127.0.0.1:%d" % self.port], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                                     start_new_session=True,
                                     preexec_fn=_die_with_parent if tie_to_this_thread else None)
        seen = []
        for raw in iter(self.proc.stdout.readline, b""):
            seen.append(raw.decode("utf-8", "replace"))
            if "listening on" in seen[-1]:
                break
        else:
            raise RuntimeError("qgis_mapserver ended before it was ready:\n%s" % "".join(seen[-30:]))
        log = os.path.join(self.workdir, "qgis-server.log")

        def drain():
            with open(log, "ab") as fh:
                fh.write("".join(seen).encode())
                for raw in iter(self.proc.stdout.readline, b""):
                    fh.write(raw)
        threading.Thread(target=drain, daemon=True).start()

    def _spec(self, owner, scope):
        cat = owner.catalog
        layers = []
        for (ws, name), ft in sorted(cat.featuretypes.items()):
            if (scope and ws != scope) or not ft.get("enabled", True):
                continue
            st = cat.stores.get((ws, ft["store"]))
            if st is None:
                continue
            if st["format"] == "gpkg":
                uri = "%s|layername=%s" % (st["file"], ft["nativeName"])
            elif st["format"] == "shp":
                uri = os.path.join(st["file"], ft["nativeName"] + ".shp")
            else:
                continue   # PostGIS stores: the database is not reachable from here
            layer = cat.layers.get("%s:%s" % (ws, name), {})
            ref = layer.get("defaultStyle") or {}
            style = cat.styles.get((ref.get("workspace"), ref.get("name")))
            sld = None
            if style is not None and ref.get("workspace"):
                os.makedirs(self.workdir, exist_ok=True)   # a reset while the node runs removes it
                sld = os.path.join(self.workdir, "style-%d-%s-%s.sld" % (cat.version, ws, ref["name"]))
                with open(sld, "wb") as fh:
                    fh.write(style["body"])
            layers.append({"name": name if scope else "%s:%s" % (ws, name), "uri": uri, "sld": sld})
        url = owner.base_url + ("/geoserver/%s/ows" % scope if scope else "/geoserver/ows")
        title = "Simpul demo: %s" % (scope if scope else "published layers")
        return {"layers": layers, "ows_url": url, "title": title}

    def project_for(self, owner, scope):
        with owner.lock:
            key = (getattr(owner, "token", id(owner)), scope, owner.catalog.version, owner.base_url)
            if key in self.cache:
                return self.cache[key]
            spec = self._spec(owner, scope)
        n = self.builds
        os.makedirs(self.workdir, exist_ok=True)   # a reset while the node runs removes it
        spec["out"] = os.path.join(self.workdir, "project-%s-%d-%d.qgs" % (scope or "all", key[2], n))
        path = os.path.join(self.workdir, "spec-%d.json" % n)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(spec, fh)
        proc = subprocess.run([self.python, os.path.join(HERE, "gs_project.py"), path], capture_output=True,
                              text=True, timeout=self.timeout, env=self.env, stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise RuntimeError("building the QGIS project for %s failed: %s" % (scope or "/geoserver/ows",
                                                                                 proc.stderr[-2000:]))
        self.builds += 1
        self.cache[key] = spec["out"]
        return spec["out"]

    def __call__(self, owner, scope, query):
        with self.lock:
            if not self.port:
                self.start()
            project = self.project_for(owner, scope)
            names = [] if scope else sorted("%s:%s" % key for key in owner.catalog.featuretypes)
        query, wfs_request = wfs_names_in(query, names)
        url = "http://127.0.0.1:%d/ows?MAP=%s&%s" % (self.port, quote(project), query)
        try:
            with _NO_PROXY.open(url, timeout=self.timeout) as resp:
                body = resp.read()
                if wfs_request:
                    body = wfs_names_out(body, names, wfs_request)
                return resp.status, resp.headers.get("Content-Type", "application/xml"), body
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type", "text/xml"), exc.read()
        except (urllib.error.URLError, OSError) as exc:
            return 502, "text/plain; charset=utf-8", ("QGIS Server is not reachable: %s\n" % exc).encode()

    def close(self):
        proc, self.proc = self.proc, None
        stop_group(proc)


QGS_NS = "http://www.qgis.org/gml"
TYPENAME_KEYS = ("typename", "typenames")


def wfs_names_in(query, names):
    """GeoServer's WFS answers ``workspace:layer``; QGIS Server, which serves ``/geoserver/ows``
    here, calls the same type ``workspace-layer`` (a colon is no XML name). So the names a
    record carries (``workspace:layer``) work with any WFS client, a WFS request on the global
    endpoint has its type names translated for QGIS Server. Returns (query, request or '' when
    it is no WFS request of ours)."""
    if not names:
        return query, ""
    from urllib.parse import parse_qsl, urlencode
    pairs = parse_qsl(query, keep_blank_values=True)
    keys = {k.lower(): v for k, v in pairs}
    if keys.get("service", "").upper() != "WFS":
        return query, ""
    known = set(names)
    out = []
    for key, value in pairs:
        if key.lower() in TYPENAME_KEYS:
            value = ",".join(v.replace(":", "-", 1) if v in known else v for v in value.split(","))
        out.append((key, value))
    return urlencode(out, safe=":,/"), keys.get("request", "").lower()


def wfs_names_out(body, names, request):
    """QGIS Server's answer with the GeoServer names: ``workspace:layer`` in the capabilities
    (the prefix bound to the namespace of the features), ``layer`` in the schema and the
    features (in that namespace), so ``workspace:layer`` resolves to the features served."""
    import re
    if request not in ("getcapabilities", "describefeaturetype", "getfeature"):
        return body
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body
    prefixes = set()
    for qualified in names:
        ws, _, name = qualified.partition(":")
        served = re.escape("%s-%s" % (ws, name))
        if request == "getcapabilities":
            text, n = re.subn(r"(<(?:\w+:)?Name>)%s(</(?:\w+:)?Name>)" % served, r"\g<1>%s\g<2>" % qualified, text)
            if n:
                prefixes.add(ws)
        else:
            # only in markup: element names and attribute values (gml:id, the schema's names), never text
            text = re.sub(r"(</?(?:\w+:)?)%s(?=[\s>/])" % served, r"\g<1>%s" % name, text)
            text = re.sub(r"(=\"(?:\w+:)?)%s(?=Type\"|\"|\.)" % served, r"\g<1>%s" % name, text)
    if prefixes:
        match = re.search(r"<(?!\?)[^>]*?>", text)
        if match:
            tag = match.group(0)
            extra = "".join(' xmlns:%s="%s"' % (p, QGS_NS) for p in sorted(prefixes) if "xmlns:%s=" % p not in tag)
            end = len(tag) - (2 if tag.endswith("/>") else 1)
            text = text[:match.start()] + tag[:end] + extra + tag[end:] + text[match.end():]
    return text.encode("utf-8")


def stop_group(proc):
    """Stop ``proc``'s process group: SIGTERM, then SIGKILL after 15 s; nothing if it has ended."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
