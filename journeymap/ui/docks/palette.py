"""The touchpoint palette: a searchable library of common touchpoints to drag onto the map."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from journeymap.domain.channels import channel as channel_info
from journeymap.services.templates import library
from journeymap.ui.docks import SessionConnections
from journeymap.ui.mime import LIBRARY_ITEM, library_item_mime
from journeymap.ui.session import DocumentSession

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # dict(title, channel, description) of a library item
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # folded text the search box matches against
PINNED_ROLE = Qt.ItemDataRole.UserRole + 3  # always shown, whatever the search (the blank item)
CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 4  # channel label drawn dimmed at the right

LIBRARY_POLL_MS = 2000


def fold(text: str) -> str:
    """Lower-case, accent-free text for searching ("Atención" matches "atencion")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def ui_language() -> str:
    """The two-letter language the library is shown in: the UI's (``journeymap.i18n``)."""
    from journeymap.i18n import current_language

    return current_language()


class LibraryModel(QStandardItemModel):
    """Groups of library items; items drag as ``journeymap.ui.mime`` library items."""

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [LIBRARY_ITEM]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # noqa: N802 - Qt API
        for index in indexes:
            data = index.siblingAtColumn(0).data(ITEM_ROLE)
            if data:
                return library_item_mime(data["title"], data["channel"], data["description"])
        return None

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction


