"""The merged result list of a federated search: de-duplication, relevance, sorting.

Two records are the same when their identifiers are equal (case, ``urn:uuid:`` and braces
aside), or — when the identifiers differ — when their titles are equal (case, spacing and
punctuation aside) and their footprints are equal to about a kilometre (0.01°). The first to
arrive stays in the list; a later copy adds its node to the listed record's ``duplicates`` and
fills what the listed record lacks (links, extent, abstract, keywords)."""
import re
import threading

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def identifier_key(identifier):
    ident = (identifier or "").strip().lower()
    for prefix in ("urn:uuid:", "uuid:"):
        if ident.startswith(prefix):
            ident = ident[len(prefix):]
    return ident.strip("{}")


def title_bbox_key(record):
    if not record.bbox or not record.title:
        return None
    title = _PUNCT.sub(" ", record.title.casefold()).strip()
    return (" ".join(title.split()),) + tuple(round(float(v), 2) for v in record.bbox)


def _overlap(a, b):
    """Area of a ∩ b over the area of a ∪ b (0..1), for lon/lat boxes."""
    w, s, e, n = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    if e < w or n < s:
        return 0.0
    inter = (e - w) * (n - s)
    area = lambda r: max(r[2] - r[0], 0.0) * max(r[3] - r[1], 0.0)  # noqa: E731
    union = area(a) + area(b) - inter
    return inter / union if union > 0 else 1.0


def score(record, query):
    """Relevance of ``record`` to ``query`` (higher first): the words in the title count most,
    then keywords, then the abstract; a matching theme, a footprint like the searched extent
    and being held by several nodes add to it."""
    total = 0.0
    title, abstract = record.title.casefold(), record.abstract.casefold()
    keywords = " ".join(record.keywords).casefold()
    for word in (w.casefold() for w in query.words()):
        if word in title:
            total += 3.0 + (1.0 if re.search(r"\b%s\b" % re.escape(word), title) else 0.0)
        if word in keywords:
            total += 2.0
        if word in abstract:
            total += 1.0
    if query.theme and (record.theme.casefold() == query.theme.casefold()
                        or query.theme.casefold() in keywords):
        total += 2.0
    if query.bbox and record.bbox:
        total += 3.0 * _overlap(query.bbox, record.bbox)
    total += 0.25 * len(record.duplicates)
    return round(total, 4)


def sort_records(records, sort="relevance"):
    if sort == "date":
        return sorted(records, key=lambda r: (r.date or "", r.score), reverse=True)
    if sort == "title":
        return sorted(records, key=lambda r: (r.title.casefold(), r.node_name))
    return sorted(records, key=lambda r: (r.score, r.date or ""), reverse=True)


def _merge_into(kept, other):
    seen = {(l.url, l.kind, l.name) for l in kept.links}
    for link in other.links:
        if (link.url, link.kind, link.name) not in seen:
            kept.links.append(link)
            seen.add((link.url, link.kind, link.name))
    if not kept.bbox and other.bbox:
        kept.bbox = other.bbox
    if not kept.abstract and other.abstract:
        kept.abstract = other.abstract
    for kw in other.keywords:
        if kw not in kept.keywords:
            kept.keywords.append(kw)
    for attr in ("organisation", "contact", "date", "lineage", "constraints", "theme"):
        if not getattr(kept, attr) and getattr(other, attr):
            setattr(kept, attr, getattr(other, attr))


class ResultSet:
    """Thread-safe merged list; ``add`` is called from worker threads."""

    def __init__(self, query=None):
        self.query = query
        self._lock = threading.Lock()
        self._records = []
        self._by_id = {}
        self._by_title_bbox = {}

    def __len__(self):
        return len(self._records)

    def add(self, records):
        """Merge ``records`` (each with node_id/node_name set); returns (new records, changed)."""
        new, changed = [], False
        with self._lock:
            for rec in records:
                ikey = identifier_key(rec.identifier)
                tkey = title_bbox_key(rec)
                kept = self._by_id.get(ikey) if ikey else None
                if kept is None and tkey is not None:
                    kept = self._by_title_bbox.get(tkey)
                if kept is None:
                    self._records.append(rec)
                    if ikey:
                        self._by_id[ikey] = rec
                    if tkey is not None:
                        self._by_title_bbox.setdefault(tkey, rec)
                    if self.query is not None:
                        rec.score = score(rec, self.query)
                    new.append(rec)
                    changed = True
                    continue
                if rec is kept:
                    continue
                holders = {kept.node_id} | {d.get("node_id") for d in kept.duplicates}
                if rec.node_id not in holders:
                    kept.duplicates.append({"node_id": rec.node_id, "node_name": rec.node_name,
                                            "identifier": rec.identifier})
                    changed = True
                _merge_into(kept, rec)
                if ikey and ikey not in self._by_id:
                    self._by_id[ikey] = kept
                if self.query is not None:
                    kept.score = score(kept, self.query)
        return new, changed

    def records(self, sort="relevance"):
        with self._lock:
            return sort_records(list(self._records), sort)
