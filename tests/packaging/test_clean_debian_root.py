"""The administrator's runbook (docs/installing.md), step by step, on a clean Debian root: a `debootstrap
--variant=minbase` chroot of the release the package is built on. Silent install from the signed repository
(`make repo`), managed settings a user cannot override, the GUI under Xvfb as an ordinary user without a keyring,
the company CA through the system store (update-ca-certificates) and MODAPP_CA_BUNDLE, removal.

Needs root, debootstrap and a Debian mirror (http://deb.debian.org unless MODAPP_DEBIAN_MIRROR); runs when
MODAPP_TEST_CLEAN_ROOT=1 (`make test-clean-root`, CI). About 1.5 minutes, a minute less once the debootstrap
tarball is cached in build/clean-root/.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from moderator_app import __version__
from tests.packaging.support import APP, REPO_ROOT
from tests.tls_support import make_private_ca, tls_platform

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("MODAPP_TEST_CLEAN_ROOT") != "1",
                       reason="set MODAPP_TEST_CLEAN_ROOT=1 (make test-clean-root) to install into a clean Debian root"),
]
SUITE = "bookworm"
CACHE = REPO_ROOT / "build" / "clean-root" / f"{SUITE}-minbase.tar"
USER = "moderator"
MANAGED = {"platform_url": "https://moderation-api.example.org", "break_reminder_minutes": 20}
ROOT_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "HOME": "/root"}


def run_in(root: Path, command: str, *, user: str | None = None, timeout: float = 600
           ) -> subprocess.CompletedProcess[str]:
    """``command`` (shell) inside the root, as root or as ``user`` with a login environment."""
    argv = ["chroot", str(root)] + (["su", "-", user, "-c", command] if user else ["sh", "-c", command])
    return subprocess.run(argv, env=ROOT_ENV, capture_output=True, text=True, timeout=timeout, check=False)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def make_minbase(root: Path) -> None:
    if CACHE.exists():
        subprocess.run(["tar", "-C", str(root), "-xf", str(CACHE)], check=True)
        return
    mirror = os.environ.get("MODAPP_DEBIAN_MIRROR", "http://deb.debian.org/debian")
    built = subprocess.run(["debootstrap", "--variant=minbase", SUITE, str(root), mirror], capture_output=True,
                           text=True, timeout=900, check=False)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-C", str(root), "-cf", str(CACHE), "."], check=True)


@pytest.fixture(scope="module")
def debian_root(deb_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        pytest.skip("needs root and debootstrap (apt-get install debootstrap)")
    root = tmp_path_factory.mktemp("debian-root")
    make_minbase(root)
    root.chmod(0o755)  # the chroot's "/" (a temporary folder is 0700): users must be able to enter it
    proc = root / "proc"
    subprocess.run(["mount", "-t", "proc", "proc", str(proc)], check=True)
    try:
        yield root
    finally:
        subprocess.run(["umount", "--lazy", str(proc)], check=False)
        if not os.path.ismount(proc):
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def installed(debian_root: Path, deb_package: Path) -> Path:
    """The runbook's install: the signed repository, its key and source file, then a silent apt-get install."""
    root = debian_root
    repo = root / "srv" / "moderator-repo"
    ok(subprocess.run(["make", "-s", "--no-print-directory", "repo", f"DEB={deb_package}"], cwd=REPO_ROOT,
                      env={**os.environ, "REPO_OUT": str(repo)}, capture_output=True, text=True, timeout=300,
                      check=False))
    shutil.copy(repo / f"{APP}.gpg", root / "usr" / "share" / "keyrings" / f"{APP}.gpg")
    source = (repo / f"{APP}.sources").read_text(encoding="utf-8")
    source = "\n".join("URIs: file:/srv/moderator-repo" if line.startswith("URIs:") else line
                       for line in source.splitlines())
    (root / "etc" / "apt" / "sources.list.d" / f"{APP}.sources").write_text(source + "\n", encoding="utf-8")
    ok(run_in(root, "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "
                    f"--no-install-recommends {APP} xvfb xauth ca-certificates"))
    managed = root / "etc" / APP / "settings.json"
    managed.parent.mkdir(parents=True)
    managed.write_text(json.dumps(MANAGED), encoding="utf-8")
    ok(run_in(root, f"useradd --create-home {USER}"))
    return root


