"""A page's message reaches QGIS's message bar once (issue 11, item 8): the pages emit
``message``, the plugin routes it to the bar (SimpulPlugin._push_message, wired as in
plugin.py), and the page does not push it a second time itself."""
from qgis.core import Qgis
from qgis.gui import QgsMapCanvas, QgsMessageBar

from sdi_plugin.plugin import SimpulPlugin


class CountingBar(QgsMessageBar):
    """QGIS's message bar, counting what it is asked to show (QGIS 3.22 merges two identical
    messages in a row on screen; QGIS 3.40 and a message of another duration do not)."""

    def __init__(self):
        super().__init__()
        self.pushed = []

    def pushMessage(self, *args):  # noqa: N802 (QGIS's name)
        self.pushed.append(args[1] if len(args) > 1 else args[0])
        return super().pushMessage(*args)

    def pushWarning(self, title, text):  # noqa: N802
        self.pushed.append(text)
        return super().pushWarning(title, text)

    def pushInfo(self, title, text):  # noqa: N802
        self.pushed.append(text)
        return super().pushInfo(title, text)

    def pushCritical(self, title, text):  # noqa: N802
        self.pushed.append(text)
        return super().pushCritical(title, text)

    def pushSuccess(self, title, text):  # noqa: N802
        self.pushed.append(text)
        return super().pushSuccess(title, text)


class BarIface:
    """The parts of QGIS's iface the pages and the plugin's routing use, as real widgets."""

    def __init__(self):
        self.canvas = QgsMapCanvas()
        self.bar = CountingBar()

    @property
    def pushed(self):
        return self.bar.pushed

    def mapCanvas(self):  # noqa: N802 (QGIS's name)
        return self.canvas

    def messageBar(self):  # noqa: N802 (QGIS's name)
        return self.bar


def test_a_validate_message_shows_once(qgis_app):
    from sdi_plugin.gui.validate_page import ValidatePage
    iface = BarIface()
    page = ValidatePage(iface=iface)
    plugin = SimpulPlugin(iface)                 # routed as plugin.py does
    page.message.connect(plugin._push_message)
    try:
        page.set_checked([])
        page.path.setText("")
        page.run()
        shown = iface.pushed
        assert len(shown) == 1 and "Tick at least one layer" in shown[0], shown
    finally:
        page.shutdown()


def test_a_metadata_warning_shows_once(qgis_app):
    from sdi_plugin.gui.metadata_page import MetadataPage
    iface = BarIface()
    page = MetadataPage(iface=iface)
    plugin = SimpulPlugin(iface)                 # routed as plugin.py does
    page.message.connect(plugin._push_message)
    page._say("Berkas bawaan rusak.", Qgis.Warning)
    assert iface.pushed == ["Berkas bawaan rusak."]


def test_a_page_message_carries_no_password(qgis_app):
    from sdi_plugin.gui.metadata_page import MetadataPage
    page = MetadataPage()
    said = []
    page.message.connect(lambda text, level: said.append(text))
    page._say("dbname='gis' host=127.0.0.1 password='Rahasia-9' table=\"public\".\"T\" (geom) gagal dibuka",
              Qgis.Warning)
    assert said and "Rahasia-9" not in said[0] and "Rahasia-9" not in page.status.text()
