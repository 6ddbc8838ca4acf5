"""Match a policy pack's lexicons against normalised text: terms with Aho-Corasick, patterns with ``re``.

Terms are normalised the same way as posts, so a team writes 赌博 once and it also finds 賭 博, 赌*博 and ＤＵＢＯ
for "dubo". Patterns run on the normalised text (lower case, simplified, inserted separators removed). A term or
pattern that starts or ends with a Latin letter or digit only matches on a word boundary there ("sex" does not
fire inside "sussex").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from moderator_app.core.models import CategoryId
from moderator_app.core.policy import Lexicon
from moderator_app.suggestions.context import ContextRule, compile_rules
from moderator_app.suggestions.literals import required_literal_groups
from moderator_app.suggestions.normalise import Normalised, normalise_text
from moderator_app.suggestions.patterns import LinearRegex

MAX_SPANS_PER_ENTRY = 5  # evidence for the moderator, not a census


@dataclass(frozen=True, slots=True, eq=False)
class LexiconEntry:
    """One term or pattern of a lexicon. Compared by identity: each is built once, and hashing every field of it
    for each hit was a tenth of the matching time."""

    category: CategoryId
    lexicon_id: str
    kind: str  # "lexicon" (a term) | "pattern"
    source: str  # the term as written, or the regex
    weight: float
    explain_zh: str
    explain_en: str
    contexts: tuple[ContextRule, ...] = ()  # the lexicon's context rules


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


def _as_bytes(text: str) -> str:
    """The UTF-8 bytes of ``text`` as a str of code points 0-255. pyahocorasick scans a node's children one by
    one, and the root of a Chinese lexicon has hundreds; over bytes it has a few dozen, which makes the scan
    about three times faster. UTF-8 is self-synchronising, so a match always starts on a character."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _char_index(byte_text: str, byte_index: int) -> int:
    return len(byte_text[:byte_index].encode("latin-1").decode("utf-8", "surrogatepass"))


@dataclass(slots=True)
class _Key:
    """What one automaton key means: lexicon terms, and patterns that cannot match without it."""

    length: int  # in bytes
    entries: list[LexiconEntry]
    patterns: set[tuple[int, int]]  # (pattern, literal group): a pattern runs once each of its groups was seen


class LexiconMatcher:
    """All the lexicons of a pack in one automaton. Built once; ``match`` is thread-safe."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        keys: dict[str, _Key] = {}

        def key(text: str) -> _Key:
            encoded = _as_bytes(text)
            return keys.setdefault(encoded, _Key(len(encoded), [], set()))

        patterns: list[tuple[LinearRegex, list[LexiconEntry]]] = []  # one per distinct regex
        pattern_index: dict[str, int] = {}
        always: list[int] = []
        groups_needed: list[int] = []
        for lexicon in lexicons:
            rules = compile_rules(lexicon.contexts)
            for term in lexicon.terms:
                normalised = normalise_text(term.text)
                if normalised:  # a term of separators only can never match anything
                    key(normalised).entries.append(LexiconEntry(
                        lexicon.category, lexicon.lexicon_id, "lexicon", term.text, term.weight,
                        term.explain_zh, term.explain_en, rules))
            for pattern in lexicon.patterns:
                entry = LexiconEntry(lexicon.category, lexicon.lexicon_id, "pattern", pattern.regex, pattern.weight,
                                     pattern.explain_zh, pattern.explain_en, rules)
                if pattern.regex in pattern_index:  # the same regex in several lexicons runs once
                    patterns[pattern_index[pattern.regex]][1].append(entry)
                    continue
                index = pattern_index[pattern.regex] = len(patterns)
                patterns.append((LinearRegex(pattern.regex), [entry]))
                groups = required_literal_groups(pattern.regex)
                groups_needed.append(len(groups))
                if not groups:
                    always.append(index)
                for group_index, literals in enumerate(groups):
                    for literal in literals:
                        key(literal).patterns.add((index, group_index))
        self._automaton = ahocorasick.Automaton()
        for encoded, meaning in keys.items():
            self._automaton.add_word(encoded, (meaning.length, tuple(meaning.entries), frozenset(meaning.patterns)))
        if keys:
            self._automaton.make_automaton()
        self._has_keys = bool(keys)
        self._patterns = tuple((regex, tuple(entries)) for regex, entries in patterns)
        self._always = tuple(always)
        self._groups_needed = tuple(groups_needed)
        self.term_count = sum(len(k.entries) for k in keys.values())

    @property
    def pattern_count(self) -> int:
        return sum(len(entries) for _regex, entries in self._patterns)

    def match(self, normalised: Normalised) -> list[LexiconHit]:
        """Every term and pattern found, at most MAX_SPANS_PER_ENTRY spans each; a match lying inside a longer
        match of the same category is dropped (网络赌博 does not also count as 赌博)."""
        text = normalised.text
        found: list[tuple[int, int, LexiconEntry]] = []
        seen_groups: set[tuple[int, int]] = set()
        if self._has_keys and text:
            ascii_only = text.isascii()
            byte_text = text if ascii_only else _as_bytes(text)
            for last, (length, entries, patterns) in self._automaton.iter(byte_text):
                if patterns:
                    seen_groups.update(patterns)
                if not entries:
                    continue
                start, end = last + 1 - length, last + 1
                if not ascii_only:
                    start = _char_index(byte_text, start)
                    end = start + len(byte_text[last + 1 - length:last + 1].encode("latin-1").decode("utf-8"))
                if _on_word_boundary(text, start, end):
                    found.extend((start, end, entry) for entry in entries)
        seen_count: dict[int, int] = {}
        for index, _group in seen_groups:
            seen_count[index] = seen_count.get(index, 0) + 1
        runnable = [i for i, seen in seen_count.items() if seen == self._groups_needed[i]]
        for index in sorted([*self._always, *runnable]):
            regex, pattern_entries = self._patterns[index]
            for start, end in regex.spans(text):
                if end > start and _on_word_boundary(text, start, end):
                    found.extend((start, end, entry) for entry in pattern_entries)
        if not found:
            return []
        return self._to_hits(normalised, found)

    @staticmethod
    def _to_hits(normalised: Normalised, found: list[tuple[int, int, LexiconEntry]]) -> list[LexiconHit]:
        found.sort(key=lambda f: (f[0] - f[1], f[0]))  # longest first, then leftmost
        kept: list[tuple[int, int, LexiconEntry]] = []
        per_entry: dict[LexiconEntry, int] = {}
        by_category: dict[str, list[tuple[int, int, LexiconEntry]]] = {}
        for start, end, entry in found:
            seen = per_entry.get(entry, 0)
            if seen >= MAX_SPANS_PER_ENTRY:
                continue
            longer = by_category.setdefault(entry.category, [])
            if any(a <= start and end <= b and other is not entry for a, b, other in longer):
                continue
            per_entry[entry] = seen + 1
            longer.append((start, end, entry))
            kept.append((start, end, entry))
        kept.sort(key=lambda f: f[0])
        hits = []
        for start, end, entry in kept:
            a, b = normalised.original_span(start, end)
            hits.append(LexiconHit(entry, (a, b), normalised.original[a:b]))
        return hits
