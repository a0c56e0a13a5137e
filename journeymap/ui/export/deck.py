"""PowerPoint export: a 16:9 deck a consultant can present and edit.

Slides, in the UI language:

1. title: map title, description, personas; a slide of persona cards (photo, quote, goals, needs, frustrations);
2. the whole map, as a high-resolution picture drawn by the canvas's own scene renderer;
3. one slide per stage whose cards are native PowerPoint shapes (a group per card:
   rounded rectangle with the title as real text, channel, a sensation bar, the NPS
   pill, a smiley whose mouth follows the sentiment, a star for a moment of truth),
   so the client's team can move, restyle and retype them;
4. NPS by touchpoint and the priority matrix as native, editable PowerPoint charts (``deck_charts``), when
   there is NPS data;
5. what promoters and detractors said, when there are comments.

python-pptx writes the file (``Presentation.save``) into a temporary file beside
the target that replaces it only when complete (``atomic_path``).
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from journeymap import i18n
from journeymap.domain.channels import channel as channel_info
from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.services import deck_layout as L
from journeymap.services.exporting import NO_MAP_TO_EXPORT, ExportError, atomic_path
from journeymap.services.presentation import Card, MapContent, StageContent, map_content
from journeymap.ui.export.deck_charts import charts_slide
from journeymap.ui.export.deck_shapes import Run, ShapeXml, next_shape_id
from journeymap.ui.scene import style
from journeymap.ui.scene.overlays import nps_mark, sentiment_level, sentiment_mark

# The messages this module's errors carry: an id and the English text (translated where shown).
CANNOT_WRITE_POWERPOINT_FILE = message("export.cannot_write_powerpoint_file", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: cannot write the PowerPoint file (%2)."))

DECK_OVERLAYS = frozenset({"nps", "sentiment", "quotes"})
MAP_PICTURE_PIXELS = 8_000_000  # the whole-map picture: sharp on a 4K projector, a few MB at most
MAP_PICTURE_MAX_SCALE = 3.0
BLANK_LAYOUT = 6
TITLE_LAYOUT = 0
TITLE_ONLY_LAYOUT = 5
MAX_COMMENT_CHARS = 240

INK = RGBColor(0x1F, 0x29, 0x33)
MUTED = RGBColor(0x5F, 0x6B, 0x7A)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
LANE_FILL = RGBColor(0xE9, 0xEC, 0xF1)
CARD_LINE = RGBColor(0xC9, 0xD0, 0xD9)
INK_HEX, MUTED_HEX, CARD_LINE_HEX, LANE_FILL_HEX = str(INK), str(MUTED), str(CARD_LINE), str(LANE_FILL)
PROMOTER = RGBColor(0x1F, 0x77, 0xB4)
DETRACTOR = RGBColor(0xE6, 0x61, 0x01)


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """Translated in context "Deck"; with *n*, the numerus form for n (and %n replaced)."""
    return QCoreApplication.translate("Deck", text, disambiguation or None, n).replace("%n", str(n))


def _chart_text(text: str) -> str:
    return QCoreApplication.translate("charts", text)


@dataclass
class DeckOptions:
    """What goes in the deck: overlays on the cards and the map, and which stages and lanes."""

    overlays: set[str] | None = None  # None: NPS and sentiment
    stage_ids: set[int] | None = None  # None: all
    lane_ids: set[int] | None = None
    legend: bool = True
    extra: dict[str, object] = field(default_factory=dict)


# ----------------------------------------------------------------- helpers
def rgb(colour: QColor | str) -> RGBColor:
    c = QColor(colour)
    return RGBColor(c.red(), c.green(), c.blue())


def _language_tag() -> str:
    """The deck's language (text runs and document properties): PowerPoint spell-checks and hyphenates by it."""
    return "es-ES" if i18n.current_language() == "es" else "en-US"


