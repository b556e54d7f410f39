"""One shape for every finding, from the dataset validator and the metadata checker alike.

The JSON report's ``findings`` entries are ``Finding.to_dict()``: ``rule``, ``severity``,
``feature_id``, ``message``, ``fix`` (contract: see README), plus optional ``location`` (WKT in
the layer's CRS) and ``details`` (rule-specific facts, e.g. the overlapping pair and area).

A province's validation can hold hundreds of thousands of findings of a few kinds (overlapping
parcels, invalid geometries): those are made with :meth:`Finding.worded`, keeping only their
facts (e.g. the other feature and the area) and a :class:`Wording` shared by the run, and their
message and details (and an overlap's WKT, kept as WKB) are made each time they are read: about
250 bytes each instead of 800 with a message string, a WKT and a details dictionary of their own
(at 2,000,000 parcels in bench/postgis_bench.py, 80,000 findings: some 35 MB less).
"""
ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)


class Wording:
    """How the findings of one kind read, one for a run: ``template`` (translated when the run
    made it) filled with the first dictionary that ``fill(feature_id, facts)`` gives; the second
    is the finding's details. ``place(location)``, if given, makes the WKT of a location kept in
    another form (e.g. WKB: a third of the size for an overlap's polygon)."""
    __slots__ = ("template", "fill", "place")

    def __init__(self, template, fill, place=None):
        self.template, self.fill, self.place = template, fill, place


class Finding:
    """A finding: ``rule`` (stable id, e.g. "topo.overlap"), ``severity`` ("error", "warning",
    "info"), ``message`` and ``fix`` (in the report's language), ``feature_id`` (the feature's id,
    None for dataset-level findings), ``location`` (WKT in the layer's CRS, or ""), ``details``
    (rule-specific facts)."""
    __slots__ = ("rule", "severity", "fix", "feature_id", "_location", "_message", "_details")
    FIELDS = ("rule", "severity", "message", "fix", "feature_id", "location", "details")

    def __init__(self, rule, severity, message, fix="", feature_id=None, location="", details=None):
        if severity not in SEVERITIES:
            raise ValueError("severity must be one of %s" % (SEVERITIES,))
        self.rule, self.severity, self.fix, self.feature_id, self._location = rule, severity, fix, feature_id, location
        self._message, self._details = message, {} if details is None else details

    @classmethod
    def worded(cls, wording, facts, rule, severity, fix="", feature_id=None, location=""):
        """A finding whose message and details ``wording`` makes from ``facts`` (a small tuple)
        when they are read, and its location's WKT too if ``wording.place`` is given. Assigning
        ``message``, ``details`` or ``location`` replaces what it would make; the details it makes
        are a new dictionary each time (changing one changes nothing)."""
        return cls(rule, severity, wording, fix, feature_id, location, facts)

    def _parts(self):
        """(message, details), a worded finding's made by its wording (one ``fill`` for both)."""
        m = self._message
        if type(m) is not Wording:
            return m, self._details
        fields, details = m.fill(self.feature_id, self._details)
        return m.template.format(**fields), details

    def _written_out(self):
        """From here on, the message, details and location as values (a worded finding changed)."""
        if type(self._message) is Wording:
            (self._message, self._details), self._location = self._parts(), self.location

    @property
    def message(self):
        return self._parts()[0]

    @message.setter
    def message(self, value):
        self._written_out()
        self._message = value

    @property
    def details(self):
        return self._parts()[1]

    @details.setter
    def details(self, value):
        self._written_out()
        self._details = value

    @property
    def location(self):
        loc, m = self._location, self._message
        return loc if type(m) is not Wording or m.place is None or not loc else m.place(loc)

    @location.setter
    def location(self, value):
        self._written_out()
        self._location = value

    @property
    def location_wkb(self):
        """The location as kept when it is WKB (bytes), else None: read it without writing WKT."""
        loc = self._location
        return loc if type(loc) is bytes and type(self._message) is Wording else None

    def _values(self):
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None

    def __repr__(self):
        return "Finding(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(self.FIELDS, self._values()))

    def to_dict(self):
        message, details = self._parts()
        d = {"rule": self.rule, "severity": self.severity, "feature_id": self.feature_id,
             "message": message, "fix": self.fix}
        location = self.location
        if location:
            d["location"] = location
        if details:
            d["details"] = details
        return d
