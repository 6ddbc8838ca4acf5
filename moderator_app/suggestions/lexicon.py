"""Match a policy pack's lexicons against normalised text: terms with Aho-Corasick, patterns with ``re``.

Terms are normalised the same way as posts, so a team writes 赌博 once and it also finds 賭 博, 赌*博 and ＤＵＢＯ
for "dubo". Patterns run on the normalised text (lower case, simplified, inserted separators removed). A term or
pattern that starts or ends with a Latin letter or digit only matches on a word boundary there ("sex" does not
fire inside "sussex").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from moderator_app.core.models import CategoryId
from moderator_app.core.policy import Lexicon
from moderator_app.suggestions.normalise import Normalised, normalise_text

MAX_SPANS_PER_ENTRY = 5  # evidence for the moderator, not a census


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One term or pattern of a lexicon."""

    category: CategoryId
    lexicon_id: str
    kind: str  # "lexicon" (a term) | "pattern"
    source: str  # the term as written, or the regex
    weight: float
    explain_zh: str
    explain_en: str


@dataclass(frozen=True, slots=True)
class LexiconHit:
    entry: LexiconEntry
    span: tuple[int, int]  # in the ORIGINAL text
    matched: str  # the original text under the span


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    if _is_word_char(text[start]) and start > 0 and _is_word_char(text[start - 1]):
        return False
    return not (_is_word_char(text[end - 1]) and end < len(text) and _is_word_char(text[end]))


class LexiconMatcher:
    """All the lexicons of a pack in one automaton. Built once; ``match`` is thread-safe."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        by_key: dict[str, list[LexiconEntry]] = {}
        patterns: list[tuple[re.Pattern[str], LexiconEntry]] = []
        for lexicon in lexicons:
            for term in lexicon.terms:
                key = normalise_text(term.text)
                if not key:
                    continue  # a term of separators only can never match anything
                by_key.setdefault(key, []).append(LexiconEntry(
                    lexicon.category, lexicon.lexicon_id, "lexicon", term.text, term.weight,
                    term.explain_zh, term.explain_en))
            for pattern in lexicon.patterns:
                patterns.append((re.compile(pattern.regex), LexiconEntry(
                    lexicon.category, lexicon.lexicon_id, "pattern", pattern.regex, pattern.weight,
                    pattern.explain_zh, pattern.explain_en)))
        self._automaton = ahocorasick.Automaton()
        for key, entries in by_key.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        if by_key:
            self._automaton.make_automaton()
        self._has_terms = bool(by_key)
        self._patterns = tuple(patterns)

    @property
    def term_count(self) -> int:
        return len(self._automaton)

    @property
    def pattern_count(self) -> int:
        return len(self._patterns)

    def match(self, normalised: Normalised) -> list[LexiconHit]:
        """Every term and pattern found, at most MAX_SPANS_PER_ENTRY spans each; a match lying inside a longer
        match of the same category is dropped (网络赌博 does not also count as 赌博)."""
        text = normalised.text
        found: list[tuple[int, int, LexiconEntry]] = []
        if self._has_terms and text:
            for last, (length, entries) in self._automaton.iter(text):
                start, end = last + 1 - length, last + 1
                if _on_word_boundary(text, start, end):
                    found.extend((start, end, entry) for entry in entries)
        for regex, entry in self._patterns:
            for m in regex.finditer(text):
                if m.end() > m.start() and _on_word_boundary(text, m.start(), m.end()):
                    found.append((m.start(), m.end(), entry))
        if not found:
            return []
        return self._to_hits(normalised, found)

    @staticmethod
    def _to_hits(normalised: Normalised, found: list[tuple[int, int, LexiconEntry]]) -> list[LexiconHit]:
        found.sort(key=lambda f: (f[0] - f[1], f[0]))  # longest first, then leftmost
        kept: list[tuple[int, int, LexiconEntry]] = []
        per_entry: dict[LexiconEntry, int] = {}
        for start, end, entry in found:
            if any(k[2].category == entry.category and k[0] <= start and end <= k[1] and k[2] is not entry
                   for k in kept):
                continue
            if per_entry.get(entry, 0) >= MAX_SPANS_PER_ENTRY:
                continue
            per_entry[entry] = per_entry.get(entry, 0) + 1
            kept.append((start, end, entry))
        kept.sort(key=lambda f: f[0])
        hits = []
        for start, end, entry in kept:
            a, b = normalised.original_span(start, end)
            hits.append(LexiconHit(entry, (a, b), normalised.original[a:b]))
        return hits
