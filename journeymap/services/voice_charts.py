"""Charts of the voice of the customer: the comparison of two sides and the drivers of the overall NPS.

Drawn like the other analytics charts (services.charts: the same helpers,
colours and empty states); ``charts.render`` looks them up here.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from journeymap.domain.drivers import MIN_PAIRS, rank_drivers
from journeymap.services import charts
from journeymap.services.compare import compare
from journeymap.storage.drivers_sql import overall_pairs


def draw_compare(fig: Figure, ctx: charts.ChartContext) -> int:
    """B − A per touchpoint (bars), solid when significant at 95 %, hatched and pale when not."""
    tr = ctx.tr
    title = tr("Comparison: B minus A")
    sides = ctx.compare
    if sides is None:
        charts.draw_empty(fig, tr("Choose two segments or periods in View ▸ Overlays ▸ Compare"), title)
        return 0
    rows = [r for r in compare(ctx.doc, ctx.map_id, *sides) if r.kind == "touchpoint" and r.a.n and r.b.n]
    ax = charts._axes(fig, title, tr, has_data=bool(rows))  # noqa: SLF001 - the charts' shared helper
    if ax is None:
        return 0
    rows.sort(key=lambda r: -(r.difference.delta or 0))
    ys = list(range(len(rows)))
    for y, r in zip(ys, rows, strict=True):
        diff = r.difference
        delta = diff.delta or 0.0
        colour = charts.PROMOTER if delta > 0 else charts.DETRACTOR
        ax.barh(y, delta, height=0.62, color=colour, alpha=1.0 if diff.significant else 0.35,
                hatch=None if diff.significant else "///", edgecolor=colour, zorder=2)
        ax.text(delta + (3 if delta >= 0 else -3), y, ("\u25b2 " if delta > 0 else "\u25bc " if delta < 0 else "")
                + charts._fmt_nps(delta), va="center", ha="left" if delta >= 0 else "right",  # noqa: SLF001
                fontsize=charts.TICK_SIZE, color=charts.INK,
                fontweight="bold" if diff.significant else "normal", zorder=4)
    ax.set_yticks(ys, [f"{charts._short(r.title, 24)}  (n={r.a.n}/{r.b.n})" for r in rows])  # noqa: SLF001
    ax.invert_yaxis()
    ax.axvline(0, color=charts.INK, linewidth=0.8, zorder=3)
    ax.set_xlim(-210, 210)
    ax.set_xticks(range(-200, 201, 100))  # the locator's own would include ±300, outside the axes
    ax.xaxis.grid(True, color=charts.GRID, linewidth=0.8)
    a, b = sides
    narrow = fig.get_figwidth() < 6  # the dock rather than a saved chart
    label = tr("NPS of B ({1}) minus A ({0}); bold and solid: significant at 95 % (adjusted Wald)")
    ax.set_xlabel(charts._wrap(label.format(a.label, b.label), 30 if narrow else 70, 3),  # noqa: SLF001
                  fontsize=charts.LABEL_SIZE, color=charts.INK)
    charts._header(ax, ctx, title)  # noqa: SLF001
    return len(rows)


def draw_drivers(fig: Figure, ctx: charts.ChartContext) -> int:
    """Touchpoints ranked by the correlation of their score with the overall NPS question."""
    tr = ctx.tr
    title = tr("What drives the overall NPS")
    drivers = rank_drivers(overall_pairs(ctx.doc, ctx.map_id, ctx.segment))
    if not drivers:
        charts.draw_empty(fig, tr("Needs a survey with the overall NPS question and at least {0} answers per "
                                  "touchpoint").format(MIN_PAIRS), title)
        return 0
    ax = fig.add_subplot()
    charts._style(ax)  # noqa: SLF001
    titles = {tp.id: tp.title for tp in ctx.doc.touchpoints(ctx.map_id)}
    ys = list(range(len(drivers)))
    ax.barh(ys, [d.r for d in drivers], height=0.62, color=[charts.PROMOTER if d.r > 0 else charts.PASSIVE
                                                            for d in drivers], zorder=2)
    ax.errorbar([d.r for d in drivers], ys, xerr=[[max(0.0, d.r - d.low) for d in drivers],
                                                     [max(0.0, d.high - d.r) for d in drivers]],
                fmt="none", ecolor=charts.INK, elinewidth=1, capsize=3, zorder=3)
    ax.set_yticks(ys, [f"{charts._short(titles.get(d.touchpoint_id, '?'), 24)}  (n={d.n})"  # noqa: SLF001
                       for d in drivers])
    ax.invert_yaxis()
    ax.axvline(0, color=charts.INK, linewidth=0.8)
    ax.set_xlim(-1, 1)
    ax.xaxis.grid(True, color=charts.GRID, linewidth=0.8)
    narrow = fig.get_figwidth() < 6  # the dock rather than a saved chart
    ax.set_xlabel(charts._wrap(tr("Correlation with the overall NPS score (Pearson r, 95 % interval)"),  # noqa: SLF001
                               30 if narrow else 70, 3), fontsize=charts.LABEL_SIZE, color=charts.INK)
    charts._header(ax, ctx, title)  # noqa: SLF001
    return len(drivers)


DRAWERS = {"compare": draw_compare, "drivers": draw_drivers}
