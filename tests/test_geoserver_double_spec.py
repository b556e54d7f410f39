"""The demo node's GeoServer REST emulation (demo/publish_rest.py, here in the stand-alone test server
tests/geoserver_double.py) against GeoServer's published REST API specification
(Swagger 2.0 files in /work/shared/geoserver-rest-api): every path and method the publish
client used exists in the specification, with the status codes the double answered, and every
query parameter it sent is named as the specification names it. Where the specification lists
no code for what GeoServer does answer, the code is allowed only with its source below."""
import base64
import glob
import json
import os
import urllib.error
import urllib.request

import pytest
import yaml

from demo.publish_rest import ROUTES, SPEC_PATH_ALIASES
from sdi_plugin.core.publish import publish_dataset
from sdi_plugin.core.publish.model import Endpoints

SPEC_DIR = os.environ.get("SIMPUL_GEOSERVER_SPEC", "/work/shared/geoserver-rest-api")
if not os.path.isdir(SPEC_DIR):
    SPEC_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared",
                            "geoserver-rest-api")

# Codes GeoServer answers that the specification does not list for the operation, with where
# GeoServer's source says so (src/restconfig and src/rest of geoserver/geoserver).
EVERYWHERE = {
    401: "Spring Security's HTTP Basic entry point: every REST call without valid credentials "
         "(the specification declares basicAuth security)",
    404: "RestControllerAdvice.handleResourceNotFound: ResourceNotFoundException for a named resource that "
         "does not exist (plain-text message)",
}
DEVIATIONS = {
    ("PUT", "/workspaces/{workspaceName}/datastores/{storeName}/{method}.{format}"): {
        201: "DataStoreFileController.dataStorePut: response.setStatus(HttpStatus.CREATED) after an upload"},
    ("POST", "/workspaces/{workspaceName}/datastores/{storeName}/featuretypes"): {
        500: "catalog.validate(ftInfo, true).throwIfInvalid(): 'Resource named … already exists' → 500",
        400: "FeatureTypeController: 'Trying to create new feature type inside the store, but no attributes'"},
    ("POST", "/workspaces/{workspaceName}/datastores"): {
        500: "catalog.validate(dataStore, true).throwIfInvalid(): 'Store … already exists' → 500"},
    ("POST", "/workspaces/{workspace}/styles"): {
        403: "StyleController.createStyleInfo: RestException('Style … already exists.', FORBIDDEN)",
        500: "StyleController.styleSLDPost: the SLD parser's exception → 500"},
    ("DELETE", "/workspaces/{workspace}/styles/{style}"): {
        403: "StyleController.styleDelete: \"Can't delete style referenced by existing layers.\""},
    ("DELETE", "/workspaces/{workspaceName}/datastores/{storeName}"): {
        403: "DataStoreController.dataStoreDelete: catalog.remove refuses a non-empty store → FORBIDDEN"},
    ("PUT", "/workspaces/{workspace}/styles/{style}"): {
        400: "StyleController.stylePut: RestException('Invalid style:…', BAD_REQUEST)"},
    ("PUT", "/layers/{layerName}"): {500: "an unresolvable default style fails catalog validation → 500"},
}


def _load_spec():
    paths = {}
    for path in sorted(glob.glob(os.path.join(SPEC_DIR, "*.yaml"))):
        with open(path, encoding="utf-8") as fh:
            doc = yaml.load(fh, Loader=yaml.CSafeLoader)   # CSafeLoader takes datastores.yaml's two stray tabs
        for template, ops in (doc.get("paths") or {}).items():
            for method, op in ops.items():
                if method == "parameters" or not isinstance(op, dict):
                    continue
                params = {p.get("name") for p in op.get("parameters", []) if isinstance(p, dict)}
                codes = {int(c) for c in (op.get("responses") or {})}
                paths.setdefault(template, {})[method.upper()] = {"codes": codes, "params": params,
                                                                  "file": os.path.basename(path)}
    return paths


SPEC = _load_spec()


def _spec_op(method, template):
    return SPEC.get(SPEC_PATH_ALIASES.get(template, template), {}).get(method)


def test_the_specification_files_are_there():
    assert len(glob.glob(os.path.join(SPEC_DIR, "*.yaml"))) >= 9, SPEC_DIR
    assert "/workspaces/{workspaceName}/datastores/{storeName}/{method}.{format}" in SPEC


def test_every_route_of_the_double_is_in_the_specification():
    for template, methods in ROUTES:
        for method, handler in methods.items():
            op = _spec_op(method, template)
            assert op is not None, "%s %s is not in the specification" % (method, template)
            if isinstance(handler, int):
                assert handler in op["codes"], (method, template, handler, op["codes"])


