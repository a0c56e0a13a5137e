"""The inspector: edit the selected touchpoint (or the common fields of several).

Every change becomes an undo command; the inspector never keeps values of its
own. It reloads from the document whenever the session announces a change, so
undo and redo show up here too. While loading, the handlers are muted so that
showing a value never writes it back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymap.domain.channels import CHANNELS
from journeymap.domain.metrics import SENTIMENT_SCALE, NpsSummary, TouchpointMetrics
from journeymap.domain.model import Sensation, Touchpoint
from journeymap.locale_format import decimal, integer, signed
from journeymap.services.reporting import touchpoint_metrics
from journeymap.storage import DocumentError
from journeymap.ui.changes import Change, Source
from journeymap.ui.commands.notes import default_author
from journeymap.ui.docks import SessionConnections
from journeymap.ui.docks.inspector_notes import InspectorNotes
from journeymap.ui.docks.widgets import FocusOutPlainTextEdit
from journeymap.ui.scene import style
from journeymap.ui.session import DocumentSession

# The canvas's colour-blind-safe palette (blue / grey / orange), so a sensation looks the same everywhere.
SENSATION_COLOURS = {s: style.sensation_colour(s).name() for s in Sensation}
COMMON_FIELDS = ("channel", "sensation", "moment_of_truth")


def sentiment_label(value: float) -> str:
    """The name of the point of the 5-point scale nearest to *value*."""
    return min(SENTIMENT_SCALE, key=lambda p: abs(p[1] - value))[0]


class InspectorDock(InspectorNotes, QDockWidget):
    """Properties, scores and notes of the selected touchpoint(s)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Inspector"), parent)
        self.setObjectName("inspectorDock")
        self.session: DocumentSession | None = None
        self._connections = SessionConnections()
        self._touchpoints: list[Touchpoint] = []
        self._loading = False
        self._description_dirty = False
        self._names: dict[int, tuple[dict[int, str], dict[int, str]]] = {}  # map id → stage and lane names
        self._build()
        self._load()

    # ================================================================ building
    def _build(self) -> None:
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.header = QLabel(body)
        self.header.setObjectName("inspectorHeader")
        self.header.setWordWrap(True)
        self.header.setContentsMargins(10, 8, 10, 6)
        font = QFont(self.header.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.header.setFont(font)
        outer.addWidget(self.header)
        self.subheader = QLabel(body)
        self.subheader.setWordWrap(True)
        self.subheader.setContentsMargins(10, 0, 10, 6)
        self.subheader.setStyleSheet("color: palette(placeholder-text);")
        outer.addWidget(self.subheader)

        self.scroll = QScrollArea(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)

        self.placeholder = QLabel(body)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.placeholder.setStyleSheet("color: palette(placeholder-text); padding: 0px 10px;")
        outer.addWidget(self.placeholder, 1)

        self.form = QWidget()
        self.scroll.setWidget(self.form)
        column = QVBoxLayout(self.form)
        column.setContentsMargins(8, 4, 8, 8)
        column.setSpacing(8)

        self.touchpoint_group = self._build_touchpoint_group()
        self.scores_group = self._build_scores_group()
        self.notes_group = self._build_notes_group()
        from journeymap.ui.docks.photo_gallery import PhotosGroup

        self.photos_group = PhotosGroup(self)
        # Notes and photos right under the card's fields: on a 768-pixel screen they show without scrolling.
        from journeymap.ui.docks.inspector_rich import ContextGroup

        self.context_group = ContextGroup(self)  # lane kind, controllable, expectation, evidence, waiting
        for group in (
            self.touchpoint_group, self.notes_group, self.photos_group, self.context_group, self.scores_group,
        ):
            column.addWidget(group)
        column.addStretch(1)

        self.setWidget(body)

    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setContentsMargins(8, 8, 8, 8)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        return form

    def _build_touchpoint_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Touchpoint"))
        form = self.touchpoint_form = self._form(group)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.editingFinished.connect(self._commit_title)
        form.addRow(self.tr("&Title:"), self.title_edit)

        self.description_edit = FocusOutPlainTextEdit()
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setPlaceholderText(self.tr("What happens at this touchpoint?"))
        self.description_edit.setFixedHeight(self.description_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.description_edit.textChanged.connect(self._on_description_changed)
        self.description_edit.focusLost.connect(self._commit_description)
        form.addRow(self.tr("&Description:"), self.description_edit)

        self.channel_combo = QComboBox()
        self.channel_combo.setEditable(True)
        self.channel_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        self.channel_combo.addItem("", "")
        for ch in CHANNELS:
            self.channel_combo.addItem(QCoreApplication.translate("channels", ch.label), ch.key)
        self.channel_combo.lineEdit().setPlaceholderText(self.tr("No channel"))
        self.channel_combo.activated.connect(self._commit_channel)
        self.channel_combo.lineEdit().editingFinished.connect(self._commit_channel)
        form.addRow(self.tr("C&hannel:"), self.channel_combo)

        sensation_row = QWidget()
        row = QHBoxLayout(sensation_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.sensation_group = QButtonGroup(self)
        self.sensation_group.setExclusive(True)
        self.sensation_buttons: dict[Sensation, QPushButton] = {}
        names = {
            Sensation.POSITIVE: self.tr("Positive"),
            Sensation.NEUTRAL: self.tr("Neutral"),
            Sensation.NEGATIVE: self.tr("Negative"),
        }
        for sensation in (Sensation.POSITIVE, Sensation.NEUTRAL, Sensation.NEGATIVE):
            button = QPushButton(names[sensation])
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Sensation: %1").replace("%1", names[sensation]))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(10)
            colour = SENSATION_COLOURS[sensation]
            button.setStyleSheet(
                f"QPushButton {{ border: 1px solid {colour}; border-radius: 4px; padding: 3px 4px; }}"
                f"QPushButton:checked {{ background: {colour}; color: white; font-weight: bold; }}"
                "QPushButton:disabled { color: palette(mid); border-color: palette(mid); }"
            )
            button.setProperty("sensation", str(sensation))
            self.sensation_group.addButton(button)
            self.sensation_buttons[sensation] = button
            row.addWidget(button)
        self.sensation_group.buttonClicked.connect(self._commit_sensation)
        form.addRow(self.tr("Sensation:"), sensation_row)

        self.mot_check = QCheckBox(self.tr("&Moment of truth"))
        self.mot_check.setAccessibleName(self.tr("Moment of truth"))
        self.mot_check.setToolTip(self.tr("A moment that makes or breaks the customer's opinion."))
        self.mot_check.clicked.connect(self._commit_moment_of_truth)
        form.addRow("", self.mot_check)

        self.owner_edit = QLineEdit()
        self.owner_edit.setAccessibleName(self.tr("Owner"))
        self.owner_edit.setPlaceholderText(self.tr("Team or person responsible"))
        self.owner_edit.editingFinished.connect(self._commit_owner)
        form.addRow(self.tr("&Owner:"), self.owner_edit)

        self.impact_spin = QSpinBox()
        self.impact_spin.setRange(1, 5)
        self.impact_spin.setSuffix(self.tr(" / 5"))
        self.impact_spin.setKeyboardTracking(False)
        self.impact_spin.setAccessibleName(self.tr("Impact, 1 to 5"))
        self.impact_spin.valueChanged.connect(self._commit_impact)
        form.addRow(self.tr("&Impact:"), self.impact_spin)

        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags, separated by commas"))
        self.tags_edit.setPlaceholderText(self.tr("e.g. onboarding, billing"))
        self.tags_edit.editingFinished.connect(self._commit_tags)
        form.addRow(self.tr("T&ags:"), self.tags_edit)
        return group

    def _build_scores_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Scores"))
        form = self._form(group)

        self.effective_label = QLabel()
        self.effective_label.setWordWrap(True)
        self.effective_label.setTextFormat(Qt.TextFormat.RichText)
        self.effective_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.effective_label.setAccessibleName(self.tr("Effective scores"))
        self.effective_label.setObjectName("effectiveScores")
        self.effective_label.setStyleSheet(
            "QLabel#effectiveScores { background: palette(alternate-base); border-radius: 4px; padding: 6px; }"
        )
        form.addRow(self.effective_label)

        nps_row = QWidget()
        row = QHBoxLayout(nps_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.nps_check = QCheckBox(self.tr("Set"))
        self.nps_check.setAccessibleName(self.tr("Enter a manual NPS"))
        self.nps_check.toggled.connect(self._commit_manual_nps)
        self.nps_spin = QSpinBox()
        self.nps_spin.setRange(-100, 100)
        self.nps_spin.setKeyboardTracking(False)
        self.nps_spin.setAccessibleName(self.tr("Manual NPS, -100 to 100"))
        self.nps_spin.valueChanged.connect(self._commit_manual_nps)
        row.addWidget(self.nps_check)
        row.addWidget(self.nps_spin, 1)
        form.addRow(self.tr("Manual &NPS:"), nps_row)

        self.counts_check = QCheckBox(self.tr("Enter answer counts"))
        self.counts_check.setAccessibleName(self.tr("Enter counts of promoters, passives and detractors"))
        self.counts_check.toggled.connect(self._commit_counts)
        form.addRow(self.counts_check)
        counts = QWidget()
        grid = QGridLayout(counts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        from journeymap.ui.docks.count_box import CountBox

        self.promoters_spin = CountBox()
        self.passives_spin = CountBox()
        self.detractors_spin = CountBox()
        labels = (self.tr("Promoters"), self.tr("Passives"), self.tr("Detractors"))
        spins = (self.promoters_spin, self.passives_spin, self.detractors_spin)
        for col, (text, spin) in enumerate(zip(labels, spins, strict=True)):
            label = QLabel(text)
            label.setBuddy(spin)
            small = QFont(label.font())
            small.setPointSizeF(small.pointSizeF() * 0.9)
            label.setFont(small)
            spin.setKeyboardTracking(False)
            spin.setAccessibleName(self.tr("Number of %1").replace("%1", text.lower()))
            spin.valueChanged.connect(self._commit_counts)
            grid.addWidget(label, 0, col)
            grid.addWidget(spin, 1, col)
        self.counts_nps_label = QLabel()
        self.counts_nps_label.setAccessibleName(self.tr("NPS computed from the counts"))
        grid.addWidget(self.counts_nps_label, 2, 0, 1, 3)
        form.addRow(counts)

        self.sentiment_combo = QComboBox()
        self.sentiment_combo.setAccessibleName(self.tr("Manual sentiment"))
        self._fill_sentiment_combo(None)
        self.sentiment_combo.activated.connect(self._commit_sentiment)
        form.addRow(self.tr("&Sentiment:"), self.sentiment_combo)
        return group

    def _sentiment_names(self) -> dict[str, str]:
        # Context "Sentiment": masculine in Spanish (the sensation buttons are feminine).
        return {
            "very negative": QCoreApplication.translate("Sentiment", "Very negative"),
            "negative": QCoreApplication.translate("Sentiment", "Negative"),
            "neutral": QCoreApplication.translate("Sentiment", "Neutral"),
            "positive": QCoreApplication.translate("Sentiment", "Positive"),
            "very positive": QCoreApplication.translate("Sentiment", "Very positive"),
        }

    def _fill_sentiment_combo(self, custom: float | None) -> None:
        """The scale, plus an entry for a stored value that is not on it (e.g. set by the CLI)."""
        combo = self.sentiment_combo
        combo.clear()
        combo.addItem(self.tr("None"), None)
        names = self._sentiment_names()
        for key, value in SENTIMENT_SCALE:
            combo.addItem(f"{names.get(key, key)} ({signed(value, 1)})", value)
        if custom is not None:
            combo.addItem(self.tr("Custom (%1)").replace("%1", signed(custom, 2)), custom)

    # ================================================================= session
    def set_session(self, session: DocumentSession | None) -> None:
        """Show the selection of *session* (or nothing) and follow its changes."""
        if self.session is not None:
            self._commit_pending()
        self._connections.clear()
        self.session = session
        self.author_edit.setText(default_author())
        if session is not None:
            c = self._connections
            c.connect(session.selectionChanged, self._on_selection_changed)
            c.connect(session.changed, self._on_change)
            c.connect(session.currentMapChanged, self._on_map_changed)
        self._load()

    @property
    def touchpoint_ids(self) -> list[int]:
        """The touchpoints shown, in selection order."""
        return [tp.id for tp in self._touchpoints if tp.id is not None]

    @property
    def touchpoint_id(self) -> int | None:
        """The touchpoint edited when exactly one is selected."""
        return self._touchpoints[0].id if len(self._touchpoints) == 1 else None

    def _editable(self) -> bool:
        return self.session is not None and not self.session.read_only

    def _on_selection_changed(self, ids: list[int]) -> None:
        self._commit_pending()
        self._load()

    def _on_change(self, change: Change) -> None:
        """Show what an edit changed; the inspector's own edits are already on screen."""
        if change.structure or change.maps:
            self._names.clear()
            self._load()
            return
        shown = set(self.touchpoint_ids) | set(self._selected_ids())
        hit = (change.touchpoints | change.notes) & shown
        if change.own(Source.INSPECTOR) or not hit:
            self._touchpoints = [change.values.get(tp.id, tp) for tp in self._touchpoints]  # type: ignore[arg-type]
            if hit and len(self._touchpoints) == 1:
                self.header.setText(self._touchpoints[0].title or self.tr("(untitled touchpoint)"))
                if change.notes & shown:  # the list shows notes the inspector did not draw itself
                    self._show_notes(self._touchpoints[0])
            if change.metrics:
                self._refresh_metrics()
            return
        placed = {tid: cell for cell, ids in change.cells.items() for tid in ids}
        if not change.notes & shown and not change.removed & shown and hit <= set(placed) - set(change.values):
            # Moved only: where the card sits changed, nothing else.
            self._touchpoints = [
                replace(tp, stage_id=placed[tp.id][0], lane_id=placed[tp.id][1]) if tp.id in placed else tp
                for tp in self._touchpoints
            ]
            if len(self._touchpoints) == 1:
                self.subheader.setText(self._context_text(self._touchpoints[0]))
            return
        self._load()

    def _on_map_changed(self, map_id: int) -> None:
        self._names.clear()
        self._load()

    def _selected_ids(self) -> list[int]:
        return list(self.session.selected_ids) if self.session is not None else []

    # ================================================================= loading
    def _read_selection(self) -> list[Touchpoint]:
        if self.session is None:
            return []
        ids = self._selected_ids()
        # As the canvas shows them, else one query per 500 ids: never one per card (with
        # 2,000 cards selected the panel is reloaded after every edit of the selection).
        shown = self.session.shown_touchpoints
        read = shown(ids) if shown is not None else {}
        missing = [tp_id for tp_id in ids if tp_id not in read]
        if missing:
            read.update(self.session.document.touchpoints_by_id(missing))
        return [read[tp_id] for tp_id in ids if tp_id in read]  # deleted ones (e.g. undone) left out

    def _load(self) -> None:
        self._loading = True
        try:
            self._touchpoints = self._read_selection()
            self._show()
        finally:
            self._loading = False

    def _show(self) -> None:
        tps = self._touchpoints
        editable = self._editable()
        single = len(tps) == 1
        multi = len(tps) > 1

        if not tps:
            self.header.setText(
                self.tr("No document open") if self.session is None else self.tr("No touchpoint selected")
            )
        elif single:
            self.header.setText(tps[0].title or self.tr("(untitled touchpoint)"))
        else:
            self.header.setText(self.tr("%n touchpoints selected", "", len(tps)))
        self.subheader.setText(self._context_text(tps[0]) if single else "")
        self.subheader.setVisible(single)
        self.scroll.setVisible(bool(tps))
        self.placeholder.setVisible(not tps)
        if self.session is None:
            self.placeholder.setText(self.tr("Open or create a document to edit its touchpoints."))
        else:
            self.placeholder.setText(
                self.tr("Select a card on the map to edit its details, scores and notes. "
                        "Select several to change their channel, sensation or moment of truth together.")
            )

        # Which widgets can edit: single → all; several → the common fields only.
        single_widgets = (
            self.title_edit, self.description_edit, self.owner_edit, self.impact_spin, self.tags_edit,
        )
        for w in single_widgets:
            self.touchpoint_form.setRowVisible(w, not multi)
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(not editable)
            else:
                w.setEnabled(single and editable)
        self.channel_combo.setEnabled(bool(tps) and editable)
        for button in self.sensation_buttons.values():
            button.setEnabled(bool(tps) and editable)
        self.mot_check.setEnabled(bool(tps) and editable)
        self.scores_group.setVisible(single)
        self.notes_group.setVisible(single)
        self.photos_group.show_touchpoint(self.session, tps[0].id if single else None, editable)
        self.context_group.setVisible(single)

        if single:
            self._show_single(tps[0])
        elif multi:
            self._show_multi(tps)
        self._show_scores_enabled()

    def _context_text(self, tp: Touchpoint) -> str:
        """Where the card sits: "Stage · Lane" (names read once per map until its structure changes)."""
        assert self.session is not None
        doc = self.session.document
        if tp.map_id not in self._names:
            self._names[tp.map_id] = (
                {st.id: st.name for st in doc.stages(tp.map_id)},
                {ln.id: ln.name for ln in doc.lanes(tp.map_id)},
            )
        stages, lanes = self._names[tp.map_id]
        return " · ".join(p for p in (stages.get(tp.stage_id, ""), lanes.get(tp.lane_id, "")) if p)

    def _show_single(self, tp: Touchpoint) -> None:
        if not (self.title_edit.hasFocus() and self.title_edit.isModified()):
            self.title_edit.setText(tp.title)
        if not (self.description_edit.hasFocus() and self._description_dirty):
            self.description_edit.setPlainText(tp.description)
            self._description_dirty = False
        if not (self.owner_edit.hasFocus() and self.owner_edit.isModified()):
            self.owner_edit.setText(tp.owner)
        if not (self.tags_edit.hasFocus() and self.tags_edit.isModified()):
            self.tags_edit.setText(", ".join(tp.tags))
        self.impact_spin.setValue(tp.impact)
        self._show_channel(tp.channel)
        self._show_sensation(tp.sensation)
        self.mot_check.setTristate(False)
        self.mot_check.setChecked(tp.moment_of_truth)

        self.nps_check.setChecked(tp.manual_nps is not None)
        self.nps_spin.setValue(round(tp.manual_nps) if tp.manual_nps is not None else 0)
        counts = (tp.manual_promoters, tp.manual_passives, tp.manual_detractors)
        self.counts_check.setChecked(any(c is not None for c in counts))
        for spin, value in zip((self.promoters_spin, self.passives_spin, self.detractors_spin), counts, strict=True):
            spin.setValue(value or 0)
        self._show_sentiment(tp.manual_sentiment)
        self._refresh_metrics()
        self._show_notes(tp)
        self.context_group.show_touchpoint(tp, self._editable())

    def _show_multi(self, tps: list[Touchpoint]) -> None:
        channels = {tp.channel for tp in tps}
        if len(channels) == 1:
            self._show_channel(channels.pop())
        else:
            self.channel_combo.setCurrentIndex(-1)
            self.channel_combo.setEditText("")
            self.channel_combo.lineEdit().setPlaceholderText(self.tr("(several channels)"))
        sensations = {tp.sensation for tp in tps}
        self._show_sensation(sensations.pop() if len(sensations) == 1 else None)
        mots = {tp.moment_of_truth for tp in tps}
        if len(mots) == 1:
            self.mot_check.setTristate(False)
            self.mot_check.setChecked(mots.pop())
        else:
            self.mot_check.setTristate(True)
            self.mot_check.setCheckState(Qt.CheckState.PartiallyChecked)

    def _show_channel(self, key: str) -> None:
        self.channel_combo.lineEdit().setPlaceholderText(self.tr("No channel"))
        index = self.channel_combo.findData(key)
        if index >= 0:
            self.channel_combo.setCurrentIndex(index)
            self.channel_combo.setEditText(self.channel_combo.itemText(index))
        else:  # a channel of the document's own: shown as stored
            self.channel_combo.setCurrentIndex(-1)
            self.channel_combo.setEditText(key)

    def _show_sensation(self, sensation: Sensation | None) -> None:
        self.sensation_group.setExclusive(False)
        for value, button in self.sensation_buttons.items():
            button.setChecked(value == sensation)
        self.sensation_group.setExclusive(True)

    def _show_sentiment(self, value: float | None) -> None:
        on_scale = value is None or any(abs(value - v) < 1e-9 for _, v in SENTIMENT_SCALE)
        self._fill_sentiment_combo(None if on_scale else value)
        if value is None:
            self.sentiment_combo.setCurrentIndex(0)
        elif on_scale:
            index = next(i for i in range(1, self.sentiment_combo.count())
                         if abs(self.sentiment_combo.itemData(i) - value) < 1e-9)
            self.sentiment_combo.setCurrentIndex(index)
        else:
            self.sentiment_combo.setCurrentIndex(self.sentiment_combo.count() - 1)

    def _show_scores_enabled(self) -> None:
        editable = self._editable()
        self.nps_check.setEnabled(editable)
        self.nps_spin.setEnabled(editable and self.nps_check.isChecked())
        self.counts_check.setEnabled(editable)
        for spin in (self.promoters_spin, self.passives_spin, self.detractors_spin):
            spin.setEnabled(editable and self.counts_check.isChecked())
        self.sentiment_combo.setEnabled(editable)
        self.note_edit.setReadOnly(not editable)
        self.author_edit.setReadOnly(not editable)
        self._update_note_buttons()

    def _refresh_metrics(self) -> None:
        """The effective NPS and sentiment of the touchpoint, and where they come from."""
        if self.session is None or len(self._touchpoints) != 1:
            return
        try:
            tp = self.session.document.touchpoint(self._touchpoints[0].id)  # type: ignore[arg-type]
        except DocumentError:
            return
        metrics = touchpoint_metrics(self.session.document, tp.map_id, self.session.segment, [tp])[tp.id]
        self.effective_label.setText(self._metrics_html(metrics))
        counts = NpsSummary(self.promoters_spin.value(), self.passives_spin.value(), self.detractors_spin.value())
        if self.counts_check.isChecked() and counts.nps is not None:
            self.counts_nps_label.setText(
                self.tr("→ NPS %1 ± %2 (n = %3)")
                .replace("%1", signed(counts.nps, 1)).replace("%2", decimal(counts.margin, 1))
                .replace("%3", integer(counts.n))
            )
        else:
            self.counts_nps_label.setText(self.tr("→ NPS: no answers"))
        self.counts_nps_label.setEnabled(self.counts_check.isChecked())

    def _metrics_html(self, m: TouchpointMetrics) -> str:
        names = self._sentiment_names()
        if m.nps is None:
            nps = self.tr("NPS: none yet")
        else:
            nps = self.tr("NPS: <b>%1</b>").replace("%1", signed(m.nps, 1))
            if m.margin is not None:
                nps += f" ± {decimal(m.margin, 1)}"
            if m.summary.n:
                nps += " " + self.tr("(n = %1)").replace("%1", integer(m.summary.n))
        if m.sentiment is None:
            sentiment = self.tr("Sentiment: none yet")
        else:
            sentiment = self.tr("Sentiment: <b>%1</b> (%2)").replace("%1", signed(m.sentiment, 2)).replace(
                "%2", names.get(sentiment_label(m.sentiment), "")
            )
        if m.source == "responses":  # Qt's %n is a 32-bit int; manual counts may be larger
            n = min(m.summary.n, 2**31 - 1)
            source = self.tr("From %n survey responses; they take precedence over manual values.", "", n)
        elif m.source == "manual":
            source = self.tr("From the manual values below.")
        else:
            source = self.tr("No survey responses or manual values yet.") if m.source == "none" else ""
        segment = ""
        if self.session is not None and self.session.segment:
            segment = "<br/>" + self.tr("Segment: %1").replace("%1", _escape(self.session.segment))
        return f"{nps}<br/>{sentiment}<br/><small>{_escape(source)}{segment}</small>"

    # ================================================================ commits
    def _push(self, values: dict[str, Any], text: str = "", together: bool = False) -> None:
        """Apply *values* to the shown touchpoint(s) in one undo step.

        Only the fields that differ are written, unless *together*: then all of
        them are, whenever one differs, so that successive edits of a group of
        fields (the three answer counts) merge into one undo step.
        """
        if self._loading or not self._editable() or not self._touchpoints:
            return
        assert self.session is not None
        self.session.editor.set_fields(self.touchpoint_ids, values, text, Source.INSPECTOR, together)

    def _commit_pending(self) -> None:
        """Write text the user typed but has not confirmed (before the selection moves on)."""
        if self._loading or self.touchpoint_id is None:
            return
        if self.title_edit.isModified():
            self._commit_title()
        if self._description_dirty:
            self._commit_description()
        if self.owner_edit.isModified():
            self._commit_owner()
        if self.tags_edit.isModified():
            self._commit_tags()

    def _commit_title(self) -> None:
        if self._loading or self.touchpoint_id is None:
            return
        title = self.title_edit.text().strip()
        self.title_edit.setModified(False)
        if not title:  # a card needs a title: put the stored one back
            self._load()
            return
        self._push({"title": title}, self.tr("Rename touchpoint"))

    def _on_description_changed(self) -> None:
        if not self._loading:
            self._description_dirty = True

    def _commit_description(self) -> None:
        if self._loading or self.touchpoint_id is None or not self._description_dirty:
            return
        self._description_dirty = False
        self._push({"description": self.description_edit.toPlainText()}, self.tr("Edit description"))

    def _resolve_channel(self, text: str) -> str:
        text = text.strip()
        folded = text.casefold()
        for ch in CHANNELS:
            shown = QCoreApplication.translate("channels", ch.label)
            if folded in (ch.key.casefold(), ch.label.casefold(), shown.casefold()):
                return ch.key
        return text

    def _commit_channel(self, *_: object) -> None:
        if self._loading or not self._touchpoints:
            return
        text = self.channel_combo.currentText()
        if not text.strip() and len(self._touchpoints) > 1:
            return  # "(several channels)" left as is
        key = self._resolve_channel(text)
        self._push({"channel": key}, self.tr("Change channel"))
        if not self._loading and len(self._touchpoints) == 1:
            # Show the canonical label for what was typed ("web" → "Web").
            self._loading = True
            try:
                self._show_channel(key)
            finally:
                self._loading = False

    def _commit_sensation(self, button: QPushButton) -> None:
        value = button.property("sensation")
        if value:
            self._push({"sensation": Sensation(value)}, self.tr("Change sensation"))

    def _commit_moment_of_truth(self, *_: object) -> None:
        if self._loading:
            return
        self.mot_check.setTristate(False)
        self._push({"moment_of_truth": self.mot_check.checkState() == Qt.CheckState.Checked},
                   self.tr("Moment of truth"))

    def _commit_owner(self) -> None:
        if self._loading or self.touchpoint_id is None:
            return
        self.owner_edit.setModified(False)
        self._push({"owner": self.owner_edit.text().strip()}, self.tr("Change owner"))

    def _commit_impact(self, value: int) -> None:
        self._push({"impact": int(value)}, self.tr("Change impact"))

    def _commit_tags(self) -> None:
        if self._loading or self.touchpoint_id is None:
            return
        self.tags_edit.setModified(False)
        tags: list[str] = []
        for part in self.tags_edit.text().split(","):
            tag = part.strip()
            if tag and tag not in tags:
                tags.append(tag)
        self._push({"tags": tags}, self.tr("Change tags"))

    def _commit_manual_nps(self, *_: object) -> None:
        if self._loading:
            return
        self.nps_spin.setEnabled(self._editable() and self.nps_check.isChecked())
        value = float(self.nps_spin.value()) if self.nps_check.isChecked() else None
        values: dict[str, Any] = {"manual_nps": value}
        if value is not None and self.counts_check.isChecked():
            # A manual NPS and answer counts are alternatives: the counts would silently win.
            with QSignalBlocker(self.counts_check):
                self.counts_check.setChecked(False)
            self._enable_counts(False)
            values.update(manual_promoters=None, manual_passives=None, manual_detractors=None)
        self._push(values, self.tr("Manual NPS"))
        self._refresh_metrics()

    def _enable_counts(self, on: bool) -> None:
        for spin in (self.promoters_spin, self.passives_spin, self.detractors_spin):
            spin.setEnabled(self._editable() and on)

    def _commit_counts(self, *_: object) -> None:
        if self._loading:
            return
        spins = (self.promoters_spin, self.passives_spin, self.detractors_spin)
        if not all(spin.exact for spin in spins) and self.counts_check.isChecked():
            return  # a stored count too large to show is never rewritten from what the box shows
        on = self.counts_check.isChecked()
        self._enable_counts(on)
        values: dict[str, Any] = {
            "manual_promoters": self.promoters_spin.value() if on else None,
            "manual_passives": self.passives_spin.value() if on else None,
            "manual_detractors": self.detractors_spin.value() if on else None,
        }
        if on and self.nps_check.isChecked():
            with QSignalBlocker(self.nps_check):
                self.nps_check.setChecked(False)
            self.nps_spin.setEnabled(False)
            values["manual_nps"] = None
        self._push(values, self.tr("Answer counts"), together=True)
        self._refresh_metrics()

    def _commit_sentiment(self, *_: object) -> None:
        if self._loading:
            return
        value = self.sentiment_combo.currentData()
        self._push({"manual_sentiment": None if value is None else float(value)}, self.tr("Manual sentiment"))

    # ------------------------------------------------------------------ values for tests and the window
    def set_manual_nps(self, value: int | None) -> None:
        """Enter a manual NPS (``None`` clears it) as the user would."""
        with QSignalBlocker(self.nps_spin), QSignalBlocker(self.nps_check):
            if value is not None:
                self.nps_spin.setValue(value)
            self.nps_check.setChecked(value is not None)
        self._commit_manual_nps()

    def set_manual_sentiment(self, value: float | None) -> None:
        """Pick a point of the sentiment scale (``None`` = no manual sentiment)."""
        index = self.sentiment_combo.findData(value)
        if value is None:
            index = 0
        if index < 0:
            raise ValueError(f"{value} is not on the sentiment scale")
        self.sentiment_combo.setCurrentIndex(index)
        self._commit_sentiment()

def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