class _Writer:
    """Builds one presentation; every run of text is tagged with the UI language (spell check, hyphenation)."""

    def __init__(self) -> None:
        self.prs = Presentation()
        self.prs.slide_width = Emu(12192000)  # L.SLIDE_W, exactly 16:9 with 7.5 in
        self.prs.slide_height = Emu(6858000)
        self.lang_tag = _language_tag()

    # --------------------------------------------------------------- text
    def text(self, frame, paragraphs, *, size: float, colour: RGBColor = INK, bold: bool = False,
             align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, margins: float | None = None,
             wrap: bool = True) -> None:
        """Fill *frame* with *paragraphs*: strings or (text, size, colour, bold, italic) tuples."""
        frame.word_wrap = wrap
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        if margins is not None:
            m = Inches(margins)
            frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = m
        first = True
        for item in paragraphs:
            if isinstance(item, str):
                item = (item, size, colour, bold, False)
            text, psize, pcolour, pbold, italic = item
            p = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            if align is not None:
                p.alignment = align
            run = p.add_run()
            run.text = text
            font = run.font
            font.size = Pt(psize)
            font.bold = pbold
            font.italic = italic
            font.color.rgb = pcolour
            run._r.get_or_add_rPr().set("lang", self.lang_tag)

    def textbox(self, shapes, box: L.Box, paragraphs, **kwargs):
        shape = shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
        self.text(shape.text_frame, paragraphs, **kwargs)
        return shape

    def slide(self, title: str | None = None, layout: int = TITLE_ONLY_LAYOUT):
        """A new slide; with a title placeholder (PowerPoint's outline and accessibility read it)."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[layout if title is not None else BLANK_LAYOUT])
        if title is not None:
            placeholder = slide.shapes.title
            placeholder.left, placeholder.top = Inches(L.MARGIN_X), Inches(0.28)
            placeholder.width, placeholder.height = Inches(L.SLIDE_W - 2 * L.MARGIN_X), Inches(0.72)
            self.text(placeholder.text_frame, [title], size=28, bold=True, anchor=MSO_ANCHOR.MIDDLE, margins=0)
        return slide

    def shape(self, shapes, kind, box: L.Box, fill: RGBColor | None, line: RGBColor | None = None,
              line_pt: float = 0.75):
        shape = shapes.add_shape(kind, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
        if fill is None:
            shape.fill.background()
        else:
            shape.fill.solid()
            shape.fill.fore_color.rgb = fill
        if line is None:
            shape.line.fill.background()
        else:
            shape.line.color.rgb = line
            shape.line.width = Pt(line_pt)
        # No theme style: its effect reference draws a shadow in LibreOffice (and fills/lines are explicit).
        style_element = shape._element.find(qn("p:style"))
        if style_element is not None:
            shape._element.remove(style_element)
        return shape

    def picture(self, slide, data: bytes, area: L.Box, pixel_size: tuple[int, int]) -> None:
        """*data* (PNG) fitted into *area*, centred, aspect kept."""
        w_px, h_px = pixel_size
        factor = min(area.w / w_px, area.h / h_px)
        w, h = w_px * factor, h_px * factor
        slide.shapes.add_picture(io.BytesIO(data), Inches(area.x + (area.w - w) / 2),
                                 Inches(area.y + (area.h - h) / 2), Inches(w), Inches(h))


# ------------------------------------------------------------------ slides
def _title_slide(w: _Writer, content: MapContent) -> None:
    m = content.journey_map
    slide = w.prs.slides.add_slide(w.prs.slide_layouts[TITLE_LAYOUT])
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (Inches(0.9), Inches(2.0), Inches(L.SLIDE_W - 1.8),
                                                        Inches(1.5))
    w.text(title.text_frame, [m.title or tr("Journey map")], size=40, bold=True, anchor=MSO_ANCHOR.BOTTOM,
           margins=0)
    sub = slide.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = Inches(0.9), Inches(3.65), Inches(L.SLIDE_W - 1.8), Inches(3.0)
    lines: list = []
    if m.description:
        lines.append((m.description, 18, MUTED, False, False))
    if m.persona_name:
        lines.append((tr("Persona: %1").replace("%1", m.persona_name), 18, INK, True, False))
    if m.persona_description:
        lines.append((m.persona_description, 16, MUTED, False, False))
    if content.personas and not m.persona_name:
        names = ", ".join(p.name for p in content.personas)
        lines.append((tr("Persona: %1").replace("%1", names), 18, INK, True, False))
    lines.append((_counts(content), 14, MUTED, False, False))
    w.text(sub.text_frame, lines, size=18, margins=0)
    # A band of the stage colours along the bottom: the journey at a glance.
    if content.stages:
        width = (L.SLIDE_W - 1.8) / len(content.stages)
        for i, s in enumerate(content.stages):
            w.shape(slide.shapes, MSO_SHAPE.RECTANGLE, L.Box(0.9 + i * width, 6.55, width, 0.12), rgb(s.stage.colour))


def _counts(content: MapContent) -> str:
    stages = tr("%n stage(s)", "", len(content.stages))
    cards = tr("%n touchpoint(s)", "", content.card_count)
    return f"{stages} · {cards}"


def _map_slide(w: _Writer, scene, options: DeckOptions) -> None:
    from journeymap.ui.export.render import ImageOptions, export_rect, png_bytes

    slide = w.slide(tr("The whole journey"))
    image = ImageOptions(overlays=set(options.overlays or ()), legend=options.legend)
    rect = export_rect(scene, image)
    if rect.isEmpty():
        return
    scale = min(MAP_PICTURE_MAX_SCALE, math.sqrt(MAP_PICTURE_PIXELS / (rect.width() * rect.height())))
    image.scale = max(0.05, scale)
    data = png_bytes(scene, image)
    size = (max(1, round(rect.width() * image.scale)), max(1, round(rect.height() * image.scale)))
    w.picture(slide, data, L.Box(L.MARGIN_X, 1.15, L.SLIDE_W - 2 * L.MARGIN_X, L.SLIDE_H - 1.45), size)


def _stage_summary(stage: StageContent, index: int, total: int, overlays: set[str]) -> str:
    parts = [tr("Stage %1 of %2").replace("%1", str(index)).replace("%2", str(total)),
             tr("%n touchpoint(s)", "", len(stage.cards))]
    from journeymap.ui.scene.overlays import nps_text, signed

    if "nps" in overlays and stage.nps is not None:
        parts.append(tr("NPS %1").replace("%1", nps_text(stage.nps, stage.summary.n, not stage.summary.n)))
    if "sentiment" in overlays and stage.sentiment is not None:
        parts.append(tr("sentiment %1").replace("%1", signed(stage.sentiment, 2)))
    return "  ·  ".join(parts)


def _stage_slides(w: _Writer, content: MapContent, overlays: set[str]) -> None:
    total = len(content.stages)
    for index, stage in enumerate(content.stages, start=1):
        pages = L.layout_stage([len(cards) for _lane, cards in stage.rows])
        for page_no, page in enumerate(pages, start=1):
            title = stage.stage.name
            if len(pages) > 1:
                title = tr("%1 (%2 of %3)").replace("%1", title).replace("%2", str(page_no)).replace(
                    "%3", str(len(pages)))
            slide = w.slide(title)
            shapes = ShapeXml(next_shape_id(slide), w.lang_tag)
            width = L.SLIDE_W - 2 * L.MARGIN_X
            shapes.add(shapes.shape(tr("Stage colour"), "rect", 0, 0, L.SLIDE_W, 0.14, fill=_hex(stage.stage.colour)))
            summary = shapes.text_body([Run(_stage_summary(stage, index, total, overlays), 13, MUTED_HEX)],
                                       inset=(0, 0, 0, 0))
            shapes.add(shapes.shape(tr("Summary"), "rect", L.MARGIN_X, 0.98, width, 0.36, fill=None, text=summary,
                                    textbox=True))
            if not page.lanes:
                empty = shapes.text_body([Run(tr("No touchpoints in this stage"), 18, MUTED_HEX)], align="ctr")
                shapes.add(shapes.shape(tr("Summary"), "rect", L.MARGIN_X, 3.2, width, 0.6, fill=None, text=empty,
                                        textbox=True))
            for block in page.lanes:
                lane, cards = stage.rows[block.lane_index]
                b = block.label
                name = shapes.text_body([Run(lane.name, 11 + 2 * page.scale, INK_HEX, bold=True)], anchor="ctr",
                                        inset=(0.16, 0.08, 0.08, 0.08))
                shapes.add(shapes.shape(tr("Lane: %1").replace("%1", lane.name), "rect", b.x, b.y, b.w, b.h,
                                        fill=LANE_FILL_HEX, text=name))
                shapes.add(shapes.shape(tr("Lane colour"), "rect", b.x, b.y, 0.06, b.h,
                                        fill=_hex(lane.colour or style.LANE_ACCENT)))
                for card_index, box in block.cards:
                    _card(shapes, cards[card_index], box, page.scale, overlays)
            shapes.append_to(slide)


def _fit_title(title: str, box: L.Box, scale: float, lines: int) -> tuple[str, float]:
    """The title's size (points) and text: the largest size from 12 down to 8 at which it fits in *lines*."""
    text = " ".join(title.split())
    width_pt = (box.w - 0.3) * 72
    for size in (12 * scale, 11 * scale, 10 * scale, 9 * scale, 8.0):
        size = max(8.0, size)
        per_line = max(8, int(width_pt / (size * 0.52)))
        if len(text) <= per_line * lines:
            return text, size
    per_line = max(8, int(width_pt / (8 * 0.52)))
    return text[: per_line * lines - 1].rstrip() + "…", 8.0


