"""Translation for every user-facing string.

All strings go through :func:`tr` with the single context ``Simpul``; ``tools/i18n.py``
extracts every ``tr("...")`` literal into ``i18n/simpul_<lang>.ts`` and compiles the ``.qm``.
The language follows QGIS's locale unless the user picked one in Simpul's settings
(``simpul/language``: ``""`` = follow QGIS, ``"id"``, ``"en"``).
"""
import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .paths import I18N_DIR

CONTEXT = "Simpul"
LANGUAGES = ("id", "en")
_translator = None


def tr(text):
    """Translate ``text`` (an English literal) into the current UI language."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_noop(text):
    """Mark ``text`` for translation where it is declared but not yet shown (a class attribute
    read before any translator is installed): ``tools/i18n.py`` extracts it as it does ``tr("…")``,
    and :func:`tr` translates it where it is shown."""
    return text


def ui_language():
    """The two-letter language Simpul speaks: its own setting, else QGIS's locale."""
    chosen = QgsSettings().value("simpul/language", "", type=str) or ""
    if chosen in LANGUAGES:
        return chosen
    try:
        loc = QgsApplication.locale() or ""
    except Exception:  # noqa: BLE001 - very old QGIS (no locale()): the default language
        loc = ""
    if not loc:
        loc = QgsSettings().value("locale/userLocale", "en", type=str) or "en"
    return loc[:2].lower()


def install_translator(language=None):
    """Load ``i18n/simpul_<language>.qm`` into the application; returns the language used."""
    global _translator
    remove_translator()
    lang = (language or ui_language())[:2].lower()
    path = os.path.join(I18N_DIR, "simpul_%s.qm" % lang)
    if lang != "en" and os.path.exists(path):
        t = QTranslator()
        if t.load(path):
            QCoreApplication.installTranslator(t)
            _translator = t
            return lang
    return "en"


def current_language():
    """The language of the installed Simpul translator ("id", …), or "en" when none is installed
    (the English source strings are then what the user sees)."""
    lang = _translator.language() if _translator is not None else ""
    return (lang or "en")[:2].lower()


def remove_translator():
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
