"""Analytics charts: the numbers behind them and matplotlib figures that draw them.

Headless (no Qt): the analytics dock embeds these figures in a canvas, and the
CLI or a script can render them straight to PNG/SVG::

    fig = new_figure()
    render("nps_by_touchpoint", fig, ChartContext(doc, map_id))
    save_figure(fig, "nps.png")

Only ``matplotlib.figure.Figure`` is used, never ``pyplot``: no global state and
no GUI backend is ever selected. The data functions at the top need nothing of
matplotlib and can feed other outputs (tables, JSON).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import ScalarFormatter

from journeymap import locale_format
from journeymap.domain.metrics import NpsSummary, compare_nps, summarise
from journeymap.services.chart_names import CHART_NAMES
from journeymap.services.charts_fit import OPTIONAL, PRIORITY, fit_texts
from journeymap.services.charts_fit import short_text as _short
from journeymap.services.charts_fit import wrap_text as _wrap
from journeymap.services.reporting import StageMetrics, stage_metrics, touchpoint_metrics
from journeymap.storage import Document, DocumentError

# ----------------------------------------------------------------- constants
# Colour-blind-safe blue/orange diverging palette.
PROMOTER = "#1f77b4"  # blue: promoters, positive NPS
DETRACTOR = "#e66101"  # orange: detractors, negative NPS
PASSIVE = "#b3b3b3"  # grey: passives, neutral
INK = "#262626"  # text, sentiment line, error bars
MUTED = "#6b6b6b"  # secondary text, empty states
GRID = "#e3e3e3"
FIX_FIRST = "#fdb863"  # light orange shading of the "fix first" quadrant

TITLE_SIZE = 12
LABEL_SIZE = 10
TICK_SIZE = 9
NOTE_SIZE = 8

MAX_NAMED_FIX_FIRST = 12  # priority matrix of many touchpoints: the fix-first ones named, worst first
HIGH_IMPACT = 4  # impact >= 4 is "high" on the 1-5 scale
LOW_NPS = 0.0  # NPS below 0 (more detractors than promoters) is "low"

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


# --------------------------------------------------------------------- data
@dataclass(frozen=True)
class TouchpointRow:
    """One touchpoint with an effective NPS."""

    id: int
    title: str
    stage: str
    impact: int
    nps: float
    margin: float | None
    summary: NpsSummary
    source: str  # "responses" or "manual"

    @property
    def n(self) -> int:
        return self.summary.n

    @property
    def low(self) -> float:
        """Lower end of the 95 % interval (the NPS itself for a manual value without counts)."""
        interval = self.summary.interval
        return self.nps if interval is None else interval.low

    @property
    def high(self) -> float:
        interval = self.summary.interval
        return self.nps if interval is None else interval.high


@dataclass(frozen=True)
class TrendPoint:
    month: str  # "YYYY-MM"
    summary: NpsSummary

    @property
    def nps(self) -> float | None:
        return self.summary.nps

    @property
    def margin(self) -> float | None:
        return self.summary.margin

    @property
    def low(self) -> float:
        interval = self.summary.interval
        return math.nan if interval is None else interval.low

    @property
    def high(self) -> float:
        interval = self.summary.interval
        return math.nan if interval is None else interval.high

    @property
    def n(self) -> int:
        return self.summary.n


def touchpoint_rows(doc: Document, map_id: int, segment: str | None = None) -> list[TouchpointRow]:
    """Touchpoints that have an NPS, best first (ties keep map order)."""
    stages = {s.id: s.name for s in doc.stages(map_id)}
    touchpoints = doc.touchpoints(map_id)
    metrics = touchpoint_metrics(doc, map_id, segment, touchpoints)
    rows = []
    for tp in touchpoints:
        m = metrics[tp.id]
        if m.nps is None:
            continue
        rows.append(
            TouchpointRow(tp.id, tp.title, stages.get(tp.stage_id, ""), int(tp.impact), float(m.nps),
                          m.margin, m.summary, m.source)
        )
    rows.sort(key=lambda r: -r.nps)
    return rows


def split_rows(doc: Document, map_id: int, segment: str | None = None) -> list[TouchpointRow]:
    """Touchpoints with promoter/passive/detractor counts, best NPS first."""
    return [r for r in touchpoint_rows(doc, map_id, segment) if r.summary.n]


def stage_rows(doc: Document, map_id: int, segment: str | None = None) -> list[StageMetrics]:
    return stage_metrics(doc, map_id, segment)


_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def trend_points(doc: Document, touchpoint_id: int, segment: str | None = None) -> list[TrendPoint]:
    """NPS per calendar month of a touchpoint's dated responses, oldest first.

    Months without answers between the first and last are included with an
    empty summary, so a chart's x axis stays proportional to time.
    """
    if segment:
        history = [(r.date, r.score) for r in doc.responses(touchpoint_id) if r.date and r.segment == segment]
    else:
        history = doc.score_history(touchpoint_id)
    by_month: dict[tuple[int, int], list[int]] = {}
    for when, score in history:
        match = _MONTH.match(str(when).strip())
        if not match:
            continue
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 or not 0 <= score <= 10:
            continue
        by_month.setdefault((year, month), []).append(int(score))
    if not by_month:
        return []
    (y, m), last = min(by_month), max(by_month)
    points = []
    while (y, m) <= last:
        points.append(TrendPoint(f"{y:04d}-{m:02d}", summarise(by_month.get((y, m), []))))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return points


# ------------------------------------------------------------------ context
@dataclass(frozen=True)
class ChartContext:
    """What a chart draws: the document, the map, the segment filter and the selection."""

    doc: Document
    map_id: int | None
    segment: str | None = None
    selected_ids: Sequence[int] = field(default_factory=tuple)
    tr: Translate = _identity
    map_title: str | None = None
    max_rows: int | None = None  # per-touchpoint charts: beyond this, the best and the worst half each
    compare: tuple | None = None  # (services.compare.Side A, Side B) for the comparison chart

    def subtitle(self) -> str:
        parts = []
        title = self.map_title
        if title is None and self.map_id is not None:
            try:
                title = self.doc.get_map(self.map_id).title
            except DocumentError:
                title = ""
        if title:
            parts.append(title)
        tr = self.tr  # a bare tr("...") is what lupdate files with the other chart texts
        parts.append(tr("Segment: {0}").format(self.segment) if self.segment else tr("All respondents"))
        return "  ·  ".join(parts)


def empty_message(tr: Translate = _identity) -> str:
    return tr("No NPS data yet — enter scores in the inspector or import a survey")


# ------------------------------------------------------------------ figures
def new_figure(width: float = 8.0, height: float = 5.0, dpi: float = 100) -> Figure:
    """A figure with constrained (tight) layout, white background, no pyplot."""
    fig = Figure(figsize=(width, height), dpi=dpi, layout="constrained", facecolor="white")
    return fig


def save_figure(fig: Figure, path: str | os.PathLike[str], dpi: float = 150) -> Path:
    """Write *fig* as PNG or SVG (chosen by the suffix; PNG when there is none)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".") or "png"
    if fmt not in ("png", "svg"):
        raise ValueError(f"{path}: charts are saved as .png or .svg, not .{fmt}.")
    if not path.suffix:
        path = path.with_suffix(".png")
    fig.savefig(path, format=fmt, dpi=dpi, facecolor="white")
    return path


