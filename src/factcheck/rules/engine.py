"""Run a rule pack over facts: one fact table, each rule's kind looks inside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.facts import fact_table
from factcheck.models import Fact, Finding
from factcheck.rules.kinds import KINDS, Context
from factcheck.rules.lexicon import monotonic_measures
from factcheck.rules.rule import Rule
from factcheck.severity import RANK


def check(facts: Sequence[Fact], pack: Iterable[Rule],
          monotonic: frozenset[str] | None = None) -> list[Finding]:
    """Every finding of every rule, in a stable order (story, severity, rule, key, facts)."""
    rules = list(pack)
    if not facts or not rules:
        return []
    table = fact_table(facts)
    ctx = Context(facts=facts, monotonic=monotonic_measures() if monotonic is None else monotonic)
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(KINDS[rule.kind].find(table, rule, ctx))
    findings.sort(key=finding_order)
    return findings


def finding_order(f: Finding) -> tuple:
    return (
        f.story or "",
        -RANK[f.severity],
        f.rule,
        sorted((k, str(v or "")) for k, v in f.key.items()),
        [(x.doc, x.start, x.end) for x in f.facts],
        f.message,
    )
