"""A figure's window from the document's tokens is the window tokenised alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.frame.window import DocumentTokens, window

PIECES = st.sampled_from(["12", "1,200", "5.9", "-", "year-old", "girl", " ", ", ", ". ", "\n",
                          "KO's", "Mr.", "$", "US$5", "(", ")", "red-flagged", "’s", "Lviv"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=60), st.data())
def test_sliced_windows_equal_tokenised_windows(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert window(text, start, end, DocumentTokens(text)) == window(text, start, end)