def render(name: str, fig: Figure, ctx: ChartContext) -> int:
    """Clear *fig* and draw chart *name*; returns how many rows/items it shows (0: empty state)."""
    fig.touchpoint_rows = None  # (drawn, in all) once a per-touchpoint chart is drawn
    drawers: dict[str, Callable[[Figure, ChartContext], int]] = {
        "nps_by_touchpoint": draw_nps_by_touchpoint,
        "stage_nps_sentiment": draw_stage_nps_sentiment,
        "nps_split": draw_nps_split,
        "nps_trend": draw_nps_trend,
        "priority_matrix": draw_priority_matrix,
    }
    from journeymap.services.voice_charts import DRAWERS

    drawers.update(DRAWERS)
    try:
        drawer = drawers[name]
    except KeyError:
        raise ValueError(f"unknown chart {name!r}; expected one of {', '.join(CHART_NAMES)}") from None
    fig.clear()
    if ctx.map_id is None:
        tr = ctx.tr
        draw_empty(fig, tr("Open or create a map to see its analytics"))
        return 0
    count = drawer(fig, ctx)
    if count:
        fit_texts(fig, legend_size=TICK_SIZE)
    return count


def draw_empty(fig: Figure, message: str, title: str | None = None) -> None:
    fig.clear()
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontsize=TITLE_SIZE, fontweight="bold", color=INK)
    fig.text(0.5, 0.5, message, ha="center", va="center", fontsize=LABEL_SIZE + 1, color=MUTED,
             wrap=True)


