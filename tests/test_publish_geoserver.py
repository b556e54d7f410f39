"""Publishing to GeoServer's REST API (the test double): the plan, a first publish, re-publish
in place, overwrite confirmation, Shapefiles, conflicts, credentials, cancel, bad input."""
import json
import os
import shutil

from qgis.core import QgsProcessingFeedback

from sdi_plugin.core.publish import publish_dataset, publog
from sdi_plugin.core.publish.model import Dataset, Endpoints


def _gpkg(sample_data_dir, region, table):
    return "%s|layername=%s" % (os.path.join(sample_data_dir, region, region + ".gpkg"), table)


def _run(double, src, auth, log, **kw):
    ep = Endpoints(base_url=double.base_url, geoserver_rest=double.rest_url)
    kw.setdefault("gate", False)
    kw.setdefault("verify", False)
    return publish_dataset(src, authcfg=auth, endpoints=ep, log_folder=log, timeout=20, **kw)


def _plan(report):
    return [(c["resource"], c["action"]) for c in report["changes"]]


def test_dry_run_lists_every_change_and_changes_nothing(gs_double, gs_auth, sample_data_dir, tmp_path):
    before = gs_double.snapshot()
    report = _run(gs_double, _gpkg(sample_data_dir, "tangerang", "JALAN_LN_10K"), gs_auth, str(tmp_path), dry_run=True)
    assert report["result"] == "planned" and report["dry_run"]
    assert _plan(report) == [("workspace", "create"), ("datastore", "create"), ("featuretype", "create"),
                             ("style", "create"), ("layer", "create")]
    assert all(c["result"] == "planned" and c["url"].startswith(gs_double.rest_url) for c in report["changes"])
    assert gs_double.snapshot() == before
    assert {r["method"] for r in gs_double.requests} == {"GET"}
    events = publog.read(str(tmp_path), report["dataset"]["source"])
    assert events[-1]["event"] == "publish" and events[-1]["result"] == "planned" and events[-1]["dry_run"]


def test_publish_makes_store_feature_type_and_style(gs_double, gs_auth, sample_data_dir, tmp_path):
    report = _run(gs_double, _gpkg(sample_data_dir, "tangerang", "JALAN_LN_10K"), gs_auth, str(tmp_path))
    assert report["result"] == "published", report["message"]
    assert all(c["result"] == "done" for c in report["changes"])
    snap = gs_double.snapshot()
    assert snap["workspaces"] == ["simpul"]
    store = snap["stores"]["simpul:JALAN_LN_10K"]
    assert store["type"] == "GeoPackage" and list(store["files"]) == ["JALAN_LN_10K.gpkg"]
    # only the published table left the office, not the other four of tangerang.gpkg
    assert list(gs_double.catalog.stores[("simpul", "JALAN_LN_10K")]["tables"]) == ["JALAN_LN_10K"]
    ft = snap["featuretypes"]["simpul:JALAN_LN_10K"]
    assert ft["nativeName"] == "JALAN_LN_10K" and ft["srs"] == "EPSG:9488"
    assert ft["metadataLinks"] == ""   # no catalogue on this node: no record to link to (see test_publish_node)
    style = gs_double.catalog.styles[("simpul", "JALAN_LN_10K")]
    assert style["version"] == "1.1.0" and b"LineSymbolizer" in style["body"]
    assert snap["layers"]["simpul:JALAN_LN_10K"]["defaultStyle"] == {"name": "JALAN_LN_10K", "workspace": "simpul"}
    events = publog.read(str(tmp_path), report["dataset"]["source"])
    assert [e["resource"] for e in events if e["event"] == "change"] == [
        "workspace", "datastore", "featuretype", "style", "layer"]
    assert events[-1]["result"] == "published" and events[-1]["layer"] == "simpul:JALAN_LN_10K"


def test_republish_needs_confirmation_then_updates_in_place(gs_double, gs_auth, sample_data_dir, tmp_path):
    src = _gpkg(sample_data_dir, "paser", "SUNGAI_LN_25K")
    assert _run(gs_double, src, gs_auth, str(tmp_path))["result"] == "published"
    first = gs_double.snapshot()
    again = _run(gs_double, src, gs_auth, str(tmp_path))
    assert again["result"] == "blocked" and again["needs_confirmation"]
    assert "overwrite" in again["message"].lower()
    assert gs_double.snapshot() == first
    assert _plan(again) == [("workspace", "skip"), ("datastore", "update"), ("featuretype", "update"),
                            ("style", "update"), ("layer", "update")]
    assert [c["needs_confirmation"] for c in again["changes"]] == [False, True, True, False, False]
    done = _run(gs_double, src, gs_auth, str(tmp_path), overwrite=True)
    assert done["result"] == "published", done["message"]
    snap = gs_double.snapshot()
    assert (len(snap["stores"]), len(snap["featuretypes"]), len(snap["layers"])) == (1, 1, 1)
    assert len([k for k in snap["styles"] if k.startswith("simpul:")]) == 1
    for part in ("workspaces", "stores", "featuretypes", "layers", "styles"):   # nothing added, nothing lost
        assert sorted(snap[part]) == sorted(first[part])


