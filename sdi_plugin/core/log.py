"""One logger for Simpul: ``logging.getLogger("Simpul")``, shown in QGIS's message log.

Every module logs through :data:`log` (``log.info``, ``log.warning``, …); one handler hands the
records to ``QgsMessageLog`` under the tag :data:`TAG` with the matching QGIS level, after
:func:`~sdi_plugin.core.network.secrets.redact` took any password out. An exception that is
handled on purpose (a cache that may be missing, a nicety that may fail) is logged with
:func:`swallowed` at debug level with its traceback: invisible by default, and shown when the
setting ``simpul/debug`` is true (or the environment variable ``SIMPUL_DEBUG`` is set).
"""
import logging
import os

TAG = "Simpul"
SUCCESS = 25    # between INFO and WARNING: QGIS's "Success" level
logging.addLevelName(SUCCESS, "SUCCESS")
log = logging.getLogger(TAG)


class MessageLogHandler(logging.Handler):
    """Hands log records to ``QgsMessageLog`` (tag "Simpul"), redacted."""

    def emit(self, record):
        try:
            from qgis.core import Qgis, QgsMessageLog

            from .network.secrets import redact
            if record.levelno >= logging.ERROR:
                level = Qgis.MessageLevel.Critical
            elif record.levelno >= logging.WARNING:
                level = Qgis.MessageLevel.Warning
            elif record.levelno == SUCCESS:
                level = Qgis.MessageLevel.Success
            else:
                level = Qgis.MessageLevel.Info
            QgsMessageLog.logMessage(redact(self.format(record)), TAG, level)
        except Exception:  # noqa: BLE001 - logging must never break the work that logs
            self.handleError(record)


def _debug_wanted():
    if os.environ.get("SIMPUL_DEBUG"):
        return True
    try:
        from qgis.core import QgsSettings
        return str(QgsSettings().value("simpul/debug", "false")).lower() in ("1", "true", "yes")
    except Exception:  # noqa: BLE001 - no QGIS settings (yet): the default level
        return False


def setup(read_settings=True):
    """Install the message-log handler once (idempotent); the level follows ``simpul/debug``
    (the plugin calls this when QGIS is up; at import only the environment is read)."""
    if not any(isinstance(h, MessageLogHandler) for h in log.handlers):
        log.addHandler(MessageLogHandler())
        log.propagate = False
    debug = bool(os.environ.get("SIMPUL_DEBUG")) or (read_settings and _debug_wanted())
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    return log


def log_qgis(text, qgis_level=None):
    """Log ``text`` at a QGIS message level (``Qgis.Info``, ``Qgis.Warning`` …): for pages that
    show the same message in their own bar."""
    from qgis.core import Qgis
    level = {Qgis.MessageLevel.Critical: logging.ERROR, Qgis.MessageLevel.Warning: logging.WARNING,
             Qgis.MessageLevel.Success: SUCCESS}.get(qgis_level, logging.INFO)
    log.log(level, "%s", text)


def swallowed(what):
    """Log an exception handled on purpose (call inside ``except``): debug level, with traceback."""
    log.debug("%s", what, exc_info=True)


setup(read_settings=False)
