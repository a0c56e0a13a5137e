"""Undoable pinning and unpinning of customer quotes on cards."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import Quote
from journeymap.storage import DocumentError
from journeymap.storage.quotes import add_quote, delete_quote, get_quote
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession

# The messages this module's errors carry: an id and the English text (translated where shown).
THERE_NO_QUOTE = message("document.there_no_quote", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no quote %2."))


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class PinQuote(DocumentCommand):
    """Pin a comment on its card; the quote keeps its id across undo and redo."""

    def __init__(self, session: DocumentSession, touchpoint_id: int, response_id: int | None, text: str,
                 score: int | None = None):
        super().__init__(session, tr("Pin quote"))
        self.quote = Quote(touchpoint_id, text, response_id, score)

    def apply(self) -> None:
        self.quote.id = add_quote(self.doc, replace(self.quote))
        self.same_identity("quotes", self.quote.id)
        if self.quote.position == 0:
            saved = get_quote(self.doc, self.quote.id)
            self.quote.position = saved.position if saved else 0

    def revert(self) -> None:
        assert self.quote.id is not None
        delete_quote(self.doc, self.quote.id)

    def change(self) -> Change:
        return Change.of(self.map_id, notes=[self.quote.touchpoint_id])


class UnpinQuote(DocumentCommand):
    def __init__(self, session: DocumentSession, quote_id: int):
        super().__init__(session, tr("Unpin quote"))
        quote = get_quote(session.document, quote_id)
        if quote is None:
            raise DocumentError(THERE_NO_QUOTE, session.document.path, quote_id)
        self.quote = quote

    def apply(self) -> None:
        assert self.quote.id is not None
        self.remember_identity("quotes", self.quote.id)
        delete_quote(self.doc, self.quote.id)

    def revert(self) -> None:
        add_quote(self.doc, replace(self.quote))
        self.same_identity("quotes", self.quote.id)

    def change(self) -> Change:
        return Change.of(self.map_id, notes=[self.quote.touchpoint_id])
