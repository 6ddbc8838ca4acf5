"""Team policy patterns for a linear-time engine (RE2): a pack must never be able to freeze a moderator's screen.

Python's ``re`` backtracks: ``(a+)+$`` takes seconds on 28 characters and doubles with each one more. RE2 runs in
time linear in the text whatever the pattern, at the price of two things ``re`` has: backreferences (refused) and
lookaround. Packs use lookaround only to say "not preceded/followed by one of these characters" (``(?<![a-z0-9])``
at the start, ``(?![a-z0-9])`` at the end), and that one form is rewritten here into characters the match consumes
around a capture group: ``(?<!C)X(?!D)`` becomes ``(?:^|[^C])(X)(?:$|[^D])``, and the match is group 1. The
matcher resumes the next search one character before the previous match ended, so two matches side by side are
still both found; any other lookaround is refused with the reason. Standard library only (core): the caller
compiles ``LinearPattern.pattern`` with RE2.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

UNSUPPORTED = ("the pattern engine runs in linear time (RE2): lookaround is supported only as one character (class) "
               "not/only preceding the whole pattern or following it, e.g. (?<![a-z0-9])…(?![a-z0-9])")


class PatternRefused(ValueError):
    """A pattern the linear-time engine cannot run; the message says why."""


@dataclass(frozen=True, slots=True)
class LinearPattern:
    pattern: str  # RE2 syntax
    grouped: bool  # the match is group 1 (edge lookarounds were rewritten), else the whole match
    resume_back: int  # the next search starts this many characters before the previous match's end


def linear_form(regex: str) -> LinearPattern:
    """The pattern in RE2's syntax (``re``'s ``\\uXXXX`` escapes spelled ``\\x{XXXX}``), edge lookarounds
    rewritten. Anything else RE2 cannot run is left for RE2's compiler to refuse."""
    core, before = _strip_lookbehind(_re2_escapes(regex))
    core, after = _strip_lookahead(core)
    if before is None and after is None:
        return LinearPattern(core, grouped=False, resume_back=0)
    prefix = "" if before is None else before
    suffix = "" if after is None else after
    return LinearPattern(f"{prefix}({core}){suffix}", grouped=True, resume_back=0 if before is None else 1)


def _re2_escapes(regex: str) -> str:
    out = []
    i = 0
    while i < len(regex):
        if regex[i] == "\\" and i + 1 < len(regex):
            kind = regex[i + 1]
            width = {"u": 4, "U": 8}.get(kind)
            if width is not None:
                digits = regex[i + 2:i + 2 + width]
                if len(digits) == width and all(c in "0123456789abcdefABCDEF" for c in digits):
                    out.append(f"\\x{{{digits}}}")
                    i += 2 + width
                    continue
            out.append("\\z" if kind == "Z" else regex[i:i + 2])
            i += 2
            continue
        out.append(regex[i])
        i += 1
    return "".join(out)


def _strip_lookbehind(regex: str) -> tuple[str, str | None]:
    for opener, negative in (("(?<!", True), ("(?<=", False)):
        if regex.startswith(opener):
            end = _closing(regex, 0)
            body = regex[len(opener):end]
            return regex[end + 1:], _one_character(body, negative, "^")
    return regex, None


def _strip_lookahead(regex: str) -> tuple[str, str | None]:
    for opener, negative in (("(?!", True), ("(?=", False)):
        start = _last_group_start(regex)
        if start is not None and regex.startswith(opener, start):
            body = regex[start + len(opener):-1]
            return regex[:start], _one_character(body, negative, "$")
    return regex, None


def _one_character(body: str, negative: bool, edge: str) -> str:
    """What satisfies the assertion: ``(?<!C)`` the start of the text or one of ``[^C]``; ``(?<=C)`` one of ``C``."""
    if len(body) >= 2 and body[0] == "[" and body[-1] == "]" and _closing_bracket(body, 0) == len(body) - 1:
        inner, inverted = (body[2:-1], True) if body.startswith("[^") else (body[1:-1], False)
    elif _single_character(body):
        inner, inverted = body, False
    else:
        raise PatternRefused(UNSUPPORTED)
    if not inner:
        raise PatternRefused(UNSUPPORTED)
    satisfying = f"[^{inner}]" if negative != inverted else f"[{inner}]"
    return f"(?:{edge}|{satisfying})" if negative else satisfying


def _single_character(body: str) -> bool:
    if len(body) == 1:
        return body not in ".^$|()[]{}*+?\\"
    return len(body) == 2 and body[0] == "\\" and body[1] not in "0123456789AbBZz"


def _tokens(regex: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(index, character) of the pattern's own parentheses and other characters, escapes and classes skipped."""
    i = start
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            i += 2
        elif char == "[":
            i = _closing_bracket(regex, i) + 1
        else:
            yield i, char
            i += 1


def _closing(regex: str, start: int) -> int:
    """Index of the ``)`` closing the group opened at ``start``."""
    depth = 0
    for i, char in _tokens(regex, start):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    raise PatternRefused("unbalanced parenthesis")


def _closing_bracket(regex: str, start: int) -> int:
    i = start + 1
    if i < len(regex) and regex[i] == "^":
        i += 1
    if i < len(regex) and regex[i] == "]":  # a literal ] first in the class
        i += 1
    while i < len(regex):
        if regex[i] == "\\":
            i += 2
            continue
        if regex[i] == "]":
            return i
        i += 1
    raise PatternRefused("unterminated character class")


def _last_group_start(regex: str) -> int | None:
    """Where the group that ends the pattern begins, if the pattern ends with one."""
    depth = 0
    last = None
    for i, char in _tokens(regex):
        if char == "(":
            if depth == 0:
                last = i
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and i == len(regex) - 1:
                return last
    return None
