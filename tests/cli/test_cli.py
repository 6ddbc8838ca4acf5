from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moderator_app import __version__
from moderator_app.cli.registry import COMMANDS
from moderator_app.launcher import main

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, **(env or {})}, check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"moderator-app {__version__}\n"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_unknown_command_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err == "moderator-app: error: unknown command 'frobnicate' (see 'moderator-app --help')\n"


def test_bad_argument_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["policy", "show", "--bogus"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unrecognized arguments: --bogus" in err


def test_bad_gui_option_is_refused_before_any_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "--demo-user", "root"]) == 2
    assert capsys.readouterr().err == (
        "moderator-app: error: --demo-user must be one of mod1, mod2, lead1, not 'root'\n"
    )
    assert main(["--smoke-test"]) == 2


def test_policy_check_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "check"]) == 0
    assert "beijing-2011 1.0.0: 11 categories" in capsys.readouterr().out
    assert main(["policy", "show", "--category", "10.7"]) == 0
    assert "散布淫秽、色情、赌博、暴力、恐怖或者教唆犯罪的" in capsys.readouterr().out


def test_unknown_category_is_exit_2_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "show", "--category", "10.12"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("moderator-app: error: unknown category id '10.12' in policy pack beijing-2011")
    assert err.count("\n") == 1


def test_malformed_pack_file_is_exit_2_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "team.toml"
    bad.write_text("[pack]\nid = 3\n", encoding="utf-8")
    result = run_cli("policy", "check", str(bad))
    assert result.returncode == 2
    assert result.stderr == f"moderator-app: error: {bad}:2: pack.id: must be a non-empty string\n"


def test_missing_pack_file_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("policy", "check", str(tmp_path / "gone.toml"))
    assert result.returncode == 2
    assert result.stderr == f"moderator-app: error: {tmp_path / 'gone.toml'}: file not found\n"


def test_cli_commands_never_import_qt() -> None:
    modules = sorted({module for module, _ in COMMANDS.values()})
    code = (
        "import sys\n"
        "from moderator_app.launcher import main\n"
        "import importlib\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "assert main(['--version']) == 0\n"
        "assert main(['policy', 'check']) == 0\n"
        "bad = [m for m in sys.modules if m.split('.')[0] == 'PySide6']\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_every_registered_command_module_has_the_command_interface() -> None:
    for module_name, summary in COMMANDS.values():
        module = importlib.import_module(module_name)
        assert callable(module.add_arguments) and callable(module.run), module_name
        assert summary and "\n" not in summary
