"""Bounded memory against any answer (issue 11): an endless body and a gzip bomb (a small
transfer that inflates to gigabytes) must cost a fetch no more than its size cap plus 100 MB.
Each fetch runs in a child process that measures its own peak resident memory (VmHWM)."""
import json
import os
import subprocess
import sys

import pytest

from hostile import endless_answer, gzip_bomb

HERE = os.path.dirname(os.path.abspath(__file__))
QGIS_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
CAP_MB = 20
MARGIN_MB = 100


def fetch_in_child(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # the child ends itself well past the limit (exit 3), so a failure never eats the machine
    proc = subprocess.run([QGIS_PYTHON, os.path.join(HERE, "memory_child.py")] + [str(a) for a in args]
                          + [str(CAP_MB + MARGIN_MB + 400)], capture_output=True, text=True, timeout=240, env=env)
    lines = proc.stdout.strip().splitlines()
    assert lines, (proc.returncode, proc.stderr[-3000:])
    return proc.returncode, json.loads(lines[-1])


def hostile_routes(server):
    server.static("/warm-up", b"<ok/>")
    server.routes["/endless"] = endless_answer(server.release)
    server.routes["/gzip-bomb"] = gzip_bomb(server.release, inflated_gb=4)
    server.routes["/gzip-bomb-endless"] = gzip_bomb(server.release)


@pytest.mark.parametrize("route", ["endless", "gzip-bomb", "gzip-bomb-endless"])
def test_hostile_answer_costs_at_most_the_cap_plus_100_mb(scripted_server, route):
    hostile_routes(scripted_server)
    code, seen = fetch_in_child("get", scripted_server.url + "/" + route, CAP_MB * 1024 * 1024, 30)
    assert not seen.get("killed"), seen
    assert code == 0, seen
    assert seen["too_large"] and seen["content_len"] == 0, seen
    assert seen["peak_growth_mb"] <= CAP_MB + MARGIN_MB, seen


@pytest.mark.parametrize("answer", ["endless", "gzip-bomb-endless"])
def test_node_check_of_a_hostile_node_costs_at_most_one_cap_plus_100_mb(scripted_server, answer):
    """sdi:nodeinfo's thirty-odd parallel probes (20 MB cap each) against a node whose every
    path streams without end: the probes do not each hold a cap's worth at once."""
    from sdi_plugin.core.nodes import nodeinfo
    hostile_routes(scripted_server)
    for path in set(nodeinfo.OWS_PATHS + nodeinfo.CSW_PATHS + nodeinfo.WMTS_PATHS + nodeinfo.OAPI_PATHS
                    + nodeinfo.ARCGIS_PATHS + nodeinfo.CKAN_PATHS):
        scripted_server.routes[path or "/"] = (endless_answer(scripted_server.release) if answer == "endless"
                                               else gzip_bomb(scripted_server.release))
    code, seen = fetch_in_child("nodeinfo", scripted_server.url, "-", 5)
    assert not seen.get("killed"), seen
    assert code == 0 and seen["probes"] > 20, seen
    assert seen["peak_growth_mb"] <= CAP_MB + MARGIN_MB, seen


def test_gzip_answer_is_inflated(scripted_server):
    """Simpul asks for gzip itself (so that it can cap the inflated size): what a server
    compresses still arrives as the plain document, in memory and in a file."""
    import gzip
    import zlib
    from hostile import WMS_OK
    from sdi_plugin.core.network.http import http_get, http_request
    scripted_server.static("/gz", gzip.compress(WMS_OK), headers={"Content-Encoding": "gzip"})
    scripted_server.static("/zlib", zlib.compress(WMS_OK), headers={"Content-Encoding": "deflate"})
    scripted_server.static("/bad", b"not gzip at all", headers={"Content-Encoding": "gzip"})
    assert http_get(scripted_server.url + "/gz").content == WMS_OK
    assert http_get(scripted_server.url + "/zlib").content == WMS_OK
    bad = http_get(scripted_server.url + "/bad")
    assert not bad.ok and "compression" in bad.error
    assert http_request("GET", scripted_server.url + "/gz").content == WMS_OK
