"""Regex helpers shared by the layout finders."""

from __future__ import annotations

import re

# News pages are full of no-break and thin spaces, so a space in a layout pattern
# stands for any horizontal whitespace; it never crosses a line.
_HSPACE = r"[^\S\r\n]"


def hspace_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile `pattern` with each "[ ]" and "[ \\t]" widened to any horizontal whitespace."""
    return re.compile(pattern.replace("[ \\t]", _HSPACE).replace("[ ]", _HSPACE), flags)


# "2 minutes ago", "an hour ago", "5h ago", "yesterday": when a capture was taken, not a claim.
_AGO = (
    r"(?:\d{1,3}|an?|one)[ ]?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdw])"
    r"[ ]ago"
)
RELATIVE_TIME = rf"(?:{_AGO}|just[ ]now|yesterday)"
