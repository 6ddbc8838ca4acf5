"""Build the workstation's Debian package: PyInstaller bundle -> staged root -> dpkg-deb.

Usage: python packaging/build_deb.py [--work DIR] [--out DIR] [--compression zstd|xz|gzip|none]

Run with the project's virtualenv Python (PyInstaller and the app's dependencies installed; `make installer` does
it). Prints the path of the .deb on its last line. Layout of the package:

    /opt/moderator-workstation/               the one-folder bundle (moderator-app, moderator-workstation, _internal/)
    /usr/bin/moderator-app, moderator-workstation   relative symlinks into /opt (so an unpacked tree works too)
    /usr/share/applications/moderator-workstation.desktop
    /usr/share/icons/hicolor/{16..512}x{..}/apps/moderator-workstation.png, scalable/apps/...svg
    /usr/share/doc/moderator-workstation/installing.md

The distribution's own libraries are not bundled: Depends names their packages, computed like dpkg-shlibdeps
does (the bundle's DT_NEEDED entries it does not ship, mapped through ldconfig to the packages owning them).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
APP = "moderator-workstation"
PREFIX = Path("opt") / APP
EXECUTABLES = ("moderator-app", "moderator-workstation")
MAINTAINER = "Moderator Workstation team <moderation-tools@example.org>"
# Qt needs these at run time but loads them with dlopen (not visible to ldd) or through plugins' fallbacks.
# fonts-noto-color-emoji: about a quarter of posts carry emoji; without an emoji font Qt draws boxes.
ALWAYS_DEPENDS = ["libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3",
                  "fonts-noto-color-emoji"]
RECOMMENDS = ["fonts-noto-cjk"]
# Fonts the bundle may carry that Debian also ships, by file name; see unbundle_system_fonts.
SYSTEM_FONTS = {"wqy-microhei.ttc": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"}
FONT_DEPENDS: set[str] = set()  # packages of the fonts left out of the bundle


def run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("+", " ".join(argv), file=sys.stderr, flush=True)
    return subprocess.run(argv, check=True, text=True, **kwargs)  # type: ignore[call-overload,no-any-return]


def app_version() -> str:
    namespace: dict[str, str] = {}
    exec((REPO / "moderator_app" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def build_bundle(work: Path, root: Path) -> Path:
    """PyInstaller straight into the staged root, so the 200 MB folder is never copied."""
    run([sys.executable, str(HERE / "render_icons.py"), str(REPO / "build" / "icons")], stdout=subprocess.DEVNULL)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(root / PREFIX.parent), "--workpath", str(work / "pyinstaller"),
         str(HERE / f"{APP}.spec")])
    bundle = root / PREFIX
    for name in EXECUTABLES:
        if not (bundle / name).is_file():
            raise SystemExit(f"build_deb: PyInstaller did not produce {bundle / name}")
    share_identical_executables(bundle)
    unbundle_system_libraries(bundle)
    unbundle_system_fonts(bundle)
    strip_symbols(bundle)
    return bundle


def unbundle_system_libraries(bundle: Path) -> None:
    """Leave out the copies PyInstaller took of the distribution's own shared libraries (OpenSSL, SQLite, GLib,
    X11/xcb, ...): the package depends on their Debian packages instead (system_dependencies), so Debian's
    security updates reach the workstation, and the package is ~20 MB smaller. Only byte-identical copies of files
    a Debian package owns go; Qt's and the wheels' own libraries stay."""
    system = system_libraries()
    for copy in sorted((bundle / "_internal").iterdir()):
        original = system.get(copy.name)
        if copy.is_symlink() or not copy.is_file() or original is None or copy.name.startswith("libpython"):
            continue
        if owning_packages(original) and filecmp.cmp(copy, original, shallow=False):
            copy.unlink()


def unbundle_system_fonts(bundle: Path) -> None:
    """The CJK font the PDFs embed is Debian's fonts-wqy-microhei (5 MB): where the bundle's copy is byte-identical to
    that package's file, the package depends on it instead and the app finds it at its system path
    (referrals/pdf.py CJK_FONT_CANDIDATES). A bundle built elsewhere keeps its copy."""
    for copy in sorted((bundle / "_internal" / "resources" / "fonts").glob("*")):
        original = SYSTEM_FONTS.get(copy.name)
        if original is None or not Path(original).is_file() or not filecmp.cmp(copy, original, shallow=False):
            continue
        packages = owning_packages(original)
        if packages:
            FONT_DEPENDS.update(packages)
            copy.unlink()


def strip_symbols(bundle: Path) -> None:
    """Drop symbol tables (libpython alone goes from 23 to 6 MB). Libraries that auditwheel vendored and patchelf
    rewrote (`*.libs/`, e.g. OpenBLAS) are left alone: stripped, they no longer load."""
    if shutil.which("strip") is None:
        print("build_deb: strip not found (binutils); the package will be larger", file=sys.stderr)
        return
    targets = [
        str(path)
        for path in bundle.rglob("*.so*")
        if path.is_file() and not path.is_symlink() and not any(p.endswith(".libs") for p in path.parts)
    ]
    for start in range(0, len(targets), 200):
        subprocess.run(["strip", "--strip-unneeded", *targets[start : start + 200]], check=False,
                       stderr=subprocess.DEVNULL)


def share_identical_executables(bundle: Path) -> None:
    """On Linux "windowed" changes nothing, so both executables are the same bootloader + module archive (tens of
    MB). Ship one; the other is a link to it (the bootloader follows links to find its archive and _internal/)."""
    cli, gui = (bundle / name for name in EXECUTABLES)
    if filecmp.cmp(cli, gui, shallow=False):
        gui.unlink()
        gui.symlink_to(cli.name)


def stage_desktop_files(root: Path) -> None:
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    for name in EXECUTABLES:
        link = bin_dir / name
        link.unlink(missing_ok=True)
        link.symlink_to(Path("..", "..", PREFIX, name))
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / f"{APP}.desktop", share / "applications" / f"{APP}.desktop")
    icons = share / "icons" / "hicolor"
    for png in sorted((REPO / "build" / "icons").glob(f"{APP}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = icons / f"{size}x{size}" / "apps" / f"{APP}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target)
    (icons / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "icons" / f"{APP}.svg", icons / "scalable" / "apps" / f"{APP}.svg")
    doc = share / "doc" / APP
    doc.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "docs" / "installing.md", doc / "installing.md")


def system_dependencies(bundle: Path) -> list[str]:
    """Debian packages owning the libraries the bundle's files link to directly (DT_NEEDED) and do not carry
    themselves, as dpkg-shlibdeps finds them; what those load in turn, their packages depend on."""
    shipped = {path.name for path in bundle.rglob("*.so*")}
    needed: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or not (".so" in path.name or os.access(path, os.X_OK)):
            continue
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False).stdout
        needed.update(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))
    system = system_libraries()
    packages = set(ALWAYS_DEPENDS) | FONT_DEPENDS
    for soname in sorted(needed - shipped):
        if soname in system:
            packages.update(owning_packages(system[soname]))
    return sorted(packages)


def system_libraries() -> dict[str, str]:
    """soname -> path from the dynamic linker's cache (ldconfig -p)."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    found: dict[str, str] = {}
    for line in listing.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        found.setdefault(name.split(" (")[0], path)
    return found


