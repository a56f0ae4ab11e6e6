"""The native quantity extractor: every figure in English news text, classified and normalised.

`find_quantities("Russia launched nearly 1,000 drones")` returns one Quantity
with value 1000, interval [900, 1000], qualifier "approx", noun "drones".
How: extract/scan.py (the single pass), numbers.py (digits and number words),
units.py (units, currencies), qualifiers.py (intervals), kinds.py (dates,
years, labels, nouns); the word lists are in data/rules/lexicon/.
"""

from __future__ import annotations

from factcheck.extract.scan import scan
from factcheck.models import Quantity


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, sorted by start offset; `text == doc[start:end]` for each."""
    return scan(text)
