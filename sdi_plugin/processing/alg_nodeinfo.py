"""``sdi:nodeinfo`` — which services does a node answer?"""
import json

from qgis.core import QgsProcessingException

from ..core.i18n import tr, tr_noop
from ..core.files.safe_output import write_json
from ..core.nodes.nodeinfo import detect_services
from .base import SimpulAlgorithm


class NodeInfoAlgorithm(SimpulAlgorithm):
    NAME, GROUP = "nodeinfo", "discover"
    TITLE = tr_noop("Node information (detect services)")
    URL = "URL"

    def initAlgorithm(self, config=None):
        self.add_string(self.URL, tr("Node base URL"))
        self.add_number(self.TIMEOUT, tr("Time for the whole check (seconds)"), 5.0, minimum=0.5, maximum=120.0,
                        optional=True)
        self.add_destination(self.OUTPUT, tr("Node report (JSON)"), tr("JSON files (*.json)"))
        self.add_number_outputs(("SERVICE_COUNT", tr("Number of services found")))
        self.add_string_outputs(("SERVICES", tr("Services found (JSON)")), ("KINDS", tr("Service kinds found")))

    def processAlgorithm(self, parameters, context, feedback):
        url = self.text(parameters, self.URL, context)
        if not url:
            raise QgsProcessingException(tr("Give the node's base URL, e.g. http://127.0.0.1:8765"))
        timeout = self.parameterAsDouble(parameters, self.TIMEOUT, context) or 5.0
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        feedback.pushInfo(tr("Probing {url} …").format(url=url))
        info = detect_services(url, timeout=timeout, feedback=feedback)
        self.check_canceled(feedback)
        if not info.reachable:
            feedback.reportError(tr("The node at {url} did not answer: {why}").format(
                url=info.url, why=info.probes[0].message if info.probes else ""), False)
        for svc in info.services:
            feedback.pushInfo("%s %s — %s" % (svc.kind, svc.version, svc.url))
        if not info.services:
            feedback.pushWarning(tr("No known service found at {url}.").format(url=info.url))
        data = info.to_dict()
        with self.refused(OSError, path=out):
            write_json(out, data, tr("JSON file"))
        services = json.dumps(data["services"], ensure_ascii=False)
        return {self.OUTPUT: out, "SERVICE_COUNT": len(info.services), "SERVICES": services,
                "KINDS": ",".join(s.kind for s in info.services)}


ALGORITHMS = [NodeInfoAlgorithm]
