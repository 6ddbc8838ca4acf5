"""The Debian package, built once per session (or MODAPP_TEST_DEB=path/to.deb) and unpacked into a scratch root."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.support import REPO_ROOT


@pytest.fixture(scope="session")
def deb_package() -> Path:
    prebuilt = os.environ.get("MODAPP_TEST_DEB")
    if prebuilt:
        return Path(prebuilt).resolve()
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb not found: the Linux package is built and tested on Debian or Ubuntu")
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "build_deb.py")],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, f"building the .deb failed:\n{result.stderr[-4000:]}"
    deb = Path(result.stdout.strip().splitlines()[-1])
    assert deb.is_file() and deb.suffix == ".deb"
    return deb


@pytest.fixture(scope="session")
def scratch_root(deb_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's files as `dpkg -i` would lay them out, under a scratch folder instead of /."""
    root = tmp_path_factory.mktemp("installed-root")
    subprocess.run(["dpkg-deb", "-x", str(deb_package), str(root)], check=True)
    return root
