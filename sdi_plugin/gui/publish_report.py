"""How the Publish page words a publish report: the plan's rows and the result (HTML)."""
import html

from ..core.i18n import tr

ACTION_COLOURS = {"create": "#1e8449", "update": "#b9770e", "skip": "#7f8c8d"}
RESULT_COLOURS = {"published": "#1e8449", "planned": "#1f618d", "failed": "#c0392b", "blocked": "#c0392b",
                  "canceled": "#7f8c8d"}


def action_label(action):
    return {"create": tr("create"), "update": tr("update"), "skip": tr("skip")}.get(action, action)


def resource_label(resource):
    return {"workspace": tr("Workspace"), "datastore": tr("Data store"), "featuretype": tr("Feature type"),
            "style": tr("Style"), "layer": tr("Layer"), "record": tr("Catalogue record")}.get(resource, resource)


def result_label(result):
    return {"planned": tr("Planned (nothing changed)"), "published": tr("Published"), "failed": tr("Failed"),
            "blocked": tr("Not published"), "canceled": tr("Canceled")}.get(result, result)


def change_text(change, report):
    text = action_label(change["action"])
    if not report.get("dry_run") and change["result"] != "planned":
        text += " → " + {"done": tr("done"), "failed": tr("failed"), "rolled_back": tr("undone"),
                         "not_run": tr("not run")}.get(change["result"], change["result"])
    return text


def result_html(report, checks_shown=False):
    colour = RESULT_COLOURS.get(report["result"], "#000")
    parts = ["<p><b style='color:%s'>%s</b><br>%s</p>" % (colour, html.escape(result_label(report["result"])),
                                                          html.escape(report.get("message", "")))]
    checks = report.get("verification") or []
    if checks and not checks_shown:   # the page's checklist shows them already
        rows = "<br>".join("<span style='color:%s'>%s</span> %s%s" % (
            "#1e8449" if c["ok"] else "#c0392b", "✔" if c["ok"] else "✘", html.escape(check_label(c["check"])),
            (" — " + html.escape(c["message"])) if c.get("message") else "") for c in checks)
        parts.append("<p>%s<br>%s</p>" % (html.escape(tr("Checked from outside:")), rows))
    links = report.get("links") or {}
    shown = [(tr("WMS"), links.get("wms")), (tr("WFS"), links.get("wfs")),
             (tr("Catalogue record"), links.get("record")), (tr("GeoServer layer (REST)"), links.get("layer_rest"))]
    items = " · ".join("<a href='%s'>%s</a>" % (html.escape(url, quote=True), html.escape(label))
                       for label, url in shown if url)
    if items and report["result"] == "published":
        parts.append("<p>%s %s</p>" % (html.escape(tr("Links:")), items))
    how = (report.get("metadata") or {}).get("source", "")
    if how:
        text = {"file": tr("Metadata: the record file you chose."),
                "stored": tr("Metadata: the record saved with the dataset."),
                "generated": tr("Metadata: generated from the layer (sdi:generatemetadata)."),
                "minimal": tr("Metadata: a minimal record (no full record could be generated from the layer; "
                               "the message log, Simpul tab, says why).")}.get(how, "")
        parts.append("<p>%s %s</p>" % (html.escape(text), html.escape(tr("Record {id}.").format(
            id=report.get("record_id", "")))))
    if report.get("log"):
        parts.append("<p style='color:#666'>%s</p>" % html.escape(tr("Logged in {path}").format(path=report["log"])))
    return "".join(parts)


def check_label(check):
    return {"geoserver_layer": tr("GeoServer has the layer with its style"), "wms": tr("WMS draws the layer"),
            "wfs": tr("WFS returns its features"), "catalogue": tr("the catalogue finds the record"),
            "records": tr("the OGC API catalogue finds the record")}.get(check, check)


def checklist_rows(report):
    """The publish result as a checklist: [(key, ok (True/False/None = not part of this node), text, tooltip)]
    for the layer on the node, its WMS, its WFS and its catalogue record."""
    checks = {c["check"]: c for c in report.get("verification") or []}
    links = report.get("links") or {}
    rows = []

    def row(key, names, text, url=""):
        found = [checks[n] for n in names if n in checks]
        if not found:
            return
        ok = all(c["ok"] for c in found)
        why = "; ".join(c.get("message") or "" for c in found if not c["ok"] and c.get("message"))
        rows.append((key, ok, text + (" — " + why if why else ""), url or found[0].get("url", "")))

    row("layer", ("geoserver_layer", "geonode"), tr("Layer on the node: {name}").format(
        name=report.get("layer") or links.get("wms_layer") or ""), links.get("layer_rest", ""))
    row("wms", ("wms",), tr("WMS draws the layer"), links.get("wms", ""))
    row("wfs", ("wfs",), tr("WFS returns its features"), links.get("wfs", ""))
    row("catalogue", ("catalogue", "records"), tr("Catalogue finds the record {id}").format(
        id=report.get("record_id", "")), links.get("record", ""))
    return rows
