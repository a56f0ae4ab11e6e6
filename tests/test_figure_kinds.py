"""Properties of the figures compared only with their own kind (extract/figure_kinds.py).

Magnitudes, scores and records, clock times with their zone, calibres, glued
metres and stated zeros are parsed from many generated spellings; the fixture
files (tests/fixtures/quantities/*.yaml) hold the sentences an editor reads.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import RuleError
from factcheck.extract import lexicon
from factcheck.extract.quantities import find_quantities

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only(text: str, kind: str):
    found = [q for q in find_quantities(text) if q.kind == kind]
    assert len(found) == 1, (text, find_quantities(text))
    return found[0]


@PROPERTY
@given(st.integers(0, 99), st.sampled_from(["A magnitude {m} quake hit.", "A {m}-magnitude quake hit.",
                                            "A magnitude-{m} tremor hit.", "It measured {m} on the Richter scale.",
                                            "An M{m} event hit.", "A quake with a magnitude of {m} hit."]))
def test_magnitudes_in_any_spelling(tenths, template):
    m = f"{tenths // 10}.{tenths % 10}"
    q = _only(template.format(m=m), "magnitude")
    assert (q.unit, q.value) == ("magnitude", float(m))


@PROPERTY
@given(st.integers(0, 300), st.integers(0, 300),
       st.sampled_from(["The visitors won {a}-{b} at home.", "It ended in a {a}-{b} defeat."]))
def test_scores_keep_both_numbers(a, b, template):
    q = _only(template.format(a=a, b=b), "score")
    assert (q.value, q.second, q.low, q.high, q.unit) == (a, b, a, a, "score")


@PROPERTY
@given(st.integers(0, 200), st.integers(0, 200))
def test_records_after_the_word_record(wins, losses):
    q = _only(f"The champion improved his record to {wins}-{losses} last night.", "record")
    assert (q.value, q.second) == (wins, losses)


@PROPERTY
@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["am", "a.m.", "a. m.", "AM", "pm", "p.m.", "PM"]),
       st.sampled_from(["", " ", " local time", " GMT", " UTC"]), st.booleans())
def test_clock_times_with_marks_and_zones(hour, minute, mark, zone, spaced):
    colon = ": " if spaced else ":"
    q = _only(f"The alarm rang at {hour}{colon}{minute:02d} {mark}{zone} yesterday.", "time")
    want = hour % 12 + minute / 60 + (12 if mark.lower().startswith("p") else 0)
    assert math.isclose(q.value, want, abs_tol=1e-3)
    assert q.zone == {"": None, " ": None, " local time": "local", " GMT": "UTC", " UTC": "UTC"}[zone]


@PROPERTY
@given(st.integers(0, 23), st.integers(0, 59))
def test_four_digit_times_before_a_zone(hour, minute):
    q = _only(f"The convoy left at {hour:02d}{minute:02d} GMT on Monday.", "time")
    assert math.isclose(q.value, hour + minute / 60, abs_tol=1e-3) and q.zone == "UTC"


@PROPERTY
@given(st.integers(0, 20), st.integers(0, 59), st.sampled_from(["to play", "left", "remaining"]))
def test_game_clocks_are_no_time_of_day(minutes, seconds, after):
    found = find_quantities(f"He scored with {minutes}:{seconds:02d} {after} in the game.")
    assert [q.kind for q in found] == ["ordinal"] and found[0].unit == "game_clock"


@PROPERTY
@given(st.sampled_from(["22", "38", "45", "50", "357", "308"]),
       st.sampled_from(["a .{n}-caliber revolver", "a .{n} caliber pistol", "a {n}-calibre rifle", "a .{n} rifle",
                        "a . {n}-caliber gun"]))
def test_calibres_are_inches(digits, template):
    q = _only("Police seized " + template.format(n=digits) + " at the scene.", "measure")
    assert q.unit == "caliber" and math.isclose(q.value, int(digits) / 10 ** len(digits))


@PROPERTY
@given(st.integers(1, 999), st.sampled_from(["deep", "dry", "concrete", "steel"]))
def test_a_glued_m_before_a_thing_is_metres_and_after_a_currency_millions(n, word):
    metres = _only(f"Workers sealed the {n}m {word} shaft.", "measure")
    assert (metres.unit, metres.value) == ("meter", n)
    money = _only(f"Workers signed a ${n}m {word} deal.", "money")
    assert (money.unit, money.value) == ("USD", n * 1e6)


@PROPERTY
@given(st.sampled_from(["No one", "Nobody", "None of the guests", "No-one"]),
       st.sampled_from(["was killed", "were hurt", "died", "has been injured", "was seriously injured"]))
def test_stated_zeros(subject, verb):
    text = f"{subject} {verb} in the fire."
    zero = [q for q in find_quantities(text) if q.value == 0]
    assert len(zero) == 1 and zero[0].text == subject.split(" of ")[0].replace("None of the guests", "None")
    assert (zero[0].qualifier, zero[0].unit, zero[0].kind) == ("exact", "count", "count")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([
    "magnitude", "M", "Mw", "-", ":", ": ", "a.", "m.", "GMT", "local time", "to play", "record", "(", ")",
    "no one", "none of the", "nobody", "was", "killed", ".", " .", "caliber", "revolver", "e", "m", "million",
    "won", "lap", "place", "straight-line", "miles", "0737", "12", "5.4", "45", "3",
]), st.text(max_size=4)), max_size=40).map("".join))
def test_never_crashes_and_offsets_hold(text):
    found = find_quantities(text)
    assert all(text[q.start:q.end] == q.text for q in found)
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_unknown_figure_kinds_key_names_file_and_line(tmp_path):
    bad = tmp_path / "figure_kinds.yaml"
    bad.write_text("magnitude_before: [magnitude]\nbogus: 1\n")
    with pytest.raises(RuleError, match=r"figure_kinds\.yaml:2: unknown key 'bogus'"):
        lexicon.load_checked(bad, lexicon.SCHEMAS["figure_kinds"])
