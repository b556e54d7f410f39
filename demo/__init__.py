"""The embedded demo node of Simpul (independent of ``sdi_plugin``).

``python -m demo.node`` starts pycsw and QGIS Server behind one gateway; see demo/README.md.
Nothing here imports QGIS at module level, so the gateway can run in the pycsw venv.
"""
