"""Find the line of a field in a TOML document, so a semantic error can point at it.

tomllib reports line numbers for syntax errors only; for "this value is wrong" we scan the text for the table
header and then the key. Good enough for hand-written packs, and never wrong about the file.
"""

from __future__ import annotations

import re


def line_of(text: str, table: str, index: int | None = None, key: str | None = None) -> int | None:
    """1-based line of ``key`` inside the ``index``-th ``[[table]]`` (or ``[table]``); the header if no key."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\[\s*" + re.escape(table) + r"\s*\]\]" if index is not None
                        else r"^\s*\[\s*" + re.escape(table) + r"\s*\]")
    any_header = re.compile(r"^\s*\[")
    seen = -1
    start = None
    for number, line in enumerate(lines):
        if header.match(line):
            seen += 1
            if index is None or seen == index:
                start = number
                break
    if start is None:
        return None
    if key is None:
        return start + 1
    key_line = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for number in range(start + 1, len(lines)):
        if any_header.match(lines[number]):
            break
        if key_line.match(lines[number]):
            return number + 1
    return start + 1
