#!/usr/bin/env python3
"""The printable quick-reference card (A4), in Indonesian and English, from HTML sources.

    /usr/bin/python3 tools/quickref.py                 # docs/kartu-ringkas.pdf, docs/quick-reference.pdf
    /usr/bin/python3 tools/quickref.py --png build/quickref   # also page 1 of each as PNG (to look at)

Sources: docs/quickref_id.html and docs/quickref_en.html (plain HTML, no styles: the card's look
is STYLE below). Rendered with Qt's QTextDocument into a QPrinter in PDF format — only what
Debian's python3-qgis brings. Page 1 to PNG uses GDAL's PDF driver (python3-gdal, also a QGIS
dependency).
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
CARDS = [("quickref_id.html", "kartu-ringkas.pdf"), ("quickref_en.html", "quick-reference.pdf")]
MARGIN_MM = 0
STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 9.2pt; color: #1b2631; }
h1 { font-size: 15pt; color: #1f5f8b; margin: 0 0 2px 0; }
h2 { font-size: 10.5pt; color: #ffffff; background-color: #1f5f8b; margin: 9px 0 3px 0; }
p { margin: 2px 0 2px 0; }
p.sub { color: #566573; margin-bottom: 4pt; }
p.rules { font-size: 8pt; }
p.foot { color: #7f8c8d; font-size: 7.5pt; margin-top: 10pt; }
table { border-collapse: collapse; }
th { background-color: #d6e4f0; text-align: left; }
td, th { padding: 2px 4px 2px 4pt; border: 1px solid #c5d3e0; vertical-align: top; }
code { font-family: 'DejaVu Sans Mono'; font-size: 7.8pt; color: #1f4e79; }
.ok { color: #1e8449; font-weight: bold; }
.warn { color: #b9770e; font-weight: bold; }
.err { color: #c0392b; font-weight: bold; }
.info { color: #2e86c1; font-weight: bold; }
"""


def app():
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.PyQt.QtWidgets import QApplication
    return QApplication.instance() or QApplication(sys.argv[:1])


def render(html_path, pdf_path):
    """``html_path`` as an A4 PDF at ``pdf_path``; returns its page count."""
    from qgis.PyQt.QtCore import QMarginsF
    from qgis.PyQt.QtGui import QPageLayout, QPageSize, QTextDocument
    from qgis.PyQt.QtPrintSupport import QPrinter

    with open(html_path, encoding="utf-8") as fh:
        html = fh.read()
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(pdf_path)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                      QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Millimeter))
    doc = QTextDocument()
    doc.setDefaultStyleSheet(STYLE)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    # no page size of our own: print_() then lays the text out at the printer's resolution (true
    # point sizes) inside a 2 cm margin of its own, so the printer's margins are zero
    title = doc.metaInformation(QTextDocument.DocumentTitle)
    if title:
        printer.setDocName(title)
    doc.print_(printer)
    return doc.pageCount()


def page_png(pdf_path, png_path, dpi=110):
    """Page 1 of ``pdf_path`` as a PNG (GDAL's PDF driver); returns the path, or '' without GDAL."""
    try:
        from osgeo import gdal
    except ImportError:
        return ""
    gdal.UseExceptions()
    gdal.Translate(png_path, gdal.OpenEx(pdf_path, open_options=["DPI=%d" % dpi]), format="PNG")
    aux = png_path + ".aux.xml"
    if os.path.exists(aux):
        os.remove(aux)
    return png_path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DOCS, help="folder for the PDFs (default docs/)")
    ap.add_argument("--png", default="", help="also write page 1 of each PDF as PNG into this folder")
    args = ap.parse_args(argv)
    qapp = app()  # noqa: F841 - kept alive while printing
    status = 0
    for source, target in CARDS:
        src = os.path.join(DOCS, source)
        pdf = os.path.join(args.out, target)
        os.makedirs(args.out, exist_ok=True)
        pages = render(src, pdf)
        print("%s: %d page(s) from %s" % (os.path.relpath(pdf, ROOT), pages, os.path.relpath(src, ROOT)))
        if pages > 2:
            print("quickref: %s runs to %d pages; the card must fit on 2 A4 pages" % (target, pages), file=sys.stderr)
            status = 1
        if args.png:
            os.makedirs(args.png, exist_ok=True)
            png = page_png(pdf, os.path.join(args.png, os.path.splitext(target)[0] + "-p1.png"))
            print("  page 1: %s" % (png or "(no GDAL: not rendered)"))
    return status


if __name__ == "__main__":
    sys.exit(main())
