"""The nodes a user works with: a small registry kept in QGIS's settings.

Only names, levels, URLs and the *id* of an authentication configuration are stored —
never a credential (those live in QGIS's authentication database, ``QgsAuthManager``).
"""
import json
import re
import uuid
from dataclasses import asdict, dataclass, field, fields

from qgis.core import QgsSettings

LEVELS = ("nasional", "provinsi", "kabupaten", "kota", "lainnya")
SETTINGS_KEY = "simpul/nodes"


@dataclass
class Node:
    name: str
    url: str
    level: str = "lainnya"
    parent: str = ""
    authcfg: str = ""
    source: str = "user"
    id: str = ""
    services: list = field(default_factory=list)   # last detected, as dicts from core.nodes.nodeinfo
    health: dict = field(default_factory=dict)     # {"state": "up"|"slow"|"down", "latency_ms": .., "checked": ..,
    #                                                 "record_count": .., "message": ..} (see core.nodes.health)
    verified: bool = True       # False: the endpoint is known only from third-party material
    reference: str = ""         # where the endpoint is documented (a directory entry's "source")
    organisation: str = ""      # the institution that runs the node

    def __post_init__(self):
        self.verified = bool(self.verified)
        if not self.id:
            self.id = slug(self.name) or uuid.uuid4().hex[:8]
        if self.level not in LEVELS:
            self.level = "lainnya"

    @classmethod
    def from_dict(cls, data):
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:40]


class NodeRegistry:
    """User's nodes in ``QgsSettings`` (key ``simpul/nodes``, a JSON list)."""

    def __init__(self, settings=None):
        self._settings = settings or QgsSettings()

    def nodes(self):
        raw = self._settings.value(SETTINGS_KEY, "[]", type=str) or "[]"
        try:
            items = json.loads(raw)
        except ValueError:
            items = []
        return [Node.from_dict(d) for d in items if isinstance(d, dict) and d.get("url")]

    def get(self, node_id):
        return next((n for n in self.nodes() if n.id == node_id), None)

    def save(self, nodes):
        self._settings.setValue(SETTINGS_KEY, json.dumps([asdict(n) for n in nodes], ensure_ascii=False))

    def add(self, node):
        """Add or replace (same id or same URL) a node; returns it."""
        nodes = [n for n in self.nodes() if n.id != node.id and n.url.rstrip("/") != node.url.rstrip("/")]
        nodes.append(node)
        self.save(nodes)
        return node

    def update(self, node):
        nodes = self.nodes()
        for i, n in enumerate(nodes):
            if n.id == node.id:
                nodes[i] = node
                self.save(nodes)
                return node
        return self.add(node)

    def remove(self, node_id):
        self.save([n for n in self.nodes() if n.id != node_id])
