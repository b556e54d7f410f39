"""Applies what tools/qt6_check.py finds, in place, so Simpul's code reads the same on QGIS 3.22,
3.40 and QGIS 4 / Qt 6 (issue 16). Repeatable: run it after merging other branches; a second run
changes nothing.

    /usr/bin/python3 tools/qt6_sweep.py [FOLDER ...]      # default sdi_plugin/

What it writes: the scoped spelling of every Qt/QGIS enum value (``Qt.AlignmentFlag.AlignLeft``,
``Qgis.MessageLevel.Info``), ``exec()`` for ``exec_()``, ``qgis.PyQt`` for ``PyQt5``, and names from
``sdi_plugin/compat.py`` for what moved between releases (``FieldType.String`` for
``QVariant.String``, ``GeometryType.Polygon`` for ``QgsWkbTypes.PolygonGeometry``, ``QAction``,
``auth_database_path()``), importing them (``from ..compat import …``) and dropping imports the
rewrite left unused. What it cannot rewrite it lists; then exit status 1.
"""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import qt6_check  # noqa: E402

ROOT = qt6_check.ROOT
WIDTH = 120
COMPAT_MOVES = {"QAction", "QActionGroup"}


def _compat_module(rel):
    """``from ..compat`` for sdi_plugin/gui/x.py; ``sdi_plugin.compat`` outside the package."""
    parts = rel.split(os.sep)
    if parts[0] != "sdi_plugin":
        return "sdi_plugin.compat"
    return "." * (len(parts) - 1) + "compat"


def _byte_to_char(line, col):
    return len(line.encode("utf-8")[:col].decode("utf-8", "replace"))


def _apply_edits(source, findings):
    lines = source.splitlines(keepends=True)
    edits = {}
    skipped = []
    for f in findings:
        if f.kind in ("pyqt5-import", "qaction-qtwidgets"):
            continue            # import statements are rewritten below
        if not f.replacement or f.line != f.end_line:
            skipped.append(f)
            continue
        line = lines[f.line - 1]
        start, end = _byte_to_char(line, f.col), _byte_to_char(line, f.end_col)
        if f.kind == "exec_":
            start, new = end - len("exec_"), "exec"
        else:
            new = f.replacement
        edits.setdefault(f.line - 1, []).append((start, end, new))
    for idx, items in edits.items():
        line = lines[idx]
        for start, end, new in sorted(items, reverse=True):
            line = line[:start] + new + line[end:]
        lines[idx] = line
    return "".join(lines), skipped


def _used_names(tree):
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
        n.value.id for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}


def _format_import(module, names, indent=""):
    names = sorted(set(names), key=lambda n: (n.split(" as ")[0].lower(), n))
    one = "%sfrom %s import %s" % (indent, module, ", ".join(names))
    if len(one) <= WIDTH:
        return one + "\n"
    head = "%sfrom %s import (" % (indent, module)
    out, line = [], head
    for i, name in enumerate(names):
        piece = name + (", " if i < len(names) - 1 else ")")
        if len(line) + len(piece.rstrip()) > WIDTH and line.strip() not in (head.strip(),):
            out.append(line.rstrip() + "\n")
            line = " " * len(head) + piece
        else:
            line += piece
    out.append(line + "\n")
    return "".join(out)


def _rewrite_imports(source, rel, compat_names, unused):
    """Move QAction/QActionGroup and PyQt5 imports, add the compat import, drop unused names."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    compat_mod = _compat_module(rel)
    compat_names = set(compat_names)
    replace = {}            # first line index -> (last line index, new text)
    compat_node = None
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        module = ("." * node.level) + (node.module or "")
        if module in (compat_mod, "sdi_plugin.compat") and compat_node is None:
            compat_node = node
            continue
        names = ["%s as %s" % (a.name, a.asname) if a.asname else a.name for a in node.names]
        new_module = module
        if module == "PyQt5" or module.startswith("PyQt5."):
            new_module = "qgis.PyQt" + module[len("PyQt5"):]
        keep = []
        for a, text in zip(node.names, names):
            local = a.asname or a.name
            if module == "qgis.PyQt.QtWidgets" and a.name in COMPAT_MOVES:
                compat_names.add(text)
            elif module in qt6_check.QT_QGIS_MODULES and local in unused:
                pass
            else:
                keep.append(text)
        if keep == names and new_module == module:
            continue
        indent = lines[node.lineno - 1][:node.col_offset]
        replace[node.lineno - 1] = (node.end_lineno - 1, _format_import(new_module, keep, indent) if keep else "")
    before, after = {}, {}  # line index -> text inserted before / after that line
    if compat_names:
        if compat_node is not None:
            have = ["%s as %s" % (a.name, a.asname) if a.asname else a.name for a in compat_node.names]
            if not set(compat_names) <= set(have):
                replace[compat_node.lineno - 1] = (compat_node.end_lineno - 1,
                                                   _format_import(compat_mod, set(have) | compat_names))
        else:
            imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
            relative = [n for n in imports if isinstance(n, ast.ImportFrom) and n.level]
            text = _format_import(compat_mod, compat_names)
            if relative:                        # first among the package's own imports
                before[relative[0].lineno - 1] = text
            else:                               # after the last import
                after[imports[-1].end_lineno - 1] = text
    out, i = [], 0
    while i < len(lines):
        out.append(before.get(i, ""))
        if i in replace:
            end, text = replace[i]
            out.append(text)
            out.extend(after.get(j, "") for j in range(i, end + 1))
            i = end + 1
        else:
            out.append(lines[i])
            out.append(after.get(i, ""))
            i += 1
    return "".join(out)


def sweep_file(path):
    rel = os.path.relpath(path, ROOT)
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    findings = qt6_check.check_file(path)
    if not findings:
        return False, []
    before = _used_names(ast.parse(source))
    new, skipped = _apply_edits(source, findings)
    compat_names = {n for f in findings if f not in skipped for n in f.compat_names}
    after = _used_names(ast.parse(new))
    unused = before - after
    new = _rewrite_imports(new, rel, compat_names, unused)
    ast.parse(new, filename=path)     # never write a file that does not parse
    if new != source:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(new)
    return new != source, skipped


def main(argv=None):
    folders = (argv if argv is not None else sys.argv[1:]) or [os.path.join(ROOT, "sdi_plugin")]
    changed, left = [], []
    for folder in folders:
        for path in qt6_check.python_files(os.path.abspath(folder)):
            did, skipped = sweep_file(path)
            if did:
                changed.append(os.path.relpath(path, ROOT))
            left.extend(skipped)
    for rel in changed:
        print("rewrote %s" % rel)
    remaining = []
    for folder in folders:
        remaining.extend(qt6_check.check_tree(os.path.abspath(folder)))
    for f in remaining:
        print("%s:%d:%d: %s: %s  (not rewritten: do it by hand)" % (f.path, f.line, f.col + 1, f.kind, f.text))
    print("%d file(s) rewritten, %d finding(s) left" % (len(changed), len(remaining)))
    return 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main())
