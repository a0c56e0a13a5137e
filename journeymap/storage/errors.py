"""The errors of the storage layer a user reads: a declared message id and its arguments."""

from __future__ import annotations

from journeymap.domain.messages import MessageError


class DocumentError(MessageError):
    """A document cannot be opened or written; the message (an id and arguments) is for the user."""


class DocumentLockedError(DocumentError):
    """The document is open for writing in another window or process."""
