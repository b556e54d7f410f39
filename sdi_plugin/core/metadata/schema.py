"""ISO 19139 XML Schema validation against the schemas bundled in ``resources/schemas/``
(copied from pycsw at set-up by ``tools/setup.d/20-iso-schemas.sh``; see its SOURCE.txt).

Offline by construction: the schema documents are parsed with ``no_network=True`` and a
resolver that answers every import from inside ``resources/schemas`` and refuses anything else,
so a schema never reaches the network, whatever its ``schemaLocation`` says.

The schema is compiled anew for every check (about 0.02 s) and never kept across calls: with
libspatialite 5.1 (QGIS 3.40 on Debian 13), QGIS opening a GeoPackage cleans up libxml2's global
state, after which a compiled ``XMLSchema`` kept from before segfaults or reports nonsense.
"""
import os
import threading

from lxml import etree
from qgis.PyQt.QtCore import QUrl

from ..i18n import tr
from ..paths import resource
from .namespaces import GMD, GMX

SCHEMA_DIR = resource("schemas")
ROOTS = ((GMD, ("iso", "19139", "20070417", "gmd", "gmd.xsd")),
         (GMX, ("iso", "19139", "20070417", "gmx", "gmx.xsd")))
XS = "http://www.w3.org/2001/XMLSchema"
MAX_ERRORS = 50

_lock = threading.Lock()   # one compile/validation at a time (libxml2's global state)


class SchemaUnavailable(RuntimeError):
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


def load_schema(base=None):
    """A freshly compiled ``etree.XMLSchema`` for gmd + gmx, and the resolver that served it.
    Use it at once and drop it (never keep it across calls: see the module's docstring).

    Raises :class:`SchemaUnavailable` when the schemas are missing or do not compile."""
    base = os.path.abspath(base or SCHEMA_DIR)
    with _lock:
        files = [os.path.join(base, *parts) for _, parts in ROOTS]
        if not all(os.path.isfile(f) for f in files):
            raise SchemaUnavailable(missing_message(base))
        resolver = _LocalOnly(base)
        parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
        parser.resolvers.add(resolver)
        wrapper = etree.Element("{%s}schema" % XS, nsmap={"xs": XS})
        for (ns, _), path in zip(ROOTS, files):
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


def schema_errors(root, base=None):
    """Schema errors of an MD_Metadata element: a list of (line, message, path); [] when valid."""
    schema, _ = load_schema(base)
    with _lock:
        if schema.validate(root):
            return []
        return [(e.line, e.message, e.path) for e in list(schema.error_log)[:MAX_ERRORS]]


def clear_cache():
    """Kept for callers of earlier releases: there is no cache any more."""
