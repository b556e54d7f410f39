"""The metadata form: the profile's fields in a sensible order, grouped, with required marks and
pick-lists for code lists, inside a scroll area that reads well in a 420–470 px dock.

It edits a :class:`~sdi_plugin.core.metadata.model.MetadataRecord`: :meth:`MetadataForm.set_record`
fills the widgets, :meth:`MetadataForm.record` returns a copy of the record with the widgets'
values; everything the form does not show (other keyword thesauri, cited parties, conformance …)
is carried through unchanged. ``changed`` is emitted on every edit.
"""
import re

from qgis.PyQt.QtCore import QDate, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtGui import QDoubleValidator, QIntValidator
from qgis.PyQt.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                                 QLineEdit, QPlainTextEdit, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout,
                                 QWidget)

from ..core.i18n import tr, ui_language
from ..core.metadata.generate import load_kugi_metadata
from ..core.metadata.model import CitationDate, Keywords, Link, MetadataRecord, Party
from ..core.standards.pack import load_profile

ACCESS_LEVELS = ("PUBLIC", "GOVERNMENT", "PRIVATE", "IGSTRATEGIS")


def code_labels():
    """People's words for the ISO code-list values the form offers (the code is the tooltip)."""
    return {
        "creation": tr("Creation"), "publication": tr("Publication"), "revision": tr("Revision"),
        "completed": tr("Completed"), "historicalArchive": tr("Historical archive"), "obsolete": tr("Obsolete"),
        "onGoing": tr("Ongoing"), "planned": tr("Planned"), "required": tr("Required"),
        "underDevelopment": tr("Under development"),
        "resourceProvider": tr("Resource provider"), "custodian": tr("Custodian"), "owner": tr("Owner"),
        "user": tr("User"), "distributor": tr("Distributor"), "originator": tr("Originator"),
        "pointOfContact": tr("Point of contact"), "principalInvestigator": tr("Principal investigator"),
        "processor": tr("Processor"), "publisher": tr("Publisher"), "author": tr("Author"),
        "continual": tr("Continual"), "daily": tr("Daily"), "weekly": tr("Weekly"), "fortnightly": tr("Fortnightly"),
        "monthly": tr("Monthly"), "quarterly": tr("Quarterly"), "biannually": tr("Twice a year"),
        "annually": tr("Annually"), "asNeeded": tr("As needed"), "irregular": tr("Irregular"),
        "notPlanned": tr("Not planned"), "unknown": tr("Unknown"),
        "ind": tr("ind — Bahasa Indonesia"), "eng": tr("eng — English"),
    }


def _combo(values, labels=None, editable=False):
    box = QComboBox()
    box.setEditable(editable)
    box.addItem("", "")
    for v in values:
        box.addItem((labels or {}).get(v) or v, v)
        box.setItemData(box.count() - 1, v, Qt.ItemDataRole.ToolTipRole)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)
    return box


def _set_combo(box, value):
    i = box.findData(value)
    if i < 0 and value:
        box.addItem(value, value)
        i = box.count() - 1
    box.setCurrentIndex(max(i, 0))


def _combo_value(box):
    """The code of an editable combo: the chosen item's data, or the text typed in."""
    text = (box.currentText() or "").strip()
    i = box.findText(text)
    return (box.itemData(i) or "") if i >= 0 else text


def _text_edit(lines=3):
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def _split(text):
    return [w.strip() for w in (text or "").replace(";", ",").split(",") if w.strip()]


