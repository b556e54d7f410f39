"""The Latihan (training) tab, offscreen, against the live demo node: the checklist shows every
step with its instruction and dataset and ticks itself from what the core observed; Connect
adds the lab node; the trainer's table shows who finished which step; reset clears it."""
import json
import urllib.request

import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt

from sdi_plugin.core.runtime import events
from sdi_plugin.core.training import exercises
from sdi_plugin.core.training import lab
from sdi_plugin.core.nodes.registry import NodeRegistry
from qtwait import wait_for

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))



@pytest.fixture
def page(qgis_app, demo_node):
    from sdi_plugin.gui.lab_page import LabPage
    s = QgsSettings()
    keys = ("simpul/nodes", lab.PARTICIPANT_KEY, lab.LAB_URL_KEY)
    for k in keys:
        s.remove(k)
    exercises.Checklist().reset()
    lab.reset_lab(demo_node.port)
    tracker = exercises.Tracker(exercises.Checklist()).start()
    p = LabPage(tracker=tracker)
    p.resize(440, 1000)
    p.show()
    p.messages = []
    p.message.connect(lambda text, level: p.messages.append(text))
    yield p
    p.shutdown()
    tracker.stop()
    wait_for(lambda: not p.busy() and not tracker.busy(), 10000)
    p.deleteLater()
    QCoreApplication.processEvents()
    for k in keys:
        s.remove(k)
    exercises.Checklist().reset()
    lab.reset_lab(demo_node.port)
    QgsProject.instance().clear()


def test_the_checklist_shows_the_steps_and_ticks_itself(page, demo_node):
    assert list(page.rows) == list(events.STEPS)
    row = page.rows["validate"]
    assert row.tick.text() == "3. Validate" and not row.tick.isChecked()
    assert "DGN95" in row.text.text() and "latihan/crs_dgn95.gpkg" in row.text.text()
    assert page.progress_label.text() == "0 of 6 steps done"
    assert "Not connected" in page.status.text()
    events.observe("validate", dataset="crs_dgn95.gpkg", findings=2)   # not in a training session yet
    lab.set_participant_name("Sari")
    events.observe("validate", dataset="topologi_tumpang_tindih.gpkg", findings=3)   # not this exercise's dataset
    QCoreApplication.processEvents()
    assert not row.tick.isChecked() and page.messages == []
    events.observe("validate", dataset="crs_dgn95.gpkg", findings=2)
    assert wait_for(lambda: row.tick.isChecked())
    assert page.progress_label.text() == "1 of 6 steps done" and "Done" in row.text.text()
    assert page.messages == ["Exercise step done: Validate"]
    assert row.tick.testAttribute(Qt.WA_TransparentForMouseEvents)   # not ticked or unticked by hand
    layer = page.open_dataset()
    assert layer is not None and layer.isValid() and QgsProject.instance().mapLayer(layer.id())
    page.btn_restart.click()
    assert not row.tick.isChecked() and exercises.Checklist().state() == {}


def test_connect_then_progress_reaches_the_trainer_table(page, demo_node):
    page.name_edit.setText("  Budi\tSantoso ")
    page.url_edit.setText(demo_node.base_url.replace("http://", ""))
    task = page.connect_lab()
    assert task is not None
    assert wait_for(lambda: not page.busy())
    assert page.name_edit.text() == "Budi Santoso" and page.url_edit.text() == demo_node.base_url
    assert [n.url for n in NodeRegistry().nodes()] == [demo_node.base_url]
    assert "peserta_budi_santoso" in page.status.text()

    events.observe("discover", records=4, query="jalan")
    assert wait_for(lambda: page.rows["discover"].tick.isChecked() and not page.tracker.busy()
                    and not exercises.Checklist().unsent(demo_node.base_url))
    page.port.setValue(demo_node.port)
    page.refresh_progress()
    assert wait_for(lambda: not page.busy() and page.table.rowCount() == 1)
    assert page.table.item(0, 0).text() == "Budi Santoso"
    assert page.table.item(0, 1).text() == "✓" and page.table.item(0, 2).text() == ""
    assert page.table.item(0, 7).text() == "1/6"

    page.reset_node()
    assert wait_for(lambda: not page.busy())
    assert "clean training state" in page.trainer_status.text()
    assert wait_for(lambda: not page.busy() and page.table.rowCount() == 0)
    with NO_PROXY.open(demo_node.base_url + "/lab?f=json", timeout=10) as resp:
        assert json.loads(resp.read())["participants"] == []


def test_a_bad_address_gives_a_message_not_an_error(page):
    page.url_edit.setText("")
    assert page.connect_lab() is None
    assert page.messages and "address" in page.messages[-1]
    page.url_edit.setText("http://127.0.0.1:9")          # nothing listens: a message, after the task
    page.connect_lab()
    assert wait_for(lambda: not page.busy())
    assert "did not answer" in page.messages[-1]
    assert NodeRegistry().nodes() == []
