"""Normalisation: what it folds together, and that every normalised character maps back to the original."""

from __future__ import annotations

import pytest

from moderator_app.suggestions.normalise import normalise


@pytest.mark.parametrize(("original", "normalised"), [
    ("賭博網站", "赌博网站"),  # traditional -> simplified
    ("ＶＸ：ＡＢＣ１２３", "vxabc123"),  # full-width -> half-width, case folded; the colon between letters goes
    ("赌 博", "赌博"), ("赌*博", "赌博"), ("色.情", "色情"), ("赌🎲博", "赌博"),  # inserted separators
    ("赌\u200b博", "赌博"), ("\u200d色\u2060情\ufeff", "色情"),  # zero-width characters anywhere
    ("s.e.x", "sex"), ("ｓ．ｅ．ｘ", "sex"),  # a dot between letters
    ("Straße", "strasse"), ("ﬁne", "fine"),  # expansions
])
def test_variants_normalise_to_the_same_text(original: str, normalised: str) -> None:
    assert normalise(original).text == normalised


@pytest.mark.parametrize("text", [
    "sus sex",  # a space between Latin words stays: words keep their boundaries
    "1.5元",  # a decimal point between digits stays
    "赌 ...... 博",  # a long run of punctuation is not an inserted separator
])
def test_ordinary_separators_stay(text: str) -> None:
    assert normalise(text).text == text


@pytest.mark.parametrize("original", [
    "快来賭＊博，ＶＸ：ａｂｃ！", "ﬁne 赌 🎲 博 Straße", "\u200b賭\u200b博\u200b", "e\u0301x 賭博", "plain text",
    "ㄱㅏ 賭", "a\ud800 賭博",
])
def test_every_normalised_character_comes_from_its_original(original: str) -> None:
    result = normalise(original)
    indices = [result.original_index(i) for i in range(len(result.text))]
    assert indices == sorted(indices) and all(0 <= i < len(original) for i in indices)
    for i, ch in enumerate(result.text):
        source = original[indices[i]]
        assert ch == source or normalise(source).text.startswith(ch) or ch in normalise(source).text or \
            ch == "\ufffd", (ch, source)


def test_span_maps_back_to_the_original_characters() -> None:
    original = "今晚 賭＊博 走起"
    result = normalise(original)
    start = result.text.index("赌博")
    a, b = result.original_span(start, start + 2)
    assert original[a:b] == "賭＊博"


def test_empty_text() -> None:
    result = normalise("")
    assert result.text == "" and result.original_span(0, 0) == (0, 0)