def _header(ax, ctx: ChartContext, title: str) -> None:
    # Narrow docks get a wrapped title instead of one cut at the edge (bold glyphs ~0.6 em wide).
    chars = max(12, int(ax.figure.get_figwidth() * 72 / (TITLE_SIZE * 0.62)))
    ax.figure.suptitle(_wrap(title, chars, 2), x=0.01, ha="left", fontsize=TITLE_SIZE, fontweight="bold", color=INK)
    sub_chars = max(16, int(ax.figure.get_figwidth() * 72 / ((NOTE_SIZE + 1) * 0.6)) - 10)
    ax.set_title(_wrap(ctx.subtitle(), sub_chars, 2), loc="left", fontsize=NOTE_SIZE + 1, color=MUTED, pad=8)


def _axes(fig: Figure, title: str, tr, has_data: bool):
    """The chart's styled axes, or None after drawing the empty state."""
    if not has_data:
        draw_empty(fig, empty_message(tr), title)
        return None
    ax = fig.add_subplot()
    _style(ax)
    return ax


class _LocaleFormatter(ScalarFormatter):
    """Matplotlib's tick numbers with the UI language's decimal mark (``0,5`` in Spanish)."""

    def __call__(self, x, pos=None):
        point = locale_format.separators()[0]
        text = super().__call__(x, pos)
        return text.replace(".", point) if point != "." else text


