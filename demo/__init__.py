"""The embedded demo node of Simpul (independent of ``sdi_plugin``), and the sample data.

``python -m demo.node`` starts pycsw and QGIS Server behind one gateway; see demo/README.md.
This file imports nothing, so ``demo.gateway`` and ``demo.catalogue`` can run in the pycsw
venv (without PyQGIS); ``demo.node``, ``demo.project`` and ``demo.records`` import QGIS only
where they build the project, in a process of its own.
"""
