"""Waiting in tests without sleeping: spin Qt's event loop until a condition holds."""
from qgis.PyQt.QtCore import QEventLoop, QTimer


def wait_for(predicate, timeout_ms=30000):
    """Spin the event loop until ``predicate()`` is true, at most ``timeout_ms``; returns its
    last value (so ``assert wait_for(...)`` fails with the condition still false)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if predicate() else None)
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    if not predicate():
        loop.exec_()
    timer.stop()
    return predicate()
