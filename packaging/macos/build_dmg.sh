#!/usr/bin/env bash
# macOS build of the workstation: the .app bundle (PyInstaller's BUNDLE step in the spec) and a dmg.
# Run on a Mac from the repository root with Python 3.11+:  packaging/macos/build_dmg.sh
# Output: dist/Moderator Workstation.app and dist/ModeratorWorkstation-<version>.dmg.
# Signing and notarisation (needed outside a managed fleet) use the organisation's Developer ID:
#   codesign --deep --options runtime --sign "Developer ID Application: ..." "dist/Moderator Workstation.app"
#   xcrun notarytool submit dist/ModeratorWorkstation-<version>.dmg --keychain-profile ... --wait
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/python -m pip install --upgrade pip
.venv/bin/python -m pip install -e '.[demo,packaging]' pillow   # Pillow: PNG -> .icns for the app icon
for ts in resources/i18n/*.ts; do .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"; done
.venv/bin/python packaging/render_icons.py build/icons
version=$(.venv/bin/python -c 'import moderator_app; print(moderator_app.__version__)')
.venv/bin/pyinstaller --noconfirm packaging/moderator-workstation.spec
app="dist/Moderator Workstation.app"
"$app/Contents/MacOS/moderator-app" --version
"$app/Contents/MacOS/moderator-app" policy check
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Moderator Workstation" -srcfolder "$staging" -ov -format UDZO \
    "dist/ModeratorWorkstation-$version.dmg"
rm -rf "$staging"
echo "dist/ModeratorWorkstation-$version.dmg"
