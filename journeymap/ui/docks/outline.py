"""The outline: the maps of the document, and the title and persona of the current one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QIcon, QKeyEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.domain.model import JourneyMap
from journeymap.i18n import error_text
from journeymap.services.templates import TemplateError, describe, template_names
from journeymap.storage import DocumentError
from journeymap.ui.changes import Source
from journeymap.ui.docks import SessionConnections
from journeymap.ui.docks.palette import ui_language
from journeymap.ui.docks.widgets import FocusOutPlainTextEdit
from journeymap.ui.session import DocumentSession

MAP_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _MapList(QListWidget):
    """Takes F2 and Delete while focused, before the main window's shortcuts for cards."""

    deletePressed = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_F2) and not event.modifiers():
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)


def _icon(widget: QWidget, theme: str, shape: str) -> QIcon:
    """The desktop theme's icon, else a small line drawing in the text colour."""
    if QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    icon = QIcon()
    colour = widget.palette().color(QPalette.ColorRole.WindowText)
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(size / 16, size / 16)
        pen = QPen(colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        if shape == "add":
            p.drawLine(QPointF(8, 3), QPointF(8, 13))
            p.drawLine(QPointF(3, 8), QPointF(13, 8))
        elif shape == "duplicate":
            p.drawRoundedRect(QRectF(2.5, 2.5, 8, 8), 1.5, 1.5)
            p.drawRoundedRect(QRectF(5.5, 5.5, 8, 8), 1.5, 1.5)
        elif shape == "rename":
            p.drawLine(QPointF(3, 13), QPointF(13, 3))
            p.drawLine(QPointF(3, 13), QPointF(6, 13))
            p.drawLine(QPointF(11, 2.5), QPointF(13.5, 5))
        elif shape == "delete":
            p.drawLine(QPointF(3, 4.5), QPointF(13, 4.5))
            p.drawLine(QPointF(6.5, 4.5), QPointF(6.5, 2.5))
            p.drawLine(QPointF(6.5, 2.5), QPointF(9.5, 2.5))
            p.drawLine(QPointF(9.5, 2.5), QPointF(9.5, 4.5))
            p.drawRoundedRect(QRectF(4.5, 4.5, 7, 9), 1, 1)
        p.end()
        icon.addPixmap(pixmap)
    return icon


class OutlineDock(QDockWidget):
    """List, add, rename, duplicate and delete maps; edit the current map's title and persona."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(self.tr("Maps"), parent)
        self.setObjectName("outlineDock")
        self.lang = lang or ui_language()
        self.session: DocumentSession | None = None
        self._connections = SessionConnections()
        self._loading = False
        self._dirty: set[str] = set()
        self._details_map_id: int | None = None  # the map whose fields are shown
        self._build()
        self._refresh()

    # ================================================================ building
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(6)

        self.add_menu = QMenu(self.tr("Add map"), self)
        self.add_menu.setToolTipsVisible(True)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)

        self.add_action = QAction(_icon(self, "list-add", "add"),
                                  self.tr("Add"), self)
        self.add_action.setToolTip(self.tr("Add a map (blank or from a template)"))
        self.add_action.setMenu(self.add_menu)
        self.add_action.triggered.connect(lambda: self._add_from_ui(None))

        self.duplicate_action = QAction(_icon(self, "edit-copy", "duplicate"),
                                        self.tr("Duplicate"), self)
        self.duplicate_action.setToolTip(self.tr("Duplicate the selected map"))
        self.duplicate_action.triggered.connect(self.duplicate_selected)

        self.rename_action = QAction(_icon(self, "edit-rename", "rename"),
                                     self.tr("Rename"), self)
        self.rename_action.setToolTip(self.tr("Rename the selected map (F2)"))
        self.rename_action.triggered.connect(self.rename_selected)

        self.delete_action = QAction(_icon(self, "edit-delete", "delete"),
                                     self.tr("Delete"), self)
        self.delete_action.setToolTip(self.tr("Delete the selected map (Del)"))
        self.delete_action.triggered.connect(lambda: self.delete_selected())

        self.toolbar = QToolBar(body)
        self.toolbar.setAccessibleName(self.tr("Map actions"))
        # Icons only (tooltips name them), except "Add", whose menu deserves a word.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.setIconSize(QSize(16, 16))
        for action in (self.add_action, self.duplicate_action, self.rename_action, self.delete_action):
            self.toolbar.addAction(action)
        add_button = self.toolbar.widgetForAction(self.add_action)
        if isinstance(add_button, QToolButton):
            add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            add_button.setAccessibleName(self.tr("Add map"))
        layout.addWidget(self.toolbar)

        self.list = _MapList(body)
        self.list.setAccessibleName(self.tr("Maps in this document"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(self._on_current_item_changed)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.list.setMinimumHeight(80)
        self.list.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.list.deletePressed.connect(lambda: self.delete_selected())
        layout.addWidget(self.list, 1)

        self.details = QGroupBox(self.tr("Current map"), body)
        form = QFormLayout(self.details)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(8, 8, 8, 8)
        form.setVerticalSpacing(4)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Map title"))
        self.title_edit.editingFinished.connect(lambda: self._commit("title"))
        form.addRow(self.tr("&Title:"), self.title_edit)

        self.description_edit = FocusOutPlainTextEdit()
        self.description_edit.setAccessibleName(self.tr("Map description"))
        self.description_edit.setPlaceholderText(self.tr("What this journey covers"))
        self.description_edit.setFixedHeight(self.description_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.description_edit.textChanged.connect(lambda: self._mark_dirty("description"))
        self.description_edit.focusLost.connect(lambda: self._commit("description"))
        form.addRow(self.tr("&Description:"), self.description_edit)

        self.persona_edit = QLineEdit()
        self.persona_edit.setAccessibleName(self.tr("Persona name"))
        self.persona_edit.setPlaceholderText(self.tr("e.g. Marta, 38, considered buyer"))
        self.persona_edit.editingFinished.connect(lambda: self._commit("persona_name"))
        form.addRow(self.tr("&Persona:"), self.persona_edit)

        self.persona_description_edit = FocusOutPlainTextEdit()
        self.persona_description_edit.setAccessibleName(self.tr("Persona description"))
        self.persona_description_edit.setPlaceholderText(self.tr("Goals, needs and frustrations"))
        self.persona_description_edit.setFixedHeight(
            self.persona_description_edit.fontMetrics().lineSpacing() * 4 + 12
        )
        self.persona_description_edit.textChanged.connect(lambda: self._mark_dirty("persona_description"))
        self.persona_description_edit.focusLost.connect(lambda: self._commit("persona_description"))
        form.addRow(self.tr("P&ersona description:"), self.persona_description_edit)
        layout.addWidget(self.details)

        self.setWidget(body)

    # ================================================================= session
    def set_session(self, session: DocumentSession | None) -> None:
        if self.session is not None:
            self.commit_pending()
        self._connections.clear()
        self.session = session
        if session is not None:
            self._connections.connect(session.mapsChanged, self._refresh)
            self._connections.connect(session.personasChanged, self._refresh)
            self._connections.connect(session.currentMapChanged, self._on_session_map_changed)
        self._refresh()

    def _editable(self) -> bool:
        return self.session is not None and not self.session.read_only

    # ================================================================= display
    def _refresh(self) -> None:
        self._loading = True
        try:
            self._fill_list()
            self._fill_details()
            self._update_actions()
        finally:
            self._loading = False

    def _fill_list(self) -> None:
        """Show the maps; items are updated in place when the maps are the same ones.

        Updating in place matters: this runs from ``itemChanged`` when a map is
        renamed in the list, and the item must not be deleted under its editor.
        """
        if self.session is None:
            self.list.clear()
            return
        doc = self.session.document
        maps = doc.maps()
        same = [m.id for m in maps] == [
            self.list.item(i).data(MAP_ID_ROLE) for i in range(self.list.count())
        ]
        if not same:
            self.list.clear()
        editable = self._editable()
        current = self.session.map_id
        normal = QFont(self.list.font())
        bold = QFont(normal)
        bold.setBold(True)
        titles = {m.id: m.title for m in maps}
        sources: dict[int, list[str]] = {}
        for m in maps:
            if m.source_map_id in titles:
                sources.setdefault(m.source_map_id, []).append(m.title)  # type: ignore[arg-type]
        for row, m in enumerate(maps):
            item = self.list.item(row) if same else QListWidgetItem()
            item.setText(m.title)
            item.setData(MAP_ID_ROLE, m.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if editable:
                flags |= Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            stages, lanes, touchpoints = doc.counts(m.id)  # type: ignore[arg-type]
            tip = ", ".join((self.tr("%n stages", "", stages), self.tr("%n lanes", "", lanes),
                             self.tr("%n touchpoints", "", touchpoints)))
            personas = ", ".join(p.name for p in doc.map_personas(m.id))  # type: ignore[arg-type]
            if personas:
                tip = f"{personas}\n{tip}"
            source = titles.get(m.source_map_id) if m.source_map_id is not None else None
            if source is not None:
                # The pair: a future state names the current state it came from.
                tip = self.tr("Future state of “%1”").replace("%1", source) + "\n" + tip
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
            else:
                item.setIcon(QIcon())
            if m.id in sources:
                tip = self.tr("Current state; future state: %1").replace("%1", ", ".join(sources[m.id])) + "\n" + tip
            item.setToolTip(tip)
            item.setFont(bold if m.id == current else normal)
            if not same:
                self.list.addItem(item)
            if m.id == current and self.list.currentItem() is not item:
                self.list.setCurrentItem(item)

    def _get_map(self, map_id: int | None) -> JourneyMap | None:
        if self.session is None or map_id is None:
            return None
        try:
            m = self.session.document.get_map(map_id)
        except DocumentError:
            return None
        # The persona fields show the map's first persona (the persona dock has them all).
        personas = self.session.document.map_personas(map_id)
        if personas:
            m.persona_name, m.persona_description = personas[0].name, personas[0].bio
        return m

    def _fill_details(self) -> None:
        m = self._get_map(self.session.map_id if self.session is not None else None)
        if m is None or m.id != self._details_map_id:
            self._dirty.clear()
            for line in (self.title_edit, self.persona_edit):
                line.setModified(False)
        self._details_map_id = m.id if m is not None else None
        editable = self._editable()
        self.details.setEnabled(m is not None)
        fields = (
            (self.title_edit, "title"),
            (self.description_edit, "description"),
            (self.persona_edit, "persona_name"),
            (self.persona_description_edit, "persona_description"),
        )
        for widget, name in fields:
            widget.setReadOnly(not editable)
            value = getattr(m, name) if m is not None else ""
            if isinstance(widget, QLineEdit):
                if not (widget.hasFocus() and widget.isModified()):
                    widget.setText(value)
                    widget.setCursorPosition(0)  # show the start of a long name, not its end
            elif not (widget.hasFocus() and name in self._dirty):
                widget.setPlainText(value)
                self._dirty.discard(name)

    def _update_actions(self) -> None:
        editable = self._editable()
        has_map = self.selected_map_id() is not None
        count = self.list.count()
        self.add_action.setEnabled(editable)
        self.duplicate_action.setEnabled(editable and has_map)
        self.rename_action.setEnabled(editable and has_map)
        self.delete_action.setEnabled(editable and has_map and count > 1)
        self.delete_action.setToolTip(
            self.tr("Delete the selected map (Del)") if count > 1 else self.tr("A document needs at least one map")
        )

    def _on_session_map_changed(self, map_id: int) -> None:
        self.commit_pending()
        self._refresh()

    # ================================================================ actions
    def selected_map_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(MAP_ID_ROLE)) if item is not None else None

    def _item_for(self, map_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(MAP_ID_ROLE) == map_id:
                return item
        return None

    def _on_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if self._loading or self.session is None or current is None:
            return
        self.session.set_map(int(current.data(MAP_ID_ROLE)))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._loading or self.session is None:
            return
        self.rename_map(int(item.data(MAP_ID_ROLE)), item.text())

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        blank = self.add_menu.addAction(self.tr("Blank map"))
        blank.setToolTip(self.tr("Five stages and the usual lanes, no touchpoints"))
        blank.triggered.connect(lambda: self._add_from_ui(None))
        self.add_menu.addSection(self.tr("From a template"))
        for name in template_names():
            try:
                info = describe(name, self.lang)
            except TemplateError:  # a damaged template is left out of the menu
                continue
            action = self.add_menu.addAction(info.title or name)
            action.setToolTip(
                info.description + "\n" + self.tr("%n touchpoints", "", info.touchpoints)
            )
            action.triggered.connect(lambda _=False, n=name: self._add_from_ui(n))

    def _add_from_ui(self, template: str | None) -> None:
        map_id = self.add_map(template)
        if map_id is not None and template is None:
            item = self._item_for(map_id)
            if item is not None:
                self.list.editItem(item)

    def add_map(self, template: str | None = None, title: str | None = None) -> int | None:
        """Add a blank map (or one from *template*) and make it current; returns its id."""
        if not self._editable():
            return None
        assert self.session is not None
        try:
            return self.session.editor.add_map(template, title, self.lang, Source.OUTLINE)
        except (TemplateError, DocumentError) as exc:
            QMessageBox.warning(self, self.tr("Add map"), error_text(exc))
            return None

    def rename_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and self._editable():
            self.list.editItem(item)

    def rename_map(self, map_id: int, title: str) -> None:
        if not self._editable():
            return
        assert self.session is not None
        title = title.strip()
        try:
            current = self.session.document.get_map(map_id).title
        except DocumentError:
            return
        if not title or title == current:
            self._refresh()  # an empty name puts the old one back
            return
        self.session.editor.rename_map(map_id, title, Source.OUTLINE)

    def duplicate_selected(self) -> int | None:
        map_id = self.selected_map_id()
        if map_id is None or not self._editable():
            return None
        assert self.session is not None
        return self.session.editor.duplicate_map(map_id, Source.OUTLINE)

    def delete_selected(self, confirm: bool = True) -> bool:
        map_id = self.selected_map_id()
        return map_id is not None and self.delete_map(map_id, confirm)

    def delete_map(self, map_id: int, confirm: bool = True) -> bool:
        """Delete a map after asking; the last map of a document is kept. True if deleted."""
        if not self._editable() or self.list.count() <= 1:
            return False
        assert self.session is not None
        return self.session.editor.delete_map(map_id, confirm, Source.OUTLINE)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self._fill_add_menu()
        menu.addMenu(self.add_menu).setEnabled(self.add_action.isEnabled())
        menu.addSeparator()
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            menu.addAction(action)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    # ============================================================ map fields
    def _mark_dirty(self, name: str) -> None:
        if not self._loading:
            self._dirty.add(name)

    def _field_value(self, name: str) -> str:
        widget = {
            "title": self.title_edit,
            "description": self.description_edit,
            "persona_name": self.persona_edit,
            "persona_description": self.persona_description_edit,
        }[name]
        if isinstance(widget, QLineEdit):
            widget.setModified(False)
            return widget.text().strip()
        self._dirty.discard(name)
        return widget.toPlainText()

    def _commit(self, name: str) -> None:
        if self._loading or not self._editable():
            return
        m = self._get_map(self._details_map_id)
        if m is None:
            return
        value = self._field_value(name)
        if name == "title" and not value:
            self._refresh()
            return
        if getattr(m, name) != value:
            assert self.session is not None
            if name in ("persona_name", "persona_description"):
                self._commit_persona(m.id, name, value)
                return
            self.session.editor.update_map(m.id, {name: value}, source=Source.OUTLINE)

    def _commit_persona(self, map_id: int, name: str, value: str) -> None:
        """The map's persona fields edit its first persona (made when there is none yet)."""
        from journeymap.domain.model import Persona

        assert self.session is not None
        editor = self.session.editor
        personas = self.session.document.map_personas(map_id)
        key = "name" if name == "persona_name" else "bio"
        if personas:
            if key == "name" and not value:
                self._refresh()
                return
            editor.update_persona(personas[0].id, {key: value}, Source.OUTLINE)
        elif value:
            persona = Persona(name=value) if key == "name" else Persona(name=self.tr("Persona"), bio=value)
            editor.add_persona(persona, map_id, Source.OUTLINE)

    def commit_pending(self) -> None:
        """Write what was typed in the map fields and not yet confirmed."""
        if self._loading:
            return
        if self.title_edit.isModified():
            self._commit("title")
        if self.persona_edit.isModified():
            self._commit("persona_name")
        for name in list(self._dirty):
            self._commit(name)
