"""Shared test fixtures: where ../shared is (it is absent on a user's machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The evaluation data beside the checkout; tests that need it skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
