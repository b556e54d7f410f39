"""Answers of the demo node's GeoServer REST emulation (``demo.publish_rest``): status, body, and the error bodies GeoServer
gives — plain text for ResourceNotFoundException (404) and general exceptions (500), the
servlet container's HTML page for RestException 4xx (GeoServer calls ``response.sendError``)."""
from html import escape


class Answer(Exception):
    """A complete answer: status, content type, body, extra headers."""

    def __init__(self, status, body=b"", ctype="text/plain", headers=None):
        super().__init__(status)
        self.status, self.ctype, self.headers = status, ctype, headers or {}
        self.body = body.encode("utf-8") if isinstance(body, str) else body


REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
           409: "Conflict", 415: "Unsupported Media Type", 500: "Internal Server Error"}


def container_page(status, message):
    """Tomcat 9's error report page, as GeoServer's RestException 4xx produce it."""
    reason = REASONS.get(status, "Error")
    return ('<!doctype html><html lang="en"><head><title>HTTP Status %d – %s</title><style type="text/css">'
            'body {font-family:Tahoma,Arial,sans-serif;}</style></head><body><h1>HTTP Status %d – %s</h1>'
            '<hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> %s</p><p><b>Description</b> '
            'The server cannot or will not process the request.</p><hr class="line" /><h3>Apache Tomcat/9.0.83</h3>'
            '</body></html>' % (status, reason, status, reason, escape(message, quote=True), ))


def not_found(message, quiet=False):
    return Answer(404, "" if quiet else message)


def rest_error(status, message):
    return Answer(status, container_page(status, message), "text/html;charset=utf-8")


def server_error(message):
    return Answer(500, message)
