"""A short run of the fuzz target (`make fuzz` runs it long): the properties hold."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import fuzz_properties  # noqa: E402


def test_short_fuzz_run_keeps_every_property() -> None:
    assert fuzz_properties.fuzz(examples=150) >= 100


def test_fuzz_properties_catch_a_broken_interval() -> None:
    """The checker itself can fail: an interval that does not hold its value is caught."""
    import pytest

    from factcheck.models import Document, Fact

    doc = Document(id="d", text="Up to 1/3")
    bad = Fact(doc="d", source=None, start=0, end=9, text="Up to 1/3", value=1 / 3, low=None,
               high=0.333333333333, qualifier="at_most")
    with pytest.raises(AssertionError):
        fuzz_properties.check_facts([doc], [bad])
