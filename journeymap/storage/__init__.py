"""The only layer that speaks SQL."""

from journeymap.storage.document import (
    Document,
    DocumentError,
    DocumentLockedError,
)

__all__ = ["Document", "DocumentError", "DocumentLockedError"]
