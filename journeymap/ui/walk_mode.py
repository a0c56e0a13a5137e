"""Walk mode (View ▸ Walk the journey, F9): one touchpoint at a time, for a store manager on foot.

A full-window page over the editor that steps through the touchpoints in
journey order (stage by stage, lane by lane, card by card): big sensation
buttons, the customers' 0–10 answers counted with one tap each, a manual NPS,
notes and photos, previous/next with the arrow keys, Page Up/Down, the buttons
or a swipe across the card. Every change is the same undoable command the
inspector pushes, so Ctrl+Z works here too and the canvas follows.

Sized for a 1366×768 laptop and a 10" tablet in landscape without scrolling;
every touch target is at least 9 mm (``touch_px``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymap.domain.metrics import NpsSummary
from journeymap.domain.model import Sensation, Touchpoint
from journeymap.storage import DocumentError
from journeymap.ui.changes import Source
from journeymap.ui.commands.notes import AddNoteCommand
from journeymap.ui.commands.touchpoints import UpdateTouchpointCommand
from journeymap.ui.docks.photo_gallery import PhotoGallery
from journeymap.ui.scene import style
from journeymap.ui.session import DocumentSession

MIN_TARGET_MM = 9.0
SWIPE_PX = 80  # horizontal travel that turns a drag on the card into previous/next


def touch_px(widget: QWidget | None = None, mm: float = MIN_TARGET_MM) -> int:
    """*mm* in device-independent pixels on the widget's screen (at least 44 px, Apple's minimum)."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() / screen.devicePixelRatio() if screen is not None else 96.0
    dpi = dpi if 60 <= dpi <= 400 else 96.0
    return max(44, round(mm / 25.4 * dpi))


class SwipeArea(QFrame):
    """The card's face: a horizontal swipe (finger, pen or mouse) asks for the next or previous card."""

    swiped = Signal(int)  # +1 next, -1 previous

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._start: QPointF | None = None

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            points = event.points()
            self._start = points[0].position() if len(points) == 1 else None
            event.accept()
            return True
        if kind == QEvent.Type.TouchUpdate:
            event.accept()
            return True
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            points = event.points()
            if kind == QEvent.Type.TouchEnd and self._start is not None and points:
                self._finish(points[0].position())
            self._start = None
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._start = event.position()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._start is not None:
            self._finish(event.position())
        self._start = None

    def _finish(self, end: QPointF) -> None:
        assert self._start is not None
        dx, dy = end.x() - self._start.x(), end.y() - self._start.y()
        if abs(dx) >= SWIPE_PX and abs(dx) > 2 * abs(dy):
            self.swiped.emit(1 if dx < 0 else -1)