def owning_packages(path: str) -> list[str]:
    """The Debian packages that installed a file ([] for files no package owns). dpkg may have recorded it under
    /lib or /usr/lib (merged /usr), so both spellings are asked."""
    spellings = [path, str(Path(path).resolve()), path.replace("/usr/lib/", "/lib/"), path.replace("/lib/", "/usr/lib/")]
    for candidate in dict.fromkeys(spellings):
        owner = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False)
        if owner.returncode == 0:
            owners = owner.stdout.splitlines()[0].rsplit(": ", 1)[0]  # "pkg:arch[, pkg2:arch]: path"
            return [name.strip().split(":")[0] for name in owners.split(",")]
    return []


def write_control(root: Path, bundle: Path, version: str) -> None:
    debian = root / "DEBIAN"
    debian.mkdir(exist_ok=True)
    arch = run(["dpkg", "--print-architecture"], capture_output=True).stdout.strip()
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if "DEBIAN" not in p.parts) // 1024
    (debian / "control").write_text(
        f"Package: {APP}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(system_dependencies(bundle))}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: Moderator Workstation for microblog content review\n"
        " Reviews flagged microblog posts under the Beijing microblog provisions (2011):\n"
        " the flagged-post queue, suggested Article 10 categories with their evidence,\n"
        " decisions and police referrals in a tamper-evident audit log.\n"
        " .\n"
        " Self-contained (PyInstaller) in /opt/moderator-workstation; commands\n"
        " moderator-workstation (GUI) and moderator-app (command line).\n",
        encoding="utf-8",
    )
    for script in ("postinst", "prerm", "postrm"):
        shutil.copy2(HERE / "debian" / script, debian / script)
        (debian / script).chmod(0o755)


def normalise_modes(root: Path) -> None:
    """Same permissions whatever the builder's umask: dirs and executables 0755, the rest 0644."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or os.access(path, os.X_OK):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def build(work: Path, out: Path, compression: str) -> Path:
    version = app_version()
    root = work / "root"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    bundle = build_bundle(work, root)
    stage_desktop_files(root)
    normalise_modes(root)
    write_control(root, bundle, version)
    arch = (root / "DEBIAN" / "control").read_text(encoding="utf-8").split("Architecture: ")[1].split()[0]
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{APP}_{version}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(deb)],
        stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build_deb.py", description="Build the workstation's .deb")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "installer", help="scratch folder")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "installer", help="where the .deb goes")
    parser.add_argument("--compression", default="zstd", choices=["gzip", "xz", "zstd", "none"])
    args = parser.parse_args(argv)
    for tool in ("dpkg-deb", "dpkg-query", "ldd", "ldconfig", "readelf"):
        if shutil.which(tool) is None:
            print(f"build_deb: {tool} not found (build the .deb on Debian or Ubuntu)", file=sys.stderr)
            return 2
    print(build(args.work.resolve(), args.out.resolve(), args.compression))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
