"""The rule engine, driven by data: rule-file examples and per-kind fixture cases."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from factcheck.errors import RuleError
from factcheck.rules import check, load_pack
from factcheck.rules.examples import example_facts, run_example
from factcheck.rules.kinds import KINDS
from factcheck.rules.lexicon import monotonic_measures
from factcheck.rules.loader import pack_of
from factcheck.rules.params import validate
from factcheck.rules.rule import load_rule

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
PACK = load_pack()
KIND_FILES = sorted(p for p in FIXTURES.glob("*.yaml") if p.name != "invalid.yaml")


def _cases():
    for path in KIND_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            rule = case.get("rule", data.get("rule"))
            monotonic = case.get("monotonic", data.get("monotonic", []))
            yield pytest.param(rule, frozenset(monotonic), case, id=f"{path.stem}: {case['name']}")


def _with_params(rule, written: dict):
    """The rule with some parameters written differently (validated as a rule file's)."""
    return replace(rule, params=validate({**rule.written, **written}, KINDS[rule.kind].params()))


@pytest.mark.parametrize(("code", "monotonic", "case"), list(_cases()))
def test_fixture_case(code, monotonic, case):
    rules = list(PACK) if code == "all" else [PACK.get(code)]
    rules = [_with_params(r, case.get("params") or {}) for r in rules]
    facts = example_facts(case["facts"])
    findings = check(facts, rules, monotonic=monotonic)
    got = sorted(sorted(facts.index(f) for f in finding.facts) for finding in findings)
    assert got == sorted(sorted(x) for x in case["expect"]), [f.message for f in findings]
    if "rules_found" in case:
        assert sorted({f.rule for f in findings}) == case["rules_found"]
    if "severities" in case:
        assert sorted(f.severity for f in findings) == sorted(case["severities"])
    for finding in findings:
        assert "wrong" not in finding.message.lower()


def test_every_kind_has_fixture_cases():
    kinds = {r.kind for r in PACK}
    covered = {PACK.get(yaml.safe_load(p.read_text())["rule"]).kind for p in KIND_FILES}
    assert kinds <= covered


@pytest.mark.parametrize("rule", list(PACK), ids=lambda r: f"{r.code} {r.name}")
def test_rule_file_examples(rule):
    """A rule's flagged example gives its finding; its not_flagged example gives none."""
    monotonic = monotonic_measures()
    flagged = run_example(rule, "flagged", monotonic)
    assert flagged and {f.rule for f in flagged} == {rule.code}
    assert all(f.severity == rule.severity and f.name == rule.name for f in flagged)
    assert run_example(rule, "not_flagged", monotonic) == []


def test_default_pack_codes_and_names_are_unique_and_sorted():
    codes = [r.code for r in PACK]
    assert codes == sorted(set(codes)) and len(codes) >= 6
    assert len({r.name for r in PACK}) == len(codes)
    assert {r.kind for r in PACK} == {"conflict", "update", "bound", "sum", "conversion",
                                      "corroboration", "quantity"}


def _invalid_cases():
    data = yaml.safe_load((FIXTURES / "invalid.yaml").read_text(encoding="utf-8"))
    for case in data["cases"]:
        yield pytest.param(data["base"], case, id=case["name"])


@pytest.mark.parametrize(("base", "case"), list(_invalid_cases()))
def test_invalid_rule_file_names_file_line_and_problem(tmp_path, base, case):
    text = case.get("whole", base)
    for old, new in (case.get("replace") or {}).items():
        assert old in text
        text = text.replace(old, new)
    text += case.get("append", "")
    path = tmp_path / "FC901.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rule(path)
    message = str(err.value)
    assert case["error"] in message
    assert message.startswith(f"{path}:{case['line']}: "), message
    assert "\n" not in message


def test_base_of_invalid_cases_is_valid(tmp_path):
    base = yaml.safe_load((FIXTURES / "invalid.yaml").read_text(encoding="utf-8"))["base"]
    (tmp_path / "FC901.yaml").write_text(base, encoding="utf-8")
    assert load_rule(tmp_path / "FC901.yaml").code == "FC901"


def test_user_pack_adds_to_default_and_can_replace_it(tmp_path):
    base = yaml.safe_load((FIXTURES / "invalid.yaml").read_text(encoding="utf-8"))["base"]
    (tmp_path / "FC901.yaml").write_text(base, encoding="utf-8")
    assert [r.code for r in load_pack([tmp_path])][-1] == "FC901"
    assert len(load_pack([tmp_path])) == len(PACK) + 1
    assert [r.code for r in load_pack([tmp_path], default=False)] == ["FC901"]


def test_a_code_used_twice_is_an_error(tmp_path):
    base = yaml.safe_load((FIXTURES / "invalid.yaml").read_text(encoding="utf-8"))["base"]
    (tmp_path / "a.yaml").write_text(base, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(base.replace("test-conflict", "other"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"b\.yaml:1: rule FC901: code 'FC901' is already used"):
        load_pack([tmp_path], default=False)


def test_an_empty_pack_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="no rules loaded"):
        load_pack([tmp_path], default=False)
    with pytest.raises(RuleError, match="no such rule file or folder"):
        load_pack([tmp_path / "missing"])
    with pytest.raises(RuleError):
        pack_of([])


def test_findings_are_in_a_stable_order_whatever_the_input_order():
    facts = example_facts([
        {"source": "A", "value": 2, "measure": "injured", "entity": "person", "location": "Lviv"},
        {"source": "B", "value": 3, "measure": "injured", "entity": "person", "location": "Lviv"},
        {"source": "A", "value": 574, "measure": "launched", "entity": "drone"},
        {"source": "B", "value": 574, "measure": "launched", "entity": "drone"},
        {"source": "C", "value": 600, "measure": "launched", "entity": "drone"},
    ])
    forward = [f.to_dict() for f in check(facts, PACK, monotonic=frozenset())]
    backward = [f.to_dict() for f in check(facts[::-1], PACK, monotonic=frozenset())]
    assert forward == backward and len(forward) >= 3


@pytest.mark.parametrize(("places", "inner"), [
    (["Germany", "Koblenz"], "Koblenz"),
    (["Las Vegas", "Nevada", "United States"], "Las Vegas"),
    (["Lviv", "Lviv region"], "Lviv"),
    (["Afghanistan", "Mazār-e Sharīf"], "Mazār-e Sharīf"),
    (["Lviv", "Mukachevo"], None),
    (["Croydon", "London"], None),
    (["Germany", "Lviv"], None),
])
def test_story_place_is_the_one_place_all_others_contain(places, inner):
    from factcheck.rules.places import innermost

    assert innermost(sorted(places)) == inner
