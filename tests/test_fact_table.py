"""The rules' fact table: grouping order, filters, open and missing bounds, publication times."""

from __future__ import annotations

import math
import random

import pytest

from factcheck.facts import UNKNOWN, FactTable, comparable, event_days, fact_table
from factcheck.models import Fact
from factcheck.published import epoch_seconds
from factcheck.rules.kinds.base import disputed, in_groups, nanmax, nanmin, split_groups


def fact(value=None, low=None, high=None, qualifier="exact", **kw) -> Fact:
    kw.setdefault("doc", "d")
    kw.setdefault("source", "A")
    kw.setdefault("start", 0)
    kw.setdefault("end", 1)
    kw.setdefault("text", "" if value is None else str(value))
    return Fact(value=value, low=low, high=high, qualifier=qualifier, **kw)


def test_groups_come_in_key_order_with_rows_in_table_order():
    t = FactTable({"story": ["b", "a", "b", "a", ""], "n": [0, 1, 2, 3, 4]})
    assert list(t.groups(["story"], sort=True).items()) == [
        (("",), [4]), (("a",), [1, 3]), (("b",), [0, 2])]
    assert list(t.groups(["story"])) == [("b",), ("a",), ("",)]  # first seen


def test_split_groups_orders_as_a_sorted_pandas_group_by():
    pd = pytest.importorskip("pandas")
    rnd = random.Random(7)
    words = ["", "Lviv", "lviv", "Kyiv", "Zürich", "Åland", "a b"]
    cols = {"story": [rnd.choice(words) for _ in range(200)],
            "location": [rnd.choice(words) for _ in range(200)],
            "value": [float(rnd.randint(0, 4)) for _ in range(200)],
            "pos": list(range(200))}
    mine = [(k, rows["pos"]) for k, rows in
            split_groups(FactTable(cols), ["story", "location", "value"], ("pos",))]
    frame = pd.DataFrame(cols)
    theirs = [(k, list(g["pos"])) for k, g in frame.groupby(["story", "location", "value"],
                                                             sort=True)]
    assert mine == theirs


def test_where_take_and_assign_leave_the_table_as_it_was():
    t = FactTable({"x": [1, 2, 3], "y": ["a", "b", "c"]})
    assert t.where([True, False, True])["y"] == ["a", "c"]
    assert t.take([2, 0])["x"] == [3, 1]
    assert t.assign(x=[0, 0, 0])["x"] == [0, 0, 0]
    assert t["x"] == [1, 2, 3] and len(t) == 3
    assert t.where([False] * 3).empty and t.where([False] * 3).columns == ("x", "y")
    assert t.concat(t.take([1]))["y"] == ["a", "b", "c", "b"]
    assert in_groups(t, ["y"], [("c",), ("a",)])["x"] == [1, 3]


def test_bounds_are_open_as_infinity_and_missing_as_nan():
    t = fact_table([fact(5.0), fact(5.0, low=5.0, qualifier="at_least"),
                    fact(qualifier="vague"), fact(7.0, high=7.0, qualifier="at_most")])
    assert t["lo"][:2] == [5.0, 5.0] and t["hi"][:2] == [5.0, math.inf]
    assert math.isnan(t["lo"][2]) and math.isnan(t["hi"][2]) and math.isnan(t["value"][2])
    assert t["lo"][3] == -math.inf
    assert t["converts"] == [None] * 4 and t["pos"] == [0, 1, 2, 3]
    # a figure without a number is never compared; an unknown key field is ""
    kept = comparable(t, ["measure"], ())
    assert kept.empty
    assert comparable(t, [], ["count"]).empty
    assert comparable(t, [], ())["pos"] == [0, 1, 3]
    assert t["measure"] == [UNKNOWN] * 4


def test_a_group_can_disagree_only_across_two_sources():
    t = FactTable({"story": ["s"] * 4, "src": ["A", "A", "B", "C"],
                   "lo": [1.0, 9.0, 1.0, math.nan], "hi": [1.0, 9.0, 2.0, math.nan]})
    assert disputed(t, ["story"])["src"] == ["A", "A", "B", "C"]
    assert disputed(t.take([0, 1]), ["story"]).empty  # one source: its own several counts
    assert nanmax([math.nan, 2.0, 1.0]) == 2.0 and nanmin([math.nan, 2.0, 1.0]) == 1.0
    assert math.isnan(nanmax([math.nan]))


def test_publication_times_and_day_only_dates():
    t = fact_table([fact(1.0, date="2026-03-14"), fact(1.0, date="2026-03-14T09:30:00+01:00"),
                    fact(1.0, date="a year ago"), fact(1.0)])
    assert t["when"][0] == 1773446400.0
    assert t["when"][1] == 1773446400.0 + 8.5 * 3600
    assert math.isnan(t["when"][2]) and math.isnan(t["when"][3])
    assert t["day_only"] == [True, False, True, False]
    assert t["date"][3] == UNKNOWN


@pytest.mark.parametrize("text, seconds", [
    ("2026-03-14T09:00:00Z", 1773478800.0),
    ("2026-03-14 09:00", 1773478800.0),
    ("20260314", 1773446400.0),
    ("2026-03", 1772323200.0),
    ("2026-03-14T09:00:00.5-00:30", 1773480600.5),
    ("Sat, 14 Mar 2026 09:00:00 GMT", 1773478800.0),
    ("March 14, 2026", 1773446400.0),
    ("14 Mar 2026", 1773446400.0),
])
def test_date_spellings(text, seconds):
    assert epoch_seconds(text) == seconds


@pytest.mark.parametrize("text", ["a year ago", "2026-02-30", "2026-03-14T24:00", "date", ""])
def test_dates_that_name_no_time_are_unknown(text):
    assert math.isnan(epoch_seconds(text))


@pytest.mark.parametrize(("named", "expected"), [
    # (source, day) of each figure → its event day as the rules group it
    ([("A", "saturday"), ("B", "saturday"), ("C", "wednesday"), ("C", None)],
     ["", "", "wednesday", ""]),  # the day most sources name is the story's own
    ([("A", "saturday"), ("A", "saturday"), ("B", "monday"), ("C", "monday")],
     ["saturday", "saturday", "", ""]),  # a source names a day once, however often
    ([("A", "sunday"), ("B", "monday"), ("C", None)],
     ["sunday", "monday", ""]),  # no day leads: each named day stands apart
    ([("A", "friday"), ("B", None)], ["", ""]),  # one day named is the story's
])
def test_event_days_keep_apart_only_another_day_than_the_storys(named, expected):
    facts = [fact(1, 1, 1, source=s, day=d, story="quake") for s, d in named]
    assert event_days(facts) == expected


def test_event_days_are_per_story():
    facts = [fact(1, 1, 1, source="A", day="monday", story="one"),
             fact(1, 1, 1, source="B", day="tuesday", story="two")]
    assert event_days(facts) == ["", ""]
