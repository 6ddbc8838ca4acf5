"""Long CLI runs show progress on a terminal (stderr a pty, as in a lead's shell) and change nothing when piped."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.cli.test_audit_cli import REPO, cli, generate
from tests.cli.test_decide import decide_argv, queue_ids, write_csv

PASSWORD = {"MODAPP_PASSWORD": "demo"}


def on_a_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (stdout piped): exit code, stdout, what the terminal received."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=terminal, stdin=subprocess.DEVNULL,
                                   env={**os.environ, **env})
    finally:
        os.close(terminal)
    received = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the process closed its side
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    assert process.stdout is not None
    with process.stdout:
        stdout = process.stdout.read().decode()
    return process.wait(timeout=120), stdout, received.decode("utf-8", errors="replace")


def main_argv(*args: str) -> list[str]:
    return [sys.executable, str(REPO / "main.py"), *args]


def without_timing(text: str) -> str:
    """A run's summary without its measured seconds, which differ between two runs."""
    return text.rsplit(" in ", 1)[0].split("(")[0]


def test_audit_verify_export_and_verify_export_show_progress_on_a_terminal_only(
        platform_server: Callable[..., Any], tmp_path: Path) -> None:
    server = platform_server()
    data = {"MODAPP_DATA_DIR": str(tmp_path)}
    assert generate(tmp_path, 1500).returncode == 0

    code, stdout, terminal = on_a_terminal(main_argv("audit", "verify"), data)
    piped = cli("audit", "verify", data_dir=tmp_path)
    assert code == piped.returncode == 0
    assert "\rverifying: 1,500 / 1,500 events (100 %)" in terminal and terminal.endswith("\r\n")
    assert "verifying" not in piped.stderr and without_timing(stdout) == without_timing(piped.stdout)

    export = ["audit", "export", "--format", "csv", "--platform", server.url, "--user", "lead1"]
    code, stdout, terminal = on_a_terminal(main_argv(*export, "--out", str(tmp_path / "tty")), {**data, **PASSWORD})
    assert code == 0 and stdout.startswith("exported 1,500 events")
    assert "\rexporting: " in terminal and " events (100 %)" in terminal
    piped = cli(*export, "--out", str(tmp_path / "piped"), data_dir=tmp_path, env=PASSWORD)
    assert piped.returncode == 0 and "exporting" not in piped.stderr and piped.stdout.startswith("exported ")

    code, stdout, terminal = on_a_terminal(main_argv("audit", "verify-export", str(tmp_path / "tty")), data)
    assert code == 0 and stdout.startswith("verified: 1,500 matching events")
    assert "\rverifying: " in terminal and " events (100 %)" in terminal
    piped = cli("audit", "verify-export", str(tmp_path / "tty"), data_dir=tmp_path)
    assert piped.stderr == "" and without_timing(piped.stdout) == without_timing(stdout)


def test_bulk_decisions_show_a_delivery_counter_on_a_terminal(platform_server: Callable[..., Any],
                                                              tmp_path: Path) -> None:
    server = platform_server()
    path = tmp_path / "d.csv"
    write_csv(path, queue_ids(server, 6))
    code, stdout, terminal = on_a_terminal(decide_argv(server.url, path),
                                           {**PASSWORD, "MODAPP_DATA_DIR": str(tmp_path)})
    assert code == 0 and stdout.startswith("6 rows: 6 delivered now")
    assert "\rdelivering: 6 / 6 decisions (100 %)" in terminal
