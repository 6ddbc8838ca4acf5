"""Normalise post text for matching, keeping a map from every normalised character back to the original text.

Steps, in order: removal of invisible characters (zero-width, bidi controls, soft hyphen, variation selectors)
and of separators inserted to break up a word (赌*博, 赌 博, 色.情, s.e.x); NFKC (full-width → half-width,
compatibility forms); case folding; traditional → simplified (OpenCC ``t2s``, the official wheels).

Which separators go: a run of at most ``MAX_SEPARATOR_RUN`` non-word characters beside a CJK character, or a single
non-space punctuation character between two letters. Spaces between Latin words stay, so "sussex" and "sus sex"
remain different and Latin terms keep their word boundaries.

Steps that change nothing are skipped and the map back is computed only when a span is asked for (most posts match
nothing), which keeps a 140-character post at 10-20 µs; see benchmarks/bench_suggestions.py.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from dataclasses import dataclass

import opencc

NORMALISER_VERSION = 1  # bump when the output changes: learned models record it
MAX_SEPARATOR_RUN = 3

_CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_CJK = re.compile(f"[{_CJK_CLASS}]")
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f"
                        "\u3164\ufe00-\ufe0f\ufeff\uffa0]+")
_SEPARATOR_RUN = re.compile(r"[\W_]+")
_NFKC_UNSTABLE_RUN = re.compile("[^\u3400-\u4dbf\u4e00-\u9fff]+")
# Characters that NFKC may compose with their neighbour (combining marks, Hangul jamo): when one is present, a
# same-length NFKC result is not necessarily a one-to-one replacement.
_COMPOSING = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff"
                        "\u1100-\u11ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\u3131-\u318e"
                        "\ufe20-\ufe2f]")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

_local = threading.local()
_traditional: re.Pattern[str] | None = None


def _traditional_characters() -> re.Pattern[str]:
    """The ideographs OpenCC's t2s changes on their own (~3,800), found once by converting every one of them
    (~40 ms): a post without any is left alone, which saves the conversion for most simplified posts. A
    character that changes only inside a phrase (瞭 in 瞭解) is then converted only when the post has another
    traditional character; both forms are valid simplified text, so matching loses little."""
    global _traditional
    if _traditional is None:
        ideographs = "".join(chr(i) for i in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)])
        changed = "".join(a for a, b in zip(ideographs, _t2s(ideographs), strict=True) if a != b)
        _traditional = re.compile(f"[{changed}]")
    return _traditional


def _t2s(text: str) -> str:
    converter = getattr(_local, "t2s", None)
    if converter is None:  # one converter per thread: the GUI calls from its worker threads
        converter = _local.t2s = opencc.OpenCC("t2s")
    try:
        return str(converter.convert(text))
    except UnicodeEncodeError:  # a lone surrogate (hostile or broken post): OpenCC needs UTF-8
        return str(converter.convert(_LONE_SURROGATE.sub("\ufffd", text)))


class _Expanded:
    """A step that replaced characters one by one (possibly by several or none): an explicit map."""

    __slots__ = ("offsets",)

    def __init__(self, pieces: list[str]) -> None:
        self.offsets: list[int] = []
        for i, piece in enumerate(pieces):
            self.offsets.extend([i] * len(piece))

    def to_input(self, index: int) -> int:
        return self.offsets[index]


class _Dropped:
    """A step that deleted some spans of its input."""

    __slots__ = ("_dropped_before", "_kept_starts", "drops")

    def __init__(self, drops: list[tuple[int, int]]) -> None:
        self.drops = drops
        self._kept_starts: list[int] | None = None  # built on the first lookup: most posts never map a span back
        self._dropped_before: list[int] = []

    def to_input(self, index: int) -> int:
        if self._kept_starts is None:
            # where each drop starts in the OUTPUT, and how many characters were dropped before it: mapping an
            # index back is then one bisection, not a walk over every drop (a separator-laden post has hundreds)
            kept_starts, dropped = [], [0]
            for start, end in self.drops:
                kept_starts.append(start - dropped[-1])
                dropped.append(dropped[-1] + end - start)
            self._kept_starts, self._dropped_before = kept_starts, dropped
        return index + self._dropped_before[bisect.bisect_right(self._kept_starts, index)]

    def apply(self, text: str) -> str:
        kept: list[str] = []
        position = 0
        for start, end in self.drops:
            kept.append(text[position:start])
            position = end
        kept.append(text[position:])
        return "".join(kept)


_Step = _Expanded | _Dropped


@dataclass(frozen=True, slots=True)
class Normalised:
    """``text`` is the normalised form of ``original``; ``original_span`` maps a span of it back."""

    original: str
    text: str
    steps: tuple[_Step, ...] = ()  # the steps that moved characters, in the order applied

    def original_index(self, index: int) -> int:
        for step in reversed(self.steps):
            index = step.to_input(index)
        return index

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that produced ``text[start:end]`` (end exclusive, code points)."""
        if end <= start:
            position = self.original_index(start) if start < len(self.text) else len(self.original)
            return position, position
        return self.original_index(start), self.original_index(end - 1) + 1


