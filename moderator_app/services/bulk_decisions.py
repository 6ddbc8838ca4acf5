"""Bulk decisions from a CSV file (leads): parse and check every row before anything is journalled or sent.

Columns: ``post_id, kind, categories, note`` and, where the kind needs them, ``restriction_days`` and
``refutation``. ``categories`` holds category ids separated by ``;`` (or spaces), e.g. ``10.7;10.11``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from moderator_app import paths
from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.errors import UsageError
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.core.policy import PolicyPack
from moderator_app.policy import DEFAULT_PACK_ID, load_pack_by_id
from moderator_app.services.decisions import problems_of
from moderator_app.services.outbox import derived_idempotency_key

REQUIRED_COLUMNS = ("post_id", "kind", "categories", "note")
OPTIONAL_COLUMNS = ("restriction_days", "refutation")
POST_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
MAX_ROWS = 1_000_000
MAX_LINE_BYTES = 1_000_000  # read line by line with this limit: a 1 GB line never sits in memory (it took 2.1 GB)


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    column: str
    message: str


def render_problems(source: str, problems: list[RowProblem]) -> list[str]:
    """One line per bad row: ``FILE:LINE: column kind: ...; column note: ...``."""
    by_line: dict[int, list[RowProblem]] = {}
    for problem in problems:
        by_line.setdefault(problem.line, []).append(problem)
    return [f"{source}:{line}: " + "; ".join(f"column {p.column}: {p.message}" for p in row)
            for line, row in sorted(by_line.items())]


class BadRows(UsageError):
    """Some rows are wrong; ``problems`` has one per bad cell. Nothing was journalled or sent."""

    def __init__(self, source: str, problems: list[RowProblem]) -> None:
        self.source = source
        self.problems = problems
        rows = len({p.line for p in problems})
        super().__init__(f"{rows} bad row{'s' if rows != 1 else ''} in {source}; nothing was sent")


def read_decision_csv(path: Path, lead: str, *, pack: PolicyPack | None = None) -> list[Decision]:
    """Every row as a Decision with an idempotency key derived from the lead and the row's content."""
    pack = pack or load_pack_by_id(DEFAULT_PACK_ID, paths.policy_dirs())
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        return _read(path, _text_lines(path, handle), lead, pack)


def _text_lines(path: Path, handle: BinaryIO) -> Iterator[str]:
    """The file's lines as text, each read with a length limit; UsageError naming the line otherwise."""
    number = 0
    while line := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES:
            raise UsageError(f"{path}:{number}: line longer than {MAX_LINE_BYTES:,} bytes: not a decisions CSV")
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{path}:{number}: the line is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8"
                             ) from None


def _read(path: Path, lines: Iterator[str], lead: str, pack: PolicyPack) -> list[Decision]:
    reader = csv.DictReader(lines, strict=True)
    try:
        header = [h.strip() for h in reader.fieldnames or []]
    except csv.Error as exc:
        raise UsageError(f"{path}: not a CSV file: {exc}") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise UsageError(f"{path}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                         f"(expected {', '.join(REQUIRED_COLUMNS)})")
    reader.fieldnames = header
    decisions: list[Decision] = []
    problems: list[RowProblem] = []
    first_line: dict[str, int] = {}
    now = datetime.now(UTC)
    try:
        for row in reader:
            line = reader.line_num
            if len(decisions) + len(problems) > MAX_ROWS:
                raise UsageError(f"{path}: more than {MAX_ROWS:,} rows; split the file")
            decision, row_problems = _decision(row, line, lead, pack, now, first_line)
            problems.extend(row_problems)
            if decision is not None:
                decisions.append(decision)
    except csv.Error as exc:
        raise UsageError(f"{path}:{reader.line_num}: not valid CSV: {exc}") from None
    if problems:
        raise BadRows(str(path), problems)
    if not decisions:
        raise UsageError(f"{path} has no rows")
    return decisions


def _decision(
    row: dict[str | None, str | list[str] | None], line: int, lead: str, pack: PolicyPack, now: datetime,
    first_line: dict[str, int],
) -> tuple[Decision | None, list[RowProblem]]:
    problems: list[RowProblem] = []

    def cell(name: str) -> str:
        value = row.get(name)
        return value.strip() if isinstance(value, str) else ""

    if row.get(None):
        problems.append(RowProblem(line, "-", f"{len(row[None] or [])} more cells than the header has columns"))
    post_id = cell("post_id")
    if not POST_ID.match(post_id):
        problems.append(RowProblem(line, "post_id", f"not a post id: {post_id[:40]!r}"))
    elif post_id in first_line:
        again = f"post {post_id} appears twice (first on line {first_line[post_id]})"
        problems.append(RowProblem(line, "post_id", again))
    else:
        first_line[post_id] = line
    try:
        kind = DecisionKind(cell("kind"))
    except ValueError:
        known = ", ".join(k.value for k in DecisionKind)
        problems.append(RowProblem(line, "kind", f"unknown decision kind {cell('kind')[:40]!r} (known: {known})"))
        return None, problems
    categories = tuple(CategoryId(c) for c in re.split(r"[;,\s]+", cell("categories")) if c)
    days_text = cell("restriction_days")
    days = int(days_text) if days_text.isdigit() else None
    if days_text and days is None:
        problems.append(RowProblem(line, "restriction_days", f"not a whole number of days: {days_text[:20]!r}"))
    decision = Decision(PostId(post_id), kind, categories, cell("note"), UserId(lead), now, "",
                        restriction_days=days, refutation=cell("refutation") or None)
    flagged = {p.column for p in problems}
    problems.extend(RowProblem(line, p.field, p.message) for p in problems_of(decision, pack)
                    if p.field not in flagged)
    if problems:
        return None, problems
    return replace(decision, idempotency_key=derived_idempotency_key(lead, decision)), []
