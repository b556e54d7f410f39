"""Several real pycsw catalogues in one gunicorn process, one per port (test fixture helper).

Runs in the pycsw venv. ``python tests/pycsw_multi.py build SPEC`` creates each catalogue's
SQLite repository and loads its records with pycsw's own admin functions; gunicorn serving
``pycsw_multi:application`` (bound to every port of SPEC, ``SIMPUL_PYCSW_MULTI=SPEC``) answers
each port with its own catalogue. SPEC is JSON: {"<port>": {"config": path, "records": dir}}.
Requests to one catalogue run one at a time (pycsw 2.6 keeps per-request state in shared
structures), as in the demo node's gateway.
"""
import io
import json
import os
import sys
import threading

_SPEC = None
_LOCKS = {}


def _spec():
    global _SPEC
    if _SPEC is None:
        with open(os.environ["SIMPUL_PYCSW_MULTI"], encoding="utf-8") as fh:
            _SPEC = json.load(fh)
        for port in _SPEC:
            _LOCKS[port] = threading.Lock()
    return _SPEC


def application(environ, start_response):
    from pycsw import server

    spec = _spec()
    port = str(environ.get("SERVER_PORT", ""))
    entry = spec.get(port)
    path = environ.get("PATH_INFO", "")
    if entry is None or path.rstrip("/") != "/csw":
        body = b"not found"
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    env = dict(environ)
    env.setdefault("QUERY_STRING", "")
    if "HTTP_HOST" in env and ":" in env["HTTP_HOST"]:
        env["HTTP_HOST"] = env["HTTP_HOST"].rsplit(":", 1)[0]
    if env.get("REQUEST_METHOD") == "POST" and not env.get("CONTENT_LENGTH"):
        data = environ["wsgi.input"].read(16 * 1024 * 1024)
        env["wsgi.input"] = io.BytesIO(data)
        env["CONTENT_LENGTH"] = str(len(data))
    with _LOCKS[port]:
        csw = server.Csw(entry["config"], env)
        status, contents = csw.dispatch_wsgi()
        ctype = csw.contenttype
    if isinstance(contents, str):
        contents = contents.encode("utf-8")
    if isinstance(ctype, bytes):
        ctype = ctype.decode("ascii", "replace")
    start_response(status, [("Content-Type", str(ctype)), ("Content-Length", str(len(contents)))])
    return [contents]


def build(spec_path):
    import configparser

    from pycsw.core import admin, config
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _no_fsync(dbapi_connection, _record):
        # throw-away test catalogues: no fsync per DDL statement (setup_db runs ~170 of them)
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    with open(spec_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    for entry in spec.values():
        cp = configparser.ConfigParser()
        with open(entry["config"], encoding="utf-8") as fh:
            cp.read_file(fh)
        database = cp.get("repository", "database")
        path = database[len("sqlite:///"):]
        if os.path.exists(path):
            os.remove(path)
        admin.setup_db(database, "records", cp.get("server", "home"))
        admin.load_records(config.StaticContext(), database, "records", entry["records"], False, True)
    print("catalogues ready")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "build":
        build(sys.argv[2])
    else:
        sys.exit("usage: pycsw_multi.py build SPEC")
