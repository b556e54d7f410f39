"""Simpul SDI — the Indonesian SDI node toolkit for QGIS (package ``sdi_plugin``)."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """QGIS plugin entry point."""
    from .plugin import SimpulPlugin
    return SimpulPlugin(iface)
