"""What a port of Simpul to Qt 6 / QGIS 4 would have to change — our own checker (issue 16).

It looks for what QGIS's own ``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py`` rewrites, by reading the
code's syntax tree and asking the running PyQt5/QGIS what each name is (no list of names kept here):

``pyqt5-import``      ``import PyQt5…`` / ``from PyQt5…`` (use ``qgis.PyQt``)
``exec_``             ``.exec_(…)`` (``exec()`` exists in PyQt5 5.15 and PyQt6)
``qvariant-type``     ``QVariant.String`` and the other ``QVariant`` types (use ``compat.FieldType``)
``unscoped-enum``     ``Qt.AlignLeft`` for ``Qt.AlignmentFlag.AlignLeft`` (any Qt or QGIS class)
``message-level``     ``Qgis.Info`` for ``Qgis.MessageLevel.Info``
``old-qgis-enum``     an enum value reached by an old name or class that QGIS 3.30+ moved into ``Qgis``
                      (``QgsWkbTypes.PolygonGeometry``, ``QgsMapLayerType.VectorLayer``); found from
                      QGIS 3.30 on, where the new enums exist (use ``compat``)
``qaction-qtwidgets`` ``QAction``/``QActionGroup`` imported from ``QtWidgets`` (``QtGui`` in Qt 6; use ``compat``)
``deprecated``        ``qgisAuthDatabaseFilePath()`` (use ``compat.auth_database_path()``)

Each finding carries the replacement text when one is known (``tools/qt6_sweep.py`` applies them).
``sdi_plugin/compat.py`` itself is exempt: it is where the old and new names meet.

    /usr/bin/python3 tools/qt6_check.py [FOLDER ...]     # default sdi_plugin/; exit 1 on findings
"""
import ast
import enum
import os
import sys
from collections import namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from qgis.PyQt import QtCore  # noqa: E402

QT_QGIS_MODULES = ("qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets", "qgis.PyQt.QtNetwork",
                   "qgis.PyQt.QtXml", "qgis.PyQt.QtSvg", "qgis.PyQt.QtPrintSupport", "qgis.PyQt.QtSql",
                   "qgis.core", "qgis.gui", "qgis.analysis")
EXEMPT = {os.path.join("sdi_plugin", "compat.py")}
_SIP_ENUM = type(type(QtCore.Qt.AlignLeft))   # sip's enum metatype (PyQt5)

Finding = namedtuple("Finding", "path line col end_line end_col kind text replacement compat_names")


def _module(name):
    import importlib
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _is_enum_type(obj):
    return isinstance(obj, type) and (isinstance(obj, _SIP_ENUM) or issubclass(obj, enum.Enum))


def _is_enum_member(obj):
    return isinstance(type(obj), _SIP_ENUM) or isinstance(obj, enum.Enum)


def _compat_index():
    """{(type, value) -> "Class.Member"} of the enum values sdi_plugin.compat offers."""
    from sdi_plugin import compat
    index = {}
    for cname, cls in vars(compat).items():
        if isinstance(cls, type) and cls.__module__ == compat.__name__ and cname != "FieldType":
            for mname, value in vars(cls).items():
                if not mname.startswith("_") and _is_enum_member(value):
                    index.setdefault((type(value), value), "%s.%s" % (cname, mname))
    return index


_COMPAT = None


def _compat_for(value):
    global _COMPAT
    if _COMPAT is None:
        _COMPAT = _compat_index()
    try:
        return _COMPAT.get((type(value), value))
    except TypeError:
        return None


