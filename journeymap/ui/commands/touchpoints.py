"""Undoable edits of touchpoint cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession

METRIC_FIELDS = {"manual_nps", "manual_sentiment", "manual_promoters", "manual_passives", "manual_detractors"}


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class UpdateTouchpointCommand(DocumentCommand):
    """Change some fields of one touchpoint (title, channel, sensation, manual NPS...).

    Consecutive edits of the same fields of the same card merge into one undo
    step, so typing in the inspector does not flood the history.
    """

    ID = 1001

    def __init__(self, session: DocumentSession, touchpoint_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, text or tr("Edit touchpoint"))
        self.touchpoint_id = touchpoint_id
        current = session.document.touchpoint(touchpoint_id)
        self.old = {k: getattr(current, k) for k in values}
        self.new = dict(values)

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: DocumentCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, UpdateTouchpointCommand):
            return False
        if other.touchpoint_id != self.touchpoint_id or set(other.new) != set(self.new):
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        self.doc.update_touchpoint(self.touchpoint_id, **self.new)

    def revert(self) -> None:
        self.doc.update_touchpoint(self.touchpoint_id, **self.old)

    def announce(self) -> None:
        self.session.touchpointsChanged.emit([self.touchpoint_id])
        if METRIC_FIELDS & set(self.new):
            self.session.metricsChanged.emit()
