"""`moderator-app audit export` and `audit verify-export`, run as a user would (subprocesses, real files, the
platform on loopback to confirm the lead role)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.cli.test_audit_cli import cli, generate
from tests.exports.conftest import read_csv

PASSWORD = {"MODAPP_PASSWORD": "demo"}


def test_export_then_verify_export_and_a_tampered_copy_fails(platform_server: Callable[..., Any],
                                                              tmp_path: Path) -> None:
    server = platform_server()
    assert generate(tmp_path, 1500).returncode == 0
    out = tmp_path / "export"
    made = cli("audit", "export", "--moderator", "mod2", "--decision", "remove", "--format", "csv", "--format",
               "jsonl", "--out", str(out), "--platform", server.url, "--user", "lead1", data_dir=tmp_path,
               env=PASSWORD)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("exported ") and "author identities pseudonymised" in made.stdout
    # the run appended (export_made): the platform witnessed the log's head at its end
    assert [r["seq"] for r in server.store.witness_receipts_all()] == [1501]
    rows = read_csv(out / "data" / "events.csv", "zh")  # Chinese headers: the team's language by default
    assert rows and {r["actor"] for r in rows} == {"mod2"} and {r["decision_kind"] for r in rows} == {"remove"}
    verified = cli("audit", "verify-export", str(out), data_dir=tmp_path)
    assert verified.returncode == 0 and verified.stdout.startswith(f"verified: {len(rows):,} matching events")
    assert "exported by lead1, granted " in verified.stdout
    csv_path = out / "data" / "events.csv"
    csv_path.write_bytes(csv_path.read_bytes().replace(b"mod2", b"mod3", 1))
    failed = cli("audit", "verify-export", str(out), data_dir=tmp_path)
    assert failed.returncode == 1
    assert "data/events.csv: SHA-256 differs from the manifest" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_a_moderator_cannot_export_and_is_told_in_one_line(platform_server: Callable[..., Any],
                                                            tmp_path: Path) -> None:
    server = platform_server()
    assert generate(tmp_path, 10).returncode == 0
    for extra in ([], ["--include-pii"]):
        refused = cli("audit", "export", "--format", "csv", "--out", str(tmp_path / "x"), "--platform", server.url,
                      "--user", "mod1", *extra, data_dir=tmp_path, env=PASSWORD)
        assert refused.returncode == 2
        assert refused.stderr.splitlines() == [
            "moderator-app: error: mod1 is not a lead: audit exports are a team-lead function"]
    # the platform named by the environment (or the workstation's settings) is the default
    lead = cli("audit", "export", "--format", "jsonl", "--out", str(tmp_path / "y"), "--user", "lead1",
               data_dir=tmp_path, env={**PASSWORD, "MODAPP_PLATFORM_URL": server.url})
    assert lead.returncode == 0, lead.stderr
    assert not (tmp_path / "x").exists() and (tmp_path / "y" / "manifest.json").is_file()


def test_bad_export_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    assert generate(tmp_path, 10).returncode == 0
    bad_date = cli("audit", "export", "--from", "yesterday", "--format", "csv", "--out", str(tmp_path / "x"),
                   data_dir=tmp_path)
    assert bad_date.returncode == 2 and "not a date or time: 'yesterday'" in bad_date.stderr
    no_platform = cli("audit", "export", "--include-pii", "--format", "csv", "--out", str(tmp_path / "y"),
                      data_dir=tmp_path)
    assert no_platform.returncode == 2 and "audit export is for team leads: give --platform URL" in no_platform.stderr
    not_bundle = cli("audit", "verify-export", str(tmp_path), data_dir=tmp_path)
    assert not_bundle.returncode == 2 and "is not an export bundle" in not_bundle.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_an_unreachable_platform_is_one_line_not_a_retry_log(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert generate(tmp_path, 10).returncode == 0
    failed = cli("audit", "export", "--format", "csv", "--out", str(tmp_path / "x"), "--platform",
                 f"http://127.0.0.1:{port}", "--user", "lead1", data_dir=tmp_path, env=PASSWORD)
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [f"moderator-app audit: error: Cannot reach the platform at "
                                          f"http://127.0.0.1:{port}"]
    assert not (tmp_path / "x").exists()
