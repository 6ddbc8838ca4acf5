# Windows build of the workstation installer (PowerShell, Python 3.11+ x64, Inno Setup 6 with iscc on PATH).
# Run from the repository root:  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
python -m venv .venv
.venv\Scripts\python -m pip install --upgrade pip
# Pillow lets PyInstaller turn the PNG icon into the .exe's .ico.
.venv\Scripts\python -m pip install -e ".[demo,packaging]" pillow
Get-ChildItem resources\i18n\*.ts | ForEach-Object {
    .venv\Scripts\pyside6-lrelease -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
}
.venv\Scripts\python packaging\render_icons.py build\icons
.venv\Scripts\python -c "from PIL import Image; Image.open('build/icons/moderator-workstation-256.png').save('build/icons/moderator-workstation.ico', sizes=[(16,16),(32,32),(48,48),(256,256)])"
.venv\Scripts\pyinstaller --noconfirm packaging\moderator-workstation.spec
$version = .venv\Scripts\python -c "import moderator_app; print(moderator_app.__version__)"
dist\moderator-workstation\moderator-app.exe --version
dist\moderator-workstation\moderator-app.exe policy check
iscc /DAppVersion=$version packaging\windows\moderator-workstation.iss
