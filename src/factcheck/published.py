"""Publication times: a document's date string as seconds since the epoch, UTC.

Readers carry dates as the strings their inputs give: ISO 8601 from markdown
front matter and HTML pages, whatever a JSONL record holds. The rules compare
times, so each string is read once here. Read: ISO 8601 dates and times
("2026-03-14", "20260314", "2026-03-14T09:00", "2026-03-14 09:00:00.5+01:00",
"…Z", "… UTC"; a year or a month alone is its first day), RFC 2822 ("Sat, 14 Mar
2026 09:00:00 GMT") and a written day ("March 14, 2026", "14 Mar 2026"). A time
without a zone is taken as UTC. Anything else is an unknown time (NaN): "a year
ago" cannot be placed. These are the readings pandas.Timestamp gave these forms,
to the nanosecond, so findings do not change with the parser.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?|(?P<basic_m>\d\d)(?P<basic_d>\d\d))?"
    r"(?:[T ](?P<H>\d\d)(?::?(?P<M>\d\d)(?::?(?P<S>\d\d)(?:[.,](?P<f>\d+))?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)?)?",  # a zone only after a time
    re.IGNORECASE,
)
_WRITTEN = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")
_EPOCH = datetime(1970, 1, 1)
_NS = 10**9


def epoch_seconds(text: str) -> float:
    """Seconds since the epoch (UTC) of a publication date string; NaN when unknown."""
    text = text.strip()
    m = _ISO.fullmatch(text)
    if m is not None:
        ns = _iso_ns(m)
        return math.nan if ns is None else ns / 1e9
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is None:
        for form in _WRITTEN:
            try:
                moment = datetime.strptime(text, form)
                break
            except ValueError:
                continue
    if moment is None:
        return math.nan
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return _ns(moment) / 1e9


def _iso_ns(m: re.Match[str]) -> int | None:
    """Nanoseconds since the epoch of an ISO match, or None for an impossible date."""
    month, day = m["m"] or m["basic_m"], m["d"] or m["basic_d"]
    if month is None and m["H"] is not None:
        return None  # "2026T09": a time needs a day
    fraction = (m["f"] or "")[:9].ljust(9, "0")
    try:
        moment = datetime(int(m["y"]), int(month or 1), int(day or 1),
                          int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0))
    except ValueError:
        return None  # the 30th of February, hour 24
    ns = _ns(moment) + int(fraction)  # to the nanosecond, as pandas read it
    zone = (m["tz"] or "").upper()
    if zone and zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        offset = int(digits[:2]) * 3600 + int(digits[2:4] or 0) * 60
        ns -= (offset if zone[0] == "+" else -offset) * _NS
    return ns


def _ns(moment: datetime) -> int:
    """Nanoseconds since the epoch of a naive UTC datetime, in whole numbers: the
    seconds are divided once, at the end, as pandas divided its nanoseconds."""
    delta = moment - _EPOCH
    return (delta.days * 86400 + delta.seconds) * _NS + delta.microseconds * 1000
