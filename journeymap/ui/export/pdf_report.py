"""The PDF report: the map, a section per stage with its cards in full, the analytics charts, the comments.

The first page is the map fitted to a landscape page, painted by the canvas's
own scene. The rest is one rich-text document (``QTextDocument``) laid out on
the printable area of the chosen page and painted page by page, with a
footer (map title, page n of N) drawn on each; the charts are the analytics
dock's matplotlib figures at print resolution.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPageLayout, QPainter, QPdfWriter, QTextDocument

from journeymap.domain.channels import channel as channel_info
from journeymap.services.presentation import Card, MapContent, StageContent
from journeymap.ui.scene import style
from journeymap.ui.scene.overlays import level_label, nps_text, sentiment_level, signed

FOOTER_H = 24.0
CHARTS = ("nps_by_touchpoint", "stage_nps_sentiment", "nps_split", "priority_matrix")
CHART_DPI = 150
MUTED = style.TEXT_MUTED.name()


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    return QCoreApplication.translate("PdfExport", text, disambiguation or None, n).replace("%n", str(n))


def _e(text: str) -> str:
    return html.escape(" ".join(str(text).split()))


def _sensation(value: str) -> str:
    return {"positive": tr("Positive"), "neutral": tr("Neutral"), "negative": tr("Negative")}.get(str(value), value)


def card_html(card: Card) -> str:
    tp, m = card.touchpoint, card.metrics
    colour = style.sensation_colour(tp.sensation).name()
    head = f"<b>{_e(tp.title)}</b> &nbsp;<span style='color:{colour}'>● {_e(_sensation(tp.sensation))}</span>"
    if tp.moment_of_truth:
        head += f" &nbsp;<span style='color:{style.STAR_EDGE.name()}'>★ {_e(tr('Moment of truth'))}</span>"
    meta = []
    if tp.channel:
        meta.append(_e(QCoreApplication.translate("channels", channel_info(tp.channel).label)))
    if tp.owner:
        meta.append(_e(tr("Owner: %1").replace("%1", tp.owner)))
    meta.append(_e(tr("Impact %1 of 5").replace("%1", str(tp.impact))))
    if tp.tags:
        meta.append(_e(tr("Tags: %1").replace("%1", ", ".join(tp.tags))))
    parts = [f"<p style='margin-top:10px; margin-bottom:0'>{head}</p>",
             f"<p style='color:{MUTED}; margin:0'>{' · '.join(meta)}</p>"]
    if tp.description:
        parts.append(f"<p style='margin:2px 0 0 0'>{_e(tp.description)}</p>")
    scores = []
    if m.nps is not None:
        text = "NPS " + nps_text(m.nps, m.summary.n, m.source == "manual")
        if m.margin:
            text += " " + tr("(±%1 at 95 %)").replace("%1", f"{m.margin:.0f}")
        scores.append(_e(text))
    if m.sentiment is not None:
        level = level_label(sentiment_level(max(-1.0, min(1.0, m.sentiment))))
        scores.append(_e(tr("Sentiment %1 (%2)").replace("%1", signed(m.sentiment, 2)).replace("%2", level)))
    if scores:
        parts.append(f"<p style='margin:2px 0 0 0'>{' · '.join(scores)}</p>")
    for quote in card.quotes:  # the customers' words pinned on the card
        quoted = tr("“%1”", "a customer's quote").replace("%1", quote)
        parts.append(f"<p style='margin:2px 0 0 16px'><i>{_e(quoted)}</i></p>")
    return "".join(parts)


def stage_html(stage: StageContent, index: int, total: int, notes: dict[int, list]) -> str:
    summary = [tr("Stage %1 of %2").replace("%1", str(index)).replace("%2", str(total)),
               tr("%n touchpoint(s)", "", len(stage.cards))]
    if stage.nps is not None:
        summary.append("NPS " + nps_text(stage.nps, stage.summary.n, not stage.summary.n))
    if stage.sentiment is not None:
        summary.append(tr("sentiment %1").replace("%1", signed(stage.sentiment, 2)))
    brk = "page-break-before:always; " if index > 1 else ""
    out = [f"<h1 style='{brk}color:{QColor(stage.stage.colour).darker(130).name()}'>"
           f"{_e(stage.stage.name)}</h1>",
           f"<p style='color:{MUTED}'>{_e('  ·  '.join(summary))}</p>"]
    if not stage.rows:
        out.append(f"<p style='color:{MUTED}'><i>{_e(tr('No touchpoints in this stage'))}</i></p>")
    for lane, cards in stage.rows:
        out.append(f"<h3 style='margin-top:14px'>{_e(lane.name)}</h3>")
        for card in cards:
            out.append(card_html(card))
            for note in notes.get(card.touchpoint.id, []):
                who = ", ".join(p for p in (note.author, note.created_at[:10]) if p)
                out.append(f"<p style='margin:1px 0 0 16px; color:{MUTED}'>✎ {_e(note.text)}"
                           + (f" — {_e(who)}" if who else "") + "</p>")
    return "".join(out)


def comments_html(content: MapContent) -> str:
    if not content.promoter_comments and not content.detractor_comments:
        return ""
    out = [f"<h1 style='page-break-before:always'>{_e(tr('What customers said'))}</h1>"]
    for heading, colour, comments in (
        (tr("Promoters (9–10)"), "#1f77b4", content.promoter_comments),
        (tr("Detractors (0–6)"), "#e66101", content.detractor_comments),
    ):
        out.append(f"<h3 style='color:{colour}'>{_e(heading)}</h3>")
        for c in comments:
            quoted = tr("“%1”", "a customer's quote").replace("%1", c.text)
            out.append(f"<p style='margin:6px 0 0 0'><i>{_e(quoted)}</i></p>"
                       f"<p style='margin:0; color:{MUTED}'>— {_e(c.touchpoint)} · "
                       f"{_e(tr('score %1').replace('%1', str(c.score)))}</p>")
        if not comments:
            out.append(f"<p style='color:{MUTED}'><i>{_e(tr('No comments'))}</i></p>")
    return "".join(out)


def _chart_image(scene, name: str, width_in: float, height_in: float) -> QImage:
    from journeymap.services import charts

    session = scene.session
    fig = charts.new_figure(width_in, height_in, dpi=CHART_DPI)
    ctx = charts.ChartContext(session.document, session.map_id, session.segment, (),
                              lambda t: QCoreApplication.translate("charts", t), max_rows=30)
    charts.render(name, fig, ctx)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=CHART_DPI, facecolor="white")
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def build_document(scene, content: MapContent, width: float, height: float) -> QTextDocument:
    """The report's text pages as one document, laid out for a *width* × *height* page (device units)."""
    doc = QTextDocument()
    doc.setDefaultFont(style.font(9.5))
    doc.setDocumentMargin(0)
    session = scene.session
    notes = {card.touchpoint.id: session.document.notes(card.touchpoint.id)
             for stage in content.stages for card in stage.cards}
    total = len(content.stages)
    parts = [stage_html(stage, i, total, notes) for i, stage in enumerate(content.stages, start=1)]
    has_nps = any(card.metrics.nps is not None for stage in content.stages for card in stage.cards)
    if has_nps:
        res = 96.0
        chart_w, chart_h = width / res, min(height * 0.46, width * 0.62) / res
        parts.append(f"<h1 style='page-break-before:always'>{_e(tr('Analytics'))}</h1>")
        from journeymap.domain.drivers import rank_drivers
        from journeymap.storage.drivers_sql import overall_pairs

        drivers = rank_drivers(overall_pairs(session.document, session.map_id, session.segment))
        for name in (*CHARTS, *(("drivers",) if drivers else ())):  # what drives the overall NPS, with data
            image = _chart_image(scene, name, chart_w, chart_h)
            url = QUrl(f"chart:{name}")
            doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
            parts.append(f"<p><img src='chart:{name}' width='{int(width)}' height='{int(chart_h * res)}'></p>")
    parts.append(comments_html(content))
    doc.setHtml("".join(parts))
    doc.setPageSize(QSizeF(width, height))
    return doc