def _style(ax) -> None:
    ax.xaxis.set_major_formatter(_LocaleFormatter(useOffset=False))
    ax.yaxis.set_major_formatter(_LocaleFormatter(useOffset=False))
    ax.tick_params(labelsize=TICK_SIZE, colors=INK, length=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#9a9a9a")
    ax.set_axisbelow(True)


def _n_label(row: TouchpointRow, tr: Translate) -> str:
    if row.source == "manual":
        return tr("n={0}, manual").format(locale_format.integer(row.n)) if row.n else tr("manual")
    return tr("n={0}").format(locale_format.integer(row.n))


def _sign_colour(value: float) -> str:
    return PROMOTER if value >= 0 else DETRACTOR


def _fmt_nps(value: float) -> str:
    return locale_format.signed(value)


# ------------------------------------------------------- 1. NPS by touchpoint
def best_and_worst(fig: Figure, rows: list[TouchpointRow], max_rows: int | None) -> tuple[list[TouchpointRow], int]:
    """With more than *max_rows* rows (best first): the best and the worst half of them each.

    Returns the rows to draw and how many of each end (0: all of them); the figure
    remembers (rows drawn, rows in all) as ``touchpoint_rows``, for a "Show all".
    2,000 touchpoints as bars with labels are unreadable and took matplotlib ~30 s.
    """
    total = len(rows)
    half = 0
    if max_rows and total > max_rows:
        half = max(1, max_rows // 2)
        rows = rows[:half] + rows[-half:]
    fig.touchpoint_rows = (len(rows), total)
    return rows, half


def _mark_gap(ax, half: int) -> None:
    """A dashed line where the touchpoints left out would be (between the best and the worst)."""
    if half:
        ax.axhline(half - 0.5, color=MUTED, linewidth=1.0, linestyle=(0, (4, 3)), zorder=1)


def draw_nps_by_touchpoint(fig: Figure, ctx: ChartContext) -> int:
    tr = ctx.tr
    title = tr("NPS by touchpoint")
    rows = touchpoint_rows(ctx.doc, ctx.map_id, ctx.segment)
    ax = _axes(fig, title, tr, has_data=bool(rows))
    if ax is None:
        return 0
    rows, half = best_and_worst(fig, rows, ctx.max_rows)
    if half:
        title = tr("NPS by touchpoint: best and worst {0} of {1}").format(half, fig.touchpoint_rows[1])
    ys = list(range(len(rows)))
    values = [r.nps for r in rows]
    ax.barh(ys, values, height=0.62, color=[_sign_colour(v) for v in values], zorder=2)
    with_margin = [(y, r) for y, r in zip(ys, rows, strict=True) if r.margin]
    if with_margin:
        # The adjusted-Wald interval is not centred on the NPS (domain.metrics.nps_interval).
        below = [max(0.0, r.nps - r.low) for _, r in with_margin]
        above = [max(0.0, r.high - r.nps) for _, r in with_margin]
        ax.errorbar([r.nps for _, r in with_margin], [y for y, _ in with_margin],
                    xerr=[below, above], fmt="none", ecolor=INK, elinewidth=1,
                    capsize=3, zorder=3)
    for y, r in zip(ys, rows, strict=True):
        reach = max(r.nps, r.high) if r.nps >= 0 else min(r.nps, r.low)
        ax.text(reach + (3 if r.nps >= 0 else -3), y, _fmt_nps(r.nps), va="center",
                ha="left" if r.nps >= 0 else "right", fontsize=TICK_SIZE, color=INK, zorder=4, gid=OPTIONAL)
    narrow = fig.get_figwidth() < 6  # a dock rather than a saved chart: keep room for the bars
    limit = 18 if narrow else 30
    ax.set_yticks(ys, [f"{_short(r.title, limit)}  ({_n_label(r, tr)})" for r in rows])
    ax.invert_yaxis()  # best at the top
    ax.axvline(0, color=INK, linewidth=0.8, zorder=2)
    _mark_gap(ax, half)
    ax.set_xlim(-125, 125)
    ax.set_xticks(range(-100, 101, 100 if narrow else 50))
    ax.xaxis.grid(True, color=GRID, linewidth=0.8)
    ax.set_xlabel(_wrap(tr("NPS (error bars: 95 % margin of error)"), 24 if narrow else 80, 2),
                  fontsize=LABEL_SIZE, color=INK)
    _header(ax, ctx, title)
    return len(rows)


# ------------------------------------------------- 2. NPS and sentiment by stage
def draw_stage_nps_sentiment(fig: Figure, ctx: ChartContext) -> int:
    tr = ctx.tr
    title = tr("NPS and sentiment by stage")
    stages = stage_rows(ctx.doc, ctx.map_id, ctx.segment)
    ax = _axes(fig, title, tr, has_data=any(s.nps is not None or s.sentiment is not None for s in stages))
    if ax is None:
        return 0
    xs = list(range(len(stages)))
    bars = [(x, s.nps) for x, s in zip(xs, stages, strict=True) if s.nps is not None]
    if bars:
        ax.bar([x for x, _ in bars], [v for _, v in bars], width=0.6,
               color=[_sign_colour(v) for _, v in bars], zorder=2)
        for x, v in bars:
            ax.text(x, v + (4 if v >= 0 else -4), _fmt_nps(v), ha="center",
                    va="bottom" if v >= 0 else "top", fontsize=TICK_SIZE, color=INK, zorder=4, gid=OPTIONAL)
    for x, s in zip(xs, stages, strict=True):
        if s.nps is None:
            ax.text(x, 4, tr("no NPS"), ha="center", va="bottom", fontsize=NOTE_SIZE, color=MUTED,
                    style="italic", gid=OPTIONAL)
    ax.axhline(0, color=INK, linewidth=0.8, zorder=2)
    ax.set_ylim(-110, 110)
    ax.set_yticks(range(-100, 101, 50))
    ax.yaxis.grid(True, color=GRID, linewidth=0.8)
    ax.set_ylabel(tr("NPS"), fontsize=LABEL_SIZE, color=INK)
    labels = []
    for s in stages:
        n = s.summary.n
        labels.append(f"{_wrap(s.name)}\n" + tr("n={0}").format(locale_format.integer(n)))
    ax.set_xticks(xs, labels)
    ax.set_xlim(-0.6, len(stages) - 0.4)

    right = ax.twinx()
    right.yaxis.set_major_formatter(_LocaleFormatter(useOffset=False))
    right.spines["top"].set_visible(False)
    right.spines["right"].set_color("#9a9a9a")
    right.tick_params(labelsize=TICK_SIZE, colors=INK, length=3)
    sentiments = [math.nan if s.sentiment is None else s.sentiment for s in stages]
    right.plot(xs, sentiments, color=INK, linewidth=1.8, linestyle="--", marker="D", markersize=6,
               markerfacecolor="white", markeredgewidth=1.6, zorder=5)
    right.set_ylim(-1.1, 1.1)  # same zero as the NPS axis: -110..110 vs -1.1..1.1
    right.set_yticks([-1, -0.5, 0, 0.5, 1])
    right.set_ylabel(tr("Mean sentiment (−1 … +1)"), fontsize=LABEL_SIZE, color=INK)
    ax.set_zorder(right.get_zorder() + 1)  # bars' labels above the grid of the twin
    ax.patch.set_visible(False)
    handles = [
        Patch(color=PROMOTER, label=tr("NPS ≥ 0")),
        Patch(color=DETRACTOR, label=tr("NPS < 0")),
        Line2D([], [], color=INK, linestyle="--", marker="D", markerfacecolor="white",
               label=tr("Mean sentiment")),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=3, frameon=False, fontsize=TICK_SIZE)
    _header(ax, ctx, title)
    return len(stages)


# ------------------------------------------- 3. promoter/passive/detractor split
def draw_nps_split(fig: Figure, ctx: ChartContext) -> int:
    tr = ctx.tr
    title = tr("Promoters, passives, detractors")
    rows = split_rows(ctx.doc, ctx.map_id, ctx.segment)
    ax = _axes(fig, title, tr, has_data=bool(rows))
    if ax is None:
        return 0
    rows, half = best_and_worst(fig, rows, ctx.max_rows)
    if half:
        title = tr("Promoters, passives, detractors: best and worst {0} of {1}").format(half, fig.touchpoint_rows[1])
    ys = list(range(len(rows)))
    parts = (
        (tr("Detractors (0–6)"), DETRACTOR, "white", [r.summary.detractors for r in rows]),
        (tr("Passives (7–8)"), PASSIVE, INK, [r.summary.passives for r in rows]),
        (tr("Promoters (9–10)"), PROMOTER, "white", [r.summary.promoters for r in rows]),
    )
    left = [0.0] * len(rows)
    for label, colour, text_colour, counts in parts:
        widths = [100.0 * c / r.n for c, r in zip(counts, rows, strict=True)]
        ax.barh(ys, widths, left=left, height=0.62, color=colour, label=label, edgecolor="white",
                linewidth=0.6, zorder=2)
        for y, x0, w in zip(ys, left, widths, strict=True):
            if w >= 12:
                ax.text(x0 + w / 2, y, locale_format.percent(w), ha="center", va="center", fontsize=NOTE_SIZE,
                        color=text_colour, zorder=3, gid=OPTIONAL)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(ys, [f"{_short(r.title)}  ({_n_label(r, tr)})" for r in rows])
    ax.invert_yaxis()
    _mark_gap(ax, half)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 25), [locale_format.percent(v) for v in range(0, 101, 25)])
    ax.xaxis.grid(True, color=GRID, linewidth=0.8)
    ax.set_xlabel(tr("Share of answers"), fontsize=LABEL_SIZE, color=INK)
    fig.legend(loc="outside lower center", ncol=3, frameon=False, fontsize=TICK_SIZE)
    _header(ax, ctx, title)
    return len(rows)


