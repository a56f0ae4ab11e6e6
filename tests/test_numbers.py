"""Numbers in digits and words parse back to themselves; no text makes the extractor fail."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.numbers import NUMBER_WORDS, Token, parse_digits, parse_words
from factcheck.extract.quantities import find_quantities

num2words = pytest.importorskip("num2words").num2words

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_figure(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [(q.text, q.value) for q in found]
    return found[0]


@PROPERTY
@given(st.integers(min_value=0, max_value=10**12))
def test_integer_in_words_parses_back(n):
    words = num2words(n, lang="en")
    q = _only_figure(words)
    assert (q.start, q.end, q.value) == (0, len(words), n)


@PROPERTY
@given(st.integers(min_value=0, max_value=10**12))
def test_integer_with_thousands_separators_parses_back(n):
    digits = f"{n:,}"
    q = _only_figure(digits)
    assert (q.start, q.end, q.value) == (0, len(digits), n)


@PROPERTY
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["Officials lit", "We saw"]))
def test_integer_in_a_sentence_spans_itself(n, first):
    words = num2words(n, lang="en")
    text = f"{first} {words} lanterns were lit."
    q = next(q for q in find_quantities(text) if q.start == len(first) + 1)
    assert (q.text, q.value) == (words, n)


_WORDS = sorted(NUMBER_WORDS) + ["and", "a", "point", "-", ",", "million", "%", "$", "£", "per cent",
                                 "nearly", "between", "to", "year-old", "km", "m", "bn", "½"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.integers(-10**6, 10**6).map(str),
                          st.text(max_size=6)), max_size=30))
def test_any_text_extracts_without_error(parts):
    text = " ".join(parts)
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.start < q.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("raw, value", [
    ("574", 574), ("51,000", 51000), ("1.5", 1.5), (".08", 0.08), ("−3", -3),
    ("1 234 567", 1234567), ("1\u202f234", 1234), ("12,34,567.89", 1234567.89),
])
def test_parse_digits(raw, value):
    assert parse_digits(raw) == pytest.approx(value)


def _tokens(text: str) -> list[Token]:
    out, prev = [], 0
    for m in re.finditer(r"[A-Za-z]+", text):
        if m.group().lower() in NUMBER_WORDS:
            out.append(Token(m.group().lower(), m.start(), m.end(), text[prev:m.start()] if out else ""))
            prev = m.end()
    return out


@pytest.mark.parametrize("text, value, kind", [
    ("two hundred and forty", 240, "cardinal"),
    ("three-and-a-half", 3.5, "cardinal"),
    ("one-fifth", 0.2, "fraction"),
    ("two-thirds", 2 / 3, "fraction"),
    ("half a dozen", 6, "cardinal"),
    ("three hundred and two dozens", 324, "cardinal"),
    ("five and a half million", 5_500_000, "cardinal"),
    ("one million and a half", 1_500_000, "cardinal"),
    ("one hundred and three quarters", 100.75, "cardinal"),
    ("one hundred thirty fifths", 100 / 35, "fraction"),
    ("one hundred and thirty fifths", 26, "fraction"),
    ("twenty-first", 21, "ordinal"),
    ("one hundred twenty fifth", 125, "ordinal"),
    ("two hundred point zero three", 200.03, "cardinal"),
    ("three million, two hundred & forty", 3_000_240, "cardinal"),
    ("three lakh crore", 3e12, "cardinal"),
    ("fifteen hundred", 1500, "cardinal"),
])
def test_parse_words(text, value, kind):
    found = parse_words(_tokens(text))
    assert len(found) == 1
    assert found[0].value == pytest.approx(value) and found[0].kind == kind


@pytest.mark.parametrize("text, values", [
    ("one two three", [1, 2, 3]),
    ("nineteen eighty-four", [19, 84]),
    ("twenty and three and three fifths", [20, 3.6]),
    # a numerator, then an ordinal phrase; a lone simple number before a fraction stays apart
    ("twenty twenty-fifths", [0.8]),
    ("one one hundred fifth", [1 / 105]),
    ("two twelve hundredths", [2, 0.12]),
    ("three seven eighths", [3, 0.875]),
])
def test_parse_words_splits_runs(text, values):
    assert [n.value for n in parse_words(_tokens(text))] == pytest.approx(values)


def test_every_number_word_has_its_category_from_one_lookup():
    from factcheck.extract.numbers import _category, category

    for word in [*NUMBER_WORDS, "a", "and", "point", "drones"]:
        assert category(word) == _category(word)
