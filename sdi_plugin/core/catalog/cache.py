"""The offline cache: every record Simpul has seen, in one SQLite file, searchable without a network.

Text is indexed with FTS5 (title, abstract, keywords, organisation, theme; prefix matching, no
diacritics), footprints with an R-tree; the full record is kept as JSON (``Record.to_dict``).
One row per (node, identifier): a record seen again replaces the old copy. Each record keeps
the time it was fetched (``harvested``), so a search from the cache can say how old each is.

The file lives where the caller says, by default in the QGIS profile folder
(``<profile>/simpul/cache.sqlite``), never in the plugin folder. Safe to use from several
threads: each thread has its own connection, writes go one at a time (WAL journal).
"""
import json
import os
import sqlite3
import threading
import unicodedata
from datetime import datetime, timezone

from ..i18n import tr
from ..files.safe_output import OutputRefused, check_destination, make_folder, remove_quietly, sqlite_header, \
    sqlite_tables, temp_beside
from .model import Record
from .results import identifier_key

SCHEMA_VERSION = "2"
# The SQLite header's application_id Simpul gives its cache ("SMPL"): how a file is known as a
# Simpul cache before anything is written to it.
APPLICATION_ID = 0x534D504C
_CACHE_TABLES = {"meta", "records", "records_fts", "records_bbox"}
# Characters the text index keeps (letters, digits, marks, private use, symbols such as emoji);
# everything else separates words.
_TOKEN_CATEGORIES = ("L", "N", "M", "Co", "So", "Sk")
_TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* M* Co So Sk'"
DATE_ORDER_MAX = 5000
_TRANSIENT = ("score", "duplicates", "members", "from_cache")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    node_id TEXT NOT NULL,
    ikey TEXT NOT NULL,
    identifier TEXT,
    title TEXT,
    date TEXT,
    type TEXT,
    harvested TEXT,
    json TEXT NOT NULL,
    UNIQUE (node_id, ikey)
);
CREATE INDEX IF NOT EXISTS records_date ON records (date);
CREATE VIRTUAL TABLE IF NOT EXISTS records_fts USING fts5(
    title, abstract, keywords, organisation, theme, tokenize = "%s");
