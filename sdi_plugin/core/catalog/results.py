"""The merged result list of a federated search: grouping across nodes, relevance, sorting.

A record's identity is (node, identifier): no record of a node is ever dropped or hidden behind
another record of the same node — tiles of one survey, or one dataset under several file
identifiers, share title and extent and stay separate rows.

Across nodes, records are *grouped* for display: a record of another node with the same
identifier (case, ``urn:uuid:`` and braces aside), or — identifiers differing — with an equal
title (case, spacing and punctuation aside) and a footprint equal to about a kilometre (0.01°),
joins the listed record's group instead of getting a row of its own. A group holds at most one
record per node. The first record to arrive heads the row; every other member is kept whole in
its ``members`` (loadable on its own) and named in its ``duplicates`` (the node badges); the head
is completed with what it lacks (links, extent, abstract, keywords)."""
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
        self._records = []          # listed records (group heads)
        self._seen = {}             # (node_id, identifier key) -> the record kept for it
        self._group_of = {}         # id(record) -> its group head
        self._by_id = {}            # identifier key -> [group heads]
        self._by_title_bbox = {}    # title+extent key -> [group heads]
        self._node_counts = {}      # node_id -> distinct records of that node in the set

    def __len__(self):
        return len(self._records)

    @staticmethod
    def _nodes_of(head):
        return {head.node_id} | {m.node_id for m in head.members}

    def _group_for(self, rec, ikey, tkey):
        """The listed group ``rec`` joins (another node's record with its identifier, else with its
        title and extent, in a group that holds nothing of ``rec``'s node yet), or None."""
        for key, index in ((ikey, self._by_id), (tkey, self._by_title_bbox)):
            if not key:
                continue
            for head in index.get(key, ()):
                if rec.node_id not in self._nodes_of(head):
                    return head
        return None

    def add(self, records):
        """Merge ``records`` (each with node_id/node_name set); returns (new records, changed)."""
        new, changed = [], False
        with self._lock:
            for rec in records:
                ikey = identifier_key(rec.identifier)
                tkey = title_bbox_key(rec)
                identity = (rec.node_id, ikey) if ikey else (rec.node_id, "#%d" % id(rec))
                seen = self._seen.get(identity)
                if seen is not None:            # the same record of the same node again (pages overlapped)
                    if seen is not rec:
                        _merge_into(seen, rec)
                    continue
                self._seen[identity] = rec
                self._node_counts[rec.node_id] = self._node_counts.get(rec.node_id, 0) + 1
                head = self._group_for(rec, ikey, tkey)
                if head is None:
                    self._records.append(rec)
                    self._group_of[id(rec)] = rec
                    if ikey:
                        self._by_id.setdefault(ikey, []).append(rec)
                    if tkey is not None:
                        self._by_title_bbox.setdefault(tkey, []).append(rec)
                    if self.query is not None:
                        rec.score = score(rec, self.query)
                    new.append(rec)
                    changed = True
                    continue
                head.members.append(rec)
                head.duplicates.append({"node_id": rec.node_id, "node_name": rec.node_name,
                                        "identifier": rec.identifier})
                self._group_of[id(rec)] = head
                _merge_into(head, rec)
                if ikey and head not in self._by_id.get(ikey, ()):
                    self._by_id.setdefault(ikey, []).append(head)
                if self.query is not None:
                    head.score = score(head, self.query)
                changed = True
        return new, changed

    def records(self, sort="relevance"):
        with self._lock:
            return sort_records(list(self._records), sort)

    def members(self, record):
        """Every record of ``record``'s group, its head first (each loadable on its own)."""
        with self._lock:
            head = self._group_of.get(id(record), record)
            return [head] + list(head.members)

    def count(self, node_id=None):
        """Distinct records held (of one node): what a node's report must say it returned."""
        with self._lock:
            if node_id is None:
                return sum(self._node_counts.values())
            return self._node_counts.get(node_id, 0)
