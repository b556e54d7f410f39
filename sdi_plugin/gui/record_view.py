"""A catalogue record, readable: title, abstract, keywords, organisation, contact, dates,
bounding box, CRS, lineage, constraints and links, in the UI language, with a "Load" link
for every link Simpul can turn into a layer."""
import html

from qgis.PyQt.QtCore import QDateTime, QLocale, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ..core.catalog.cache import age_seconds, format_age
from ..core.i18n import tr
from ..core.loading.loader import LOADABLE, link_kind

LOAD_SCHEME = "simpul-load"


def _e(text):
    return html.escape(str(text or ""))


def _paragraphs(text):
    parts = [p.strip() for p in str(text or "").split("\n\n") if p.strip()]
    return "".join("<p style='margin:0 0 6px 0'>%s</p>" % _e(p).replace("\n", "<br>") for p in parts)


def age_text(iso):
    """'3 days ago' style age of an ISO timestamp (the cache's :func:`format_age`), or ''."""
    seconds = age_seconds(iso)
    return "" if seconds is None else tr("{age} ago").format(age=format_age(seconds))


def local_time(iso):
    dt = QDateTime.fromString(str(iso or ""), Qt.DateFormat.ISODate)
    return QLocale().toString(dt.toLocalTime(), QLocale.FormatType.ShortFormat) if dt.isValid() else str(iso or "")


def kind_label(kind):
    return {"WMS": tr("WMS map"), "WMTS": tr("WMTS tiles"), "WFS": tr("WFS features"), "WCS": tr("WCS coverage"),
            "OAPIF": tr("OGC API features"), "ArcGIS MapServer": tr("ArcGIS map service"),
            "ArcGIS FeatureServer": tr("ArcGIS feature service"), "download": tr("Download"),
            "metadata": tr("Metadata document")}.get(kind, tr("Web page"))


def _dates(record):
    labels = {"publication": tr("published"), "revision": tr("revised"), "creation": tr("created"),
              "metadata": tr("metadata")}
    dates = dict(getattr(record, "dates", None) or {})
    if not dates and record.date:
        return _e(record.date)
    return "<br>".join("%s: %s" % (_e(labels.get(k, k)), _e(v)) for k, v in dates.items() if v)


def _crs_text(codes):
    out = []
    for code in codes or []:
        try:
            from ..core.standards.pack import crs_status
            status = crs_status(code)
            name = status.name or code
            note = {"accepted": tr("national reference"), "warning": tr("accepted"),
                    "flagged": tr("legacy datum")}.get(status.status, "")
            out.append("%s (%s)%s" % (_e(name), _e(code), " — <i>%s</i>" % _e(note) if note else ""))
        except Exception:  # noqa: BLE001 - the standards pack is optional for display
            out.append(_e(code))
    return "<br>".join(out)


def _block(label, value_html):
    return "<p style='margin:8px 0 2px 0'><b>%s</b></p>%s" % (_e(label), value_html) if value_html else ""


def _links_html(record):
    items = []
    for i, lk in enumerate(record.links or []):
        kind = link_kind(lk)
        label = "<b>%s</b>" % _e(kind_label(kind)) + (" · %s" % _e(lk.name) if lk.name else "")
        action = ("<a href='%s:%d'>%s</a>" % (LOAD_SCHEME, i, _e(tr("Load"))) if kind in LOADABLE else
                  "<a href='%s'>%s</a>" % (_e(lk.url), _e(tr("Open"))))
        desc = "<br><span style='color:#555'>%s</span>" % _e(lk.description) if lk.description else ""
        items.append("<li>%s — %s<br><small>%s</small>%s</li>" % (label, action, _e(lk.url), desc))
    if not items:
        return "<p><i>%s</i></p>" % _e(tr("This record has no links."))
    return "<ul style='margin-left:-20px;margin-top:0'>%s</ul>" % "".join(items)


def record_html(record):
    """The record as HTML for a QTextBrowser (links to load are ``simpul-load:<index>``): title and
    node badge, abstract, links, the short facts, keywords, lineage."""
    rows = []

    def row(label, value_html):
        if value_html:
            rows.append("<tr><td valign='top' style='color:#555;padding-right:8px'><nobr>%s</nobr></td>"
                        "<td valign='top'>%s</td></tr>" % (_e(label), value_html))

    badge = "<span style='background:#1f5f8b;color:white'>&nbsp;%s&nbsp;</span>" % _e(
        record.node_name or record.node_id or tr("unknown node"))
    head = ["<h3 style='margin:0 0 4px 0'>%s</h3><p>%s" % (_e(record.title or record.identifier), badge)]
    others = [d.get("node_name") or d.get("node_id") for d in getattr(record, "duplicates", None) or []]
    if others:
        head.append(" %s %s" % (_e(tr("also at")), _e(", ".join(o for o in others if o))))
    if getattr(record, "from_cache", False):
        age = age_text(record.harvested)
        head.append(" <i style='color:#7d6608'>%s</i>" % _e(
            tr("from the offline cache, harvested {age}").format(age=age) if age else tr("from the offline cache")))
    head.append("</p>")
    row(tr("Organisation"), _e(record.organisation))
    row(tr("Contact"), _e(record.contact) if record.contact != record.organisation else "")
    row(tr("Dates"), _dates(record))
    row(tr("Theme"), _e(record.theme))
    row(tr("Type"), _e(record.type))
    if record.bbox and len(record.bbox) == 4:
        w, s, e, n = record.bbox
        row(tr("Bounding box"), _e(tr("W {w:.4f}, S {s:.4f}, E {e:.4f}, N {n:.4f} (WGS 84)").format(
            w=w, s=s, e=e, n=n)))
    row(tr("Reference system"), _crs_text(record.crs))
    row(tr("Constraints"), _e(record.constraints))
    row(tr("Identifier"), "<code>%s</code>" % _e(record.identifier))
    if record.source_url:
        row(tr("Catalogue"), "<a href='%s'>%s</a>" % (_e(record.source_url), _e(record.source_url)))
    return "".join(head + [
        _block(tr("Abstract"), _paragraphs(record.abstract)),
        _block(tr("Links"), _links_html(record)),
        _block(tr("Details"), "<table cellspacing='0' cellpadding='2'>%s</table>" % "".join(rows) if rows else ""),
        _block(tr("Keywords"), _e(", ".join(k for k in record.keywords or [] if k))),
        _block(tr("Lineage"), _paragraphs(record.lineage))])


class RecordView(QWidget):
    """Shows one record; ``loadRequested(record, link)`` when the user clicks a link's "Load"."""

    loadRequested = pyqtSignal(object, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.record = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        lay.addWidget(self.browser)
        self.show_record(None)

    def show_record(self, record):
        self.record = record
        if record is None:
            self.browser.setHtml("<p style='color:#666'>%s</p>" % _e(tr("Select a record to see its details.")))
        else:
            self.browser.setHtml(record_html(record))

    def _clicked(self, url):
        if url.scheme() == LOAD_SCHEME and self.record is not None:
            try:
                index = int(url.path() or url.toString().split(":", 1)[1])
            except (ValueError, IndexError):
                return
            if 0 <= index < len(self.record.links):
                self.loadRequested.emit(self.record, self.record.links[index])
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(QUrl(url))
