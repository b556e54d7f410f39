"""One interface for every publish target: plan → apply → rollback → verify.

* ``plan(job)`` probes the node (reads only) and returns the :class:`~.model.Change` list:
  create / update / skip per resource.
* ``apply(job, changes, journal, feedback)`` makes the changes in order. Before each change
  it writes into the :class:`Journal` how to undo it (a snapshot of what was there — e.g. the
  style's SLD body before a PUT — or "delete what I am about to create"), so a failure at any
  point can be undone. It raises :class:`~.model.PublishError` with the server's words.
* ``rollback(entries)`` undoes the target's journal entries, newest first, and returns what
  it did (for the report); it never raises.
* ``verify(job)`` checks from the outside that what was published is there; returns checks.
"""
from ..i18n import tr
from .http_util import Client


class JournalEntry:
    """How to undo one change. ``undo`` names the target's method; ``data`` what it needs."""

    __slots__ = ("target", "resource", "name", "undo", "data", "applied", "refused")

    def __init__(self, target, resource, name, undo, data=None):
        self.target, self.resource, self.name, self.undo = target, resource, name, undo
        self.data = data or {}
        self.applied = False   # set once the server confirmed; unknown outcomes stay False
        self.refused = False   # the server answered the change with an error: it did not make it

    def to_dict(self):
        return {"target": self.target, "resource": self.resource, "name": self.name, "undo": self.undo}


class Journal:
    """Undo entries of one publish, oldest first."""

    def __init__(self):
        self.entries = []

    def mark(self, since, exc):
        """After a failed change: if it journalled an entry (``len`` was ``since`` before) and the
        server answered with an error (not a lost connection), that change was not made."""
        if len(self.entries) > since and getattr(exc, "answered", False):
            self.entries[-1].refused = True

    def add(self, target, resource, name, undo, data=None):
        entry = JournalEntry(target, resource, name, undo, data)
        self.entries.append(entry)
        return entry

    def __len__(self):
        return len(self.entries)


class Target:
    """Base class: a kind of remote service things are published to."""

    kind = ""          # "geoserver" | "csw" | "records"
    label = ""         # for people

    def __init__(self, url, authcfg="", timeout=30.0):
        self.url = url.rstrip("/")
        self.client = Client(authcfg=authcfg, timeout=timeout)

    def plan(self, job):
        raise NotImplementedError

    def apply(self, job, changes, journal, feedback=None, workdir=None, progress=None):
        raise NotImplementedError

    def rollback(self, entries, feedback=None):
        """Undo ``entries`` (this target's, newest first); returns report dicts, never raises.

        A restore is skipped when the server refused the change (nothing was changed); a
        delete is always tried (a server may fail half-way; "not found" is fine), and when the
        server had refused the change, a delete it refuses too is no failure of the rollback."""
        done = []
        for entry in entries:
            if entry.refused and entry.undo.startswith("restore") and not entry.data.get("always"):
                done.append(dict(entry.to_dict(), result="done", message=tr("unchanged (the node refused the change)")))
                continue
            try:
                getattr(self, "undo_" + entry.undo)(entry)
                done.append(dict(entry.to_dict(), result="done", message=""))
            except Exception as exc:  # noqa: BLE001 - a failed undo is reported, the others still run
                if entry.refused:   # the node answered the change with an error: it made nothing to undo
                    done.append(dict(entry.to_dict(), result="done",
                                     message=tr("nothing to remove (the node refused the change)")))
                else:
                    done.append(dict(entry.to_dict(), result="failed", message=getattr(exc, "message", str(exc))))
        return done

    def verify(self, job):
        return []
