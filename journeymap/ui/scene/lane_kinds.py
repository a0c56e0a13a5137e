"""What each lane kind is called and means, and when its caption is worth showing.

The caption under a lane's name says the kind only where the name does not
already say it: "Pain points" or "Puntos de fricción" needs no "PAIN POINTS"
under it, "Queue" in a pain-points lane does.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journeymap.domain.model import BlueprintLine, LaneKind

LANE_KIND_LABELS: dict[str, str] = {
    "touchpoints": QT_TRANSLATE_NOOP("LaneKinds", "Touchpoints"),
    "actions": QT_TRANSLATE_NOOP("LaneKinds", "Customer actions"),
    "thoughts": QT_TRANSLATE_NOOP("LaneKinds", "Thoughts and feelings"),
    "emotions": QT_TRANSLATE_NOOP("LaneKinds", "Emotions"),
    "pain_points": QT_TRANSLATE_NOOP("LaneKinds", "Pain points"),
    "opportunities": QT_TRANSLATE_NOOP("LaneKinds", "Opportunities"),
    "channels": QT_TRANSLATE_NOOP("LaneKinds", "Channels"),
    "backstage": QT_TRANSLATE_NOOP("LaneKinds", "Backstage and support"),
    "photos": QT_TRANSLATE_NOOP("LaneKinds", "Photos (storyboard)"),
    "notes": QT_TRANSLATE_NOOP("LaneKinds", "Notes"),
}

LANE_KIND_MEANINGS: dict[str, str] = {
    "touchpoints": QT_TRANSLATE_NOOP("LaneKinds", "Interactions with the customer; they carry NPS and sentiment."),
    "actions": QT_TRANSLATE_NOOP("LaneKinds", "What the customer does at each stage."),
    "thoughts": QT_TRANSLATE_NOOP("LaneKinds", "What the customer thinks and feels."),
    "emotions": QT_TRANSLATE_NOOP("LaneKinds", "The emotional curve: the sensation of each card."),
    "pain_points": QT_TRANSLATE_NOOP("LaneKinds", "What goes wrong for the customer."),
    "opportunities": QT_TRANSLATE_NOOP("LaneKinds", "Ideas to improve the experience."),
    "channels": QT_TRANSLATE_NOOP("LaneKinds", "Where interactions happen; they carry NPS and sentiment."),
    "backstage": QT_TRANSLATE_NOOP("LaneKinds", "Processes and staff the customer does not see."),
    "photos": QT_TRANSLATE_NOOP("LaneKinds", "A storyboard: each card shows its first photo large."),
    "notes": QT_TRANSLATE_NOOP("LaneKinds", "Free notes."),
}

BLUEPRINT_LABELS: dict[str, str] = {
    "interaction": QT_TRANSLATE_NOOP("LaneKinds", "Line of interaction"),
    "visibility": QT_TRANSLATE_NOOP("LaneKinds", "Line of visibility"),
    "internal": QT_TRANSLATE_NOOP("LaneKinds", "Line of internal interaction"),
}

# Word stems (accents removed, lower case) that say the kind in a lane's name, English and Spanish.
_SAYS: dict[str, tuple[str, ...]] = {
    "touchpoints": ("touchpoint", "touch point", "punto de contacto", "puntos de contacto"),
    "actions": ("action", "doing", "does", "accion", "hace", "tareas"),
    "thoughts": ("thought", "feeling", "think", "pensamiento", "piensa", "siente", "sentimiento"),
    "emotions": ("emotion", "curve", "emocion", "curva"),
    "pain_points": ("pain", "friction", "problem", "dolor", "friccion", "problema"),
    "opportunities": ("opportunit", "idea", "improvement", "oportunidad", "mejora"),
    "channels": ("channel", "canal", "canales"),
    "backstage": ("backstage", "support", "internal", "process", "behind", "interno", "soporte", "proceso",
                  "trastienda", "back office", "backoffice"),
    "photos": ("photo", "picture", "image", "storyboard", "foto", "imagen"),
    "notes": ("note", "nota", "comment", "comentario"),
}


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def kind_label(kind: LaneKind | str) -> str:
    key = str(kind)
    return QCoreApplication.translate("LaneKinds", LANE_KIND_LABELS.get(key, key))


def kind_meaning(kind: LaneKind | str) -> str:
    key = str(kind)
    return QCoreApplication.translate("LaneKinds", LANE_KIND_MEANINGS.get(key, ""))


def blueprint_label(line: BlueprintLine | str) -> str:
    key = str(line)
    return QCoreApplication.translate("LaneKinds", BLUEPRINT_LABELS.get(key, key))


def name_says_kind(name: str, kind: LaneKind | str) -> bool:
    """True when the lane's name already tells its kind (in English, Spanish or the UI language)."""
    plain = _plain(name)
    if not plain.strip():
        return False
    key = str(kind)
    if _plain(kind_label(key)) in plain or _plain(LANE_KIND_LABELS.get(key, key)) in plain:
        return True
    return any(stem in plain for stem in _SAYS.get(key, ()))


def kinds() -> list[LaneKind]:
    """The kinds in the order menus offer them."""
    return [LaneKind(k) for k in LANE_KIND_LABELS]
