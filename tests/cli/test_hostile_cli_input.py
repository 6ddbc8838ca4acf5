"""Every CLI input path refuses what it cannot take in one line (exit 2, or exit 1 for a check that fails), with
bounded memory and never a traceback: deep nesting, huge lines and files, dates past the calendar, folders that
cannot be made, bytes that are not text, malformed manifests (issue 16)."""

from __future__ import annotations

import hashlib
import shutil
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.errors import CheckFailed, UsageError
from moderator_app.referrals import verify as package_verify
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.bulk_decisions import MAX_LINE_BYTES, read_decision_csv
from moderator_app.services.referrals import verify_package
from tests.cli.test_audit_cli import cli, generate
from tests.services.test_referrals_package import make_package

DEEP = "[" * 100_000 + "]" * 100_000
PASSWORD = {"MODAPP_PASSWORD": "demo"}


def one_line(result: Any, code: int) -> str:
    """The one error line (this machine has no OS keyring: the warning saying so is not the command's answer)."""
    assert result.returncode == code, result.stderr
    lines = [line for line in str(result.stderr).splitlines(keepends=True) if "no OS keyring" not in line]
    assert "Traceback" not in result.stderr and len(lines) == 1, result.stderr
    return lines[0]


def test_suggest_reports_deeply_nested_json_by_line(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": "1", "text": ' + DEEP + "}\n", encoding="utf-8")
    err = one_line(cli("suggest", "--no-model", "--in", str(posts), data_dir=tmp_path), 2)
    assert err == "moderator-app suggest: line 1: JSON nested too deeply\n"


def test_audit_export_bad_bounds_folders_and_bytes(platform_server: Callable[..., Any], tmp_path: Path) -> None:
    server = platform_server(posts=10)
    assert generate(tmp_path, 30).returncode == 0
    lead = ("--platform", server.url, "--user", "lead1")

    def export(*args: str) -> Any:
        return cli("audit", "export", "--format", "csv", *lead, *args, data_dir=tmp_path, env=PASSWORD)

    through_the_end = export("--out", str(tmp_path / "all"), "--to", "9999-12-31")
    assert through_the_end.returncode == 0, through_the_end.stderr  # the last day there is: no upper bound
    assert "exported 30 events" in through_the_end.stdout
    assert "out of range" in one_line(export("--out", str(tmp_path / "x"), "--from", "0001-01-01T00:00:00+01:00"), 2)
    assert "--out /proc/x: cannot create the folder there" in one_line(export("--out", "/proc/x"), 2)
    err = one_line(export("--out", str(tmp_path / "y"), "--moderator", "\udcff"), 2)
    assert err == "moderator-app: error: argument '\\\\udcff' is not valid UTF-8 text\n"
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_verify_package_streams_its_hashes_and_refuses_deep_json(open_log: Callable[..., AuditLogService],
                                                                sqlite_url: str, tmp_path: Path) -> None:
    package, _ = make_package(open_log(sqlite_url), tmp_path / "out")
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(256 * 1024 * 1024)  # sparse: hashing still reads 256 MB
    tracemalloc.start()
    try:
        digest = package_verify._sha256(big)  # the hash every listed file goes through
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert digest == hashlib.sha256(b"\0" * (256 * 1024 * 1024)).hexdigest()
    print(f"256 MB file hashed with a peak of {peak / 1e6:.2f} MB traced")
    assert peak < 4 * 1024 * 1024  # read in chunks, not whole (a 3 GiB file cost 3.2 GB)

    for name in ("verification/chain.json", "data/snapshot.json"):
        broken = tmp_path / f"broken-{name.replace('/', '-')}"
        shutil.copytree(package, broken)
        (broken / name).write_text(DEEP, encoding="utf-8")
        with pytest.raises(CheckFailed) as caught:
            verify_package(broken)
        assert "\n" not in str(caught.value) and name.split("/")[-1] in str(caught.value)
    err = one_line(cli("referral", "verify-package", str(broken), data_dir=tmp_path), 1)
    assert "NOT intact" in err


def test_a_1_gb_csv_line_is_refused_after_reading_a_megabyte(tmp_path: Path) -> None:
    source = tmp_path / "decisions.csv"
    with source.open("wb") as handle:
        handle.write(b"post_id,kind,categories,note\n1,remove,10.7,")
        handle.truncate(1024 * 1024 * 1024)  # one line of a gigabyte (sparse: zero bytes, never a newline)
    tracemalloc.start()
    try:
        with pytest.raises(UsageError, match=f"decisions.csv:2: line longer than {MAX_LINE_BYTES:,} bytes"):
            read_decision_csv(source, "lead1")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"1 GB CSV line refused with a peak of {peak / 1e6:.1f} MB traced")
    assert peak < 16 * 1024 * 1024  # 2.1 GB before
