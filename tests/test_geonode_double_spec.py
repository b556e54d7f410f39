"""The GeoNode test double (tests/geonode_double.py) and Simpul's GeoNode client
(sdi_plugin/core/publish/geonode.py) against what was read in GeoNode's source, recorded in
tests/geonode_spec/geonode_api.json: every route the double answers is there; every request
the client sent in a full scenario (plan, publish, re-publish, rollbacks, OAuth2) used a path
and method listed there, only the query parameters and form/JSON fields listed for it (with the
required ones), and got only status codes listed for it."""
import json
import os
import re


from geonode_double import ROUTES
from sdi_plugin.core.publish import publish_dataset
from sdi_plugin.core.publish.model import Endpoints

SPEC_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "geonode_spec", "geonode_api.json")
with open(SPEC_PATH, encoding="utf-8") as _fh:
    SPEC = json.load(_fh)
OPS = {(e["method"], e["path"]): e for e in SPEC["endpoints"]}


def test_every_entry_names_where_it_comes_from():
    assert len(OPS) == len(SPEC["endpoints"]) >= 10
    for e in SPEC["endpoints"]:
        assert e["sources"], e["path"]
        for src in e["sources"]:
            if "guess" in src:
                assert src["guess"].strip()
                continue
            assert src["path"].startswith("geonode/") and src["what"], src
            assert re.fullmatch(r"[0-9a-f]{40}", src.get("commit", "")) or src.get("index_id"), src
        assert set(e.get("required", [])) <= set(e["fields"]), e["path"]
    from_source = [e for e in SPEC["endpoints"] if any("guess" not in s for s in e["sources"])]
    assert len(from_source) >= 8


def test_every_route_of_the_double_is_in_the_record():
    for method, template, _ in ROUTES:
        assert (method, template) in OPS, "%s %s is not in geonode_api.json" % (method, template)


def _scenario(double, auth, oauth, sample_data_dir, log):
    ep = Endpoints(base_url=double.base_url, geonode=double.base_url)
    gpkg = "%s|layername=JALAN_LN_10K" % os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg")
    kw = dict(authcfg=auth, endpoints=ep, log_folder=log, gate=False, timeout=20)
    assert publish_dataset(gpkg, dry_run=True, **kw)["result"] == "planned"
    assert publish_dataset(gpkg, **kw)["result"] == "published"                    # verify on: detail, listing
    assert publish_dataset(gpkg, overwrite=True, **kw)["result"] == "published"    # asset copy, overwrite
    double.fail("PUT", r"/metadata$", "drop")     # outcome unknown to the client: it puts everything back
    assert publish_dataset(gpkg, overwrite=True, **kw)["result"] == "failed"       # PATCH back, data back
    double.fail("PUT", r"/metadata$", "500")
    assert publish_dataset(gpkg, layer_name="JALAN_BARU", **kw)["result"] == "failed"   # delete + its status
    kw["authcfg"] = oauth
    assert publish_dataset(gpkg, layer_name="JALAN_OAUTH", **kw)["result"] == "published"   # /o/token/


def test_what_the_client_sends_is_in_the_record(geonode_double, gn_auth, sample_data_dir, tmp_path):
    from fixtures_publish import make_oauth2_authcfg
    oauth = make_oauth2_authcfg("gn-spec-oauth2", geonode_double.base_url + "/o/token/", "admin", "admin")
    _scenario(geonode_double, gn_auth, oauth, sample_data_dir, str(tmp_path))
    unknown = [(r["method"], r["path"]) for r in geonode_double.requests if not r["template"]]
    assert not unknown, unknown
    used = geonode_double.used()
    print(sorted((m, t, sorted(v["statuses"]), sorted(v["params"]), sorted(v["fields"])) for (m, t), v in used.items()))
    expected = {("POST", "/api/v2/uploads/upload"), ("GET", "/api/v2/executionrequest/{exec_id}"),
                ("GET", "/api/v2/datasets"), ("GET", "/api/v2/datasets/{pk}"), ("PATCH", "/api/v2/datasets/{pk}"),
                ("PUT", "/api/v2/datasets/{pk}/metadata"), ("DELETE", "/api/v2/resources/{pk}/delete"),
                ("GET", "/api/v2/resource-service/execution-status/{execution_id}"),
                ("GET", "/api/v2/assets/{pk}/download"), ("POST", "/o/token/")}
    assert expected <= set(used), expected - set(used)
    for (method, template), seen in sorted(used.items()):
        op = OPS.get((method, template))
        assert op is not None, "%s %s is not in geonode_api.json" % (method, template)
        statuses = {s for s in seen["statuses"] if s > 0}   # -1/-2: injected faults (no answer)
        assert statuses <= set(op["statuses"]), (method, template, statuses, op["statuses"])
        assert seen["params"] <= set(op["params"]), (method, template, seen["params"])
        assert seen["fields"] <= set(op["fields"]), (method, template, seen["fields"])
    assert any(r.get("injected") for r in geonode_double.requests)
    for r in geonode_double.requests:   # every request carried the fields GeoNode requires
        op = OPS[(r["method"], r["template"])]
        if op.get("required") and r["status"] in (200, 201):
            assert set(op["required"]) <= set(r["fields"]), r


def test_json_bodies_use_the_recorded_fields(geonode_double, gn_auth, sample_data_dir, tmp_path):
    """The PATCH (rollback of a metadata replacement) sends only title and abstract."""
    from sdi_plugin.core.publish.geonode import GeoNodeTarget
    from sdi_plugin.core.publish.target import JournalEntry
    src = os.path.join(sample_data_dir, "latihan", "fcode_salah.gpkg")
    ep = Endpoints(base_url=geonode_double.base_url, geonode=geonode_double.base_url)
    assert publish_dataset(src, authcfg=gn_auth, endpoints=ep, log_folder=str(tmp_path), gate=False,
                           verify=False)["result"] == "published"
    pk = list(geonode_double.snapshot())[0]
    target = GeoNodeTarget(geonode_double.base_url, gn_auth, 20)
    entry = JournalEntry("geonode", "metadata", "x", "restore_metadata", {"pk": pk, "title": "Judul lama",
                                                                         "abstract": "Abstrak lama"})
    assert target.rollback([entry])[0]["result"] == "done"
    patch = [r for r in geonode_double.requests if r["method"] == "PATCH"][-1]
    assert patch["status"] == 200 and patch["fields"] == ["abstract", "title"]
    assert geonode_double.snapshot()[pk]["title"] == "Judul lama"
    assert set(OPS[("PATCH", "/api/v2/datasets/{pk}")]["fields"]) == {"title", "abstract"}
