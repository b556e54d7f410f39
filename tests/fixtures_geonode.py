"""Fixtures for publishing to GeoNode: the GeoNode API v2 test double (tests/geonode_double.py).

* ``geonode_double`` (function): a fresh :class:`GeoNodeDouble` (user ``admin``/``admin``).
* ``gn_auth`` (session): an authcfg (HTTP Basic, admin/admin) in QGIS's auth database.
"""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from geonode_double import GeoNodeDouble  # noqa: E402

__all__ = ["geonode_double", "gn_auth"]


@pytest.fixture
def geonode_double():
    double = GeoNodeDouble()
    yield double
    double.close()


@pytest.fixture(scope="session")
def gn_auth(qgis_app):
    from fixtures_publish import make_authcfg
    return make_authcfg("geonode-double", "admin", "admin")