# ------------------------------------------------------------- 4. NPS trend
def _month_label(month: str) -> str:
    year, mon = (int(p) for p in month.split("-"))
    return locale_format.month_label(year, mon).replace(" ", "\n")


def trend_touchpoint(ctx: ChartContext) -> int | None:
    """The selected touchpoint of the current map that the trend chart follows."""
    if not ctx.selected_ids or ctx.map_id is None:
        return None
    ids = {tp.id for tp in ctx.doc.touchpoints(ctx.map_id)}
    for tid in ctx.selected_ids:
        if tid in ids:
            return tid
    return None


def draw_nps_trend(fig: Figure, ctx: ChartContext) -> int:
    tr = ctx.tr
    tid = trend_touchpoint(ctx)
    if tid is None:
        draw_empty(fig, tr("Select a touchpoint on the map to see its NPS trend"), tr("NPS trend"))
        return 0
    tp = ctx.doc.touchpoint(tid)
    title = tr("NPS trend — {0}").format(_short(tp.title, 48))
    points = trend_points(ctx.doc, tid, ctx.segment)
    if not points:
        draw_empty(fig, tr("No dated answers for this touchpoint yet — import a survey with a date column"),
                   title)
        return 0
    ax = fig.add_subplot()
    _style(ax)
    xs = list(range(len(points)))
    values = [math.nan if p.nps is None else p.nps for p in points]
    lows = [math.nan if p.nps is None else p.low for p in points]
    highs = [math.nan if p.nps is None else p.high for p in points]
    ax.fill_between(xs, lows, highs, color=PROMOTER, alpha=0.15, linewidth=0, zorder=1,
                    label=tr("95 % margin of error"))
    ax.plot(xs, values, color=PROMOTER, linewidth=2, zorder=3, label=tr("NPS per month"))
    ax.scatter(xs, values, s=36, color=[_sign_colour(v) if not math.isnan(v) else PASSIVE for v in values],
               edgecolor="white", linewidth=1, zorder=4)
    changes = significant_changes(points)
    if changes:
        ax.scatter([xs[i] for i, _up in changes], [values[i] for i, _up in changes], s=150, facecolor="none",
                   edgecolor=INK, linewidth=1.6, zorder=5, label=tr("significant change from the month before"))
        for i, up in changes:
            ax.annotate("\u25b2" if up else "\u25bc", (xs[i], values[i]), xytext=(0, -16 if up else 10),
                        textcoords="offset points", ha="center", fontsize=TICK_SIZE, fontweight="bold",
                        color=PROMOTER if up else DETRACTOR, zorder=6)
    max_ticks = max(4, int(fig.get_figwidth() * 1.3))  # about one month label per 0.75 inch
    step = max(1, math.ceil(len(points) / max_ticks))
    if step == 1:  # every month has a tick: n goes under the month
        n_label = tr("n={0}")
        ticks = [f"{_month_label(p.month)}\n{n_label.format(locale_format.integer(p.n))}" for p in points]
    else:
        ticks = [_month_label(p.month) for p in points[::step]]
        for x, p in zip(xs, points, strict=True):
            if p.n:
                ax.annotate(tr("n={0}").format(locale_format.integer(p.n)), (x, p.nps), xytext=(0, 8),
                            textcoords="offset points",
                            ha="center", fontsize=NOTE_SIZE - 1, color=MUTED, gid=OPTIONAL)
    ax.axhline(0, color=INK, linewidth=0.8, zorder=2)
    ax.set_ylim(-110, 115)
    ax.set_yticks(range(-100, 101, 50))
    ax.yaxis.grid(True, color=GRID, linewidth=0.8)
    ax.set_ylabel(tr("NPS"), fontsize=LABEL_SIZE, color=INK)
    ax.set_xticks(xs[::step], ticks)
    ax.set_xlim(-0.5, len(points) - 0.5)
    fig.legend(loc="outside lower center", ncol=2, frameon=False, fontsize=TICK_SIZE)
    _header(ax, ctx, title)
    return sum(1 for p in points if p.n)


