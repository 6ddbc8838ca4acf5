"""The installed workstation: package size, and start-up times from the bundle (not the source tree).

Reuses the newest .deb under build/installer/ (`make installer`); builds one when there is none.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_gui import smoke_test_times
from benchmarks.harness import REPO, Row, median, time_command

BUILD = REPO / "build" / "installer"


def newest_package() -> Path:
    packages = sorted(BUILD.glob("moderator-workstation_*.deb"), key=lambda p: p.stat().st_mtime)
    if packages:
        return packages[-1]
    result = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build_deb.py")], capture_output=True, text=True, check=True
    )
    return Path(result.stdout.strip().splitlines()[-1])


def installed_size_mb(root: Path) -> float:
    return sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) / 1e6


def run() -> list[Row]:
    deb = newest_package()
    with tempfile.TemporaryDirectory(prefix="bench-installer-") as scratch:
        root = Path(scratch) / "root"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        env = {"MODAPP_DATA_DIR": f"{scratch}/data", "MODAPP_CONFIG_DIR": f"{scratch}/config"}
        cli = str(root / "usr" / "bin" / "moderator-app")
        gui = str(root / "usr" / "bin" / "moderator-workstation")
        version = time_command([cli, "--version"], runs=20, env=env)
        _window, smoke = smoke_test_times([gui, "--demo", "--smoke-test"], env=env)
        size = installed_size_mb(root)
    return [
        Row("installed package size (unpacked .deb)", size, "MB", 300, note=deb.name),
        Row("moderator-app --version from the bundle (median of 20)", median(version), "ms", 150),
        Row("GUI start to first post from the bundle (process start, median of 5)", median(smoke), "ms", 2000),
    ]
