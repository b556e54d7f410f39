"""The shapes a publish works with: one planned remote change, the job, the endpoints of a node.

A publish is a list of :class:`Change` — one per remote resource (workspace, data store,
feature type, style, layer, catalogue record …), each ``create``, ``update`` or ``skip`` as
found by probing the node. The same list, with results filled in, is the OUTPUT_PLAN JSON
(contract: see README): ``Change.to_dict()`` gives its ``changes`` entries.
"""
from dataclasses import asdict, dataclass, field
from .. import errors
from ..errors import SimpulError

CREATE = "create"
UPDATE = "update"
SKIP = "skip"

# Change.result
PLANNED = "planned"
DONE = "done"
FAILED = "failed"
ROLLED_BACK = "rolled_back"
NOT_RUN = "not_run"

# PublishReport.result
R_PLANNED = "planned"          # dry run: nothing was changed
R_PUBLISHED = "published"      # every change applied (verification may still warn)
R_FAILED = "failed"            # a step failed; what was done was rolled back
R_BLOCKED = "blocked"          # the validation gate or a missing confirmation stopped it first
R_CANCELED = "canceled"        # the user canceled; what was done was rolled back


class PublishError(SimpulError):
    """A step could not be done. ``message`` is for people (with the server's own words)."""

    def __init__(self, message, status=0, server_text="", url="", answered=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.server_text = server_text
        self.url = url
        # the server answered (an error status, or an exception report): it did not make the change
        self.answered = bool(status) if answered is None else answered


class Canceled(errors.Canceled, PublishError):
    """The user canceled."""


@dataclass
class Change:
    target: str                # "geoserver" | "csw" | "records"
    resource: str              # "workspace" | "datastore" | "featuretype" | "style" | "layer" | "record"
    name: str                  # the resource's name on the node (e.g. "simpul:JALAN_LN_10K")
    action: str                # create | update | skip
    url: str = ""              # the REST/endpoint address the change goes to
    detail: str = ""           # what will be done, for people
    needs_confirmation: bool = False   # overwriting what the node already serves
    result: str = PLANNED
    message: str = ""          # the outcome for people (the server's words on failure)
    http_status: int = 0

    def to_dict(self):
        return asdict(self)


@dataclass
class Endpoints:
    """Where a node takes what is published. Empty strings are targets the node lacks."""
    base_url: str = ""
    geoserver_rest: str = ""   # e.g. https://host/geoserver/rest
    csw: str = ""              # CSW endpoint accepting Transaction (pycsw: /csw; GeoNetwork: …/csw-publication)
    csw_flavour: str = ""      # "pycsw" | "geonetwork" | "" (generic CSW-T)
    records: str = ""          # OGC API Records collection URL (…/collections/{id}) accepting transactions
    wms: str = ""              # for verification: the node's WMS
    wfs: str = ""              # … and WFS
    csw_read: str = ""         # CSW endpoint for discovery (GetRecordById), when not the transaction one
    geonode: str = ""          # a GeoNode's API root (…/api/v2) taking uploads

    def to_dict(self):
        return asdict(self)

    def targets(self):
        return [k for k in ("geoserver", "geonode", "csw", "records") if self.target_url(k)]

    def target_url(self, kind):
        return {"geoserver": self.geoserver_rest, "csw": self.csw, "records": self.records,
                "geonode": self.geonode}.get(kind, "")


@dataclass
class Dataset:
    """What is published, as read from the source (see :mod:`.dataset`)."""
    source: str                # the layer's source (file path, or provider URI)
    provider: str = "ogr"      # "ogr" | "postgres"
    path: str = ""             # the file on disk (GeoPackage, Shapefile …)
    table: str = ""            # the layer's table / layer name in the source
    format: str = ""           # "GPKG" | "ESRI Shapefile" | "PostGIS" | other OGR driver
    geometry: str = ""         # "Point" | "LineString" | "Polygon" | …
    crs: str = ""              # authid, e.g. "EPSG:9488"
    feature_count: int = 0
    bbox_4326: tuple = None    # (minx, miny, maxx, maxy) lon/lat
    native_bbox: tuple = None
    title: str = ""
    abstract: str = ""
    keywords: list = field(default_factory=list)
    fields: list = field(default_factory=list)       # [{"name", "type"}]
    metadata_ref: str = ""     # the KUGI METADATA attribute when every feature holds the same value
    size_bytes: int = 0
    layer: object = None       # the QgsVectorLayer (not serialised)

    def to_dict(self):
        from dataclasses import fields
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "layer"}


@dataclass
class Job:
    """One publish of one dataset to one node."""
    dataset: Dataset
    endpoints: Endpoints
    workspace: str = "simpul"
    layer_name: str = ""       # the published name (GeoServer feature type / layer), default the table name
    store_name: str = ""       # the GeoServer data store, default the layer name
    style_name: str = ""       # default the layer name
    record_id: str = ""        # the catalogue record's identifier (ISO fileIdentifier)
    iso_xml: bytes = b""       # the ISO 19139 record as it will be published
    sld: bytes = b""           # the layer's symbology as SLD
    authcfg: str = ""
    overwrite: bool = False
    override_reason: str = ""
    timeout: float = 30.0      # seconds without progress before a request is given up
    postgis_store: str = ""    # an existing PostGIS store on the node to publish a PostGIS table from
    upload_path: str = ""      # prepared at apply time (a single-layer GeoPackage or a zipped Shapefile)
    upload_format: str = ""    # "gpkg" | "shp"
    links: dict = field(default_factory=dict)   # wms, wfs, record, layer_rest … (computed by the runner)

    @property
    def qualified_name(self):
        return "%s:%s" % (self.workspace, self.layer_name)
