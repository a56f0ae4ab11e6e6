"""Alignment fixtures (tests/fixtures/alignment/*.yaml): sentences from several
outlets about one story. `flagged: true` means FC008 must find one quantity
whose figures cannot both hold; `flagged: false` that it must stay quiet; `says`,
when given, is the finding's message word for word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.extract import extract_facts
from factcheck.models import Document
from factcheck.rules import check, load_pack

FIXTURES = Path(__file__).parent / "fixtures" / "alignment"
PACK = load_pack([], default=True)


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_alignment_case(case):
    docs = [Document(id=f"d{i}", text=text, source=f"Outlet {chr(65 + i)}", story="story")
            for i, text in enumerate(case["sources"])]
    findings = [f for f in check(extract_facts(docs), PACK) if f.rule == "FC008"]
    described = [f.message for f in findings]
    assert bool(findings) == case["flagged"], described
    if "says" in case:  # the message names the quantity and shows the figures as written
        assert case["says"] in described, described


def test_every_dimension_file_has_both_outcomes():
    for path in sorted(FIXTURES.glob("*.yaml")):
        outcomes = {c["flagged"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]}
        assert outcomes == {True, False}, path.name
