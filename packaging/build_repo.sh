#!/usr/bin/env bash
# A signed apt repository holding the workstation's .deb, made with Debian's own tools (apt-ftparchive, gpg).
#
# Usage: packaging/build_repo.sh [DEB...]     (`make repo`; default: the newest build/installer/*.deb)
#   REPO_OUT   where the repository goes (default build/repo); publish that folder on any web server
#   REPO_KEY   the gpg key (id or fingerprint, in $GNUPGHOME) that signs it: your organisation's key.
#              Without it a key is made once in build/repo-signing/ and reused: for trials, not for a fleet.
#   SUITE      the suite name (default stable)
#
# Layout (what apt expects of `deb URL SUITE main`):
#   pool/main/m/moderator-workstation/*.deb
#   dists/SUITE/main/binary-amd64/Packages, Packages.gz
#   dists/SUITE/Release, InRelease (clear-signed), Release.gpg (detached)
#   moderator-workstation.gpg (the public key, for /usr/share/keyrings/), moderator-workstation.sources (example)
set -euo pipefail

APP=moderator-workstation
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${REPO_OUT:-$ROOT/build/repo}
SUITE=${SUITE:-stable}
ARCH=$(dpkg --print-architecture)

die() { echo "build_repo: $*" >&2; exit 2; }
command -v apt-ftparchive >/dev/null || die "apt-ftparchive not found: sudo apt-get install apt-utils"
command -v gpg >/dev/null || die "gpg not found: sudo apt-get install gnupg"

debs=("$@")
if [ ${#debs[@]} -eq 0 ]; then
    newest=$(ls -t "$ROOT"/build/installer/${APP}_*.deb 2>/dev/null | head -n 1 || true)
    [ -n "$newest" ] || die "no package in build/installer/: run 'make installer' first (or name the .deb)"
    debs=("$newest")
fi
for deb in "${debs[@]}"; do
    [ -f "$deb" ] || die "$deb: no such file"
    dpkg-deb --field "$deb" Package >/dev/null 2>&1 || die "$deb: not a Debian package"
done

if [ -z "${REPO_KEY:-}" ]; then
    export GNUPGHOME=$ROOT/build/repo-signing
    if ! gpg --batch --list-secret-keys "$APP-repo" >/dev/null 2>&1; then
        mkdir -p -m 0700 "$GNUPGHOME"
        gpg --batch --quiet --passphrase '' --quick-gen-key "$APP-repo (trial key) <$APP-repo@localhost>" \
            ed25519 sign 2y
    fi
    REPO_KEY=$APP-repo
    echo "build_repo: signed with a trial key in $GNUPGHOME; set REPO_KEY for your organisation's key" >&2
fi
gpg --batch --list-secret-keys "$REPO_KEY" >/dev/null 2>&1 || die "REPO_KEY $REPO_KEY: no such secret key"

rm -rf "$OUT"
pool=$OUT/pool/main/${APP:0:1}/$APP
mkdir -p "$pool" "$OUT/dists/$SUITE/main/binary-$ARCH"
cp "${debs[@]}" "$pool/"
cd "$OUT"
apt-ftparchive packages pool > "dists/$SUITE/main/binary-$ARCH/Packages"
gzip -9nk "dists/$SUITE/main/binary-$ARCH/Packages"
apt-ftparchive \
    -o APT::FTPArchive::Release::Origin="$APP" -o APT::FTPArchive::Release::Label="$APP" \
    -o APT::FTPArchive::Release::Suite="$SUITE" -o APT::FTPArchive::Release::Codename="$SUITE" \
    -o APT::FTPArchive::Release::Architectures="$ARCH" -o APT::FTPArchive::Release::Components=main \
    release "dists/$SUITE" > Release.tmp
mv Release.tmp "dists/$SUITE/Release"
gpg --batch --yes --local-user "$REPO_KEY" --clearsign -o "dists/$SUITE/InRelease" "dists/$SUITE/Release"
gpg --batch --yes --local-user "$REPO_KEY" --armor --detach-sign -o "dists/$SUITE/Release.gpg" \
    "dists/$SUITE/Release"
gpg --batch --yes --export "$REPO_KEY" > "$APP.gpg"
cat > "$APP.sources" <<SOURCES
Types: deb
URIs: https://apt.example.org/$APP
Suites: $SUITE
Components: main
Signed-By: /usr/share/keyrings/$APP.gpg
SOURCES
echo "$OUT"
