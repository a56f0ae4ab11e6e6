"""Properties every run must keep, whatever the input: the fuzz target's checks.

`make fuzz` runs them with a large example budget (FUZZ_EXAMPLES, default
200,000; FUZZ_SECONDS stops early); test_fuzz.py runs a short budget in the
suite. Over reading (every input kind, as bytes), extraction, checking and
every output format, each example checks:
  - no exception escapes except FactcheckError (a one-line input error);
  - every fact's offsets slice out its text from its document;
  - every interval holds its value (low <= value <= high where given);
  - no value is inf or NaN; every JSON output parses as strict JSON.
"""

from __future__ import annotations

import io
import json
import math
import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.corpus import read_documents
from factcheck.errors import FactcheckError
from factcheck.extract import extract_facts
from factcheck.models import Document
from factcheck.report.render import FORMATS, render
from factcheck.report.summary import Report
from factcheck.rules import check, load_pack

PACK = load_pack()
KINDS = ("text", "markdown", "jsonl", "html")
COUNTER = {"inputs": 0}
DEADLINE = [math.inf]

_PIECES = st.sampled_from([
    "1e309", "2e308", "-1e309", "10^400", "9" * 320, "1,", "1/3", "2/3", "Up to", "At least",
    "nearly", "more than", "about", "killed", "injured", "drones", "in Lviv", "said", "Kyiv",
    "million", "billion", "trillion", "$", "£", "%", "km", "(422 miles)", "two", "thousand",
    "and a half", "dozens", "---\n", "date: 2020-13-45\n", "source: X\n", "{", "}", "\"text\": ",
    "\"id\": \"a\"", "\\ud800", "<p>", "</p>", "<div>", "\n", "\r", "\r\n", "\ufeff", ".", ",",
    " ", "-", "–", "×", "x 10^", "e", "^", "0", "00", "2026-03-14", "March 14, 2026", "©",
    "&a [*a]", "*a", "\x00", "\u2028",
])
TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map(" ".join)
BLOBS = st.one_of(TEXTS.map(lambda s: s.encode("utf-8", "surrogatepass")),
                  st.binary(max_size=300))


def _strict(text: str) -> object:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in JSON output")
    return json.loads(text, parse_constant=refuse)


def check_facts(docs: list[Document], facts) -> None:
    by_id = {d.id: d for d in docs}
    for f in facts:
        doc = by_id[f.doc]
        assert doc.text[f.start:f.end] == f.text, (f.start, f.end, f.text)
        for x in (f.value, f.low, f.high):
            assert x is None or math.isfinite(x), f
        if f.value is not None:
            assert f.low is None or f.low <= f.value, f
            assert f.high is None or f.value <= f.high, f
        _strict(json.dumps(f.to_dict(), ensure_ascii=False, allow_nan=False))


def run_all(docs: list[Document]) -> None:
    facts = extract_facts(docs)
    check_facts(docs, facts)
    report = Report(check(facts, PACK), facts, PACK.rules, docs)
    for fmt in FORMATS:
        out = render(report, fmt)
        if fmt in ("json", "sarif"):
            _strict(out)


def one_input(kind: str, data: bytes) -> None:
    if time.monotonic() > DEADLINE[0]:
        return
    COUNTER["inputs"] += 1
    try:
        docs = read_documents(["-"], kind, stdin=_Stdin(data), on_warning=lambda m: None)
    except FactcheckError as exc:
        assert "\n" not in str(exc)
        return
    run_all(docs)


class _Stdin(io.TextIOWrapper):
    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data), encoding="utf-8")


BATCH = 2_000  # inputs per hypothesis run: a time budget is checked between runs


def fuzz(examples: int, seconds: float | None = None) -> int:
    """Run the properties over `examples` generated inputs (or until `seconds` pass).

    Hypothesis runs in batches, each with fresh random inputs, so that a time budget
    ends the run: within one run hypothesis would go on generating to its budget."""
    if seconds:
        DEADLINE[0] = time.monotonic() + seconds
    left = examples
    while left > 0 and time.monotonic() <= DEADLINE[0]:
        batch = min(BATCH, left)

        @settings(max_examples=batch, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
        @given(st.sampled_from(KINDS), BLOBS)
        def prop(kind: str, data: bytes) -> None:
            one_input(kind, data)

        prop()
        left -= batch
    return COUNTER["inputs"]


if __name__ == "__main__":
    start = time.monotonic()
    n = fuzz(int(os.environ.get("FUZZ_EXAMPLES", "200000")),
             float(os.environ.get("FUZZ_SECONDS", "0")) or None)
    print(f"fuzz: {n:,} inputs in {time.monotonic() - start:.0f} s; properties held: no crash, "
          "one-line input errors, offsets slice out the text, intervals hold their values, "
          "no inf/NaN, strict JSON in every JSON output, every format renders")
