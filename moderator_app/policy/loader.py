"""Load and validate policy packs. Every problem is a PolicyError naming the file, the line, the field and why."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import re2

from moderator_app.core.decisions import DecisionKind
from moderator_app.core.errors import PolicyError
from moderator_app.core.models import CategoryId, Severity
from moderator_app.core.patterns import PatternRefused, linear_form
from moderator_app.core.policy import (
    Category,
    Lexicon,
    LexiconContext,
    LexiconPattern,
    LexiconTerm,
    PolicyAction,
    PolicyPack,
)
from moderator_app.policy.locate import line_of

DEFAULT_PACK_ID = "beijing-2011"
# Bounds on what a team's pack may cost: reading it (a shipped file is ~10 KB), and one post's analysis (RE2 runs
# each pattern in time linear in the post; a pattern's compiled program is bounded by its length).
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_REGEX_CHARS = 2000
MAX_PATTERNS = 1000
_RE2 = re2.Options()
_RE2.log_errors = False
_KEYS = {
    "(top level)": {"pack", "category", "action", "report_reasons"},
    "pack": {"id", "version", "title_zh", "title_en", "lexicons", "source"},
    "category": {"id", "article", "text_zh", "title_en", "short_zh", "short_en", "severity", "sla_hours",
                 "decision_kinds"},
    "action": {"id", "article", "text_zh", "title_en"},
    "lexicon": {"id", "category", "title_zh", "title_en", "description_zh", "description_en"},
    "(lexicon file)": {"lexicon", "term", "pattern", "context"},
    "term": {"text", "weight", "explain_zh", "explain_en"},
    "pattern": {"regex", "weight", "explain_zh", "explain_en"},
    "context": {"id", "factor", "before", "after", "anywhere", "explain_zh", "explain_en"},
}
_CATEGORY_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")


def available_packs(folders: Iterable[Path]) -> dict[str, Path]:
    """Pack id (the file's stem) -> file, later folders overriding earlier ones."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = path
    return found


def load_pack_by_id(pack_id: str, folders: Iterable[Path]) -> PolicyPack:
    packs = available_packs(folders)
    if pack_id not in packs:
        known = ", ".join(sorted(packs)) or "none"
        raise PolicyError(pack_id, f"no policy pack with this id (available: {known})")
    return load_pack(packs[pack_id])


def _read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PolicyError(str(path), "file not found") from None
    except OSError as exc:
        raise PolicyError(str(path), f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise PolicyError(str(path), f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: not a policy file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PolicyError(str(path), "not valid UTF-8", line=line) from None
    try:
        return text, tomllib.loads(text)
    except RecursionError:
        raise PolicyError(str(path), "invalid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise PolicyError(str(path), f"invalid TOML: {reason}", line=int(match.group(1)) if match else None) from None


class _Fields:
    """Typed access to one TOML table, raising PolicyError with the location of the field."""

    def __init__(self, path: Path, text: str, table: str, index: int | None, data: Any,
                 keys: str | None = None) -> None:
        self.path, self.text, self.table, self.index = path, text, table, index
        if not isinstance(data, dict):
            self.fail(None, "must be a table")
        self.data: dict[str, Any] = data
        allowed = _KEYS.get(keys or table)
        if allowed is not None:
            for key in data:
                if key not in allowed:  # a misspelt key would otherwise be ignored without a word
                    self.fail(key, f"unknown key {key!r} (expected one of: {', '.join(sorted(allowed))})")

    def fail(self, key: str | None, reason: str) -> NoReturn:
        where = self.table if self.index is None else f"{self.table}[{self.index}]"
        field = f"{where}.{key}" if key else where
        raise PolicyError(str(self.path), reason, line=line_of(self.text, self.table, self.index, key), field=field)

    def string(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(key, "missing")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(key, "must be a non-empty string")
        return value

    def number(self, key: str, low: float, high: float, *, integer: bool = False) -> float:
        value = self.data.get(key)
        if value is None:
            self.fail(key, "missing")
        if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
            self.fail(key, "must be a whole number" if integer else "must be a number")
        if not low <= value <= high:
            self.fail(key, f"must be between {low:g} and {high:g}, not {value}")
        return float(value)

    def strings(self, key: str, *, required: bool = True) -> list[str]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(key, "missing")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of strings")
        return list(value)

    def tables(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self.fail(key, "must be an array of tables")
        return value


def load_pack(path: Path) -> PolicyPack:
    path = Path(path)
    text, doc = _read_toml(path)
    if "pack" not in doc:
        raise PolicyError(str(path), "missing [pack] table", field="pack")
    header = _Fields(path, text, "pack", None, doc["pack"])
    pack_id, version = header.string("id"), header.string("version")
    title_zh, title_en = header.string("title_zh"), header.string("title_en")
    lexicon_globs = header.strings("lexicons", required=False)
    root = _Fields(path, text, "(top level)", None, doc)
    categories = [_category(path, text, i, data) for i, data in enumerate(root.tables("category"))]
    if not categories:
        raise PolicyError(str(path), "a pack needs at least one [[category]] table", field="category")
    seen: set[str] = set()
    for i, category in enumerate(categories):
        if category.category_id in seen:
            _Fields(path, text, "category", i, {}).fail("id", f"duplicate category id {category.category_id!r}")
        seen.add(category.category_id)
    actions = tuple(_action(path, text, i, data) for i, data in enumerate(root.tables("action")))
    reasons = _report_reasons(path, text, doc.get("report_reasons", {}), seen)
    by_category: dict[str, list[Lexicon]] = {}
    for lexicon in _lexicons(path, lexicon_globs, seen):
        by_category.setdefault(lexicon.category, []).append(lexicon)
    return PolicyPack(
        pack_id=pack_id,
        version=version,
        title_zh=title_zh,
        title_en=title_en,
        source=header.string("source", required=False),
        categories=tuple(replace(c, lexicons=tuple(by_category.get(c.category_id, []))) for c in categories),
        actions=actions,
        report_reasons=reasons,
    )


def _category(path: Path, text: str, index: int, data: Any) -> Category:
    f = _Fields(path, text, "category", index, data)
    category_id = f.string("id")
    if not _CATEGORY_ID.match(category_id):
        f.fail("id", f"{category_id!r} is not a valid category id (letters, digits, '.', '_' or '-')")
    severity = f.string("severity")
    if severity not in {s.value for s in Severity}:
        f.fail("severity", f"{severity!r} is not one of {', '.join(s.value for s in Severity)}")
    kinds: set[DecisionKind] = set()
    for kind in f.strings("decision_kinds"):
        if kind not in {k.value for k in DecisionKind} or kind == DecisionKind.NO_VIOLATION:
            allowed = ", ".join(k.value for k in DecisionKind if k is not DecisionKind.NO_VIOLATION)
            f.fail("decision_kinds", f"{kind!r} is not a decision that cites a category ({allowed})")
        kinds.add(DecisionKind(kind))
    return Category(
        category_id=CategoryId(category_id),
        article=f.string("article"),
        text_zh=f.string("text_zh"),
        title_en=f.string("title_en"),
        short_zh=f.string("short_zh"),
        short_en=f.string("short_en"),
        severity=Severity(severity),
        sla_hours=int(f.number("sla_hours", 1, 24 * 365, integer=True)),
        decision_kinds=frozenset(kinds),
    )


def _action(path: Path, text: str, index: int, data: Any) -> PolicyAction:
    f = _Fields(path, text, "action", index, data)
    return PolicyAction(f.string("id"), f.string("article"), f.string("text_zh"), f.string("title_en"))


def _report_reasons(path: Path, text: str, data: Any, known: set[str]) -> dict[str, tuple[CategoryId, ...]]:
    f = _Fields(path, text, "report_reasons", None, data)
    mapping: dict[str, tuple[CategoryId, ...]] = {}
    for code in f.data:
        ids = f.strings(code)
        for category_id in ids:
            if category_id not in known:
                f.fail(code, f"unknown category id {category_id!r} (known: {', '.join(sorted(known))})")
        mapping[code] = tuple(CategoryId(c) for c in ids)
    return mapping


def _lexicons(pack_path: Path, patterns: list[str], known: set[str]) -> list[Lexicon]:
    files: list[Path] = []
    for pattern in patterns:
        matches = sorted(pack_path.parent.glob(pattern))
        if not matches and not any(ch in pattern for ch in "*?["):
            raise PolicyError(str(pack_path.parent / pattern), "lexicon file not found (listed in pack.lexicons)")
        files.extend(matches)
    return [load_lexicon(file, known) for file in files]


def _check_regex(field: _Fields, key: str, regex: str, *, linear_form_of_pattern: bool = True) -> None:
    """Valid for ``re`` (the literal prefilter reads it) and runnable by RE2, so no pack can make one post's
    analysis backtrack for ever (``(a+)+$``: RE2 is linear in the post whatever the pattern). A pattern is run in
    its linear form (edge lookarounds rewritten); a context rule's regex is only searched, as written."""
    if len(regex) > MAX_REGEX_CHARS:
        field.fail(key, f"longer than {MAX_REGEX_CHARS} characters")
    try:
        re.compile(regex)
    except (re.error, RecursionError, OverflowError) as exc:
        field.fail(key, f"not a valid regular expression: {exc}")
    try:
        re2.compile(linear_form(regex).pattern if linear_form_of_pattern else regex, _RE2)
    except PatternRefused as exc:
        field.fail(key, str(exc))
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
        field.fail(key, f"not supported by the linear-time pattern engine (RE2): {reason}")


def load_lexicon(path: Path, known_categories: set[str]) -> Lexicon:
    text, doc = _read_toml(path)
    f = _Fields(path, text, "lexicon", None, doc.get("lexicon"))
    category = f.string("category")
    if category not in known_categories:
        f.fail("category", f"unknown category id {category!r} (known: {', '.join(sorted(known_categories))})")
    root = _Fields(path, text, "lexicon", None, doc, keys="(lexicon file)")
    terms = []
    seen: set[str] = set()
    for i, data in enumerate(root.tables("term")):
        t = _Fields(path, text, "term", i, data)
        term = t.string("text")
        if term in seen:
            t.fail("text", f"duplicate term {term!r}")
        seen.add(term)
        terms.append(LexiconTerm(term, t.number("weight", 1e-9, 1.0),
                                 t.string("explain_zh", required=False), t.string("explain_en", required=False)))
    patterns = []
    for i, data in enumerate(root.tables("pattern")):
        p = _Fields(path, text, "pattern", i, data)
        if i >= MAX_PATTERNS:
            p.fail(None, f"more than {MAX_PATTERNS} patterns in one lexicon")
        regex = p.string("regex")
        _check_regex(p, "regex", regex)
        patterns.append(LexiconPattern(regex, p.number("weight", 1e-9, 1.0),
                                       p.string("explain_zh", required=False), p.string("explain_en", required=False)))
    contexts = []
    for i, data in enumerate(root.tables("context")):
        c = _Fields(path, text, "context", i, data)
        regexes = {key: c.string(key, required=False) for key in ("before", "after", "anywhere")}
        if not any(regexes.values()):
            c.fail(None, "a context rule needs at least one of before, after, anywhere")
        for key, regex in regexes.items():
            if regex:
                _check_regex(c, key, regex, linear_form_of_pattern=False)
        contexts.append(LexiconContext(c.string("id"), c.number("factor", 0.0, 1.0), **regexes,
                                       explain_zh=c.string("explain_zh", required=False),
                                       explain_en=c.string("explain_en", required=False)))
    return Lexicon(
        lexicon_id=f.string("id"),
        category=CategoryId(category),
        title_zh=f.string("title_zh"),
        title_en=f.string("title_en"),
        terms=tuple(terms),
        patterns=tuple(patterns),
        source=str(path),
        contexts=tuple(contexts),
    )
