"""Who says so: the speaker of a figure, and the side (actor) that speaker is on.

Three shapes, tried on the figure's sentence:
  quote      'One person was killed…,' said X  /  X said: '…'   (quotes may run over sentences)
  report     Ukraine's air force said Russia launched …  /  …, the city council said.
  according  …, according to officials.
A pronoun speaker ("he added", "it said on Telegram", "the council posted")
stands for the previous sentence's speaker; the annotator resolves that and
carries a framing report ("X said …") to the next sentence of the same report.

The speaker's side (`resolve_side`) becomes the figure's actor only for a
party's claim about hostilities (attribution.yaml explains when); a city in a
speaker's words ("officials in Nice") says where the speaker is, not a side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .words import Token, tokenize

_QUOTE_CHARS = re.compile(r"['\"‘’“”«»]")
_OPENERS = frozenset("'\"‘“«")
_CLOSERS = frozenset("'\"’”»")
_SPACE_BEFORE_OPEN = frozenset(" \t\n([—–-:")
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)—–-")
MAX_QUOTE = 1500
# Words after a reporting verb that still belong to the attribution: "said on Thursday".
_ADJUNCT = frozenset(
    """
on in at late early earlier later this last a an the statement telegram x twitter facebook
social media yesterday today tonight briefing interview press conference monday tuesday
wednesday thursday friday saturday sunday morning evening night afternoon video address
televised post posts message channel website report reporters journalists
""".split()
)
# Words that cannot begin or be inside a speaker's name going backwards.
_SPEAKER_STOP = frozenset(
    """
that which who whom because as when while after before if but so than since though
although where said says is are was were be been has have had not also it's
""".split()
)
_TIME_TRAIL = frozenset(
    """
on in at late early earlier later last this yesterday today tonight monday tuesday wednesday
thursday friday saturday sunday morning evening night afternoon week
""".split()
)
_NOT_SPEAKERS = frozenset(
    """
he's she's it also then there which what who this these those one ones some all both report reports
data figures study survey news
""".split()
) - {"it"}
_AUX_BEFORE_VERB = frozenset("has have had also later earlier previously reportedly".split())
# Reporting verbs that can put their speaker after them: "…,' said X".
_INVERTING = frozenset(
    "said says added adds wrote writes posted stated continued explained noted recalled".split()
)
# Reporting verbs that are as often nouns: "reports", "claims".
_NOUN_LIKE = frozenset("reports claims states notes shows estimates posts".split())
_PRONOUNS = frozenset("he she it they his her its their him them we our i my you your".split())
_NOT_FIRST = frozenset(
    """
