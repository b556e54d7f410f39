"""ISO 19139 metadata in the Indonesian profile (SNI 8843-1:2019 as Palapa nodes practise it):
generate from a layer, write, read (ISO 19139 and ISO 19115-3), check, store, and keep in step
with QGIS's own layer metadata.

Modules: ``model`` (the record), ``generate`` (from a QgsVectorLayer + node defaults),
``iso_writer`` / ``iso_reader`` / ``iso3_reader`` (XML), ``schema`` + ``check`` (XML Schema and
profile findings), ``storage`` (sidecar XML, GeoPackage metadata tables), ``qgis_metadata``
(QgsLayerMetadata both ways), ``defaults`` (per-node defaults file).
"""
from .check import check_metadata_bytes, check_metadata_file, check_metadata_for_layer  # noqa: F401  (validator)
