"""What every ``sdi:`` algorithm shares: its id and group from two class attributes, instance
creation, the output keys every algorithm names, one cancel check, one way of turning a core
error into Processing's error, and parameter helpers whose optional parts are keyword arguments.

A subclass sets ``NAME`` (the algorithm id without ``sdi:``; a public contract, never rename),
``GROUP`` (one of ``GROUPS``) and ``TITLE`` (English, marked with ``tr_noop``: shown translated),
and writes ``initAlgorithm`` and ``processAlgorithm``.  A subclass that sets ``CHECKS_INPUT``
says plainly why its INPUT layer does not open before Processing's generic message does.

The help texts are data, not code (as QGIS keeps its own algorithms' help in
``processing/algs/help/qgis.yaml``): ``help.json`` beside this file maps each id to its English
paragraphs, which ``tools/i18n.py`` extracts and ``shortHelpString`` shows translated, joined by
a space.
"""
import contextlib
import functools
import json
import os

from qgis.core import (QgsFeatureRequest, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterBoolean, QgsProcessingParameterCrs,
                       QgsProcessingParameterFile, QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsVectorLayer,
                       QgsWkbTypes)

from ..compat import (ProcessingFileParameterBehavior, ProcessingNumberParameterType, ProcessingParameterFlag,
                      ProcessingSourceType)
from ..core.i18n import tr
from ..core.files.safe_output import explain
from ..core.validate.sources import InputError, check_layer, open_ref, ref_for, ref_of_layer


HELP_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "help.json")


@functools.cache
def help_texts():
    """{algorithm id: [English paragraph, …]} from ``help.json``."""
    with open(HELP_FILE, encoding="utf-8") as fh:
        return json.load(fh)


def group_label(group_id):
    """The translated name of a group of the ``sdi`` provider."""
    return {"discover": tr("Discover"), "metadata": tr("Metadata"), "validate": tr("Validate"),
            "publish": tr("Publish")}[group_id]


