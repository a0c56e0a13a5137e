"""Messages for the user, declared once: an id, an English text with %1, %2… and a translation context.

Errors carry a :class:`Message` and its arguments (:class:`MessageError`), so the
layers below the ui raise them without speaking Qt, ``str(error)`` is English
(logs, tests), and ``journeymap.i18n.error_text`` translates them where they are
shown, by id and context, never by matching English prose. An argument that is
itself a Message error (a cause) is translated too.

    NO_SUCH_FILE = Message("document.no_such_file", QT_TRANSLATE_NOOP("DocumentError", "%1: no such file."))
    raise DocumentError(NO_SUCH_FILE, path)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark *text* for the catalogue under *context*; translated where it is shown."""
    return text


def fill(text: str, *values: object) -> str:
    """Replace %1, %2... in *text* (like ``QString.arg``), %10 before %1."""
    for i in range(len(values), 0, -1):
        text = text.replace(f"%{i}", str(values[i - 1]))
    return text


@dataclass(frozen=True)
class Message:
    id: str
    context: str
    text: str

    def render(self, args: Sequence[object]) -> str:
        return fill(self.text, *(a.text if isinstance(a, Message) else a for a in args))

    def __call__(self, *args: object) -> Phrase:
        """This message with its arguments, as a part of another (``got %3`` ← ``the number %1``)."""
        return Phrase(self, args)


@dataclass(frozen=True)
class Phrase:
    """A declared message and its arguments, given as an argument of another; translated with it."""

    message: Message
    args: tuple[object, ...]

    def __str__(self) -> str:
        return self.message.render(self.args)



def message(msg_id: str, context: str, text: str) -> Message:
    """Declare a message; *text* must be a literal in a ``QT_TRANSLATE_NOOP(context, text)`` call
    at the declaration too, so that lupdate files it in the catalogue."""
    return Message(msg_id, context, text)


class MessageError(Exception):
    """An error whose text is a declared :class:`Message` and its arguments (or text
    that is already translated, shown as is). Made from another MessageError it
    carries that error's message, so it is translated as that error."""

    def __init__(self, msg: Message | str | MessageError, *args: object):
        if isinstance(msg, MessageError) and msg.message is not None:  # the same message, as another error
            msg, args = msg.message, msg.message_args
        if isinstance(msg, Message):
            self.message: Message | None = msg
            self.message_args: tuple[object, ...] = tuple(args)
            text = msg.render(args)
        else:
            self.message, self.message_args = None, ()
            text = str(msg)
        super().__init__(text)

    @property
    def msg_id(self) -> str | None:
        return self.message.id if self.message else None


@dataclass(frozen=True)
class Subjectless:
    """An error's message without its leading ``%1: `` subject (say, a temporary copy
    the user never saw), as an argument of another message; translated like the error."""

    error: MessageError

    def text(self, template: str) -> str:
        args = self.error.message_args
        return fill(template, "", *args[1:]).removeprefix(": ").rstrip(".")

    def __str__(self) -> str:
        return self.text(self.error.message.text) if self.error.message else str(self.error)
