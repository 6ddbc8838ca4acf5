"""Exports of 1,000,000 events: CSV (against `sqlite3 -csv` on the same rows), XLSX, peak memory, verify-export.

The 1,000,000-event SQLite log is made once with `audit generate` and kept in .bench/exports/ (made again when the
generator's source changes); every run works on a fresh copy of it, upgraded to the current schema, since each
export appends to the log. Each
export runs as a lead runs it (the CLI, a fresh process, confirming the lead role with the demo platform on
loopback); memory is that process's peak RSS.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import REPO, Row

EVENTS = 1_000_000
CACHE = REPO / ".bench" / "exports"
GENERATOR = REPO / "moderator_app" / "audit" / "synthetic.py"
SQL_SAME_ROWS = ("SELECT seq, occurred_at, event_type, actor, subject, category, decision_kind, "
                 "CASE json_type(envelope, '$.body.note') WHEN 'text' THEN json_extract(envelope, '$.body.note') "
                 "ELSE '' END, CAST(envelope AS TEXT), event_id FROM audit_event ORDER BY seq")


# The CLI via ``python -c`` (`audit generate` spawns signing processes that would re-run a main script); on exit it
# writes its own peak memory where BENCH_PEAK_RSS_FILE says (see harness.peak_rss_mb).
_CLI = ("import atexit, os, sys; from benchmarks.harness import peak_rss_mb; "
        "atexit.register(lambda: open(os.environ['BENCH_PEAK_RSS_FILE'], 'w').write(str(peak_rss_mb()))); "
        "from moderator_app.launcher import main; sys.exit(main())")


def python_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", _CLI, *args]


def _run(argv: list[str], env: dict[str, str], stdout: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB, 0 for a program that does not report it) of one process."""
    with tempfile.TemporaryDirectory(prefix="bench-rss-") as scratch:
        peak_file = Path(scratch) / "peak"
        started = time.perf_counter()
        with open(stdout or os.devnull, "wb") as sink:
            process = subprocess.run(argv, env={**os.environ, **env, "BENCH_PEAK_RSS_FILE": str(peak_file)},
                                     cwd=REPO, stdout=sink, stderr=subprocess.PIPE, check=False)
        took = time.perf_counter() - started
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed: {process.stderr.decode()}")
        return took, float(peak_file.read_text()) if peak_file.is_file() else 0.0


def _env(base: Path) -> dict[str, str]:
    return {"MODAPP_DATA_DIR": str(base / "data"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "MODAPP_PASSWORD": "demo"}


def cached_log(base: Path) -> None:
    """Copy the cached 1,000,000-event log and its workstation keys into ``base`` (generating them when missing)."""
    fingerprint = f"{EVENTS} {hashlib.sha256(GENERATOR.read_bytes()).hexdigest()}"
    marker = CACHE / "generated"
    if not marker.is_file() or marker.read_text(encoding="utf-8") != fingerprint:
        shutil.rmtree(CACHE, ignore_errors=True)
        CACHE.mkdir(parents=True)
        started = time.perf_counter()
        _run(python_cmd("audit", "generate", "--synthetic", "--events", str(EVENTS), "--db",
                        f"sqlite:///{CACHE / 'audit.sqlite3'}"), _env(CACHE))
        marker.write_text(fingerprint, encoding="utf-8")
        print(f"  generated {EVENTS:,} events in {time.perf_counter() - started:.1f} s (cached in {CACHE})",
              file=sys.stderr)
    shutil.copytree(CACHE / "data", base / "data")
    for part in CACHE.glob("audit.sqlite3*"):  # with its -wal file, should one be left
        shutil.copyfile(part, base / part.name)
    # A log cached before a new migration is brought up to date, as an administrator would (not timed).
    _run(python_cmd("db", "upgrade", "--db", f"sqlite:///{base / 'audit.sqlite3'}"), _env(base))


def run() -> list[Row]:
    from moderator_app.demo_platform import start_in_thread

    with tempfile.TemporaryDirectory(prefix="bench-exports-") as folder, start_in_thread(posts=10) as platform:
        base = Path(folder)
        env = _env(base)
        db = f"sqlite:///{base / 'audit.sqlite3'}"
        lead = ("--platform", platform.url, "--user", "lead1")
        cached_log(base)
        sqlite_seconds, _ = _run(["sqlite3", "-csv", str(base / "audit.sqlite3"), SQL_SAME_ROWS], env,
                                 stdout=base / "sqlite.csv")
        csv_seconds, csv_rss = _run(python_cmd("audit", "export", "--db", db, "--format", "csv",
                                               "--out", str(base / "csv"), *lead), env)
        xlsx_seconds, xlsx_rss = _run(python_cmd("audit", "export", "--db", db, "--format", "xlsx",
                                                 "--out", str(base / "xlsx"), *lead), env)
        verify_seconds, verify_rss = _run(python_cmd("audit", "verify-export", str(base / "csv")), env)
    return [
        Row("exports: CSV bundle of 1,000,000 events", csv_seconds, "s", 10.0),
        Row("exports: CSV bundle / sqlite3 -csv on the same rows", csv_seconds / sqlite_seconds, "x", 3.0,
            note=f"sqlite3 -csv took {sqlite_seconds:.1f} s"),
        Row("exports: XLSX bundle of 1,000,000 events", xlsx_seconds, "s", 90.0),
        Row("exports: peak RSS of the CSV, XLSX and verify runs", max(csv_rss, xlsx_rss, verify_rss), "MB", 150.0,
            note=f"csv {csv_rss:.0f}, xlsx {xlsx_rss:.0f}, verify {verify_rss:.0f} MB"),
        Row("exports: verify-export of the 1,000,000-event bundle", verify_seconds, "s", 15.0),
    ]
