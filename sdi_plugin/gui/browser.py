"""Simpul in the QGIS Browser panel: Simpul ▸ level ▸ province ▸ node ▸ services (▸ layers)
and records (from the offline cache). Layers drag onto the map like any Browser layer
(``QgsLayerItem`` with the right provider key and URI); a record double-clicked (or "Load")
loads through Simpul, with its metadata, into the node's group.

Register in ``plugin.py``::

    self.browser_provider = SimpulDataItemProvider()
    QgsApplication.dataItemProviderRegistry().addProvider(self.browser_provider)
    # on unload:
    QgsApplication.dataItemProviderRegistry().removeProvider(self.browser_provider)
"""
from qgis.core import (Qgis, QgsApplication, QgsDataCollectionItem, QgsDataItemProvider, QgsErrorItem, QgsLayerItem,
                       QgsProject)
from qgis.PyQt.QtGui import QIcon

from ..compat import DataItemProviderCapability, QAction
from ..core.log import swallowed
from ..core.nodes import directory
from ..core.i18n import tr
from ..core.loading.loader import LOADABLE, link_kind
from ..core.nodes.registry import NodeRegistry
from ..core.paths import ICON
from ..core.loading.service_layers import list_service
from .health_monitor import health_icon
from .node_dialog import level_label

LEVEL_ORDER = ("nasional", "provinsi", "kabupaten", "kota", "lainnya")
SERVICE_ICONS = {"WMS": "/mIconWms.svg", "WMTS": "/mIconWms.svg", "WFS": "/mIconWfs.svg", "WCS": "/mIconWcs.svg",
                 "OGC API Features": "/mIconWfs.svg", "ArcGIS REST": "/mIconAfs.svg", "CSW": "/mIconMetadata.svg",
                 "OGC API Records": "/mIconMetadata.svg", "CKAN": "/mIconMetadata.svg"}
CATALOGUES = ("CSW", "OGC API Records", "CKAN")


def _theme_icon(name):
    return QgsApplication.getThemeIcon(name)


def _fast(item):
    item.setCapabilitiesV2(Qgis.BrowserItemCapabilities(Qgis.BrowserItemCapability.Fast))
    return item


class _Collection(QgsDataCollectionItem):
    def __init__(self, parent, name, path, icon=None, fast=False):
        super().__init__(parent, name, path, "simpul")
        if icon is not None:
            self.setIcon(icon)
        if fast:
            _fast(self)


class SimpulRootItem(_Collection):
    """"Simpul": one child per node level present (the user's nodes and the JIGN directory)."""

    def __init__(self, parent=None, registry=None, cache=None):
        super().__init__(parent, tr("Simpul"), "simpul:", QIcon(ICON), fast=True)
        self.registry = registry or NodeRegistry()
        self.cache = cache

    def nodes(self):
        return directory.merged_nodes(self.registry)

    def createChildren(self):
        nodes = self.nodes()
        return [LevelItem(self, level, [n for n in nodes if n.level == level])
                for level in LEVEL_ORDER if any(n.level == level for n in nodes)]


class LevelItem(_Collection):
    def __init__(self, parent, level, nodes):
        super().__init__(parent, level_label(level), "simpul:/" + level, _theme_icon("/mIconFolder.svg"), fast=True)
        self.level, self.node_list = level, nodes
        self.setSortKey("%d" % LEVEL_ORDER.index(level))   # national first, not alphabetical

    def createChildren(self):
        if self.level in ("nasional", "lainnya"):
            return [NodeItem(self, n) for n in sorted(self.node_list, key=lambda n: n.name.lower())]
        provinces = sorted({n.parent or "" for n in self.node_list}, key=str.lower)
        return [ProvinceItem(self, p, [n for n in self.node_list if (n.parent or "") == p]) for p in provinces]


class ProvinceItem(_Collection):
    def __init__(self, parent, province, nodes):
        super().__init__(parent, province or tr("(no province)"), "%s/%s" % (parent.path(), province or "-"),
                         _theme_icon("/mIconFolder.svg"), fast=True)
        self.node_list = nodes

    def createChildren(self):
        return [NodeItem(self, n) for n in sorted(self.node_list, key=lambda n: n.name.lower())]


def _root(item):
    while item is not None and not isinstance(item, SimpulRootItem):
        item = item.parent()
    return item


class NodeItem(_Collection):
    """A node: its services (as last detected, or the directory's hints) and its cached records."""

    def __init__(self, parent, node):
        super().__init__(parent, node.name, "%s/%s" % (parent.path(), node.id),
                         health_icon((node.health or {}).get("state")), fast=True)
        self.node = node
        tip = [node.url, node.organisation]
        if not node.verified:
            tip.append(tr("Not verified: known only from third-party material ({source})").format(
                source=node.reference))
        self.setToolTip("\n".join(t for t in tip if t))

    def createChildren(self):
        children = [ServiceItem(self, self.node, dict(s)) for s in self.node.services
                    if s.get("kind") not in CATALOGUES and s.get("url")]
        if any(s.get("kind") in CATALOGUES for s in self.node.services) or self._cached():
            children.append(RecordsItem(self, self.node))
        if not children:
            children.append(QgsErrorItem(self, tr("No known service yet: check the node in the Simpul panel."),
                                         self.path() + "/none"))
        return children

    def _cached(self):
        root = _root(self)
        cache = root.cache if root is not None else None
        try:
            return bool(cache.count(self.node.id)) if cache is not None else False
        except Exception:  # noqa: BLE001 - no cache, no records item
            swallowed("no cache, no records item")
            return False


