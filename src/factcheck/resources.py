"""Where the default rule pack and lexicons live."""

from __future__ import annotations

import os
from pathlib import Path


def rules_dir() -> Path:
    """The default pack: $FACTCHECK_RULES, else the repository's rules/ folder."""
    env = os.environ.get("FACTCHECK_RULES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "rules"


def lexicon_dir() -> Path:
    return rules_dir() / "lexicon"
