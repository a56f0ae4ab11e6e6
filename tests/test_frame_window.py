"""A figure's window from the document's tokens is the window tokenised alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.frame.window import REACH, RUN_ON_AHEAD, DocumentTokens, window

PIECES = st.sampled_from(["12", "1,200", "5.9", "-", "year-old", "girl", " ", ", ", ". ", "\n",
                          "KO's", "Mr.", "$", "US$5", "(", ")", "red-flagged", "’s", "Lviv"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=60), st.data())
def test_sliced_windows_equal_tokenised_windows(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert window(text, start, end, DocumentTokens(text)) == window(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=200), st.data())
def test_windows_of_one_document_share_stretches_rightly(pieces, data):
    # One DocumentTokens serves a document's figures in turn (its last stretch reused,
    # a run-on window's stretch running on): each window is still the one made alone.
    text = "".join(pieces)
    tokens = DocumentTokens(text)
    points = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=20)))
    for start, end in zip(points, points[1:]):
        assert window(text, start, end, tokens) == window(text, start, end)


def test_a_run_on_sentence_is_tokenised_in_stretches_that_run_on():
    text = "word, " * 400  # no sentence end: every window is cut at REACH
    tokens = DocumentTokens(text)
    made = set()
    for start in range(0, len(text) - 5, 60):
        assert window(text, start, start + 4, tokens) == window(text, start, start + 4)
        made.add(id(tokens._last))
    assert len(made) <= len(text) // (RUN_ON_AHEAD - 2 * REACH) + 1
