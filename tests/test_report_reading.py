"""How figures and dates read in the reports a person reads (tests/fixtures/report/readings.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.report.reading import NBSP, day, day_of, reads
from factcheck.rules.examples import example_facts

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "readings.yaml"
CASES = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["cases"]
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague")


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_a_figure_reads_as_a_reader_says_it(case):
    spec = {k: v for k, v in case.items() if k != "reads"}
    assert reads(example_facts([spec])[0]) == case["reads"]


def test_dates_read_as_days_that_never_break():
    assert day("2026-03-14") == f"14{NBSP}Mar{NBSP}2026"
    assert day("2016-07-15T09:30:00Z") == f"15{NBSP}Jul{NBSP}2016"
    assert day("March 2026") == f"March{NBSP}2026"  # not ISO: kept, but joined
    assert day(None) == "" and day_of("yesterday") is None
    assert day_of("2026-02-30") is None


numbers = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True),
                    st.integers(-10**15, 10**15))


@given(value=numbers, low=numbers, high=numbers, qualifier=st.sampled_from(QUALIFIERS),
       unit=st.sampled_from(["count", "USD", "percent", "foot", "kilometer", "widget_per_day"]))
def test_reads_never_crashes_nor_writes_interval_notation(value, low, high, qualifier, unit):
    fact = example_facts([{"value": value, "low": low, "high": high, "qualifier": qualifier,
                           "unit": unit, "text": "x"}])[0]
    text = reads(fact)
    assert text and "[" not in text and "∞)" not in text


@given(st.text())
def test_a_day_never_holds_a_line_break_opportunity(text):
    shown = day(text)
    assert not re.search(r"[^\S\u00a0]", shown) and "-" not in shown
