"""text.encoding: is the text readable the way readers will decode it?

Shapefiles: the DBF's raw bytes are read here (GDAL would already have decoded, or garbled,
them).  The declared encoding comes from the ``.cpg`` file, else the DBF's language driver
byte; GDAL takes ISO-8859-1 when neither says anything.  A record is reported when its text
is not valid in the declared encoding, or holds non-ASCII bytes with no encoding declared.
Other formats (UTF-8 by definition): text holding U+FFFD or C1 control characters (the marks
of text decoded with the wrong code page) is reported.  Leading or trailing spaces are an info.
"""
import codecs
import os
import re
import struct


from ...compat import FieldType
from ..findings import INFO, WARNING
from ..i18n import tr
from .context import plain
from .rules import finding

# dBASE language driver ids seen in Indonesian data (others are treated as undeclared)
LDID = {0x01: "cp437", 0x02: "cp850", 0x03: "cp1252", 0x57: "cp1252", 0x58: "cp1252",
        0x59: "cp1252", 0x64: "cp852", 0x65: "cp866", 0xC8: "cp1250", 0xC9: "cp1251"}
CPG_ALIASES = {"UTF8": "utf-8", "65001": "utf-8", "1252": "cp1252", "ANSI1252": "cp1252",
               "88591": "latin-1", "ISO88591": "latin-1", "LATIN1": "latin-1", "437": "cp437",
               "850": "cp850", "1250": "cp1250", "1251": "cp1251"}
MOJIBAKE = re.compile("[\ufffd\u0080-\u009f]|\u00e2\u20ac|\u00c3[\u0080-\u00bf]")
BLOCK = 4096          # records read at a time


def cpg_codec(text):
    key = re.sub(r"[\s_\-]", "", (text or "").strip()).upper()
    key = key[len("WINDOWS"):] if key.startswith("WINDOWS") else key
    key = key[len("CP"):] if key.startswith("CP") and key[2:].isdigit() else key
    if key in CPG_ALIASES:
        return CPG_ALIASES[key]
    try:
        return codecs.lookup(text.strip()).name
    except (LookupError, AttributeError):
        return ""


def declared_encoding(shp_path):
    """(codec, where) the Shapefile declares: ('utf-8', '.cpg'), ('cp1252', 'LDID'), ('', '')."""
    base = os.path.splitext(shp_path)[0]
    for ext in (".cpg", ".CPG"):
        if os.path.exists(base + ext):
            with open(base + ext, "rb") as fh:
                text = fh.read(64).decode("ascii", "replace")
            return cpg_codec(text), ".cpg"
    dbf = _dbf_path(shp_path)
    if dbf:
        with open(dbf, "rb") as fh:
            head = fh.read(32)
        if len(head) > 29 and head[29] in LDID:
            return LDID[head[29]], "LDID"
    return "", ""


def _dbf_path(shp_path):
    base = os.path.splitext(shp_path)[0]
    for ext in (".dbf", ".DBF"):
        if os.path.exists(base + ext):
            return base + ext
    return ""


