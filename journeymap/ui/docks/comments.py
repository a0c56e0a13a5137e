"""The comments panel: what customers said about the selected touchpoints, a stage or the whole map.

Each comment shows with its score (in its promoter / passive / detractor
colour), sentiment, date and segment. Full-text search goes through SQLite
FTS5 (case and accents ignored); filters by NPS group, segment, sentiment and
dates; the headline counts what the filters found ("38 detractor comments
mention “cola”"). The table pages through the comments (comments_model), so
it opens as fast on a million responses as on ten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import error_text
from journeymap.services.comments import Comment, CommentQuery, CommentSource
from journeymap.storage import DocumentError
from journeymap.ui.docks import SessionConnections
from journeymap.ui.docks.comments_model import CommentsModel, copy_text
from journeymap.ui.docks.widgets import on_screen

if TYPE_CHECKING:  # pragma: no cover
    from journeymap.ui.session import DocumentSession

REFRESH_MS = 150  # typing in the search box, selection changes: one query when they settle
NO_DATE = QDate(1900, 1, 1)


class CommentsDock(QDockWidget):
    # Comment to pin as a quote on its card (the main window turns it into an undoable edit).
    pinRequested = Signal(object)
    # Id of the quote pinned from the current comment, to unpin (undoable, like pinning).
    unpinRequested = Signal(int)
    # Touchpoint to select on the canvas.
    touchpointRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("commentsDock")
        self.setWindowTitle(self.tr("Comments"))
        self._session: DocumentSession | None = None
        self._source: CommentSource | None = None
        self._connections = SessionConnections()
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_visible)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search comments (accents and case ignored)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search comments"))
        self.search.textChanged.connect(self._schedule)
        layout.addWidget(self.search)

        grid = QGridLayout()
        self.scope = QComboBox()
        for key, label in (("selection", self.tr("Selected touchpoints")), ("stage", self.tr("Stage of the selection")),
                           ("map", self.tr("Whole map"))):
            self.scope.addItem(label, key)
        self.group = QComboBox()
        for key, label in ((None, self.tr("All groups")), ("detractor", self.tr("Detractors")),
                           ("passive", self.tr("Passives")), ("promoter", self.tr("Promoters"))):
            self.group.addItem(label, key)
        self.segment = QComboBox()
        self.sentiment = QComboBox()
        for key, label in ((None, self.tr("Any sentiment")), ("negative", self.tr("Negative")),
                           ("neutral", self.tr("Neutral")), ("positive", self.tr("Positive")),
                           ("none", self.tr("No sentiment"))):
            self.sentiment.addItem(label, key)
        self.sort = QComboBox()
        for key, label in (("newest", self.tr("Newest first")), ("oldest", self.tr("Oldest first")),
                           ("lowest", self.tr("Lowest score first")), ("highest", self.tr("Highest score first"))):
            self.sort.addItem(label, key)
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        labels = (self.tr("&Scope:"), self.tr("&Group:"), self.tr("Se&gment:"), self.tr("Se&ntiment:"),
                  self.tr("&From:"), self.tr("&To:"), self.tr("S&ort:"))
        widgets = (self.scope, self.group, self.segment, self.sentiment, self.date_from, self.date_to, self.sort)
        for i, (text, widget) in enumerate(zip(labels, widgets, strict=True)):
            label = QLabel(text)
            label.setBuddy(widget)
            # Label above its field, two fields a row: the dock fits the right side of a 1366 px laptop.
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(label)
            cell.addWidget(widget)
            grid.addLayout(cell, i // 2, i % 2)
            if isinstance(widget, QComboBox):
                # As narrow as a short word: the dock shares the right side with the inspector on a
                # 1366 px laptop, and its widest choice ("Puntuación más alta primero") is in the popup.
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(6)
                widget.currentIndexChanged.connect(self._schedule)
            else:
                widget.dateChanged.connect(self._schedule)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setObjectName("commentsHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.breakdown = QLabel()
        self.breakdown.setWordWrap(True)
        layout.addWidget(self.headline)
        layout.addWidget(self.breakdown)

        self.model = CommentsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Each column at least as wide as its heading ("Puntuación" needs twice "Score"'s room).
        fm = header.fontMetrics()
        for column, width in enumerate((44, 300, 130, 68, 84, 80)):
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            header.resizeSection(column, max(width, fm.horizontalAdvance(heading) + 2 * fm.averageCharWidth() + 8))
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._show_current)
        self.table.doubleClicked.connect(self._go_to_touchpoint)
        layout.addWidget(self.table, 1)

        # The whole text of the current comment: nothing is cut off in the table's one line.
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setObjectName("commentDetail")
        layout.addWidget(self.detail)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy_selection)
        self.pin_button = QPushButton(self.tr("&Pin as quote"))
        self.pin_button.setToolTip(self.tr("Show this comment on its card (the Quotes overlay)"))
        self.pin_button.clicked.connect(self._pin_current)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.pin_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.copy_action = QAction(self.tr("Copy"), self.table)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.table.addAction(self.copy_action)

        self.setWidget(body)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self._update_buttons()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    # ------------------------------------------------------------ session
    def set_session(self, session: DocumentSession | None) -> None:
        self._connections.clear()
        self._session = session
        self._source = None
        if session is not None:
            c = self._connections
            c.connect(session.selectionChanged, self._on_selection_changed)
            c.connect(session.metricsChanged, self._on_data_changed)
            c.connect(session.touchpointsChanged, self._on_data_changed)
            c.connect(session.structureChanged, self._on_data_changed)
            c.connect(session.currentMapChanged, self._on_data_changed)
        self._on_data_changed()

    def show_for(self, touchpoint_ids: list[int]) -> None:
        """Show the comments of these touchpoints (the card's "Show comments")."""
        self.scope.setCurrentIndex(self.scope.findData("selection"))
        self.show()
        self.raise_()
        self._selection = list(touchpoint_ids)
        self.refresh()

    # ------------------------------------------------------------ queries
    def current_query(self) -> CommentQuery | None:
        session = self._session
        if session is None or session.map_id is None:
            return None
        scope = self.scope.currentData()
        ids = list(getattr(self, "_selection", None) or session.selected_ids)
        tp_ids: tuple[int, ...] = ()
        stage_id = None
        if scope == "selection":
            if not ids:
                return None
            tp_ids = tuple(ids)
        elif scope == "stage":
            if not ids:
                return None
            try:
                stage_id = session.document.touchpoint(ids[0]).stage_id
            except DocumentError:
                return None

        def day(edit: QDateEdit) -> str | None:
            return None if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        return CommentQuery(session.map_id, tp_ids, stage_id, self.group.currentData(),
                            self.segment.currentData(), self.sentiment.currentData(), day(self.date_from),
                            day(self.date_to), self.search.text())

    def refresh(self) -> None:
        """Run the query now (the timer calls this when the filters settle)."""
        self._timer.stop()
        self._dirty = False
        session = self._session
        if session is not None and session.map_id is not None:
            if self._source is None or self._source.map_id != session.map_id:
                self._source = CommentSource(session.document, session.map_id)
                self._reload_segments()
        else:
            self._source = None
        query = self.current_query()
        try:
            self.model.load(self._source, query, self.sort.currentData())
        except DocumentError as exc:  # damaged pages of a big file: say so, keep the panel usable
            self.model.load(None, None)
            self.headline.setText(error_text(exc))
            return
        if self.model.counts is None:
            self.headline.setText(self.tr("Counting…"))
            self.breakdown.setText("")
            QTimer.singleShot(0, lambda q=query: self._count(q))
        else:
            self._update_headline(query)
        self._show_current()

    def _count(self, query: CommentQuery | None) -> None:
        """The counts of a big result, once its first page is on screen."""
        if query is None or query != self.model.query:
            return  # another query replaced it meanwhile
        try:
            self.model.count()
        except DocumentError as exc:
            self.headline.setText(error_text(exc))
            return
        self._update_headline(query)

    def _reload_segments(self) -> None:
        current = self.segment.currentData()
        self.segment.blockSignals(True)
        self.segment.clear()
        self.segment.addItem(self.tr("All segments"), None)
        for name in self._source.segments() if self._source else []:
            self.segment.addItem(name, name)
        index = self.segment.findData(current)
        self.segment.setCurrentIndex(max(0, index))
        self.segment.blockSignals(False)

    def _update_headline(self, query: CommentQuery | None) -> None:
        if query is None:
            scope = self.scope.currentData()
            self.headline.setText(self.tr("Select a touchpoint to read its comments, or choose Whole map.")
                                  if scope != "map" else "")
            self.breakdown.setText("")
            return
        n = self.model.total
        term = query.search.strip()
        group = query.group
        if term:
            texts = {
                None: self.tr("%n comment(s) mention “%1”", "", n),
                "detractor": self.tr("%n detractor comment(s) mention “%1”", "", n),
                "passive": self.tr("%n passive comment(s) mention “%1”", "", n),
                "promoter": self.tr("%n promoter comment(s) mention “%1”", "", n),
            }
            self.headline.setText(texts[group].replace("%1", term))
        else:
            texts = {
                None: self.tr("%n comment(s)", "", n),
                "detractor": self.tr("%n detractor comment(s)", "", n),
                "passive": self.tr("%n passive comment(s)", "", n),
                "promoter": self.tr("%n promoter comment(s)", "", n),
            }
            self.headline.setText(texts[group])
        c = self.model.counts
        if c is None:
            return
        self.breakdown.setText(self.tr("Detractors %1 · Passives %2 · Promoters %3")
                               .replace("%1", str(c.detractor))
                               .replace("%2", str(c.passive)).replace("%3", str(c.promoter)))

    # ------------------------------------------------------------ selection
    def selected_comments(self) -> list[Comment]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [c for c in (self.model.comment_at(r) for r in rows) if c is not None]

    def copy_selection(self) -> None:
        comments = self.selected_comments()
        if comments:
            QGuiApplication.clipboard().setText(copy_text(comments))

    def _show_current(self, *args: object) -> None:
        comments = self.selected_comments()
        if len(comments) == 1:
            c = comments[0]
            self.detail.setText(f"“{c.comment}” — {c.touchpoint}" + ("" if c.score is None else f", {c.score}")
                                + (f", {c.date}" if c.date else "") + (f", {c.segment}" if c.segment else ""))
        else:
            self.detail.setText("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        comments = self.selected_comments() if hasattr(self, "table") else []
        self.copy_button.setEnabled(bool(comments))
        read_only = self._session is None or self._session.read_only
        self.pin_button.setEnabled(len(comments) == 1 and not read_only)
        pinned = self._pinned_quote(comments)
        self.pin_button.setText(self.tr("&Unpin quote") if pinned is not None else self.tr("&Pin as quote"))
        self.pin_button.setToolTip(self.tr("Take this comment off its card") if pinned is not None
                                   else self.tr("Show this comment on its card (the Quotes overlay)"))

    def _pinned_quote(self, comments: list[Comment]) -> int | None:
        """Id of the quote pinned from the one selected comment, or None."""
        if len(comments) != 1 or self._session is None:
            return None
        from journeymap.storage.quotes import quote_of_response

        try:
            q = quote_of_response(self._session.document, comments[0].id)
        except DocumentError:
            return None
        return None if q is None else q.id

    def _pin_current(self) -> None:
        comments = self.selected_comments()
        if len(comments) != 1:
            return
        pinned = self._pinned_quote(comments)
        if pinned is None:
            self.pinRequested.emit(comments[0])
        else:
            self.unpinRequested.emit(pinned)
        self._update_buttons()

    def _go_to_touchpoint(self, index) -> None:
        c = self.model.comment_at(index.row())
        if c is not None:
            self.touchpointRequested.emit(c.touchpoint_id)

    def _context_menu(self, pos) -> None:
        comments = self.selected_comments()
        if not comments:
            return
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        pin = menu.addAction(self.tr("Unpin quote") if self._pinned_quote(comments) is not None
                             else self.tr("Pin as quote"))
        pin.setEnabled(self.pin_button.isEnabled())
        pin.triggered.connect(self._pin_current)
        show = menu.addAction(self.tr("Show the touchpoint"))
        show.triggered.connect(lambda: self.touchpointRequested.emit(comments[0].touchpoint_id))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------ timers
    def _schedule(self, *args: object) -> None:
        self._dirty = True
        self._timer.start()

    def _refresh_if_visible(self) -> None:
        if on_screen(self):
            self.refresh()

    def _on_selection_changed(self, ids: list[int]) -> None:
        self._selection = None
        if self.scope.currentData() != "map":
            self._schedule()

    def _on_data_changed(self, *args: object) -> None:
        if self._source is not None:
            self._source = None  # titles, stages or the map changed
        self._schedule()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._dirty:
            self.refresh()
