"""What a catalogue record is to Simpul, whichever catalogue it came from."""
from dataclasses import asdict, dataclass, field

# Kinds of link Simpul can load (Link.kind); anything else is "other".
LINK_KINDS = ("WMS", "WMTS", "WFS", "WCS", "OAPIF", "ArcGIS MapServer", "ArcGIS FeatureServer",
              "download", "metadata", "other")


@dataclass
class Link:
    url: str
    protocol: str = ""        # as the record says it (e.g. "OGC:WMS", "ESRI:ArcGIS:MapServer")
    name: str = ""            # layer / typename / collection id where the protocol needs one
    description: str = ""
    kind: str = "other"       # one of LINK_KINDS, recognised from protocol and URL shape


@dataclass
class Record:
    identifier: str
    title: str = ""
    abstract: str = ""
    keywords: list = field(default_factory=list)
    theme: str = ""            # KUGI category or ISO topic category
    type: str = "dataset"      # hierarchy level / record type
    organisation: str = ""
    contact: str = ""          # name / e-mail / phone as text
    date: str = ""             # ISO 8601 date (publication / revision / creation)
    bbox: tuple = None         # (minx, miny, maxx, maxy) in EPSG:4326 lon/lat, or None
    crs: list = field(default_factory=list)   # e.g. ["EPSG:9488"]
    lineage: str = ""
    constraints: str = ""
    links: list = field(default_factory=list)  # [Link]
    node_id: str = ""
    node_name: str = ""
    source_url: str = ""       # the catalogue endpoint it came from
    source_format: str = ""    # "iso19139" | "dc" | "ogcapi-records" | "ckan"
    harvested: str = ""        # ISO 8601 timestamp when Simpul fetched it
    dates: dict = field(default_factory=dict)       # {"publication"|"revision"|"creation"|"metadata": date}
    duplicates: list = field(default_factory=list)  # the other members of its group (other nodes):
                                                    # [{"node_id", "node_name", "identifier"}]
    members: list = field(default_factory=list)     # those members as whole Records (each loadable);
                                                    # filled by results.ResultSet, never cached
    score: float = 0.0         # relevance to the query that found it (higher first)
    from_cache: bool = False   # came from the offline cache, not from the node just now

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, d):
        d = dict(d)
        link_names = set(Link.__dataclass_fields__)
        d["links"] = [Link(**{k: v for k, v in l.items() if k in link_names}) if isinstance(l, dict) else l
                      for l in d.get("links") or []]
        if d.get("bbox") is not None:
            d["bbox"] = tuple(d["bbox"])
        d["members"] = [cls.from_dict(m) if isinstance(m, dict) else m for m in d.get("members") or []]
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in names})
