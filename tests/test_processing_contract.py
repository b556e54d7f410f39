"""The Processing contract of every ``sdi:`` algorithm: ids, parameter names, types, defaults,
optional/advanced flags and output names are public (README) and must never change by a
refactor.  ``tests/data/processing/contract.json`` records them; this test compares.

To ADD an algorithm, parameter or output (allowed), regenerate the file with
``SIMPUL_WRITE_CONTRACT=1`` and review the diff: it must only add lines."""
import json
import os

from qgis.core import QgsProcessingParameterDefinition

CONTRACT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "processing", "contract.json")


def _plain(value):
    """A parameter default as JSON (QGIS hands back str, numbers, bools, lists or None)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return repr(value)


def describe(alg):
    params = []
    for p in alg.parameterDefinitions():
        entry = {"name": p.name(), "type": p.type(), "default": _plain(p.defaultValue()),
                 "optional": bool(p.flags() & QgsProcessingParameterDefinition.FlagOptional),
                 "advanced": bool(p.flags() & QgsProcessingParameterDefinition.FlagAdvanced)}
        if hasattr(p, "options"):
            entry["options"] = len(p.options())
        if hasattr(p, "allowMultiple"):
            entry["multiple"] = bool(p.allowMultiple())
        if hasattr(p, "extension"):
            entry["extension"] = p.extension()
        if hasattr(p, "minimum") and hasattr(p, "maximum"):
            entry["range"] = [p.minimum(), p.maximum()]
        if hasattr(p, "dataType"):
            entry["data_type"] = int(p.dataType())
        params.append(entry)
    outputs = [{"name": o.name(), "type": o.type()} for o in alg.outputDefinitions()]
    return {"id": alg.id(), "group_id": alg.groupId(), "parameters": params, "outputs": outputs}


def contract(provider):
    return {a.id(): describe(a) for a in sorted(provider.algorithms(), key=lambda a: a.id())}


def test_every_algorithm_keeps_its_contract(sdi_provider):
    now = contract(sdi_provider)
    if os.environ.get("SIMPUL_WRITE_CONTRACT"):
        with open(CONTRACT, "w", encoding="utf-8") as fh:
            json.dump(now, fh, indent=1, sort_keys=True)
            fh.write("\n")
    with open(CONTRACT, encoding="utf-8") as fh:
        recorded = json.load(fh)
    assert sorted(now) == sorted(recorded)
    for alg_id, expected in recorded.items():
        assert now[alg_id] == expected, alg_id


def test_the_contract_file_covers_every_algorithm_class(sdi_provider):
    from sdi_plugin.processing.provider import algorithm_classes
    with open(CONTRACT, encoding="utf-8") as fh:
        recorded = json.load(fh)
    assert sorted("sdi:" + cls().name() for cls in algorithm_classes()) == sorted(recorded)
    assert len(recorded) >= 9


def test_every_algorithm_has_its_help_text_and_no_other(sdi_provider):
    """help.json (the help as data) holds one entry per algorithm id, each shown whole."""
    from sdi_plugin.processing.base import help_texts
    from sdi_plugin.processing.provider import algorithm_classes
    ids = sorted(cls().name() for cls in algorithm_classes())
    assert sorted(help_texts()) == ids
    for cls in algorithm_classes():
        alg = cls()
        parts = help_texts()[alg.name()]
        assert parts and all(p.strip() for p in parts), alg.name()
        assert alg.shortHelpString() == " ".join(parts)     # no translator installed: the English