on in at to for from with by of into onto about over under after before during since and or but
as than that which who if when while because is are was were be been has have had do does did
""".split()
)
_LEADING_NOISE = frozenset(
    "meanwhile however also and but earlier later separately yet still then now".split()
)


@dataclass(slots=True)
class Claim:
    speaker: str
    start: int  # document offsets of the attribution clause (speaker … verb … adjuncts)
    end: int
    how: str  # quote · report · according
    framing: bool = False  # "X said …" opens the sentence: the rest is X's report
    pronoun: bool = False  # "he added", "the council posted": refers back


class AttributionReader:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.pronouns = lex.speaker_pronouns

    # ---------------------------------------------------------------- quotes
    @staticmethod
    def quote_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
        """Matched (open, close) quote offsets in text[a:b] (one paragraph)."""
        spans = []
        open_at = -1
        for m in _QUOTE_CHARS.finditer(text, a, b):
            p = m.start()
            c = text[p]
            prev = text[p - 1] if p > a else " "
            nxt = text[p + 1] if p + 1 < b else " "
            if open_at >= 0 and c in _CLOSERS and not prev.isspace() and nxt in _AFTER_CLOSE:
                spans.append((open_at, p))
                open_at = -1
            elif c in _OPENERS and prev in _SPACE_BEFORE_OPEN and not nxt.isspace():
                open_at = p
            if open_at >= 0 and p - open_at > MAX_QUOTE:
                open_at = -1
        return spans

    def quote_claim(self, text: str, span: tuple[int, int], para_start: int) -> Claim | None:
        """The speaker of a quote: after it (', said X' / ', X said') or before it (X said: ')."""
        o, c = span
        lex = self.lex
        tail = tokenize(text[c + 1 : c + 160], c + 1)
        j = 0
        while j < len(tail) and tail[j].text in ",.":
            j += 1
        if j < len(tail) and tail[j].low in lex.speech_verbs:
            speaker, last = self._speaker_after(tail, j)
            if speaker:
                return self._claim(speaker, tail[j].start, tail[last].end, "quote", text)
        else:
            for k in range(j, min(j + 9, len(tail))):
                if tail[k].low in lex.speech_verbs:
                    speaker, first = self._speaker_before(tail, k)
                    if speaker and first == j:
                        return self._claim(speaker, tail[j].start, tail[k].end, "quote", text)
                    break
                if not tail[k].is_word:
                    break
        head = tokenize(text[max(para_start, o - 160) : o], max(para_start, o - 160))
        # "X said: '", "X told reporters on Friday: '"
        for k in range(len(head) - 1, max(-1, len(head) - 9), -1):
            t = head[k]
            if t.low in lex.speech_verbs:
                speaker, first = self._speaker_before(head, k)
                if speaker:
                    return self._claim(speaker, head[first].start, o, "quote", text)
                break
            if not (t.is_word or t.text in ":,"):
                break
        return None

    # -------------------------------------------------------------- sentences
    def is_verb(self, tokens: list[Token], i: int) -> bool:
        """Whether token i is a reporting verb here, not a noun or part of a name."""
        t = tokens[i]
        if t.low not in self.lex.speech_verbs:
            return False
        if t.text[0].isupper() and t.low not in ("says", "said"):
            return False  # "United States", "Reports" in a title
        if t.low in _NOUN_LIKE:
            # "The ministry reports that …" is a verb; "Preliminary reports said" is not.
            nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
            return nxt in ("that", ",", ":")
        return True

    def sentence_claims(
        self, text: str, tokens: list[Token], sent_start: int, sent_end: int
    ) -> list[Claim]:
        """Reports and "according to" sources in one sentence (outside quotes)."""
        lex = self.lex
        claims: list[Claim] = []
        n = len(tokens)
        speech = lex.speech_verbs
        for i in [k for k, t in enumerate(tokens) if t[3] in speech]:
            t = tokens[i]
            if not self.is_verb(tokens, i):
                continue
            speaker, first, inverted, last = None, -1, False, i
            if t.low in _INVERTING and i + 1 < n and (i == 0 or tokens[i - 1].text in ",'\"’”"):
                # "…, said disaster agency official Fauzi": the name after the verb, not
                # the end of the clause before the comma
                speaker, last = self._speaker_after(tokens, i)
                inverted = bool(speaker)
            if not speaker:
                speaker, first = self._speaker_before(tokens, i)
                last = i
            if not speaker:
                continue
            start = tokens[first].start if not inverted else t.start
            end = t.end if not inverted else tokens[last].end
            j = i + 1 if not inverted else last + 1
            while j < n and tokens[j].low in _ADJUNCT:
                end = tokens[j].end
                j += 1
            claim = self._claim(speaker, start, end, "report", text)
            claim.framing = (
                not inverted
                and tokens[first].start - sent_start <= 2
                and j < n
                and tokens[j].is_word
            )
            claims.append(claim)
        if lex.according is not None:
            for m in lex.according.finditer(text, sent_start, sent_end):
                rest = text[m.end() : sent_end]
                src = re.match(r"[^,.;:!?()—–]{2,80}", rest)
                if src:
                    speaker = _clean_speaker(src.group())
                    if speaker:
                        claims.append(
                            self._claim(speaker, m.start(), m.end() + src.end(), "according", text)
                        )
        return claims

    def _speaker_before(self, tokens: list[Token], i: int) -> tuple[str | None, int]:
        """The speaker ending right before the verb at i: "Ukraine's air force (has) said".

        Skips an appositive or relative clause set off by commas ("Christian Estrosi,
        the regional president, confirmed"; "The fire brigade, which has 70 officers
        there, said") and a trailing time ("officials on Wednesday reported")."""
        j = i - 1
        while j >= 0 and tokens[j].low in _AUX_BEFORE_VERB:
            j -= 1
        if j >= 1 and tokens[j].text == ",":
            # Back over the aside to the comma that opens it; the speaker is before that.
            k = j - 1
            while k >= 0 and j - k <= 14 and tokens[k].text not in ',;:.!?()"“”':
                k -= 1
            if k >= 1 and tokens[k].text == "," and tokens[k - 1].is_word:
                j = k - 1
            else:
                return None, -1
        end = j
        if end >= 0 and tokens[end].low in ("and", "or", "but"):
            return None, -1  # "… at $18m and said": the subject is further back, unknown here
        while j >= 0 and end - j < 8:
            t = tokens[j]
            if not t.is_word or t.low in _SPEAKER_STOP:
                if t.low in ("who", "which") and j == end - 0:
                    return None, -1
                if t.low in ("who", "which", "that"):
                    # "One eyewitness who works for the council said": the speaker is before "who".
                    sub_end = j - 1
                    if sub_end >= 0 and tokens[sub_end].is_word:
                        speaker, first = self._speaker_before(tokens, sub_end + 1)
                        return speaker, first
                break
            if t.low in self.lex.speech_verbs and t.text.islower() and t.low not in _NOUN_LIKE:
                break
            j -= 1
        first = j + 1
        while first <= end and tokens[first].low in _LEADING_NOISE:
            first += 1
        while end >= first and tokens[end].low in _TIME_TRAIL:
            end -= 1
        if first > end:
            return None, -1
        words = tokens[first : end + 1]
        speaker = " ".join(w.text for w in words)
        if not _plausible(speaker):
            return None, -1
        return speaker, first

    def _speaker_after(self, tokens: list[Token], i: int) -> tuple[str | None, int]:
        """'…,' said Maksym Kozytskyi, head of …  — a name or "the …" up to punctuation."""
        j = i + 1
        if j >= len(tokens):
            return None, -1
        first = tokens[j]
        titled = not (
            first.text[0].isupper() or first.low in ("the", "a", "an", "he", "she", "they", "it")
        )
        last = -1
        while j < len(tokens) and j - i <= 8 and tokens[j].is_word and tokens[j].low != "that":
            last = j
            j += 1
        if last < 0 or (j < len(tokens) and tokens[j].is_word):
            return None, -1  # runs on into a clause: "said it was raining"
        if titled and not tokens[last].text[0].isupper():
            return (
                None,
                -1,
            )  # lower case only for a title before a name: "said agency official Fauzi"
        speaker = " ".join(t.text for t in tokens[i + 1 : last + 1])
        return (speaker, last) if _plausible(speaker) else (None, -1)

    def _claim(self, speaker: str, start: int, end: int, how: str, text: str) -> Claim:
        return Claim(speaker, start, end, how, pronoun=_norm(speaker) in self.pronouns)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _last_clause(np: str) -> str:
    return re.split(r"\b(?:and|but|that|as|while|when)\b", np)[-1]


def _clean_speaker(s: str | None) -> str | None:
    if not s:
        return None
    words = s.strip().split()
    while words and words[0].lower() in _LEADING_NOISE:
        words = words[1:]
    return " ".join(words) or None


def _plausible(speaker: str) -> bool:
    """A speaker is a short name or noun phrase, not a clause."""
    words = speaker.split()
    if not words or len(words) > 9:
        return False
    if words[0].lower() in _NOT_FIRST:
        return False  # "on Japanese refined oil and head to": a phrase, not a speaker
    low = speaker.lower()
    if low in ("it", "this", "that", "there", "which", "what"):
        return low == "it"
    if not any(w[0].isupper() for w in words):
        # lower-case speakers are short nouns ("officials", "the city council") or a
        # title of a body ("the head of the regional military administration"),
        # not adverbs or clauses ("left his brother with what he")
        last = words[-1].lower()
        titled = len(words) > 3 and words[0].lower() in ("the", "a") and words[2] == "of"
        if last.endswith("ly") or last in _NOT_SPEAKERS or (len(words) > 4 and not titled):
            return False
        if len(words) > 1 and any(w.lower() in _PRONOUNS for w in words):
            return False
    return any(c.isalpha() for c in speaker)


def resolve_actor(lex: Lexicon, gazetteer, demonyms: dict[str, str], text: str) -> str | None:
    """The side a speaker is on: a country, demonym or place in its words, or a known name."""
    found = resolve_side(lex, gazetteer, demonyms, text)
    return found[0] if found else None


def resolve_side(
    lex: Lexicon, gazetteer, demonyms: dict[str, str], text: str
) -> tuple[str, bool] | None:
    """(side, whether it speaks for that side): a country, demonym or known name
    ("Russia's defence ministry", "Zelensky") does; a city in the words ("officials in
    Nice", "the Kharkiv regional administration") only says where the speaker is."""
    best: tuple[int, str, bool] | None = None
    for m in re.finditer(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}", text):
        parts = m.group().split(" ")
        pos = m.start()
        for i, part in enumerate(parts):
            if i > 0 and parts[i - 1] not in ("The", "the"):
                break  # a place inside a longer name ("Congregation B'nai Israel") is no side
            bare = re.sub(r"['’]s?$", "", part)
            side = demonyms.get(bare)
            national = side is not None
            if side is None:
                for k in range(len(parts) - i, 0, -1):
                    name = re.sub(r"['’]s?$", "", " ".join(parts[i : i + k]))
                    place = gazetteer.lookup(name)
                    if (
                        place
                        and place.country
                        and (place.kind == "country" or place.population >= 100_000)
                    ):
                        side, national = place.country, place.kind == "country"
                        break
            if side:
                if best is None or pos < best[0]:
                    best = (pos, side, national)
                break
            pos += len(part) + 1
    if lex.actor_pattern is not None:
        m = lex.actor_pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), lex.actors[m.group()], True)
    return (best[1], best[2]) if best else None
