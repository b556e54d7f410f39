"""The node directory: the bundled JIGN list, import/export of node lists, refresh from a
remote URL with ETag / Last-Modified (against a scripted server), keeping the last good copy."""
import json

import pytest
from qgis.core import QgsSettings

from sdi_plugin.core.nodes import directory
from sdi_plugin.core.nodes.directory import DirectoryError
from sdi_plugin.core.nodes.registry import LEVELS, Node, NodeRegistry


@pytest.fixture
def registry():
    s = QgsSettings()
    s.remove("simpul/nodes")
    yield NodeRegistry(s)
    s.remove("simpul/nodes")


def _doc(nodes, **extra):
    return dict({"name": "uji", "format": "simpul-nodes", "format_version": 1, "nodes": nodes}, **extra)


def _write(path, doc):
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return str(path)


def test_bundled_directory_is_complete_and_honest():
    d = directory.load_bundled()
    assert d.meta["format"] == "simpul-nodes" and d.meta["source"] and d.meta["notes"]
    levels = {n.level for n in d.nodes}
    assert {"nasional", "provinsi", "kabupaten", "kota"} <= levels <= set(LEVELS)
    by_id = {n.id: n for n in d.nodes}
    assert len(by_id) == len(d.nodes)
    for node in d.nodes:
        assert node.url.startswith(("http://", "https://")) and node.name
        assert node.reference, node.id               # every entry says where it is known from
        assert node.verified is False, node.id       # nothing could be checked from here
        assert node.source == "directory" and not node.authcfg
        if node.level in ("kabupaten", "kota"):
            assert node.parent, node.id               # a kabupaten/kota names its province
    ina = by_id["ina-geoportal"]
    assert ina.url.startswith("https://tanahair.indonesia.go.id") and ina.services[0]["kind"] == "CKAN"
    assert by_id["big-geoservices-rbi"].services[0]["kind"] == "ArcGIS REST"
    assert by_id["prov-banten"].parent == "Banten"
    assert by_id["kota-tangerang"].parent == "Banten" and by_id["kota-tangerang"].level == "kota"
    assert by_id["prov-jawa-barat"].level == "provinsi"


@pytest.mark.parametrize("doc, words", [
    ("not json {", "not valid JSON"),
    ([], "JSON object"),
    ({"format": "other", "nodes": []}, "not a Simpul node list"),
    ({"format": "simpul-nodes", "format_version": 9, "nodes": []}, "newer"),
    ({"format": "simpul-nodes"}, "no list of nodes"),
    (_doc([{"name": "A", "url": "ftp://a"}]), "http:// or https://"),
    (_doc([{"name": "", "url": "http://a"}]), "has no name"),
    (_doc([{"name": "A", "url": "http://a", "level": "desa"}]), "level desa"),
    (_doc([{"name": "A", "url": "http://a", "verified": "ya"}]), "true or false"),
    (_doc([{"name": "A", "url": "http://a", "services": [{"kind": "WMS"}]}]), "services"),
    (_doc([{"name": "A", "url": "http://a"}, {"name": "A", "url": "http://b"}]), "appears twice"),
    (_doc(["A"]), "must be an object"),
], ids=["not-json", "list", "format", "version", "no-nodes", "ftp", "no-name", "level", "verified",
        "services", "duplicate", "entry"])
def test_malformed_lists_are_refused_with_a_reason(tmp_path, doc, words):
    path = _write(tmp_path / "bad.json", doc)
    with pytest.raises(DirectoryError) as err:
        directory.load_file(path)
    assert words in str(err.value) and "bad.json" in str(err.value)


def test_unreadable_and_oversized_files(tmp_path):
    with pytest.raises(DirectoryError, match="could not be read"):
        directory.load_file(str(tmp_path / "missing.json"))
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (directory.MAX_BYTES + 10))
    with pytest.raises(DirectoryError, match="larger than"):
        directory.load_file(str(big))
    latin = tmp_path / "latin.json"
    latin.write_bytes(json.dumps(_doc([{"name": "Bappeda", "url": "http://a"}])).encode().replace(b"Bappeda",
                                                                                                   b"Bapp\xe9da"))
    with pytest.raises(DirectoryError, match="not UTF-8"):
        directory.load_file(str(latin))


def test_export_never_carries_credentials(tmp_path):
    nodes = [Node(name="Simpul Paser", url="https://geoportal.paserkab.go.id", level="kabupaten",
                  parent="Kalimantan Timur", authcfg="abc1234",
                  services=[{"kind": "CSW", "url": "https://geoportal.paserkab.go.id/csw", "version": "2.0.2"}],
                  health={"state": "up", "latency_ms": 5})]
    plain = tmp_path / "plain.json"
    assert directory.export_nodes(nodes, str(plain)) == 1
    text = plain.read_text(encoding="utf-8")
    doc = json.loads(text)
    entry = doc["nodes"][0]
    assert "authcfg" not in entry and "abc1234" not in text and "health" not in entry
    assert not any(w in text.lower() for w in ("password", "token", "secret"))
    assert entry["services"] == [{"kind": "CSW", "url": "https://geoportal.paserkab.go.id/csw", "version": "2.0.2"}]
    with_id = tmp_path / "with-id.json"
    directory.export_nodes(nodes, str(with_id), include_authcfg=True)
    assert json.loads(with_id.read_text())["nodes"][0]["authcfg"] == "abc1234"
    again = directory.load_file(str(plain), origin="import").nodes[0]
    assert (again.name, again.level, again.parent, again.url) == (
        "Simpul Paser", "kabupaten", "Kalimantan Timur", "https://geoportal.paserkab.go.id")


