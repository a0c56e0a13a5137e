"""Timestamps are parsed by their date and time parts, remembered: the result is always the full parse's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymap.services.survey_values import _date_parser, date_parser

DATES = st.sampled_from(["3/14/2026", "14/3/2026", "2026-03-14", "2026/3/4", "31/2/2026", "2/31/2026", "12.11.10",
                         "45000", "45000.5", "-", "N/A", "", "2026-13-01", "1/1/26", "1/1/202", "2026-03-14-",
                         "07/08/2025"])
TIMES = st.sampled_from(["", " 13:05", " 13:05:07", " 1:05 PM", " 1:05 p.m.", ", 13:05", "T13:05:00Z",
                         "T13:05:00+01:00", " 25:00", " 13:61", " x", "T", " 13:05:00.123", "  ", " UTC",
                         " 13:05:00 GMT", " 9:7"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", " "]), DATES, TIMES), min_size=1, max_size=30),
       st.sampled_from(["dmy", "mdy"]))
def test_remembered_parts_give_the_full_parse(cells, order):
    remembered, full = date_parser(order), _date_parser(order)
    for pre, d, t in cells:
        raw = pre + d + t
        a, b = remembered(raw), full(raw)
        assert (type(a), a) == (type(b), b), raw


def test_a_bad_time_is_reported_with_the_whole_timestamp():
    parse = date_parser("mdy")
    assert parse("3/14/2026 13:05") == "2026-03-14"
    assert "3/14/2026 13:61" in str(parse("3/14/2026 13:61"))
    assert "2/31/2026 10:00" in str(parse("2/31/2026 10:00"))
