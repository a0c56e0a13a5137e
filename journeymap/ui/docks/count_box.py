"""A spin box for answer counts that keeps every count exactly, beyond QSpinBox's 32-bit range.

``QSpinBox`` holds a C ``int``: a stored count of 3,000,000,000 raises, and a
range capped lower rewrites 20,000,000 as the cap on the next edit. This box is
a ``QDoubleSpinBox`` with no decimals (exact for every integer up to 2**53,
``MAX_COUNT``); ``value()`` is an ``int``. A stored count beyond that cannot be
shown exactly, so the box then shows nothing editable (``exact`` is False) and
the inspector writes no counts until the user enters new ones.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from journeymap.domain.model import MAX_COUNT


class CountBox(QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(0)
        self.setRange(0, MAX_COUNT)
        self.setGroupSeparatorShown(False)
        self.exact = True
        self._setting = False
        self.valueChanged.connect(self._entered)

    def _narrow(self, hint: QSize) -> QSize:
        # Qt sizes a spin box for its largest value (16 digits here): three of them side by side
        # made the inspector 460 px wide. Room for 7 digits is enough; longer counts scroll.
        metrics = self.fontMetrics()
        extra = metrics.horizontalAdvance("9" * len(str(MAX_COUNT))) - metrics.horizontalAdvance("9" * 7)
        return QSize(max(hint.width() - max(extra, 0), 48), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._narrow(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self._narrow(super().minimumSizeHint())

    def _entered(self, *_: object) -> None:
        if not self._setting:
            self.exact = True  # the user typed a new count: that one is exact
    def value(self) -> int:  # type: ignore[override]
        return int(super().value())

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt API
        self.exact = 0 <= value <= MAX_COUNT
        self._setting = True
        try:
            super().setValue(value if self.exact else 0)
        finally:
            self._setting = False
        self.setSpecialValueText("" if self.exact else "—")
        if not self.exact:
            self.setToolTip(self.tr("The stored count (%1) is too large to edit here.").replace("%1", str(value)))
        else:
            self.setToolTip("")
