"""The deck's NPS-by-touchpoint and priority-matrix charts as native PowerPoint charts.

python-pptx's ``add_chart`` writes a chart part with its data in an embedded
workbook: PowerPoint draws it crisp at any size, and the client's team can
restyle it or change its numbers (Edit Data) like any chart they made
themselves. The numbers and names are the analytics charts' own
(``services.charts``): the same rows, the same best-and-worst cut beyond
``MAX_ROWS``, the same quadrants (impact >= ``HIGH_IMPACT`` and NPS <
``LOW_NPS`` is "fix first") and the same impact from data (``domain.drivers``).
"""

from __future__ import annotations

from collections.abc import Callable

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.chart import XL_TICK_LABEL_POSITION as TICKS
from pptx.util import Inches, Pt

from journeymap import locale_format
from journeymap.services import charts
from journeymap.services import deck_layout as L

MAX_ROWS = 20  # bars on a slide: the best and the worst ten beyond this
MAX_LABELS = 12  # named points of the matrix: all up to this, then the fix-first ones and the six lowest
INK = RGBColor(0x1F, 0x29, 0x33)
MUTED = RGBColor(0x5F, 0x6B, 0x7A)
GRID = RGBColor(0xD9, 0xDE, 0xE4)
PROMOTER = RGBColor.from_string(charts.PROMOTER.lstrip("#").upper())
DETRACTOR = RGBColor.from_string(charts.DETRACTOR.lstrip("#").upper())

Translate = Callable[[str], str]


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _style_text(font, size: float, colour: RGBColor = INK, bold: bool = False) -> None:
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = colour


def _title(chart, text: str) -> None:
    chart.has_title = True
    frame = chart.chart_title.text_frame
    frame.text = text
    _style_text(frame.paragraphs[0].runs[0].font, 14, INK, True)


def _axis_title(axis, text: str) -> None:
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = text
    _style_text(frame.paragraphs[0].runs[0].font, 11, MUTED)


def _value_axis(axis, low: float, high: float, unit: float) -> None:
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = low, high, unit
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = GRID
    axis.tick_labels.number_format = '+0;"\N{MINUS SIGN}"0;0'
    axis.tick_labels.number_format_is_linked = False
    _style_text(axis.tick_labels.font, 10, MUTED)


def nps_rows(rows: list[charts.TouchpointRow], tr: Translate) -> tuple[list[charts.TouchpointRow], str]:
    """The rows a slide shows (best and worst beyond ``MAX_ROWS``) and the chart's title."""
    if len(rows) <= MAX_ROWS:
        return rows, tr("NPS by touchpoint")
    half = MAX_ROWS // 2
    return rows[:half] + rows[-half:], tr("NPS by touchpoint: best and worst {0} of {1}").format(half, len(rows))


def add_nps_chart(slide, box: L.Box, rows: list[charts.TouchpointRow], tr: Translate):
    """Horizontal bars, best at the top, blue at or above zero and orange below, each with its value."""
    shown, title = nps_rows(rows, tr)
    data = CategoryChartData(number_format='+0.0;"\N{MINUS SIGN}"0.0;0.0')
    data.categories = [f"{_short(r.title, 30)}  ({charts._n_label(r, tr)})" for r in shown]  # noqa: SLF001
    data.add_series(tr("NPS"), [round(r.nps, 1) for r in shown])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(box.x), Inches(box.y), Inches(box.w),
                                   Inches(box.h), data)
    chart = frame.chart
    _title(chart, title)
    chart.has_legend = False
    plot = chart.plots[0]
    plot.gap_width = 45
    plot.vary_by_categories = False
    series = plot.series[0]
    series.invert_if_negative = False
    for i, r in enumerate(shown):
        fill = series.points[i].format.fill
        fill.solid()
        fill.fore_color.rgb = PROMOTER if r.nps >= charts.LOW_NPS else DETRACTOR
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = '+0;"\N{MINUS SIGN}"0;0'
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    _style_text(labels.font, 10, INK)
    categories = chart.category_axis
    categories.reverse_order = True  # best first, at the top, as in the analytics chart
    categories.tick_label_position = TICKS.LOW  # names left of the plot, also beside negative bars
    categories.format.line.color.rgb = GRID
    _style_text(categories.tick_labels.font, 10, INK)
    # -150..150: the value labels of bars near -100 or +100 stay inside the plot.
    _value_axis(chart.value_axis, -150, 150, 50)
    _axis_title(chart.value_axis, tr("NPS"))
    return frame