def _hex(colour: QColor | str) -> str:
    return QColor(colour).name()[1:].upper()


def _card(shapes: ShapeXml, card: Card, box: L.Box, scale: float, overlays: set[str]) -> None:
    """One card as a group: body with title and channel, sensation bar, star, NPS pill, smiley and value."""
    tp, m = card.touchpoint, card.metrics
    title, size = _fit_title(tp.title, box, scale, 2)
    runs = [Run(title, size, INK_HEX, bold=True)]
    if tp.channel:
        runs.append(Run(QCoreApplication.translate("channels", channel_info(tp.channel).label), max(7.0, 9 * scale),
                        MUTED_HEX))
    right = 0.24 + 0.2 * scale if tp.moment_of_truth else 0.08
    children = [
        shapes.shape(tp.title[:250], "roundRect", box.x, box.y, box.w, box.h, fill="FFFFFF", line=CARD_LINE_HEX,
                     adjust=8000, text=shapes.text_body(runs, inset=(0.22, 0.06, right, 0.06))),
        shapes.shape(tr("Sensation"), "roundRect", box.x + 0.05, box.y + 0.07, 0.07 * scale + 0.02, box.h - 0.14,
                     fill=_hex(style.sensation_colour(tp.sensation)), adjust=50000),
    ]
    badge_h = 0.24 * scale + 0.04
    bottom = box.y + box.h - badge_h - 0.07
    if tp.moment_of_truth:
        star = 0.2 * scale + 0.04
        children.append(shapes.shape(tr("Moment of truth"), "star5", box.x + box.w - star - 0.07, box.y + 0.07, star,
                                     star, fill=_hex(style.STAR), line=_hex(style.STAR_EDGE), line_pt=0.5))
    if "nps" in overlays and (mark := nps_mark(m)) is not None:
        font_pt = max(7.0, 9 * scale)
        width = min(box.w * 0.62, max(0.5, len(mark.text) * font_pt * 0.62 / 72 + 0.2))
        text = shapes.text_body([Run(mark.text, font_pt, _hex(mark.text_colour), bold=True)], anchor="ctr",
                                align="ctr", inset=(0, 0, 0, 0), wrap=False)
        children.append(shapes.shape(tr("NPS"), "roundRect", box.x + box.w - width - 0.07, bottom, width, badge_h,
                                     fill=_hex(mark.fill), line=_hex(mark.colour) if mark.manual else None,
                                     line_pt=1.0, adjust=50000, text=text))
    if "sentiment" in overlays and (mark := sentiment_mark(m)) is not None:
        face = badge_h
        # The mouth: PowerPoint's smiley adjustment runs from a frown (-4653) to a smile (+4653).
        children.append(shapes.shape(tr("Sentiment: %1").replace("%1", mark.label), "smileyFace", box.x + 0.2, bottom,
                                     face, face, fill=_hex(mark.colour), line=_hex(style.TEXT), line_pt=0.5,
                                     adjust=round(4653 * sentiment_level(mark.value) / 2)))
        text = shapes.text_body([Run(mark.text, max(7.0, 9 * scale), INK_HEX)], anchor="ctr", inset=(0, 0, 0, 0),
                                wrap=False)
        children.append(shapes.shape(tr("Sentiment"), "rect", box.x + 0.23 + face, bottom - 0.02, 0.9, face + 0.04,
                                     fill=None, text=text, textbox=True))
    said = ""
    if "quotes" in overlays and card.quotes:
        said = _quote_line(card.quotes, box, scale, title, size, bool(tp.channel), bottom)
        if said:
            font_pt = max(7.0, 8 * scale)
            text = shapes.text_body([Run(said, font_pt, INK_HEX, italic=True)], inset=(0, 0, 0, 0), wrap=False)
            children.append(shapes.shape(tr("Quote"), "rect", box.x + 0.24, bottom - font_pt * 1.25 / 72 - 0.02,
                                         box.w - 0.3, font_pt * 1.25 / 72, fill=None, text=text, textbox=True))
    quoted = "\n".join(tr("“%1”", "a customer's quote").replace("%1", q) for q in card.quotes)
    descr = f"{tp.title}\n{quoted}" if "quotes" in overlays and card.quotes else tp.title
    shapes.group(tr("Touchpoint: %1").replace("%1", tp.title)[:250], box.x, box.y, box.w, box.h, children,
                 descr=descr)


