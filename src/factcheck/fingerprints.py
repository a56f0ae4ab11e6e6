"""Fingerprints of findings from what they say, not where: for baselines and SARIF.

A fingerprint hashes the rule, the story, the quantity compared (the key),
the values, the outlets and a few words quoted on either side of each figure,
never an offset or a line: an edit elsewhere in an article changes none, and
a new figure, a changed value or a new outlet gives a new one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from factcheck.models import Fact, Finding

if TYPE_CHECKING:
    from factcheck.draft import DraftFigure

WORDS_AROUND = 4  # quoted words kept on each side of a figure
_WORD = re.compile(r"\w+")


def _words_around(fact: Fact) -> str:
    sentence, text = fact.sentence or "", fact.text or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return " ".join(_WORD.findall(sentence.lower())[:2 * WORDS_AROUND])
    before = _WORD.findall(sentence[:at].lower())[-WORDS_AROUND:]
    after = _WORD.findall(sentence[at + len(text):].lower())[:WORDS_AROUND]
    return " ".join([*before, "#", *after])


def _figure(fact: Fact) -> str:
    return json.dumps([fact.source or "", fact.text or "", fact.value, fact.low, fact.high,
                       _words_around(fact)], ensure_ascii=False)


def _digest(parts: object) -> str:
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def finding_fingerprint(f: Finding) -> str:
    # A key field the finding leaves unknown is not part of what it says: a rule that
    # comes to group by one more field keeps the fingerprints of the findings it had.
    return _digest([f.rule, f.story or "", sorted((k, str(v)) for k, v in f.key.items()
                                                  if v is not None),
                    sorted(_figure(x) for x in f.facts)])


def draft_fingerprint(fig: DraftFigure) -> str:
    x = fig.fact
    key = [x.measure, x.entity, x.location, x.scope, x.unit]
    return _digest([fig.code, str(key), _figure(x), sorted(_figure(e) for e in fig.evidence)])


def fingerprints(findings: Iterable[Finding], figures: Iterable[DraftFigure] = ()) -> list[str]:
    return sorted({*(finding_fingerprint(f) for f in findings),
                   *(draft_fingerprint(g) for g in figures)})
