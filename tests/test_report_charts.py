"""The SVG chart writer: round axes, room for open ends, and never a broken drawing."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from factcheck.report.charts import Mark, _axis, dot_chart

NS = "{http://www.w3.org/2000/svg}"


def test_small_counts_start_at_zero_and_tick_on_whole_numbers():
    lo, hi, ticks = _axis([Mark("a", 2, 2, 2, "2"), Mark("b", 3, 3, 3, "3", 1)], whole=True)
    assert (lo, hi) == (0, 3) and ticks == [0, 1, 2, 3]


def test_large_close_figures_do_not_start_at_zero():
    lo, hi, _ = _axis([Mark("a", 77, 77, 77, "77"), Mark("b", 84, 84, 84, "84", 1)], whole=True)
    assert 70 <= lo <= 77 and 84 <= hi <= 90


def test_an_open_end_gets_room_beyond_the_last_figure():
    lo, hi, ticks = _axis([Mark("a", 40, 40, 40, "40"),
                           Mark("b", 50, 50, math.inf, "more than 50", 1)], whole=True)
    assert hi - 50 >= (ticks[1] - ticks[0]) / 2


def test_each_distinct_figure_has_its_own_shape():
    svg = dot_chart([Mark("a", 1, 1, 1, "1"), Mark("b", 2, 2, 2, "2", 1),
                     Mark("c", 3, 3, 3, "3", 2)], "number", "c1", "t")
    root = ET.fromstring(svg)
    shapes = [el.tag.removeprefix(NS) for el in root.iter() if el.get("class") == "value"]
    assert shapes == ["circle", "polygon", "rect"]


bound = st.one_of(st.floats(-1e12, 1e12, allow_nan=False), st.just(math.inf), st.just(-math.inf))
marks = st.lists(st.builds(
    lambda label, value, a, b, group, when: Mark(label, value, min(a, b), max(a, b),
                                                  f"{value}", group, when),
    st.text(max_size=60), st.one_of(st.none(), st.floats(-1e12, 1e12, allow_nan=False)),
    bound, bound, st.integers(0, 20), st.text(max_size=12)), min_size=1, max_size=12)


@given(marks, st.booleans(), st.booleans())
def test_any_rows_give_a_valid_drawing_with_finite_coordinates(rows, timeline, whole):
    svg = dot_chart(rows, "unit <&>", "c9", "title <&>", timeline=timeline, whole=whole)
    root = ET.fromstring(svg)
    assert int(root.get("data-rows")) == len(rows)
    for el in root.iter():
        for name in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "points", "d"):
            for number in re.findall(r"[-+\w.]+", el.get(name) or ""):
                if name == "d" and number in ("M", "L", "Z"):
                    continue
                assert math.isfinite(float(number.strip("MLZ"))), (el.tag, name, el.get(name))
