"""Rule packs: the default rules/FC*.yaml, plus or instead of a user's folder."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import RuleError
from factcheck.resources import rules_dir
from factcheck.rules.rule import Rule, load_rule


@dataclass(frozen=True)
class RulePack:
    rules: tuple[Rule, ...]  # sorted by code

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):
        return iter(self.rules)

    def get(self, code: str) -> Rule:
        for rule in self.rules:
            if rule.code == code.upper() or rule.name == code:
                return rule
        known = ", ".join(r.code for r in self.rules)
        raise RuleError(f"no rule {code!r} (known: {known})")


def default_files() -> list[Path]:
    folder = rules_dir()
    if not folder.is_dir():
        raise RuleError("the default rule folder is missing", str(folder))
    return sorted(folder.glob("FC*.yaml"))


def pack_files(path: str | Path) -> list[Path]:
    """A user's pack: one rule file, or every .yaml/.yml file at the top of a folder."""
    p = Path(path)
    if p.is_file():
        return [p]
    if p.is_dir():
        return sorted(f for f in p.iterdir() if f.suffix in (".yaml", ".yml") and f.is_file())
    raise RuleError("no such rule file or folder", str(p))


def load_pack(extra: Sequence[str | Path] = (), default: bool = True) -> RulePack:
    """The rules to check with. Codes are unique inside a pack; a later pack's rule with
    an earlier pack's code replaces it (a house pack overriding one default rule)."""
    packs = [default_files()] if default else []
    packs += [pack_files(path) for path in extra]
    merged: dict[str, Rule] = {}
    for files in packs:
        mine = pack_of(load_rule(f) for f in files).rules if files else ()
        for rule in mine:
            merged.pop(rule.code, None)
        merged.update((r.code, r) for r in mine)
    return pack_of(merged.values())


def pack_of(rules: Iterable[Rule]) -> RulePack:
    by_code: dict[str, Rule] = {}
    by_name: dict[str, Rule] = {}
    for rule in rules:
        for seen, label, value in ((by_code, "code", rule.code), (by_name, "name", rule.name)):
            if value in seen:
                raise RuleError(f"rule {rule.code}: {label} {value!r} is already used by "
                                f"{seen[value].path}", rule.path, rule.line)
            seen[value] = rule
    if not by_code:
        raise RuleError("no rules loaded (add --rules DIR, or keep the default rules)")
    return RulePack(tuple(sorted(by_code.values(), key=lambda r: r.code)))
