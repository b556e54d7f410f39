"""From a catalogue record to QGIS layers: capabilities, service layers, downloads, styles, layer metadata."""