def _scenario(double, auth, sample_data_dir, log):
    ep = Endpoints(base_url=double.base_url, geoserver_rest=double.rest_url)
    gpkg = "%s|layername=JALAN_LN_10K" % os.path.join(sample_data_dir, "tangerang", "tangerang.gpkg")
    shp = os.path.join(sample_data_dir, "paser", "ADMINISTRASIKECAMATAN_AR_25K.shp")
    kw = dict(authcfg=auth, endpoints=ep, log_folder=log, gate=False, verify=False, timeout=20)
    assert publish_dataset(gpkg, dry_run=True, **kw)["result"] == "planned"
    assert publish_dataset(gpkg, **kw)["result"] == "published"
    assert publish_dataset(gpkg, overwrite=True, **kw)["result"] == "published"
    assert publish_dataset(shp, **kw)["result"] == "published"
    double.fail("PUT", r"^/layers/", "500")
    assert publish_dataset(shp, overwrite=True, **kw)["result"] == "failed"     # restores what it changed
    double.fail("POST", r"/styles$", "500")
    assert publish_dataset(gpkg, layer_name="JALAN_BARU", **kw)["result"] == "failed"   # deletes what it made
    assert publish_dataset(gpkg, layer_name="JALAN_LN_10K", workspace="lain", **kw)["result"] == "published"


def test_what_the_client_uses_follows_the_specification(gs_double, gs_auth, sample_data_dir, tmp_path):
    _scenario(gs_double, gs_auth, sample_data_dir, str(tmp_path))
    used = gs_double.used()
    print(sorted((m, t, sorted(v['statuses']), sorted(v['params'])) for (m, t), v in used.items()))
    assert len(used) >= 12, sorted(used)
    for (method, template), seen in sorted(used.items()):
        op = _spec_op(method, template)
        assert op is not None, "%s %s is not in the specification" % (method, template)
        allowed = op["codes"] | set(EVERYWHERE) | set(DEVIATIONS.get((method, template), {}))
        statuses = {s for s in seen["statuses"] if s > 0}   # -1/-2: injected faults (no answer)
        assert statuses <= allowed, "%s %s answered %s; the specification (%s) lists %s" % (
            method, template, sorted(statuses - allowed), op["file"], sorted(op["codes"]))
        unknown = set(seen["params"]) - op["params"]
        assert not unknown, "%s %s: parameters %s are not in the specification (%s)" % (
            method, template, sorted(unknown), sorted(op["params"]))


def _call(double, method, path, body=None, ctype="application/json", auth=True):
    headers = {"Accept": "application/json"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(b"admin:geoserver").decode()
    if body is not None:
        headers["Content-Type"] = ctype
        body = json.dumps(body).encode() if isinstance(body, dict) else body
    req = urllib.request.Request(double.rest_url + path, body, headers, method=method)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_status_codes_and_error_bodies_as_geoserver_answers(gs_double):
    status, headers, body = _call(gs_double, "GET", "/workspaces", auth=False)
    assert status == 401 and headers.get("WWW-Authenticate", "").startswith("Basic")
    status, headers, body = _call(gs_double, "POST", "/workspaces", {"workspace": {"name": "palapa"}})
    assert status == 201 and headers["Location"].endswith("/geoserver/rest/workspaces/palapa") and body == b"palapa"
    status, _, body = _call(gs_double, "POST", "/workspaces", {"workspace": {"name": "palapa"}})
    assert status == 409 and b"<title>HTTP Status 409" in body and b"already exists" in body
    status, _, body = _call(gs_double, "GET", "/workspaces/nope.json")
    assert (status, body) == (404, b"No such workspace: 'nope' found")
    status, _, body = _call(gs_double, "GET", "/workspaces/nope.json?quietOnNotFound=true")
    assert (status, body) == (404, b"")
    status, headers, _ = _call(gs_double, "PUT", "/workspaces", {"workspace": {"name": "x"}})
    assert status == 405
    status, _, body = _call(gs_double, "GET", "/workspaces.json")
    assert json.loads(body)["workspaces"]["workspace"][0]["name"] == "palapa"
    status, _, body = _call(gs_double, "GET", "/workspaces/palapa/datastores.json")
    assert (status, json.loads(body)) == (200, {"dataStores": ""})   # GeoServer's empty list
    store = {"dataStore": {"name": "pg", "connectionParameters": {"entry": [{"@key": "dbtype", "$": "postgis"}]}}}
    assert _call(gs_double, "POST", "/workspaces/palapa/datastores", store)[0] == 201
    status, _, body = _call(gs_double, "POST", "/workspaces/palapa/datastores", store)
    assert (status, body) == (500, b"Store 'pg' already exists in workspace 'palapa'")
    status, _, body = _call(gs_double, "PUT", "/workspaces/palapa/datastores/pg/file.gpkg", b"not a geopackage",
                            "application/octet-stream")
    assert status == 500 and (b"GeoPackage" in body or b"Unable" in body)
    status, _, body = _call(gs_double, "POST", "/workspaces", b"<workspace><name>x</name></workspace>", "text/xml")
    assert status == 415   # a documented gap: this double takes JSON only


@pytest.mark.parametrize("name", ["workspaces.yaml", "datastores.yaml", "featuretypes.yaml", "styles.yaml",
                                  "layers.yaml"])
def test_each_specification_file_the_client_relies_on_loads(name):
    with open(os.path.join(SPEC_DIR, name), encoding="utf-8") as fh:
        assert yaml.load(fh, Loader=yaml.CSafeLoader)["swagger"] == "2.0"