class LibraryFilter(QSortFilterProxyModel):
    """Case- and accent-insensitive filter: every word typed must appear in the item."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        # A group whose name matches shows all its items.
        self.setAutoAcceptChildRows(True)

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10: invalidateFilter is deprecated
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        index = self.sourceModel().index(row, 0, parent)
        if index.data(PINNED_ROLE):
            return True
        haystack = index.data(SEARCH_ROLE) or ""
        return all(w in haystack for w in self._words)


class _ChannelDelegate(QStyledItemDelegate):
    """Draws the item title, wrapped, with its channel label dimmed on the line below.

    Nothing is elided: at a narrow dock (a 1366 px laptop) or with long Spanish
    titles ("Publicidad exterior e impresa") the row grows instead.
    """

    PAD = 3

    def _text_width(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        widget = option.widget
        if isinstance(widget, QTreeView):
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            return max(60, widget.viewport().width() - widget.indentation() * (depth + 1) - 12)
        return max(60, option.rect.width() - 12)

    def _layout(self, option: QStyleOptionViewItem, index: QModelIndex, width: int) -> tuple[QRect, QRect]:
        fm = option.fontMetrics
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        title = fm.boundingRect(QRect(0, 0, width, 10_000), flags, str(index.data(Qt.ItemDataRole.DisplayRole)))
        label = fm.boundingRect(QRect(0, 0, width, 10_000), flags, str(index.data(CHANNEL_ROLE)))
        return title, label

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        if not index.data(CHANNEL_ROLE):
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._text_width(opt, index)
        title, label = self._layout(opt, index, width)
        return QSize(width, title.height() + label.height() + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        label = index.data(CHANNEL_ROLE)
        if not label:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        title = opt.text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(2, 0, -4, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = opt.palette.color(role)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        title_box, label_box = self._layout(opt, index, rect.width())
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(colour)
        top = rect.top() + self.PAD
        painter.drawText(QRect(rect.left(), top, rect.width(), title_box.height()), flags, title)
        dim = QColor(colour)
        dim.setAlphaF(0.55 if not selected else 0.85)
        painter.setPen(dim)
        painter.drawText(QRect(rect.left(), top + title_box.height() + self.PAD, rect.width(), label_box.height()),
                         flags, label)
        painter.restore()


class _LibraryTree(QTreeView):
    """Enter reports the current item (double clicks come from ``doubleClicked``).

    ``activated`` is not used: on single-click styles it fires on every click,
    which would add a card each time the user only meant to pick or drag one.
    """

    enterPressed = Signal(QModelIndex)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # rows wrap to the new width

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enterPressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class _SearchBox(QLineEdit):
    """Down moves into the list; Enter activates the first match."""

    def __init__(self, dock: PaletteDock):
        super().__init__()
        self._dock = dock

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Down:
            self._dock.focus_first_match()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._dock.activate_first_match()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class PaletteDock(QDockWidget):
    """The touchpoint library, grouped and searchable; drag an item onto the canvas.

    ``itemActivated(dict)`` is emitted with ``{"title", "channel", "description"}``
    on double-click or Enter (the main window may add it to the selected cell).
    """

    itemActivated = Signal(dict)

    def __init__(self, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(self.tr("Touchpoint library"), parent)
        self.setObjectName("paletteDock")
        self.lang = lang or ui_language()
        self.session: DocumentSession | None = None
        self._connections = SessionConnections()

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        self.search = _SearchBox(self)
        self.search.setPlaceholderText(self.tr("Search touchpoints…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the touchpoint library"))
        self.search.textChanged.connect(self._on_search)
        layout.addWidget(self.search)

        self.empty_label = QLabel(body)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 4px;")
        layout.addWidget(self.empty_label)

        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.tree = _LibraryTree(body)
        self.tree.setModel(self.proxy)
        self.tree.setAccessibleName(self.tr("Touchpoint library"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)  # long titles wrap (see _ChannelDelegate)
        self.tree.setItemDelegate(_ChannelDelegate(self.tree))
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setDragEnabled(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.enterPressed.connect(self._on_activated)
        self.tree.doubleClicked.connect(self._on_activated)
        layout.addWidget(self.tree, 1)


        self.hint = QLabel(self.tr("Drag a touchpoint onto the map, or double-click it to add it "
                                   "to the selected cell."), body)
        self.hint.setWordWrap(True)
        hint_font = self.hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 0.9)
        self.hint.setFont(hint_font)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)

        self.setWidget(body)

        self._poll = QTimer(self)
        self._poll.setInterval(LIBRARY_POLL_MS)
        self._poll.timeout.connect(self.reload)
        self.reload()
        self._update_enabled()

    # ------------------------------------------------------------------ session
    def set_session(self, session: DocumentSession | None) -> None:
        self._connections.clear()
        self.session = session
        self._update_enabled()

    def _editable(self) -> bool:
        return self.session is not None and not self.session.read_only

    def _update_enabled(self) -> None:
        editable = self._editable()
        self.tree.setDragEnabled(editable)
        self.hint.setVisible(editable)

    # ------------------------------------------------------------------ library
    def reload(self) -> None:
        """(Re)load the library; while it is missing, try again every few seconds."""
        groups = library(self.lang)
        self.model.clear()
        self.model.setColumnCount(1)
        blank = self._item(
            self.tr("Blank touchpoint"), "", self.tr("An empty card to fill in yourself."),
        )
        blank.setData(True, PINNED_ROLE)
        font = blank.font()
        font.setItalic(True)
        blank.setFont(font)
        self.model.appendRow(blank)
        for group in groups:
            parent = QStandardItem(group.name)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            parent.setData(fold(group.name), SEARCH_ROLE)
            font = QFont(parent.font())
            font.setBold(True)
            parent.setFont(font)
            for entry in group.items:
                parent.appendRow(self._item(entry.title, entry.channel, entry.description))
            self.model.appendRow(parent)
        self.tree.expandAll()
        if groups:
            self._poll.stop()
            self.empty_label.hide()
        else:
            self.empty_label.setText(self.tr("The touchpoint library is not available yet."))
            self.empty_label.show()
            if not self._poll.isActive():
                self._poll.start()
        self._update_empty()

    def _item(self, title: str, channel: str, description: str) -> QStandardItem:
        item = QStandardItem(title)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        data = {"title": title, "channel": channel, "description": description}
        item.setData(data, ITEM_ROLE)
        english = channel_info(channel).label if channel else ""
        label = QCoreApplication.translate("channels", english) if english else ""
        item.setData(fold(" ".join((title, description, channel, english, label))), SEARCH_ROLE)
        tip = f"<b>{_escape(title)}</b>"
        if label:
            channel_text = self.tr("Channel: %1").replace("%1", label)
            tip += f"<br/><i>{_escape(channel_text)}</i>"
        if description:
            tip += f"<p>{_escape(description)}</p>"
        item.setToolTip(f"<qt>{tip}</qt>")
        if label and label.casefold() != title.casefold():  # "Redes sociales" needs no "Redes sociales" below
            item.setData(label, CHANNEL_ROLE)
            item.setData(f"{title} ({label})", Qt.ItemDataRole.AccessibleTextRole)
        return item

    # ------------------------------------------------------------------- search
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self.tree.expandAll()
        self._update_empty()

    def _update_empty(self) -> None:
        matches = self._leaf_indexes()
        has_library = self.model.rowCount() > 1
        if has_library and len(matches) <= 1 and self.search.text().strip():
            self.empty_label.setText(self.tr("No touchpoint matches “%1”.").replace("%1", self.search.text()))
            self.empty_label.show()
        elif has_library:
            self.empty_label.hide()

    def _leaf_indexes(self) -> list[QModelIndex]:
        """The visible items (not groups), in display order."""
        out: list[QModelIndex] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if index.data(ITEM_ROLE):
                    out.append(index)
                walk(index)

        walk(QModelIndex())
        return out

    def visible_titles(self) -> list[str]:
        """Titles of the items the search currently shows (blank item included)."""
        return [i.data(ITEM_ROLE)["title"] for i in self._leaf_indexes()]

    def _first_match(self) -> QModelIndex | None:
        leaves = self._leaf_indexes()
        # Prefer a real library item over the pinned blank one when searching.
        if self.search.text().strip():
            leaves = [i for i in leaves if not i.data(PINNED_ROLE)] or leaves
        return leaves[0] if leaves else None

    def focus_first_match(self) -> None:
        index = self._first_match()
        if index is not None:
            self.tree.setCurrentIndex(index)
        self.tree.setFocus()

    def activate_first_match(self) -> None:
        index = self._first_match()
        if index is not None:
            self.tree.setCurrentIndex(index)
            self._on_activated(index)

    # --------------------------------------------------------------- activation
    def _on_activated(self, index: QModelIndex) -> None:
        data = index.siblingAtColumn(0).data(ITEM_ROLE)
        if not data or not self._editable():
            return
        self.itemActivated.emit(dict(data))

    def mime_for(self, index: QModelIndex) -> QMimeData | None:
        """The drag payload of a (proxy) index, as a drag from the tree would carry it."""
        return self.proxy.mimeData([index])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