def significant_changes(points: Sequence[TrendPoint]) -> list[tuple[int, bool]]:
    """(index, went up) of the months whose NPS differs significantly from the previous month with answers.

    Adjusted-Wald test of two NPS at 95 % (domain.metrics.compare_nps).
    """
    out: list[tuple[int, bool]] = []
    previous: TrendPoint | None = None
    for i, p in enumerate(points):
        if not p.n:
            continue
        if previous is not None:
            diff = compare_nps(previous.summary, p.summary)
            if diff.significant and diff.delta is not None:
                out.append((i, diff.delta > 0))
        previous = p
    return out


# --------------------------------------------------------- 5. priority matrix
def priority_quadrant(impact: int, nps: float) -> str:
    """'fix_first', 'protect', 'maintain' or 'monitor'."""
    high = impact >= HIGH_IMPACT
    if nps < LOW_NPS:
        return "fix_first" if high else "monitor"
    return "protect" if high else "maintain"


def _spread(values: list[float], gap: float) -> list[float]:
    """Shift sorted label positions up so neighbours are at least *gap* apart."""
    out: list[float] = []
    for v in values:
        out.append(max(v, out[-1] + gap) if out else v)
    return out


# Touchpoints without an NPS sit in a band under the matrix, one row per sensation.
UNSCORED_Y = {"negative": -150.0, "neutral": -170.0, "positive": -190.0}
UNSCORED_BOTTOM = -205.0


def unscored_rows(doc: Document, map_id: int, segment: str | None = None) -> list[tuple[str, int, str]]:
    """(title, impact, sensation) of the touchpoints that have no NPS yet, in map order."""
    touchpoints = doc.touchpoints(map_id)
    metrics = touchpoint_metrics(doc, map_id, segment, touchpoints)
    return [(tp.title, int(tp.impact), str(tp.sensation)) for tp in touchpoints if metrics[tp.id].nps is None]