class WalkMode(QWidget):
    """The walk page; ``touchpoint_id`` is the card shown."""

    closed = Signal()

    def __init__(self, session: DocumentSession, parent: QWidget | None = None, start_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("walkMode")
        self.setAutoFillBackground(True)
        self.session = session
        self.order: list[int] = []
        self.index = 0
        self.touchpoint: Touchpoint | None = None
        self._loading = False
        self._build()
        session.touchpointsChanged.connect(self._on_touchpoints_changed)
        session.structureChanged.connect(self._reload_order)
        session.currentMapChanged.connect(self._reload_order)
        session.metricsChanged.connect(self._show_scores)
        self._reload_order()
        if start_id in self.order:
            self.go(self.order.index(start_id))

    # ================================================================ building
    def _build(self) -> None:
        target = touch_px(self)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.15)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.where = QLabel(self)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label = QLabel(self)
        self.exit_button = QPushButton(self.tr("Exit walk (Esc)"), self)
        self.exit_button.setMinimumHeight(target)
        self.exit_button.clicked.connect(self.close_walk)
        top.addWidget(self.where, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.exit_button)
        outer.addLayout(top)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(8)
        right = QVBoxLayout()
        right.setSpacing(6)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        outer.addLayout(columns, 1)

        # The card: title, description; swipe here for the next card.
        self.card = SwipeArea(self)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.swiped.connect(self.step)
        card_layout = QVBoxLayout(self.card)
        self.title = QLabel(self.card)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.8)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.meta = QLabel(self.card)
        self.meta.setStyleSheet("color: palette(placeholder-text);")
        self.description = QLabel(self.card)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.meta)
        card_layout.addWidget(self.description, 1)
        left.addWidget(self.card, 1)

        # Sensation
        left.addWidget(self._caption(self.tr("How does it feel?")))
        row = QHBoxLayout()
        self.sensation_group = QButtonGroup(self)
        self.sensation_group.setExclusive(True)
        self.sensation_buttons: dict[Sensation, QPushButton] = {}
        for value, text in (
            (Sensation.NEGATIVE, self.tr("☹ Negative")),
            (Sensation.NEUTRAL, self.tr("😐 Neutral")),
            (Sensation.POSITIVE, self.tr("☺ Positive")),
        ):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setMinimumHeight(round(target * 1.3))
            button.setFont(big)
            button.setProperty("sensation", str(value))
            colour = style.sensation_colour(value).name()
            button.setStyleSheet(f"QPushButton:checked {{ background: {colour}; color: white; font-weight: bold;"
                                 f" border: 2px solid {colour}; border-radius: 4px; }}")
            self.sensation_group.addButton(button)
            self.sensation_buttons[value] = button
            row.addWidget(button)
        self.sensation_group.buttonClicked.connect(self._commit_sensation)
        left.addLayout(row)

        # The customers' answers, one tap each, and a manual NPS.
        left.addWidget(self._caption(self.tr("A customer's answer: how likely to recommend us (0–10)?")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        self.score_buttons: list[QPushButton] = []
        for score in range(11):
            button = QPushButton(str(score), self)
            button.setMinimumSize(target, target)
            button.setFont(big)
            button.setToolTip(self.tr("Count one answer of %1").replace("%1", str(score)))
            button.clicked.connect(lambda _=False, s=score: self.count_answer(s))
            grid.addWidget(button, 0, score)
            self.score_buttons.append(button)
        left.addLayout(grid)
        scores = QHBoxLayout()
        self.counts_label = QLabel(self)
        scores.addWidget(self.counts_label, 1)
        self.nps_check = QCheckBox(self.tr("Manual NPS"), self)
        self.nps_check.setMinimumHeight(target)
        self.nps_check.toggled.connect(self._commit_manual_nps)
        self.nps_spin = QSpinBox(self)
        self.nps_spin.setRange(-100, 100)
        self.nps_spin.setSingleStep(5)
        self.nps_spin.setMinimumHeight(target)
        self.nps_spin.setMinimumWidth(target * 2)
        self.nps_spin.setFont(big)
        self.nps_spin.valueChanged.connect(self._commit_manual_nps)
        self.nps_minus = QPushButton("−10", self)
        self.nps_plus = QPushButton("+10", self)
        for b, delta in ((self.nps_minus, -10), (self.nps_plus, 10)):
            b.setMinimumSize(target, target)
            b.clicked.connect(lambda _=False, d=delta: self.nps_spin.setValue(self.nps_spin.value() + d))
        for w in (self.nps_check, self.nps_minus, self.nps_spin, self.nps_plus):
            scores.addWidget(w)
        left.addLayout(scores)

        # Notes
        right.addWidget(self._caption(self.tr("Notes")))
        self.notes_list = QListWidget(self)
        self.notes_list.setWordWrap(True)
        self.notes_list.setMinimumHeight(target * 2)
        self.notes_list.setAccessibleName(self.tr("Notes"))
        right.addWidget(self.notes_list, 2)
        note_row = QHBoxLayout()
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Write a note…"))
        self.note_edit.setFixedHeight(round(target * 1.5))
        self.note_edit.setTabChangesFocus(True)
        self.add_note_button = QPushButton(self.tr("Add note"), self)
        self.add_note_button.setMinimumSize(target * 2, round(target * 1.5))
        self.add_note_button.clicked.connect(self._add_note_clicked)
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.add_note_button)
        right.addLayout(note_row)

        # Photos
        right.addWidget(self._caption(self.tr("Photos")))
        self.gallery = PhotoGallery(self)
        g = self.gallery
        for b in (g.add_button, g.camera_button, g.paste_button, g.view_button, g.earlier_button, g.later_button,
                  g.remove_button):
            b.setMinimumSize(target, target)
        self.gallery.add_button.setText(self.tr("Attach photo…"))
        self.gallery.viewRequested.connect(self._view_photo)
        right.addWidget(self.gallery, 1)

        # Previous / next
        nav = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Previous"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        for b in (self.prev_button, self.next_button):
            b.setMinimumSize(target * 4, round(target * 1.3))
            b.setFont(big)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.position_label = QLabel(self)
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position_label, 1)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)

        for key, slot in (
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.step(1)),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.step(-1)),
            (QKeySequence(Qt.Key.Key_Escape), self.close_walk),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    # ================================================================ navigation
    def _reload_order(self, *_: object) -> None:
        current = self.order[self.index] if self.order else None
        map_id = self.session.map_id
        self.order = [tp.id for tp in self.session.document.touchpoints(map_id)] if map_id is not None else []
        if current in self.order:
            self.index = self.order.index(current)
        else:
            self.index = min(self.index, max(0, len(self.order) - 1))
        self._show()

    @property
    def touchpoint_id(self) -> int | None:
        return self.order[self.index] if self.order else None

    def go(self, index: int) -> None:
        if self.order:
            self.index = max(0, min(len(self.order) - 1, index))
            self.session.set_selection([self.order[self.index]])
            self.session.selectRequested.emit([self.order[self.index]])
            self._show()

    def step(self, delta: int) -> None:
        self.go(self.index + delta)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not self.note_edit.hasFocus():
            self.step(1 if event.key() == Qt.Key.Key_Right else -1)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def open_over(self, window: QWidget) -> None:
        """Cover *window* (docks and toolbars included) and take the keyboard."""
        self.setParent(window)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()
        self.setFocus()

    def close_walk(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.closed.emit()

    # ================================================================ showing
    def _on_touchpoints_changed(self, ids: list[int]) -> None:
        order_before = list(self.order)
        map_id = self.session.map_id
        self.order = [tp.id for tp in self.session.document.touchpoints(map_id)] if map_id is not None else []
        if order_before and order_before != self.order:
            current = order_before[self.index] if self.index < len(order_before) else None
            self.index = self.order.index(current) if current in self.order else min(self.index, len(self.order) - 1)
            self.index = max(0, self.index)
        if self.touchpoint_id in ids or order_before != self.order:
            self._show()

    def _show(self) -> None:
        self._loading = True
        try:
            tid = self.touchpoint_id
            tp = None
            if tid is not None:
                try:
                    tp = self.session.document.touchpoint(tid)
                except DocumentError:
                    tp = None
            self.touchpoint = tp
            editable = tp is not None and not self.session.read_only
            n = len(self.order)
            self.count_label.setText(self.tr("%1 of %2").replace("%1", str(self.index + 1 if n else 0))
                                     .replace("%2", str(n)))
            self.position_label.setText(self.count_label.text())
            self.prev_button.setEnabled(self.index > 0)
            self.next_button.setEnabled(self.index < n - 1)
            for w in (*self.sensation_buttons.values(), *self.score_buttons, self.nps_check, self.note_edit,
                      self.add_note_button):
                w.setEnabled(editable)
            if tp is None:
                self.where.setText(self.tr("Walk the journey"))
                self.title.setText(self.tr("This map has no touchpoints yet."))
                self.meta.clear()
                self.description.clear()
                self.notes_list.clear()
                self.counts_label.clear()
                self.gallery.set_touchpoint(self.session, None, False)
                return
            doc = self.session.document
            stage = next((s.name for s in doc.stages(tp.map_id) if s.id == tp.stage_id), "")
            lane = next((lane.name for lane in doc.lanes(tp.map_id) if lane.id == tp.lane_id), "")
            self.where.setText(self.tr("Walk the journey — %1 › %2").replace("%1", stage).replace("%2", lane))
            self.title.setText(tp.title)
            meta = []
            if tp.channel:
                from journeymap.domain.channels import channel

                label = QCoreApplication.translate("channels", channel(tp.channel).label)
                meta.append(self.tr("Channel: %1").replace("%1", label))
            if tp.moment_of_truth:
                meta.append(self.tr("★ Moment of truth"))
            self.meta.setText(" · ".join(meta))
            self.meta.setVisible(bool(meta))
            self.description.setText(tp.description or self.tr("No description."))
            for value, button in self.sensation_buttons.items():
                button.setChecked(tp.sensation == value)
            self._show_scores()
            self._show_notes()
            self.gallery.set_touchpoint(self.session, tp.id, editable)
        finally:
            self._loading = False

    def _show_scores(self) -> None:
        tp = self.touchpoint
        if tp is None:
            return
        was = self._loading
        self._loading = True
        try:
            p, q, d = tp.manual_promoters or 0, tp.manual_passives or 0, tp.manual_detractors or 0
            total = p + q + d
            if total:
                value = NpsSummary(p, q, d).nps
                self.counts_label.setText(
                    self.tr("%n answer(s): %2 promoters, %3 passives, %4 detractors — NPS %5", "", total)
                    .replace("%n", str(total)).replace("%2", str(p)).replace("%3", str(q)).replace("%4", str(d))
                    .replace("%5", f"{value:+.0f}" if value is not None else "–")
                )
            else:
                self.counts_label.setText(self.tr("No answers counted yet."))
            self.nps_check.setChecked(tp.manual_nps is not None)
            self.nps_spin.setValue(int(round(tp.manual_nps)) if tp.manual_nps is not None else 0)
            on = tp.manual_nps is not None and not self.session.read_only
            for w in (self.nps_spin, self.nps_minus, self.nps_plus):
                w.setEnabled(on)
        finally:
            self._loading = was

    def _show_notes(self) -> None:
        self.notes_list.clear()
        tp = self.touchpoint
        if tp is None:
            return
        notes = self.session.document.notes(tp.id)
        for note in notes:
            meta = " — ".join(x for x in (note.author, note.created_at[:16].replace("T", " ")) if x)
            item = QListWidgetItem(note.text + (f"\n{meta}" if meta else ""))
            self.notes_list.addItem(item)
        if notes:
            self.notes_list.scrollToBottom()
        else:
            self.notes_list.addItem(QListWidgetItem(self.tr("No notes yet.")))

    # ================================================================ edits (the inspector's commands)
    def _update(self, values: dict[str, Any], text: str) -> None:
        tp = self.touchpoint
        if self._loading or tp is None or self.session.read_only:
            return
        current = self.session.document.touchpoint(tp.id)
        if all(getattr(current, k) == v for k, v in values.items()):
            return
        self.session.editor.push(UpdateTouchpointCommand(self.session, tp.id, values, text), Source.WALK)

    def _commit_sensation(self, button: QPushButton) -> None:
        self.set_sensation(Sensation(button.property("sensation")))

    def set_sensation(self, value: Sensation) -> None:
        self._update({"sensation": value}, self.tr("Change sensation"))

    def count_answer(self, score: int) -> None:
        """One more customer answered *score*: promoters 9–10, passives 7–8, detractors 0–6."""
        tp = self.touchpoint
        if tp is None:
            return
        current = self.session.document.touchpoint(tp.id)
        p, q, d = current.manual_promoters or 0, current.manual_passives or 0, current.manual_detractors or 0
        if score >= 9:
            p += 1
        elif score >= 7:
            q += 1
        else:
            d += 1
        self._update({"manual_promoters": p, "manual_passives": q, "manual_detractors": d}, self.tr("Answer counts"))

    def _commit_manual_nps(self, *_: object) -> None:
        if self._loading:
            return
        on = self.nps_check.isChecked()
        for w in (self.nps_spin, self.nps_minus, self.nps_plus):
            w.setEnabled(on and not self.session.read_only)
        self._update({"manual_nps": float(self.nps_spin.value()) if on else None}, self.tr("Manual NPS"))

    def set_manual_nps(self, value: int | None) -> None:
        self._loading = True
        try:
            if value is not None:
                self.nps_spin.setValue(value)
            self.nps_check.setChecked(value is not None)
        finally:
            self._loading = False
        self._commit_manual_nps()

    def _add_note_clicked(self) -> None:
        if self.add_note(self.note_edit.toPlainText()) is not None:
            self.note_edit.clear()

    def add_note(self, text: str) -> int | None:
        tp = self.touchpoint
        text = text.strip()
        if not text or tp is None or self.session.read_only:
            return None
        command = AddNoteCommand(self.session, tp.id, text)
        self.session.editor.push(command, Source.WALK)
        return command.note_id

    def _view_photo(self, touchpoint_id: int, attachment_id: int) -> None:
        from journeymap.ui.dialogs.photo_viewer import PhotoViewer

        PhotoViewer(self.session, touchpoint_id, attachment_id, self).exec()
