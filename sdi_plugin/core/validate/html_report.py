"""The HTML validation report: one self-contained, printable page (a bimtek hand-out).

Summary by rule and severity, a bar chart (inline SVG), a map thumbnail (PNG as a data URI,
drawn by QGIS's renderer), the datasets of a batch, and every finding (up to
``MAX_LISTED``; the JSON report always has them all).  No script, no web font, no request
to the internet; ``@media print`` lays it out for A4.
"""
import html

from ..findings import ERROR, INFO, WARNING
from ..i18n import tr
from ..network.secrets import redact
from .finding_layers import memory_layers, output_crs
from .report import Report, standard_block
from .rules import BY_ID
from .severity import COLOURS, severity_labels
from .sources import InputError, open_ref
from .thumbnail import thumbnail_data_uri

MAX_LISTED = 5000
MAX_THUMBNAILS = 24

CSS = """
:root { --err: %(error)s; --warn: %(warning)s; --info: %(info)s; --ink: #1c2833; --mute: #5d6d7e; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto;
       max-width: 1000px; padding: 24px; font-size: 14px; line-height: 1.45; }
h1 { font-size: 22px; margin: 0 0 4px 0; } h2 { font-size: 17px; margin: 28px 0 8px 0;
     border-bottom: 2px solid #d5d8dc; padding-bottom: 3px; }
.meta { color: var(--mute); font-size: 12.5px; }
.cards { display: flex; gap: 12px; margin: 16px 0 6px 0; flex-wrap: wrap; }
.card { flex: 1 1 120px; border-radius: 6px; padding: 10px 14px; color: #fff; }
.card b { display: block; font-size: 26px; line-height: 1.1; }
.card.error { background: var(--err); } .card.warning { background: var(--warn); }
.card.info { background: var(--info); }
.verdict { font-weight: bold; margin: 10px 0; padding: 8px 12px; border-radius: 4px; }
.verdict.bad { background: #fdedec; color: #922b21; } .verdict.good { background: #e9f7ef; color: #1d6f42; }
table { border-collapse: collapse; width: 100%%; font-size: 12.5px; }
th, td { border: 1px solid #d5d8dc; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f3f4; }
td.n { text-align: right; white-space: nowrap; }
.sev { display: inline-block; border-radius: 3px; padding: 0 5px; color: #fff; font-size: 11.5px; }
.sev.error { background: var(--err); } .sev.warning { background: var(--warn); } .sev.info { background: var(--info); }
code { font-size: 12px; }
.map { border: 1px solid #d5d8dc; max-width: 100%%; height: auto; }
.legend span { margin-right: 14px; font-size: 12px; }
.legend i { display: inline-block; width: 11px; height: 11px; margin-right: 4px; vertical-align: -1px; }
.fix { color: var(--mute); }
footer { margin-top: 28px; color: var(--mute); font-size: 11.5px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  @page { size: A4; margin: 14mm 12mm; }
  h2 { break-after: avoid; } tr, .card, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  .card, .sev, th, .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
""" % COLOURS


def esc(value):
    return html.escape("" if value is None else redact(str(value)))


def chart_svg(summary, width=680):
    """A horizontal stacked bar per rule (errors, warnings, infos), as inline SVG."""
    rows = summary["by_rule_severity"]
    if not rows:
        return ""
    label_w, bar_h, gap, right = 190, 18, 8, 60
    top = 26
    height = top + len(rows) * (bar_h + gap)
    peak = max(sum(v.values()) for v in rows.values()) or 1
    scale = (width - label_w - right) / float(peak)
    labels = severity_labels()
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" '
           'aria-label="%s" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">'
           % (width, height, width, height, esc(tr("Findings by rule and severity")))]
    x = label_w
    for sev in (ERROR, WARNING, INFO):
        out.append('<rect x="%d" y="4" width="11" height="11" fill="%s"/><text x="%d" y="14">%s</text>'
                   % (x, COLOURS[sev], x + 15, esc(labels[sev])))
        x += 110
    for i, (rule_id, counts) in enumerate(rows.items()):
        y = top + i * (bar_h + gap)
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (label_w - 8, y + 13, esc(rule_id)))
        x = float(label_w)
        for sev in (ERROR, WARNING, INFO):
            n = counts.get(sev, 0)
            if not n:
                continue
            w = max(n * scale, 1.5)
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %d</title></rect>'
                       % (x, y, w, bar_h, COLOURS[sev], esc(labels[sev]), n))
            x += w
        out.append('<text x="%.1f" y="%d">%d</text>' % (x + 5, y + 13, sum(counts.values())))
    out.append("</svg>")
    return "".join(out)


