"""Hostile input by nesting depth and by size (issue 16), for every reader of outside input: the platform's answers,
JSONL lines of ``suggest``, policy packs, the CSV of ``decide --from-csv``. Depths run to 200,000 and sizes to just
past each limit; each input gives a result or the documented refusal, never another exception, and the worst case
of each is timed and its peak memory traced (figures printed and collected)."""

from __future__ import annotations

import io
import time
import tracemalloc
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
from figures import record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderator_app.cli.jsonl_input import MAX_LINE_BYTES as JSONL_LIMIT
from moderator_app.cli.jsonl_input import BadLines, json_objects
from moderator_app.core.errors import PolicyError, ProtocolError, UsageError
from moderator_app.platform_api import wire
from moderator_app.platform_api.client import _json as parse_answer
from moderator_app.policy.loader import MAX_FILE_BYTES, load_pack
from moderator_app.services.bulk_decisions import MAX_LINE_BYTES as CSV_LIMIT
from moderator_app.services.bulk_decisions import read_decision_csv
from moderator_app.suggestions.patterns import LinearRegex

pytestmark = pytest.mark.reliability
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])
DEPTH = st.integers(min_value=1, max_value=200_000)
SHAPE = st.sampled_from(["array", "object", "mixed"])


def nested(depth: int, shape: str) -> str:
    opens = {"array": ["["], "object": ['{"a":'], "mixed": ["[", '{"a":']}[shape]
    closes = {"[": "]", '{"a":': "}"}
    chosen = [opens[i % len(opens)] for i in range(depth)]
    return "".join(chosen) + "0" + "".join(closes[o] for o in reversed(chosen))


def measured(work: Callable[[], Any]) -> tuple[float, float]:
    """(seconds, peak MB traced) of one call, whatever it raised."""
    tracemalloc.start()
    started = time.perf_counter()
    with suppress(Exception):  # measuring the refusal as much as the result
        work()
    took = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return took, peak / 1e6


@SETTINGS
@given(depth=DEPTH, shape=SHAPE)
def test_platform_answers_of_any_depth_parse_or_are_a_protocol_error(depth: int, shape: str) -> None:
    with pytest.raises(ProtocolError) as caught:  # a number where a page belongs, or nested too deeply
        wire.queue_page(wire.Node(parse_answer(nested(depth, shape).encode())))
    assert "\n" not in str(caught.value)


@SETTINGS
@given(depth=DEPTH, shape=SHAPE)
def test_jsonl_lines_of_any_depth_are_accepted_or_reported(depth: int, shape: str) -> None:
    err = io.StringIO()
    line = ('{"id": "1", "text": "x", "extra": ' + nested(depth, shape) + "}\n").encode()
    accepted = list(json_objects(io.BytesIO(line), BadLines("suggest", err)))
    reported = err.getvalue().splitlines()
    assert len(accepted) + len(reported) == 1
    assert all(r.startswith("suggest: line 1: ") for r in reported)


@SETTINGS
@given(depth=st.integers(min_value=1, max_value=50_000), shape=st.sampled_from(["array", "inline-table"]))
def test_policy_packs_of_any_depth_are_refused_in_one_line(tmp_path: Path, depth: int, shape: str) -> None:
    value = "[" * depth + "1" + "]" * depth if shape == "array" else "{a=" * depth + "1" + "}" * depth
    pack = tmp_path / "deep.toml"
    pack.write_text(f'[pack]\nid = "x"\nextra = {value}\n', encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_pack(pack)
    assert "\n" not in str(caught.value)


@SETTINGS
@given(extra=st.integers(min_value=-3, max_value=3), newline=st.booleans())
def test_jsonl_lines_at_the_size_limit(extra: int, newline: bool) -> None:
    prefix, suffix = b'{"id": "1", "text": "', b'"}'
    line = prefix + b"x" * (JSONL_LIMIT + extra - len(prefix) - len(suffix)) + suffix
    source = line + b'\n{"id": "2", "text": "y"}\n' if newline else line  # a next line, or the end of the file
    err = io.StringIO()
    accepted = list(json_objects(io.BytesIO(source), BadLines("suggest", err)))
    reported = err.getvalue().splitlines()
    assert len(accepted) + len(reported) == (2 if newline else 1)
    assert not newline or accepted[-1][1]["id"] == "2"
    assert reported == ([] if extra <= 0 else ["suggest: line 1: line longer than 1,000,000 bytes; skipped"])


@SETTINGS
@given(extra=st.integers(min_value=-3, max_value=3))
def test_csv_lines_at_the_size_limit(tmp_path: Path, extra: int) -> None:
    header = b"post_id,kind,categories,note\n"
    row = b"1,remove,10.7,"
    source = tmp_path / "big.csv"
    source.write_bytes(header + row + b"n" * (CSV_LIMIT + extra - len(row) - 1) + b"\n")
    if extra <= 0:  # a cell past the CSV reader's own field limit (128 KiB)
        with pytest.raises(UsageError, match="not valid CSV: field larger than field limit"):
            read_decision_csv(source, "lead1")
    else:
        with pytest.raises(UsageError, match=f"big.csv:2: line longer than {CSV_LIMIT:,} bytes"):
            read_decision_csv(source, "lead1")


@SETTINGS
@given(extra=st.integers(min_value=-2, max_value=2))
def test_policy_files_at_the_size_limit(tmp_path: Path, extra: int) -> None:
    head = b'[pack]\nid = "x"\n#'
    pack = tmp_path / "big.toml"
    pack.write_bytes(head + b"c" * (MAX_FILE_BYTES + extra - len(head)))
    with pytest.raises(PolicyError) as caught:
        load_pack(pack)
    assert ("larger than" in str(caught.value)) == (extra > 0)


def test_worst_cases_are_bounded_in_time_and_memory(tmp_path: Path) -> None:
    deep = nested(200_000, "mixed")
    big_pack = tmp_path / "huge.toml"
    with big_pack.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    deep_pack = tmp_path / "deep.toml"
    deep_pack.write_text('[pack]\nid = "x"\nextra = ' + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    long_csv = tmp_path / "long.csv"
    with long_csv.open("wb") as handle:
        handle.write(b"post_id,kind,categories,note\n1,remove,10.7,")
        handle.truncate(1024 * 1024 * 1024)
    cases = {
        "platform answer nested 200,000 deep": lambda: parse_answer(deep.encode()),
        "JSONL line nested 200,000 deep": lambda: list(json_objects(io.BytesIO(deep.encode()),
                                                                    BadLines("suggest", io.StringIO()))),
        "policy pack of 300 MB": lambda: load_pack(big_pack),
        "policy pack nested 50,000 deep": lambda: load_pack(deep_pack),
        "CSV line of 1 GB": lambda: read_decision_csv(long_csv, "lead1"),
        "pack pattern (a+)+$ on 100,000 characters": lambda: list(LinearRegex("(a+)+$").spans("a" * 99_999 + "!")),
    }
    figures = {}
    for name, work in cases.items():
        took, peak = measured(work)
        figures[name] = {"seconds": round(took, 3), "peak_mb_traced": round(peak, 1)}
    record("hostile depth and size", figures)
    assert all(f["peak_mb_traced"] < 64 for f in figures.values()), figures
