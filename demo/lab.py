"""The demo node as a *lab node* for training sessions (bimtek): who finished which exercise.

Mounted by ``demo/gateway.py`` under ``/lab``:

    GET  /lab                 the trainer's view (HTML, Indonesian; refreshes itself)
    GET  /lab?f=json          the same as JSON
    GET  /lab/directory.json  a Simpul node list (``simpul-nodes``) naming this node at its public
                              URL: participants import this one file or paste the node's address
    POST /lab/progress        {"participant": "Budi", "step": "validate", "detail": {...}}
    POST /lab/reset           only from this machine (127.0.0.1 / ::1), Content-Type
                              application/json: clears the progress and restores the catalogue

Progress is kept in ``<workdir>/lab.sqlite`` (the node's work folder, the folder of
``pycsw.cfg``), so it survives a restart of the node until a reset. The steps are those of
``resources/exercises/latihan.json``. Runs inside the gateway (pycsw venv): standard library
and pycsw only.
"""
import html
import json
import os
import re
import sqlite3
import threading
import unicodedata
from datetime import datetime, timezone
from urllib.parse import parse_qs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXERCISES = os.path.join(ROOT, "resources", "exercises", "latihan.json")
STEP_IDS = ("discover", "load", "validate", "fix", "metadata", "publish")
MAX_BODY = 8 * 1024
MAX_NAME = 60
MAX_PARTICIPANTS = 500
MAX_DETAIL_KEYS = 8
MAX_DETAIL_TEXT = 200
REFRESH_S = 10
LOCAL_ADDRS = ("127.0.0.1", "::1", "::ffff:127.0.0.1")
LAB_NODE_ID = "simpul-pelatihan"
# Letters (any script), digits, spaces and . ' - _ ( ) , — nothing that is markup or a path.
NAME_RE = re.compile(r"^[^\W_]?[\w .'\-(),\u2019]*$", re.UNICODE)


class BadRequest(ValueError):
    pass


def participant_workspace(name):
    """The same as ``sdi_plugin.core.training.lab.participant_workspace`` (the plugin's publish workspace)."""
    text = re.sub(r"\s+", " ", str(name or ""))
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C").strip()[:MAX_NAME]
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40].rstrip("_")
    return "peserta_" + (slug or "anonim")


def clean_participant(raw):
    """The participant's name, checked; raises BadRequest with a message for people."""
    if not isinstance(raw, str):
        raise BadRequest("participant: nama peserta harus berupa teks / must be text")
    name = re.sub(r"\s+", " ", raw).strip()
    if not name:
        raise BadRequest("participant: nama peserta kosong / the participant's name is empty")
    if len(name) > MAX_NAME:
        raise BadRequest("participant: nama peserta lebih dari %d karakter / longer than %d characters"
                         % (MAX_NAME, MAX_NAME))
    if any(unicodedata.category(c)[0] == "C" for c in name) or not NAME_RE.match(name) \
            or not any(c.isalnum() for c in name):
        raise BadRequest("participant: nama peserta hanya boleh berisi huruf, angka, spasi dan . ' - _ ( ) , / "
                         "the name may hold only letters, digits, spaces and . ' - _ ( ) ,")
    return name


def clean_detail(raw):
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise BadRequest("detail: harus berupa objek JSON / must be a JSON object")
    out = {}
    for key, value in list(raw.items())[:MAX_DETAIL_KEYS]:
        key = "".join(c for c in str(key) if unicodedata.category(c)[0] != "C")[:40]
        if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
            out[key] = value
        elif isinstance(value, str):
            out[key] = "".join(c for c in value if unicodedata.category(c)[0] != "C")[:MAX_DETAIL_TEXT]
        else:
            out[key] = json.dumps(value, ensure_ascii=False)[:MAX_DETAIL_TEXT]
    return out


