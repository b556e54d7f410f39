"""Federated catalogue search: one query, every selected node at once, results as they come.

API (stable: the Discover page, the Browser provider and ``sdi:searchcatalogs`` use it)
==========================================================================================

Query::

    from sdi_plugin.core.catalog.query import SearchQuery, extent_to_wgs84

    q = SearchQuery(text="batas desa", theme="Batas Wilayah", date_from="2020-01-01", date_to="",
                    bbox=None, node_ids=[], levels=[], page_size=20)
    q = q.with_extent(canvas.extent(), project.crs())   # bbox → EPSG:4326 lon/lat (any project CRS)

    text        free text; every word must occur (CSW: PropertyIsLike %word% on csw:AnyText;
                OGC API Records: q=; CKAN: q=)
    theme       a KUGI category name as in ``standards.load_kugi().categories[letter]["name"]``
                (e.g. "Batas Wilayah"); matched against the records' keywords/subjects
    date_from, date_to   "YYYY-MM-DD", either may be empty
    bbox        (minx, miny, maxx, maxy) in EPSG:4326 longitude/latitude, or None
    node_ids, levels     filters on the nodes handed to ``start()`` (empty = no filter;
                levels are ``core.nodes.registry.LEVELS``: nasional, provinsi, kabupaten, kota, lainnya)
    page_size   records asked of each node per page

Asynchronous search (GUI; create and use it on the GUI thread — every network call runs in
worker threads, the signals arrive on the GUI thread)::

    from sdi_plugin.core.catalog.search import FederatedSearch

    search = FederatedSearch(parent=None, cache=None, timeout=10.0, offline=False,
                             cache_fallback=True, max_bytes=16 * 1024 * 1024)
    # cache: a catalog.cache.RecordCache (the GUI passes RecordCache(): every record received is
    #        kept, and a node that fails is answered from it); None = no cache
    # offline=True: nodes are not asked at all, the cache answers for each of them
    # timeout: seconds per request; max_bytes: size cap per answer
    search.nodeStarted.connect(lambda node_id: ...)
    search.recordsArrived.connect(lambda node_id, records: ...)   # [Record] new rows in the merged list
                                                                  # (a record joining another node's row
                                                                  # is in that row's members instead)
    search.resultsChanged.connect(lambda: ...)                    # merged list changed (also: a
                                                                  # duplicate added another node's badge)
    search.nodeFinished.connect(lambda node_id, ok, message, total: ...)
    search.finished.connect(lambda: ...)
    search.start(q, nodes)          # nodes: [core.nodes.registry.Node]; returns the ids searched
    search.fetch_more()             # next page of every node that has more (or fetch_more([ids]))
    search.cancel()                 # stops every request within ~50 ms; finished() follows
    search.results(sort="relevance")   # or "date", "title": merged [Record], one row per group
    search.members(record)             # every record of that row's group, head first

  Signals
    ``nodeStarted(str node_id)``
    ``recordsArrived(str node_id, list records)`` — records that are new in the merged list
        (duplicates of records already listed are not repeated: they add to the listed record's
        ``duplicates`` and ``resultsChanged`` fires)
    ``resultsChanged()``
    ``nodeFinished(str node_id, bool ok, str message, int total)`` — ``total`` = records matched
        at the node (-1 unknown); ``message`` is empty when all went well, otherwise it names the
        node and says why (translated), e.g. "Dinas X: no answer within 10 s"; when the node
        failed and the offline cache held records for it, ok is False, the cached records
        arrive (``from_cache`` True) and the message says so
    ``finished()`` — every node of the last ``start()``/``fetch_more()`` is done

  Methods
    ``start(query, nodes) -> [node_id]``  cancels any running search first
    ``fetch_more(node_ids=None) -> [node_id]``  the nodes asked for their next page
    ``has_more(node_id=None) -> bool``
    ``cancel()``, ``is_running() -> bool``
    ``results(sort="relevance") -> [Record]``   sort: "relevance" | "date" | "title"
    ``node_states() -> {node_id: NodeState}``  (state: waiting | searching | done | failed |
        canceled; message, total, returned, has_more, from_cache, elapsed_ms)

Each Record (``catalog.model``) carries ``node_id``/``node_name`` (its node's badge),
``duplicates`` (the other nodes holding it: [{"node_id", "node_name", "identifier"}]),
``score`` (relevance), ``from_cache`` and ``harvested`` (ISO timestamp; ``record_age(record)``
in ``catalog.cache`` gives its age in seconds).

Synchronous search (Processing, scripts; call it from a worker thread or a Processing
algorithm — on the GUI thread it keeps the event loop turning while it waits)::

    from sdi_plugin.core.catalog.search import search_nodes
    outcome = search_nodes(q, nodes, timeout=10.0, max_records=100, cache=None, offline=False,
                           feedback=None)
    outcome.records      # merged, de-duplicated [Record], sorted by relevance
    outcome.nodes        # [NodeState], one per node searched (ok, message, total, ...)

Offline cache and harvest::

    from sdi_plugin.core.catalog.cache import RecordCache, default_cache_path, record_age
    cache = RecordCache(path=None)        # default: <QGIS profile>/simpul/cache.sqlite
    cache.search(q, node_ids=None, limit=100) -> [Record]   (from_cache True, harvested set)
    cache.count(node_id=None), cache.nodes() -> {node_id: (count, newest harvested)}
    cache.put(records), cache.clear(node_id=None)

    from sdi_plugin.core.catalog.harvest import harvest_node
    result = harvest_node(node, feedback=None, cache=None, page_size=50, timeout=30.0)
    result.ok, result.count, result.total, result.pages, result.message

Clients (one per catalogue kind, used by the above; ``catalog.endpoints`` picks them from a
node's detected services)::

    catalog.csw.CswClient(url, version="2.0.2")             CSW 2.0.2 / 3.0 (ISO 19139, else DC)
    catalog.ogcapi_records.RecordsClient(url)               OGC API Records (landing page or collection)
    catalog.ckan.CkanClient(api_url, organization="")       CKAN Action API
      client.search(query, page_token=None, page_size=20, feedback=None, timeout=10.0) -> Page
      Page(records, matched, next_token)   next_token None = no more pages
    catalog.ckan.organisations(api_url, timeout=10.0, authcfg="") -> [{"name", "title", "count", "url", "api"}]
    catalog.ckan.organisation_node(org, level="lainnya", parent="", authcfg="") -> core.nodes.registry.Node
      (CKAN organisations are nodes: such a node carries the service
      {"kind": "CKAN", "url": api_url, "organization": name}; its search is limited to it)
    catalog.endpoints.node_from_url(url) -> Node   (a catalogue or node URL as a transient node)
    catalog.links.classify(protocol, url) -> kind   (resources/catalog/link_types.json)

Design
------
* One shared pool of worker threads (``pool()``, up to 32), not a QgsTask per node: QGIS's task
  manager runs only as many tasks at once as the machine has cores (2 on a small laptop), so
  30 slow nodes would wait for each other. Each worker runs one node's page through
  ``core.network.http`` (a local event loop in that thread, QGIS's network stack, per-request timeout,
  size cap, cancel within 50 ms). Even handing the jobs to the pool happens off the GUI thread.
* Workers never touch the GUI: they report through a private queued signal to the
  FederatedSearch object, which updates its state and emits the public signals on its own
  (the GUI) thread. Each ``start()`` opens a new generation; late reports of a replaced search
  are dropped.
* Turning answers into records is Python work that holds the interpreter lock; it runs one
  worker at a time (``client.parsing()``), so the GUI thread is never starved of it (see
  ``bench/search_bench.py``: the longest gap of a 10 ms GUI timer stays under 50 ms).
* Every record a live search receives is stored in the offline cache (when one is given);
  a node that fails on its first page is answered from the cache, and the message says so.
"""
import threading
import time
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass, field

