"""Running the package's installed files: away from the source tree and without the dev Python's paths."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

APP = "moderator-workstation"
BUNDLE = Path("opt") / APP
REPO_ROOT = Path(__file__).resolve().parents[2]


def installed_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This environment without the dev Python's paths, plus ``extra``."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return {**clean, **(extra or {})}


def run_installed(
    root: Path, command: str, *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Start a command through its /usr/bin link, away from the source tree and without the dev Python's paths."""
    return subprocess.run(
        [str(root / "usr" / "bin" / command), *args],
        cwd=cwd,
        env=installed_env(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
