"""A pattern behind the look-ahead at its first characters matches what it matched."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.regex_lead import with_lead

ATOMS = st.sampled_from(["since", "so far", "kelvin", "Sky", "to date", "a", "b", "ab", "[ab]", "[a-c]", "x?",
                         "(?:the )?", "(?P<g>b)", "\\d", "\\w+", " ", "\\b", "(?<![\\w-])",
                         "(?!s)", "c*", "(?:a|b c)", "(?:)"])


@st.composite
def patterns(draw):
    alternatives = draw(st.lists(st.lists(ATOMS, min_size=1, max_size=4).map("".join),
                                 min_size=1, max_size=4))
    pattern = r"\b(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")"
    return pattern.replace("(?P<g>", "(?:", pattern.count("(?P<g>") - 1)


@settings(max_examples=600, deadline=None)
@given(patterns(), st.text(alphabet="abcs ot-x1defABCS\u017f\u212a\u0130k", max_size=40),
       st.sampled_from([0, re.IGNORECASE]))
def test_the_same_matches(pattern, text, flags):
    # (ſ and the Kelvin sign fold to s and k under IGNORECASE: the class must fold alike)
    plain, led = re.compile(pattern, flags), re.compile(with_lead(pattern, flags), flags)
    assert [(m.span(), m.lastgroup) for m in plain.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in led.finditer(text)]


def test_a_list_of_phrases_gets_the_class_of_its_first_letters():
    assert with_lead(r"\b(?:since (?:the )?war|to date|so far)\b") == \
        r"(?=[st])\b(?:since (?:the )?war|to date|so far)\b"


def test_what_is_not_plainly_understood_is_left_alone():
    for pattern, flags in [(r"\b(?:(?i:w)ar|date)", 0), (r"(?i)\b(?:war)", 0),
                           (r"(?:[^ab]|c)d", 0), (r"(?:a)?", 0), (r".a", 0), (r"[^a]b", 0)]:
        assert with_lead(pattern, flags) == pattern


def test_a_category_is_kept_as_its_escape():
    # "\d" takes in every Unicode digit, as the pattern does: no list of ASCII digits
    led = with_lead(r"\b(?:\d+ (?:may|june)|may \d+)")
    assert led == r"(?=[\dm])\b(?:\d+ (?:may|june)|may \d+)"
    assert re.compile(led).match("٣ may")  # an Arabic-Indic three
