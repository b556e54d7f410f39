"""Fault injection for the test servers: a request matching a fault fails, the way real
servers and networks fail.

Kinds:
  ``500``      the server answers 500 with an error text (nothing is changed)
  ``401``      the server refuses the credentials (nothing is changed)
  ``drop``     the connection is closed while the body is still coming in (nothing is changed)
  ``timeout``  the server does the work, then never answers (the change *is* made; the client
               gives up not knowing) — held until the test ends
A fault fires ``times`` times and is then spent: by default once, and ``drop`` four times — Qt
itself resends a request up to three times when the connection drops before an answer (so a
one-off drop is recovered without the client noticing); the fourth drop reaches the client.
"""
import re
import socket
import threading

KINDS = ("500", "401", "drop", "timeout")


class Fault:
    def __init__(self, method, pattern, kind, times=None, body_contains=None, message=None):
        if kind not in KINDS:
            raise ValueError(kind)
        self.method = method.upper()
        self.pattern = re.compile(pattern)
        self.kind = kind
        self.left = times if times is not None else (4 if kind == "drop" else 1)
        self.body_contains = body_contains.encode() if isinstance(body_contains, str) else body_contains
        self.message = message or "java.lang.RuntimeException: simulated failure (fault injection)"
        self.fired = 0

    def matches(self, method, path, body_head=b""):
        if self.left <= 0 or method != self.method or not self.pattern.search(path):
            return False
        return self.body_contains is None or self.body_contains in body_head


class FaultBox:
    """The faults of one server; ``release`` ends held (``timeout``) connections."""

    def __init__(self):
        self.faults = []
        self.lock = threading.Lock()
        self.release = threading.Event()

    def add(self, method, pattern, kind, **kw):
        fault = Fault(method, pattern, kind, **kw)
        with self.lock:
            self.faults.append(fault)
        return fault

    def clear(self):
        with self.lock:
            self.faults = []

    def take(self, method, path, body_head=b""):
        with self.lock:
            for fault in self.faults:
                if fault.matches(method, path, body_head):
                    fault.left -= 1
                    fault.fired += 1
                    return fault
        return None


def drop_connection(handler, length, read_fraction=0.5):
    """Read part of the request body, then close the connection without an answer."""
    try:
        want = min(int(length * read_fraction), 256 * 1024)
        while want > 0:
            chunk = handler.rfile.read(min(65536, want))
            if not chunk:
                break
            want -= len(chunk)
        handler.connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    handler.close_connection = True


def hold(handler, box, seconds=60):
    """Never answer: keep the connection open until the test releases it, then close it."""
    box.release.wait(seconds)
    try:
        handler.connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    handler.close_connection = True


def dispatching_handler(target, methods):
    """A request handler class that hands each request of ``methods`` to
    ``target.dispatch(handler, METHOD)`` (the test doubles' single entry point)."""
    from http.server import BaseHTTPRequestHandler

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True   # headers and body go out at once (no 40 ms delayed-ACK stall)

        def log_message(self, *args):
            pass

    for method in methods:
        setattr(Handler, "do_" + method, lambda self, m=method: target.dispatch(self, m))
    return Handler
