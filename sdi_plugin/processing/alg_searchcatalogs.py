"""``sdi:searchcatalogs`` — search the catalogues of many nodes at once; record footprints as a layer."""
import json

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry,
                       QgsProcessingException, QgsProcessingParameterExtent, QgsProcessingParameterFeatureSink,
                       QgsRectangle)

from ..compat import FieldType, ProcessingSourceType, WkbType
from ..core.catalog.cache import RecordCache
from ..core.files.safe_output import OutputRefused
from ..core.catalog.endpoints import node_from_url
from ..core.catalog.query import SearchQuery
from ..core.catalog.search import search_nodes
from ..core.i18n import tr, tr_noop
from ..core.nodes.registry import NodeRegistry
from .base import SimpulAlgorithm

FIELDS = (("identifier", FieldType.String), ("title", FieldType.String), ("abstract", FieldType.String),
          ("node", FieldType.String), ("node_id", FieldType.String), ("type", FieldType.String),
          ("date", FieldType.String), ("theme", FieldType.String), ("organisation", FieldType.String),
          ("keywords", FieldType.String), ("links", FieldType.String), ("also_at", FieldType.String),
          ("from_cache", FieldType.Bool), ("harvested", FieldType.String), ("members", FieldType.String))


def split_nodes(text):
    """Node ids / URLs from a string: comma- or newline-separated (also semicolons, spaces)."""
    out = []
    for token in (text or "").replace(";", ",").replace("\n", ",").replace("\r", ",").split(","):
        token = token.strip()
        if token and token not in out:
            out.append(token)
    return out


def resolve_nodes(tokens, registry=None):
    """([Node], [unknown token]) for node ids of the registry and catalogue/node URLs."""
    registry = registry or NodeRegistry()
    known = registry.nodes()
    if not tokens:
        return known, []
    nodes, unknown = [], []
    for token in tokens:
        node = next((n for n in known if n.id == token), None) or \
            next((n for n in known if n.name.casefold() == token.casefold()), None)
        if node is None and ("://" in token or "/" in token or "." in token):
            node = node_from_url(token)
        if node is None:
            unknown.append(token)
        else:
            nodes.append(node)
    return nodes, unknown


def fields():
    out = QgsFields()
    for name, kind in FIELDS:
        out.append(QgsField(name, kind))
    return out


def _links(rec):
    return [{"url": l.url, "protocol": l.protocol, "name": l.name, "description": l.description, "kind": l.kind}
            for l in rec.links]


def record_feature(rec, flds):
    f = QgsFeature(flds)
    links = _links(rec)
    # the group's other records (other nodes), each whole enough to be loaded on its own
    members = [{"identifier": m.identifier, "node_id": m.node_id, "node": m.node_name, "title": m.title,
                "date": m.date, "bbox": list(m.bbox) if m.bbox else None, "links": _links(m)}
               for m in getattr(rec, "members", None) or []]
    f.setAttributes([rec.identifier, rec.title, rec.abstract, rec.node_name, rec.node_id, rec.type, rec.date,
                     rec.theme, rec.organisation, ", ".join(rec.keywords), json.dumps(links, ensure_ascii=False),
                     json.dumps(rec.duplicates, ensure_ascii=False) if rec.duplicates else "", bool(rec.from_cache),
                     rec.harvested, json.dumps(members, ensure_ascii=False) if members else ""])
    if rec.bbox:
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(*rec.bbox)))
    return f


