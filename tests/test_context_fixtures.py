"""Context fixtures: each case's text (and optional report date) goes through
find_quantities + annotate, and the named figures must carry the expected fields
(tests/fixtures/context/*.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from factcheck.extract.context import annotate
from factcheck.extract.quantities import find_quantities
from factcheck.models import Document

FIXTURES = Path(__file__).parent / "fixtures" / "context"
FIELDS = ("entity", "counted", "measure", "location", "scope", "attribution", "actor", "sentence")


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_context_case(case):
    doc = Document(id="case", text=case["text"], date=case.get("date"))
    facts = annotate(doc, find_quantities(doc.text))
    for want in case["figures"]:
        surface = want["figure"]
        pattern = re.compile(rf"(?<![\w,.]){re.escape(surface)}(?![\w,]|\.\d)")
        hits = [f for f in facts if pattern.search(f.text)]
        assert hits, (
            f"no figure {surface!r} found in {case['text']!r} (got {[f.text for f in facts]})"
        )
        fact = hits[0]
        got = {k: getattr(fact, k) for k in FIELDS if k in want}
        expected = {k: want[k] for k in FIELDS if k in want}
        assert got == expected, f"{surface!r} in {case['text']!r}"


def test_fixture_keys_are_known():
    allowed_case = {"name", "text", "date", "figures"}
    for path in sorted(FIXTURES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            assert set(case) <= allowed_case, (path.name, case.get("name"))
            for fig in case["figures"]:
                assert set(fig) <= {"figure", *FIELDS}, (path.name, case["name"], fig)