def draw_priority_matrix(fig: Figure, ctx: ChartContext) -> int:
    tr = ctx.tr
    title = tr("Priority matrix: impact against NPS")
    rows = touchpoint_rows(ctx.doc, ctx.map_id, ctx.segment)
    unscored = unscored_rows(ctx.doc, ctx.map_id, ctx.segment)
    ax = _axes(fig, title, tr, has_data=bool(rows or unscored))
    if ax is None:
        return 0
    # NPS lives in -100..100; the bands above and below hold the quadrant names, so no
    # point or label can ever sit on them. Below those, a band for touchpoints without NPS.
    x0, x1, y1 = 0.4, 5.6, 122.0
    y0 = -128.0
    bottom = UNSCORED_BOTTOM if unscored else y0
    x_split = HIGH_IMPACT - 0.5
    ax.add_patch(Rectangle((x_split, y0), x1 - x_split, LOW_NPS - y0, facecolor=FIX_FIRST,
                           alpha=0.28, edgecolor="none", zorder=0, label=tr("Fix first")))
    ax.axvline(x_split, color="#8c8c8c", linewidth=1, linestyle="--", zorder=1)
    ax.axhline(LOW_NPS, color="#8c8c8c", linewidth=1, linestyle="--", zorder=1)
    for y in (-100, 100):
        ax.axhline(y, color=GRID, linewidth=0.8, zorder=0)
    ax.text((x_split + x1) / 2, y0 + 4, tr("FIX FIRST"), ha="center", va="bottom", fontsize=LABEL_SIZE,
            fontweight="bold", color="#a63603", zorder=2)
    ax.text((x0 + x_split) / 2, y0 + 4, tr("Improve when possible"), ha="center", va="bottom",
            fontsize=TICK_SIZE, color=MUTED, zorder=2)
    ax.text((x0 + x_split) / 2, y1 - 4, tr("Maintain"), ha="center", va="top", fontsize=TICK_SIZE,
            color=MUTED, zorder=2)
    ax.text((x_split + x1) / 2, y1 - 4, tr("Protect strengths"), ha="center", va="top", fontsize=TICK_SIZE,
            color=MUTED, zorder=2)

    # Spread touchpoints that share an impact value so their markers do not hide each other.
    # With many touchpoints, name only those that need attention: the fix-first ones
    # and the lowest scores; the rest are dots (labels would cover each other).
    # At most MAX_NAMED_FIX_FIRST of those, the worst first: a 2,000-card map named hundreds, which
    # covered each other and took fit_texts ~20 s to sort out (issue 21).
    lowest = {id(r) for r in sorted(rows, key=lambda r: r.nps)[:6]}
    fix_first = sorted((r for r in rows if priority_quadrant(r.impact, r.nps) == "fix_first"),
                       key=lambda r: (r.nps, -r.impact))
    urgent = {id(r) for r in fix_first[:MAX_NAMED_FIX_FIRST]}
    labelled = [r for r in rows if len(rows) <= 12 or id(r) in lowest or id(r) in urgent]
    labelled_ids = {id(r) for r in labelled}
    groups: dict[int, list[TouchpointRow]] = {}
    for r in rows:
        groups.setdefault(min(5, max(1, r.impact)), []).append(r)
    for impact, members in sorted(groups.items()):
        members.sort(key=lambda r: r.nps)
        k = len(members)
        width = min(0.5, 0.14 * (k - 1))
        xs = [impact + (width * (i / (k - 1) - 0.5) if k > 1 else 0.0) for i in range(k)]
        colours = [DETRACTOR if priority_quadrant(impact, r.nps) == "fix_first" else PROMOTER
                   for r in members]
        ax.scatter(xs, [r.nps for r in members], s=64, c=colours, edgecolor="white", linewidth=1.2,
                   zorder=4)
        # Labels to the right (left in the last column), nudged apart vertically.
        named = [(x, r) for x, r in zip(xs, members, strict=True) if id(r) in labelled_ids]
        label_ys = _spread([r.nps for _x, r in named], 9.0)
        shift = max(0.0, label_ys[-1] - 104) if label_ys else 0.0  # keep clear of the top band
        left = impact == 5
        for (x, r), ly in zip(named, label_ys, strict=True):
            ly -= shift
            ax.annotate(
                _short(r.title, 20), (x, r.nps),
                xytext=(x - 0.09 if left else x + 0.09, ly), textcoords="data",
                ha="right" if left else "left", va="center", fontsize=NOTE_SIZE, color=INK, zorder=5,
                gid=PRIORITY if priority_quadrant(impact, r.nps) == "fix_first" else OPTIONAL,
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.7),
                arrowprops=dict(arrowstyle="-", color="#9a9a9a", linewidth=0.6) if abs(ly - r.nps) > 2 else None,
            )
    yticks, ylabels = list(range(-100, 101, 50)), [str(v).replace("-", "\N{MINUS SIGN}") for v in range(-100, 101, 50)]
    if unscored:
        _draw_unscored(ax, unscored, x0, x1, x_split, y0, tr)
        yticks = [UNSCORED_Y["positive"], UNSCORED_Y["neutral"], UNSCORED_Y["negative"], *yticks]
        ylabels = [tr("positive"), tr("neutral"), tr("negative"), *ylabels]
    data_impact = _impact_from_data(ax, ctx, rows)
    ax.set_xlim(x0, x1)
    ax.set_ylim(bottom, y1)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(yticks, ylabels)
    ax.grid(True, color=GRID, linewidth=0.6)
    ax.set_xlabel(tr("Impact (1 = low, 5 = high)"), fontsize=LABEL_SIZE, color=INK)
    ax.set_ylabel(tr("NPS"), fontsize=LABEL_SIZE, color=INK)
    handles = [
        *([Line2D([], [], marker="o", linestyle="none", markerfacecolor="none", markeredgecolor=INK,
                  label=tr("impact from data (correlation with the overall NPS)"))] if data_impact else []),
        Patch(facecolor=FIX_FIRST, alpha=0.6, label=tr("Fix first: impact ≥ {0} and NPS < {1}").format(
            HIGH_IMPACT, locale_format.signed(LOW_NPS))),
    ]
    fig.legend(handles=handles, loc="outside lower center", frameon=False, fontsize=TICK_SIZE)
    _header(ax, ctx, title)
    return len(rows) + len(unscored)


