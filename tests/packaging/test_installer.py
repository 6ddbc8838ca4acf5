"""The Debian package, built once per session and unpacked into a scratch root, run from the INSTALLED files.

The build (PyInstaller + dpkg-deb) takes one to two minutes; ``MODAPP_TEST_DEB=path/to.deb`` reuses a package
built earlier in the same CI run instead.
"""

from __future__ import annotations

import configparser
import re
import os
import subprocess
from pathlib import Path

import pytest

from moderator_app import __version__
from tests.packaging.support import APP, BUNDLE, REPO_ROOT, installed_env, run_installed

pytestmark = pytest.mark.slow


def registered_commands(root: Path, cwd: Path) -> set[str]:
    result = run_installed(root, "moderator-app", "--help", cwd=cwd)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("commands:", 1)[1].splitlines()
    return {line.split()[0] for line in lines if line.startswith("  ") and line.split()}


def test_package_installs_bundle_links_menu_entry_and_icons(deb_package: Path) -> None:
    fields = subprocess.run(["dpkg-deb", "-f", str(deb_package)], capture_output=True, text=True, check=True).stdout
    assert f"Package: {APP}" in fields and f"Version: {__version__}" in fields
    assert "libc6" in fields.split("Depends:", 1)[1].splitlines()[0]
    listing = subprocess.run(["dpkg-deb", "-c", str(deb_package)], capture_output=True, text=True, check=True).stdout
    for expected in (
        f"./opt/{APP}/moderator-app",
        f"./opt/{APP}/moderator-workstation",
        f"./opt/{APP}/_internal/resources/policies/beijing-2011.toml",
        f"./opt/{APP}/_internal/resources/i18n/moderator_app_zh_CN.qm",
        f"./usr/bin/moderator-app -> ../../opt/{APP}/moderator-app",
        f"./usr/bin/moderator-workstation -> ../../opt/{APP}/moderator-workstation",
        f"./usr/share/applications/{APP}.desktop",
        f"./usr/share/icons/hicolor/256x256/apps/{APP}.png",
        f"./usr/share/icons/hicolor/scalable/apps/{APP}.svg",
    ):
        assert expected in listing, f"{expected} missing from the package"
    control = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(deb_package)], capture_output=True, check=True).stdout
    for script in (b"./postinst", b"./prerm", b"./postrm"):
        assert script in control


