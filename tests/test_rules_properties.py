"""Properties the engine keeps for any facts: order does not matter, agreement is never a conflict."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules import check, load_pack
from factcheck.rules.examples import example_facts

PACK = load_pack()
CONFLICT = [PACK.get("FC001")]


@st.composite
def fact_specs(draw):
    value = draw(st.integers(min_value=0, max_value=30))
    qualifier = draw(st.sampled_from(["exact", "at_least", "more_than", "approx", "at_most"]))
    spec = {"source": draw(st.sampled_from(["A", "B", "C", None])),
            "doc": draw(st.sampled_from(["d1", "d2"])), "value": value, "qualifier": qualifier,
            "measure": draw(st.sampled_from(["killed", "injured", None])),
            "entity": draw(st.sampled_from(["person", None])),
            "location": draw(st.sampled_from(["Lviv", "Rivne", None])),
            "date": draw(st.sampled_from(["2025-05-01", "2025-05-02", None])),
            "start": draw(st.integers(0, 500))}
    if qualifier in ("at_least", "more_than"):
        spec["low"] = value
    elif qualifier == "at_most":
        spec["high"] = value
    elif qualifier == "approx":
        spec["low"], spec["high"] = round(value * 0.9), value
    return spec


@settings(max_examples=60, deadline=None)
@given(st.lists(fact_specs(), max_size=12), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_input_order(specs, rnd):
    facts = example_facts(specs)
    shuffled = facts[:]
    rnd.shuffle(shuffled)
    one = [f.to_dict() for f in check(facts, PACK, monotonic=frozenset({"killed"}))]
    two = [f.to_dict() for f in check(shuffled, PACK, monotonic=frozenset({"killed"}))]
    assert one == two


@settings(max_examples=60, deadline=None)
@given(st.lists(fact_specs(), max_size=12))
def test_a_conflict_always_has_two_sources_that_cannot_both_hold(specs):
    from factcheck.facts import interval, source_of

    for finding in check(example_facts(specs), CONFLICT, monotonic=frozenset()):
        facts = finding.facts
        assert len({source_of(f) for f in facts}) >= 2
        assert all(f.measure and f.entity for f in facts)
        assert any(interval(a)[0] > interval(b)[1] and source_of(a) != source_of(b)
                   for a in facts for b in facts)
        assert "sources disagree" in finding.message


@settings(max_examples=60, deadline=None)
@given(st.lists(fact_specs(), max_size=12), st.integers(0, 30))
def test_figures_that_share_a_value_never_conflict(specs, shared):
    """Widen every interval to hold one common value: no conflict can remain."""
    for spec in specs:
        spec["qualifier"] = "range"
        spec["low"] = min(spec.get("low", spec["value"]), shared)
        spec["high"] = max(spec.get("high", spec["value"]), shared)
    assert check(example_facts(specs), CONFLICT, monotonic=frozenset()) == []