from qgis.core import QgsFeedback
from qgis.PyQt.QtCore import QCoreApplication, QObject, QThread, pyqtSignal, pyqtSlot

from ..log import swallowed
from ..network import workers
from ..runtime.events import observe
from ..i18n import tr
from .cache import format_age, now_iso, record_age
from .client import PAGE_MAX_BYTES, Canceled, CatalogueError
from .endpoints import client_for_node
from .results import ResultSet

MAX_WORKERS = 32


def pool():
    """The worker threads every search shares (network calls wait there, never on the GUI)."""
    return workers.pool("search", MAX_WORKERS)


def shutdown_pool():
    """Let every Simpul worker thread go (plugin unload); running requests end at their timeout."""
    workers.shutdown()


@dataclass
class NodeState:
    node_id: str
    node_name: str
    state: str = "waiting"        # waiting | searching | done | failed | canceled
    message: str = ""
    total: int = -1
    returned: int = 0
    has_more: bool = False
    from_cache: bool = False
    elapsed_ms: int = 0
    kind: str = ""                # the catalogue searched: CSW, OGC API Records, CKAN, cache

    @property
    def ok(self):
        return self.state == "done"


@dataclass
class _Job:
    node: object
    client: object = None
    token: object = None          # next page token (None before the first page, or at the end)
    pages: int = 0
    offset: int = 0               # offline: records read from the cache so far


