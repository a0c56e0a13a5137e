"""The deck's personas slide: each persona of the map as a card of native PowerPoint shapes.

A card holds the photo (a circle, or the initial on a grey disc), the name, the
quote, the short bio and three columns, goals, needs and frustrations, as real
text the client's team can edit. Up to three cards share a slide; more personas
go on further slides.
"""

from __future__ import annotations

import io

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath

from journeymap.domain.model import Persona
from journeymap.services import deck_layout as L

PER_SLIDE = 3
GAP = 0.25
TOP = 1.15
PHOTO = 1.0
GOALS_HEX, FRUSTRATIONS_HEX, NEEDS_HEX = "2E6B30", "9B2C2C", "2F5C8A"


def _circle_png(data: bytes, side: int = 256) -> bytes | None:
    """The photo cropped to a centred circle (transparent corners), as PNG; None if it is not an image."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    square = min(image.width(), image.height())
    image = image.copy((image.width() - square) // 2, (image.height() - square) // 2, square, square).scaled(
        side, side, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    out = QImage(side, side, QImage.Format.Format_ARGB32)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, side, side))
    painter.setClipPath(clip)
    painter.drawImage(0, 0, image)
    painter.end()
    buffer_data = QByteArray()
    buffer = QBuffer(buffer_data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    out.save(buffer, "PNG")
    buffer.close()
    return bytes(buffer_data.data())


def shrink(shape) -> None:
    """A long list shrinks to fit its box (PowerPoint's and LibreOffice's "shrink text on overflow")."""
    shape.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE


def persona_slides(w, personas: list[Persona], tr) -> None:
    """One slide per three personas of the map (none without personas)."""
    from pptx.dml.color import RGBColor

    from journeymap.ui.export.deck import CARD_LINE, INK, LANE_FILL, MUTED, WHITE

    for start in range(0, len(personas), PER_SLIDE):
        group = personas[start:start + PER_SLIDE]
        title = tr("Persona", "slide title") if len(personas) == 1 else tr("Personas", "slide title")
        slide = w.slide(title)
        width = (L.SLIDE_W - 2 * L.MARGIN_X - GAP * (len(group) - 1)) / len(group)
        height = L.BODY_BOTTOM - TOP
        k = {1: 1.45, 2: 1.15}.get(len(group), 1.0)  # fewer cards, larger text
        for i, p in enumerate(group):
            x = L.MARGIN_X + i * (width + GAP)
            card = w.shape(slide.shapes, MSO_SHAPE.ROUNDED_RECTANGLE, L.Box(x, TOP, width, height), WHITE, CARD_LINE)
            card.adjustments[0] = 0.04
            photo = L.Box(x + 0.25, TOP + 0.25, PHOTO, PHOTO)
            png = _circle_png(p.photo) if p.photo else None
            if png is not None:
                slide.shapes.add_picture(io.BytesIO(png), Inches(photo.x), Inches(photo.y),
                                         Inches(PHOTO), Inches(PHOTO))
            else:
                disc = w.shape(slide.shapes, MSO_SHAPE.OVAL, photo, LANE_FILL)
                w.text(disc.text_frame, [(p.name.strip()[:1].upper() or "?", 28, MUTED, True, False)], size=28,
                       align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE, margins=0)
            head = L.Box(photo.x + PHOTO + 0.15, TOP + 0.15, width - PHOTO - 0.5, PHOTO + 0.1)
            lines: list = [(p.name, 16 * k, INK, True, False)]
            if p.quote:
                lines.append((tr("“%1”", "a persona's quote").replace("%1", p.quote), 12 * k, MUTED, False, True))
            shrink(w.textbox(slide.shapes, head, lines, size=12, anchor=MSO_ANCHOR.MIDDLE, margins=0))
            y = TOP + PHOTO + 0.35
            if p.bio:
                bio_h = 0.9 if len(group) > 1 else 0.8
                shrink(w.textbox(slide.shapes, L.Box(x + 0.2, y, width - 0.4, bio_h),
                                 [(p.bio, 11 * k, INK, False, False)], size=11, margins=0))
                y += bio_h + 0.1
            sections = [(tr("Goals"), p.goals, GOALS_HEX), (tr("Needs"), p.needs, NEEDS_HEX),
                        (tr("Frustrations"), p.frustrations, FRUSTRATIONS_HEX)]
            sections = [s for s in sections if s[1]]
            if not sections:
                continue
            # One person: three columns side by side; several: the sections one under the other.
            if len(group) == 1:
                col_w = (width - 0.4 - 0.2 * (len(sections) - 1)) / len(sections)
                boxes = [L.Box(x + 0.2 + k * (col_w + 0.2), y, col_w, TOP + height - y - 0.2)
                         for k in range(len(sections))]
            else:
                each = (TOP + height - y - 0.2) / len(sections)
                boxes = [L.Box(x + 0.2, y + k * each, width - 0.4, each) for k in range(len(sections))]
            for box, (heading, items, colour) in zip(boxes, sections):
                paragraphs: list = [(heading.upper(), 10 * k, RGBColor.from_string(colour), True, False)]
                paragraphs += [(f"• {item}", 11 * k, INK, False, False) for item in items]
                shrink(w.textbox(slide.shapes, box, paragraphs, size=11, margins=0))
