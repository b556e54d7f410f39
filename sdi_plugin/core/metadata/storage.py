"""Where a dataset's ISO 19139 record is kept: a sidecar XML next to the data, and for a
GeoPackage also its metadata tables.

Sidecar names (what QGIS and ArcGIS users expect to find beside their data):

* a one-layer file (Shapefile, GeoJSON, …): ``<file>.xml`` — ``JALAN_LN_10K.shp.xml``, the name
  ArcGIS uses; reading also accepts ``JALAN_LN_10K.xml``;
* a layer in a GeoPackage (or another multi-layer file): ``<file stem>_<layer>.xml`` —
  ``kalteng_SUNGAI_LN_250K.xml`` beside ``kalteng.gpkg`` (characters other than letters, digits,
  ``-``, ``_`` and ``.`` in the layer name become ``_``).

An existing sidecar that is not an ISO 19139 record (e.g. ArcGIS's own format) is kept as
``<sidecar>.bak`` before it is replaced.

GeoPackage: the record goes into ``gpkg_metadata`` (md_scope ``dataset``, md_standard_uri
``http://www.isotc211.org/2005/gmd``, mime_type ``text/xml``) with a ``gpkg_metadata_reference``
row (reference_scope ``table``, the layer's table) — the OGC GeoPackage metadata extension, the
tables created and the extension registered in ``gpkg_extensions`` when missing, exactly as GDAL
does. Saving again updates the same row. Only these three tables are written; the layer's own
tables and ``gpkg_contents`` are never touched.
"""
import contextlib
import os
import re
import shutil
import sqlite3

from ..errors import SimpulError
from ..runtime.events import observe
from ..i18n import tr
from ..network.xmlsafe import XmlError, parse_xml
from .iso_reader import MetadataError, find_record, read_bytes
from .iso_writer import to_bytes
from .namespaces import MD_STANDARD_URI

GPKG_EXT = (".gpkg",)
EXTENSION_DEF = "http://www.geopackage.org/spec120/#extension_metadata"
DDL = (
    "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,"
    "definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))",
    "CREATE TABLE IF NOT EXISTS gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,"
    "md_scope TEXT NOT NULL DEFAULT 'dataset',md_standard_uri TEXT NOT NULL,mime_type TEXT NOT NULL DEFAULT "
    "'text/xml',metadata TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (reference_scope TEXT NOT NULL,table_name TEXT,"
    "column_name TEXT,row_id_value INTEGER,timestamp DATETIME NOT NULL DEFAULT "
    "(strftime('%Y-%m-%dT%H:%M:%fZ','now')),md_file_id INTEGER NOT NULL,md_parent_id INTEGER,"
    "CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),"
    "CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id))",
)
FIND = ("SELECT m.id FROM gpkg_metadata m JOIN gpkg_metadata_reference r ON r.md_file_id = m.id "
        "WHERE r.reference_scope = 'table' AND r.table_name = ? AND r.column_name IS NULL "
        "AND r.row_id_value IS NULL AND m.md_standard_uri = ? AND m.mime_type = 'text/xml' "
        "ORDER BY r.timestamp DESC, m.id DESC")


class StorageError(SimpulError, RuntimeError):
    """The record could not be stored or read where asked (message for people)."""


def dataset_of(layer):
    """(path, layer name or '', kind) of a layer's file; kind is 'gpkg', 'file' or '' (not a file)."""
    from .generate import source_parts
    src = source_parts(layer)
    path = src["path"]
    if not path or not os.path.exists(path) or src["provider"] != "ogr":
        return "", "", ""
    if path.lower().endswith(GPKG_EXT):
        return path, src["layer"], "gpkg"
    return path, src["layer"] if "|layername=" in layer.source() else "", "file"


def sidecar_path(path, layer_name=""):
    """The sidecar XML of a dataset file (and layer, for a multi-layer file)."""
    if not path:
        return ""
    stem = os.path.splitext(path)[0]
    if layer_name and (path.lower().endswith(GPKG_EXT) or os.path.basename(stem) != layer_name):
        return "%s_%s.xml" % (stem, re.sub(r"[^A-Za-z0-9._-]", "_", layer_name))
    return path + ".xml"


def _is_iso(path):
    try:
        with open(path, "rb") as fh:
            return find_record(parse_xml(fh.read())) is not None
    except (OSError, XmlError):
        return False


def write_sidecar(record_or_bytes, path):
    """Write the record to ``path`` (atomically); returns (path, backup path or '')."""
    data = record_or_bytes if isinstance(record_or_bytes, bytes) else to_bytes(record_or_bytes)
    backup = ""
    from ..files.safe_output import check_destination, xml_or_empty
    try:   # a folder, or a file that is not XML at all (a dataset, say): refused, never backed up and replaced
        check_destination(path, xml_or_empty, tr("metadata record"))
    except OSError as exc:
        raise StorageError(str(exc)) from None
    try:
        if os.path.exists(path) and not _is_iso(path):
            # a file of the user's that is not a metadata record: kept whole beside, under a name
            # no earlier backup has
            backup, n = path + ".bak", 1
            while os.path.exists(backup):
                backup, n = "%s.bak%d" % (path, n), n + 1
            shutil.copy2(path, backup)
        tmp = path + ".simpul-tmp"
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
    except OSError as exc:
        raise StorageError(tr("The metadata could not be written to {file}: {error}").format(
            file=path, error=exc.strerror or exc)) from None
    observe("metadata", file=os.path.basename(path))
    return path, backup


