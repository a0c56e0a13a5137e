"""The inspector's "Context" group: what the card's lane is, and the fields our sources call for.

Controllable or not (reviews and word of mouth are influenced, not
controlled), the customer's expectation, the evidence behind the card and a
waiting-time estimate; plus the kind of the card's lane, changeable here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLineEdit

from journeymap.domain.model import Evidence, Touchpoint
from journeymap.ui.changes import Source
from journeymap.ui.scene import lane_kinds
from journeymap.ui.scene.rich_map import evidence_label

if TYPE_CHECKING:
    from journeymap.ui.docks.inspector import InspectorDock


class ContextGroup(QGroupBox):
    def __init__(self, inspector: InspectorDock):
        super().__init__()
        self.setTitle(self.tr("Context"))
        self.inspector = inspector
        self.touchpoint: Touchpoint | None = None
        self._loading = False
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.lane_kind_combo = QComboBox()
        self.lane_kind_combo.setAccessibleName(self.tr("Lane kind"))
        for kind in lane_kinds.kinds():
            self.lane_kind_combo.addItem(lane_kinds.kind_label(kind), kind)
            self.lane_kind_combo.setItemData(self.lane_kind_combo.count() - 1, lane_kinds.kind_meaning(kind),
                                             3)  # Qt.ToolTipRole
        self.lane_kind_combo.activated.connect(self._commit_lane_kind)
        form.addRow(self.tr("&Lane kind:"), self.lane_kind_combo)

        self.controllable_check = QCheckBox(self.tr("We &control this touchpoint"))
        self.controllable_check.setToolTip(
            self.tr("Clear it for touchpoints you influence but do not control, such as reviews or word of mouth.")
        )
        self.controllable_check.toggled.connect(lambda on: self._push({"controllable": bool(on)}))
        form.addRow("", self.controllable_check)

        self.expectation_edit = QLineEdit()
        self.expectation_edit.setAccessibleName(self.tr("Customer expectation"))
        self.expectation_edit.setPlaceholderText(self.tr("What the customer expects here"))
        self.expectation_edit.editingFinished.connect(
            lambda: self._push({"expectation": self.expectation_edit.text().strip()})
        )
        form.addRow(self.tr("E&xpectation:"), self.expectation_edit)

        self.evidence_combo = QComboBox()
        self.evidence_combo.setAccessibleName(self.tr("Evidence"))
        for value in Evidence:
            self.evidence_combo.addItem(evidence_label(value), value)
        self.evidence_combo.activated.connect(
            lambda i: self._push({"evidence": Evidence(self.evidence_combo.itemData(i))})
        )
        form.addRow(self.tr("E&vidence:"), self.evidence_combo)

        self.waiting_spin = QDoubleSpinBox()
        self.waiting_spin.setAccessibleName(self.tr("Waiting time in minutes"))
        self.waiting_spin.setRange(-1, 10_000)
        self.waiting_spin.setDecimals(0)
        self.waiting_spin.setSpecialValueText(self.tr("none"))
        self.waiting_spin.setSuffix(self.tr(" min"))
        self.waiting_spin.setValue(-1)
        self.waiting_spin.editingFinished.connect(self._commit_waiting)
        form.addRow(self.tr("&Waiting time:"), self.waiting_spin)

    # ------------------------------------------------------------------ show
    def show_touchpoint(self, tp: Touchpoint, editable: bool) -> None:
        self.touchpoint = tp
        self._loading = True
        try:
            lane = next((ln for ln in self._lanes() if ln.id == tp.lane_id), None)
            if lane is not None:
                self.lane_kind_combo.setCurrentIndex(max(0, self.lane_kind_combo.findData(lane.kind)))
            self.controllable_check.setChecked(tp.controllable)
            if not (self.expectation_edit.hasFocus() and self.expectation_edit.isModified()):
                self.expectation_edit.setText(tp.expectation)
            self.evidence_combo.setCurrentIndex(max(0, self.evidence_combo.findData(tp.evidence)))
            self.waiting_spin.setValue(-1 if tp.waiting_minutes is None else tp.waiting_minutes)
            for w in (self.lane_kind_combo, self.controllable_check, self.evidence_combo, self.waiting_spin):
                w.setEnabled(editable)
            self.expectation_edit.setReadOnly(not editable)
        finally:
            self._loading = False

    def _lanes(self):
        session = self.inspector.session
        if session is None or session.map_id is None:
            return []
        return session.document.lanes(session.map_id)

    # ----------------------------------------------------------------- edits
    def _push(self, values: dict) -> None:
        if not self._loading:
            self.inspector._push(values)

    def _commit_waiting(self) -> None:
        value = self.waiting_spin.value()
        self._push({"waiting_minutes": None if value < 0 else float(value)})

    def _commit_lane_kind(self, index: int) -> None:
        tp, session = self.touchpoint, self.inspector.session
        if self._loading or tp is None or session is None or session.read_only:
            return
        kind = self.lane_kind_combo.itemData(index)
        lane = next((ln for ln in self._lanes() if ln.id == tp.lane_id), None)
        if lane is None or lane.kind == kind:
            return
        session.editor.set_lane_kind(lane.id, kind, Source.INSPECTOR)
