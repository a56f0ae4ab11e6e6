"""The whole pipeline never crashes and never hangs, whatever the text.

The quantity scanner has its own property tests (test_numbers.py); these run
text through every stage — context, rules, every report format — because a
crash in a late stage on an odd sentence costs an editor the whole check.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_facts
from factcheck.models import Document
from factcheck.report.render import render
from factcheck.report.summary import Report
from factcheck.rules import check, load_pack

PACK = load_pack()

# News-shaped words mixed with arbitrary characters: figures, roles, places, quotes,
# sentence ends and the glue that makes the context stage work hard.
_NEWSY = st.sampled_from([
    "killed", "injured", "were", "wounded", "launched", "drones", "missiles", "in", "Lviv",
    "Kyiv", "the", "city", "said", "according to", "officials", "at least", "nearly", "dozens",
    "of", "them", "and", "two", "Fifteen", "1,500", "$200m", "679-kilometer", "(422 miles)",
    "since", "2022", "overnight", "'", "\"", ".", ",", "\n", "there", "Russia's", "Ukraine's",
    "air force", "-", "one-fifth", "%", "21 August 2025", "13:45",
])
_TEXT = st.lists(st.one_of(_NEWSY, st.text(max_size=8)), max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), _TEXT), min_size=1, max_size=3))
def test_any_story_goes_through_every_stage_and_format(sources):
    docs = [Document(id=f"d{i}", text=text, source=outlet, story="s")
            for i, (outlet, text) in enumerate(sources)]
    facts = extract_facts(docs)
    for fact in facts:
        assert docs[int(fact.doc[1:])].text[fact.start:fact.end] == fact.text
    findings = check(facts, PACK)
    report = Report(findings, facts, PACK.rules, docs)
    for fmt in ("terminal", "markdown", "json", "sarif", "github"):
        out = render(report, fmt)
        assert isinstance(out, str)
    json.loads(render(report, "json"))


def test_a_stretch_of_bare_numbers_is_kept_without_context_and_prose_keeps_its_own():
    """'1,1,1,…' is no prose: its figures are kept bare (no context stage, no frame),
    while the sentence after it is read as usual."""
    from factcheck.extract import extract_facts
    from factcheck.models import Document

    text = "1," * 200 + "\nRescuers said 12 people were injured in Lviv."
    facts = extract_facts([Document(id="d", text=text)])
    assert len(facts) == 201
    assert all(f.measure is None and f.dimension is None for f in facts[:200])
    assert (facts[-1].value, facts[-1].measure, facts[-1].location) == (12, "injured", "Lviv")
