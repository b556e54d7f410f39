"""Rollback bookkeeping of a publish target: what counts as undone."""
from sdi_plugin.core.publish.model import PublishError
from sdi_plugin.core.publish.target import Journal, Target


class RefusingNode(Target):
    """A target whose node refuses every delete (as a CSW refuses a client it does not trust)."""
    kind = "test"

    def __init__(self):
        super().__init__("http://127.0.0.1:9")
        self.deletes = []

    def undo_delete(self, entry):
        self.deletes.append(entry.name)
        raise PublishError("NoApplicableCode: operations not allowed for this IP address")


def test_a_refused_create_is_not_a_failed_rollback_but_an_unknown_one_is(qgis_app):
    journal = Journal()
    refused = journal.add("test", "record", "made-nothing", "delete")
    refused.refused = True                      # the node answered the Insert with an error
    journal.add("test", "record", "maybe-made", "delete")   # outcome unknown: the connection dropped
    node = RefusingNode()
    results = node.rollback(list(reversed(journal.entries)))
    assert node.deletes == ["maybe-made", "made-nothing"]   # a delete is still tried for both
    by_name = {r["name"]: r for r in results}
    assert by_name["made-nothing"]["result"] == "done" and "refused" in by_name["made-nothing"]["message"]
    assert by_name["maybe-made"]["result"] == "failed" and "not allowed" in by_name["maybe-made"]["message"]