def test_silent_install_from_the_signed_repository(installed: Path) -> None:
    status = ok(run_in(installed, f"dpkg-query -W -f='${{Status}} ${{Version}}' {APP}"))
    assert status == f"install ok installed {__version__}"
    assert ok(run_in(installed, "moderator-app --version", user=USER)).strip() == f"moderator-app {__version__}"
    assert ok(run_in(installed, "moderator-app policy check", user=USER)).rstrip().endswith("ok")


def test_a_users_settings_and_environment_cannot_override_a_locked_key(installed: Path) -> None:
    mine = json.dumps({"platform_url": "https://elsewhere.example", "break_reminder_minutes": 0, "language": "en"})
    ok(run_in(installed, f"mkdir -p ~/.config/{APP} && echo {shlex.quote(mine)} > ~/.config/{APP}/settings.json",
              user=USER))
    shown = json.loads(ok(run_in(installed, "MODAPP_PLATFORM_URL=https://env.example moderator-app config show "
                                            "--json", user=USER)))
    source = f"managed file /etc/{APP}/settings.json"
    assert shown["platform_url"] == {"value": MANAGED["platform_url"], "source": source, "locked": True}
    assert shown["break_reminder_minutes"] == {"value": 20, "source": source, "locked": True}
    assert shown["language"]["value"] == "en" and not shown["language"]["locked"]  # not managed: the user's own


def test_the_gui_demo_runs_under_xvfb_as_a_user_without_a_keyring(installed: Path) -> None:
    result = ok(run_in(installed, "xvfb-run -a moderator-workstation --demo --smoke-test", user=USER, timeout=180))
    assert "first post shown" in result
    keyless = run_in(installed, "moderator-app db upgrade && moderator-app audit generate --events 10", user=USER)
    assert keyless.returncode == 0, keyless.stderr
    assert f"no OS keyring on this machine: the audit signing key is kept in /home/{USER}/.local/share/{APP}/" \
           "audit-signing-key" in keyless.stderr


def test_the_company_ca_through_the_system_store_or_the_bundle(installed: Path, tmp_path: Path) -> None:
    ca = make_private_ca(tmp_path / "ca")
    shutil.copy(ca.ca_pem, installed / "tmp" / "company-ca.pem")
    managed = installed / "etc" / APP / "settings.json"
    with tls_platform(ca) as url:  # on the host's loopback, which the chroot shares
        managed.write_text(json.dumps({**MANAGED, "platform_url": url}), encoding="utf-8")
        try:
            refused = run_in(installed, "moderator-app config check", user=USER)
            assert refused.returncode == 1 and "TLS certificate was not accepted" in refused.stderr
            via_variable = ok(run_in(installed, "MODAPP_CA_BUNDLE=/tmp/company-ca.pem moderator-app config check",
                                     user=USER))
            assert "verified against the system trust store and /tmp/company-ca.pem" in via_variable
            managed.write_text(json.dumps({**MANAGED, "platform_url": url, "ca_bundle": "/tmp/company-ca.pem"}),
                               encoding="utf-8")
            assert "and /tmp/company-ca.pem" in ok(run_in(installed, "moderator-app config check", user=USER))
            managed.write_text(json.dumps({**MANAGED, "platform_url": url}), encoding="utf-8")
            shutil.copy(ca.ca_pem, installed / "usr" / "local" / "share" / "ca-certificates" / "company-ca.crt")
            assert "1 added" in ok(run_in(installed, "update-ca-certificates"))
            via_system = ok(run_in(installed, "moderator-app config check", user=USER))
            assert "certificate verified against the system trust store\n" in via_system
        finally:
            managed.write_text(json.dumps(MANAGED), encoding="utf-8")


def test_removal_leaves_users_data_and_the_managed_file(installed: Path) -> None:
    ok(run_in(installed, f"DEBIAN_FRONTEND=noninteractive apt-get purge -y -q {APP}"))
    assert not (installed / "opt" / APP).exists() and not (installed / "usr" / "bin" / "moderator-app").exists()
    assert (installed / "etc" / APP / "settings.json").exists(), "the administrator's file is not the package's"
    assert (installed / "home" / USER / ".local" / "share" / APP / "audit.sqlite3").exists()
