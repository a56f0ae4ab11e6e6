"""Page furniture: the lines of a captured page that are not the article.

Captures keep navigation, link lists, share and comment widgets and bylines
next to the story. Their figures ("list 1 of 3", "2 minutes ago", a related
headline's casualty count) belong to no claim of the piece, so their spans are
returned for Document.skip. The text itself is never cut: offsets stay true to
the input.

The patterns are generic (what such widgets say on any site), matched only
against whole short lines, so a sentence of prose that happens to start with
"Share" or "Watch" is never taken for furniture.
"""

from __future__ import annotations

import re

from factcheck.corpus.text_patterns import (
    RELATIVE_TIME,
    hspace_compile,
    line_matches,
    short_line_starts,
)

Span = tuple[int, int]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[ ]?[ap]\.?m\.?)?(?:[ ][A-Z]{2,4})?"
_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ ]{_MONTH}\.?,?[ ]\d{{4}}|{_MONTH}\.?[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]\d{{4}})"

_STAMP = rf"(?:{_DATE}(?:,?[ ](?:at[ ])?{_CLOCK})?|{_CLOCK}(?:,?[ ]{_DATE})?)"

# Headings that open a list of links to other stories: the list goes with them.
_LIST_HEADING = (
    r"related(?:[ ](?:articles?|news|stories|content|coverage|links|posts|reading|topics|videos?))?"
    r"|most[ ](?:read|popular|viewed|shared|watched)(?:[ ]\w+)?"
    r"|trending(?:[ ](?:now|stories|news|articles))?|top[ ]stories|popular[ ]now"
    r"|recommended(?:[ ](?:for[ ]you|stories|articles|reading|videos?))?|editor'?s[ ]picks"
    r"|you[ ](?:may|might)[ ](?:also[ ])?(?:like|be[ ]interested[ ]in)"
    r"|read[ ](?:more|next|also)|see[ ]also|more[ ](?:stories|news|on[ ]this[ ](?:story|topic))"
    r"|more[ ]from[ ][\w .&'’-]{1,40}|in[ ]other[ ]news|latest[ ](?:news|stories)"
)

# Lines that are furniture by themselves.
_SINGLE_LINE = (
    # comment widgets
    r"comments?|no[ ]comments(?:[ ]yet)?\.*|\d+[ ]comments?|leave[ ]a[ ](?:reply|comment)"
    r"|(?:add|post|show|view|load)[ ](?:a[ ]|your[ ]|more[ ]|all[ ])?comments?"
    r"|join[ ]the[ ](?:conversation|discussion)"
    # share / print / subscribe widgets
    r"|share(?:[ ](?:this|on[ ]\w+|via[ ]\w+)(?:[ ](?:article|story|page|post))?)?[.!:]?"
    r"|tweet|print|e-?mail|copy[ ]link|link[ ]copied|whatsapp|facebook|twitter|linkedin"
    r"|subscribe(?:[ ]now)?|sign[ ]up|sign[ ]in|log[ ]in"
    r"|(?:subscribe|sign[ ]up|register)\b[^\r\n]{0,80}\b(?:newsletters?|updates|alerts|briefing|free|now|today|here)\b[^\r\n]{0,40}"
    r"|follow[ ]us(?:[ ]on[ ][^\r\n]{1,60})?|get[ ]our[ ][^\r\n]{1,40}[ ](?:app|newsletter)"
    # ads and promos
    r"|advertisement|advert|ad|sponsored(?:[ ]content)?|promoted(?:[ ]stories)?|paid[ ]content"
    r"|story[ ]continues[ ]below(?:[ ]advertisement)?|continue[ ]reading(?:[ ]below)?"
    r"|try[ ](?:our|the)[ ][^\r\n]{1,40}|explore[ ]what[ ][^\r\n]{1,40}[ ]can[ ]do(?:[ ]for[ ]you)?:?"
    r"|(?:watch|listen|video|photos?|gallery|in[ ]pictures)(?:[ ]now)?(?:[ ]?[:—–]|[ ]-[ ])[^\r\n]{0,120}"
    # site navigation
    r"|exit[ ]mobile[ ]version|skip[ ]to[ ](?:main[ ])?content|back[ ]to[ ]top|menu|search|home"
    r"|read[ ]the[ ]full[ ](?:article|story)(?:[ ]here)?|click[ ]here\b[^\r\n]{0,80}"
    r"|end[ ]of[ ]list"
    # carousel and gallery counters; the rest of the line is a teaser
    r"|(?:[-•*][ ]?)?(?:list|item|image|photo|picture|slide|(?:hide[ ])?caption|video)[ ]\d+[ ]of[ ]\d+[^\r\n]*"
    # photo credits
    r"|(?:photo|image|picture|video)(?:[ ](?:credit|caption|source))?s?:[ ][^\r\n]{1,80}"
    r"|(?:image|media)[ ](?:caption|source|copyright)[^\r\n]{0,80}"
    # publication stamps on a line of their own
    rf"|(?:(?:published|updated|posted|last[ ]updated|first[ ]published)[: ]+(?:on[ ])?)?"
    rf"(?:{_STAMP}|{RELATIVE_TIME})"
)

