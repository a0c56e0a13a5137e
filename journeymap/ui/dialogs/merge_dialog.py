"""File ▸ Merge Changes From…: what the other copies bring, their conflicts side by side, proposed deletions.

The dialog only shows a :class:`~journeymap.services.merge_plan.MergePlan` and
collects the user's answers (a choice per conflict, the deletions ticked); it
never writes. ``ui.merge_actions`` runs the planning, this dialog, then the
merge as one undo step, and shows the report (:func:`report_text`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.services.merge_plan import BOTH, MINE, THEIRS, Conflict, Deletion, MergePlan

SHOWN_AUTHORS = 12


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form ("%n notes"), the language's plural chosen."""
    return QCoreApplication.translate("MergeDialog", text, disambiguation, n)


def kind_count(kind: str, n: int) -> str:
    """ "3 touchpoints", "1 nota": a count of objects of *kind* with the language's plural."""
    texts = {
        "touchpoint": lambda: tr("%Ln touchpoints", "", n),
        "stage": lambda: tr("%Ln stages", "", n),
        "lane": lambda: tr("%Ln lanes", "", n),
        "note": lambda: tr("%Ln notes", "", n),
        "attachment": lambda: tr("%Ln photos", "", n),
        "persona": lambda: tr("%Ln personas", "", n),
        "connection": lambda: tr("%Ln connections", "", n),
        "batch": lambda: tr("%Ln import batches", "", n),
        "event_log": lambda: tr("%Ln event logs", "", n),
        "map": lambda: tr("%Ln maps", "", n),
        "quote": lambda: tr("%Ln pinned quotes", "", n),
        "map_persona": lambda: tr("%Ln persona assignments", "", n),
    }
    return texts[kind]() if kind in texts else f"{QLocale().toString(n)} {kind}"


def kind_names() -> dict[str, str]:
    """Kind → how one object of it is named (in the current language)."""
    return {
        "touchpoint": tr("Touchpoint"), "stage": tr("Stage"), "lane": tr("Lane"), "note": tr("Note"),
        "attachment": tr("Photo"), "persona": tr("Persona"), "connection": tr("Connection"),
        "batch": tr("Import batch"), "event_log": tr("Event log"), "map": tr("Map"), "quote": tr("Pinned quote"),
        "map_persona": tr("Persona assignment"),
    }


def kind_name(kind: str) -> str:
    """The kind of one object, as a column of the conflicts and deletions shows it."""
    return kind_names().get(kind, kind)


def field_names() -> dict[str, str]:
    """Column → the field's name as the inspector says it (in the current language); references
    ("stage", "lane"…) name the object the row points at."""
    return {
        "title": tr("Title"), "description": tr("Description"), "channel": tr("Channel"),
        "sensation": tr("Sensation"), "moment_of_truth": tr("Moment of truth"), "owner": tr("Owner"),
        "impact": tr("Impact"), "tags": tr("Tags"), "manual_nps": tr("Manual NPS"),
        "manual_sentiment": tr("Manual sentiment"), "manual_promoters": tr("Promoters"),
        "manual_passives": tr("Passives"), "manual_detractors": tr("Detractors"),
        "controllable": tr("Controllable"), "expectation": tr("Expectation"), "evidence": tr("Evidence"),
        "waiting_minutes": tr("Waiting time"), "position": tr("Position"), "origin": tr("Current-state card"),
        "name": tr("Name"), "colour": tr("Colour"), "kind": tr("Lane kind"), "line_below": tr("Blueprint line"),
        "text": tr("Text"), "author": tr("Author"), "created_at": tr("Written at"), "label": tr("Label"),
        "quote": tr("Quote"), "bio": tr("Bio"), "goals": tr("Goals"), "needs": tr("Needs"),
        "frustrations": tr("Frustrations"), "photo": tr("Photo"),
        "stage": tr("Stage"), "lane": tr("Lane"), "touchpoint": tr("Touchpoint"), "map": tr("Map"),
        "persona": tr("Persona"), "note": tr("Note"), "source": tr("From card"), "target": tr("To card"),
    }


def field_name(name: str) -> str:
    """A field as the inspector names it (unknown columns as stored)."""
    return field_names().get(name, name)


# Kinds in the order a map is built: its frame, its cards, what hangs on them, what it was measured with.
KIND_ORDER = ("map", "stage", "lane", "touchpoint", "note", "attachment", "quote", "connection", "persona",
              "map_persona", "batch", "event_log")


