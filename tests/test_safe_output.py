"""Simpul never writes into a file it did not make (issue 11, item 5).

Every case gives an algorithm a user's file (or a folder) as an output and checks that the file
is byte-for-byte the same afterwards (sha256), that nothing was added beside it (no -wal,
no .part, no half-written output) and that the message is a sentence, not errno text."""
import hashlib
import os
import shutil
import sqlite3

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject

from sdi_plugin.core.catalog.cache import RecordCache


def sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def listing(folder):
    return sorted(os.listdir(folder))


def run(alg, params, feedback=None):
    import processing
    return processing.run(alg, params, feedback=feedback or QgsProcessingFeedback())


def refused(alg, params, feedback=None):
    with pytest.raises(QgsProcessingException) as info:
        run(alg, params, feedback)
    message = str(info.value)
    assert "Errno" not in message and ".part" not in message, message
    return message


@pytest.fixture
def user_gpkg(sample_data_dir, tmp_path):
    """A GeoPackage of the user's (a copy of a sample dataset) in a folder of its own."""
    folder = tmp_path / "data_saya"
    folder.mkdir()
    path = folder / "kerja.gpkg"
    shutil.copyfile(os.path.join(sample_data_dir, "latihan", "geom_valid.gpkg"), path)
    return str(path)


DATASET = ("latihan", "fcode_salah.gpkg")


# --- the offline cache (sdi:searchcatalogs CACHE) ----------------------------------------------
def test_a_geopackage_given_as_cache_is_refused_untouched(sdi_provider, user_gpkg):
    before, files = sha(user_gpkg), listing(os.path.dirname(user_gpkg))
    message = refused("sdi:searchcatalogs", {"NODES": "http://127.0.0.1:9/csw", "OFFLINE": True,
                                             "CACHE": user_gpkg, "OUTPUT": "memory:"})
    assert "not a Simpul offline cache" in message
    assert sha(user_gpkg) == before
    assert listing(os.path.dirname(user_gpkg)) == files          # no -wal, no -shm, no temp file
    with pytest.raises(OSError):
        RecordCache(user_gpkg)
    assert sha(user_gpkg) == before


def test_an_empty_or_foreign_file_given_as_cache_is_refused(sdi_provider, tmp_path):
    empty = tmp_path / "catatan.xml"
    empty.write_bytes(b"")
    text = tmp_path / "catatan.txt"
    text.write_text("Catatan rapat bimtek\n", encoding="utf-8")
    other_db = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(str(other_db))
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.commit()
    conn.close()
    for path in (empty, text, other_db, tmp_path):
        before = sha(path) if path.is_file() else None
        message = refused("sdi:searchcatalogs", {"NODES": "http://127.0.0.1:9/csw", "OFFLINE": True,
                                                 "CACHE": str(path), "OUTPUT": "memory:"})
        assert str(path) in message
        if before is not None:
            assert sha(path) == before, path
    assert empty.stat().st_size == 0
    assert listing(tmp_path) == ["catatan.txt", "catatan.xml", "lain.sqlite"]


def test_a_new_cache_is_marked_and_opened_again(tmp_path):
    from sdi_plugin.core.catalog.cache import APPLICATION_ID
    path = str(tmp_path / "baru" / "cache.sqlite")
    RecordCache(path).close()
    with open(path, "rb") as fh:
        head = fh.read(100)
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID
    RecordCache(path).close()                                    # its own cache: accepted
    assert [f for f in listing(os.path.dirname(path)) if not f.startswith("cache.sqlite")] == []


# --- validation reports and the error layer ----------------------------------------------------
def test_report_outputs_refuse_a_folder_with_a_sentence(sdi_provider, sample_data_dir, tmp_path):
    out = tmp_path / "laporan"
    out.mkdir()
    message = refused("sdi:validatedataset", {"INPUT": os.path.join(sample_data_dir, *DATASET),
                                              "OUTPUT_JSON": str(out)})
    assert "is a folder" in message
    assert listing(tmp_path) == ["laporan"] and listing(out) == []


