"""The literal strings a regular expression cannot match without: a prefilter for lexicon patterns.

``required_literals("首[充存]\\s*\\d+送")`` is ``{"首充", "首存"}``: a text containing neither cannot match, so the
pattern is not run on it. The literals join the lexicon's Aho-Corasick automaton, which scans the text anyway;
only the patterns whose literals were seen are run. Running every pattern on every post costs ~200 µs for the
shipped pack, the prefilter a few. A pattern with no usable literal (or one the parser cannot read) is simply
run every time, so the prefilter can only save time, never lose a match.
"""

from __future__ import annotations

import importlib
import itertools
import re
from typing import Any

_c: Any
_parser: Any
try:  # the parser behind ``re``; private, so everything below degrades to "no prefilter" if it changes
    _c = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Python versions
    _parser = None

MAX_ALTERNATIVES = 64


def required_literals(regex: str) -> frozenset[str] | None:
    """A set of strings of which every match contains at least one; None when no such set is known."""
    groups = required_literal_groups(regex, 1)
    return groups[0] if groups else None


def required_literal_groups(regex: str, most: int = 2) -> list[frozenset[str]]:
    """Up to ``most`` such sets, the most selective first: a match contains a string of EACH set. Two sets make
    a much sharper filter than one when the best set has a common character (个, 转, /)."""
    if _parser is None:
        return []
    try:
        parsed = _parser.parse(regex)
        if parsed.state.flags & re.IGNORECASE:
            return []
        candidates = _sequence_candidates(list(parsed))
    except Exception:  # noqa: BLE001 - any surprise in a private API means: no prefilter
        return []
    unique = {frozenset(c) for c in candidates if c and all(c)}
    ranked = sorted(unique, key=lambda c: (-min(len(s) for s in c), len(c), sorted(c)))
    return ranked[:most]


def _sequence_candidates(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """Candidate sets from a sequence: runs of consecutive literal items are joined (cross product)."""
    candidates: list[set[str]] = []
    run: set[str] | None = None
    for op, av in items:
        alternatives = _alternatives(op, av)
        if alternatives is not None:
            combined = alternatives if run is None else _product(run, alternatives)
            if combined is None:  # too many combinations: keep what we had and start again
                candidates.append(run or set())
                combined = alternatives
            run = combined
            continue
        if run:
            candidates.append(run)
        run = None
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            candidates.extend(_sequence_candidates(list(av[2])))
        elif op is _c.SUBPATTERN:
            candidates.extend(_sequence_candidates(list(av[3])))
    if run:
        candidates.append(run)
    return candidates


def _alternatives(op: Any, av: Any) -> set[str] | None:
    """The exact strings this item matches, when it matches one of a few literal strings."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN:
        if all(kind is _c.LITERAL for kind, _value in av) and len(av) <= 16:
            return {chr(value) for _kind, value in av}
        return None
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        return None if add_flags & re.IGNORECASE else _whole(list(body))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            strings = _whole(list(branch))
            if strings is None:
                return None
            union |= strings
        return union if len(union) <= MAX_ALTERNATIVES else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:  # optional: "" or the body
        body = _whole(list(av[2]))
        return None if body is None else body | {""}
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == av[1] == 1:
        return _whole(list(av[2]))
    return None


def _whole(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The strings a whole sequence matches, if it is made of literal items only."""
    result: set[str] | None = {""}
    for op, av in items:
        alternatives = _alternatives(op, av)
        if alternatives is None or result is None:
            return None
        result = _product(result, alternatives)
    return result


def _product(left: set[str], right: set[str]) -> set[str] | None:
    if len(left) * len(right) > MAX_ALTERNATIVES:
        return None
    return {a + b for a, b in itertools.product(left, right)}
