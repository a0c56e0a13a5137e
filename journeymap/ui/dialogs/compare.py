"""Choose what the Compare overlay compares: two segments or two periods (A, then B)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.services.compare import Side
from journeymap.storage.survey_queries import date_range
from journeymap.ui.session import DocumentSession


class CompareDialog(QDialog):
    def __init__(self, session: DocumentSession, current: tuple[Side, Side] | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare"))
        doc, map_id = session.document, session.map_id
        segments = doc.segments(map_id) if map_id is not None else []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Cards show B minus A (▲ better, ▼ worse); bold when the difference is "
                               "significant at 95 % (adjusted-Wald test)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.by_segment = QRadioButton(self.tr("Two &segments"))
        self.by_period = QRadioButton(self.tr("Two &periods"))
        group = QButtonGroup(self)
        group.addButton(self.by_segment)
        group.addButton(self.by_period)
        layout.addWidget(self.by_segment)
        seg_form = QFormLayout()
        self.segment_a, self.segment_b = QComboBox(), QComboBox()
        for combo in (self.segment_a, self.segment_b):
            combo.addItems(segments)
        if len(segments) > 1:
            self.segment_b.setCurrentIndex(1)
        seg_form.addRow(self.tr("Segment A:"), self.segment_a)
        seg_form.addRow(self.tr("Segment B:"), self.segment_b)
        layout.addLayout(seg_form)
        layout.addWidget(self.by_period)
        first, last = date_range(doc, map_id) if map_id is not None else (None, None)
        end = QDate.fromString(last, "yyyy-MM-dd") if last else QDate.currentDate()
        self.a_from, self.a_to, self.b_from, self.b_to = (self._date(), self._date(), self._date(), self._date())
        self.b_to.setDate(end)
        self.b_from.setDate(end.addMonths(-3).addDays(1))
        self.a_to.setDate(end.addMonths(-3))
        self.a_from.setDate(end.addMonths(-6).addDays(1))
        period_form = QFormLayout()
        for label, start, stop in ((self.tr("Period A:"), self.a_from, self.a_to),
                                   (self.tr("Period B:"), self.b_from, self.b_to)):
            row = QHBoxLayout()
            row.addWidget(start)
            row.addWidget(QLabel("–"))
            row.addWidget(stop)
            period_form.addRow(label, row)
        layout.addLayout(period_form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if current is not None and current[0].period is not None:
            self.by_period.setChecked(True)
            for edit, value in zip((self.a_from, self.a_to, self.b_from, self.b_to),
                                   (*current[0].period, *current[1].period), strict=True):  # type: ignore[misc]
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        else:
            (self.by_segment if segments else self.by_period).setChecked(True)
            if current is not None:
                self.segment_a.setCurrentText(current[0].segment or "")
                self.segment_b.setCurrentText(current[1].segment or "")
        self.by_segment.setEnabled(bool(segments))
        for w in (self.by_segment, self.by_period):
            w.toggled.connect(self._validate)
        for combo in (self.segment_a, self.segment_b):
            combo.currentIndexChanged.connect(self._validate)
        for edit in (self.a_from, self.a_to, self.b_from, self.b_to):
            edit.dateChanged.connect(self._validate)
        self._validate()

    def _date(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _validate(self, *args: object) -> None:
        problem = ""
        if self.by_segment.isChecked():
            if self.segment_a.currentText() == self.segment_b.currentText():
                problem = self.tr("Choose two different segments.")
        elif self.a_from.date() > self.a_to.date() or self.b_from.date() > self.b_to.date():
            problem = self.tr("A period ends before it starts.")
        for w in (self.segment_a, self.segment_b):
            w.setEnabled(self.by_segment.isChecked())
        for w in (self.a_from, self.a_to, self.b_from, self.b_to):
            w.setEnabled(self.by_period.isChecked())
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)

    def sides(self) -> tuple[Side, Side]:
        if self.by_segment.isChecked():
            return Side(segment=self.segment_a.currentText()), Side(segment=self.segment_b.currentText())

        def day(edit: QDateEdit) -> str:
            return edit.date().toString("yyyy-MM-dd")

        return (Side(period=(day(self.a_from), day(self.a_to))), Side(period=(day(self.b_from), day(self.b_to))))
