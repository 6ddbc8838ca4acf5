"""Lexicon patterns run by RE2, in time linear in the post whatever the pack says (see core.patterns)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import re2

from moderator_app.core.patterns import LinearPattern, PatternRefused, linear_form

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print every refused pattern on stderr; the refusal is raised instead


def compile_linear(regex: str) -> tuple[LinearPattern, Any]:
    """The pattern as RE2 runs it; ``PatternRefused`` naming why when it cannot (lookaround, backreference...)."""
    form = linear_form(regex)
    return form, compile_search(form.pattern)


def compile_search(regex: str) -> Any:
    """``regex`` compiled by RE2 as written (a context rule's regex is only searched): linear in the text."""
    try:
        return re2.compile(regex, _OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternRefused(f"not supported by the linear-time pattern engine: {reason}") from None


class LinearRegex:
    """``finditer`` spans of one pack pattern, in characters of the text."""

    def __init__(self, regex: str) -> None:
        self.form, self._compiled = compile_linear(regex)

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        if not self.form.grouped:
            for match in self._compiled.finditer(text):
                yield match.span()
            return
        position = 0
        while position <= len(text):
            match = self._compiled.search(text, position)
            if match is None:
                return
            start, end = match.span(1)
            yield start, end
            position = max(end - self.form.resume_back, match.start() + 1)