def value_text(field: str, value: str) -> str:
    """A conflicting value as the editor shows it: sensations and lane kinds by name, yes/no for flags."""
    if field == "sensation":
        names = {"positive": tr("Positive"), "neutral": tr("Neutral"), "negative": tr("Negative")}
        return names.get(value, value)
    if field == "kind":
        from journeymap.ui.scene.lane_kinds import kind_label

        return kind_label(value) if value else value
    if field in ("moment_of_truth", "controllable") and value in ("0", "1", "True", "False"):
        return tr("Yes") if value in ("1", "True") else tr("No")
    return value


def counts_text(counts: Mapping[str, int]) -> str:
    """ "3 touchpoints, 2 notes" (kinds with no object left out), the map's frame first."""
    def rank(kind: str) -> tuple[int, str]:
        return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), kind)

    return ", ".join(kind_count(kind, counts[kind]) for kind in sorted(counts, key=rank) if counts[kind])


def names_text(names: Sequence[str], shown: int = SHOWN_AUTHORS) -> str:
    """The first *shown* names, then "and %n more"."""
    names = [n for n in names if n]
    if len(names) <= shown:
        return ", ".join(names)
    return ", ".join(names[:shown]) + " " + tr("and %n more", "", len(names) - shown)


def summary_lines(plan: MergePlan, decisions: bool = True) -> list[str]:
    """What the copies bring in all: added, changed, batches (with their responses), authors;
    with *decisions* also how many conflicts and deletions wait for the user."""
    lines = []
    if any(plan.added.values()):
        lines.append(tr("Added: %1").replace("%1", counts_text(plan.added)))
    if any(plan.changed.values()):
        lines.append(tr("Changed: %1").replace("%1", counts_text(plan.changed)))
    surveys = [b for b in plan.batches if not b.is_event_log]
    if surveys:
        batches = ", ".join(
            tr("%1 (%Ln responses)", "", batch.responses).replace("%1", batch.name) for batch in surveys
        )
        lines.append(tr("Survey imports: %1").replace("%1", batches))
    logs = [b for b in plan.batches if b.is_event_log]
    if logs:
        lines.append(tr("Event logs: %1").replace("%1", ", ".join(
            tr("%1 (%Ln events)", "", log.events).replace("%1", log.name) for log in logs)))
    if decisions and plan.conflicts:
        lines.append(tr("%n conflicts to decide below", "", len(plan.conflicts)))
    if decisions and plan.deletions:
        lines.append(tr("%n deletions proposed (none is applied unless you tick it)", "", len(plan.deletions)))
    if plan.authors:
        lines.append(tr("Authors: %1").replace("%1", names_text(plan.authors)))
    left_out = sum(s.left_out for s in plan.per_source)
    if left_out:
        lines.append(left_out_text(left_out))
    return lines


def left_out_text(n: int) -> str:
    return tr("%Ln left out: added to a card, stage or lane this document no longer has", "", n)


def nothing_to_merge_text(master: str, sources: Sequence[str], left_out: int = 0) -> str:
    """*left_out*: what the copies added to objects *master* has deleted since (said, not merged)."""
    text = tr("Nothing to merge: %1 already has everything from %2.").replace("%1", master).replace(
        "%2", ", ".join(sources))
    return text + ("\n" + left_out_text(left_out) if left_out else "")


