"""XML namespaces of ISO 19139 (and the few of ISO 19115-3 Simpul reads)."""
GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
GMX = "http://www.isotc211.org/2005/gmx"
GMI = "http://www.isotc211.org/2005/gmi"
SRV = "http://www.isotc211.org/2005/srv"
GML32 = "http://www.opengis.net/gml/3.2"
GML = "http://www.opengis.net/gml"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# What Simpul writes (gml = GML 3.2, as ISO/TS 19139:2007 imports it).
NSMAP = {"gmd": GMD, "gco": GCO, "gmx": GMX, "gml": GML32, "xlink": XLINK, "xsi": XSI}
# What Simpul's XPaths read (both GML namespaces seen in the wild).
READ_NS = {"gmd": GMD, "gco": GCO, "gmx": GMX, "gmi": GMI, "srv": SRV, "gml": GML, "gml32": GML32,
           "xlink": XLINK}

SCHEMA_LOCATION = "%s http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd" % GMD
LANGUAGE_CODELIST = "http://www.loc.gov/standards/iso639-2/"
MD_STANDARD_URI = GMD        # gpkg_metadata.md_standard_uri for ISO 19139

ISO3_ROOTS = ("http://standards.iso.org/iso/19115/-3/mdb/2.0", "http://standards.iso.org/iso/19115/-3/mdb/1.0")