class ServiceItem(_Collection):
    """A service (WMS, WFS, WMTS, WCS, OGC API Features, ArcGIS REST, an ArcGIS folder or service):
    expanding it asks the service for its layers (off the GUI thread, as the Browser does)."""

    def __init__(self, parent, node, service, title=None):
        kind = service.get("kind", "")
        super().__init__(parent, title or ("%s %s" % (kind, service.get("version", ""))).strip(),
                         "%s/%s/%s" % (parent.path(), kind, service.get("url", "")),
                         _theme_icon(SERVICE_ICONS.get(kind.replace("ArcGIS folder", "ArcGIS REST"),
                                                       "/mIconFolder.svg")))
        self.node, self.service = node, service
        self.setToolTip(service.get("url", ""))

    def createChildren(self):
        entries, message = list_service(self.service, timeout=15.0, authcfg=self.node.authcfg,
                                        project_crs=QgsProject.instance().crs())
        if message:
            return [QgsErrorItem(self, message, self.path() + "/error")]
        children = []
        for e in entries:
            if e.kind == "folder":
                children.append(ServiceItem(self, self.node, {"kind": "ArcGIS folder", "url": e.url}, e.title))
            elif e.kind == "service":
                children.append(ServiceItem(self, self.node, {"kind": "ArcGIS " + e.service_kind, "url": e.url},
                                            "%s (%s)" % (e.title, e.service_kind)))
            else:
                children.append(SimpulLayerItem(self, e.title, e.plan, e.abstract))
        return children


class SimpulLayerItem(QgsLayerItem):
    """One layer: drag it to the map, or double-click (QGIS loads it with the provider and URI)."""

    def __init__(self, parent, title, plan, abstract=""):
        kind = Qgis.BrowserLayerType.Raster if plan.layer_type == "raster" else Qgis.BrowserLayerType.Vector
        super().__init__(parent, title, "%s/%s" % (parent.path(), plan.uri), plan.uri, kind, plan.provider)
        self.plan = plan
        if abstract:
            self.setToolTip(abstract[:500])


class RecordsItem(_Collection):
    """The node's records as the offline cache holds them (harvest the node to fill it)."""

    def __init__(self, parent, node):
        super().__init__(parent, tr("Records (offline cache)"), parent.path() + "/records",
                         _theme_icon("/mIconMetadata.svg"))
        self.node = node

    def createChildren(self):
        root = _root(self)
        cache = root.cache if root is not None else None
        try:
            if cache is None:
                from ..core.catalog.cache import RecordCache
                cache = RecordCache()
            from ..core.catalog.query import SearchQuery
            records = cache.search(SearchQuery(node_ids=[self.node.id]), node_ids=[self.node.id], limit=500)
        except Exception as exc:  # noqa: BLE001 - the cache is optional; say why it is empty
            return [QgsErrorItem(self, tr("The offline cache could not be read: {why}").format(why=exc),
                                 self.path() + "/error")]
        if not records:
            return [QgsErrorItem(self, tr("No records cached yet: search or harvest this node."),
                                 self.path() + "/empty")]
        return [RecordItem(self, r) for r in sorted(records, key=lambda r: (r.title or r.identifier).lower())]


class RecordItem(_Collection):
    """A record: its loadable links as layers (planned when expanded); double-click loads the
    record through Simpul (metadata copied, grouped under its node)."""

    def __init__(self, parent, record):
        super().__init__(parent, record.title or record.identifier, "%s/%s" % (parent.path(), record.identifier),
                         _theme_icon("/mIconMetadata.svg"))
        self.record = record
        self.setToolTip((record.abstract or "")[:500])

    def createChildren(self):
        from ..core.loading.loader import LoadError, plan
        children, cache = [], {}
        for link in self.record.links:
            if link_kind(link) not in LOADABLE or link_kind(link) == "download":
                continue
            try:
                p = plan(link, QgsProject.instance().crs(), self.parent().node.authcfg, 15.0, None, cache)
            except LoadError as exc:
                children.append(QgsErrorItem(self, str(exc), "%s/%s" % (self.path(), link.url)))
                continue
            children.append(SimpulLayerItem(self, "%s (%s)" % (p.title or self.record.title, link_kind(link)), p))
        return children

    def handleDoubleClick(self):  # noqa: N802 - Qt's name
        self.load()
        return True

    def actions(self, parent):
        action = QAction(tr("Load with Simpul"), parent)
        action.triggered.connect(self.load)
        return [action]

    def load(self):
        from .add_layers import add_to_project, run_load
        run_load([self.record], lambda task: add_to_project(task.results), project_crs=QgsProject.instance().crs())


class SimpulDataItemProvider(QgsDataItemProvider):
    """The Browser panel's "Simpul" root."""

    def __init__(self, registry=None, cache=None):
        super().__init__()
        self.registry = registry
        self.cache = cache

    def name(self):
        return "Simpul"

    def dataProviderKey(self):  # noqa: N802 - Qt's name
        return "simpul"

    def capabilities(self):
        return DataItemProviderCapability.NetworkSources

    def createDataItem(self, path, parentItem):  # noqa: N802,N803 - Qt's names
        if not path:
            return SimpulRootItem(parentItem, self.registry, self.cache)
        return None

