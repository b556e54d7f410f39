"""A small client over :func:`sdi_plugin.core.network.http.http_request` for the publish targets:
the node's authcfg and timeout on every call, and failures turned into
:class:`~.model.PublishError` carrying the server's own words."""
import json

from ..network.http import NotJson, http_request
from ..i18n import tr
from .errors import describe_failure, server_text
from .model import Canceled, PublishError

SMALL = 20 * 1024 * 1024   # cap for answers read into memory (listings, records, styles)


class Client:
    def __init__(self, authcfg="", timeout=30.0):
        self.authcfg = authcfg or ""
        self.timeout = float(timeout)
        self.feedback = None   # set by the runner for the duration of a publish

    def request(self, method, url, body=None, headers=None, progress=None, output_path=None, timeout=None):
        return http_request(method, url, body, headers=headers, timeout=timeout or self.timeout,
                            authcfg=self.authcfg, feedback=self.feedback, progress=progress,
                            max_bytes=SMALL, output_path=output_path)

    def check(self, resp, what, ok=(200, 201)):
        """Raise PublishError (or Canceled) unless ``resp`` has one of the ``ok`` statuses."""
        if resp.canceled:
            raise Canceled(tr("Canceled."))
        if resp.status in ok and not resp.timed_out and not (resp.error and not resp.status):
            return resp
        message = describe_failure(what, resp)
        raise PublishError(message[:1].upper() + message[1:], resp.status,
                           server_text(resp.content, resp.content_type), resp.url,
                           answered=bool(resp.status) and not resp.timed_out)

    def send(self, method, url, body, what, content_type="application/json", ok=(200, 201), progress=None,
             accept=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {}
        if body is not None and content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        return self.check(self.request(method, url, body, headers, progress=progress), what, ok)

    def probe(self, url, what, accept="application/json"):
        """GET ``url``: the response when it exists (200), None when it does not (404); raises otherwise."""
        resp = self.request("GET", url, headers={"Accept": accept} if accept else None)
        if resp.status == 404 and not resp.timed_out:
            return None
        return self.check(resp, what, ok=(200,))

    def get_json(self, url, what):
        """The parsed JSON at ``url``, or None when it does not exist (404)."""
        resp = self.probe(url, what)
        if resp is None:
            return None
        try:
            return resp.json()
        except NotJson as exc:
            raise PublishError(tr("{what}: {why}").format(what=what, why=exc), resp.status, url=url) from None
