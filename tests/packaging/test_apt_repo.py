"""`make repo`: a signed apt repository from the .deb, which apt-get trusts with the signing key and refuses
without it (or when its index was changed after signing). apt runs against a file: URI with its own sources,
lists, cache and trusted keys in a temporary folder, so the machine's apt configuration is not touched."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from moderator_app import __version__
from tests.packaging.support import APP, REPO_ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def signed_repo(deb_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("apt-ftparchive") is None or shutil.which("apt-get") is None:
        pytest.skip("apt-ftparchive (apt-utils) and apt-get are needed: `make system-deps` installs them")
    work = tmp_path_factory.mktemp("apt-repo")
    gnupg = work / "gnupg"
    gnupg.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(gnupg), "REPO_OUT": str(work / "repo")}
    subprocess.run(["gpg", "--batch", "--quiet", "--passphrase", "", "--quick-gen-key",
                    "Example Moderation Co packages <packages@example.org>", "ed25519", "sign", "1d"],
                   env=env, check=True, capture_output=True)
    built = subprocess.run(["make", "-s", "--no-print-directory", "repo", f"DEB={deb_package}",
                            "REPO_KEY=packages@example.org"], cwd=REPO_ROOT, env=env, capture_output=True,
                           text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    repo = Path(built.stdout.strip().splitlines()[-1])
    assert repo == work / "repo"
    return repo


def apt(work: Path, source_line: str, *args: str) -> subprocess.CompletedProcess[str]:
    for folder in ("lists/partial", "cache/archives/partial", "sources.list.d", "trusted.gpg.d"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    (work / "sources.list").write_text(source_line + "\n", encoding="utf-8")
    options = {
        "Dir::Etc::SourceList": work / "sources.list", "Dir::Etc::SourceParts": work / "sources.list.d",
        "Dir::State::Lists": work / "lists", "Dir::Cache": work / "cache",
        "Dir::Etc::Trusted": "/dev/null", "Dir::Etc::TrustedParts": work / "trusted.gpg.d",  # no machine keys
        "APT::Sandbox::User": "root", "Debug::NoLocking": "1",
    }
    argv = ["apt-get", "-q"] + [f"-o{name}={value}" for name, value in options.items()] + list(args)
    return subprocess.run(argv, cwd=work, capture_output=True, text=True, timeout=120, check=False)


def test_apt_accepts_the_repository_with_its_key_and_fetches_the_package(
        signed_repo: Path, deb_package: Path, tmp_path: Path) -> None:
    line = f"deb [signed-by={signed_repo / f'{APP}.gpg'}] file:{signed_repo} stable main"
    updated = apt(tmp_path, line, "update")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert "not signed" not in updated.stderr and "NO_PUBKEY" not in updated.stderr
    fetched = apt(tmp_path, line, "download", f"{APP}={__version__}")
    assert fetched.returncode == 0, fetched.stderr
    downloaded = next(tmp_path.glob(f"{APP}_*.deb"))
    assert hashlib.sha256(downloaded.read_bytes()).digest() == hashlib.sha256(deb_package.read_bytes()).digest()
    example = (signed_repo / f"{APP}.sources").read_text(encoding="utf-8")
    assert f"Signed-By: /usr/share/keyrings/{APP}.gpg" in example


def test_apt_refuses_the_repository_without_its_key(signed_repo: Path, tmp_path: Path) -> None:
    refused = apt(tmp_path, f"deb file:{signed_repo} stable main", "update")
    assert refused.returncode != 0
    assert "NO_PUBKEY" in refused.stderr and "is not signed" in refused.stderr
    assert apt(tmp_path, f"deb file:{signed_repo} stable main", "download", APP).returncode != 0


def test_apt_refuses_an_index_changed_after_signing(signed_repo: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "tampered"
    shutil.copytree(signed_repo, tampered)
    packages = tampered / "dists" / "stable" / "main" / "binary-amd64" / "Packages"
    packages.write_text(packages.read_text(encoding="utf-8").replace("Description:", "Depends: evil\nDescription:"),
                        encoding="utf-8")
    (packages.parent / "Packages.gz").unlink()
    refused = apt(tmp_path / "apt", f"deb [signed-by={tampered / f'{APP}.gpg'}] file:{tampered} stable main",
                  "update")
    assert refused.returncode != 0 and "Hash Sum mismatch" in refused.stdout + refused.stderr
