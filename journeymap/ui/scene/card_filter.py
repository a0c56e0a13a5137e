"""The canvas filter: which cards match the words typed in the toolbar's filter box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from journeymap.domain.channels import channel as channel_info
from journeymap.domain.filter_words import fold, quality_words
from journeymap.domain.metrics import TouchpointMetrics, nps_band
from journeymap.domain.model import Touchpoint


def tr(text: str) -> str:
    return QCoreApplication.translate("MapScene", text)


def card_matches(tp: Touchpoint, metrics: TouchpointMetrics | None, words: Sequence[str]) -> bool:
    """Every word (casefolded) is in the title, description, owner, tags, channel (key, label or
    its translation), sensation (English or translated), NPS band ("critical", "poor", "good",
    "excellent") or "moment" for moments of truth."""
    words = fold(" ".join(words)).split()
    if not words:
        return True
    ch = channel_info(tp.channel) if tp.channel else None
    hay = fold(" ".join(
        [
            tp.title,
            tp.description,
            tp.owner,
            " ".join(tp.tags),
            tp.channel,
            ch.label if ch else "",
            tr(ch.label) if ch else "",
            quality_words(str(tp.sensation), nps_band(metrics.nps if metrics else None),
                          "moment" if tp.moment_of_truth else ""),
        ]
    ))
    return all(w in hay for w in words)