@dataclass
class PageOutcome:
    records: list = field(default_factory=list)
    ok: bool = True
    message: str = ""
    total: int = -1
    has_more: bool = False
    from_cache: bool = False
    elapsed_ms: int = 0
    kind: str = ""
    held: int = -1                # the node's distinct records in the merged set after this page


def _label(node):
    return node.name or node.url or node.id


def _from_cache(job, query, cache, page_size):
    records = cache.search(query, node_ids=[job.node.id], limit=page_size, offset=job.offset)
    job.offset += len(records)
    return records


def search_page(job, query, timeout=10.0, max_bytes=PAGE_MAX_BYTES, feedback=None, cache=None, offline=False,
                cache_fallback=True):
    """Search one node for one page (the first, or the next after ``job.token``). Never raises:
    what went wrong is in the outcome's message, which names the node."""
    node, start = job.node, time.monotonic()
    out = PageOutcome()
    page_size = query.page_size
    try:
        if offline:
            if cache is None:
                raise CatalogueError(tr("no offline cache"))
            out.records, out.from_cache, out.kind = _from_cache(job, query, cache, page_size), True, "cache"
            out.has_more = len(out.records) == page_size
            out.total = -1
        else:
            if job.client is None:
                job.client = client_for_node(node, timeout=timeout, feedback=feedback, max_bytes=max_bytes)
            out.kind = job.client.kind
            page = job.client.search(query, page_token=job.token, page_size=page_size, feedback=feedback,
                                     timeout=timeout)
            job.token, job.pages = page.next_token, job.pages + 1
            stamp = now_iso()
            for rec in page.records:
                rec.harvested = stamp
            out.records, out.total, out.has_more = page.records, page.matched, page.next_token is not None
            if getattr(page, "problems", None):    # part of the catalogue failed, the rest answered
                out.message = tr("{node}: {why}").format(node=_label(node), why="; ".join(page.problems))
            if cache is not None and out.records:
                for rec in out.records:
                    rec.node_id, rec.node_name = node.id, _label(node)
                try:
                    cache.put(out.records)
                except Exception:  # noqa: BLE001 - a full disk must not lose the live results
                    swallowed("a full disk must not lose the live results")
    except Canceled:
        out.ok, out.message = False, tr("{node}: canceled").format(node=_label(node))
    except CatalogueError as exc:
        out.ok, out.message = False, tr("{node}: {why}").format(node=_label(node), why=str(exc))
    except Exception as exc:  # noqa: BLE001 - one odd catalogue must never break the search
        out.ok, out.message = False, tr("{node}: unexpected error: {error}").format(
            node=_label(node), error="%s: %s" % (type(exc).__name__, exc))
    if not out.ok and not offline and cache is not None and cache_fallback and job.pages == 0 \
            and not (feedback is not None and feedback.isCanceled()):
        try:
            cached = _from_cache(job, query, cache, page_size)
        except Exception:  # noqa: BLE001
            cached = []
        if cached:
            ages = [a for a in (record_age(r) for r in cached) if a is not None]
            out.records, out.from_cache = cached, True
            out.message = tr("{message} — showing {count} records from the offline cache (up to {age} old)").format(
                message=out.message, count=len(cached), age=format_age(max(ages) if ages else 0))
    for rec in out.records:
        rec.node_id, rec.node_name = node.id, _label(node)
    out.elapsed_ms = int((time.monotonic() - start) * 1000)
    return out


