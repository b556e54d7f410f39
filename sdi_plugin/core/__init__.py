"""Simpul's core: network, catalogue, validation, metadata and publishing logic.

Nothing here imports widgets (QtWidgets, qgis.gui or sdi_plugin.gui): it runs headless,
under ``qgis_process`` and in tests.
"""
