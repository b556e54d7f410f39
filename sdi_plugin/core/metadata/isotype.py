"""ISO 19139 records written in a national profile: elements that say which ISO element they
stand for with ``gco:isoType`` (geocat.ch's ``che:CHE_MD_Metadata gco:isoType="gmd:MD_Metadata"``,
``che:CHE_MD_DataIdentification``, ``che:CHE_CI_ResponsibleParty`` …), and the ISO 19115-2 root
``gmi:MI_Metadata``. Search, the reader and the checker all find records with :func:`is_iso_root`
and read them through :func:`iso_view`."""
import copy

from lxml import etree

from .namespaces import GCO, GMD, GMI, SRV

ISOTYPE = "{%s}isoType" % GCO
ROOT_NAMES = ("MD_Metadata", "MI_Metadata")
ROOT_TAGS = ("{%s}MD_Metadata" % GMD, "{%s}MI_Metadata" % GMI)
_KNOWN = {"gmd": GMD, "gmi": GMI, "srv": SRV, "gco": GCO}


def iso_tag(el):
    """The ISO tag (``{ns}name``) an element's ``gco:isoType`` names, or None."""
    value = (el.get(ISOTYPE) or "").strip() if isinstance(el.tag, str) else ""
    if not value:
        return None
    prefix, _, name = value.rpartition(":")
    ns = (el.nsmap.get(prefix) if prefix else None) or _KNOWN.get(prefix or "gmd")
    if not ns or not name:
        return None
    return "{%s}%s" % (ns, name)


def is_iso_root(el):
    """Whether ``el`` is an ISO 19139 record: gmd:MD_Metadata, gmi:MI_Metadata, or a profile element
    whose gco:isoType names MD_Metadata or MI_Metadata."""
    if not isinstance(el.tag, str):
        return False
    if el.tag in ROOT_TAGS:
        return True
    tag = iso_tag(el)
    return tag in ROOT_TAGS


def find_iso_root(root):
    """The record in ``root`` (itself, or the first one inside, e.g. in a CSW answer), or None."""
    for el in root.iter():
        if is_iso_root(el):
            return el
    return None


def foreign_namespaces(md):
    """Namespaces of elements in ``md`` outside ISO 19139 / GML / XLink (a national profile's own)."""
    iso = {GMD, GCO, SRV, GMI, "http://www.isotc211.org/2005/gmx", "http://www.isotc211.org/2005/gts",
           "http://www.isotc211.org/2005/gsr", "http://www.isotc211.org/2005/gss", "http://www.opengis.net/gml",
           "http://www.opengis.net/gml/3.2", "http://www.w3.org/1999/xlink"}
    out = []
    for el in md.iter():
        if isinstance(el.tag, str):
            ns = etree.QName(el).namespace
            if ns not in iso and ns not in out:
                out.append(ns)
    return out


def iso_view(md):
    """``md`` as plain ISO: each element with a gco:isoType renamed to the ISO element it stands for
    (in a copy; ``md`` itself when nothing needs renaming). Profile-only elements stay as they are:
    ISO XPaths do not see them."""
    if not any(el.get(ISOTYPE) for el in md.iter() if isinstance(el.tag, str)):
        return md
    view = copy.deepcopy(md)
    for el in list(view.iter()):
        tag = iso_tag(el)
        if tag:
            el.tag = tag
            del el.attrib[ISOTYPE]
    return view
