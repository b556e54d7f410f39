"""The node directory: the JIGN nodes Simpul knows of, and node lists people hand each other.

One JSON shape (``"format": "simpul-nodes"``) serves three uses:

* the bundled directory ``resources/nodes/jign_nodes.json`` (national, provincial and
  kabupaten/kota nodes, each with its ``source`` and ``verified`` flag);
* a remote copy of that directory, refreshed from a URL with ``If-None-Match`` /
  ``If-Modified-Since``; the last good copy is kept and used when a refresh fails;
* a node list exported by a trainer and imported by a room (never a credential; an
  ``authcfg`` id only when the exporter asks for it).

Every file is checked as a whole before anything is used: :class:`DirectoryError` names
the file, the entry and the problem.
"""
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

from qgis.core import QgsSettings

from ..errors import SimpulError
from ..network.http import http_get
from ..i18n import tr
from .registry import LEVELS, Node, slug
from ..paths import resource
from ..files.storage import data_dir

FORMAT = "simpul-nodes"
FORMAT_VERSION = 1
BUNDLED_FILE = resource("nodes", "jign_nodes.json")
MAX_BYTES = 5 * 1024 * 1024
URL_KEY = "simpul/directory/url"


class DirectoryError(SimpulError, ValueError):
    """A node list is unreadable or malformed; the message says where and why, for people."""


@dataclass
class DirectoryFile:
    meta: dict
    nodes: list                 # [Node]
    path: str = ""


@dataclass
class ImportResult:
    added: list = field(default_factory=list)     # node ids
    updated: list = field(default_factory=list)   # node ids already present (same id or URL), replaced


@dataclass
class RefreshResult:
    status: str                 # "updated" | "not-modified" | "failed"
    message: str = ""
    directory: DirectoryFile = None   # what is in use after the refresh
    etag: str = ""
    last_modified: str = ""


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- reading and checking -------------------------------------------------------------
def _problem(where, text):
    return DirectoryError(tr("Node list {where}: {problem}").format(where=where, problem=text))


def _node(entry, i, where, origin):
    at = "nodes[%d]" % i
    if not isinstance(entry, dict):
        raise _problem(where, tr("{path} must be an object").format(path=at))
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _problem(where, tr("{path} has no name").format(path=at))
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip().lower().startswith(("http://", "https://")):
        raise _problem(where, tr("{path} ({name}): the URL must start with http:// or https://").format(
            path=at, name=name))
    level = entry.get("level", "lainnya")
    if level not in LEVELS:
        raise _problem(where, tr("{path} ({name}): level {level} is not one of {levels}").format(
            path=at, name=name, level=level, levels=", ".join(LEVELS)))
    for key in ("id", "parent", "organisation", "source", "authcfg"):
        if key in entry and not isinstance(entry[key], str):
            raise _problem(where, tr("{path}.{key} must be text").format(path=at, key=key))
    if "verified" in entry and not isinstance(entry["verified"], bool):
        raise _problem(where, tr("{path}.{key} must be true or false").format(path=at, key="verified"))
    services = entry.get("services", [])
    if not isinstance(services, list) or not all(
            isinstance(s, dict) and isinstance(s.get("kind"), str) and isinstance(s.get("url"), str) for s in services):
        raise _problem(where, tr("{path}.services must be a list of objects with a kind and a url").format(
            path=at))
    node_id = (entry.get("id") or "").strip() or slug(name)
    return Node(name=name.strip(), url=url.strip().rstrip("/"), level=level, parent=entry.get("parent", "").strip(),
                authcfg=entry.get("authcfg", "").strip(), source=origin, id=node_id,
                services=[{"kind": s["kind"], "url": s["url"], "version": s.get("version", ""),
                           "title": s.get("title", "")} for s in services],
                verified=entry.get("verified", origin != "directory"), reference=entry.get("source", ""),
                organisation=entry.get("organisation", ""))


def parse(data, where="", origin="directory"):
    """Check a parsed JSON document and return a :class:`DirectoryFile`."""
    if not isinstance(data, dict):
        raise _problem(where, tr("the top level must be a JSON object"))
    if data.get("format", FORMAT) != FORMAT:
        raise _problem(where, tr("not a Simpul node list (format {format})").format(format=data.get("format")))
    version = data.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise _problem(where, tr("format version {version} is newer than this Simpul understands ({ours})").format(
            version=version, ours=FORMAT_VERSION))
    entries = data.get("nodes")
    if not isinstance(entries, list):
        raise _problem(where, tr("there is no list of nodes"))
    nodes, seen = [], set()
    for i, entry in enumerate(entries):
        node = _node(entry, i, where, origin)
        if node.id in seen:
            raise _problem(where, tr("the node id {id} appears twice").format(id=node.id))
        seen.add(node.id)
        nodes.append(node)
    return DirectoryFile(meta={k: v for k, v in data.items() if k != "nodes"}, nodes=nodes, path=where)


def parse_bytes(raw, where="", origin="directory"):
    if len(raw) > MAX_BYTES:
        raise _problem(where, tr("the file is larger than {mb:g} MB").format(mb=MAX_BYTES / 1048576))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _problem(where, tr("the file is not UTF-8 text")) from None
    except (ValueError, RecursionError) as exc:
        raise _problem(where, tr("the file is not valid JSON ({error})").format(error=exc)) from None
    return parse(data, where, origin)


