"""A small scripted HTTP server on 127.0.0.1 for the bad answers real servers give:
error pages, 500s, redirects, hanging, huge or hostile bodies. Each route is a function
``handler(request) -> None`` that writes the answer itself."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class ScriptedServer:
    def __init__(self):
        self.routes = {}
        self.release = threading.Event()   # hanging handlers wait on this
        self.hits = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = urlsplit(self.path).path
                outer.hits.append(self.path)
                route = outer.routes.get(path)
                if route is None:
                    self.send_simple(404, b"not found", "text/plain")
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def send_simple(self, status, body, ctype="text/plain", headers=None):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = "http://127.0.0.1:%d" % self.port
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    # ready-made behaviours -------------------------------------------------
    def static(self, path, body, status=200, ctype="application/xml", headers=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = lambda req: req.send_simple(status, body, ctype, headers)

    def hang(self, path):
        def handler(req):
            self.release.wait(60)   # held until the test ends (bounded, never forever)
        self.routes[path] = handler

    def huge(self, path, total=200 * 1024 * 1024, declare_length=True):
        def handler(req):
            req.send_response(200)
            req.send_header("Content-Type", "application/xml")
            if declare_length:
                req.send_header("Content-Length", str(total))
            else:
                req.send_header("Transfer-Encoding", "chunked")
            req.end_headers()
            chunk = b"<a>" + b"x" * 65530 + b"</a>"
            sent = 0
            while sent < total and not self.release.is_set():
                if declare_length:
                    req.wfile.write(chunk)
                else:
                    req.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            if not declare_length:
                req.wfile.write(b"0\r\n\r\n")
        self.routes[path] = handler

    def redirect(self, path, location, status=302):
        self.routes[path] = lambda req: req.send_simple(status, b"", "text/plain", {"Location": location})

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
