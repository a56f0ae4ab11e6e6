"""The evidence an editor reads: the sentence around a figure, trimmed, figure located."""

from __future__ import annotations

import re

from factcheck.models import Fact

MAX_QUOTE = 220  # characters of sentence shown around the figure


def quote(f: Fact, limit: int = MAX_QUOTE) -> tuple[str, str, str]:
    """(before, figure, after): the sentence split around the figure, trimmed with '…'.

    When the sentence does not contain the figure's text, the figure part is
    empty and the (trimmed) sentence is all in `before`.
    """
    raw, text = f.sentence or "", f.text or ""
    sentence = " ".join(raw.split())
    at = _folded_at(raw, f.sentence_at, text)
    if at is None:
        at = _find(sentence, text)
    else:
        text = " ".join(text.split())
    if at < 0:
        return _trim_end(sentence, limit), "", ""
    before, after = sentence[:at], sentence[at + len(text):]
    text = sentence[at:at + len(text)]  # as the sentence writes it ("Nine", not "nine")
    room = max(limit - len(text), 20)
    keep_before = min(len(before), room // 2 + max(0, room // 2 - len(after)))
    keep_after = min(len(after), room - keep_before)
    if keep_before < len(before):
        cut = before[len(before) - keep_before:]
        before = "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut
    if keep_after < len(after):
        cut = after[:keep_after]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return before, text, after


def _folded_at(raw: str, at: int | None, text: str) -> int | None:
    """Where the figure at raw[at:] starts once the sentence's whitespace is folded."""
    if at is None or raw[at:at + len(text)] != text:
        return None
    prefix = raw[:at]
    folded = " ".join(prefix.split())
    return len(folded) + (1 if folded and prefix[-1:].isspace() else 0)


def _find(sentence: str, text: str) -> int:
    """The figure's place in its sentence: a whole-word match first, else any."""
    if not text:
        return -1
    m = re.search(rf"(?<![\w.,]){re.escape(text)}(?!\w)", sentence) or re.search(
        rf"(?<![\w.,]){re.escape(text)}(?!\w)", sentence, re.IGNORECASE)
    return m.start() if m else sentence.find(text)


def _trim_end(s: str, limit: int) -> str:
    if len(s) <= limit:
        return s
    cut = s[:limit]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


def interval(f: Fact) -> str:
    """'[24, ∞)' for a figure whose wording is an interval; '' for an exact one."""
    if f.qualifier == "exact" or (f.low is None and f.high is None):
        return ""
    from factcheck.rules.wording import number

    lo = "(-∞" if f.low is None else f"[{number(f.low)}"
    hi = "∞)" if f.high is None else f"{number(f.high)}]"
    return f"{lo}, {hi}"


def key_text(key: dict) -> str:
    """'injured · person · Lviv · event': what was compared; unknown place/scope said so."""
    if "converted_unit" in key:
        return f"{key.get('unit')} → {key['converted_unit']}"
    parts = []
    if key.get("part"):  # a bound finding compares two measures
        parts.append(f"{key['part']} ≤ {key['whole']}")
    for k in ("measure", "entity", "location", "scope", "actor"):
        if k not in key:
            continue
        if key[k]:
            parts.append(str(key[k]))
        elif k in ("location", "scope"):
            parts.append(f"{'place' if k == 'location' else k} not stated")
    if not parts:
        parts = [f"{k} {v}" for k, v in key.items() if v]
    return " · ".join(parts)