def _cards(summary):
    labels = ((ERROR, tr("Errors"), summary["errors"]), (WARNING, tr("Warnings"), summary["warnings"]),
              (INFO, tr("Infos"), summary["infos"]))
    return '<div class="cards">%s</div>' % "".join(
        '<div class="card %s"><b>%d</b>%s</div>' % (sev, n, esc(label)) for sev, label, n in labels)


def _verdict(report, summary):
    if report.canceled:
        return '<p class="verdict bad">%s</p>' % esc(tr("The validation was canceled: this report is incomplete."))
    if summary["errors"]:
        return '<p class="verdict bad">%s</p>' % esc(tr(
            "{n} error(s) must be fixed before the data is shared.").format(n=summary["errors"]))
    return '<p class="verdict good">%s</p>' % esc(tr(
        "No errors: the data meets every rule checked. Look at the warnings before sharing it."))


def _rule_table(summary):
    rows = []
    for rule_id, counts in summary["by_rule_severity"].items():
        rule = BY_ID.get(rule_id)
        rows.append("<tr><td><code>%s</code></td><td>%s</td><td class=n>%d</td><td class=n>%d</td>"
                    "<td class=n>%d</td><td class=fix>%s</td></tr>"
                    % (esc(rule_id), esc(rule.title if rule else rule_id), counts[ERROR], counts[WARNING],
                       counts[INFO], esc(rule.fix if rule else "")))
    if not rows:
        return "<p>%s</p>" % esc(tr("No findings."))
    return ("<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>"
            "<tbody>%s</tbody></table>" % (esc(tr("Rule")), esc(tr("What is checked")), esc(tr("Errors")),
                                           esc(tr("Warnings")), esc(tr("Infos")), esc(tr("How to fix")),
                                           "".join(rows)))


def _datasets_table(report):
    rows = []
    for r in report.results:
        s = r.summary()
        ds = r.dataset
        ft = (ds.get("feature_type") or {}).get("fcode", "")
        rows.append("<tr><td>%s</td><td>%s</td><td>%s</td><td class=n>%s</td><td class=n>%d</td>"
                    "<td class=n>%d</td><td class=n>%d</td></tr>"
                    % (esc(r.label), esc(ft), esc(ds.get("crs", "")), esc(ds.get("feature_count", "")),
                       s["errors"], s["warnings"], s["infos"]))
    return ("<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
            "</tr></thead><tbody>%s</tbody></table>"
            % (esc(tr("Dataset")), esc(tr("FCODE")), esc(tr("Reference system")), esc(tr("Features")),
               esc(tr("Errors")), esc(tr("Warnings")), esc(tr("Infos")), "".join(rows)))


def _findings_table(report):
    labels = severity_labels()
    batch = len(report.results) > 1
    rows = []
    entries = report.entries()
    for n, (r, f) in enumerate(entries[:MAX_LISTED], 1):
        rows.append("<tr><td class=n>%d</td><td><span class=\"sev %s\">%s</span></td><td><code>%s</code></td>%s"
                    "<td class=n>%s</td><td>%s<br><span class=fix>%s</span></td></tr>"
                    % (n, f.severity, esc(labels.get(f.severity, f.severity)), esc(f.rule),
                       "<td>%s</td>" % esc(r.label) if batch else "",
                       esc("" if f.feature_id is None else f.feature_id), esc(f.message), esc(f.fix)))
    head = "<tr><th>#</th><th>%s</th><th>%s</th>%s<th>%s</th><th>%s</th></tr>" % (
        esc(tr("Severity")), esc(tr("Rule")), "<th>%s</th>" % esc(tr("Dataset")) if batch else "",
        esc(tr("Feature")), esc(tr("Finding and fix")))
    more = ""
    if len(entries) > MAX_LISTED:
        more = "<p>%s</p>" % esc(tr("… and {n} more findings: see the JSON report.").format(
            n=len(entries) - MAX_LISTED))
    if not rows:
        return "<p>%s</p>" % esc(tr("No findings."))
    return "<table><thead>%s</thead><tbody>%s</tbody></table>%s" % (head, "".join(rows), more)