def load_file(path, origin="directory"):
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _problem(path, tr("the file could not be read: {error}").format(error=exc.strerror or exc)) from None
    return parse_bytes(raw, path, origin)


def load_bundled():
    return load_file(BUNDLED_FILE)


# -- the directory in use -------------------------------------------------------------
def _store_dir(store_dir=None, create=True):
    return store_dir or data_dir("directory", create=create)


def current(store_dir=None):
    """The directory in use: the last good remote copy if there is one, else the bundled file."""
    copy = os.path.join(_store_dir(store_dir, create=False), "remote.json")
    if os.path.exists(copy):
        try:
            return load_file(copy)
        except DirectoryError:
            pass
    return load_bundled()


def merged_nodes(registry, store_dir=None):
    """The user's own nodes, then the directory's nodes not among them (same id or URL)."""
    mine = registry.nodes()
    ids = {n.id for n in mine}
    urls = {n.url.rstrip("/").lower() for n in mine}
    try:
        listed = current(store_dir).nodes
    except DirectoryError:
        listed = []
    return mine + [n for n in listed if n.id not in ids and n.url.rstrip("/").lower() not in urls]


def refresh(url=None, timeout=15.0, feedback=None, store_dir=None):
    """Fetch the remote directory if it changed; keep the last good copy whatever happens."""
    url = url or QgsSettings().value(URL_KEY, "", type=str) or ""
    folder = _store_dir(store_dir)
    os.makedirs(folder, exist_ok=True)
    copy, meta_path = os.path.join(folder, "remote.json"), os.path.join(folder, "remote-meta.json")
    try:
        with open(meta_path, encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError):
        meta = {}
    if not url:
        return RefreshResult("failed", tr("no directory URL is set"), current(store_dir))
    headers = {"Accept": "application/json"}
    if meta.get("url") == url and os.path.exists(copy):
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
    resp = http_get(url, timeout=timeout, max_bytes=MAX_BYTES, headers=headers, feedback=feedback)
    if resp.status == 304:
        meta["checked"] = _now()
        _write_json(meta_path, meta)
        return RefreshResult("not-modified", tr("the directory has not changed"), current(store_dir),
                             meta.get("etag", ""), meta.get("last_modified", ""))
    if resp.error:
        return RefreshResult("failed", tr("the directory could not be fetched from {url}: {why}").format(
            url=url, why=resp.error), current(store_dir))
    try:
        fresh = parse_bytes(resp.content, url)
    except DirectoryError as exc:
        return RefreshResult("failed", str(exc), current(store_dir))
    tmp = copy + ".part"
    with open(tmp, "wb") as fh:
        fh.write(resp.content)
    os.replace(tmp, copy)
    meta = {"url": url, "etag": resp.headers.get("etag", ""), "last_modified": resp.headers.get("last-modified", ""),
            "fetched": _now(), "checked": _now(), "nodes": len(fresh.nodes)}
    _write_json(meta_path, meta)
    fresh.path = copy
    return RefreshResult("updated", tr("{count} nodes in the directory").format(count=len(fresh.nodes)), fresh,
                         meta["etag"], meta["last_modified"])


def _write_json(path, data):
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    os.replace(tmp, path)


# -- import / export ------------------------------------------------------------------
def node_entry(node, include_authcfg=False):
    """A node as a directory entry: no health, never a credential (an authcfg id only if asked)."""
    entry = {"id": node.id, "name": node.name, "level": node.level, "parent": node.parent,
             "organisation": node.organisation, "url": node.url,
             "services": [{k: s.get(k, "") for k in ("kind", "url", "version", "title") if s.get(k)}
                          for s in node.services if s.get("kind") and s.get("url")],
             "verified": bool(node.verified), "source": node.reference or tr("added by a Simpul user")}
    if include_authcfg and node.authcfg:
        entry["authcfg"] = node.authcfg
    return entry


def export_nodes(nodes, path, include_authcfg=False, title=""):
    """Write ``nodes`` to ``path`` as a node list; returns how many were written."""
    doc = {"name": title or tr("Simpul node list"), "format": FORMAT, "format_version": FORMAT_VERSION,
           "exported": _now(), "nodes": [node_entry(n, include_authcfg) for n in nodes]}
    from ..files.safe_output import write_json
    write_json(path, doc, tr("node list"), indent=1)      # only over an earlier JSON file, never a partial one
    return len(doc["nodes"])


def import_nodes(path, registry):
    """Add the nodes of a node list to the user's nodes (same id or URL: replaced, health kept)."""
    listed = load_file(path, origin="import").nodes
    result = ImportResult()
    existing = registry.nodes()
    for node in listed:
        old = next((n for n in existing if n.id == node.id or
                    n.url.rstrip("/").lower() == node.url.rstrip("/").lower()), None)
        if old is not None:
            node.id = old.id
            node.health = old.health
            node.services = node.services or old.services
            node.authcfg = node.authcfg or old.authcfg
            result.updated.append(node.id)
        else:
            result.added.append(node.id)
        registry.add(node)
        existing = registry.nodes()
    return result