class MetadataForm(QScrollArea):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("SimpulMetadataForm")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.profile = load_profile()
        self._record = MetadataRecord()
        self._loading = False
        self._date_touched = False
        body = QWidget()
        self.box = QVBoxLayout(body)
        self.box.setContentsMargins(0, 0, 4, 0)
        self._build()
        self.box.addStretch(1)
        self.setWidget(body)

    # -- the profile's elements in the form ----------------------------------------------
    ELEMENT_WIDGETS = {
        "title": "title", "abstract": "abstract", "reference_date": "ref_date", "reference_date_type": "ref_date_type",
        "topic_category": "topic", "status": "status", "keywords": "keywords", "metadata_contact": "organisation",
        "point_of_contact": "organisation", "metadata_contact_role": "role", "reference_system": "crs",
        "temporal_extent": "temporal_begin", "resolution_scale": "scale", "maintenance_frequency": "maintenance",
        "distribution_format": "format", "online_resource": "links", "online_protocol": "links",
        "file_identifier": "file_identifier", "metadata_language": "md_language", "dataset_language": "ds_language",
        "lineage": "lineage", "date_stamp": "date_stamp", "classification": "access", "classification_note": "access",
        "access_constraints": "access"}

    def widget_for(self, element_id):
        """The form's widget that edits profile element ``element_id`` (None when the form has none)."""
        if element_id.startswith("bbox_") and element_id in getattr(self, "bbox", {}):
            return self.bbox[element_id]
        name = self.ELEMENT_WIDGETS.get(element_id)
        return getattr(self, name, None) if name else None

    def label_for(self, element_id):
        """The form's own label of the field that edits ``element_id`` (without the required mark), or ''."""
        widget = self.widget_for(element_id)
        if widget is None:
            return ""
        for form in self.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label is None or field is None or label.widget() is None:
                    continue
                inside = field.widget() is widget or (field.layout() is not None and any(
                    field.layout().itemAt(i).widget() is widget for i in range(field.layout().count())))
                if inside:
                    return label.widget().text().rstrip(" *")
        return ""

    def focus_element(self, element_id):
        """Scroll to the field of ``element_id`` and put the cursor in it; True when the form has one."""
        widget = self.widget_for(element_id)
        if widget is None:
            return False
        self.ensureWidgetVisible(widget, 20, 60)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- building ------------------------------------------------------------------------
    def _label(self, element_id, fallback, required=False):
        e = self.profile.element(element_id) if element_id else None
        text = (e.label_id if ui_language() == "id" else e.label_en) if e else fallback
        label = QLabel(text + (" *" if required else ""))
        label.setWordWrap(len(label.text()) > 40)
        if required:
            label.setToolTip(tr("Required by the metadata profile"))
            label.setStyleSheet("font-weight: bold;")
        return label

    def _group(self, title):
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.box.addWidget(group)
        return form

    def _watch(self, widget):
        for signal in ("textChanged", "currentIndexChanged", "dateChanged"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(self._edited)
                break
        if isinstance(widget, QComboBox) and widget.isEditable():
            widget.editTextChanged.connect(self._edited)
        return widget

    def _build(self):
        p = self.profile
        cl = p.codelists
        topics = cl.get("MD_TopicCategoryCode", {})
        topic_labels = topics.get("labels_id", {}) if ui_language() == "id" else {}
        words = code_labels()

        f = self._group(tr("Identification"))
        self.title = self._watch(QLineEdit())
        f.addRow(self._label("title", "", True), self.title)
        self.alternate_title = self._watch(QLineEdit())
        f.addRow(self._label("", tr("Alternate title")), self.alternate_title)
        self.abstract = self._watch(_text_edit(4))
        f.addRow(self._label("abstract", "", True), self.abstract)
        self.purpose = self._watch(_text_edit(2))
        f.addRow(self._label("", tr("Purpose")), self.purpose)
        row = QHBoxLayout()
        self.ref_date = self._watch(QDateEdit())
        self.ref_date.setCalendarPopup(True)
        self.ref_date.setDisplayFormat("yyyy-MM-dd")
        self.ref_date_type = self._watch(_combo(p.codelist("CI_DateTypeCode"), words))
        row.addWidget(self.ref_date, 1)
        row.addWidget(self.ref_date_type, 1)
        f.addRow(self._label("reference_date", "", True), row)
        self.topic = self._watch(_combo(p.codelist("MD_TopicCategoryCode"), topic_labels))
        f.addRow(self._label("topic_category", "", True), self.topic)
        self.status = self._watch(_combo(p.codelist("MD_ProgressCode"), words))
        f.addRow(self._label("status", ""), self.status)
        self.keywords = self._watch(QLineEdit())
        self.keywords.setPlaceholderText(tr("comma-separated, e.g. jalan, transportasi"))
        f.addRow(self._label("keywords", ""), self.keywords)
        self.kugi_keywords = self._watch(QLineEdit())
        self.kugi_keywords.setToolTip(tr("Keywords from the KUGI catalogue: category, feature type, FCODE"))
        self.kugi_button = QToolButton()
        self.kugi_button.setText(tr("KUGI…"))
        self.kugi_button.setToolTip(tr("Add a KUGI category, feature type or FCODE as keyword"))
        self.kugi_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        row = QHBoxLayout()
        row.addWidget(self.kugi_keywords, 1)
        row.addWidget(self.kugi_button)
        f.addRow(self._label("", tr("KUGI keywords")), row)

        f = self._group(tr("Contact"))
        self.organisation = self._watch(QLineEdit())
        f.addRow(self._label("", tr("Organisation"), True), self.organisation)
        self.individual = self._watch(QLineEdit())
        f.addRow(self._label("", tr("Contact person")), self.individual)
        self.position = self._watch(QLineEdit())
        f.addRow(self._label("", tr("Position")), self.position)
        self.email = self._watch(QLineEdit())
        f.addRow(self._label("", tr("E-mail")), self.email)
        self.phone = self._watch(QLineEdit())
        f.addRow(self._label("", tr("Telephone")), self.phone)
        self.role = self._watch(_combo(p.codelist("CI_RoleCode"), words))
        f.addRow(self._label("metadata_contact_role", "", True), self.role)

        f = self._group(tr("Location and reference system"))
        self.crs = self._watch(QLineEdit())
        self.crs.setPlaceholderText("EPSG:9470")
        f.addRow(self._label("reference_system", ""), self.crs)
        grid = QGridLayout()
        self.bbox = {}
        for i, (key, short) in enumerate((("bbox_west", tr("W")), ("bbox_east", tr("E")),
                                          ("bbox_south", tr("S")), ("bbox_north", tr("N")))):
            edit = self._watch(QLineEdit())
            check = QDoubleValidator(-180.0, 180.0, 9, edit)
            check.setNotation(QDoubleValidator.Notation.StandardNotation)
            check.setLocale(QLocale.c())          # ISO decimals (a dot), whatever the UI language
            edit.setValidator(check)
            edit.setToolTip(self._label(key, "").text())
            edit.setMinimumWidth(60)
            self.bbox[key] = edit
            grid.addWidget(QLabel(short), i // 2, (i % 2) * 2)
            grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
        f.addRow(self._label("", tr("Bounding box (EPSG:4326)"), True), grid)
        row = QHBoxLayout()
        self.temporal_begin = self._watch(QLineEdit())
        self.temporal_begin.setPlaceholderText(tr("from (YYYY-MM-DD)"))
        self.temporal_end = self._watch(QLineEdit())
        self.temporal_end.setPlaceholderText(tr("to (YYYY-MM-DD)"))
        row.addWidget(self.temporal_begin)
        row.addWidget(self.temporal_end)
        f.addRow(self._label("temporal_extent", ""), row)
        self.scale = self._watch(QLineEdit())
        self.scale.setValidator(QIntValidator(1, 2000000000, self.scale))
        self.scale.setPlaceholderText("25000")
        f.addRow(self._label("resolution_scale", ""), self.scale)

        f = self._group(tr("Access and maintenance"))
        self.access = self._watch(_combo(ACCESS_LEVELS, {a: "%s (%s)" % (a, p.classification_for_access(a))
                                                         for a in ACCESS_LEVELS}))
        f.addRow(self._label("", tr("Access level (Palapa)")), self.access)
        self.use_limitation = self._watch(QLineEdit())
        f.addRow(self._label("", tr("Use limitation")), self.use_limitation)
        self.maintenance = self._watch(_combo(p.codelist("MD_MaintenanceFrequencyCode"), words))
        f.addRow(self._label("maintenance_frequency", ""), self.maintenance)

        f = self._group(tr("Distribution"))
        self.format = self._watch(QLineEdit())
        f.addRow(self._label("distribution_format", ""), self.format)
        self.links = self._watch(_text_edit(3))
        self.links.setPlaceholderText(tr("one per line: PROTOCOL | URL | layer name"))
        self.links.setToolTip(tr("Online resources, e.g. OGC:WMS | https://node/geoserver/ows | JALAN_LN_25K"))
        f.addRow(self._label("online_resource", ""), self.links)

        f = self._group(tr("About this record"))
        self.file_identifier = self._watch(QLineEdit())
        f.addRow(self._label("file_identifier", "", True), self.file_identifier)
        self.md_language = self._watch(_combo(p.codelist("ISO 639-2"), words, editable=True))
        f.addRow(self._label("metadata_language", ""), self.md_language)
        self.ds_language = self._watch(_combo(p.codelist("ISO 639-2"), words, editable=True))
        f.addRow(self._label("dataset_language", "", True), self.ds_language)
        self.lineage = self._watch(_text_edit(3))
        f.addRow(self._label("lineage", ""), self.lineage)
        self.date_stamp = QLabel()
        f.addRow(self._label("date_stamp", ""), self.date_stamp)
        for w in (self.title, self.abstract, self.organisation):
            w.setSizePolicy(QSizePolicy.Policy.Expanding, w.sizePolicy().verticalPolicy())

    def _edited(self, *args):
        if not self._loading:
            if self.sender() is self.ref_date:
                self._date_touched = True
            self.changed.emit()

    # -- record <-> widgets ------------------------------------------------------------------
    def kugi_thesaurus(self):
        return load_kugi_metadata()["thesaurus"].get("title", "")

    def set_record(self, record):
        self._record = MetadataRecord.from_dict(record.to_dict())
        r = self._record
        self._loading = True
        self._date_touched = False
        try:
            self.title.setText(r.title)
            self.alternate_title.setText(r.alternate_title)
            self.abstract.setPlainText(r.abstract)
            self.purpose.setPlainText(r.purpose)
            d = r.reference_date()
            date = QDate.fromString((d.date or "")[:10], Qt.DateFormat.ISODate)
            self.ref_date.setDate(date if date.isValid() else QDate.currentDate())
            _set_combo(self.ref_date_type, d.type)
            _set_combo(self.topic, r.topic_categories[0] if r.topic_categories else "")
            _set_combo(self.status, r.status)
            kugi = self.kugi_thesaurus()
            free = next((k for k in r.keywords if not k.thesaurus), None)
            ours = next((k for k in r.keywords if k.thesaurus == kugi), None)
            self.keywords.setText(", ".join(free.words) if free else "")
            self.kugi_keywords.setText(", ".join(ours.words) if ours else "")
            c = (r.contacts or r.points_of_contact or [Party()])[0]
            for w, v in ((self.organisation, c.organisation), (self.individual, c.individual),
                         (self.position, c.position), (self.email, c.email), (self.phone, c.phone)):
                w.setText(v)
            _set_combo(self.role, c.role or ("pointOfContact" if not r.contacts else ""))
            self.crs.setText(r.reference_system)
            for key, edit in self.bbox.items():
                edit.setText(getattr(r, key))
            self.temporal_begin.setText(r.temporal_begin)
            self.temporal_end.setText(r.temporal_end)
            self.scale.setText(r.resolution_scale)
            _set_combo(self.access, r.classification_note.split(":")[0].upper() if r.classification_note
                       else self.profile.access_for_classification(r.classification))
            self.use_limitation.setText(r.use_limitations[0] if r.use_limitations else "")
            _set_combo(self.maintenance, r.maintenance_frequency)
            self.format.setText(r.distribution_format)
            self.links.setPlainText("\n".join(" | ".join((l.protocol, l.url, l.name)) for l in r.online_resources))
            self.file_identifier.setText(r.file_identifier)
            _set_combo(self.md_language, r.metadata_language)
            _set_combo(self.ds_language, r.dataset_language)
            self.lineage.setPlainText(r.lineage)
            self.date_stamp.setText(r.date_stamp or "—")
        finally:
            self._loading = False
        self.changed.emit()

    def record(self):
        """A copy of the record with the form's values."""
        r = MetadataRecord.from_dict(self._record.to_dict())
        r.title = self.title.text().strip()
        r.alternate_title = self.alternate_title.text().strip()
        r.abstract = self.abstract.toPlainText().strip()
        r.purpose = self.purpose.toPlainText().strip()
        old = r.reference_date()
        date = self.ref_date.date().toString(Qt.DateFormat.ISODate)
        keep = old.date if old.date[:10] == date else date
        kind = self.ref_date_type.currentData() or ""
        if r.dates or self._date_touched or kind:   # the date box always shows a date: do not invent one
            r.dates = [CitationDate(keep if (old.date or self._date_touched) else date, kind)] + r.dates[1:]
        topic = self.topic.currentData() or ""
        r.topic_categories = ([topic] if topic else []) + [t for t in r.topic_categories[1:] if t != topic]
        r.status = self.status.currentData() or ""
        self._keywords(r)
        self._contact(r)
        crs = self.crs.text().strip()
        if crs != r.reference_system:             # typed in: EPSG:9470 gives code space EPSG
            r.reference_system = crs
            m = re.fullmatch(r"([A-Za-z]+):\w+", crs)
            r.reference_system_codespace = m.group(1).upper() if m else ""
        for key, edit in self.bbox.items():
            setattr(r, key, edit.text().strip())
        r.temporal_begin = self.temporal_begin.text().strip()
        r.temporal_end = self.temporal_end.text().strip()
        r.resolution_scale = self.scale.text().strip()
        level = self.access.currentData() or ""
        before = (r.classification_note.split(":")[0].upper() if r.classification_note
                  else self.profile.access_for_classification(r.classification))
        if level != before:                       # only a change of the pick-list touches the record
            r.classification_note = level
            r.classification = self.profile.classification_for_access(level) if level else ""
            r.resource_classification = r.classification
        limit = self.use_limitation.text().strip()
        r.use_limitations = ([limit] if limit else []) + r.use_limitations[1:]
        r.maintenance_frequency = self.maintenance.currentData() or ""
        r.distribution_format = self.format.text().strip()
        r.online_resources = self._links(r.online_resources)
        r.file_identifier = self.file_identifier.text().strip()
        r.metadata_language = _combo_value(self.md_language)
        r.dataset_language = _combo_value(self.ds_language)
        r.lineage = self.lineage.toPlainText().strip()
        return r

    def _keywords(self, r):
        kugi = self.kugi_thesaurus()
        groups = list(r.keywords)
        for words, is_kugi in ((_split(self.keywords.text()), False), (_split(self.kugi_keywords.text()), True)):
            at = next((i for i, k in enumerate(groups) if (k.thesaurus == kugi if is_kugi else not k.thesaurus)), None)
            if at is None and words:
                th = load_kugi_metadata()["thesaurus"] if is_kugi else {}
                groups.append(Keywords(words, "theme", th.get("title", ""), th.get("date", ""),
                                       th.get("date_type", "")))
            elif at is not None:
                if words:
                    groups[at] = Keywords(words, groups[at].type, groups[at].thesaurus, groups[at].thesaurus_date,
                                          groups[at].thesaurus_date_type, groups[at].thesaurus_href,
                                          {w: h for w, h in groups[at].anchors.items() if w in words})
                else:
                    groups[at] = None
        r.keywords = [g for g in groups if g is not None]

    def _contact(self, r):
        values = dict(organisation=self.organisation.text().strip(), individual=self.individual.text().strip(),
                      position=self.position.text().strip(), email=self.email.text().strip(),
                      phone=self.phone.text().strip())
        role = self.role.currentData() or ""
        if r.contacts:
            old = r.contacts[0]
            r.contacts[0] = Party(**dict(old.__dict__, role=role, **values))
            poc = r.points_of_contact[0] if r.points_of_contact else None
            if poc is not None and all(getattr(poc, k) == getattr(old, k) for k in values):
                r.points_of_contact[0] = Party(**dict(poc.__dict__, **values))
        elif any(values.values()):
            r.contacts = [Party(role=role or "pointOfContact", **values)]
            if not r.points_of_contact:
                r.points_of_contact = [Party(role="custodian", **values)]

    def _links(self, old):
        out = []
        for line in self.links.toPlainText().splitlines():
            parts = [x.strip() for x in line.split("|")]
            if len(parts) == 1 and parts[0]:
                parts = ["", parts[0]]
            if len(parts) < 2 or not parts[1]:
                continue
            protocol, url, name = (parts + [""])[:3]
            same = next((l for l in old if (l.protocol, l.url, l.name) == (protocol, url, name)), None)
            out.append(same or Link(url, protocol, name))
        return out

    def add_kugi_keyword(self, word, topic=""):
        words = _split(self.kugi_keywords.text())
        if word and word not in words:
            self.kugi_keywords.setText(", ".join(words + [word]))
        if topic and not self.topic.currentData():
            _set_combo(self.topic, topic)
