"""Harvest: copy every record of a node's catalogue into the offline cache, page after page.

After a complete harvest the cache holds exactly what the node holds (records the node no
longer has are forgotten); an interrupted one (cancel, a failing page) keeps what it got and
forgets nothing. Run it in a QgsTask or a Processing algorithm: it blocks while it works."""
from dataclasses import dataclass

from ..i18n import tr
from .cache import RecordCache
from .client import PAGE_MAX_BYTES
from .query import SearchQuery
from .search import _Job, search_page

MAX_PAGES = 10000


@dataclass
class HarvestResult:
    node_id: str
    ok: bool = False
    count: int = 0          # records stored
    total: int = -1         # records the node said it holds (-1 unknown)
    pages: int = 0
    removed: int = 0        # records no longer at the node, forgotten
    message: str = ""


def harvest_node(node, feedback=None, cache=None, page_size=50, timeout=30.0, max_bytes=PAGE_MAX_BYTES):
    """Fill ``cache`` (a :class:`RecordCache`; the default cache when None) with all of ``node``'s
    records. ``feedback`` (QgsFeedback / QgsProcessingFeedback) cancels and gets progress."""
    cache = cache if cache is not None else RecordCache()
    query = SearchQuery(page_size=page_size)
    job = _Job(node=node)
    result = HarvestResult(node_id=node.id)
    seen = []
    while result.pages < MAX_PAGES:
        if feedback is not None and feedback.isCanceled():
            result.message = tr("{node}: canceled").format(node=node.name or node.url)
            return result
        out = search_page(job, query, timeout=timeout, max_bytes=max_bytes, feedback=feedback, cache=cache,
                          offline=False, cache_fallback=False)
        if not out.ok:
            result.message = out.message
            return result
        result.pages += 1
        result.count += len(out.records)
        seen.extend(r.identifier for r in out.records)
        if out.total >= 0:
            result.total = out.total
        if feedback is not None and result.total > 0:
            feedback.setProgress(min(100.0, 100.0 * result.count / result.total))
        if not out.has_more:
            break
    result.ok = True
    result.removed = cache.keep_only(node.id, seen)
    result.message = tr("{node}: {count} records harvested").format(node=node.name or node.url, count=result.count)
    return result
