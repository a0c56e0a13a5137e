"""Make a chart's texts fit whatever its size (dock, own window, slide, report).

X tick labels that would touch are thinned or turned, a subtitle too wide is
wrapped, a legend too wide gets fewer columns, and the texts a chart marks as
optional (values on bars, point names) are left out where they would overlap
another text or stick out of the figure. Headless: matplotlib's Figure only.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

# Texts that may be left out where they would overlap others (values on bars, point names):
# PRIORITY ones are kept first (their gid, set by the draw_* functions of journeymap.services.charts).
OPTIONAL = "optional"
PRIORITY = "optional-priority"


def short_text(text: str, limit: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap_text(text: str, width: int = 12, lines: int = 2) -> str:
    """Break *text* on spaces into at most *lines* lines of about *width* characters."""
    wrapped = textwrap.wrap(" ".join(str(text).split()), width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[: lines - 1] + [short_text(" ".join(wrapped[lines - 1:]), width)]
    return "\n".join(wrapped)



def _boxes_overlap(a, b, slack: float = 0.5) -> bool:
    return a.x0 + slack < b.x1 and b.x0 + slack < a.x1 and a.y0 + slack < b.y1 and b.y0 + slack < a.y1


def drawn_texts(fig: Figure) -> list:
    """The figure's texts that are drawn: visible, not empty, and not on a hidden axis (a twin's x axis)."""
    from matplotlib.text import Text

    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.get_visible():
                hidden.update(id(t) for t in axis.get_ticklabels(which="both"))
                hidden.add(id(axis.label))
    return [t for t in fig.findobj(Text)
            if t.get_visible() and t.get_text().strip() and id(t) not in hidden and t.figure is fig]


def _fit_x_ticks(fig: Figure) -> None:
    """X tick labels that would touch: names are turned upright (then shortened), numbers thinned."""
    for ax in fig.axes:
        if not ax.xaxis.get_visible():
            continue
        for _attempt in range(4):
            labels = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
            boxes = [t.get_window_extent() for t in labels]
            if not any(_boxes_overlap(a, b, -1.0) for a, b in zip(boxes, boxes[1:])):
                break
            texts = [t.get_text() for t in ax.get_xticklabels()]
            names = any(c.isalpha() for text in texts for c in text)
            if names and labels[0].get_rotation() == 0:
                # Upright: a turned label's box stays one line wide, so neighbours never touch.
                ax.set_xticks(ax.get_xticks(), [" ".join(text.split()) for text in texts], rotation=90,
                              ha="center")
            elif names and _attempt == 1:  # still touching when turned: shorter names
                ax.set_xticks(ax.get_xticks(), [short_text(text, 18) for text in texts], rotation=90, ha="center")
            else:
                ticks = list(ax.get_xticks())
                ax.set_xticks(ticks[::2], texts[::2], rotation=labels[0].get_rotation(),
                              ha=labels[0].get_horizontalalignment())
            fig.draw_without_rendering()


def _fit_titles(fig: Figure) -> None:
    """An axes title (the chart's subtitle) wider than the figure is wrapped to the room it has."""
    width = fig.bbox.width
    for ax in fig.axes:
        title = ax.title if ax.get_title() else None
        for loc in ("left", "center", "right"):
            text = ax.get_title(loc=loc)
            if not text:
                continue
            artist = {"left": ax._left_title, "center": ax.title, "right": ax._right_title}[loc]
            box = artist.get_window_extent()
            if box.x1 > width:
                em = artist.get_fontsize() * fig.dpi / 72.0 * 0.6
                chars = max(10, int((width - max(box.x0, 0)) / em) - 1)
                ax.set_title(wrap_text(text.replace("\n", " "), chars, 3), loc=loc, fontsize=artist.get_fontsize(),
                             color=artist.get_color(), pad=8)
                fig.draw_without_rendering()
        del title


def fit_texts(fig: Figure, legend_size: float = 9) -> None:
    """Make a chart's texts fit whatever its size (dock, own window, slide, report).

    X tick labels that would touch are thinned or turned; a subtitle too wide is
    wrapped; then values and point names that would overlap another text or
    stick out of the figure are left out (bars and points stay).
    """
    fig.draw_without_rendering()
    _fit_titles(fig)
    _fit_x_ticks(fig)
    for legend in list(fig.legends):  # a legend wider than the figure: fewer columns, more rows
        columns = getattr(legend, "_ncols", 1)
        box = legend.get_window_extent()
        while columns > 1 and (box.x1 > fig.bbox.width or box.x0 < 0):
            columns -= 1
            handles, labels = legend.legend_handles, [t.get_text() for t in legend.get_texts()]
            legend.remove()
            # Every chart's legend sits outside, under the axes (see the draw_* functions).
            legend = fig.legend(handles=handles, labels=labels, loc="outside lower center", ncol=columns,
                                frameon=False, fontsize=legend_size)
            fig.draw_without_rendering()
            box = legend.get_window_extent()
    width, height = fig.bbox.width, fig.bbox.height
    texts = drawn_texts(fig)
    fixed = [t for t in texts if t.get_gid() not in (OPTIONAL, PRIORITY)]
    optional = sorted((t for t in texts if t.get_gid() in (OPTIONAL, PRIORITY)), key=lambda t: t.get_gid() != PRIORITY)
    kept = [t.get_window_extent() for t in fixed]
    for t in optional:
        box = t.get_window_extent()
        outside = box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height
        if outside or any(_boxes_overlap(box, other) for other in kept):
            t.set_visible(False)
            arrow = getattr(t, "arrow_patch", None)
            if arrow is not None:
                arrow.set_visible(False)
        else:
            kept.append(box)