def load_steps(path=EXERCISES):
    """[(id, title_id, title_en)] of the exercises; the plain ids when the file is missing."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        steps = [(s["id"], s["title"]["id"], s["title"]["en"]) for s in data["steps"] if s.get("id") in STEP_IDS]
        if steps:
            return steps
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return [(s, s, s) for s in STEP_IDS]


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _local_hm(iso):
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")
    except (TypeError, ValueError):
        return ""


def _json(start_response, status, data):
    body = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    start_response(status, [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body))),
                            ("Cache-Control", "no-store")])
    return [body]


def _error(start_response, status, message):
    return _json(start_response, status, {"ok": False, "error": message})


class Lab:
    def __init__(self, gateway):
        self.gateway = gateway
        self.public_url = gateway.public_url
        self.workdir = os.path.dirname(os.path.abspath(gateway.pycsw_config))
        self.db_path = os.path.join(self.workdir, "lab.sqlite")
        self.steps = load_steps()
        self.seeded = sorted({d.get("metadata_id") for d in gateway.datasets if d.get("metadata_id")})
        self._lock = threading.Lock()
        with self._db() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS progress (workspace TEXT NOT NULL, participant TEXT NOT NULL, "
                         "step TEXT NOT NULL, first_at TEXT NOT NULL, last_at TEXT NOT NULL, times INTEGER NOT NULL, "
                         "detail TEXT NOT NULL, client TEXT NOT NULL, PRIMARY KEY (workspace, step))")

    def _db(self):
        conn = sqlite3.connect(self.db_path, timeout=15)
        conn.row_factory = sqlite3.Row
        return conn

    # --- routing -------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        path = (environ.get("PATH_INFO") or "/lab").rstrip("/") or "/lab"
        method = environ.get("REQUEST_METHOD", "GET")
        if path == "/lab":
            if method not in ("GET", "HEAD"):
                return self._method(start_response, "GET")
            return self.view(environ, start_response)
        if path == "/lab/directory.json":
            if method not in ("GET", "HEAD"):
                return self._method(start_response, "GET")
            return _json(start_response, "200 OK", self.directory())
        if path == "/lab/progress":
            if method != "POST":
                return self._method(start_response, "POST")
            return self.progress(environ, start_response)
        if path == "/lab/reset":
            if method != "POST":
                return self._method(start_response, "POST")
            return self.reset(environ, start_response)
        return _error(start_response, "404 Not Found", "Tidak ada / not found: %s (lihat %s/lab)"
                      % (path, self.public_url))

    @staticmethod
    def _method(start_response, allowed):
        body = b'{"ok": false, "error": "method not allowed"}\n'
        start_response("405 Method Not Allowed", [("Content-Type", "application/json"), ("Allow", allowed),
                                                  ("Content-Length", str(len(body)))])
        return [body]

    # --- progress ------------------------------------------------------------------------------
    def _read_json(self, environ):
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Content-Length tidak sah / invalid") from None
        if length > MAX_BODY:
            raise BadRequest("isi permintaan lebih dari %d byte / the request body is larger than %d bytes"
                             % (MAX_BODY, MAX_BODY))
        raw = environ["wsgi.input"].read(min(length, MAX_BODY + 1)) if length else \
            environ["wsgi.input"].read(MAX_BODY + 1)
        if len(raw) > MAX_BODY:
            raise BadRequest("isi permintaan lebih dari %d byte / the request body is larger than %d bytes"
                             % (MAX_BODY, MAX_BODY))
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise BadRequest("isi permintaan bukan JSON / the request body is not JSON") from None
        if not isinstance(data, dict):
            raise BadRequest("isi permintaan harus objek JSON / the body must be a JSON object")
        return data

    def progress(self, environ, start_response):
        try:
            data = self._read_json(environ)
            name = clean_participant(data.get("participant"))
            step = data.get("step")
            known = [s[0] for s in self.steps]
            if step not in known:
                raise BadRequest("step: langkah tidak dikenal / unknown step %r (one of %s)"
                                 % (str(step)[:40], ", ".join(known)))
            detail = clean_detail(data.get("detail"))
        except BadRequest as exc:
            return _error(start_response, "400 Bad Request", str(exc))
        workspace = participant_workspace(name)
        now = _now()
        client = environ.get("REMOTE_ADDR", "")
        with self._lock, self._db() as conn:
            known_ws = {r[0] for r in conn.execute("SELECT DISTINCT workspace FROM progress")}
            if workspace not in known_ws and len(known_ws) >= MAX_PARTICIPANTS:
                return _error(start_response, "400 Bad Request", "terlalu banyak peserta / too many participants (%d)"
                              % MAX_PARTICIPANTS)
            row = conn.execute("SELECT times FROM progress WHERE workspace=? AND step=?", (workspace, step)).fetchone()
            if row is None:
                conn.execute("INSERT INTO progress VALUES (?,?,?,?,?,?,?,?)",
                             (workspace, name, step, now, now, 1, json.dumps(detail, ensure_ascii=False), client))
            else:
                conn.execute("UPDATE progress SET participant=?, last_at=?, times=times+1, detail=?, client=? "
                             "WHERE workspace=? AND step=?",
                             (name, now, json.dumps(detail, ensure_ascii=False), client, workspace, step))
        return _json(start_response, "200 OK", {"ok": True, "participant": name, "workspace": workspace,
                                                "step": step, "recorded": now})

    def table(self):
        with self._db() as conn:
            rows = conn.execute("SELECT * FROM progress ORDER BY first_at").fetchall()
        people = {}
        for r in rows:
            p = people.setdefault(r["workspace"], {"participant": r["participant"], "workspace": r["workspace"],
                                                   "steps": {}, "first": r["first_at"], "last": r["last_at"]})
            p["participant"] = r["participant"]
            p["last"] = max(p["last"], r["last_at"])
            try:
                detail = json.loads(r["detail"])
            except ValueError:
                detail = {}
            p["steps"][r["step"]] = {"at": r["first_at"], "last": r["last_at"], "times": r["times"], "detail": detail}
        out = sorted(people.values(), key=lambda p: p["first"])
        for p in out:
            p["done"] = len(p["steps"])
        return out

    def summary(self):
        people = self.table()
        return {
            "name": "Simpul lab",
            "url": self.public_url,
            "directory": self.public_url + "/lab/directory.json",
            "steps": [{"id": i, "title": t, "title_en": e,
                       "done_by": sum(1 for p in people if i in p["steps"])} for i, t, e in self.steps],
            "participants": people,
            "updated": _now(),
        }

    def view(self, environ, start_response):
        query = parse_qs(environ.get("QUERY_STRING", ""))
        if (query.get("f") or [""])[0].lower() == "json":
            return _json(start_response, "200 OK", self.summary())
        body = self.html(self.summary(), self.login_for(environ)).encode("utf-8")
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
                                  ("Cache-Control", "no-store")])
        return [body]

    def login_for(self, environ):
        """The publishing login to show on the trainer view: (user, password) on the node's own
        machine (the trainer's screen, perhaps projected for the room), else None — the password
        is never served to other machines, nor in the JSON."""
        config = getattr(self.gateway, "publish_config", None) or {}
        if environ.get("REMOTE_ADDR", "") not in LOCAL_ADDRS or not config.get("password"):
            return None
        return config.get("user", ""), config["password"]

    def html(self, s, login=None):
        e = html.escape
        if login:
            login_html = ("<p class=\"share\">Login publikasi untuk peserta: pengguna <b><code>%s</code></b>, "
                          "kata sandi <b><code>%s</code></b></p>" % (e(login[0]), e(login[1])))
        else:
            login_html = "<p>Kata sandi publikasi: tanyakan kepada pelatih.</p>"
        heads = "".join("<th>%d. %s</th>" % (n + 1, e(st["title"])) for n, st in enumerate(s["steps"]))
        rows = []
        for n, p in enumerate(s["participants"]):
            cells = []
            for st in s["steps"]:
                done = p["steps"].get(st["id"])
                if done:
                    title = ", ".join("%s: %s" % (k, v) for k, v in done["detail"].items())
                    cells.append("<td class=\"ok\" title=\"%s\">&#10003; %s</td>" % (e(title), e(_local_hm(done["at"]))))
                else:
                    cells.append("<td class=\"no\">&middot;</td>")
            rows.append("<tr><td>%d</td><td>%s<br><small><code>%s</code></small></td>%s<td><b>%d/%d</b></td>"
                        "<td>%s</td></tr>" % (n + 1, e(p["participant"]), e(p["workspace"]), "".join(cells),
                                              p["done"], len(s["steps"]), e(_local_hm(p["last"]))))
        if not rows:
            rows.append("<tr><td colspan=\"%d\" class=\"empty\">Belum ada peserta yang mengirim kemajuan.</td></tr>"
                        % (len(s["steps"]) + 4))
        totals = "".join("<td>%d</td>" % st["done_by"] for st in s["steps"])
        return (
            "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"refresh\" content=\"%(refresh)d\"><title>Latihan Simpul: kemajuan peserta</title>"
            "<style>body{font-family:sans-serif;margin:1.5em;color:#222}"
            "table{border-collapse:collapse;margin-top:.5em}td,th{border:1px solid #bbb;padding:.35em .6em;"
            "text-align:left;vertical-align:top}th{background:#eef2f5}td.ok{color:#1e8449;font-weight:bold;"
            "background:#eafaf1}td.no{color:#999;text-align:center}td.empty{color:#666;font-style:italic}"
            "tfoot td{background:#f7f7f7}.share{font-size:1.2em;background:#fff8e1;border:1px solid #f0d58c;"
            "padding:.6em 1em;display:inline-block}small{color:#555}</style>"
            "</head><body><h1>Latihan Simpul: kemajuan peserta</h1>"
            "<p class=\"share\">Alamat simpul pelatihan untuk peserta: <b><code>%(url)s</code></b></p>%(login)s"
            "<p>Peserta: di panel Simpul buka tab <b>Latihan</b>, isi nama dan alamat di atas, lalu tekan "
            "<b>Hubungkan</b>. Atau impor berkas daftar simpul <a href=\"%(dir)s\">directory.json</a>.</p>"
            "<table><thead><tr><th>No</th><th>Peserta (ruang kerja)</th>%(heads)s<th>Selesai</th>"
            "<th>Terakhir</th></tr></thead><tbody>%(rows)s</tbody>"
            "<tfoot><tr><td></td><td>Jumlah peserta selesai</td>%(totals)s<td></td><td></td></tr></tfoot></table>"
            "<p><small>%(n)d peserta &middot; diperbarui %(time)s &middot; halaman ini memuat ulang sendiri setiap "
            "%(refresh)d detik &middot; <a href=\"?f=json\">JSON</a> &middot; <a href=\"%(home)s/\">halaman simpul</a>"
            "<br>Reset (kembali ke keadaan awal latihan) hanya dari komputer pelatih: panel Simpul, tab Latihan, "
            "tombol Reset.</small></p></body></html>\n"
        ) % {"refresh": REFRESH_S, "url": e(s["url"]), "login": login_html, "dir": e(s["directory"]), "heads": heads,
             "rows": "".join(rows), "totals": totals, "n": len(s["participants"]),
             "time": e(_local_hm(s["updated"])), "home": e(s["url"])}

    # --- directory -----------------------------------------------------------------------------
    def directory(self):
        ep = self.gateway.endpoints()
        node = self.gateway.node
        return {
            "name": "Simpul pelatihan: %s" % node.get("title", "Simpul Demo"),
            "format": "simpul-nodes",
            "format_version": 1,
            "version": datetime.now(timezone.utc).date().isoformat(),
            "source": ["Simpul demo node running as a lab node at %s" % self.public_url],
            "notes": ["Training node (bimtek); synthetic sample data, not official data."],
            "lab": dict({"url": self.public_url, "view": self.public_url + "/lab",
                         "progress": self.public_url + "/lab/progress"},
                        # who publishes (HTTP Basic); the password is said by the trainer, never served
                        **({"publish_user": self.gateway.publish_config.get("user", "")}
                           if getattr(self.gateway, "publish_config", None) else {})),
            "nodes": [{
                "id": LAB_NODE_ID,
                "name": "Simpul Pelatihan (%s)" % self.public_url.split("://", 1)[-1],
                "level": "lainnya",
                "parent": "",
                "organisation": node.get("contact", {}).get("organisation", ""),
                "url": self.public_url,
                "services": [
                    {"kind": "CSW", "url": ep["csw"], "version": "2.0.2"},
                    {"kind": "WMS", "url": ep["wms"], "version": "1.3.0"},
                    {"kind": "WFS", "url": ep["wfs"], "version": "2.0.0"},
                    {"kind": "OGC API Features", "url": ep["ogcapi_features"], "version": "1.0"},
                ],
                "verified": True,
                "source": "lab node %s/lab/directory.json" % self.public_url,
            }],
        }

    # --- reset ---------------------------------------------------------------------------------
    def reset(self, environ, start_response):
        client = environ.get("REMOTE_ADDR", "")  # the real peer; X-Forwarded-For is never believed
        if client not in LOCAL_ADDRS:
            return _error(start_response, "403 Forbidden",
                          "Reset hanya dari komputer simpul ini (127.0.0.1) / reset only from this node's own "
                          "machine; your address is %s" % client)
        if not (environ.get("CONTENT_TYPE") or "").lower().startswith("application/json"):
            return _error(start_response, "400 Bad Request", "reset: Content-Type application/json diperlukan / "
                                                             "required")
        try:
            self._read_json(environ) if environ.get("CONTENT_LENGTH") not in (None, "", "0") else {}
        except BadRequest as exc:
            return _error(start_response, "400 Bad Request", str(exc))
        with self._lock, self._db() as conn:
            cleared = conn.execute("SELECT COUNT(DISTINCT workspace) FROM progress").fetchone()[0]
            conn.execute("DELETE FROM progress")
        removed, restored = self.restore_catalogue()
        publish = self.reset_publish()
        return _json(start_response, "200 OK", {"ok": True, "participants_cleared": cleared,
                                                "records_removed": removed, "records_restored": restored,
                                                "publish": publish})

    def restore_catalogue(self):
        """Delete every record that was not seeded and load the seed records again (an updated or
        deleted seed record comes back as it was). Returns (removed ids, seed count)."""
        import configparser
        cp = configparser.ConfigParser()
        with open(self.gateway.pycsw_config, encoding="utf-8") as fh:
            cp.read_file(fh)
        database = cp.get("repository", "database")
        table = cp.get("repository", "table", fallback="records")
        records_dir = os.path.join(self.workdir, "records")
        lock = getattr(self.gateway, "_csw_lock", None) or threading.Lock()
        with lock:
            conn = sqlite3.connect(database[len("sqlite:///"):], timeout=30)
            try:
                with conn:
                    ids = [r[0] for r in conn.execute('SELECT identifier FROM "%s"' % table)]
                    removed = sorted(i for i in ids if i not in self.seeded)
                    conn.executemany('DELETE FROM "%s" WHERE identifier=?' % table, [(i,) for i in removed])
            finally:
                conn.close()
            from pycsw.core import admin, config
            admin.load_records(config.StaticContext(), database, table, records_dir, False, True)
        return removed, len(self.seeded)

    def reset_publish(self):
        """Call ``demo.publish_rest.reset(workdir)`` when that module exists."""
        import importlib
        import importlib.util
        if importlib.util.find_spec("demo.publish_rest") is None:
            return "absent"
        module = importlib.import_module("demo.publish_rest")
        if not hasattr(module, "reset"):
            return "absent"
        try:
            module.reset(self.workdir)
        except Exception as exc:  # noqa: BLE001 - the catalogue and progress are reset anyway; say what failed
            return "failed: %r" % (exc,)
        return "reset"


_LOCK = threading.Lock()


def handle(gateway, environ, start_response):
    """The gateway's entry point for ``/lab…`` (one :class:`Lab` per gateway)."""
    lab = getattr(gateway, "_simpul_lab", None)
    if lab is None:
        with _LOCK:
            lab = getattr(gateway, "_simpul_lab", None)
            if lab is None:
                lab = gateway._simpul_lab = Lab(gateway)
    return lab(environ, start_response)