def select_nodes(query, nodes):
    """The nodes ``query``'s node and level filters let through (no duplicates)."""
    ids, levels = set(query.node_ids or ()), set(query.levels or ())
    chosen, seen = [], set()
    for node in nodes:
        if node.id in seen or (ids and node.id not in ids) or (levels and node.level not in levels):
            continue
        seen.add(node.id)
        chosen.append(node)
    return chosen


class FederatedSearch(QObject):
    """See the module documentation. Lives on (and signals on) the thread that created it."""

    nodeStarted = pyqtSignal(str)
    recordsArrived = pyqtSignal(str, list)
    resultsChanged = pyqtSignal()
    nodeFinished = pyqtSignal(str, bool, str, int)
    finished = pyqtSignal()
    _event = pyqtSignal(int, str, str, object)   # generation, what, node id, payload (worker → owner thread)

    def __init__(self, parent=None, cache=None, timeout=10.0, offline=False, cache_fallback=True,
                 max_bytes=PAGE_MAX_BYTES):
        super().__init__(parent)
        self.cache = cache
        self.timeout = float(timeout)
        self.offline = offline
        self.cache_fallback = cache_fallback
        self.max_bytes = max_bytes
        self.query = None
        self._generation = 0
        self._feedback = QgsFeedback()
        self._results = ResultSet()
        self._jobs = {}
        self._states = {}
        self._pending = set()
        self._event.connect(self._on_event)

    # --- public ----------------------------------------------------------------------------------
    def start(self, query, nodes):
        self.cancel()
        self._generation += 1
        self._feedback = QgsFeedback()
        self.query = query
        self._results = ResultSet(query)
        chosen = select_nodes(query, nodes)
        self._jobs = {n.id: _Job(node=n) for n in chosen}
        self._states = {n.id: NodeState(node_id=n.id, node_name=_label(n)) for n in chosen}
        self._pending = set()
        self._submit(list(self._jobs))
        if not chosen:
            self.finished.emit()
        return [n.id for n in chosen]

    def fetch_more(self, node_ids=None):
        ids = [i for i in (node_ids if node_ids is not None else list(self._jobs))
               if i in self._jobs and i not in self._pending and self._states[i].has_more]
        if ids and self._feedback.isCanceled():
            self._feedback = QgsFeedback()
        self._submit(ids)
        return ids

    def has_more(self, node_id=None):
        ids = [node_id] if node_id else list(self._states)
        return any(self._states[i].has_more for i in ids if i in self._states)

    def cancel(self):
        self._feedback.cancel()

    def is_running(self):
        return bool(self._pending)

    def results(self, sort="relevance"):
        return self._results.records(sort)

    def members(self, record):
        """Every record of ``record``'s row (its group across nodes), the listed one first."""
        return self._results.members(record)

    def node_states(self):
        return dict(self._states)

    # --- inside ----------------------------------------------------------------------------------
    def _submit(self, ids):
        gen, feedback, query, results = self._generation, self._feedback, self.query, self._results
        jobs = [self._jobs[node_id] for node_id in ids]
        for node_id in ids:
            self._pending.add(node_id)
            self._states[node_id].state = "searching"
        if not jobs:
            return
        # Handing the jobs to the pool may start its threads (the first search of a session):
        # that happens in a helper thread, never on the GUI thread.
        executor = pool()
        threading.Thread(target=lambda: [executor.submit(self._work, gen, feedback, query, results, job)
                                         for job in jobs], name="simpul-search-submit", daemon=True).start()

    def _work(self, gen, feedback, query, results, job):
        """In a worker thread: one page of one node; everything reported through ``_event``."""
        node_id = job.node.id
        try:
            self._event.emit(gen, "started", node_id, None)
            out = search_page(job, query, self.timeout, self.max_bytes, feedback, self.cache, self.offline,
                              self.cache_fallback)
            new, changed = results.add(out.records) if out.records else ([], False)
            out.records = new
            out.held = results.count(node_id)
            self._event.emit(gen, "page", node_id, (out, changed))
        except Exception as exc:  # noqa: BLE001 - never leave the search waiting for this node
            out = PageOutcome(ok=False, message=tr("{node}: unexpected error: {error}").format(
                node=_label(job.node), error=exc))
            self._event.emit(gen, "page", node_id, (out, False))

    @pyqtSlot(int, str, str, object)
    def _on_event(self, gen, what, node_id, payload):
        if gen != self._generation or node_id not in self._states:
            return   # a search that was replaced by a newer one
        if what == "started":
            self.nodeStarted.emit(node_id)
            return
        out, changed = payload
        state = self._states[node_id]
        # every record the node sent is in the set (listed, or a member of another node's row)
        state.returned = out.held if out.held >= 0 else state.returned + len(out.records)
        state.total = out.total if out.total >= 0 else state.total
        state.has_more = out.has_more and out.ok
        state.message, state.from_cache, state.elapsed_ms, state.kind = out.message, out.from_cache, out.elapsed_ms, \
            out.kind or state.kind
        canceled = self._feedback.isCanceled() and not out.ok
        state.state = "done" if out.ok else ("canceled" if canceled else "failed")
        self._pending.discard(node_id)
        if out.records:
            self.recordsArrived.emit(node_id, out.records)
        if changed:
            self.resultsChanged.emit()
        self.nodeFinished.emit(node_id, out.ok, out.message, state.total)
        if not self._pending:
            records = len(self._results.records("relevance"))
            if records:
                observe("discover", records=records, nodes=len(self._states),
                        query=getattr(self.query, "text", "") or "")
            self.finished.emit()