def _quote_line(said: tuple[str, ...], box: L.Box, scale: float, title: str, title_pt: float, channel: bool,
                bottom: float) -> str:
    """The first pinned quote on one line above the badges ("+2" when there are more), or "" without room.

    Room: the title's lines (as ``_fit_title`` wrapped them) and the channel line must end above it.
    """
    font_pt = max(7.0, 8 * scale)
    width_pt = (box.w - 0.3) * 72
    per_title_line = max(8, int(width_pt / (title_pt * 0.52)))
    title_lines = 1 if len(title) <= per_title_line else 2
    used = 0.06 + title_lines * title_pt * 1.2 / 72 + (max(7.0, 9 * scale) * 1.2 / 72 if channel else 0)
    top = bottom - font_pt * 1.25 / 72 - 0.02
    if box.y + used > top:
        return ""
    more = f" +{len(said) - 1}" if len(said) > 1 else ""
    per_line = max(6, int(width_pt / (font_pt * 0.5))) - len(more) - 2
    text = " ".join(said[0].split())
    text = text if len(text) <= per_line else text[: per_line - 1].rstrip() + "…"
    return tr("“%1”", "a customer's quote").replace("%1", text) + more


def _comments_slide(w: _Writer, content: MapContent) -> None:
    if not content.promoter_comments and not content.detractor_comments:
        return
    slide = w.slide(tr("What customers said"))
    half = (L.SLIDE_W - 2 * L.MARGIN_X - 0.4) / 2
    columns = (
        (tr("Promoters (9–10)"), PROMOTER, content.promoter_comments),
        (tr("Detractors (0–6)"), DETRACTOR, content.detractor_comments),
    )
    for i, (heading, colour, comments) in enumerate(columns):
        x = L.MARGIN_X + i * (half + 0.4)
        w.shape(slide.shapes, MSO_SHAPE.RECTANGLE, L.Box(x, 1.2, half, 0.06), colour)
        w.textbox(slide.shapes, L.Box(x, 1.3, half, 0.45), [heading], size=18, bold=True, colour=colour, margins=0)
        paragraphs: list = []
        for c in comments:
            text = c.text if len(c.text) <= MAX_COMMENT_CHARS else c.text[: MAX_COMMENT_CHARS - 1].rstrip() + "…"
            paragraphs.append((tr("“%1”", "a customer's quote").replace("%1", text), 14, INK, False, True))
            paragraphs.append(("— " + c.touchpoint + " · " + tr("score %1").replace("%1", str(c.score)),
                               11, MUTED, False, False))
        if not paragraphs:
            paragraphs = [(tr("No comments"), 14, MUTED, False, True)]
        box = w.textbox(slide.shapes, L.Box(x, 1.85, half, L.SLIDE_H - 2.2), paragraphs, size=14, margins=0)
        for n, p in enumerate(box.text_frame.paragraphs):
            p.space_after = Pt(10 if n % 2 else 2)