class SearchCatalogsAlgorithm(SimpulAlgorithm):
    NAME, GROUP = "searchcatalogs", "discover"
    TITLE = tr_noop("Search catalogues (federated)")
    QUERY = "QUERY"
    EXTENT = "EXTENT"
    NODES = "NODES"
    THEME = "THEME"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    MAX_RECORDS = "MAX_RECORDS"
    OFFLINE = "OFFLINE"
    CACHE = "CACHE"

    def initAlgorithm(self, config=None):
        self.add_string(self.QUERY, tr("Search text"), "", optional=True)
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Extent"), None, True))
        self.add_string(self.NODES, tr("Nodes (ids or catalogue URLs, comma- or newline-separated; empty = all)"), "",
                        multiline=True, optional=True)
        self.add_string(self.THEME, tr("Theme (KUGI category)"), "", optional=True)
        self.add_string(self.DATE_FROM, tr("From date (YYYY-MM-DD)"), "", optional=True)
        self.add_string(self.DATE_TO, tr("To date (YYYY-MM-DD)"), "", optional=True)
        self.add_number(self.MAX_RECORDS, tr("Maximum records per node"), 100, integer=True, minimum=1,
                        maximum=100000, optional=True)
        self.add_number(self.TIMEOUT, tr("Timeout per request (seconds)"), 10.0, minimum=0.5, maximum=300.0,
                        optional=True)
        self.add_bool(self.OFFLINE, tr("Search the offline cache only"), False, optional=True)
        self.add_string(self.CACHE, tr("Offline cache file (empty = the one in the QGIS profile)"), "", optional=True)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Records found"),
                                                            ProcessingSourceType.VectorPolygon))
        self.add_number_outputs(("COUNT", tr("Number of records")))
        self.add_string_outputs(("NODE_REPORT", tr("Per-node report (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):
        query = SearchQuery(
            text=self.parameterAsString(parameters, self.QUERY, context),
            theme=self.parameterAsString(parameters, self.THEME, context),
            date_from=self.parameterAsString(parameters, self.DATE_FROM, context),
            date_to=self.parameterAsString(parameters, self.DATE_TO, context),
            page_size=50)
        if parameters.get(self.EXTENT) not in (None, ""):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context)
            crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
            if not crs.isValid():
                crs = context.project().crs() if context.project() is not None else QgsCoordinateReferenceSystem()
            if not rect.isNull() and not rect.isEmpty():
                query = query.with_extent(rect, crs if crs.isValid() else "EPSG:4326")
                if query.bbox is None:
                    raise QgsProcessingException(tr("The extent cannot be expressed in longitude/latitude."))
        nodes, unknown = resolve_nodes(split_nodes(self.parameterAsString(parameters, self.NODES, context)))
        for token in unknown:
            feedback.reportError(tr("Unknown node {token}: neither a node id of your list nor a URL.").format(
                token=token), False)
        if not nodes:
            raise QgsProcessingException(tr("No node to search: give node ids or catalogue URLs in NODES, or add "
                                            "nodes in the Simpul panel."))
        max_records = self.parameterAsInt(parameters, self.MAX_RECORDS, context) or 100
        timeout = self.parameterAsDouble(parameters, self.TIMEOUT, context) or 10.0
        offline = self.parameterAsBool(parameters, self.OFFLINE, context)
        cache_path = self.text(parameters, self.CACHE, context)
        try:
            cache = RecordCache(cache_path or None)
        except OutputRefused as exc:   # a file that is not a Simpul cache: never written, never searched
            raise QgsProcessingException(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - an unwritable cache must not stop an online search
            if offline:
                why = tr("The offline cache cannot be opened: {error}").format(error=exc)
                raise QgsProcessingException(why) from None
            feedback.reportError(tr("The offline cache cannot be opened: {error}").format(error=exc), False)
            cache = None
        query.page_size = min(50, max_records)
        feedback.pushInfo(tr("Searching {count} nodes …").format(count=len(nodes)))
        outcome = search_nodes(query, nodes, timeout=timeout, max_records=max_records, cache=cache,
                               offline=offline, feedback=feedback)
        self.check_canceled(feedback)
        report = []
        for state in outcome.nodes:
            report.append({"node_id": state.node_id, "node": state.node_name, "ok": state.ok, "state": state.state,
                           "message": state.message, "matched": state.total, "returned": state.returned,
                           "catalogue": state.kind, "from_cache": state.from_cache})
            if state.ok:
                feedback.pushInfo(tr("{node}: {returned} records (of {total})").format(
                    node=state.node_name, returned=state.returned,
                    total=state.total if state.total >= 0 else "?"))
            else:
                feedback.reportError(state.message, False)
        flds = fields()
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, flds, WkbType.Polygon,
                                          QgsCoordinateReferenceSystem("EPSG:4326"))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for rec in outcome.records:
            sink.addFeature(record_feature(rec, flds), QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(tr("{count} records found.").format(count=len(outcome.records)))
        return {self.OUTPUT: dest, "COUNT": len(outcome.records),
                "NODE_REPORT": json.dumps(report, ensure_ascii=False)}


ALGORITHMS = [SearchCatalogsAlgorithm]