def _imported_names(tree):
    """{local name: object} for the names a file imports from Qt/QGIS modules."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in QT_QGIS_MODULES and not node.level:
            mod = _module(node.module)
            if mod is None:
                continue
            for alias in node.names:
                if hasattr(mod, alias.name):
                    names[alias.asname or alias.name] = getattr(mod, alias.name)
    return names


def _python_enum_path(value):
    """``Qgis.GeometryType.Polygon`` for a Python enum member (its canonical spelling)."""
    etype = type(value)
    for name, member in etype.__members__.items():
        if member is value:
            return "%s.%s" % (etype.__qualname__, name)
    return None


def _text(lines, node):
    if node.lineno != node.end_lineno:
        return None
    raw = lines[node.lineno - 1].encode("utf-8")
    return raw[node.col_offset:node.end_col_offset].decode("utf-8")


def check_source(source, path="<string>"):
    """Findings for one file's source text."""
    tree = ast.parse(source, filename=path)
    lines = source.splitlines()
    names = _imported_names(tree)
    parents = {}
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            parents[child] = parent
    found = []

    def add(node, kind, replacement=None, compat_names=()):
        found.append(Finding(path, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, kind,
                             _text(lines, node), replacement, tuple(compat_names)))

    def enum_replacement(value, fallback):
        hit = _compat_for(value)
        if hit:
            return hit, (hit.split(".")[0],)
        return fallback, ()

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "PyQt5" or alias.name.startswith("PyQt5."):
                    add(node, "pyqt5-import")
        elif isinstance(node, ast.ImportFrom):
            if node.module and (node.module == "PyQt5" or node.module.startswith("PyQt5.")):
                add(node, "pyqt5-import")
            if node.module == "qgis.PyQt.QtWidgets" and {a.name for a in node.names} & {"QAction", "QActionGroup"}:
                add(node, "qaction-qtwidgets")
        elif isinstance(node, ast.Attribute):
            if node.attr == "exec_" and isinstance(parents.get(node), ast.Call):
                add(node, "exec_", _text(lines, node)[:-len("exec_")] + "exec" if _text(lines, node) else None)
                continue
            if node.attr == "qgisAuthDatabaseFilePath":
                call = parents.get(node)
                if isinstance(call, ast.Call) and not call.args:
                    found.append(Finding(path, call.lineno, call.col_offset, call.end_lineno, call.end_col_offset,
                                         "deprecated", _text(lines, call), "auth_database_path()",
                                         ("auth_database_path",)))
                continue
            base = node.value
            if isinstance(base, ast.Name) and base.id in names:
                cls = names[base.id]
                if not isinstance(cls, type):
                    continue
                try:
                    value = getattr(cls, node.attr)
                except AttributeError:
                    continue
                if not _is_enum_member(value):
                    continue
                if base.id == "QVariant":
                    add(node, "qvariant-type", "FieldType.%s" % node.attr, ("FieldType",))
                elif isinstance(value, enum.Enum):
                    canonical = _python_enum_path(value)
                    if canonical == "%s.%s" % (base.id, node.attr):
                        # the enum class itself (``QgsMapLayerType.VectorLayer`` on 3.22): old when
                        # QGIS moved it into ``Qgis`` later (compat knows the new name)
                        if _compat_for(value) and base.id != "Qgis":
                            add(node, "old-qgis-enum", *enum_replacement(value, canonical))
                        continue
                    moved = canonical is None or canonical.split(".")[0] != base.id
                    add(node, "old-qgis-enum" if moved else "unscoped-enum", *enum_replacement(value, canonical))
                elif _is_enum_type(cls):
                    continue        # a sip enum class reached directly: scoped already
                else:
                    scope = type(value).__name__
                    kind = "message-level" if base.id == "Qgis" and scope == "MessageLevel" else "unscoped-enum"
                    repl = "%s.%s.%s" % (base.id, scope, node.attr)
                    if getattr(getattr(cls, scope, None), node.attr, None) is None:
                        repl = None
                    compat_repl = _compat_for(value)
                    if compat_repl and kind == "unscoped-enum" and base.id != "Qgis":
                        # QGIS moved it into ``Qgis`` in a later release (3.30+): compat's name
                        add(node, "old-qgis-enum", compat_repl, (compat_repl.split(".")[0],))
                    else:
                        add(node, kind, repl)
            elif (isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name) and base.value.id in names
                  and isinstance(names[base.value.id], type)):
                # ``X.E.Y``: scoped; old when the enum now lives elsewhere under another name
                # (or QGIS moved it into ``Qgis`` in a later release: compat knows the new name)
                etype = getattr(names[base.value.id], base.attr, None)
                if not _is_enum_type(etype):
                    continue
                value = getattr(etype, node.attr, None)
                if not _is_enum_member(value):
                    continue
                old = bool(_compat_for(value)) and base.value.id != "Qgis"
                if isinstance(value, enum.Enum):
                    written = "%s.%s.%s" % (base.value.id, base.attr, node.attr)
                    canonical = "%s.%s" % (etype.__qualname__, node.attr)
                    old = old or written != canonical or etype.__members__.get(node.attr) is not value
                if old:
                    add(node, "old-qgis-enum", *enum_replacement(value, _python_enum_path(value)
                                                                 if isinstance(value, enum.Enum) else None))
    found.sort(key=lambda f: (f.line, f.col))
    return found


def check_file(path, root=ROOT):
    rel = os.path.relpath(path, root)
    if rel in EXEMPT:
        return []
    with open(path, encoding="utf-8") as fh:
        return check_source(fh.read(), rel)


def python_files(folder):
    for dirpath, dirnames, files in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", "resources", "i18n"))
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(dirpath, name)


def check_tree(folder, root=ROOT):
    out = []
    for path in python_files(folder):
        out.extend(check_file(path, root))
    return out


def main(argv=None):
    folders = (argv if argv is not None else sys.argv[1:]) or [os.path.join(ROOT, "sdi_plugin")]
    found = []
    for folder in folders:
        found.extend(check_tree(os.path.abspath(folder)))
    for f in found:
        print("%s:%d:%d: %s: %s%s" % (f.path, f.line, f.col + 1, f.kind, f.text,
                                      " -> %s" % f.replacement if f.replacement else ""))
    files = len({f.path for f in found})
    print("%d finding(s) in %d file(s)" % (len(found), files))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