def _is_cjk_ord(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3040 <= code <= 0x30FF \
        or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def _inserted_separators(text: str) -> list[tuple[int, int]]:
    drops = []
    length = len(text)
    for match in _SEPARATOR_RUN.finditer(text):
        start, end = match.span()
        if start == 0 or end == length:
            continue
        before, after = text[start - 1], text[end]
        # the common case (an ideograph on either side) first, without a function call
        if "\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff" \
                or _is_cjk_ord(ord(before)) or _is_cjk_ord(ord(after)):
            if end - start <= MAX_SEPARATOR_RUN:
                drops.append((start, end))
        elif end - start == 1 and not text[start].isspace() and before.isalpha() and after.isalpha():
            drops.append((start, end))
    return drops


def _nfkc_runs(text: str) -> tuple[str, bool]:
    """NFKC of ``text`` applied run by run (unified ideographs are stable and skipped: normalising a whole
    Chinese post costs ~20 µs once one full-width comma defeats the quick check). The flag says whether every
    run kept its length, i.e. whether the result is a one-to-one replacement."""
    pieces: list[str] = []
    position = 0
    one_to_one = True
    for match in _NFKC_UNSTABLE_RUN.finditer(text):
        run = match.group()
        compatible = unicodedata.normalize("NFKC", run)
        if compatible != run and (len(compatible) != len(run) or _COMPOSING.search(run) is not None):
            one_to_one = False
        pieces.append(text[position:match.start()])
        pieces.append(compatible)
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), one_to_one


def normalise(original: str) -> Normalised:
    text = original
    steps: list[_Step] = []
    if not text.isascii() and _INVISIBLE.search(text) is not None:
        invisible = _Dropped([m.span() for m in _INVISIBLE.finditer(text)])
        steps.append(invisible)
        text = invisible.apply(text)
    # Separators go before NFKC: most full-width punctuation sits between two ideographs and disappears here,
    # which leaves NFKC little or nothing to do.
    separators = _inserted_separators(text)
    if separators:
        step = _Dropped(separators)
        steps.append(step)
        text = step.apply(text)
    if not unicodedata.is_normalized("NFKC", text):
        compatible, one_to_one = _nfkc_runs(text)
        if one_to_one:
            text = compatible
        else:
            pieces = [unicodedata.normalize("NFKC", ch) for ch in text]
            steps.append(_Expanded(pieces))
            text = "".join(pieces)
    folded = text.casefold()
    if len(folded) == len(text):  # casefold never deletes a character: equal length means one-to-one
        text = folded
    else:
        pieces = [ch.casefold() for ch in text]
        steps.append(_Expanded(pieces))
        text = "".join(pieces)
    if not text.isascii() and _traditional_characters().search(text) is not None:
        simplified = _t2s(text)
        if len(simplified) == len(text):  # OpenCC's t2s phrases keep their length in practice
            text = simplified
        else:
            pieces = [_t2s(ch) if _CJK.match(ch) else ch for ch in text]
            steps.append(_Expanded(pieces))
            text = "".join(pieces)
    return Normalised(original=original, text=text, steps=tuple(steps))


def normalise_text(text: str) -> str:
    """Only the normalised text (for lexicon terms and model features)."""
    return normalise(text).text
