"""The comments table: a Qt model that pages through a million comments.

Only the rows the view has asked for are in memory: ``canFetchMore`` /
``fetchMore`` read ``PAGE`` more from SQLite when the view scrolls near the
end, so the first page of a million-response document is one indexed query
(services.comments, storage.survey_queries).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from journeymap.services.comments import Comment, CommentCounts, CommentQuery, CommentSource

PAGE = 200
COLUMNS = ("score", "comment", "touchpoint", "sentiment", "date", "segment")
GROUP_COLOURS = {"promoter": QColor("#1f77b4"), "passive": QColor("#8c8c8c"), "detractor": QColor("#e66101")}


def tr(text: str) -> str:
    return QCoreApplication.translate("CommentsDock", text)


def group_label(group: str | None) -> str:
    return {"promoter": tr("promoter"), "passive": tr("passive"), "detractor": tr("detractor")}.get(group or "", "")


def sentiment_text(value: float | None) -> str:
    if value is None:
        return "–"
    text = f"{abs(value):.2f}"
    return text if float(text) == 0 else ("+" if value > 0 else "\u2212") + text


Index = QModelIndex | QPersistentModelIndex


class CommentsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.source: CommentSource | None = None
        self.query: CommentQuery | None = None
        self.sort_key = "newest"
        self.rows: list[Comment] = []
        self.counts: CommentCounts | None = CommentCounts()  # None: not counted yet (see count())
        self.total = 0  # rows matching the query (its group filter included), once counted
        self._more = False  # the last page was full: there may be more

    # ------------------------------------------------------------ loading
    def load(self, source: CommentSource | None, query: CommentQuery | None, sort_key: str = "newest") -> None:
        """Show the first page of *query* (None: nothing).

        When the page holds every match the counts come from it; otherwise
        ``counts`` stays None until :meth:`count` (a scan of every match, which
        the panel runs after the page is on screen).
        """
        self.beginResetModel()
        self.source, self.query, self.sort_key = source, query, sort_key
        if source is None or query is None:
            self.rows, self.counts, self.total, self._more = [], CommentCounts(), 0, False
        else:
            self.rows = source.page(query, sort_key, 0, PAGE)
            self._more = len(self.rows) == PAGE
            if self._more:
                self.counts, self.total = None, 0
            else:  # every match is here: counting is cheap (the group filter needs the others too)
                self.counts = source.counts(query) if query.group else _count(self.rows)
                self.total = len(self.rows)
        self.endResetModel()

    def count(self) -> None:
        """Count the matches per group (the headline's numbers)."""
        if self.counts is None and self.source is not None and self.query is not None:
            self.counts = self.source.counts(self.query)
            self.total = getattr(self.counts, self.query.group) if self.query.group else self.counts.total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt API
        if parent.isValid() or self.source is None or self.query is None:
            return
        more = self.source.page(self.query, self.sort_key, len(self.rows), PAGE)
        self._more = len(more) == PAGE
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    # --------------------------------------------------------- the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (tr("Score"), tr("Comment"), tr("Touchpoint"), tr("Sentiment"), tr("Date"), tr("Segment"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        c = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "score": "–" if c.score is None else str(c.score), "comment": " ".join(c.comment.split()),
                "touchpoint": c.touchpoint,
                "sentiment": sentiment_text(c.sentiment), "date": c.date or "–", "segment": c.segment or "–",
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "score" and c.score is not None:
                return f"{c.score} · {group_label(c.group)}"
            if column == "comment":
                return c.comment
            if column == "touchpoint":
                return f"{c.touchpoint} ({c.stage})" if c.stage else c.touchpoint
        if role == Qt.ItemDataRole.BackgroundRole and column == "score" and c.group:
            return GROUP_COLOURS[c.group]
        if role == Qt.ItemDataRole.ForegroundRole and column == "score" and c.group:
            return QColor("#ffffff")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("score", "sentiment"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return c
        return None

    def comment_at(self, row: int) -> Comment | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def _count(rows: list[Comment]) -> CommentCounts:
    groups = [c.group for c in rows if c.group]
    return CommentCounts(groups.count("promoter"), groups.count("passive"), groups.count("detractor"))


def copy_text(comments: list[Comment]) -> str:
    """Tab-separated lines for the clipboard: comment, score, group, touchpoint, date, segment."""
    lines = []
    for c in comments:
        fields = [" ".join(c.comment.split()), "" if c.score is None else str(c.score), group_label(c.group),
                  c.touchpoint, c.date or "",
                  c.segment]
        lines.append("\t".join(fields))
    return "\n".join(lines)