def read_sidecar(path):
    """The record in a sidecar file, or None when there is none."""
    candidates = [path]
    if path.lower().endswith(".shp.xml"):
        candidates.append(path[:-len(".shp.xml")] + ".xml")
    for p in candidates:
        if os.path.isfile(p):
            try:
                with open(p, "rb") as fh:
                    return read_bytes(fh.read())
            except OSError as exc:
                raise StorageError(tr("The metadata file {file} cannot be opened: {error}").format(
                    file=p, error=exc.strerror or exc)) from None
    return None


def _connect(path, readonly=False):
    if not os.path.isfile(path):
        raise StorageError(tr("The GeoPackage {file} does not exist.").format(file=path))
    try:
        if readonly:
            con = sqlite3.connect("file:%s?mode=ro" % path.replace("?", "%3f").replace("#", "%23"), uri=True,
                                  timeout=10)
        else:
            con = sqlite3.connect(path, timeout=10, isolation_level=None)
        con.execute("SELECT count(*) FROM gpkg_contents").fetchone()
        return con
    except sqlite3.DatabaseError as exc:
        raise StorageError(tr("{file} is not a GeoPackage Simpul can open: {error}").format(
            file=path, error=exc)) from None


@contextlib.contextmanager
def _opened(path, failure, readonly=False):
    """The GeoPackage at ``path``, open for the ``with`` block and closed after; an SQLite error in
    the block becomes a :class:`StorageError` worded by ``failure`` (translated, with {file} and {error})."""
    con = _connect(path, readonly=readonly)
    try:
        yield con
    except sqlite3.Error as exc:
        raise StorageError(failure.format(file=path, error=exc)) from None
    finally:
        con.close()


def write_gpkg_metadata(path, table, xml):
    """Store ISO 19139 ``xml`` (bytes) for ``table`` of the GeoPackage at ``path``; returns the row id."""
    text = xml.decode("utf-8") if isinstance(xml, bytes) else xml
    with _opened(path, tr("The metadata could not be written into {file}: {error}")) as con:
        if con.execute("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (table,)).fetchone() is None:
            raise StorageError(tr("The GeoPackage {file} has no layer {layer}.").format(file=path, layer=table))
        con.execute("BEGIN IMMEDIATE")
        try:
            for statement in DDL:
                con.execute(statement)
            for name in ("gpkg_metadata", "gpkg_metadata_reference"):
                con.execute("INSERT OR IGNORE INTO gpkg_extensions (table_name, column_name, extension_name, "
                            "definition, scope) VALUES (?, NULL, 'gpkg_metadata', ?, 'read-write')",
                            (name, EXTENSION_DEF))
            row = con.execute(FIND, (table, MD_STANDARD_URI)).fetchone()
            if row:
                md_id = row[0]
                con.execute("UPDATE gpkg_metadata SET metadata = ?, md_scope = 'dataset' WHERE id = ?", (text, md_id))
                con.execute("UPDATE gpkg_metadata_reference SET timestamp = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                            "WHERE md_file_id = ? AND reference_scope = 'table' AND table_name = ?", (md_id, table))
            else:
                md_id = con.execute("INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) "
                                    "VALUES ('dataset', ?, 'text/xml', ?)", (MD_STANDARD_URI, text)).lastrowid
                con.execute("INSERT INTO gpkg_metadata_reference (reference_scope, table_name, column_name, "
                            "row_id_value, md_file_id, md_parent_id) VALUES ('table', ?, NULL, NULL, ?, NULL)",
                            (table, md_id))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return md_id


def read_gpkg_metadata(path, table):
    """The ISO 19139 XML (bytes) stored for ``table``, or None."""
    with _opened(path, tr("The metadata in {file} could not be read: {error}"), readonly=True) as con:
        have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"gpkg_metadata", "gpkg_metadata_reference"} <= have:
            return None
        row = con.execute(FIND, (table, MD_STANDARD_URI)).fetchone()
        if not row:
            return None
        text = con.execute("SELECT metadata FROM gpkg_metadata WHERE id = ?", (row[0],)).fetchone()[0]
        return text.encode("utf-8") if isinstance(text, str) else bytes(text)


def save_for_layer(record, layer):
    """Save the record beside the layer's data (and into its GeoPackage). Returns
    {'sidecar': path, 'backup': path or '', 'gpkg': path or '', 'table': name or ''}."""
    path, name, kind = dataset_of(layer)
    if not kind:
        raise StorageError(tr("Layer {layer} is not stored in a file, so there is nowhere beside it to save the "
                              "metadata; use Export XML instead.").format(layer=layer.name()))
    data = to_bytes(record)
    sidecar, backup = write_sidecar(data, sidecar_path(path, name))
    out = {"sidecar": sidecar, "backup": backup, "gpkg": "", "table": ""}
    if kind == "gpkg":
        write_gpkg_metadata(path, name, data)
        out.update(gpkg=path, table=name)
    return out


def load_for_layer(layer):
    """The layer's stored record (GeoPackage tables first, then the sidecar), or None."""
    path, name, kind = dataset_of(layer)
    if not kind:
        return None
    if kind == "gpkg":
        data = read_gpkg_metadata(path, name)
        if data:
            try:
                return read_bytes(data)
            except MetadataError:
                pass
    return read_sidecar(sidecar_path(path, name))