def test_report_outputs_never_replace_a_users_geopackage(sdi_provider, sample_data_dir, user_gpkg):
    before, files = sha(user_gpkg), listing(os.path.dirname(user_gpkg))
    source = os.path.join(sample_data_dir, *DATASET)
    for key in ("OUTPUT_ERRORS", "OUTPUT_JSON", "OUTPUT_HTML"):
        message = refused("sdi:validatedataset", {"INPUT": source, key: user_gpkg})
        assert "already exists" in message, key
        assert sha(user_gpkg) == before, key
        assert listing(os.path.dirname(user_gpkg)) == files, key


def test_reports_replace_their_own_earlier_files(sdi_provider, sample_data_dir, tmp_path):
    paths = {"OUTPUT_ERRORS": str(tmp_path / "e.gpkg"), "OUTPUT_HTML": str(tmp_path / "r.html"),
             "OUTPUT_JSON": str(tmp_path / "r.json")}
    params = dict(paths, INPUT=os.path.join(sample_data_dir, *DATASET))
    first = run("sdi:validatedataset", params)
    QgsProject.instance().removeAllMapLayers()                   # the loaded error layers are closed
    stamps = {k: os.stat(p).st_mtime_ns for k, p in paths.items()}
    second = run("sdi:validatedataset", params)                  # the Save dialog's "replace?": yes
    assert first["FINDINGS"] == second["FINDINGS"]
    QgsProject.instance().removeAllMapLayers()
    assert all(os.stat(p).st_mtime_ns >= stamps[k] for k, p in paths.items())
    assert listing(tmp_path) == ["e.gpkg", "r.html", "r.json"], listing(tmp_path)   # no temporary file


def test_write_json_refuses_a_file_of_another_kind(tmp_path):
    from sdi_plugin.core.files.safe_output import OutputRefused, check_destination, json_or_empty, write_json
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan JSON", encoding="utf-8")
    with pytest.raises(OutputRefused, match="already exists"):
        write_json(str(notes), {"a": 1})
    assert notes.read_text(encoding="utf-8") == "bukan JSON"
    with pytest.raises(OutputRefused, match="folder"):
        check_destination(str(tmp_path), json_or_empty)
    assert listing(tmp_path) == ["catatan.txt"]


# --- the fixed dataset (sdi:fixdataset) --------------------------------------------------------
class CancelOnProgress(QgsProcessingFeedback):
    """A feedback the user cancels as soon as the work reports progress."""

    def __init__(self):
        super().__init__()
        self.progressChanged.connect(lambda _p: self.cancel())


def test_a_canceled_fix_leaves_no_partial_output(sdi_provider, sample_data_dir, tmp_path):
    out = tmp_path / "hasil.gpkg"
    message = refused("sdi:fixdataset", {"INPUT": os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"),
                                         "OUTPUT": str(out)}, CancelOnProgress())
    assert "Cancel" in message
    assert listing(tmp_path) == []


def test_a_canceled_fix_into_an_existing_geopackage_leaves_it_as_it_was(sdi_provider, sample_data_dir, user_gpkg):
    before, files = sha(user_gpkg), listing(os.path.dirname(user_gpkg))
    refused("sdi:fixdataset", {"INPUT": os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"),
                               "OUTPUT": user_gpkg}, CancelOnProgress())
    assert sha(user_gpkg) == before
    assert listing(os.path.dirname(user_gpkg)) == files


def test_the_fix_refuses_a_file_that_is_not_a_dataset(sdi_provider, sample_data_dir, tmp_path):
    fake = tmp_path / "laporan.gpkg"
    fake.write_text("ini bukan GeoPackage", encoding="utf-8")
    before = sha(fake)
    message = refused("sdi:fixdataset", {"INPUT": os.path.join(sample_data_dir, "latihan", "srs_id_kosong.gpkg"),
                                         "OUTPUT": str(fake)})
    assert "already exists" in message
    assert sha(fake) == before and listing(tmp_path) == ["laporan.gpkg"]


