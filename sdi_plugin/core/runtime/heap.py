"""Handing freed memory back to the system after a large piece of work in a thread.

The C library keeps what a thread freed for that thread's later use (glibc's per-thread
arenas): a worker that once held a large answer, or a round of a database check, would keep
its size in the QGIS process for as long as the thread's arena lives. ``trim()`` gives the free
pages back (glibc's ``malloc_trim``); elsewhere (Windows, macOS) it does nothing.
"""
_TRIM = None


def trim():
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes
            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False   # not glibc (Windows, macOS): nothing to do
    if _TRIM:
        _TRIM(0)