@dataclass
class SearchOutcome:
    records: list = field(default_factory=list)   # merged, de-duplicated, by relevance
    nodes: list = field(default_factory=list)     # [NodeState]


def search_nodes(query, nodes, timeout=10.0, max_records=100, cache=None, offline=False, feedback=None,
                 max_bytes=PAGE_MAX_BYTES, cache_fallback=True):
    """Search ``nodes`` in parallel and wait for all of them (Processing, scripts). Each node is
    paged until ``max_records`` of its records are in, or it has no more. ``feedback``
    (QgsFeedback / QgsProcessingFeedback) cancels and receives progress."""
    chosen = select_nodes(query, nodes)
    results = ResultSet(query)
    jobs = {n.id: _Job(node=n) for n in chosen}
    states = {n.id: NodeState(node_id=n.id, node_name=_label(n), state="searching") for n in chosen}
    inner = QgsFeedback()   # the workers' own; follows ``feedback`` below (its thread may run no event loop)

    def run(job):
        state = states[job.node.id]
        while True:
            out = search_page(job, query, timeout, max_bytes, inner, cache, offline, cache_fallback)
            new, _changed = results.add(out.records)
            state.returned = results.count(job.node.id)
            state.total = out.total if out.total >= 0 else state.total
            state.message, state.from_cache, state.kind = out.message, out.from_cache, out.kind
            state.elapsed_ms += out.elapsed_ms
            state.state = "done" if out.ok else ("canceled" if inner.isCanceled() else "failed")
            state.has_more = out.ok and out.has_more
            if not state.has_more or state.returned >= max_records or inner.isCanceled():
                return state

    futures = [pool().submit(run, jobs[n.id]) for n in chosen]
    on_main = QCoreApplication.instance() is not None and QThread.currentThread() == \
        QCoreApplication.instance().thread()
    remaining = set(futures)
    while remaining:
        if feedback is not None and feedback.isCanceled():
            inner.cancel()
        _done, remaining = wait_futures(remaining, timeout=0.05)
        if feedback is not None and chosen:
            feedback.setProgress(100.0 * (len(futures) - len(remaining)) / len(futures))
        if on_main:   # keep QGIS's main-thread handlers (SSL errors, authentication) answering
            QCoreApplication.processEvents()
    for f in futures:
        f.result()
    records = results.records("relevance")
    if records:
        observe("discover", records=len(records), nodes=len(chosen), query=getattr(query, "text", "") or "")
    return SearchOutcome(records=records, nodes=[states[n.id] for n in chosen])