def test_import_adds_and_replaces_and_a_bad_file_changes_nothing(tmp_path, registry):
    registry.add(Node(name="Lama", url="https://geoportal.contoh.go.id/", health={"state": "up"}))
    path = _write(tmp_path / "kelas.json", _doc([
        {"name": "Geoportal Contoh", "url": "https://geoportal.contoh.go.id", "level": "provinsi"},
        {"name": "Simpul Baru", "url": "https://baru.go.id", "level": "kota", "parent": "Banten"}]))
    result = directory.import_nodes(path, registry)
    assert result.added == ["simpul-baru"] and result.updated == ["lama"]
    nodes = {n.id: n for n in registry.nodes()}
    assert set(nodes) == {"lama", "simpul-baru"}
    assert nodes["lama"].name == "Geoportal Contoh" and nodes["lama"].health == {"state": "up"}
    assert nodes["simpul-baru"].source == "import" and nodes["simpul-baru"].parent == "Banten"
    bad = _write(tmp_path / "rusak.json", _doc([{"name": "X", "url": "http://x"}, {"name": "Y", "url": "gopher://y"}]))
    with pytest.raises(DirectoryError):
        directory.import_nodes(bad, registry)
    assert set(n.id for n in registry.nodes()) == {"lama", "simpul-baru"}


def test_merged_nodes_prefer_the_users_own(registry, tmp_path):
    registry.add(Node(name="Banten saya", url="https://geoportal.bantenprov.go.id/", level="provinsi"))
    merged = directory.merged_nodes(registry, store_dir=str(tmp_path))
    assert merged[0].name == "Banten saya"
    assert sum(1 for n in merged if "bantenprov" in n.url) == 1
    assert len(merged) == len(directory.load_bundled().nodes)


def _remote(server, body_holder, seen):
    """A directory URL answering 304 when the client's validators match."""
    def handler(req):
        seen.append({k.lower(): v for k, v in req.headers.items()})
        status, body, etag, modified = body_holder["answer"]
        if status == 200 and (req.headers.get("If-None-Match") == etag or
                              (modified and req.headers.get("If-Modified-Since") == modified)):
            req.send_simple(304, b"", "application/json", {"ETag": etag})
            return
        headers = {"ETag": etag} if etag else {}
        if modified:
            headers["Last-Modified"] = modified
        req.send_simple(status, body, "application/json" if status == 200 else "text/html", headers)
    server.routes["/direktori.json"] = handler
    return server.url + "/direktori.json"


def test_refresh_uses_etag_and_keeps_the_last_good_copy(scripted_server, tmp_path):
    store = str(tmp_path / "store")
    holder, seen = {}, []
    url = _remote(scripted_server, holder, seen)
    v1 = json.dumps(_doc([{"name": "Simpul Satu", "url": "https://satu.go.id", "level": "provinsi",
                           "parent": "Banten"}])).encode()
    holder["answer"] = (200, v1, '"v1"', "")
    first = directory.refresh(url, timeout=5, store_dir=store)
    assert first.status == "updated" and first.etag == '"v1"'
    assert [n.name for n in first.directory.nodes] == ["Simpul Satu"]
    assert "if-none-match" not in seen[0]
    assert [n.name for n in directory.current(store).nodes] == ["Simpul Satu"]

    second = directory.refresh(url, timeout=5, store_dir=store)
    assert second.status == "not-modified" and seen[1]["if-none-match"] == '"v1"'
    assert [n.name for n in second.directory.nodes] == ["Simpul Satu"]

    for broken in ((500, b"<html>500</html>", "", ""), (200, b"<!DOCTYPE html><html></html>", '"v2"', ""),
                   (200, json.dumps(_doc([{"name": "X", "url": "nope"}])).encode(), '"v3"', "")):
        holder["answer"] = broken
        failed = directory.refresh(url, timeout=5, store_dir=store)
        assert failed.status == "failed" and failed.message
        assert [n.name for n in failed.directory.nodes] == ["Simpul Satu"]   # the last good copy stays
        assert [n.name for n in directory.current(store).nodes] == ["Simpul Satu"]

    v4 = json.dumps(_doc([{"name": "Simpul Empat", "url": "https://empat.go.id"}])).encode()
    holder["answer"] = (200, v4, "", "Sat, 21 Nov 2026 08:00:00 GMT")
    fourth = directory.refresh(url, timeout=5, store_dir=store)
    assert fourth.status == "updated" and fourth.last_modified == "Sat, 21 Nov 2026 08:00:00 GMT"
    fifth = directory.refresh(url, timeout=5, store_dir=store)
    assert fifth.status == "not-modified"
    assert seen[-1]["if-modified-since"] == "Sat, 21 Nov 2026 08:00:00 GMT"


def test_refresh_of_a_dead_or_hanging_url_keeps_the_bundled_directory(scripted_server, tmp_path):
    scripted_server.hang("/lambat.json")
    result = directory.refresh(scripted_server.url + "/lambat.json", timeout=1, store_dir=str(tmp_path))
    assert result.status == "failed" and "no answer within 1 s" in result.message
    assert len(result.directory.nodes) == len(directory.load_bundled().nodes)
    assert directory.refresh("", store_dir=str(tmp_path)).status == "failed"