def dbf_records(dbf):
    """Yield (record number, {field: raw bytes}) for the character fields of records that
    hold a byte >= 0x80 (only those can be mis-encoded)."""
    with open(dbf, "rb") as fh:
        head = fh.read(32)
        nrec, hlen, rlen = struct.unpack("<IHH", head[4:12])
        desc = fh.read(hlen - 32)
        fields, offset = [], 1
        for pos in range(0, len(desc) - 31, 32):
            if desc[pos] == 0x0D:
                break
            name = desc[pos:pos + 11].split(b"\0")[0].decode("ascii", "replace")
            kind, length = chr(desc[pos + 11]), desc[pos + 16]
            if kind == "C":
                fields.append((name, offset, length))
            offset += length
        fh.seek(hlen)
        for start in range(0, nrec, BLOCK):
            chunk = fh.read(rlen * min(BLOCK, nrec - start))
            if chunk.isascii():
                continue
            for i in range(len(chunk) // rlen):
                rec = chunk[i * rlen:(i + 1) * rlen]
                if rec.isascii() or rec[:1] == b"*":
                    continue
                raw = {n: rec[o:o + ln].rstrip(b" \0") for n, o, ln in fields}
                raw = {n: v for n, v in raw.items() if not v.isascii()}
                if raw:
                    yield start + i, raw


def _guess(raw):
    for codec in ("utf-8", "cp1252"):
        try:
            raw.decode(codec)
            return codec
        except UnicodeDecodeError:
            continue
    return ""


def check_shapefile(ctx, shp_path):
    dbf = _dbf_path(shp_path)
    if not dbf:
        return
    codec, where = declared_encoding(shp_path)
    found = {}
    for recno, raw in dbf_records(dbf):
        if ctx.canceled():
            return
        bad = {}
        for name, value in raw.items():
            if not codec:
                bad[name] = _guess(value)
            else:
                try:
                    value.decode(codec)
                except UnicodeDecodeError:
                    bad[name] = _guess(value)
        if bad:
            found[recno] = bad
    if not found:
        return
    points = ctx.points(sorted(found))
    for recno in sorted(found):
        bad = found[recno]
        guess = next((g for g in bad.values() if g), "")
        fields = ", ".join(sorted(bad))
        if codec:
            message = tr("Text in {fields} is not valid {codec} although the Shapefile's {where} says so"
                         "{guess}; it will show as garbled characters.").format(
                fields=fields, codec=codec, where=where,
                guess=(" " + tr("(it looks like {codec})").format(codec=guess)) if guess else "")
        else:
            message = tr("Text in {fields} has non-ASCII characters but the Shapefile does not say its "
                         "encoding (no .cpg file){guess}; readers will guess, and guess wrong.").format(
                fields=fields, guess=(" " + tr("(it looks like {codec})").format(codec=guess)) if guess else "")
        ctx.add(finding("text.encoding", message, feature_id=recno, location=points.get(recno, ""),
                        fields=sorted(bad), declared=codec or None, detected=guess or None))


def check_values(ctx, garbled=True):
    """Garbled (mojibake) text and untrimmed text in string fields, one distinct value at a time."""
    spaced = {}
    for key, (_idx, fld) in ctx.fields.items():
        if fld.type() != FieldType.String:
            continue
        bad, pad = [], []
        longest = 0
        db = getattr(ctx, "database", None)
        # in the database: the longest length, and only the values that may be garbled or
        # untrimmed (non-ASCII, or not starting and ending with a visible ASCII character)
        found = db.text_candidates(ctx, fld.name()) if db is not None else None
        if found is not None:
            longest, values = found
        else:
            values = ctx.distinct(fld.name())
        for value in values:
            value = plain(value)
            if not isinstance(value, str) or not value:
                continue
            if len(value) > longest:
                longest = len(value)
            if garbled and not value.isascii() and MOJIBAKE.search(value):
                bad.append(value)
            if value != value.strip():
                pad.append(value)
        ctx.max_lengths[key] = longest
        if bad:
            hits = ctx.fids_with_values(fld.name(), bad)
            points = ctx.points(sorted(hits))
            for fid in sorted(hits):
                ctx.add(finding("text.encoding",
                                tr("Text in {field} looks garbled ('{value}'): it was decoded with the wrong "
                                   "code page.").format(field=fld.name(), value=hits[fid][:60]),
                                severity=WARNING, feature_id=fid, location=points.get(fid, ""),
                                fields=[fld.name()]))
        if pad:
            spaced[fld.name()] = pad
    for name, values in spaced.items():
        hits = ctx.fids_with_values(name, values)
        ctx.add(finding("text.encoding",
                        tr("{count} value(s) of {field} have spaces at the start or end.").format(
                            count=len(hits), field=name), severity=INFO,
                        fix=tr("Trim the text (the Fix dataset tool does this)."), field=name,
                        feature_ids=sorted(hits)[:1000]))


def check_encoding(ctx):
    path = ctx.ref.path
    is_shp = path.lower().endswith(".shp")
    if is_shp:
        check_shapefile(ctx, path)
    check_values(ctx, garbled=not is_shp)