def paint_document(writer: QPdfWriter, painter: QPainter, doc: QTextDocument, layout: QPageLayout, title: str,
                   first_page: int, total_pages: int) -> None:
    """Paint *doc* page by page (each after ``newPage``), with the footer."""
    res = writer.resolution()
    area = layout.paintRect(QPageLayout.Unit.Point)
    page_w, page_h = area.width() * res / 72.0, area.height() * res / 72.0
    body_h = doc.pageSize().height()
    for i in range(doc.pageCount()):
        writer.newPage()
        painter.save()
        painter.translate(0, -i * body_h)
        doc.drawContents(painter, QRectF(0, i * body_h, page_w, body_h))
        painter.restore()
        footer(painter, page_w, page_h, title, first_page + i, total_pages)


def footer(painter: QPainter, page_w: float, page_h: float, title: str, n: int, total: int) -> None:
    painter.save()
    font = style.font(8.0)
    fm = QFontMetricsF(font)
    painter.setFont(font)
    painter.setPen(style.TEXT_MUTED)
    y = page_h - (FOOTER_H - fm.ascent()) / 2
    number = tr("Page %1 of %2").replace("%1", str(n)).replace("%2", str(total))
    painter.drawText(QPointF(0, y), fm.elidedText(title, Qt.TextElideMode.ElideRight, page_w * 0.7))
    painter.drawText(QPointF(page_w - fm.horizontalAdvance(number), y), number)
    painter.restore()


