"""Hostile and broken documents, shared by the tests."""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms"><Service><Title>&lol9;</Title></Service></WMS_Capabilities>
"""


def xxe(path):
    return ("""<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file://%s"> ]>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms"><Service><Title>&xxe;</Title></Service></WMS_Capabilities>
""" % path).encode()


def xxe_parameter(url):
    return ("""<?xml version="1.0"?>
<!DOCTYPE foo SYSTEM "%s">
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms"><Service><Title>x</Title></Service></WMS_Capabilities>
""" % url).encode()


HTML_ERROR = b"""<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"""

MALFORMED = b"""<?xml version="1.0"?><WMS_Capabilities version="1.3.0"><Service><Title>x</Service>"""

WMS_OK = b"""<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms"><Service><Name>WMS</Name><Title>Peta Dasar</Title></Service><Capability/></WMS_Capabilities>"""


# --- hostile answers for tests/httpfixture.ScriptedServer routes ---------------------------------
# Each is a factory: ``server.routes["/x"] = endless_answer(server.release)``; the handler writes
# until the client goes away or ``stop`` is set (never past ``limit_s`` seconds).

def endless_answer(stop, limit_s=120):
    """200 with a body that never ends (chunked, as fast as the socket takes it)."""
    import time

    def handler(req):
        req.send_response(200)
        req.send_header("Content-Type", "application/xml")
        req.send_header("Transfer-Encoding", "chunked")
        req.end_headers()
        chunk = b"<a>" + b"x" * 65530 + b"</a>"
        frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
        req.wfile.write(b"%x\r\n%s\r\n" % (6, b"<root>"))
        end = time.monotonic() + limit_s
        while not stop.is_set() and time.monotonic() < end:
            req.wfile.write(frame)
    return handler


def _gzip_pieces(block=1024 * 1024):
    """(head, unit): a gzip stream's start and a unit that may follow it any number of times
    (each unit inflates to ``block`` zero bytes; a full flush makes every unit the same bytes)."""
    import zlib
    zero = bytes(block)
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = comp.compress(zero) + comp.flush(zlib.Z_FULL_FLUSH)
    unit = comp.compress(zero) + comp.flush(zlib.Z_FULL_FLUSH)
    assert unit == comp.compress(zero) + comp.flush(zlib.Z_FULL_FLUSH)
    return head, unit


def gzip_bomb(stop, inflated_gb=None, limit_s=120):
    """200 ``Content-Encoding: gzip`` whose body inflates to ``inflated_gb`` GB of zeros (None:
    without end), a thousand times what goes over the wire."""
    import time
    head, unit = _gzip_pieces()

    def handler(req):
        req.send_response(200)
        req.send_header("Content-Type", "application/xml")
        req.send_header("Content-Encoding", "gzip")
        req.send_header("Transfer-Encoding", "chunked")
        req.end_headers()
        units = 64
        frame = unit * units
        frame = b"%x\r\n%s\r\n" % (len(frame), frame)
        req.wfile.write(b"%x\r\n%s\r\n" % (len(head), head))
        sent_mb = 1
        end = time.monotonic() + limit_s
        while not stop.is_set() and time.monotonic() < end:
            if inflated_gb is not None and sent_mb >= inflated_gb * 1024:
                break
            req.wfile.write(frame)
            sent_mb += units
        req.wfile.write(b"0\r\n\r\n")
    return handler
