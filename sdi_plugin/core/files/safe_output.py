"""Safe output files: Simpul never writes into a file it did not make.

One rule for every file Simpul writes where the user chose the path (reports, error layers,
fixed datasets, metadata records, plans, the offline cache):

* a folder, or a path whose folder cannot exist, is refused with a sentence, not errno text;
* an existing file is replaced only when it is of the same kind as the output (a JSON report
  over a JSON file, an error layer over an earlier error layer …) — what a user expects after
  confirming "replace?" in a Save dialog; anything else (a GeoPackage of theirs given as a
  report, a database given as a cache) is refused and left byte for byte as it was;
* the new content is written to a temporary file beside the target and renamed over it only
  when complete, so an error or a cancel leaves no partial file and the old file intact.

Each refusal is an :class:`OutputRefused` (an ``OSError``) whose text is a translated sentence.
"""
import errno
import json
import os
import sqlite3
import uuid

from ..errors import SimpulError
from ..i18n import tr

SQLITE_MAGIC = b"SQLite format 3\x00"
GPKG_APPLICATION_ID = 0x47504B47          # "GPKG"


class OutputRefused(SimpulError, OSError):
    """An output path Simpul will not write (the message says why, translated)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message


def explain(exc, path):
    """A translated sentence for an ``OSError`` met while writing ``path`` (never "[Errno 21] …")."""
    if isinstance(exc, OutputRefused):
        return exc.message
    code = getattr(exc, "errno", None)
    if code == errno.EISDIR:
        return tr("{path} is a folder; give a file name for the output.").format(path=path)
    if code in (errno.EACCES, errno.EPERM):
        return tr("Simpul may not write {path}: permission denied. Choose another place.").format(path=path)
    if code == errno.ENOSPC:
        return tr("The disk is full; {path} could not be written.").format(path=path)
    if code == errno.EROFS:
        return tr("{path} is on a read-only disk; choose another place.").format(path=path)
    if code in (errno.ENOENT, errno.ENOTDIR):
        return tr("The folder of {path} does not exist and cannot be made.").format(path=path)
    return tr("{path} could not be written ({reason}).").format(path=path, reason=getattr(exc, "strerror", None)
                                                              or exc.__class__.__name__)


# --- what kind of file is already there --------------------------------------------------------
def _head(path, size=512):
    with open(path, "rb") as fh:
        return fh.read(size)


def is_empty_file(path):
    return os.path.isfile(path) and os.path.getsize(path) == 0


def looks_like_json(path):
    head = _head(path).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[")


def looks_like_html(path):
    head = _head(path).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html")


def looks_like_xml(path):
    head = _head(path).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def sqlite_header(path):
    """(application_id, user_version) of an SQLite file, None when it is not one (read from the
    file's header: SQLite itself never opens it, so nothing can be written)."""
    head = _head(path, 100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return None
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def sqlite_tables(path):
    """The table names of an SQLite file, opened read-only (never written)."""
    uri = "file:%s?mode=ro" % _uri_path(path)
    conn = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    finally:
        conn.close()


def _uri_path(path):
    from urllib.parse import quote
    return quote(os.path.abspath(path).replace(os.sep, "/"))


def is_geopackage(path):
    head = sqlite_header(path)
    return head is not None and head[0] == GPKG_APPLICATION_ID


def geopackage_layers(path):
    """The layer names listed in a GeoPackage's gpkg_contents (read-only); None if not readable."""
    if not is_geopackage(path):
        return None
    uri = "file:%s?mode=ro" % _uri_path(path)
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            return {r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")}
        finally:
            conn.close()
    except sqlite3.Error:
        return None


# --- the rule --------------------------------------------------------------------------------
def check_destination(path, same_kind=None, what=None):
    """Raise :class:`OutputRefused` unless ``path`` can be written as an output.

    ``same_kind(path)`` says whether an existing file there is of the output's kind and may be
    replaced (None: an existing file is always refused). ``what`` names the output in messages."""
    what = what or tr("output")
    if not path or not str(path).strip():
        raise OutputRefused(tr("No file given for the {what}.").format(what=what))
    path = str(path)
    if os.path.isdir(path):
        raise OutputRefused(tr("{path} is a folder; give a file name for the {what}.").format(path=path, what=what))
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise OutputRefused(tr("The folder of {path} does not exist and cannot be made.").format(path=path))
    if os.path.lexists(path):
        if not os.path.isfile(path):
            raise OutputRefused(tr("{path} is not a regular file; Simpul will not write over it.").format(path=path))
        try:
            ok = same_kind is not None and same_kind(path)
        except (OSError, sqlite3.Error):
            ok = False
        if not ok:
            raise OutputRefused(tr("{path} already exists and is not a {what}; Simpul replaces only a file of the "
                                   "same kind and never writes into other files. Choose a new file name.").format(
                path=path, what=what))
    return path


def temp_beside(path):
    """A fresh, hidden name in the target's folder with the target's extension (so GDAL picks
    the same driver); renaming it over the target is atomic on one disk."""
    folder = os.path.dirname(os.path.abspath(path))
    stem, ext = os.path.splitext(os.path.basename(path))
    return os.path.join(folder, ".%s.simpul-%s%s" % (stem, uuid.uuid4().hex[:8], ext))


def remove_quietly(*paths):
    for p in paths:
        try:
            if p and os.path.lexists(p):
                os.remove(p)
        except OSError:
            pass


def make_folder(path):
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise OutputRefused(explain(exc, path)) from None


def write_atomically(path, write, same_kind=None, what=None, feedback=None):
    """Check ``path`` (:func:`check_destination`), let ``write(tmp)`` write the whole output to
    a temporary file beside it, then rename it over ``path``. An exception, or ``feedback``
    cancelled when ``write`` returns, removes the temporary file and leaves ``path`` as it was
    (a cancel raises :class:`OutputRefused` "Canceled."). Returns ``path``."""
    check_destination(path, same_kind, what)
    make_folder(path)
    tmp = temp_beside(path)
    try:
        write(tmp)
        if feedback is not None and feedback.isCanceled():
            raise OutputRefused(tr("Canceled."))
        os.replace(tmp, path)
    except OutputRefused:
        remove_quietly(tmp)
        raise
    except OSError as exc:
        remove_quietly(tmp)
        raise OutputRefused(explain(exc, path)) from None
    except BaseException:
        remove_quietly(tmp)
        raise
    return path


def write_text(path, text, same_kind=None, what=None):
    def write(tmp):
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
    return write_atomically(path, write, same_kind, what)


def write_bytes(path, data, same_kind=None, what=None):
    def write(tmp):
        with open(tmp, "wb") as fh:
            fh.write(data)
    return write_atomically(path, write, same_kind, what)


def json_or_empty(path):
    return is_empty_file(path) or looks_like_json(path)


def html_or_empty(path):
    return is_empty_file(path) or looks_like_html(path)


def xml_or_empty(path):
    return is_empty_file(path) or looks_like_xml(path)


def write_json(path, data, what=None, indent=2):
    """A JSON output (report, plan, node info): replaces only an earlier JSON file (or an empty one)."""
    text = json.dumps(data, indent=indent, ensure_ascii=False, default=str) + "\n"
    return write_text(path, text, json_or_empty, what or tr("JSON file"))
