"""Frame fixtures: each case's text goes through the whole extraction pipeline,
and the named figures must carry the expected frame fields
(tests/fixtures/frame/*.yaml). A field given as null must be unset."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.extract import extract_facts
from factcheck.extract.frame import ASSIGNS
from factcheck.models import Document

FIXTURES = Path(__file__).parent / "fixtures" / "frame"
FIELDS = ("dimension", "thing", "owner", "phase", "era", "day")


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_frame_case(case):
    facts = extract_facts([Document(id="case", text=case["text"], date=case.get("date"))])
    for want in case["figures"]:
        hits = [f for f in facts if f.text == want["figure"]]
        assert hits, f"no figure {want['figure']!r} in {case['text']!r} (got {[f.text for f in facts]})"
        got = {k: getattr(hits[0], k) for k in FIELDS if k in want}
        assert got == {k: want[k] for k in FIELDS if k in want}, case["text"]


def test_fixture_fields_are_frame_fields():
    assert set(FIELDS) <= set(ASSIGNS)
    for path in sorted(FIXTURES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            assert set(case) <= {"name", "text", "date", "figures"}, (path.name, case["name"])
            for fig in case["figures"]:
                assert set(fig) <= {"figure", *FIELDS}, (path.name, case["name"], fig)


def test_cues_say_what_decided():
    text = "Delgado (31-2, 25 KOs) won the vacant belt."
    fact = next(f for f in extract_facts([Document(id="d", text=text)]) if f.text == "31-2")
    assert fact.cues == ["what: record with 2 losses", "whose: Delgado"]
