"""The analytics charts, by name, in the order the analytics panel lists them.

Apart from :mod:`journeymap.services.charts` so that listing them does not
import matplotlib (the panel is built at start-up; matplotlib loads with the
first chart drawn).
"""

CHART_NAMES: tuple[str, ...] = (
    "nps_by_touchpoint",
    "stage_nps_sentiment",
    "nps_split",
    "nps_trend",
    "priority_matrix",
    "compare",
    "drivers",
)
