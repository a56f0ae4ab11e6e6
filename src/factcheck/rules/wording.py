"""How figures and keys read in messages: one wording for every rule and report."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from factcheck.extract.frame.lexicon import load_frame_lexicon
from factcheck.models import Fact

KEY_ORDER = ("measure", "entity", "location", "scope", "actor", "attribution", "unit", "kind")


def number(x: float | None) -> str:
    """574 → '574', 51000.0 → '51,000', 421.93 → '421.9', 0.2 → '0.2'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    if abs(x) >= 100:
        return f"{x:,.1f}"
    return f"{x:.4g}"


def figure(f: Fact) -> str:
    """The value as its wording allows: '2', 'at least 24', 'about 1,000', '2–3'."""
    q, v, lo, hi = f.qualifier, f.value, f.low, f.high
    unit = "" if f.unit in ("count", "", None) else f" {unit_name(f.unit, v)}"
    if q == "at_least":
        s = f"at least {number(lo if lo is not None else v)}"
    elif q == "more_than":
        s = f"more than {number(lo if lo is not None else v)}"
    elif q == "at_most":
        s = f"up to {number(hi if hi is not None else v)}"
    elif q == "less_than":
        s = f"fewer than {number(hi if hi is not None else v)}"
    elif q == "approx":
        s = f"about {number(v)}"
    elif q in ("range", "vague") and (lo is not None or hi is not None):
        s = f"{number(lo) if lo is not None else '?'}–{number(hi) if hi is not None else '?'}"
    elif f.second is not None and f.unit in ("score", "record"):
        return f"{number(v)}-{number(f.second)}"  # a score or a win-loss record as written
    else:
        s = number(v)
    return s + unit


_IRREGULAR = {"foot": "feet", "inch": "inches", "percent": "percent", "celsius": "celsius",
              "fahrenheit": "fahrenheit", "kelvin": "kelvin"}


def unit_name(unit: str, value: float | None = None) -> str:
    """'kilometer' → 'kilometers' for any figure but one; currency codes stay as they are."""
    name = unit.replace("_", " ")
    if value == 1 or not name.islower() or not name.isascii():
        return name
    head, _, last = name.rpartition(" ")
    plural = _IRREGULAR.get(last) or (last if last.endswith("s") else last + "s")
    return f"{head} {plural}".strip()


def subject(key: Mapping[str, str | None]) -> str:
    """'injured · person · Lviv': the key's known parts, most telling first; a
    framed quantity in words: 'age of the girl', 'distance from Herat'."""
    if key.get("thing"):
        return quantity_name(key)
    parts = [str(key[k]) for k in KEY_ORDER if key.get(k) and k not in ("unit", "kind")]
    return " · ".join(parts) or "figure"


def by_value(facts: Iterable[Fact], joiner: str = " vs ", dated: bool = False) -> str:
    """'2 (Daily Mail) vs 3 (North Wales Chronicle, The Times)': sources grouped by figure."""
    groups: dict[str, list[str]] = {}
    for f in facts:
        label = f.source or f.doc
        if dated and f.date:
            label = f"{label}, {f.date}"
        outlets = groups.setdefault(figure(f), [])
        if label not in outlets:
            outlets.append(label)
    return joiner.join(f"{fig} ({', '.join(outlets)})" for fig, outlets in groups.items())


_DIMENSION_WORDS = {"age": "age of", "magnitude": "magnitude of", "[length]": "",
                    "[mass]": "", "[time]": "", "time_of_day": "time of"}


def quantity_name(key: Mapping[str, str | None]) -> str:
    """A framed quantity as an editor would say it."""
    dimension, thing, owner = key.get("dimension") or "", key.get("thing") or "", key.get("owner")
    if dimension == "count":
        name = f"number of {thing}s" if not thing.endswith("s") else f"number of {thing}"
    elif dimension == "record":
        name = "win-loss record"  # its losses show in the figures: "52-3 vs 53-3"
    elif dimension == "ordinal":
        name = thing
    elif dimension.startswith("money:"):
        # "price (USD)"; a sum that is the worth of goods: "value of the jewelry (EUR)"
        noun = thing if thing in load_frame_lexicon().attributes else f"value of the {thing}"
        name = f"{noun} ({dimension[6:]})"
    else:
        lead = _DIMENSION_WORDS.get(dimension, "")
        name = f"{lead} the {thing}" if lead else thing
    if owner:
        name = f"{name} of {owner}" if dimension not in ("age",) else f"{owner}'s age"
        if dimension == "age" and thing not in ("person",):
            name = f"age of the {thing} ({owner})"
    if key.get("rates"):
        name += ", at the exchange rates the sources state"
    if key.get("phase"):
        name += f" ({key['phase']})"
    if key.get("era"):
        name += f" (past: {key['era']})" if key["era"] != "past" else " (a past event)"
    return name