def _impact_from_data(ax, ctx: ChartContext, rows: list[TouchpointRow]) -> int:
    """Hollow rings at the impact the survey data gives (domain.drivers), joined to the consultant's point."""
    from journeymap.domain.drivers import rank_drivers
    from journeymap.storage.drivers_sql import overall_pairs

    drivers = {d.touchpoint_id: d for d in rank_drivers(overall_pairs(ctx.doc, ctx.map_id, ctx.segment))}
    shown = 0
    for r in rows:
        d = drivers.get(r.id)
        if d is None:
            continue
        ax.plot([r.impact, d.impact], [r.nps, r.nps], color="#9a9a9a", linewidth=0.8, zorder=3)
        ax.scatter([d.impact], [r.nps], s=70, facecolor="none", edgecolor=INK, linewidth=1.2, zorder=4)
        shown += 1
    return shown


def _draw_unscored(ax, unscored: list[tuple[str, int, str]], x0: float, x1: float, x_split: float, y0: float,
                   tr: Translate) -> None:
    """The band of touchpoints without NPS: placed by impact and by the consultant's sensation."""
    ax.add_patch(Rectangle((x0, UNSCORED_BOTTOM), x1 - x0, y0 - UNSCORED_BOTTOM - 6, facecolor="#f4f4f4",
                           edgecolor="none", zorder=0))
    ax.add_patch(Rectangle((x_split, UNSCORED_Y["negative"] - 9), x1 - x_split, 18, facecolor=FIX_FIRST,
                           alpha=0.28, edgecolor="none", zorder=0))
    ax.axhline(y0 - 3, color="#8c8c8c", linewidth=1, zorder=1)
    ax.text(x0 + 0.05, y0 - 9, tr("No NPS yet: by sensation"), ha="left", va="top", fontsize=NOTE_SIZE,
            color=MUTED, zorder=2)
    cells: dict[tuple[int, str], list[str]] = {}
    for title, impact, sensation in unscored:
        cells.setdefault((min(5, max(1, impact)), sensation), []).append(title)
    for (impact, sensation), titles in cells.items():
        k = len(titles)
        width = min(0.5, 0.14 * (k - 1))
        xs = [impact + (width * (i / (k - 1) - 0.5) if k > 1 else 0.0) for i in range(k)]
        y = UNSCORED_Y.get(sensation, UNSCORED_Y["neutral"])
        colour = DETRACTOR if sensation == "negative" and impact >= HIGH_IMPACT else PASSIVE
        ax.scatter(xs, [y] * k, s=46, marker="D", c=colour, edgecolor="white", linewidth=1, zorder=4)
        if k <= 2 and colour == DETRACTOR:
            for x, title in zip(xs, titles, strict=True):
                ax.annotate(_short(title, 18), (x, y), xytext=(x + 0.09, y + 6), ha="left", va="center",
                            fontsize=NOTE_SIZE, color=INK, zorder=5)


def height_hint(name: str, items: int) -> float:
    """A figure height in inches that keeps *items* rows of chart *name* readable."""
    if name in ("nps_by_touchpoint", "nps_split"):
        return max(3.5, 1.6 + 0.32 * items)
    return 4.5
