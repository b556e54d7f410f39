"""One exception root, one logger (issue 15, item 5)."""
import importlib
import inspect
import logging
import pkgutil

import pytest
from qgis.core import Qgis, QgsApplication

import sdi_plugin
from sdi_plugin.core.errors import Canceled, SimpulError
from sdi_plugin.core.log import TAG, log, log_qgis, swallowed


def _exception_classes():
    for info in pkgutil.walk_packages(sdi_plugin.__path__, "sdi_plugin."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == info.name
                    and not name.startswith("_")):
                yield obj


def test_every_exception_class_of_simpul_derives_from_simpul_error():
    classes = list(_exception_classes())
    assert len(classes) >= 18
    strays = [c.__module__ + "." + c.__name__ for c in classes if not issubclass(c, SimpulError)]
    assert not strays, strays


def test_each_cancel_is_the_one_canceled_and_keeps_its_family():
    from sdi_plugin.core.catalog.client import Canceled as SearchCanceled, CatalogueError
    from sdi_plugin.core.publish.model import Canceled as PublishCanceled, PublishError
    assert issubclass(SearchCanceled, Canceled) and issubclass(SearchCanceled, CatalogueError)
    assert issubclass(PublishCanceled, Canceled) and issubclass(PublishCanceled, PublishError)


def test_old_built_in_bases_still_hold():
    from sdi_plugin.core.files.safe_output import OutputRefused
    from sdi_plugin.core.network.xmlsafe import XmlError
    assert issubclass(XmlError, ValueError) and issubclass(OutputRefused, OSError)


@pytest.fixture
def message_log(qgis_app):
    got = []

    def keep(message, tag, level):
        got.append((message, tag, level))
    QgsApplication.messageLog().messageReceived.connect(keep)
    yield got
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def test_the_logger_writes_to_the_message_log_redacted(message_log):
    assert logging.getLogger("Simpul") is log
    log.warning("connecting with dbname='x' password='s3cret' host=h")
    log_qgis("published", Qgis.Success)
    ours = [m for m in message_log if m[1] == TAG]
    assert ours[0][2] == Qgis.Warning and "s3cret" not in ours[0][0] and "dbname='x'" in ours[0][0]
    assert ours[1] == ("published", TAG, Qgis.Success)


def test_a_swallowed_exception_is_logged_with_its_traceback_at_debug_level(message_log):
    def swallow():
        try:
            {}["missing"]
        except KeyError:
            swallowed("a missing key is fine here")
    swallow()                                  # the default level (INFO): nothing shown
    assert not [m for m in message_log if m[1] == TAG]
    old = log.level
    log.setLevel(logging.DEBUG)
    try:
        swallow()
    finally:
        log.setLevel(old)
    (text, tag, level), = [m for m in message_log if m[1] == TAG]
    assert "a missing key is fine here" in text and "Traceback" in text and "KeyError: 'missing'" in text


def test_a_probe_answer_that_is_no_json_is_not_called_an_xml_error(scripted_server, monkeypatch):
    from sdi_plugin.core.network import xmlsafe
    from sdi_plugin.core.nodes import nodeinfo
    made = []

    class Watched(xmlsafe.XmlError):
        def __init__(self, *args):
            made.append(str(args[0]) if args else "")
            super().__init__(*args)
    monkeypatch.setattr(nodeinfo, "XmlError", Watched)
    scripted_server.static("/api/3/action/status_show", b"<html>not json</html>", ctype="text/html")
    info = nodeinfo.detect_services(scripted_server.url, timeout=3)
    probe = next(p for p in info.probes if p.url.endswith("/api/3/action/status_show"))
    assert probe.message and not probe.ok
    assert not [m for m in made if "JSON" in m or "json" in m], made


def test_one_age_formatter_for_the_cache_and_the_record_view():
    from datetime import datetime, timedelta, timezone

    from sdi_plugin.core.catalog.cache import format_age
    from sdi_plugin.gui.record_view import age_text
    now = datetime.now(timezone.utc)
    assert age_text((now - timedelta(seconds=30)).isoformat()).startswith(format_age(30))
    assert age_text((now - timedelta(days=3, minutes=5)).isoformat()) == "3 days ago"
    assert age_text("not a date") == ""


def test_the_search_panel_offers_the_registry_levels():
    from sdi_plugin.core.nodes import registry
    from sdi_plugin.gui import search_panel
    assert search_panel.LEVELS is registry.LEVELS
