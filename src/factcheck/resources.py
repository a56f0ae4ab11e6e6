"""Where the default rule pack and lexicons live: package data, found through importlib.resources.

The pack ships inside the package (factcheck/data/rules/, lexicons in its
lexicon/ folder), so an installed wheel works from any folder.
$FACTCHECK_RULES points the default pack somewhere else (tests, experiments).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def rules_dir() -> Path:
    """The default pack: $FACTCHECK_RULES, else the pack inside the package."""
    env = os.environ.get("FACTCHECK_RULES")
    if env:
        return Path(env)
    # A regular install (wheel or editable) keeps package data as files on disk.
    return Path(str(files("factcheck") / "data" / "rules"))


def lexicon_dir() -> Path:
    """$FACTCHECK_LEXICON (a configured `lexicon` folder), else the default pack's lexicon/."""
    env = os.environ.get("FACTCHECK_LEXICON")
    if env:
        return Path(env)
    return rules_dir() / "lexicon"
