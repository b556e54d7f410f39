"""Run by tests/test_qgis_exit.py in a process of its own: the typical work of a Simpul process
(write and open a GeoPackage, transform coordinates, run Processing algorithms, validate the
sample data's training folder in a QgsTask while a progress bar shows it, a call on Simpul's
worker threads), then exit.

``python3 exit_child.py helper DIR SAMPLE_DIR`` ends through ``core/runtime/qgis_app.stop_qgis`` (what every
script does); ``python3 exit_child.py bare DIR SAMPLE_DIR`` only returns, as the scripts used to — the
way that segfaulted at exit now and then. Prints "WORK-DONE" once the work is done."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sdi_plugin.core.runtime.qgis_app import start_qgis, stop_qgis  # noqa: E402


def work(folder, sample_dir):
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature,
                           QgsGeometry, QgsPointXY, QgsProject, QgsTask, QgsVectorFileWriter, QgsVectorLayer)
    from qgis.PyQt.QtCore import QCoreApplication, QEventLoop
    import processing
    from sdi_plugin.core.network import workers

    mem = QgsVectorLayer("Point?crs=EPSG:4326&field=NAMOBJ:string", "titik", "memory")
    feats = []
    for i in range(50):
        f = QgsFeature(mem.fields())
        f.setAttributes(["titik %d" % i])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(106.8 + i * 0.001, -6.2 - i * 0.001)))
        feats.append(f)
    mem.dataProvider().addFeatures(feats)
    path = os.path.join(folder, "titik.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(mem, path, QgsProject.instance().transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    layer = QgsVectorLayer(path, "titik", "ogr")
    assert layer.isValid() and layer.featureCount() == 50
    QgsProject.instance().addMapLayer(layer)
    # SRGI2013 geographic -> UTM 48S (SRGI2013), both ways
    xform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:9470"), QgsCoordinateReferenceSystem("EPSG:9488"),
                                   QgsProject.instance())
    pt = xform.transform(QgsPointXY(106.8, -6.2))
    back = xform.transform(pt, QgsCoordinateTransform.ReverseTransform)
    assert abs(back.x() - 106.8) < 1e-6
    out = processing.run("native:buffer", {"INPUT": layer, "DISTANCE": 0.001, "OUTPUT": "memory:"})["OUTPUT"]
    assert out.featureCount() == 50
    reproj = processing.run("native:reprojectlayer", {"INPUT": path, "TARGET_CRS": "EPSG:9488",
                                                      "OUTPUT": os.path.join(folder, "utm.gpkg")})["OUTPUT"]
    assert os.path.exists(reproj)
    ended = []

    def count(task):
        fb_xform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                          QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
        return sum(1 for f in QgsVectorLayer(path, "t", "ogr").getFeatures()
                   if fb_xform.transform(f.geometry().asPoint()).x() > 0)

    task = QgsTask.fromFunction("count", count, on_finished=lambda exc, result=None: ended.append(result))
    QgsApplication.taskManager().addTask(task)
    future = workers.pool("exit-test", 2).submit(lambda: QgsVectorLayer(path, "w", "ogr").featureCount())
    from qgis.PyQt.QtWidgets import QProgressBar
    from sdi_plugin.core.runtime.tasks import FunctionTask
    from sdi_plugin.core.validate import validate_batch
    bar = QProgressBar()
    bar.show()
    checked = []
    FunctionTask("validate", lambda fb: validate_batch(os.path.join(sample_dir, "latihan"), feedback=fb)).watch(
        ended=checked.append, progress=lambda v: bar.setValue(int(v))).submit()
    # both ends arrive as events on this thread: wait for events (a busy loop here took the CPU and the
    # GIL from the validation, and from the run beside this one)
    wait = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    while len(ended) < 1 or not checked:
        QCoreApplication.processEvents(wait)
    assert ended == [50], ended
    assert future.result(60) == 50
    # the validation's own outcome is tests/test_validate_*'s business; here it is work that ran
    print("VALIDATED", len(checked[0].result.results) if checked[0].result else checked[0].error, flush=True)
    print("WORK-DONE", flush=True)


if __name__ == "__main__":
    mode, folder, sample_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    start_qgis(gui=True, processing=True)
    work(folder, sample_dir)
    if mode == "helper":
        stop_qgis()