def _spread_x(rows: list[charts.TouchpointRow]) -> dict[int, float]:
    """Touchpoints sharing an impact value side by side (as the analytics chart spreads them)."""
    groups: dict[int, list[charts.TouchpointRow]] = {}
    for r in rows:
        groups.setdefault(min(5, max(1, r.impact)), []).append(r)
    out: dict[int, float] = {}
    for impact, members in groups.items():
        members.sort(key=lambda r: r.nps)
        k = len(members)
        width = min(0.5, 0.14 * (k - 1))
        for i, r in enumerate(members):
            out[r.id] = impact + (width * (i / (k - 1) - 0.5) if k > 1 else 0.0)
    return out


class _LabelPlacer:
    """Picks a side (right, left, below, above) for each point's name where it covers no name placed before.

    Sizes are estimated in the chart's units (impact 0-6 across, NPS -100..100 up) from the chart's size
    in inches and 9-point text: close points (three queues at -93, -94, -95) get different sides.
    """

    SIDES = (XL_LABEL_POSITION.RIGHT, XL_LABEL_POSITION.LEFT, XL_LABEL_POSITION.BELOW, XL_LABEL_POSITION.ABOVE)

    def __init__(self, box: L.Box):
        self.unit_x = max(1e-3, box.w * 0.85 / 6)  # inches per impact step
        self.unit_y = max(1e-4, box.h * 0.62 / 200)  # inches per NPS point
        self.taken: list[tuple[float, float, float, float]] = []

    def _rect(self, side, x: float, y: float, text: str) -> tuple[float, float, float, float]:
        w, h, gap = len(text) * 0.068 / self.unit_x, 0.17 / self.unit_y, 0.1
        if side == XL_LABEL_POSITION.RIGHT:
            return x + gap, x + gap + w, y - h / 2, y + h / 2
        if side == XL_LABEL_POSITION.LEFT:
            return x - gap - w, x - gap, y - h / 2, y + h / 2
        if side == XL_LABEL_POSITION.BELOW:
            return x - w / 2, x + w / 2, y - 1.6 * h, y - 0.6 * h
        return x - w / 2, x + w / 2, y + 0.6 * h, y + 1.6 * h

    def place(self, x: float, y: float, text: str):
        sides = self.SIDES if x <= 4.6 else (self.SIDES[1], self.SIDES[0], *self.SIDES[2:])
        for side in sides:
            r = self._rect(side, x, y, text)
            if r[0] < 0 or r[1] > 6 or r[2] < -115 or r[3] > 115:  # the plot's edge, with the axis labels' margin
                continue
            if all(r[1] <= t[0] or r[0] >= t[1] or r[3] <= t[2] or r[2] >= t[3] for t in self.taken):
                self.taken.append(r)
                return side
        return None


def add_priority_chart(slide, box: L.Box, rows: list[charts.TouchpointRow], drivers: dict[int, int],
                       tr: Translate):
    """Impact (x) against NPS (y), the axes crossing at the quadrant lines; fix-first points orange.

    *drivers*: touchpoint id -> impact from data; those touchpoints get a hollow ring there too.
    """
    xs = _spread_x(rows)
    fix = [r for r in rows if charts.priority_quadrant(r.impact, r.nps) == "fix_first"]
    other = [r for r in rows if r not in fix]
    lowest = {r.id for r in sorted(rows, key=lambda r: r.nps)[:6]}
    named = {r.id for r in rows if len(rows) <= MAX_LABELS or r.id in lowest or r in fix}
    fix_name = tr("Fix first: impact ≥ {0} and NPS < {1}").format(charts.HIGH_IMPACT,
                                                                 locale_format.signed(charts.LOW_NPS))
    # (name, [(x, y, row or None)], colour; None: hollow rings of the impact from data)
    groups: list[tuple[str, list[tuple[float, float, charts.TouchpointRow | None]], RGBColor | None]] = [
        (fix_name, [(xs[r.id], round(r.nps, 1), r) for r in fix], DETRACTOR),
        (tr("Other touchpoints"), [(xs[r.id], round(r.nps, 1), r) for r in other], PROMOTER),
        (tr("impact from data (correlation with the overall NPS)"),
         [(float(drivers[r.id]), round(r.nps, 1), None) for r in rows if r.id in drivers], None),
    ]
    # Longest series first: LibreOffice draws no point of an XY series that comes before a longer one.
    groups = sorted((g for g in groups if g[1]), key=lambda g: -len(g[1]))
    data = XyChartData()
    for name, points, _colour in groups:
        series = data.add_series(name)
        for x, y, _row in points:
            series.add_data_point(x, y)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, Inches(box.x), Inches(box.y), Inches(box.w),
                                   Inches(box.h), data)
    chart = frame.chart
    _title(chart, tr("Priority matrix: impact against NPS"))
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    _style_text(chart.legend.font, 10, INK)
    placer = _LabelPlacer(box)
    for series, (_name, points, colour) in zip(chart.plots[0].series, groups, strict=True):
        series.format.line.fill.background()  # points, no lines between them
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        if colour is None:
            series.marker.size = 11
            series.marker.format.fill.background()
            series.marker.format.line.color.rgb = INK
            continue
        series.marker.size = 9
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = colour
        series.marker.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        for i, (x, y, r) in enumerate(points):
            if r is None or r.id not in named:
                continue
            text = _short(r.title, 22)
            position = placer.place(x, y, text)
            if position is None:
                continue  # no free side: the point stays, unnamed (the bar chart names every touchpoint)
            label = series.points[i].data_label
            label.has_text_frame = True
            label.text_frame.text = text
            _style_text(label.text_frame.paragraphs[0].runs[0].font, 9, INK)
            label.position = position
    x_axis, y_axis = chart.category_axis, chart.value_axis
    # Ticks start at the minimum: 0..6 puts them on the impact values; 0 and 6 are not shown.
    x_axis.minimum_scale, x_axis.maximum_scale, x_axis.major_unit = 0, 6, 1
    x_axis.tick_labels.number_format, x_axis.tick_labels.number_format_is_linked = '[=0]"";[=6]"";0', False
    _style_text(x_axis.tick_labels.font, 10, MUTED)
    _axis_title(x_axis, tr("Impact (1 = low, 5 = high)"))
    _value_axis(y_axis, -100, 100, 50)
    _axis_title(y_axis, tr("NPS"))
    # The axes cross at the quadrant lines; their numbers stay at the plot's edges.
    x_axis.crosses_at = charts.HIGH_IMPACT - 0.5  # where the NPS axis crosses the impact axis
    y_axis.crosses_at = charts.LOW_NPS
    x_axis.tick_label_position = y_axis.tick_label_position = TICKS.LOW
    for axis in (x_axis, y_axis):
        axis.format.line.color.rgb = MUTED
        axis.format.line.dash_style = 4  # MSO_LINE_DASH_STYLE.DASH
    return frame


