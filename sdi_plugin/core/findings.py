"""One shape for every finding, from the dataset validator and the metadata checker alike.

The JSON report's ``findings`` entries are ``Finding.to_dict()``: ``rule``, ``severity``,
``feature_id``, ``message``, ``fix`` (contract: see README), plus optional ``location`` (WKT in
the layer's CRS) and ``details`` (rule-specific facts, e.g. the overlapping pair and area).

A province's validation can hold hundreds of thousands of findings of a few kinds (overlapping
parcels, invalid geometries): those are made with :meth:`Finding.worded`, keeping only their
facts (e.g. the other feature and the area) and a :class:`Wording` shared by the run, and their
message and details are made each time they are read: about 350 bytes each instead of 800
with a message string and a details dictionary of their own (at 2,000,000 parcels in
bench/postgis_bench.py, 80,000 findings: some 30 MB less).
"""
ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)


class Wording:
    """How the findings of one kind read, one for a run: ``template`` (translated when the run
    made it) filled with the first dictionary that ``fill(feature_id, facts)`` gives; the second
    is the finding's details."""
    __slots__ = ("template", "fill")

    def __init__(self, template, fill):
        self.template, self.fill = template, fill


class Finding:
    """A finding: ``rule`` (stable id, e.g. "topo.overlap"), ``severity`` ("error", "warning",
    "info"), ``message`` and ``fix`` (in the report's language), ``feature_id`` (the feature's id,
    None for dataset-level findings), ``location`` (WKT in the layer's CRS, or ""), ``details``
    (rule-specific facts)."""
    __slots__ = ("rule", "severity", "fix", "feature_id", "location", "_message", "_details")
    FIELDS = ("rule", "severity", "message", "fix", "feature_id", "location", "details")

    def __init__(self, rule, severity, message, fix="", feature_id=None, location="", details=None):
        if severity not in SEVERITIES:
            raise ValueError("severity must be one of %s" % (SEVERITIES,))
        self.rule, self.severity, self.fix, self.feature_id, self.location = rule, severity, fix, feature_id, location
        self._message, self._details = message, {} if details is None else details

    @classmethod
    def worded(cls, wording, facts, rule, severity, fix="", feature_id=None, location=""):
        """A finding whose message and details ``wording`` makes from ``facts`` (a small tuple)
        when they are read. Assigning ``message`` or ``details`` replaces what it would make; the
        details it makes are a new dictionary each time (changing one changes nothing)."""
        return cls(rule, severity, wording, fix, feature_id, location, facts)

    def _made(self):
        return self._message.fill(self.feature_id, self._details)

    @property
    def message(self):
        m = self._message
        return m if type(m) is not Wording else m.template.format(**self._made()[0])

    @message.setter
    def message(self, value):
        if type(self._message) is Wording:
            self._details = self.details
        self._message = value

    @property
    def details(self):
        return self._details if type(self._message) is not Wording else self._made()[1]

    @details.setter
    def details(self, value):
        if type(self._message) is Wording:
            self._message = self.message
        self._details = value

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
        if type(self._message) is Wording:
            fields, details = self._made()
            message = self._message.template.format(**fields)
        else:
            message, details = self._message, self._details
        d = {"rule": self.rule, "severity": self.severity, "feature_id": self.feature_id,
             "message": message, "fix": self.fix}
        if self.location:
            d["location"] = self.location
        if details:
            d["details"] = details
        return d