def _legend():
    labels = severity_labels()
    return '<p class="legend">%s<span><i style="background:#d5d8dc;border:1px solid #7f8c8d"></i>%s</span></p>' % (
        "".join('<span><i style="background:%s"></i>%s</span>' % (COLOURS[s], esc(labels[s]))
                for s in (ERROR, WARNING, INFO)), esc(tr("Dataset")))


def _maps(report, thumbnails):
    if not thumbnails:
        return ""
    figures = []
    for r in report.results[:MAX_THUMBNAILS]:
        layer = r.layer
        if layer is None and r.ref is not None:
            try:
                layer = open_ref(r.ref)
            except InputError:
                layer = None
        if layer is None and not r.findings:
            continue
        single = Report([r])
        crs = output_crs(single)
        layers, _ = memory_layers(single, crs)
        uri = thumbnail_data_uri(layer, [layers["errors_point"], layers["errors_line"], layers["errors_polygon"]],
                                 crs, (760, 460) if len(report.results) == 1 else (460, 300))
        if uri:
            figures.append('<figure><img class="map" src="%s" alt="%s"><figcaption class="meta">%s</figcaption>'
                           '</figure>' % (uri, esc(tr("Map of {name}").format(name=r.label)), esc(r.label)))
    if not figures:
        return ""
    return "<h2>%s</h2>%s%s" % (esc(tr("Map")), _legend(), "".join(figures))


def render_html(report, thumbnails=True):
    summary = report.summary()
    std = standard_block(report.language)
    ds = report.dataset_block()
    title = tr("Validation report: {name}").format(name=ds.get("label") or ds.get("name", ""))
    parts = ["<!DOCTYPE html>", '<html lang="%s"><head><meta charset="utf-8">' % esc(report.language),
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>%s</title><style>%s</style></head><body>" % (esc(title), CSS),
             "<header><h1>%s</h1>" % esc(title),
             '<p class="meta">%s</p></header>' % "<br>".join(esc(x) for x in (
                 tr("Source: {source}").format(source=ds.get("source", "")),
                 tr("Checked on {date} with {generator} against {standard} {version}").format(
                     date=report.created.replace("T", " ")[:16] + " UTC", generator="Simpul",
                     standard=std["title"], version=std["version"]),
                 " · ".join("%s %s" % (p["title"], p["version"]) for p in std["parts"][1:])))]
    if not report.is_batch and len(report.results) == 1:
        d = report.results[0].dataset
        ft = d.get("feature_type") or {}
        parts.append('<p>%s</p>' % esc(tr("{count} features · {geometry} · {crs} · KUGI {fcode} {layer}").format(
            count=d.get("feature_count", ""), geometry=d.get("geometry", ""), crs=d.get("crs") or tr("no CRS"),
            fcode=ft.get("fcode", tr("feature type unknown")), layer=ft.get("layer", ""))))
    parts += [_cards(summary), _verdict(report, summary),
              "<h2>%s</h2>" % esc(tr("Findings by rule")), chart_svg(summary), _rule_table(summary)]
    if report.is_batch or len(report.results) > 1:
        parts += ["<h2>%s</h2>" % esc(tr("Datasets")), _datasets_table(report)]
    parts.append(_maps(report, thumbnails))
    parts += ["<h2>%s</h2>" % esc(tr("All findings")), _findings_table(report)]
    notes = [n for r in report.results for n in r.notes] + report.skipped
    rules = ", ".join(report.rules_run())
    parts.append("<footer><p>%s</p>%s</footer></body></html>" % (
        esc(tr("Rules run: {rules}.").format(rules=rules)),
        "".join("<p>%s</p>" % esc(n) for n in notes)))
    return "\n".join(p for p in parts if p)


def write_html(report, path, thumbnails=True):
    from ..files.safe_output import html_or_empty, write_text
    text = render_html(report, thumbnails)
    return write_text(path, text, html_or_empty, tr("HTML report"))