def test_zipped_shapefile_becomes_a_shapefile_store(gs_double, gs_auth, sample_data_dir, tmp_path):
    shp = os.path.join(sample_data_dir, "paser", "ADMINISTRASIKECAMATAN_AR_25K.shp")
    report = _run(gs_double, shp, gs_auth, str(tmp_path))
    assert report["result"] == "published", report["message"]
    store = gs_double.snapshot()["stores"]["simpul:ADMINISTRASIKECAMATAN_AR_25K"]
    assert store["type"] == "Shapefile"
    assert {os.path.splitext(f)[1] for f in store["files"]} >= {".shp", ".shx", ".dbf", ".prj"}
    assert gs_double.catalog.layers["simpul:ADMINISTRASIKECAMATAN_AR_25K"]["defaultStyle"]["name"] == \
        "ADMINISTRASIKECAMATAN_AR_25K"


def test_odd_file_names_become_safe_node_names(gs_double, gs_auth, sample_data_dir, tmp_path):
    shp = os.path.join(sample_data_dir, "latihan", "layer_name", "jalan baru final(2).shp")
    report = _run(gs_double, shp, gs_auth, str(tmp_path))
    assert report["result"] == "published", report["message"]
    assert report["layer"] == "simpul:jalan_baru_final_2"
    assert gs_double.catalog.featuretypes[("simpul", "jalan_baru_final_2")]["nativeName"] == "jalan baru final(2)"


def test_a_layer_of_another_store_is_never_touched(gs_double, gs_auth, sample_data_dir, tmp_path):
    src = _gpkg(sample_data_dir, "kalteng", "SUNGAI_LN_250K")
    assert _run(gs_double, src, gs_auth, str(tmp_path))["result"] == "published"
    shp = os.path.join(sample_data_dir, "kalteng", "SUNGAI_LN_250K.shp")   # same table name, other store
    gs_double.catalog.featuretypes[("simpul", "SUNGAI_LN_250K")]["store"] = "sungai_lama"
    gs_double.catalog.stores[("simpul", "sungai_lama")] = gs_double.catalog.stores.pop(("simpul", "SUNGAI_LN_250K"))
    before = gs_double.snapshot()
    report = _run(gs_double, shp, gs_auth, str(tmp_path), overwrite=True)
    assert report["result"] == "failed" and "another data store (sungai_lama)" in report["message"]
    assert gs_double.snapshot() == before


def test_wrong_or_missing_credentials_say_so(gs_double, sample_data_dir, tmp_path):
    from fixtures_publish import make_authcfg
    wrong = make_authcfg("gs-wrong", "admin", "salah")
    src = _gpkg(sample_data_dir, "tangerang", "SUNGAI_LN_10K")
    for auth in (wrong, ""):
        report = _run(gs_double, src, auth, str(tmp_path))
        assert report["result"] == "failed"
        assert "HTTP 401" in report["message"] and "credentials" in report["message"]
    assert gs_double.snapshot()["workspaces"] == []


def test_oauth2_credentials_through_the_auth_manager(gs_double, sample_data_dir, tmp_path):
    from fixtures_publish import make_oauth2_authcfg
    auth = make_oauth2_authcfg("gs-oauth2", gs_double.base_url + "/geoserver/oauth2/token", "admin", "geoserver")
    report = _run(gs_double, _gpkg(sample_data_dir, "tangerang", "SUNGAI_LN_10K"), auth, str(tmp_path))
    assert report["result"] == "published", report["message"]
    assert len(gs_double.tokens) == 1
    assert gs_double.snapshot()["layers"]["simpul:SUNGAI_LN_10K"]["defaultStyle"]["name"] == "SUNGAI_LN_10K"


PG_SLD = (b'<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se">'
          b'<NamedLayer><se:Name>x</se:Name><UserStyle><se:Name>x</se:Name></UserStyle></NamedLayer>'
          b'</StyledLayerDescriptor>')


def _postgis(db_auth):
    uri = ("dbname='simpul' host=db.bappeda.local port=5432 authcfg=%s key='fid' srid=9488 type=MultiLineString "
           "table=\"kugi\".\"jalan_ln_10k\" (geom)" % db_auth)
    return uri, Dataset(source=uri, provider="postgres", table="jalan_ln_10k", format="PostGIS", crs="EPSG:9488",
                        geometry="LineString", feature_count=14, title="Jalan Kota Tangerang")


