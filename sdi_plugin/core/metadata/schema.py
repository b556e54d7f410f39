"""ISO 19139 XML Schema validation against the schemas bundled in ``resources/schemas/``
(copied from pycsw at set-up by ``tools/setup.d/20-iso-schemas.sh``; see its SOURCE.txt).

Offline by construction: the schema documents are parsed with ``no_network=True`` and a
resolver that answers every import from inside ``resources/schemas`` and refuses anything else,
so a schema never reaches the network, whatever its ``schemaLocation`` says.

Two releases are bundled, and each record is validated against the one it is written for
(:func:`release_of`): ISO/TS 19139:2007 (``20070417``, GML 3.2 ``http://www.opengis.net/gml/3.2``)
and the 2006 release (``20060504``, GML ``http://www.opengis.net/gml``), each with the ``srv``
schema for service records (``tools/setup.d/21-iso-schemas-2006-srv.sh``).

The schema is compiled for each call and never kept: a compiled lxml ``XMLSchema`` kept across
QGIS's opening of a GeoPackage is corrupted with libspatialite 5.1 (QGIS 3.40), and compiling
takes a few tens of milliseconds.
"""
import os
import threading

from lxml import etree
from qgis.PyQt.QtCore import QUrl

from ..errors import SimpulError
from ..i18n import tr
from ..paths import resource
from .namespaces import GML, GML32, GMD, GMX, SRV

SCHEMA_DIR = resource("schemas")
DEFAULT_RELEASE = "20070417"
RELEASES = ("20070417", "20060504")
# (namespace, path parts, required): gmd and gmx must be there; srv is used when bundled
_ROOTS = ((GMD, ("gmd", "gmd.xsd"), True), (GMX, ("gmx", "gmx.xsd"), True), (SRV, ("srv", "srv.xsd"), False))
ROOTS = tuple((ns, ("iso", "19139", DEFAULT_RELEASE) + parts) for ns, parts, _ in _ROOTS[:2])
XS = "http://www.w3.org/2001/XMLSchema"
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
MAX_ERRORS = 50

_lock = threading.Lock()


class SchemaUnavailable(SimpulError, RuntimeError):
    """The bundled schemas are missing or unreadable (message for people)."""


class _LocalOnly(etree.Resolver):
    """Answers schema imports from inside ``base``; refuses everything else (network, other files)."""

    def __init__(self, base):
        super().__init__()
        self.base = os.path.realpath(base)
        self.requested = []      # every URL libxml2 asked for (tests check no network was tried)
        self.refused = []

    def resolve(self, url, pubid, context):
        self.requested.append(url)
        qurl = QUrl(url)
        local = not qurl.scheme() or len(qurl.scheme()) == 1          # a plain path (C:/… on Windows)
        path = qurl.toLocalFile() if qurl.isLocalFile() else (url if local else "")
        real = os.path.realpath(path) if path else ""
        if real and real.startswith(self.base + os.sep) and os.path.isfile(real):
            return self.resolve_filename(real, context)
        self.refused.append(url)
        raise SchemaUnavailable(tr("The ISO 19139 schemas import {url}, which is not among the bundled "
                                   "schemas; refused (validation never uses the network).").format(url=url))


def schema_dir():
    return SCHEMA_DIR


def missing_message(base=None):
    return tr("The ISO 19139 schemas are not installed in {folder}. Run 'make setup' (it copies them "
              "from pycsw), or install Simpul from its release zip, which includes them.").format(
        folder=base or SCHEMA_DIR)


def release_of(root):
    """The ISO 19139 release a record is written for: "20060504" when it uses the 2006 GML namespace
    (http://www.opengis.net/gml) or its schemaLocation names 20060504, else "20070417"."""
    gml06 = gml07 = False
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in [el.tag] + list(el.attrib):
            if name.startswith("{%s}" % GML):
                gml06 = True
            elif name.startswith("{%s}" % GML32):
                gml07 = True
    if gml06 != gml07:
        return "20060504" if gml06 else "20070417"
    return "20060504" if "/20060504/" in (root.get(XSI_LOCATION) or "") else DEFAULT_RELEASE


def release_label(release):
    return {"20070417": "ISO/TS 19139:2007 (20070417, GML 3.2)",
            "20060504": "ISO/TS 19139 2006 release (20060504, GML http://www.opengis.net/gml)"}.get(release, release)


def load_schema(base=None, release=DEFAULT_RELEASE):
    """A newly compiled ``etree.XMLSchema`` for gmd + gmx (+ srv when bundled) of one release, and the
    resolver that served it. Never cached (see the module documentation).

    Raises :class:`SchemaUnavailable` when the schemas are missing or do not compile."""
    base = os.path.abspath(base or SCHEMA_DIR)
    folder = ("iso", "19139", release)
    files = [(ns, os.path.join(base, *(folder + parts)), required) for ns, parts, required in _ROOTS]
    if not all(os.path.isfile(f) for _, f, required in files if required):
        raise SchemaUnavailable(missing_message(base))
    resolver = _LocalOnly(base)
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(resolver)
    wrapper = etree.Element("{%s}schema" % XS, nsmap={"xs": XS})
    for ns, path, _ in files:
        if os.path.isfile(path):
            etree.SubElement(wrapper, "{%s}import" % XS, namespace=ns,
                             schemaLocation=QUrl.fromLocalFile(os.path.realpath(path)).toString())
    try:
        doc = etree.fromstring(etree.tostring(wrapper), parser)
        schema = etree.XMLSchema(doc)
    except SchemaUnavailable:
        raise
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        if resolver.refused:
            raise SchemaUnavailable(tr("The ISO 19139 schemas import {url}, which is not among the bundled "
                                       "schemas; refused (validation never uses the network).").format(
                url=resolver.refused[0])) from None
        raise SchemaUnavailable(tr("The bundled ISO 19139 schemas in {folder} could not be read: "
                                   "{error}").format(folder=base, error=exc)) from None
    return schema, resolver


def schema_errors(root, base=None, release=None):
    """Schema errors of an MD_Metadata element against the release it is written for (or ``release``):
    a list of (line, message, path); [] when valid."""
    schema, _ = load_schema(base, release or release_of(root))
    with _lock:
        if schema.validate(root):
            return []
        return [(e.line, e.message, e.path) for e in list(schema.error_log)[:MAX_ERRORS]]


def clear_cache():
    """Nothing is cached any more (kept for callers)."""