CREATE VIRTUAL TABLE IF NOT EXISTS records_bbox USING rtree(id, minx, maxx, miny, maxy);
""" % _TOKENIZE


def default_cache_path():
    """``<QGIS profile folder>/simpul/cache.sqlite``."""
    from qgis.core import QgsApplication
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "simpul", "cache.sqlite")


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def age_seconds(iso, now=None):
    """Seconds since the ISO 8601 timestamp ``iso`` (``Z`` or an offset; none means UTC), or None."""
    try:
        then = datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    if then.tzinfo is None:
        then = then.replace(tzinfo=timezone.utc)
    return max(0.0, ((now or datetime.now(timezone.utc)) - then).total_seconds())


def record_age(record, now=None):
    """Seconds since the record was fetched from its node (None if unknown)."""
    return age_seconds(record.harvested, now) if record.harvested else None


def format_age(seconds):
    """An age for people: "5 minutes", "3 days"."""
    seconds = max(0, int(seconds or 0))
    if seconds < 120:
        return tr("{n} seconds").format(n=seconds)
    if seconds < 2 * 3600:
        return tr("{n} minutes").format(n=seconds // 60)
    if seconds < 2 * 86400:
        return tr("{n} hours").format(n=seconds // 3600)
    return tr("{n} days").format(n=seconds // 86400)


def searchable(word):
    """Whether a word holds anything the text index keeps (a word of punctuation alone does not)."""
    return any(unicodedata.category(c) in _TOKEN_CATEGORIES or unicodedata.category(c)[0] in "LNM"
               for c in word or "")


def fts_expression(words):
    """An FTS5 query: every word, each as a prefix (``"batas"* AND "desa"*``); words of
    punctuation alone are left out."""
    return " AND ".join('"%s"*' % w.replace('"', '""') for w in words if searchable(w))


def check_cache_file(path):
    """Raise :class:`OutputRefused` unless ``path`` is a new file or a Simpul cache (its
    application_id, or — caches made before it was set — exactly Simpul's tables). Reads the
    file only; a file Simpul did not make is never opened for writing."""
    if os.path.isfile(path):
        try:
            ours = is_simpul_cache(path)
        except (OSError, sqlite3.Error):
            ours = False
        if not ours:
            raise OutputRefused(tr("{path} is not a Simpul offline cache; Simpul uses only cache files it made "
                                   "itself and never writes into other files. Give a new file name, or leave the "
                                   "cache empty for the one in the QGIS profile.").format(path=path))
    check_destination(path, is_simpul_cache, tr("Simpul offline cache"))


def is_simpul_cache(path):
    head = sqlite_header(path)
    if head is None:
        return False
    if head[0] == APPLICATION_ID:
        return True
    if head[0] != 0:
        return False
    tables = sqlite_tables(path)
    own = {t for t in tables if not t.startswith("records_fts_") and not t.startswith("records_bbox_")
           and not t.startswith("sqlite_")}
    return own == _CACHE_TABLES


class RecordCache:
    def __init__(self, path=None):
        self.path = path or default_cache_path()
        self._local = threading.local()
        self._write = threading.Lock()
        with self._write:
            check_cache_file(self.path)
            if not os.path.exists(self.path):
                self._create()
            conn = self._conn()
            conn.executescript(_SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
            self._upgrade(conn)
            conn.commit()

    def _create(self):
        """A new cache: made beside the path and renamed onto it when whole, marked as Simpul's."""
        make_folder(self.path)
        tmp = temp_beside(self.path)
        try:
            conn = sqlite3.connect(tmp)
            try:
                conn.execute("PRAGMA application_id = %d" % APPLICATION_ID)
                conn.executescript(_SCHEMA)
                conn.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
                conn.commit()
            finally:
                conn.close()
            try:
                os.link(tmp, self.path)          # never over a file made meanwhile (another thread)
            except FileExistsError:
                check_cache_file(self.path)
            except OSError:                      # no hard links on this disk
                if os.path.exists(self.path):
                    check_cache_file(self.path)
                else:
                    os.replace(tmp, self.path)
            remove_quietly(tmp)
        except OSError as exc:
            remove_quietly(tmp)
            if isinstance(exc, OutputRefused):
                raise
            from ..files.safe_output import explain
            raise OutputRefused(explain(exc, self.path)) from None
        except sqlite3.Error:
            remove_quietly(tmp)
            raise

    def _upgrade(self, conn):
        """A cache of schema 1 (text index without symbols, no application_id): re-index it."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row and row[0] == SCHEMA_VERSION:
            return
        conn.execute("PRAGMA application_id = %d" % APPLICATION_ID)
        conn.execute("DROP TABLE IF EXISTS records_fts")
        conn.executescript(_SCHEMA)
        for rid, data in conn.execute("SELECT id, json FROM records").fetchall():
            rec = Record.from_dict(json.loads(data))
            conn.execute("INSERT INTO records_fts (rowid, title, abstract, keywords, organisation, theme) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (rid, rec.title, rec.abstract, " ".join(rec.keywords), rec.organisation, rec.theme))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def close(self):
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # --- writing -----------------------------------------------------------------------------
    def put(self, records):
        """Store (or replace) records; each needs ``node_id``. Returns how many were stored."""
        stored = 0
        with self._write:
            conn = self._conn()
            with conn:
                for rec in records:
                    ikey = identifier_key(rec.identifier) or identifier_key(rec.title)
                    if not ikey:
                        continue
                    data = rec.to_dict()
                    for key in _TRANSIENT:
                        data.pop(key, None)
                    data["harvested"] = rec.harvested or now_iso()
                    row = conn.execute(
                        "INSERT INTO records (node_id, ikey, identifier, title, date, type, harvested, json) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (node_id, ikey) DO UPDATE SET "
                        "identifier = excluded.identifier, title = excluded.title, date = excluded.date, "
                        "type = excluded.type, harvested = excluded.harvested, json = excluded.json RETURNING id",
                        (rec.node_id or "", ikey, rec.identifier, rec.title, rec.date or "", rec.type,
                         data["harvested"], json.dumps(data, ensure_ascii=False))).fetchone()
                    rid = row[0]
                    conn.execute("DELETE FROM records_fts WHERE rowid = ?", (rid,))
                    conn.execute("INSERT INTO records_fts (rowid, title, abstract, keywords, organisation, theme) "
                                 "VALUES (?, ?, ?, ?, ?, ?)",
                                 (rid, rec.title, rec.abstract, " ".join(rec.keywords), rec.organisation, rec.theme))
                    conn.execute("DELETE FROM records_bbox WHERE id = ?", (rid,))
                    if rec.bbox:
                        minx, miny, maxx, maxy = rec.bbox
                        conn.execute("INSERT INTO records_bbox (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)",
                                     (rid, minx, maxx, miny, maxy))
                    stored += 1
        return stored

    def _delete_ids(self, conn, ids):
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            conn.execute("DELETE FROM records WHERE id IN (%s)" % marks, chunk)
            conn.execute("DELETE FROM records_fts WHERE rowid IN (%s)" % marks, chunk)
            conn.execute("DELETE FROM records_bbox WHERE id IN (%s)" % marks, chunk)

    def clear(self, node_id=None):
        """Forget every record (of one node)."""
        with self._write:
            conn = self._conn()
            with conn:
                if node_id is None:
                    for table in ("records", "records_fts", "records_bbox"):
                        conn.execute("DELETE FROM %s" % table)
                else:
                    ids = [r[0] for r in conn.execute("SELECT id FROM records WHERE node_id = ?", (node_id,))]
                    self._delete_ids(conn, ids)

    def keep_only(self, node_id, identifiers):
        """After a complete harvest: forget the node's records that it no longer holds."""
        keep = {identifier_key(i) for i in identifiers}
        with self._write:
            conn = self._conn()
            with conn:
                ids = [rid for rid, ikey in conn.execute("SELECT id, ikey FROM records WHERE node_id = ?", (node_id,))
                       if ikey not in keep]
                self._delete_ids(conn, ids)
        return len(ids)

    # --- reading -----------------------------------------------------------------------------
    def count(self, node_id=None):
        if node_id is None:
            return self._conn().execute("SELECT count(*) FROM records").fetchone()[0]
        return self._conn().execute("SELECT count(*) FROM records WHERE node_id = ?", (node_id,)).fetchone()[0]

    def nodes(self):
        """{node_id: {"count", "newest", "oldest"}} of what the cache holds."""
        rows = self._conn().execute(
            "SELECT node_id, count(*), max(harvested), min(harvested) FROM records GROUP BY node_id")
        return {r[0]: {"count": r[1], "newest": r[2], "oldest": r[3]} for r in rows}

    def search(self, query, node_ids=None, limit=100, offset=0):
        """Records matching ``query`` (a :class:`SearchQuery`): every word of the text (as a
        prefix), the theme among keywords/theme, the footprint intersecting the extent, the
        date in the range, the node among ``node_ids``. Records with every word in their title
        first, then the newest. Each comes back with ``from_cache`` True and its ``harvested``.

        Plan: the text index gives the matching ids (no bm25 ranking: over tens of thousands
        of matches it alone costs more than the whole query budget); the extent is applied
        from whichever side is smaller — all ids inside it from the R-tree, or the R-tree
        looked up by id for each text match; dates and nodes are read from the records table
        for what is left (over ``DATE_ORDER_MAX`` matches with nothing else to filter, the
        most recently stored come first instead of the newest); only the page's rows are read
        whole."""
        conn = self._conn()
        words = [w for w in query.words() if searchable(w)]
        if (query.text or "").strip() and not words:
            return []            # text made only of punctuation: it matches nothing, not everything
        text = fts_expression(words)
        if query.theme:
            theme = '{keywords theme} : "%s"' % query.theme.replace('"', '""')
            text = "%s AND %s" % (text, theme) if text else theme
        if not text:
            return self._search_without_text(conn, query, node_ids, limit, offset)
        try:
            ids = [r[0] for r in conn.execute("SELECT rowid FROM records_fts WHERE records_fts MATCH ?", (text,))]
            in_title = {r[0] for r in conn.execute("SELECT rowid FROM records_fts WHERE records_fts MATCH ?",
                                                   ("{title} : (%s)" % fts_expression(words),))} if words else set()
        except sqlite3.OperationalError:   # an FTS expression it cannot read: nothing matches
            return []
        if query.bbox:
            ids = self._in_extent(conn, ids, query.bbox)
        where, params = self._date_and_node(query, node_ids)
        if ids and (where or len(ids) <= DATE_ORDER_MAX):
            rows = conn.execute("SELECT id, date FROM records WHERE id IN (SELECT value FROM json_each(?))%s"
                                % "".join(" AND " + w for w in where), [json.dumps(ids)] + params).fetchall()
        else:   # very many matches and nothing more to filter: no date lookups (newest stored first)
            rows = [(i, "") for i in ids]
        rows.sort(key=lambda r: (r[0] in in_title, r[1] or "", r[0]), reverse=True)
        page = [r[0] for r in rows[int(offset):int(offset) + int(limit)]]
        if not page:
            return []
        found = conn.execute("SELECT id, json, harvested FROM records WHERE id IN (SELECT value FROM json_each(?))",
                             (json.dumps(page),)).fetchall()
        order = {rid: i for i, rid in enumerate(page)}
        return self._records(r[1:] for r in sorted(found, key=lambda r: order[r[0]]))

    def _search_without_text(self, conn, query, node_ids, limit, offset):
        where, params = [], []
        if query.bbox:
            where.append("id IN (SELECT id FROM records_bbox WHERE maxx >= ? AND minx <= ? AND maxy >= ? "
                         "AND miny <= ?)")
            params += [query.bbox[0], query.bbox[2], query.bbox[1], query.bbox[3]]
        more, more_params = self._date_and_node(query, node_ids)
        where, params = where + more, params + more_params
        cond = ("WHERE " + " AND ".join(where)) if where else ""
        return self._records(conn.execute(
            "SELECT json, harvested FROM records %s ORDER BY date DESC, id DESC LIMIT ? OFFSET ?" % cond,
            params + [int(limit), int(offset)]).fetchall())

    @staticmethod
    def _date_and_node(query, node_ids):
        """(conditions, parameters) on the records table for the date range and the nodes."""
        where, params = [], []
        if query.date_from:
            where.append("date >= ?")
            params.append(query.date_from)
        if query.date_to:
            where.append("date <= ?")
            params.append(query.date_to + "T23:59:59")
        if node_ids:
            where.append("node_id IN (%s)" % ",".join("?" * len(node_ids)))
            params += list(node_ids)
        return where, params

    @staticmethod
    def _records(rows):
        out = []
        for data, harvested in rows:
            rec = Record.from_dict(json.loads(data))
            rec.harvested = harvested
            rec.from_cache = True
            out.append(rec)
        return out

    @staticmethod
    def _in_extent(conn, ids, bbox):
        """The ids (all, when ``ids`` is None) whose footprint meets ``bbox``, in ``ids``' order."""
        box = (bbox[0], bbox[2], bbox[1], bbox[3])
        inside_sql = "SELECT id FROM records_bbox WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?"
        if ids is None:
            return [r[0] for r in conn.execute(inside_sql, box)]
        if not ids:
            return []
        fewer = conn.execute("SELECT count(*) FROM (%s LIMIT ?)" % inside_sql, box + (len(ids) + 1,)).fetchone()[0]
        if fewer <= len(ids):
            inside = {r[0] for r in conn.execute(inside_sql, box)}
        else:
            inside = {r[0] for r in conn.execute(
                "SELECT id FROM records_bbox WHERE id IN (SELECT value FROM json_each(?)) AND maxx >= ? AND minx <= ? "
                "AND maxy >= ? AND miny <= ?", (json.dumps(ids),) + box)}
        return [i for i in ids if i in inside]
