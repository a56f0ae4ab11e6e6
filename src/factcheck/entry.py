"""The `factcheck` command's entry point, kept apart from the CLI module on purpose.

Lexicons are read when the extractor is imported; a lexicon that does not
validate must still end as one line naming its file and line (exit 2), not as
a traceback from the import of factcheck.cli.
"""

from __future__ import annotations

import sys

from factcheck.errors import FactcheckError


def main() -> None:
    try:
        from factcheck.cli import main as run
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    run()
