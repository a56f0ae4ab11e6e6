"""The native quantity extractor against data-driven cases (tests/fixtures/quantities/*.yaml).

Each case gives an input sentence and the quantities expected in it; only the
fields a case states are checked. `only: true` means nothing else may be found,
`no_counts: true` that nothing may be reported as a count.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from factcheck.errors import RuleError
from factcheck.extract import lexicon
from factcheck.extract.quantities import find_quantities
from factcheck.extract.unitnames import unit_in_words
from factcheck.models import Document, Quantity

FIXTURES = Path(__file__).parent / "fixtures" / "quantities"
CASE_KEYS = {"input", "expect", "only", "no_counts"}
FIELDS = {"text", "value", "low", "high", "qualifier", "unit", "kind", "noun", "converts", "per", "second",
          "zone"}
WORD_CASES = yaml.safe_load((FIXTURES / "words" / "unit_words.yaml").read_text(encoding="utf-8"))["cases"]


def _cases() -> list:
    out = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            out.append(pytest.param(case, id=f"{path.stem}-{i}"))
    return out


def _matches(q: Quantity, want: dict) -> bool:
    for key, expected in want.items():
        got = getattr(q, key)
        if isinstance(expected, (int, float)) and not isinstance(expected, bool) and got is not None:
            if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9):
                return False
        elif got != expected:
            return False
    return True


@pytest.mark.parametrize("case", _cases())
def test_fixture_case(case):
    assert set(case) <= CASE_KEYS, f"unknown case keys {set(case) - CASE_KEYS}"
    text = case["input"]
    found = find_quantities(text)
    shown = [(q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.kind, q.noun, q.converts, q.per, q.second, q.zone)
             for q in found]
    for want in case.get("expect") or []:
        assert set(want) <= FIELDS, f"unknown fields {set(want) - FIELDS}"
        assert any(_matches(q, want) for q in found), f"{want} not in {shown}"
    if case.get("only"):
        assert len(found) == len(case.get("expect") or []), shown
    if case.get("no_counts"):
        assert not [q for q in found if q.kind == "count"], shown


@pytest.mark.parametrize("case", _cases())
def test_offsets_are_true_and_sorted(case):
    text = case["input"]
    found = find_quantities(text)
    assert all(text[q.start:q.end] == q.text for q in found)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(q.converts is None or found[q.converts].converts == found.index(q) for q in found)


def test_same_input_same_output():
    text = " ".join(case.values[0]["input"] for case in _cases())
    assert find_quantities(text) == find_quantities(text)


def test_intervals_hold_the_value():
    text = " ".join(case.values[0]["input"] for case in _cases())
    for q in find_quantities(text):
        if q.value is None or q.qualifier == "vague":
            continue
        assert q.low is None or q.low <= q.value + 1e-9, q
        assert q.high is None or q.value <= q.high + 1e-9, q


def test_unknown_lexicon_key_names_file_and_line(tmp_path):
    bad = tmp_path / "qualifiers.yaml"
    bad.write_text("before: []\nafter: []\nvague: {}\nranges: {openers: [], joiners: []}\nbogus: 1\n")
    with pytest.raises(RuleError, match=r"qualifiers\.yaml:5: unknown key 'bogus'"):
        lexicon.load_checked(bad, lexicon.SCHEMAS["qualifiers"])


def test_lexicon_value_of_wrong_type_is_an_error(tmp_path):
    bad = tmp_path / "units.yaml"
    bad.write_text("units:\n  meter: {kind: measure, surfaces: metre}\npercent: {}\nages: {}\n")
    with pytest.raises(RuleError, match=r"units\.yaml:2: .*expected a list"):
        lexicon.load_checked(bad, lexicon.SCHEMAS["units"])


def test_every_unit_name_is_a_pint_unit():
    pint = pytest.importorskip("pint")
    ureg = pint.UnitRegistry()
    from factcheck.extract.units import UNITS, pint_expression

    for name, spec in UNITS["units"].items():
        if spec.get("pint") is False:
            continue
        ureg.parse_expression(pint_expression(name))  # raises for an unknown unit


def test_quantulum_backend_maps_onto_the_same_shape():
    pytest.importorskip("quantulum3")
    from factcheck.extract.quantulum import find_quantities as q3

    text = "The lorry carried 1,500 kilograms.\nThe fare rose to $20 and 30 km of road."
    found = q3(text)
    assert all(text[q.start:q.end] == q.text for q in found)
    by_text = {q.text: q for q in found}
    assert by_text["1,500 kilograms"].unit == "kilogram"
    assert by_text["$20"].unit == "USD" and by_text["$20"].kind == "money"
    assert by_text["30 km"].unit == "kilometer"


@pytest.mark.parametrize("case", WORD_CASES, ids=lambda c: f"{c['unit']}-{c.get('per')}-{c.get('counted')}")
def test_unit_in_words(case):
    assert unit_in_words(case["unit"], case.get("per"), case.get("counted")) == case["words"]


def test_every_currency_and_unit_has_words():
    from factcheck.extract.units import CURRENCY_CODES, UNIT_KIND

    for name in sorted(CURRENCY_CODES | set(UNIT_KIND)):
        words = unit_in_words(name)
        assert words and words == words.strip() and "_" not in words, (name, words)
        assert name not in CURRENCY_CODES or words != name.lower(), f"{name} has no name in numbers.yaml"


def test_facts_carry_the_rate_and_the_unit_in_words():
    from factcheck.extract.pipeline import extract_facts

    text = "Crude rose to $70.10 a barrel, the field pumps 800,000 barrels a day and rents are RM900 a month."
    facts = {f.text: f for f in extract_facts([Document(id="d", text=text)])}
    assert (facts["$70.10 a barrel"].per, facts["$70.10 a barrel"].normalized_unit) == ("barrel", "dollar per barrel")
    assert facts["800,000 barrels a day"].normalized_unit == "barrel per day"
    assert facts["RM900 a month"].normalized_unit == "malaysian ringgit per month"
    assert facts["RM900 a month"].to_dict()["normalized_unit"] == "malaysian ringgit per month"


@pytest.mark.parametrize(("unit", "dimension", "factor"), [
    ("kilometer", "[length]", 1000.0),
    ("kilometer_per_second", "[length] / [time]", 1000.0),
    ("mile_per_second", "[length] / [time]", 1609.344),  # pint cannot parse this name
    ("newton", "[length] * [mass] / [time] ** 2", 1.0),
])
def test_physical_answers_from_the_lexicon_tables_and_rates_of_them(unit, dimension, factor):
    from factcheck import pint_registry

    got = pint_registry.physical(unit)
    assert got[0] == dimension and math.isclose(got[1], factor)
    direct = pint_registry.pint_physical(unit)
    if not direct[0].startswith("unit:"):
        assert direct[0] == got[0] and math.isclose(direct[1], got[1])  # pint agrees


def test_a_rate_converts_through_its_parts():
    from factcheck.pint_registry import affine, pint_affine

    slope, offset = affine("mile_per_second", "kilometer_per_second")
    assert math.isclose(slope, 1.609344) and offset == 0.0
    assert affine("kilometer_per_hour", "mile_per_hour") == pytest.approx(
        pint_affine("kilometer_per_hour", "mile_per_hour"))
