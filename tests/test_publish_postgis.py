"""Publishing a table of a real PostGIS database (tests/fixtures_postgis.py) to the node as a
PostGIS store through the GeoServer REST double: the store's connection parameters are the
database's, the password comes from the layer's authcfg and is written nowhere else."""
import json
import os

from sdi_plugin.core.publish import publish_dataset
from sdi_plugin.core.publish.model import Endpoints


def _walk_text(folder):
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as fh:
                yield name, fh.read().decode("utf-8", "replace")


def test_a_real_postgis_table_is_published_as_a_postgis_store(postgis_db, gs_double, gs_auth, tmp_path):
    uri = postgis_db.uri("topo_overlap", "PERSIL_AR_1K", authcfg=postgis_db.authcfg())
    assert postgis_db.password not in uri
    before = postgis_db.sql('SELECT md5(string_agg(t::text, \'|\' ORDER BY fid)) FROM topo_overlap."PERSIL_AR_1K" t')
    ep = Endpoints(base_url=gs_double.base_url, geoserver_rest=gs_double.rest_url)
    report = publish_dataset(uri, authcfg=gs_auth, endpoints=ep, log_folder=str(tmp_path / "log"), timeout=20,
                             gate=False, verify=False)
    assert report["result"] == "published", report["message"]
    assert report["dataset"]["format"] == "PostGIS" and report["dataset"]["feature_count"] == 80
    (ws, name), store = next(iter(gs_double.catalog.stores.items()))
    assert store["type"] == "PostGIS"
    params = store["params"]
    assert {k: params[k] for k in ("dbtype", "host", "port", "database", "schema", "user", "passwd")} == {
        "dbtype": "postgis", "host": "127.0.0.1", "port": str(postgis_db.port), "database": "simpul",
        "schema": "topo_overlap", "user": postgis_db.user, "passwd": postgis_db.password}
    ft = gs_double.catalog.featuretypes[(ws, "PERSIL_AR_1K")]
    assert ft["nativeName"] == "PERSIL_AR_1K" and ft["store"] == name
    # the password went to the node's store registration only: not in the report, the logs, other requests
    assert postgis_db.password not in json.dumps(report)
    for fname, text in _walk_text(str(tmp_path)):
        assert postgis_db.password not in text, fname
    carrying = [r for r in gs_double.requests if postgis_db.password in json.dumps(r, default=str)]
    assert all(r["method"] in ("POST", "PUT") and r["path"].endswith("/datastores") or
               "/datastores/" in r["path"] for r in carrying)
    # the source table was only read
    assert postgis_db.sql('SELECT md5(string_agg(t::text, \'|\' ORDER BY fid)) FROM topo_overlap."PERSIL_AR_1K" t') \
        == before