def test_menu_entry_starts_an_installed_program_with_an_installed_icon(scratch_root: Path) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(scratch_root / "usr" / "share" / "applications" / f"{APP}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    program = scratch_root / "usr" / "bin" / desktop["Exec"].split()[0]
    assert program.resolve().is_file() and os.access(program.resolve(), os.X_OK)
    icons = list((scratch_root / "usr" / "share" / "icons" / "hicolor").glob(f"*/apps/{desktop['Icon']}.*"))
    assert len(icons) >= 2


def test_version_runs_from_the_installed_files(scratch_root: Path, tmp_path: Path) -> None:
    result = run_installed(scratch_root, "moderator-app", "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"moderator-app {__version__}"


def test_policy_check_finds_the_shipped_pack_inside_the_bundle(scratch_root: Path, tmp_path: Path) -> None:
    result = run_installed(scratch_root, "moderator-app", "policy", "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "beijing-2011" in result.stdout and "ok" in result.stdout


def test_bad_usage_from_the_bundle_is_one_line_and_exit_2(scratch_root: Path, tmp_path: Path) -> None:
    result = run_installed(scratch_root, "moderator-app", "no-such-command", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_bundle_holds_no_paths_into_the_source_tree(scratch_root: Path) -> None:
    """A frozen app that still points at the build checkout works on the build machine only."""
    source_tree = str(REPO_ROOT).encode()
    leaking = [
        path.relative_to(scratch_root)
        for path in (scratch_root / BUNDLE).rglob("*")
        if path.is_file() and not path.is_symlink() and source_tree in path.read_bytes()
    ]
    assert leaking == [], f"files mentioning {REPO_ROOT}: {leaking[:10]}"
    # Our code ships compiled inside the archive; only scripts Alembic loads from files (migrations) stay .py.
    package = scratch_root / BUNDLE / "_internal" / "moderator_app"
    migration_dirs = [env_py.parent for env_py in package.rglob("env.py")]
    sources = [
        path.relative_to(package)
        for path in package.rglob("*.py")
        if not any(path.is_relative_to(migrations) for migrations in migration_dirs)
    ]
    assert sources == []


def test_audit_generate_and_verify_from_the_bundle(scratch_root: Path, tmp_path: Path) -> None:
    commands = registered_commands(scratch_root, tmp_path)
    if "audit" not in commands:
        pytest.skip("the `audit` command is not registered yet (audit log issue); this runs once it is merged")
    if "db" in commands:  # Alembic migrations, loaded from the bundle's files
        upgraded = run_installed(scratch_root, "moderator-app", "db", "upgrade", cwd=tmp_path)
        assert upgraded.returncode == 0, upgraded.stderr
    synthetic = f"sqlite:///{tmp_path / 'synthetic.sqlite3'}"
    generated = run_installed(scratch_root, "moderator-app", "audit", "generate", "--synthetic", "--db", synthetic,
                              "--events", "1000", cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    verified = run_installed(scratch_root, "moderator-app", "audit", "verify", "--db", synthetic, cwd=tmp_path)
    assert verified.returncode == 0, verified.stderr


def test_gui_demo_smoke_test_from_the_bundle(scratch_root: Path, tmp_path: Path) -> None:
    result = run_installed(
        scratch_root,
        "moderator-workstation",
        "--demo",
        "--smoke-test",
        cwd=tmp_path,
        env={"QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, f"exit {result.returncode}:\n{result.stderr[-3000:]}"


def test_pdf_report_from_the_bundle_embeds_debians_cjk_font(deb_package: Path, scratch_root: Path,
                                                            tmp_path: Path) -> None:
    """The bundle leaves Debian's fonts-wqy-microhei out and depends on it; a PDF made from the bundle still embeds
    that font (found at its system path)."""
    fields = subprocess.run(["dpkg-deb", "-f", str(deb_package), "Depends"], capture_output=True, text=True,
                            check=True).stdout
    assert "fonts-wqy-microhei" in fields
    assert "fonts-noto-color-emoji" in fields  # emoji in posts drawn as emoji, not boxes
    assert not list(scratch_root.rglob("wqy-microhei.ttc"))
    env = {"MODAPP_DATA_DIR": str(tmp_path / "data"), "MODAPP_CONFIG_DIR": str(tmp_path / "config"),
           "MODAPP_PASSWORD": "demo"}
    platform = subprocess.Popen([str(scratch_root / "usr" / "bin" / "moderator-app"), "demo-platform", "--port", "0",
                                 "--posts", "20"], cwd=tmp_path, env=installed_env(env), stderr=subprocess.PIPE,
                                text=True)
    try:
        assert platform.stderr is not None
        banner = platform.stderr.readline()
        assert banner.startswith("Demo platform on "), banner
        url = banner.split()[3]
        synthetic = f"sqlite:///{tmp_path / 'synthetic.sqlite3'}"
        generated = run_installed(scratch_root, "moderator-app", "audit", "generate", "--synthetic", "--db", synthetic,
                                  "--events", "300", cwd=tmp_path, env=env)
        assert generated.returncode == 0, generated.stderr
        exported = run_installed(scratch_root, "moderator-app", "audit", "export", "--db", synthetic, "--from",
                                 "2000-01-01", "--to", "2100-01-01", "--format", "pdf", "--out",
                                 str(tmp_path / "bundle"), "--platform", url, "--user", "lead1", cwd=tmp_path,
                                 env=env)
        assert exported.returncode == 0, exported.stderr
    finally:
        platform.terminate()
        platform.wait(20)
        if platform.stderr:
            platform.stderr.close()
    pdfs = list((tmp_path / "bundle").rglob("*.pdf"))
    assert pdfs
    fonts = subprocess.run(["pdffonts", str(pdfs[0])], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts or "wqy" in fonts.lower(), fonts


def test_documented_installed_size_matches_the_package(deb_package: Path) -> None:
    """docs/installing.md's size figures stay current: within 2% of the package this run built."""
    runbook = (REPO_ROOT / "docs" / "installing.md").read_text(encoding="utf-8")
    found = re.search(r"installs (\d+) MB \(`Installed-Size` ([\d,]+) KiB", runbook)
    assert found, "docs/installing.md no longer states the installed size"
    documented_mb, documented_kib = int(found[1]), int(found[2].replace(",", ""))
    actual_kib = int(subprocess.run(["dpkg-deb", "-f", str(deb_package), "Installed-Size"], capture_output=True,
                                    text=True, check=True).stdout)
    assert abs(documented_kib - actual_kib) <= 0.02 * actual_kib, f"the package installs {actual_kib:,} KiB now"
    assert abs(documented_mb - actual_kib * 1024 / 1e6) <= 1
