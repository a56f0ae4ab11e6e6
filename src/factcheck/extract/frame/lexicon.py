"""The frame lexicon (data/rules/lexicon/frames.yaml): its schema and its compiled form.

Loaded once per run through `load_frame_lexicon` and shared by every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factcheck.errors import RuleError
from factcheck.resources import lexicon_dir
from factcheck.yamlschema import load_checked

SCHEMA = {
    "synonyms": {"*": ["str"]},
    "attributes": ["str"],
    "skip_words": ["str"],
    "clause_breaks": ["str"],
    "phases": {"*": ["str"]},
    "background": ["str"],
    "part_markers": ["str"],
    "not_names": ["str"],
    "initial_names": ["str"],
    "ordinal_nouns": ["str"],
    "model_nouns": ["str"],
    "casualty_groups": ["str"],
    "change_verbs": ["str"],
    "event_days": ["str"],
    "statement_verbs": ["str"],
    "other_moment_links": ["str"],
    "price_tiers": {"*": ["str"]},
}
OPTIONAL = ("change_verbs", "event_days", "statement_verbs", "other_moment_links", "price_tiers")
REQUIRED = tuple(k for k in SCHEMA if k not in OPTIONAL)


def _phrases(words: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of the phrases as whole words."""
    if not words:
        return None
    alts = sorted({re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


@dataclass
class FrameLexicon:
    group_of: dict[str, str] = field(default_factory=dict)  # "earthquake" → quake
    group_phrases: re.Pattern[str] | None = None  # multi-word synonyms ("home to")
    attributes: frozenset[str] = frozenset()
    skip_words: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    phase_of: dict[str, str] = field(default_factory=dict)
    phase_phrases: re.Pattern[str] | None = None
    background: re.Pattern[str] | None = None
    part_markers: re.Pattern[str] | None = None  # phrases before the figure
    part_around: re.Pattern[str] | None = None  # phrases placing it with "#"
    not_names: frozenset[str] = frozenset()
    initial_names: frozenset[str] = frozenset()  # "UK", "EU": names written in capitals
    ordinal_nouns: frozenset[str] = frozenset()
    model_nouns: frozenset[str] = frozenset()
    casualty_groups: frozenset[str] = frozenset()
    change_verbs: frozenset[str] = frozenset()  # "cut the gap ... to just 12": a new figure
    # "saturday", "saturday's" → saturday: a token's written forms of the day it names
    event_day_forms: dict[str, str] = field(default_factory=dict)
    statement_verbs: frozenset[str] = frozenset()  # "said on Monday" dates the saying
    other_moment_links: frozenset[str] = frozenset()  # "heading into Saturday's final"
    tier_of: dict[str, str] = field(default_factory=dict)  # "higher-end" → top
    price_tiers: re.Pattern[str] | None = None

    def group(self, word: str) -> str:
        """A word's synonym group, or the word itself."""
        return self.group_of.get(word.lower(), word.lower())


def compile_frames(data: dict, path: str) -> FrameLexicon:
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise RuleError(f"missing section {missing[0]!r}", path)
    lex = FrameLexicon()
    multi: list[str] = []
    for name, words in data["synonyms"].items():
        for w in [name, *words]:
            w = w.lower()
            lex.group_of[w] = name
            if " " in w:
                multi.append(w)
    lex.group_phrases = _phrases(multi)
    lex.attributes = frozenset(w.lower() for w in data["attributes"])
    lex.skip_words = frozenset(w.lower() for w in data["skip_words"])
    lex.clause_breaks = frozenset(w.lower() for w in data["clause_breaks"])
    for name, words in data["phases"].items():
        for w in words:
            lex.phase_of[w.lower()] = name
    lex.phase_phrases = _phrases(list(lex.phase_of))
    lex.background = _phrases(data["background"])
    lex.part_markers = _phrases([w for w in data["part_markers"] if "#" not in w])
    lex.part_around = _phrases([w for w in data["part_markers"] if "#" in w])
    lex.not_names = frozenset(w.lower() for w in data["not_names"])
    lex.initial_names = frozenset(data["initial_names"])
    lex.ordinal_nouns = frozenset(w.lower() for w in data["ordinal_nouns"])
    lex.model_nouns = frozenset(w.lower() for w in data["model_nouns"])
    lex.casualty_groups = frozenset(w.lower() for w in data["casualty_groups"])
    lex.change_verbs = frozenset(w.lower() for w in data.get("change_verbs", ()))
    lex.event_day_forms = {day.lower() + ending: day.lower() for day in data.get("event_days", ())
                           for ending in ("", "'s", "’s", "'", "’")}
    lex.statement_verbs = frozenset(w.lower() for w in data.get("statement_verbs", ()))
    lex.other_moment_links = frozenset(w.lower() for w in data.get("other_moment_links", ()))
    for tier, words in data.get("price_tiers", {}).items():
        for w in words:
            lex.tier_of[" ".join(w.lower().split())] = tier
    lex.price_tiers = _phrases(list(lex.tier_of))
    return lex


@lru_cache(maxsize=4)
def load_frame_lexicon(folder: str | None = None) -> FrameLexicon:
    path = Path(folder or lexicon_dir()) / "frames.yaml"
    return compile_frames(load_checked(path, SCHEMA), str(path))
