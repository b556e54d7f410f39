"""One root for Simpul's exceptions: :class:`SimpulError`.

Every exception class of Simpul derives from it (and keeps the built-in base it had, e.g.
``ValueError`` or ``OSError``, so existing ``except`` clauses still hold). Its message is a
sentence for people, already translated. ``except SimpulError`` catches whatever Simpul
refused on purpose; anything else is a bug (or QGIS's).
"""


class SimpulError(Exception):
    """A problem Simpul explains to people (the message is translated)."""


class Canceled(SimpulError):
    """The user (or the plugin's unload) stopped the work."""
