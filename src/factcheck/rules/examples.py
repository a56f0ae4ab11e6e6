"""Rule files carry examples: facts that must (and must not) give the rule's finding."""

from __future__ import annotations

from typing import Any

from factcheck.models import Fact
from factcheck.rules.engine import check
from factcheck.rules.rule import Rule


def example_facts(written: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> list[Fact]:
    """Facts from the short mappings a rule file (or a test fixture) writes.

    Unwritten fields default the way the extractor fills them: an exact figure's
    interval is its value; the text is the figure; all examples are one story.
    """
    facts = []
    for i, spec in enumerate(written):
        d = dict(spec)
        value = d.get("value")
        if d.get("qualifier", "exact") == "exact" and value is not None:
            d.setdefault("low", value)
            d.setdefault("high", value)
        d.setdefault("value", None)
        d.setdefault("low", None)
        d.setdefault("high", None)
        text = d.setdefault("text", _surface(value if value is not None else d["low"] or d["high"]))
        d.setdefault("source", None)
        d.setdefault("doc", d["source"] or f"example-{i + 1}")
        d.setdefault("start", 0)
        d.setdefault("end", d["start"] + len(text))
        d.setdefault("story", "example")
        d["id"] = i
        facts.append(Fact(**d))
    return facts


def _surface(x: Any) -> str:
    return f"{int(x):,}" if isinstance(x, (int, float)) and float(x).is_integer() else str(x)


def run_example(rule: Rule, which: str, monotonic: frozenset[str] = frozenset()) -> list:
    """The rule's findings on one of its example sets ("flagged" or "not_flagged")."""
    return check(example_facts(rule.examples[which]), [rule], monotonic=monotonic)
