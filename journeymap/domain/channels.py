"""The channels a touchpoint can happen in, with a short glyph for cards.

Channel keys are stored in documents; labels are for display. An unknown key
is still accepted (imported documents may carry their own) and shown as is.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Channel:
    key: str
    label: str
    glyph: str


CHANNELS: tuple[Channel, ...] = (
    Channel("web", "Web", "🌐"),
    Channel("email", "Email", "✉"),
    Channel("social", "Social media", "💬"),
    Channel("store", "Store", "🏬"),
    Channel("phone", "Phone", "☎"),
    Channel("app", "Mobile app", "📱"),
    Channel("chat", "Live chat", "🗨"),
    Channel("ads", "Advertising", "📣"),
    Channel("print", "Print", "📰"),
    Channel("mail", "Post", "📦"),
    Channel("event", "Event", "🎪"),
    Channel("in_person", "In person", "🤝"),
    Channel("partner", "Partner", "🔗"),
    Channel("sms", "SMS", "📨"),
    Channel("video", "Video", "▶"),
)

_BY_KEY = {c.key: c for c in CHANNELS}


def channel(key: str) -> Channel:
    """The channel for *key*; an unknown key gets a neutral glyph."""
    return _BY_KEY.get(key) or Channel(key, key.replace("_", " ").capitalize(), "•")