def test_a_postgis_table_registers_a_postgis_store(gs_double, gs_auth, tmp_path):
    from fixtures_publish import make_authcfg
    uri, ds = _postgis(make_authcfg("db-kugi", "gis_writer", "sandi-db"))
    report = _run(gs_double, uri, gs_auth, str(tmp_path), dataset=ds, sld=PG_SLD)
    assert report["result"] == "published", report["message"]
    assert report["changes"][1]["detail"] == "Register the PostGIS database as a data store"
    store = gs_double.catalog.stores[("simpul", "jalan_ln_10k")]
    assert store["type"] == "PostGIS"
    assert {k: store["params"][k] for k in ("dbtype", "host", "port", "database", "schema", "user", "passwd")} == {
        "dbtype": "postgis", "host": "db.bappeda.local", "port": "5432", "database": "simpul", "schema": "kugi",
        "user": "gis_writer", "passwd": "sandi-db"}   # from the layer's authcfg, never typed anywhere
    assert gs_double.catalog.featuretypes[("simpul", "jalan_ln_10k")]["nativeName"] == "jalan_ln_10k"


def test_a_postgis_table_from_a_store_the_node_has(gs_double, gs_auth, tmp_path):
    from fixtures_publish import make_authcfg
    uri, ds = _postgis(make_authcfg("db-kugi-2", "gis_writer", "sandi-db"))
    gs_double.add_workspace("simpul")
    gs_double.catalog.stores[("simpul", "pg_kugi")] = {"name": "pg_kugi", "type": "PostGIS", "enabled": True,
                                                      "format": "postgis", "params": {"dbtype": "postgis"},
                                                      "dir": None, "tables": {}}
    report = _run(gs_double, uri, gs_auth, str(tmp_path), dataset=ds, sld=PG_SLD, postgis_store="pg_kugi")
    assert report["result"] == "published", report["message"]
    assert _plan(report)[:2] == [("workspace", "skip"), ("datastore", "skip")]
    assert gs_double.catalog.featuretypes[("simpul", "jalan_ln_10k")]["store"] == "pg_kugi"
    missing = _run(gs_double, uri, gs_auth, str(tmp_path), dataset=ds, sld=PG_SLD, postgis_store="tidak_ada")
    assert missing["result"] == "failed" and "tidak_ada" in missing["message"]


def test_the_workspace_is_never_deleted(gs_double, gs_auth, sample_data_dir, tmp_path):
    gs_double.fail("POST", r"/featuretypes$", "500")
    report = _run(gs_double, _gpkg(sample_data_dir, "tangerang", "SUNGAI_LN_10K"), gs_auth, str(tmp_path))
    assert report["result"] == "failed" and "simulated failure" in report["message"]
    snap = gs_double.snapshot()
    assert snap["workspaces"] == ["simpul"] and snap["stores"] == {} and snap["featuretypes"] == {}
    assert not any(r["method"] == "DELETE" and "/datastores" not in r["path"] and "/styles" not in r["path"]
                   and "/featuretypes" not in r["path"] for r in gs_double.requests)
    assert [c["result"] for c in report["changes"]] == ["done", "rolled_back", "failed", "not_run", "not_run"]


class _CancelWhenPublishing(QgsProcessingFeedback):
    """Armed once the run says it publishes (the metadata generated before — sdi:generatemetadata,
    when the provider is loaded — reports its own progress on the same feedback)."""
    publishing = False

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        self.publishing = self.publishing or text.startswith("Publishing to")
        super().pushInfo(text)


def test_cancel_during_upload_undoes_everything(gs_double, gs_auth, sample_data_dir, tmp_path):
    gs_double.add_workspace("simpul")
    before = gs_double.snapshot()
    feedback = _CancelWhenPublishing()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if feedback.publishing and p >= 10 else None)
    report = _run(gs_double, _gpkg(sample_data_dir, "kalteng", "PENUTUPLAHAN_AR_250K"), gs_auth, str(tmp_path),
                  feedback=feedback)
    assert report["result"] == "canceled" and "undone" in report["message"], report["message"]
    assert gs_double.snapshot() == before


def test_bad_input_is_a_message(gs_double, gs_auth, sample_data_dir, tmp_path):
    missing = _run(gs_double, str(tmp_path / "tidak_ada.gpkg"), gs_auth, str(tmp_path))
    assert missing["result"] == "failed" and "tidak_ada.gpkg" in missing["message"]
    broken = tmp_path / "rusak.gpkg"
    broken.write_bytes(b"this is not a GeoPackage")
    assert _run(gs_double, str(broken), gs_auth, str(tmp_path))["result"] == "failed"
    nocrs = tmp_path / "tanpa_crs"
    nocrs.mkdir()
    stem = os.path.join(sample_data_dir, "tangerang", "JALAN_LN_10K")
    for ext in (".shp", ".shx", ".dbf"):
        shutil.copy(stem + ext, str(nocrs / ("JALAN_LN_10K" + ext)))
    report = _run(gs_double, str(nocrs / "JALAN_LN_10K.shp"), gs_auth, str(tmp_path))
    assert report["result"] == "failed" and "coordinate reference system" in report["message"]
    unknown = publish_dataset(_gpkg(sample_data_dir, "tangerang", "JALAN_LN_10K"), "no-such-node", log_folder="")
    assert unknown["result"] == "failed" and "no-such-node" in unknown["message"]
    assert gs_double.snapshot()["workspaces"] == []
    json.dumps([missing, report, unknown])   # every report is plain JSON
