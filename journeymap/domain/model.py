"""Plain dataclasses for a journey map document.

These are values: the storage layer creates them from rows and the UI renders
them. Nothing here knows about Qt or SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Sensation(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class LaneKind(StrEnum):
    TOUCHPOINTS = "touchpoints"
    CHANNELS = "channels"
    ACTIONS = "actions"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    BACKSTAGE = "backstage"
    PHOTOS = "photos"
    NOTES = "notes"


# Lanes whose cards are interactions with the customer: only these carry NPS
# and sentiment badges (a pain point or an opportunity is not scored).
SCORED_LANE_KINDS = frozenset({LaneKind.TOUCHPOINTS, LaneKind.CHANNELS})


def lane_is_scored(kind: LaneKind | str) -> bool:
    return kind in SCORED_LANE_KINDS


class BlueprintLine(StrEnum):
    """A service-blueprint line drawn under a lane (``""``: none)."""

    NONE = ""
    INTERACTION = "interaction"
    VISIBILITY = "visibility"
    INTERNAL = "internal"


class Evidence(StrEnum):
    """What a card is based on (shown as a small marker)."""

    NONE = ""
    SURVEY = "survey"
    INTERVIEW = "interview"
    OBSERVATION = "observation"
    CRM = "crm"
    SUPPORT = "support"
    COMPETITOR = "competitor"
    STAFF = "staff"


@dataclass
class JourneyMap:
    title: str
    description: str = ""
    persona_name: str = ""
    persona_description: str = ""
    position: int = 0
    # The map this one was duplicated from as its future state (None: not a future state).
    source_map_id: int | None = None
    id: int | None = None


@dataclass
class Stage:
    map_id: int
    name: str
    position: int = 0
    colour: str = "#4C72B0"
    id: int | None = None


@dataclass
class Lane:
    map_id: int
    name: str
    kind: LaneKind = LaneKind.TOUCHPOINTS
    position: int = 0
    colour: str = ""  # accent of the lane header; "" is the default grey
    line_below: BlueprintLine = BlueprintLine.NONE
    id: int | None = None


@dataclass
class Touchpoint:
    map_id: int
    stage_id: int
    lane_id: int
    title: str
    description: str = ""
    position: int = 0
    channel: str = ""
    sensation: Sensation = Sensation.NEUTRAL
    moment_of_truth: bool = False
    owner: str = ""
    impact: int = 3
    tags: list[str] = field(default_factory=list)
    manual_nps: float | None = None
    manual_sentiment: float | None = None
    manual_promoters: int | None = None
    manual_passives: int | None = None
    manual_detractors: int | None = None
    # Reviews and word of mouth are touchpoints you influence but do not control.
    controllable: bool = True
    expectation: str = ""
    evidence: Evidence = Evidence.NONE
    waiting_minutes: float | None = None
    # In a future-state map: the card of the source map this one was copied from.
    origin_id: int | None = None
    id: int | None = None


@dataclass
class Persona:
    """Who the journey is about; several per document, assigned to maps."""

    name: str
    quote: str = ""
    bio: str = ""
    goals: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    frustrations: list[str] = field(default_factory=list)
    photo: bytes | None = None  # PNG or JPEG bytes, kept in the document
    position: int = 0
    id: int | None = None


@dataclass
class Connection:
    """An arrow from one card to another (flow, branch or loop)."""

    map_id: int
    source_id: int
    target_id: int
    label: str = ""
    id: int | None = None


@dataclass
class Note:
    touchpoint_id: int
    text: str
    author: str = ""
    created_at: str = ""
    id: int | None = None


@dataclass
class Attachment:
    """A photo shown on a touchpoint (and, optionally, beside one of its notes).

    The pixels are stored once per ``sha256`` (the same photo on two cards is one
    blob); this row says where it shows, under which name and in which order.
    """

    touchpoint_id: int
    file_name: str
    mime_type: str
    sha256: str
    width: int
    height: int
    bytes: int
    note_id: int | None = None
    position: int = 0
    created_at: str = ""
    id: int | None = None


@dataclass
class Response:
    touchpoint_id: int
    score: int | None  # None: a sentiment-only answer (a 1-5 or 1-7 satisfaction scale)
    sentiment: float | None = None
    comment: str = ""
    date: str | None = None
    segment: str = ""
    batch_id: int | None = None
    id: int | None = None
    # The same respondent's overall 0-10 likelihood to recommend (a wide survey's question
    # naming no touchpoint): what the drivers of the overall NPS correlate with.
    overall_score: int | None = None


@dataclass
class ImportBatch:
    map_id: int
    source: str
    imported_at: str
    rows: int = 0
    rejected: int = 0
    id: int | None = None
    content_hash: str = ""  # SHA-256 of the imported file, to warn before importing it again


@dataclass
class Quote:
    """A customer's comment pinned on a card as evidence (a copy: it outlives a removed import)."""

    touchpoint_id: int
    text: str
    response_id: int | None = None
    score: int | None = None
    position: int = 0
    id: int | None = None


IMPACT_RANGE = range(1, 6)

# Bounds on what one map may hold. Far above any real journey map (a hotel has
# 70+ touchpoints, a big programme a few thousand), low enough that an import,
# an export or the canvas never runs for minutes or out of memory on a hostile file.
MAX_STAGES = 1_000
MAX_LANES = 200
MAX_TOUCHPOINTS = 20_000
MAX_NAME_CHARS = 1_000  # titles and names (map, stage, lane, card)
MAX_TEXT_CHARS = 100_000  # descriptions, notes, comments
# Manual answer counts are SQLite integers (64-bit); the editor keeps any count up to this exactly.
MAX_COUNT = 2**53
