"""Fixtures that start the embedded demo node: real pycsw and QGIS Server behind the real
gateway, on a free port of 127.0.0.1, in a temporary work folder (see demo/node.py).

* ``sample_data_dir`` (session): the folder holding the sample data's ``manifest.json``;
  ``resources/sample_data`` when it is present and current (``make sample-data``),
  otherwise generated once into a session temp folder (``SIMPUL_SAMPLE_DIR`` overrides both).
* ``demo_node`` (session): a running ``demo.node.DemoNode``; stopped at the end of the session.
* ``free_port()``: a helper, a TCP port free on 127.0.0.1 a moment ago.
"""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from demo.node import DemoNode, PortInUse, free_port  # noqa: E402,F401  (free_port is re-exported)

QGIS_PYTHON = "/usr/bin/python3"
REPO_SAMPLE_DIR = os.path.join(ROOT, "resources", "sample_data")
GENERATOR = os.path.join(ROOT, "demo", "sample_data.py")

__all__ = ["free_port", "sample_data_dir", "demo_node", "start_demo_node", "REPO_SAMPLE_DIR"]


def _repo_sample_data_current():
    """resources/sample_data is used when its manifest is from the generator's current version
    (``demo.sample_data.is_current``) and not older than the generator's source."""
    manifest = os.path.join(REPO_SAMPLE_DIR, "manifest.json")
    if not os.path.exists(manifest):
        return False
    if not os.path.exists(GENERATOR):
        return True
    if os.path.getmtime(manifest) < os.path.getmtime(GENERATOR):
        return False
    try:
        from demo.sample_data import is_current
    except Exception:  # noqa: BLE001 - a generator that does not import cannot vouch for the data
        return False
    return is_current(REPO_SAMPLE_DIR)


def generate_sample_data(out_dir):
    """Run ``python -m demo.sample_data --out out_dir`` (its own QGIS process)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=ROOT)
    proc = subprocess.run([QGIS_PYTHON, "-m", "demo.sample_data", "--out", out_dir], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, "demo.sample_data failed:\n%s\n%s" % (proc.stdout[-3000:], proc.stderr[-3000:])
    assert os.path.exists(os.path.join(out_dir, "manifest.json")), "demo.sample_data wrote no manifest.json"
    return out_dir


@pytest.fixture(scope="session")
def sample_data_dir(tmp_path_factory):
    """The sample data folder the demo node serves (a path string)."""
    override = os.environ.get("SIMPUL_SAMPLE_DIR")
    if override:
        return os.path.abspath(override)
    if _repo_sample_data_current():
        return REPO_SAMPLE_DIR
    return generate_sample_data(str(tmp_path_factory.mktemp("sample_data")))


def start_demo_node(workdir, sample_dir, attempts=3, **kwargs):
    """Start a DemoNode on a free 127.0.0.1 port (another try if the port was taken meanwhile)."""
    for attempt in range(attempts):
        node = DemoNode(host="127.0.0.1", port=free_port(), workdir=workdir, sample_dir=sample_dir, **kwargs)
        try:
            return node.start()
        except PortInUse:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def demo_node(tmp_path_factory, sample_data_dir):
    """A running embedded demo node (``demo.node.DemoNode``) for the whole session.

    Stable attributes:
      ``base_url``   e.g. ``http://127.0.0.1:41234`` (no trailing slash) — the landing page is
                     ``base_url + "/"``, JSON with ``?f=json``
      ``csw_url``    ``base_url + "/csw"``   pycsw: CSW 2.0.2 and 3.0.0; CSW-T only from 127.0.0.1
      ``ows_url``    ``base_url + "/ows"``   QGIS Server: WMS 1.3.0, WFS 1.1.0/2.0.0
                     (``wms_url`` and ``wfs_url`` are the same URL)
      ``oapif_url``  ``base_url + "/wfs3"``  QGIS Server: OGC API Features
      ``host``, ``port``, ``workdir``, ``sample_dir``
      ``manifest``   the parsed manifest.json; ``datasets`` its ``publish: true`` datasets
      ``record_ids`` identifiers of the seeded catalogue records (= the datasets' metadata_id)
      ``layer_names`` {dataset id: WMS layer name = WFS typename = OGC API collection id}
      ``pids``, ``logs`` the node's processes and their log files

    Tests that change the catalogue (CSW-T) must put it back as they found it.
    """
    workdir = str(tmp_path_factory.mktemp("demo-node"))
    node = start_demo_node(workdir, sample_data_dir)
    try:
        yield node
    finally:
        node.stop()