def charts_slide(w, content, scene, tr: Callable[..., str], chart_text: Translate) -> None:
    """'NPS by touchpoint and priorities': the two native charts side by side, when any card has an NPS."""
    if not any(card.metrics.nps is not None for stage in content.stages for card in stage.cards):
        return
    from journeymap.domain.drivers import rank_drivers
    from journeymap.storage.drivers_sql import overall_pairs

    session = scene.session
    wanted = {card.touchpoint.id for stage in content.stages for card in stage.cards}
    rows = [r for r in charts.touchpoint_rows(session.document, session.map_id, session.segment) if r.id in wanted]
    drivers = {d.touchpoint_id: d.impact
               for d in rank_drivers(overall_pairs(session.document, session.map_id, session.segment))}
    slide = w.slide(tr("NPS by touchpoint and priorities"))
    half = (L.SLIDE_W - 2 * L.MARGIN_X - 0.3) / 2
    height = L.SLIDE_H - 1.35
    add_nps_chart(slide, L.Box(L.MARGIN_X, 1.1, half, height), rows, chart_text)
    unscored = [u for u in charts.unscored_rows(session.document, session.map_id, session.segment)
                if u[0] in {card.touchpoint.title for stage in content.stages for card in stage.cards}]
    note = unscored_note(unscored, chart_text)
    matrix_h = height - (0.55 if note else 0.0)
    add_priority_chart(slide, L.Box(L.MARGIN_X + half + 0.3, 1.1, half, matrix_h), rows, drivers, chart_text)
    if note:  # a fresh card has no NPS yet: named under the matrix, the ones to look at first
        w.textbox(slide.shapes, L.Box(L.MARGIN_X + half + 0.3, 1.1 + matrix_h + 0.05, half, 0.5), [note],
                  size=10, colour=MUTED, margins=0)


UNSCORED_SHOWN = 4


def unscored_note(unscored: list[tuple[str, int, str]], tr: Translate) -> str:
    """'No NPS yet: A (impact 5, negative), ... and N more', the highest impact and most negative first."""
    if not unscored:
        return ""
    rank = {"negative": 0, "neutral": 1, "positive": 2}
    ordered = sorted(unscored, key=lambda u: (-u[1], rank.get(u[2], 1)))
    names = {"negative": tr("negative"), "neutral": tr("neutral"), "positive": tr("positive")}
    parts = [tr("{0} (impact {1}, {2})").format(_short(title, 28), impact, names.get(sensation, sensation))
             for title, impact, sensation in ordered[:UNSCORED_SHOWN]]
    text = tr("No NPS yet: {0}").format(", ".join(parts))
    if len(ordered) > UNSCORED_SHOWN:
        text += " " + tr("and {0} more").format(len(ordered) - UNSCORED_SHOWN)
    return text
