"""Simpul's core: network, catalogue, validation, metadata and publishing logic.

Headless by rule: no widget toolkit and nothing from the plugin's gui package is imported
here, so all of it runs under ``qgis_process`` and in tests.
"""
