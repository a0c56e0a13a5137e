"""The import dialog's column table: every column of the file and what it becomes, editable.

One row per column: its header (question text when the tool wrote one), a few
example values, a combo box with what it becomes (a touchpoint's answer, the
row's comment / date / segment, the overall NPS, a new touchpoint in a stage,
ignored) and why the importer chose that. Changing a combo emits
``changed`` so the dialog can re-plan and refresh its live preview.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from journeymap.domain.model import Stage, Touchpoint
from journeymap.services.survey_headers import Header
from journeymap.services.survey_layout import (
    COMMENT,
    DATE,
    IGNORED,
    LONG,
    OVERALL,
    SCORE,
    SEGMENT,
    SENTIMENT,
    TOUCHPOINT,
    UNKNOWN,
    Plan,
    describe_values,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def why_text(why: str) -> str:
    return {
        "header": tr("its header"),
        "values": tr("its values are touchpoint titles"),
        "derived": tr("derived (group or category)"),
        "metadata": tr("survey tool metadata"),
        "explicit": tr("your choice"),
        "no touchpoint": tr("names no touchpoint"),
        "ambiguous": tr("several touchpoints have that title"),
        "other date": tr("another date column is used"),
        "no date": tr("dates not imported"),
    }.get(why, tr("only one such column is used") if why.startswith("second") else "")


def touchpoint_name(label: str) -> str:
    """The touchpoint a column asks about: ``Q [Window display]`` -> Window display; ``Q - X`` -> X."""
    m = re.search(r"\[([^\]]+)\]\s*$", label)
    if m:
        return m.group(1).strip()
    for sep in (" - ", ": ", " – "):
        if sep in label:
            return label.rsplit(sep, 1)[1].strip()
    return label.strip()


class ColumnTable(QTableWidget):
    """Columns of the file and what each becomes (see the module docstring)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.setAccessibleName(tr("Columns of the file and what each becomes"))
        self.setHorizontalHeaderLabels([tr("Column"), tr("Examples"), tr("Becomes"), tr("Why")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()
        self.combos: list[QComboBox] = []
        self._touchpoints: list[Touchpoint] = []
        self._stages: list[Stage] = []

    def choices(self, layout: str) -> list[tuple[str, str]]:
        """(key, label) of what a column can become in this layout."""
        items = [(IGNORED, tr("Ignored")), (COMMENT, tr("Comment (every answer of the row)")),
                 (DATE, tr("Date")), (SEGMENT, tr("Segment"))]
        if layout == LONG:
            items += [(TOUCHPOINT, tr("Touchpoint (id or title)")), (SCORE, tr("Score (0–10)")),
                      (SENTIMENT, tr("Sentiment"))]
        else:
            items.append((OVERALL, tr("Overall NPS of the map")))
            items += [(f"tp:{tp.id}", tr("Answer about “%1”").replace("%1", tp.title)) for tp in self._touchpoints]
            items += [(f"new:{st.id}", tr("New touchpoint in “%1”").replace("%1", st.name)) for st in self._stages]
        return items

    def show_plan(self, plan: Plan, header: Header, touchpoints: list[Touchpoint], stages: list[Stage],
                  chosen: dict[int, str] | None = None) -> None:
        """Fill the table from *plan*; *chosen* keeps the user's picks (column -> key) shown as chosen."""
        self._touchpoints, self._stages = touchpoints, stages
        chosen = chosen or {}
        self.blockSignals(True)
        self.setRowCount(len(plan.columns))
        self.combos = []
        for row, col in enumerate(plan.columns):
            name = QTableWidgetItem(col.shown)
            name.setToolTip(col.shown)
            self.setItem(row, 0, name)
            self.setItem(row, 1, QTableWidgetItem(describe_values(header.column(col.index))))
            combo = QComboBox()
            combo.setAccessibleName(tr("What column %1 becomes").replace("%1", str(col.index + 1)))
            for key, label in self.choices(plan.layout):
                combo.addItem(label, key)
            key = chosen.get(col.index) or self.key_of(col.role, col.touchpoint_id)
            if key == UNKNOWN:
                combo.insertItem(0, tr("Not imported (names no touchpoint)"), UNKNOWN)
            at = combo.findData(key)
            combo.setCurrentIndex(max(0, at))
            combo.currentIndexChanged.connect(self.changed)
            self.setCellWidget(row, 2, combo)
            self.combos.append(combo)
            note = why_text(col.why)
            if col.role == SENTIMENT and col.scale:
                note = (note + "; " if note else "") + tr("satisfaction scale, imported as sentiment")
            self.setItem(row, 3, QTableWidgetItem(note))
        self.blockSignals(False)
        self.resizeColumnToContents(1)

    @staticmethod
    def key_of(role: str, touchpoint_id: int | None) -> str:
        if touchpoint_id is not None and role in (SCORE, SENTIMENT, COMMENT):
            return f"tp:{touchpoint_id}"
        return role

    def keys(self) -> dict[int, str]:
        """Column (0-based) -> what the table says it becomes."""
        return {i: str(c.currentData()) for i, c in enumerate(self.combos)}

    def set_key(self, column: int, key: str) -> bool:
        """Choose what *column* becomes (for tests and scripting); False if that choice is not offered."""
        combo = self.combos[column]
        at = combo.findData(key)
        if at < 0:
            return False
        combo.setCurrentIndex(at)
        return True


__all__ = ["ColumnTable", "touchpoint_name"]
