"""The user's nodes: a list grouped by level and province (when there is more than one group),
with health icons, and the node detail as HTML."""
import html

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from ..core.nodes.health import state_label
from ..core.i18n import tr
from .health_monitor import health_icon
from .node_dialog import level_label
from .record_view import local_time

LEVEL_ORDER = ("nasional", "provinsi", "kabupaten", "kota", "lainnya")
HEALTH_COLOURS = {"up": "#1e8449", "slow": "#b9770e", "down": "#c0392b"}


def group_key(node):
    """(sort key, label): national nodes together; others by level and province."""
    rank = LEVEL_ORDER.index(node.level) if node.level in LEVEL_ORDER else len(LEVEL_ORDER)
    label = level_label(node.level)
    if node.level not in ("nasional", "lainnya") and node.parent:
        label = "%s · %s" % (label, node.parent)
    return (rank, (node.parent or "").lower()), label


class NodeTree(QTreeWidget):
    """Columns: node, records, status. Group rows appear only when the nodes fall into more than
    one level/province group; node rows carry the node id in ``Qt.UserRole``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([tr("Node"), tr("Records"), tr("Status")])
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        hdr = self.header()
        hdr.setStretchLastSection(False)
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hdr.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def fill(self, nodes, checking=(), current=None):
        self.clear()
        groups = {}
        for node in nodes:
            key, label = group_key(node)
            groups.setdefault((key, label), []).append(node)
        grouped = len(groups) > 1
        self.setRootIsDecorated(grouped)
        chosen = None
        for (_key, label), members in sorted(groups.items(), key=lambda kv: kv[0][0]):
            parent = None
            if grouped:
                parent = QTreeWidgetItem([label, "", ""])
                font = QFont(parent.font(0))
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.addTopLevelItem(parent)
                parent.setFirstColumnSpanned(True)
                parent.setExpanded(True)
            for node in sorted(members, key=lambda n: n.name.lower()):
                item = self._node_item(node, node.id in checking)
                if parent is not None:
                    parent.addChild(item)
                else:
                    self.addTopLevelItem(item)
                if node.id == current:
                    chosen = item
        if chosen is None:
            chosen = next(iter(self.node_items()), None)
        if chosen is not None:
            self.setCurrentItem(chosen)

    def _node_item(self, node, checking):
        h = node.health or {}
        status = tr("Checking…") if checking else state_label(h.get("state", ""))
        count = h.get("record_count")
        item = QTreeWidgetItem([node.name, "" if count is None else str(count), status])
        item.setData(0, Qt.ItemDataRole.UserRole, node.id)
        item.setIcon(2, health_icon(h.get("state") if not checking else ""))
        tip = node.url if node.verified else "%s\n%s" % (node.url, tr("not verified"))
        item.setToolTip(0, tip)
        item.setToolTip(2, h.get("message") or local_time(h.get("checked", "")))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        colour = HEALTH_COLOURS.get(h.get("state"))
        if colour and not checking:
            item.setForeground(2, QColor(colour))
        return item

    def node_items(self):
        out = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top.data(0, Qt.ItemDataRole.UserRole):
                out.append(top)
            out += [top.child(j) for j in range(top.childCount())]
        return out

    def item_for(self, node_id):
        return next((it for it in self.node_items() if it.data(0, Qt.ItemDataRole.UserRole) == node_id), None)

    def selected_id(self):
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None


def node_html(node, checking=False):
    """The node's detail: address, level, provenance, health, services."""
    e = html.escape
    if node is None:
        return "<p>%s</p>" % e(tr("No node yet. Add one with its base URL, or from the JIGN directory."))
    parts = ["<b>%s</b><br><a href='%s'>%s</a>" % (e(node.name), e(node.url), e(node.url))]
    where = level_label(node.level) + (" · %s" % node.parent if node.parent else "")
    parts.append("<br>%s%s" % (e(where), " · %s" % e(node.organisation) if node.organisation else ""))
    if not node.verified:
        parts.append("<br><i style='color:#9c640c'>%s</i>" % e(
            tr("Not verified: known only from third-party material ({source})").format(source=node.reference)))
    h = node.health or {}
    if checking:
        parts.append("<p>%s</p>" % e(tr("Checking…")))
    elif h.get("state"):
        line = "%s: <b>%s</b>" % (e(tr("Status")), e(state_label(h["state"])))
        if h.get("latency_ms"):
            line += " · %s %s ms" % (e(tr("latency")), h["latency_ms"])
        line += " · %s %s" % (e(tr("checked")), e(local_time(h.get("checked", ""))))
        if h.get("record_count") is not None:
            src = tr("in the offline cache") if h.get("count_source") == "cache" else tr("in the catalogue")
            line += "<br>%s" % e(tr("{count} records {where}").format(count=h["record_count"], where=src))
        if h.get("message"):
            line += "<br><span style='color:#c0392b'>%s</span>" % e(h["message"])
        parts.append("<p>%s</p>" % line)
    if node.services:
        items = "".join("<li><b>%s</b> %s<br><small>%s</small></li>" % (
            e(s.get("kind", "")), e(s.get("version", "")), e(s.get("url", ""))) for s in node.services)
        parts.append("<p style='margin-bottom:0'><b>%s</b></p><ul style='margin-left:-20px'>%s</ul>" % (
            e(tr("Services")), items))
    elif h.get("state"):
        parts.append("<p>%s</p>" % e(tr("No known service found.")))
    else:
        parts.append("<p>%s</p>" % e(tr("Not checked yet: press Check.")))
    return "".join(parts)