# --- metadata and publish plan -----------------------------------------------------------------
def test_metadata_outputs_refuse_a_folder_and_a_users_file(sdi_provider, sample_data_dir, user_gpkg, tmp_path):
    source = os.path.join(sample_data_dir, *DATASET)
    message = refused("sdi:generatemetadata", {"INPUT": source, "OUTPUT": str(tmp_path)})
    assert "is a folder" in message
    before = sha(user_gpkg)
    refused("sdi:generatemetadata", {"INPUT": source, "OUTPUT": user_gpkg})
    assert sha(user_gpkg) == before
    record = str(tmp_path / "record.xml")
    run("sdi:generatemetadata", {"INPUT": source, "OUTPUT": record})
    refused("sdi:checkmetadata", {"INPUT": record, "OUTPUT": user_gpkg})
    assert sha(user_gpkg) == before
    assert listing(os.path.dirname(user_gpkg)) == ["kerja.gpkg"]


def test_publish_plan_refuses_a_users_file_before_anything_is_sent(sdi_provider, sample_data_dir, user_gpkg):
    before = sha(user_gpkg)
    message = refused("sdi:publishdataset", {"INPUT": os.path.join(sample_data_dir, *DATASET),
                                             "NODE": "http://127.0.0.1:9/", "DRY_RUN": True,
                                             "OUTPUT_PLAN": user_gpkg})
    assert "already exists" in message
    assert sha(user_gpkg) == before


# --- node list export, metadata sidecar, publish log -------------------------------------------
def test_node_list_export_never_overwrites_another_kind_of_file(qgis_app, tmp_path):
    from sdi_plugin.core.nodes import directory
    from sdi_plugin.core.nodes.registry import Node
    notes = tmp_path / "simpul.gpkg"
    notes.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = sha(notes)
    nodes = [Node(name="Simpul Uji", url="http://127.0.0.1:9/")]
    with pytest.raises(OSError, match="already exists"):
        directory.export_nodes(nodes, str(notes))
    with pytest.raises(OSError, match="folder"):
        directory.export_nodes(nodes, str(tmp_path))
    assert sha(notes) == before and listing(tmp_path) == ["simpul.gpkg"]
    assert directory.export_nodes(nodes, str(tmp_path / "simpul.json")) == 1
    assert directory.export_nodes(nodes, str(tmp_path / "simpul.json")) == 1    # its own earlier export
    assert listing(tmp_path) == ["simpul.gpkg", "simpul.json"]


def test_a_second_foreign_sidecar_gets_its_own_backup(qgis_app, tmp_path):
    from sdi_plugin.core.metadata import storage
    sidecar = tmp_path / "jalan.shp.xml"
    (tmp_path / "jalan.shp.xml.bak").write_bytes(b"<first/>")
    sidecar.write_bytes(b"<second/>")
    _, backup = storage.write_sidecar(b"<gmd:MD_Metadata/>", str(sidecar))
    assert backup.endswith(".bak1") and open(backup, "rb").read() == b"<second/>"
    assert (tmp_path / "jalan.shp.xml.bak").read_bytes() == b"<first/>"
    assert sorted(listing(tmp_path)) == ["jalan.shp.xml", "jalan.shp.xml.bak", "jalan.shp.xml.bak1"]


def test_the_publish_log_never_appends_to_a_users_file(qgis_app, tmp_path):
    from sdi_plugin.core.publish import publog
    key = "/data/jalan.gpkg|layername=JALAN"
    mine = publog.log_path(str(tmp_path), key)
    with open(mine, "w", encoding="utf-8") as fh:
        fh.write("catatan pribadi\n")
    before = sha(mine)
    assert publog.write(str(tmp_path), key, [{"event": "publish"}]) == ""
    assert sha(mine) == before
    os.remove(mine)
    assert publog.write(str(tmp_path), key, [{"event": "publish"}]) == mine
    assert publog.write(str(tmp_path), key, [{"event": "publish"}]) == mine
    assert len(publog.read(str(tmp_path), key)) == 2


def test_a_metadata_export_never_lands_on_a_dataset(qgis_app, user_gpkg):
    from sdi_plugin.core.metadata import storage
    before, files = sha(user_gpkg), listing(os.path.dirname(user_gpkg))
    with pytest.raises(storage.StorageError, match="already exists"):
        storage.write_sidecar(b"<gmd:MD_Metadata/>", user_gpkg)
    with pytest.raises(storage.StorageError, match="folder"):
        storage.write_sidecar(b"<gmd:MD_Metadata/>", os.path.dirname(user_gpkg))
    assert sha(user_gpkg) == before and listing(os.path.dirname(user_gpkg)) == files
