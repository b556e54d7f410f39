"""Simpul's widgets: thin, they only wire Qt widgets to ``sdi_plugin.core``."""