def export_report(scene, path, options) -> Path:
    """Write the report of the scene's map to *path* (``ImageOptions``: page, portrait, margins, overlays)."""
    from journeymap.services.exporting import (
        CANNOT_WRITE_PDF_FILE,
        NO_MAP_TO_EXPORT,
        NOTHING_TO_EXPORT,
        ExportError,
        atomic_path,
    )
    from journeymap.services.presentation import map_content
    from journeymap.ui.export import render

    session = scene.session
    if session.map_id is None:
        raise ExportError(NO_MAP_TO_EXPORT)
    page = "a4" if options.page == "fit" else options.page
    title = options.title or render.map_title(scene)
    content = map_content(session.document, session.map_id, segment=session.segment,
                          stage_ids=options.extra.get("stage_ids"), lane_ids=options.extra.get("lane_ids"))
    white = QColor(Qt.GlobalColor.white)
    with atomic_path(path) as tmp, render.export_state(scene, options.overlays, options.legend, white) as rect:
        if rect.isEmpty():
            raise ExportError(NOTHING_TO_EXPORT)
        map_layout = render.page_layout(page, rect, options.margin_mm, portrait=False)
        text_layout = render.page_layout(page, rect, options.margin_mm, portrait=True)
        writer = render.pdf_writer(tmp, title, map_layout)
        area = render.paint_area(text_layout)
        doc = build_document(scene, content, area.width(), area.height() - FOOTER_H)
        total = 1 + doc.pageCount()
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(CANNOT_WRITE_PDF_FILE, path)
        try:
            map_area = render.paint_area(map_layout)
            render.paint_fitted(painter, scene, map_area.adjusted(0, 0, 0, -FOOTER_H), rect)
            footer(painter, map_area.width(), map_area.height(), title, 1, total)
            writer.setPageLayout(text_layout)  # takes effect on the next page
            paint_document(writer, painter, doc, text_layout, title, 2, total)
        finally:
            if not painter.end():
                raise ExportError(CANNOT_WRITE_PDF_FILE, path)
    return Path(path)