class SimpulAlgorithm(QgsProcessingAlgorithm):
    NAME = ""
    GROUP = ""
    TITLE = ""
    CHECKS_INPUT = False

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    FEATURE_TYPE = "FEATURE_TYPE"
    METADATA = "METADATA"
    DEFAULTS = "DEFAULTS"
    ASSIGN_CRS = "ASSIGN_CRS"
    TARGET_CRS = "TARGET_CRS"
    TIMEOUT = "TIMEOUT"

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS's name)
        return tr(self.TITLE)

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return " ".join(tr(part) for part in help_texts()[self.NAME])

    def group(self):
        return group_label(self.GROUP)

    def groupId(self):  # noqa: N802 (QGIS's name)
        return self.GROUP

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS's name)
        refused = check_input(self, parameters, context) if self.CHECKS_INPUT else None
        return refused or super().checkParameterValues(parameters, context)

    # -- running ---------------------------------------------------------------------------

    @staticmethod
    def check_canceled(feedback):
        """Stop here with Processing's error when the user canceled."""
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))

    @staticmethod
    @contextlib.contextmanager
    def refused(*errors, path=None):
        """Turn the core's clear messages (``errors``) into Processing's error, without the
        traceback; with ``path``, an OSError is worded for that output file."""
        try:
            yield
        except errors as exc:
            raise QgsProcessingException(explain(exc, path) if path else str(exc)) from None

    def text(self, parameters, name, context):
        """A string parameter, stripped ('' when not given)."""
        return self.parameterAsString(parameters, name, context).strip()

    def crs_or_none(self, parameters, name, context):
        crs = self.parameterAsCrs(parameters, name, context)
        return crs if crs.isValid() else None

    # -- declaring -------------------------------------------------------------------------

    def _add(self, param, advanced=False):
        if advanced:
            param.setFlags(param.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(param)
        return param

    def add_string(self, name, label, default=None, *, multiline=False, optional=False, advanced=False):
        return self._add(QgsProcessingParameterString(name, label, default, multiline, optional), advanced)

    def add_bool(self, name, label, default=False, *, optional=False, advanced=False):
        return self._add(QgsProcessingParameterBoolean(name, label, default, optional), advanced)

    def add_number(self, name, label, default=None, *, integer=False, minimum=None, maximum=None,
                   optional=False, advanced=False):
        kind = ProcessingNumberParameterType.Integer if integer else ProcessingNumberParameterType.Double
        args = [name, label, kind, default, optional]
        if minimum is not None:
            args.append(minimum)
            if maximum is not None:
                args.append(maximum)
        return self._add(QgsProcessingParameterNumber(*args), advanced)

    def add_file(self, name, label, *, extension="", folder=False, optional=False, advanced=False):
        if folder:
            param = QgsProcessingParameterFile(name, label, ProcessingFileParameterBehavior.Folder, optional=optional)
        else:
            param = QgsProcessingParameterFile(name, label, extension=extension, optional=optional)
        return self._add(param, advanced)

    def add_crs(self, name, label, *, optional=False, advanced=False):
        return self._add(QgsProcessingParameterCrs(name, label, optional=optional), advanced)

    def add_destination(self, name, label, file_filter, *, optional=False, advanced=False):
        return self._add(QgsProcessingParameterFileDestination(name, label, file_filter, optional=optional), advanced)

    def add_dataset(self, label=None, source_type=ProcessingSourceType.Vector):
        """The INPUT vector layer (labelled "Dataset" unless ``label``)."""
        return self._add(QgsProcessingParameterVectorLayer(self.INPUT, label or tr("Dataset"), [source_type]))

    def add_feature_type(self):
        """The optional KUGI feature type (FCODE or layer name) of the validate tools."""
        return self.add_string(self.FEATURE_TYPE, tr("KUGI feature type (FCODE or layer name; optional)"),
                               optional=True)

    def add_metadata_file(self):
        """The optional ISO 19139 record of a dataset."""
        return self.add_file(self.METADATA, tr("ISO 19139 metadata file (optional)"), extension="xml",
                             optional=True)

    def add_defaults_file(self):
        """The optional node defaults (JSON) of a generated metadata record."""
        return self.add_file(self.DEFAULTS, tr("Node defaults (JSON)"), extension="json", optional=True)

    def add_target_crs(self):
        """The optional reference system the fix and standardise tools transform to."""
        return self.add_crs(self.TARGET_CRS, tr("Transform to (default: SRGI2013 for legacy datums)"), optional=True)

    def add_assign_crs(self):
        """The optional reference system the fix and standardise tools give data that has none."""
        return self.add_crs(self.ASSIGN_CRS, tr("Reference system to assign when the data has none"), optional=True)

    def add_number_outputs(self, *pairs):
        for key, label in pairs:
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def add_string_outputs(self, *pairs):
        for key, label in pairs:
            self.addOutput(QgsProcessingOutputString(key, label))


# -- the INPUT layer of the validate, fix and standardise tools -----------------------------

def thread_layer(alg, parameters, name, context):
    """(layer, ref) for the INPUT parameter, opened afresh in this thread (project layers
    belong to the GUI thread).  Bad input -> QgsProcessingException with a clear message."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        raw = parameters.get(name)
        raw = raw if isinstance(raw, str) else str(raw or "")
        path = raw.split("|")[0]
        try:
            ref = ref_for(path, _layername(raw))
            return open_ref(ref), ref
        except InputError as exc:
            raise QgsProcessingException(str(exc)) from None
    ref = ref_of_layer(layer)
    try:
        if ref.path or ref.provider == "postgres":
            # a PostGIS table is opened afresh in this thread (not copied): its rules run in the database
            return open_ref(ref), ref
        check_layer(layer, ref.label)
    except InputError as exc:
        raise QgsProcessingException(str(exc)) from None
    # not a file (memory, database): copy its features through the thread-safe source
    source = alg.parameterAsSource(parameters, name, context)
    wkb = QgsWkbTypes.displayString(layer.wkbType()) or "None"
    copy = QgsVectorLayer("%s?crs=%s" % (wkb, layer.crs().authid()), layer.name(), "memory")
    if not layer.crs().authid():
        copy.setCrs(layer.crs())
    copy.dataProvider().addAttributes(list(layer.fields()))
    copy.updateFields()
    copy.dataProvider().addFeatures(list(source.getFeatures(QgsFeatureRequest())))
    return copy, ref


def check_input(alg, parameters, context, name="INPUT"):
    """Say plainly why INPUT does not open (missing, damaged, unsupported) instead of
    Processing's generic 'Incorrect parameter value'."""
    raw = parameters.get(name)
    if isinstance(raw, str) and raw and alg.parameterAsVectorLayer(parameters, name, context) is None:
        try:
            ref_for(raw.split("|")[0], _layername(raw))
        except InputError as exc:
            return False, str(exc)
    return None


def _layername(raw):
    for part in raw.split("|")[1:]:
        if part.startswith("layername="):
            return part[len("layername="):]
    return None
