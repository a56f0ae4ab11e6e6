"""How figures and keys read in messages: one wording for every rule and report."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from factcheck.extract.context.lexicon import plural as lexicon_plural
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
    """The value as its wording allows: '2', 'at least 24', 'about 1,000', '2–3'; a kind of
    figure as people write it: '52-3', '$1,099', 'magnitude 6.2', 'the 3rd', '8 years old'."""
    q, v, lo, hi = f.qualifier, f.value, f.low, f.high
    if f.second is not None and f.unit in ("score", "record"):
        return f"{number(v)}-{number(f.second)}"  # a score or a win-loss record as written
    if f.dimension == "model":
        return f.text  # "737-800": a name, not a range
    if f.dimension == "ordinal" and q == "exact" and v is not None:
        return ordinal(v)
    sign = _CURRENCY_SIGNS.get(f.unit or "") if (f.dimension or "").startswith("money:") else None
    if sign:
        fmt = lambda x: f"{sign}{number(x)}"  # noqa: E731 - one spelling for every bound
        unit = ""
    elif f.unit == "magnitude":
        fmt, unit = (lambda x: f"magnitude {number(x)}"), ""
    elif f.unit == "caliber":
        fmt, unit = (lambda x: f"{number(x).lstrip('0')} calibre"), ""
    elif f.dimension == "year" or f.kind == "year":
        fmt, unit = (lambda x: f"{x:.0f}"), ""  # "2007", never "2,007"
    else:
        fmt = number
        unit = "" if f.unit in ("count", "", None) else f" {unit_name(f.unit, v)}"
    if q == "at_least":
        s = f"at least {fmt(lo if lo is not None else v)}"
    elif q == "more_than":
        s = f"more than {fmt(lo if lo is not None else v)}"
    elif q == "at_most":
        s = f"up to {fmt(hi if hi is not None else v)}"
    elif q == "less_than":
        s = f"fewer than {fmt(hi if hi is not None else v)}"
    elif q == "approx":
        s = f"about {fmt(v)}"
    elif q == "vague" and f.text:
        return f.text  # "thousands", "dozens": the wording is the figure
    elif q in ("range", "vague") and (lo is not None or hi is not None):
        s = f"{fmt(lo) if lo is not None else '?'}–{fmt(hi) if hi is not None else '?'}"
    else:
        s = fmt(v)
    return s + unit


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "UAH": "₴"}


def ordinal(x: float) -> str:
    """3 → '3rd', 11 → '11th', 22 → '22nd'; a fraction stays a number."""
    if not float(x).is_integer():
        return number(x)
    n = int(x)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


_IRREGULAR = {"foot": "feet", "inch": "inches", "percent": "percent", "celsius": "celsius",
              "fahrenheit": "fahrenheit", "kelvin": "kelvin"}
# Units whose name a reader says otherwise: "8 years old", not "8 year of ages".
_SAID = {"year_of_age": ("year old", "years old"), "month_of_age": ("month old", "months old"),
         "week_of_age": ("week old", "weeks old"), "day_of_age": ("day old", "days old")}


def unit_name(unit: str, value: float | None = None) -> str:
    """'kilometer' → 'kilometers' for any figure but one; currency codes stay as they are."""
    if unit in _SAID:
        return _SAID[unit][value != 1]
    name = unit.replace("_", " ")
    if value == 1 or not name.islower() or not name.isascii():
        return name
    name, per, rest = name.partition(" per ")  # "kilometers per hour"
    head, _, last = name.rpartition(" ")
    return f"{head} {plural(last)}".strip() + (f" per {rest}" if per else "")


def plural(noun: str) -> str:
    """'country' → 'countries', 'pitch' → 'pitches', 'life' → 'lives', 'ko' → 'KOs'; the
    regular cases as the lexicon makes plurals."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun in ("ko", "td"):
        return noun.upper() + "s"
    if noun.endswith("s"):
        return noun  # already plural, or a unit that has none ("celsius" is listed)
    if noun.endswith("fe") or noun in ("leaf", "half", "shelf", "thief", "wolf"):
        return noun.removesuffix("fe").removesuffix("f") + "ves"
    return lexicon_plural(noun)


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
                    "[mass]": "", "[time]": "", "time_of_day": "time of", "year": "year of"}


def quantity_name(key: Mapping[str, str | None]) -> str:
    """A framed quantity as an editor would say it."""
    dimension, thing, owner = key.get("dimension") or "", key.get("thing") or "", key.get("owner")
    attribute = thing in load_frame_lexicon().attributes  # "population", "price", "depth"
    if dimension == "count" and not attribute:
        name = f"number of {plural(thing)}"
    elif dimension == "record":
        name = "win-loss record"  # its losses show in the figures: "52-3 vs 53-3"
    elif dimension.startswith("money:"):
        # "price (USD)"; a sum that is the worth of goods: "value of the jewelry (EUR)"
        noun = thing if attribute else f"value of the {thing}"
        name = f"{noun} ({dimension[6:]})"
    elif dimension in ("ordinal", "count"):
        name = thing
    else:
        lead = _DIMENSION_WORDS.get(dimension, "")
        name = f"{lead} the {thing}" if lead else thing
    if owner:
        link = "from" if thing == "distance" else "of"  # "distance from Herat"
        name = f"{name} {link} {owner}" if dimension not in ("age",) else f"{owner}'s age"
        if dimension == "age" and thing not in ("person",):
            name = f"age of the {thing} ({owner})"
    if key.get("rates"):
        name += ", at the exchange rates the sources state"
    if key.get("phase"):
        name += f" ({key['phase']})"
    if key.get("era"):
        name += f" (past: {key['era']})" if key["era"] != "past" else " (a past event)"
    if key.get("day"):
        name += f" ({key['day'].title()})"  # another day's event than the story's
    return name