def report_text(plan: MergePlan, master: str, choices: Mapping[str, str], deleted: Iterable[str]) -> str:
    """The merge's report: what came from which copy (file names, note authors), conflicts, deletions."""
    deleted = set(deleted)
    lines = [tr("Merged into %1:").replace("%1", master)]
    if plan.per_source:
        for summary in plan.per_source:
            parts = []
            if any(summary.added.values()):
                parts.append(tr("added %1").replace("%1", counts_text(summary.added)))
            if any(summary.changed.values()):
                parts.append(tr("changed %1").replace("%1", counts_text(summary.changed)))
            if summary.authors:
                parts.append(tr("notes by %1").replace("%1", names_text(summary.authors)))
            batches = [b for b in plan.batches if b.source == summary.source and not b.is_event_log]
            if batches:
                parts.append(tr("%Ln responses", "", sum(b.responses for b in batches)))
            logs = [b for b in plan.batches if b.source == summary.source and b.is_event_log]
            if logs:
                parts.append(tr("%Ln events", "", sum(b.events for b in logs)))
            if summary.left_out:
                parts.append(left_out_text(summary.left_out))
            line = "; ".join(parts) if parts else tr("nothing new")
            lines.append(tr("From %1: %2").replace("%1", summary.source).replace("%2", line))
    else:
        lines.append(tr("From %1:").replace("%1", ", ".join(plan.sources)))
        lines += ["  " + line for line in summary_lines(plan, decisions=False)]
    if plan.conflicts:
        taken = dict.fromkeys((MINE, THEIRS, BOTH), 0)
        for conflict in plan.conflicts:
            choice = choices.get(conflict.key, MINE)
            taken[choice if choice in taken else MINE] += 1
        # Each count its own plural ("1 taken", "2 notes"); the kinds no conflict went to are left out.
        parts = [text for text, n in ((tr("%Ln kept as they were here", "", taken[MINE]), taken[MINE]),
                                      (tr("%Ln taken from the copy", "", taken[THEIRS]), taken[THEIRS]),
                                      (tr("%Ln notes kept in both versions", "", taken[BOTH]), taken[BOTH])) if n]
        lines.append(tr("Conflicts: %1").replace("%1", ", ".join(parts)))
    if plan.deletions:
        applied, kept = len(deleted), len(plan.deletions) - len(deleted)
        parts = [text for text, n in ((tr("%Ln applied", "a deletion", applied), applied),
                                      (tr("%Ln kept", "a deletion not applied", kept), kept)) if n]
        lines.append(tr("Deletions: %1").replace("%1", ", ".join(parts)))
    return "\n".join(lines)


def _fit_rows(view: QTableWidget | QListWidget, rows: int, most: int) -> None:
    """As tall as *rows* rows (at most *most*; it scrolls beyond), not a screenful of empty space."""
    shown = max(1, min(rows, most))
    if isinstance(view, QTableWidget):
        height = view.horizontalHeader().sizeHint().height() + sum(view.rowHeight(r) for r in range(min(rows, most)))
        height += 0 if rows else view.verticalHeader().defaultSectionSize()
    else:
        height = sum(view.sizeHintForRow(r) for r in range(min(rows, most))) or view.fontMetrics().height() * shown
    view.setMaximumHeight(height + 2 * view.frameWidth() + 2)


def _choices_model(parent: QObject, note: bool) -> QStandardItemModel:
    """Mine, Theirs (and Both, for notes), each with its choice as the item's data."""
    model = QStandardItemModel(parent)
    for text, choice in ((tr("Mine"), MINE), (tr("Theirs"), THEIRS), *(((tr("Both"), BOTH),) if note else ())):
        item = QStandardItem(text)
        item.setData(choice, Qt.ItemDataRole.UserRole)
        model.appendRow(item)
    return model