# ----------------------------------------------------------------- entry
def build_deck(scene, options: DeckOptions | None = None):
    """The presentation of the scene's map (a ``pptx.Presentation``), not yet saved."""
    options = options or DeckOptions()
    session = scene.session
    if session.map_id is None:
        raise ExportError(NO_MAP_TO_EXPORT)
    overlays = set(DECK_OVERLAYS if options.overlays is None else options.overlays)
    options = DeckOptions(overlays, options.stage_ids, options.lane_ids, options.legend, options.extra)
    content = map_content(session.document, session.map_id, segment=session.segment,
                          stage_ids=options.stage_ids, lane_ids=options.lane_ids)
    w = _Writer()
    props = w.prs.core_properties
    props.title = content.journey_map.title[:255]
    props.subject = tr("Customer journey map")
    props.author = props.last_modified_by = "JourneyMap"
    props.language = w.lang_tag
    from journeymap.ui.export.deck_personas import persona_slides

    _title_slide(w, content)
    persona_slides(w, content.personas, tr)
    _map_slide(w, scene, options)
    _stage_slides(w, content, overlays)
    charts_slide(w, content, scene, tr, _chart_text)
    _comments_slide(w, content)
    return w.prs


def export_pptx(scene, path: str | os.PathLike[str], options: DeckOptions | None = None) -> Path:
    """Write the deck to *path* (beside it first, then moved into place)."""
    prs = build_deck(scene, options)
    with atomic_path(path) as tmp:
        try:
            prs.save(str(tmp))
        except OSError as exc:
            raise ExportError(CANNOT_WRITE_POWERPOINT_FILE, path, exc.strerror or exc) from exc
    return Path(path)


__all__ = ["DeckOptions", "build_deck", "export_pptx"]
