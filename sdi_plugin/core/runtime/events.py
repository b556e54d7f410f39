"""A tiny observer: the core says what really happened, whoever cares listens.

The core calls :func:`observe` at the places where a step of the training exercises truly
happens (a search returned records, a layer loaded, a validation ran, a fix was written,
metadata was saved, a publish succeeded); the exercise checklist (``core/training/exercises.py``)
subscribes. Plain Python, no Qt: ``observe`` may be called from any thread (QgsTask workers,
the search pool); a subscriber that needs the GUI thread must hand over itself. A failing
subscriber never breaks the work that was observed.
"""
import threading

STEPS = ("discover", "load", "validate", "fix", "metadata", "publish")

_subscribers = []
_lock = threading.Lock()


def subscribe(callback):
    """Call ``callback(step, detail_dict)`` on every observed step; returns ``callback``."""
    with _lock:
        if callback not in _subscribers:
            _subscribers.append(callback)
    return callback


def unsubscribe(callback):
    with _lock:
        if callback in _subscribers:
            _subscribers.remove(callback)


def observe(step, **detail):
    """Report that ``step`` (one of :data:`STEPS`) happened, with a little ``detail``."""
    with _lock:
        listeners = list(_subscribers)
    for callback in listeners:
        try:
            callback(step, redact_all(dict(detail)))
        except Exception as exc:  # noqa: BLE001 - an observer must never break the observed work
            _log("Simpul: an observer of '%s' failed: %r" % (step, exc))


def redact_all(detail):
    from ..network.secrets import redact_all as redact_doc
    return redact_doc(detail)


def _log(text):
    from ..log import log
    log.info("%s", text)