class MergeDialog(QDialog):
    """Shows a plan and asks: each conflict mine/theirs (both for notes), which deletions to apply."""

    def __init__(self, plan: MergePlan, master: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.master = master
        self.setWindowTitle(tr("Merge Changes"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)

        self.heading = QLabel(tr("Changes from %1 to merge into %2:").replace("%1", ", ".join(plan.sources))
                              .replace("%2", master))
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.summary_label = QLabel("\n".join(summary_lines(plan)))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        self.sources_table = self._sources_table()
        layout.addWidget(self.sources_table)
        self.sources_table.setVisible(len(plan.per_source) > 0)

        self.conflicts_box = QGroupBox(tr("Conflicts: changed differently here and in the copy"))
        box = QVBoxLayout(self.conflicts_box)
        self.conflicts_table = QTableWidget(len(plan.conflicts), 6)
        self.conflicts_table.setHorizontalHeaderLabels(
            [tr("Item"), tr("Field"), tr("Mine (this document)"), tr("Theirs (the copy)"),
             tr("Copy", "a copy of the document"), tr("Keep")])
        self.conflicts_table.setAccessibleName(tr("Conflicts"))
        self.conflicts_table.verticalHeader().hide()
        self.conflicts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts_table.setWordWrap(True)
        self.choice_boxes: dict[str, QComboBox] = {}
        # Rows of one object's field from several copies, in merge order: each row's "mine" is what the rows
        # before it leave in MASTER (copy 1's value once its row takes theirs), not MASTER's value of now.
        self._chains: dict[str, list[int]] = {}
        # Looked up once, and one model of the choices shared by every row's box: thousands of rows open at once.
        self._kinds, self._fields = kind_names(), field_names()
        self._choice_models = {False: _choices_model(self, False), True: _choices_model(self, True)}
        keep_for = tr("Keep for %1")
        for row, conflict in enumerate(plan.conflicts):
            self._conflict_row(row, conflict, keep_for)
            if conflict.subject:
                self._chains.setdefault(conflict.subject, []).append(row)
        self._chains = {subject: rows for subject, rows in self._chains.items() if len(rows) > 1}
        for subject, rows in self._chains.items():
            for row in rows[:-1]:
                self.choice_boxes[plan.conflicts[row].key].currentIndexChanged.connect(
                    lambda _i, s=subject: self._show_mine(s))
        header = self.conflicts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.conflicts_table.resizeColumnsToContents()
        self.conflicts_table.setColumnWidth(0, min(max(self.conflicts_table.columnWidth(0), 160), 260))
        # The two value columns share what is left, but never less than their headings
        # ("Mine (this document)" was cut to "ine (this documen" at the dialog's 720 px).
        # Stretched columns get equal shares: the dialog is made wide enough for the wider one twice.
        widths = [self.conflicts_table.columnWidth(c) for c in range(self.conflicts_table.columnCount())]
        self._table_width = sum(widths) - widths[2] - widths[3] + 2 * max(widths[2], widths[3])
        for col in (2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.conflicts_table)
        buttons = QHBoxLayout()
        self.all_mine_button = QPushButton(tr("Keep All &Mine"))
        self.all_mine_button.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs_button = QPushButton(tr("Take All &Theirs"))
        self.all_theirs_button.clicked.connect(lambda: self.choose_all(THEIRS))
        for button in (self.all_mine_button, self.all_theirs_button):
            button.setAutoDefault(False)  # Enter merges
        buttons.addWidget(self.all_mine_button)
        buttons.addWidget(self.all_theirs_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(self.conflicts_box, 2)
        self.conflicts_box.setVisible(bool(plan.conflicts))

        self.deletions_box = QGroupBox(tr("Deleted in the copy: tick what to delete here too"))
        box = QVBoxLayout(self.deletions_box)
        self.deletions_list = QListWidget()
        self.deletions_list.setAccessibleName(tr("Deleted in the copy"))
        for deletion in plan.deletions:
            item = QListWidgetItem(self._deletion_text(deletion))
            item.setData(Qt.ItemDataRole.UserRole, deletion.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.deletions_list.addItem(item)
        box.addWidget(self.deletions_list)
        _fit_rows(self.deletions_list, len(plan.deletions), 6)
        self.declined_label = QLabel(tr("What you leave unticked stays here, and is not proposed again "
                                        "the next time you merge that copy."))
        self.declined_label.setWordWrap(True)
        box.addWidget(self.declined_label)
        layout.addWidget(self.deletions_box)
        self.deletions_box.setVisible(bool(plan.deletions))

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.button_box.addButton(tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setDefault(True)
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        cancel.setAutoDefault(False)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        first = next(iter(self.choice_boxes.values()), None)
        (first or self.merge_button).setFocus()
        self.fit_width()

    def fit_width(self, available: int | None = None) -> None:
        """Wide enough for every column of the conflicts at its heading's or content's width (up to 90 %
        of *available*, the screen's width by default), so no heading or value is cut off when it opens."""
        table = self.conflicts_table
        if not self.plan.conflicts:
            return
        wanted = self._table_width + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        margins = self.layout().contentsMargins()
        box = self.conflicts_box.layout().contentsMargins()
        wanted += margins.left() + margins.right() + box.left() + box.right() + 8
        if available is None:
            screen = self.parentWidget().screen() if self.parentWidget() is not None else self.screen()
            available = screen.availableGeometry().width() if screen is not None else wanted
        wanted = min(wanted, int(available * 0.9))
        if wanted > self.width():
            self.resize(wanted, self.sizeHint().height())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.conflicts_table.resizeRowsToContents()  # wrapped at the columns' final widths

    # --------------------------------------------------------------- parts
    def _sources_table(self) -> QTableWidget:
        plan = self.plan
        table = QTableWidget(len(plan.per_source), 5)
        table.setHorizontalHeaderLabels([tr("Copy", "a copy of the document"), tr("Added"), tr("Changed"),
                                         tr("Conflicts"), tr("Note authors")])
        table.setAccessibleName(tr("What each copy brings"))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, summary in enumerate(plan.per_source):
            values = (summary.source, counts_text(summary.added), counts_text(summary.changed),
                      QLocale().toString(summary.conflicts), names_text(summary.authors))
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        _fit_rows(table, len(plan.per_source), 5)
        return table

    def _conflict_row(self, row: int, conflict: Conflict, keep_for: str) -> None:
        table = self.conflicts_table
        item = QTableWidgetItem(f"{self._kinds.get(conflict.kind, conflict.kind)}: {conflict.label}")
        item.setData(Qt.ItemDataRole.UserRole, conflict.key)
        table.setItem(row, 0, item)
        table.setItem(row, 1, QTableWidgetItem(self._fields.get(conflict.field, conflict.field)))
        for col, value in ((2, conflict.mine), (3, conflict.theirs)):
            value = value_text(conflict.field, value)
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            table.setItem(row, col, cell)
        table.setItem(row, 4, QTableWidgetItem(conflict.source))
        combo = QComboBox()
        combo.setModel(self._choice_models[conflict.is_note])
        combo.setAccessibleName(keep_for.replace("%1", conflict.label))
        table.setCellWidget(row, 5, combo)
        self.choice_boxes[conflict.key] = combo

    def _show_mine(self, subject: str) -> None:
        """The "mine" of each later row of *subject* as the rows before it leave MASTER: a row that takes
        theirs hands its copy's value on ("Queue (from store-1.jmap)"); mine and both (a note kept twice)
        leave MASTER's text as it was."""
        conflicts = self.plan.conflicts
        taken: tuple[str, str] | None = None  # (value, copy) an earlier row put in MASTER
        for row in self._chains[subject]:
            conflict = conflicts[row]
            shown = value_text(conflict.field, conflict.mine if taken is None else taken[0])
            if taken is not None:
                shown = tr("%1 (from %2)", "a value another copy's row put in this document").replace(
                    "%1", shown).replace("%2", taken[1])
            cell = self.conflicts_table.item(row, 2)
            if cell.text() != shown:
                cell.setText(shown)
                cell.setToolTip(shown)
                if self.isVisible():
                    self.conflicts_table.resizeRowToContents(row)
            if self.choice_boxes[conflict.key].currentData() == THEIRS:
                taken = (conflict.theirs, conflict.source)

    def _deletion_text(self, deletion: Deletion) -> str:
        return (tr("%1 “%2” (deleted in %3)").replace("%1", self._kinds.get(deletion.kind, deletion.kind))
                .replace("%2", deletion.label).replace("%3", deletion.source))

    # --------------------------------------------------------------- answers
    def choices(self) -> dict[str, str]:
        """Conflict key → "mine" | "theirs" | "both", as chosen."""
        return {key: combo.currentData() for key, combo in self.choice_boxes.items()}

    def set_choice(self, key: str, choice: str) -> None:
        combo = self.choice_boxes[key]
        index = combo.findData(choice)
        if index < 0:
            raise ValueError(f"{choice!r} is not offered for conflict {key!r}")
        combo.setCurrentIndex(index)

    def choose_all(self, choice: str) -> None:
        for combo in self.choice_boxes.values():
            index = combo.findData(choice)
            if index >= 0:
                combo.setCurrentIndex(index)

    def deletions(self) -> list[str]:
        """Keys of the deletions the user ticked (none by default)."""
        keys = []
        for i in range(self.deletions_list.count()):
            item = self.deletions_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                keys.append(item.data(Qt.ItemDataRole.UserRole))
        return keys

    def declined(self) -> list[str]:
        """Keys of the deletions left unticked: kept here, and not proposed again for their copy."""
        ticked = set(self.deletions())
        return [d.key for d in self.plan.deletions if d.key not in ticked]

    def set_deletion(self, key: str, on: bool) -> None:
        for i in range(self.deletions_list.count()):
            item = self.deletions_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise KeyError(key)


__all__ = ["MergeDialog", "kind_count", "nothing_to_merge_text", "report_text", "summary_lines"]