_MAX_LINE = 160
_LIST_HEADING_LINE = hspace_compile(
    rf"^[ ]*+(?:{_LIST_HEADING})[ ]*:?[ ]*\r?$", re.MULTILINE | re.IGNORECASE
)
_SINGLE_LINE_RE = hspace_compile(rf"^[ ]*+(?:{_SINGLE_LINE})[ ]*\r?$", re.MULTILINE | re.IGNORECASE)

# "By Jane Doe and John Roe | Reuters | 21 August 2025 13:45": capitalised names
# and stamps only, so prose such as "By Monday, 300 people had fled" never matches.
_NAME_WORD = r"[A-Z][\w'’-]*\.?"
_BYLINE = hspace_compile(
    rf"^[ ]*+By[ ]{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,3}}"
    rf"(?:[ ](?:and|&)[ ]{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,3}})?"
    rf"(?:[ ]?[,|•·–—-][ ]?(?:{_STAMP}|{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,4}}))*"
    rf"[ ]*\r?$",
    re.MULTILINE,
)
# A live blog's byline glued to its timestamp: "…said. Jane Doe21 August 2025 13:45 Next…".
_GLUED_BYLINE = hspace_compile(
    rf"[A-Z][a-z'’-]+[ ](?:[A-Z]\.[ ])?[A-Z][A-Za-z'’-]*[a-z](?:{_DATE})(?:,?[ ](?:at[ ])?{_CLOCK})?"
)
# "Source: example.co.uk" closing a capture names the publication.
_SOURCE_LINE = hspace_compile(
    r"^[ ]*+Source[ ]*:[ ]*(?P<source>[\w.&'’-]+(?:[ ][\w.&'’-]+){0,4})[ ]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_NON_BLANK_LINE = hspace_compile(r"^[ ]*+\S[^\r\n]*", re.MULTILINE)
_MAX_LIST_ITEMS = 15
_TAIL_LINES = 3


def furniture_spans(text: str, stop_at: frozenset[int] = frozenset()) -> list[Span]:
    """Spans (start, end) of furniture lines and link lists, in text order, unmerged.

    `stop_at` holds offsets where a link list must end (section headers of an
    aggregator page), so a "Related" list never swallows the next outlet's piece.
    """
    # A furniture line or a byline is matched whole and kept only when short: longer
    # lines (most of a story's paragraphs) are not tried at all.
    short = short_line_starts(text, _MAX_LINE)
    spans = [m.span() for m in line_matches(_SINGLE_LINE_RE, text, short)]
    spans += [m.span() for m in line_matches(_BYLINE, text, short)]
    spans += [m.span() for m in _GLUED_BYLINE.finditer(text)]
    listed_until = -1
    for heading in line_matches(_LIST_HEADING_LINE, text):
        spans.append(heading.span())
        # A heading inside the last list goes on from its end, so no line is scanned twice.
        items = _link_list(text, max(heading.end(), listed_until), stop_at)
        spans += items
        listed_until = max(listed_until, items[-1][1] if items else heading.end())
    return spans


def _link_list(text: str, pos: int, stop_at: frozenset[int]) -> list[Span]:
    """The headline-like lines after a list heading, up to the first line of prose."""
    spans = []
    for line in _NON_BLANK_LINE.finditer(text, pos):
        if len(spans) >= _MAX_LIST_ITEMS or line.start() in stop_at or _is_prose(line.group()):
            break
        spans.append(line.span())
    return spans


def _is_prose(line: str) -> bool:
    line = line.strip()
    ends_sentence = line.endswith((".", "!", '."', ".”", ".'", ".’")) and not line.endswith("...")
    return len(line) > _MAX_LINE or ends_sentence


def trailing_source(text: str) -> tuple[str, Span] | None:
    """The publication named by a "Source: …" line among the last few lines, with its span."""
    tail = list(_NON_BLANK_LINE.finditer(text, max(0, len(text) - 2000)))[-_TAIL_LINES:]
    for line in reversed(tail):
        m = _SOURCE_LINE.match(text, line.start())
        if m and m.end() <= line.end() + 1:
            return m.group("source"), m.span()
    return None


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, non-overlapping spans (touching ones joined)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)
