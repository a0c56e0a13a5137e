"""Why an imported row is rejected: each reason a declared message (an id and its English text) and its values.

A :class:`Reject` is the English reason as a ``str`` (what tests, logs and the
row count see; checked with ``type(x) is Reject`` in the parsers' hot loops)
that also carries its message and arguments, so ``i18n.reason_text`` translates
it where it is shown, without matching English prose.
"""

from __future__ import annotations

from journeymap.domain.messages import QT_TRANSLATE_NOOP, Message, message


class Reject(str):
    """A parse failure: the reason in English, with ``message`` and ``message_args`` for its translation."""

    message: Message
    message_args: tuple[object, ...]

    def __new__(cls, msg: Message, *args: object) -> Reject:
        self = super().__new__(cls, msg.render(args))
        self.message, self.message_args = msg, args
        return self


MISSING_SCORE = message("reject.missing_score", "RejectReason", QT_TRANSLATE_NOOP("RejectReason", "missing score"))
SCORE_NOT_A_NUMBER = message("reject.score_not_a_number", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "score %1 is not a number"))
SCORE_NOT_WHOLE = message("reject.score_not_whole", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "score %1 is not a whole number"))
SCORE_OUTSIDE_0_10 = message("reject.score_outside_0_10", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "score %1 is outside 0-10"))
SCORE_OUTSIDE_1_11 = message("reject.score_outside_1_11", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "score %1 is outside 1-11"))
SCORE_OUTSIDE_1_5 = message("reject.score_outside_1_5", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "score %1 is outside 1-5"))
SCORE_OUTSIDE_1_7 = message("reject.score_outside_1_7", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "score %1 is outside 1-7"))
COUNT_NOT_WHOLE = message("reject.count_not_whole", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "%1 %2 is not a whole number >= 0"))
COUNT_TOO_LARGE = message("reject.count_too_large", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "%1 %2 is too large"))
DATE_NOT_A_DATE = message("reject.date_not_a_date", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "date %1 is not a date"))
DATE_NOT_ISO_OR_SLASHED = message("reject.date_not_iso_or_slashed", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "date %1 is not YYYY-MM-DD or DD/MM/YYYY"))
DATE_DOES_NOT_EXIST = message("reject.date_does_not_exist", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "date %1 does not exist"))
DATE_NO_VALID_TIME = message("reject.date_no_valid_time", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "date %1 has no valid time"))
SENTIMENT_NOT_A_NUMBER = message("reject.sentiment_not_a_number", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "sentiment %1 is not a number or a known word"))
SENTIMENT_OUTSIDE_FILE_SCALE = message("reject.sentiment_outside_file_scale", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "sentiment %1 is outside the 1-5 scale of this file"))
SENTIMENT_OUTSIDE = message("reject.sentiment_outside", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "sentiment %1 is outside -1..1"))
MISSING_TOUCHPOINT = message("reject.missing_touchpoint", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "missing touchpoint"))
TOUCHPOINT_AMBIGUOUS = message("reject.touchpoint_ambiguous", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "touchpoint %1 is ambiguous (several touchpoints have that title)"))
NO_SUCH_TOUCHPOINT = message("reject.no_such_touchpoint", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "no touchpoint %1 in this map"))
# The answer of one column of a wide file: "column %1: <reason>" (the reason translated too).
IN_COLUMN = message("reject.in_column", "RejectReason", QT_TRANSLATE_NOOP("RejectReason", "column %1: %2"))
# Event logs (issue 22).
MISSING_CUSTOMER = message("reject.missing_customer", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "missing customer"))
MISSING_TIMESTAMP = message("reject.missing_timestamp", "RejectReason",
    QT_TRANSLATE_NOOP("RejectReason", "missing timestamp"))
