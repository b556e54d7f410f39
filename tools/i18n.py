#!/usr/bin/env python3
"""Simpul's translations: extract every ``tr("...")`` literal and the texts kept as data (the
Processing help, ``help.json``), keep ``i18n/*.ts`` in step, compile ``.qm`` with lrelease, and
check nothing is untranslated or stale.

    tools/i18n.py update    refresh i18n/simpul_<lang>.ts from the sources (keeps translations)
    tools/i18n.py release   compile every .ts into its .qm
    tools/i18n.py check     exit 1 if a string lacks a translation or a .qm is stale
    tools/i18n.py todo      list the strings still to translate (tab-separated: lang, source)
    tools/i18n.py import F  take translations from F, lines "lang<TAB>source<TAB>translation"

All strings use one context, ``Simpul`` (see sdi_plugin/core/i18n.py).
"""
import ast
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = [os.path.join(ROOT, "sdi_plugin")]
I18N = os.path.join(ROOT, "i18n")
LANGS = ["id"]
CONTEXT = "Simpul"
# text kept as data, not code: file name -> its English strings (sdi_plugin/processing/help.json:
# {algorithm id: [paragraph, …]}, shown through tr() by the Processing base class)
DATA_FILES = {"help.json": lambda doc: [part for parts in doc.values() for part in parts]}


def source_files():
    for base in SOURCES:
        for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__",)
                                 and not os.path.islink(os.path.join(dirpath, d)))
            for f in sorted(filenames):
                if f.endswith(".py") or f in DATA_FILES:
                    yield os.path.join(dirpath, f)


def extract():
    """Ordered {text: [(relpath, line), ...]} of every tr("literal") / tr_noop("literal") call,
    and of the strings of the DATA_FILES (line 0)."""
    found = {}
    for path in source_files():
        rel = os.path.relpath(path, I18N)
        with open(path, encoding="utf-8") as fh:
            if not path.endswith(".py"):
                for text in DATA_FILES[os.path.basename(path)](json.load(fh)):
                    found.setdefault(text, []).append((rel, 0))
                continue
            tree = ast.parse(fh.read(), path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            if name not in ("tr", "tr_noop"):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, []).append((rel, node.lineno))
    return found


def ts_path(lang):
    return os.path.join(I18N, "simpul_%s.ts" % lang)


def qm_path(lang):
    return os.path.join(I18N, "simpul_%s.qm" % lang)


def read_ts(lang):
    """{source: translation or None (unfinished)}"""
    path = ts_path(lang)
    out = {}
    if not os.path.exists(path):
        return out
    root = ET.parse(path).getroot()
    for msg in root.iter("message"):
        src = msg.findtext("source") or ""
        tr_el = msg.find("translation")
        text = tr_el.text if tr_el is not None else None
        unfinished = tr_el is None or tr_el.get("type") in ("unfinished", "obsolete", "vanished")
        out[src] = None if (unfinished or not text) else text
    return out


def write_ts(lang, strings, translations):
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for src, places in strings.items():
        msg = ET.SubElement(ctx, "message")
        for rel in sorted({rel for rel, _line in places}):
            ET.SubElement(msg, "location", filename=rel)
        ET.SubElement(msg, "source").text = src
        tr_el = ET.SubElement(msg, "translation")
        text = translations.get(src)
        if text:
            tr_el.text = text
        else:
            tr_el.set("type", "unfinished")
    ET.indent(root)
    data = b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
    with open(ts_path(lang), "wb") as fh:
        fh.write(data)


def update():
    strings = extract()
    for lang in LANGS:
        write_ts(lang, strings, read_ts(lang))
    print("i18n: %d strings, %s" % (len(strings), ", ".join(
        "%s: %d to translate" % (l, len(todo(l, strings))) for l in LANGS)))


def todo(lang, strings=None):
    strings = extract() if strings is None else strings
    have = read_ts(lang)
    return [s for s in strings if not have.get(s)]


def lrelease(ts, qm):
    exe = "lrelease"
    for cand in ("/usr/lib/qt5/bin/lrelease", "/usr/bin/lrelease"):
        if os.path.exists(cand):
            exe = cand
            break
    subprocess.run([exe, "-silent", "-nounfinished", ts, "-qm", qm], check=True)


def release():
    for lang in LANGS:
        # compiled beside, then renamed over the old file: a running QGIS maps the .qm it loaded,
        # and rewriting that file in place crashes it
        tmp = qm_path(lang) + ".new"
        lrelease(ts_path(lang), tmp)
        os.replace(tmp, qm_path(lang))
    print("i18n: compiled %s" % ", ".join(os.path.basename(qm_path(l)) for l in LANGS))


def problems():
    """Human-readable list of what is wrong (empty when all is well)."""
    out = []
    strings = extract()
    for lang in LANGS:
        have = read_ts(lang)
        missing = [s for s in strings if s not in have]
        if missing:
            out.append("%s: %d strings not in %s (run 'make i18n-update'): %s" % (
                lang, len(missing), os.path.basename(ts_path(lang)), "; ".join(missing[:5])))
        untranslated = [s for s in strings if s in have and not have[s]]
        if untranslated:
            out.append("%s: %d strings without a translation: %s" % (
                lang, len(untranslated), "; ".join(untranslated[:5])))
        with tempfile.TemporaryDirectory() as tmp:
            fresh = os.path.join(tmp, "x.qm")
            lrelease(ts_path(lang), fresh)
            with open(fresh, "rb") as a:
                new = a.read()
            old = open(qm_path(lang), "rb").read() if os.path.exists(qm_path(lang)) else b""
            if new != old:
                out.append("%s: %s is stale (run 'make i18n')" % (lang, os.path.basename(qm_path(lang))))
    return out


def main(argv):
    cmd = argv[1] if len(argv) > 1 else "check"
    if cmd == "update":
        update()
    elif cmd == "release":
        release()
    elif cmd == "todo":
        for lang in LANGS:
            for s in todo(lang):
                print("%s\t%s" % (lang, s))
    elif cmd == "import":
        strings = extract()
        new = {}
        with open(argv[2], encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 3 and parts[2].strip():
                    new.setdefault(parts[0], {})[parts[1].replace("\\n", "\n")] = parts[2].replace("\\n", "\n")
        for lang in LANGS:
            have = read_ts(lang)
            have.update(new.get(lang, {}))
            write_ts(lang, strings, have)
        print("i18n: imported; %s" % ", ".join("%s: %d to translate" % (l, len(todo(l, strings))) for l in LANGS))
    elif cmd == "check":
        errs = problems()
        for e in errs:
            print(e)
        return 1 if errs else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
