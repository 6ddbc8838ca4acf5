; Inno Setup 6 script for the Windows installer. Built on Windows by packaging\windows\build.ps1, which first
; makes the PyInstaller bundle dist\moderator-workstation\ from packaging\moderator-workstation.spec.
; Not built on the Linux CI (see docs/installing.md, "Windows").
;
;   iscc /DAppVersion=0.1.0 packaging\windows\moderator-workstation.iss   ->  dist\ModeratorWorkstation-0.1.0-setup.exe

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Moderator Workstation"
#define Bundle "..\..\dist\moderator-workstation"

[Setup]
; Keep AppId fixed across versions: it is how upgrades and the uninstaller find the installation.
AppId={{6F4C2B1E-6B1D-4C55-9E1A-3A2F4D7C8B90}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Moderator Workstation team
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ModeratorWorkstation-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\moderator-workstation.ico
UninstallDisplayIcon={app}\moderator-workstation.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships Simplified Chinese as an unofficial translation; drop ChineseSimplified.isl into its
; Languages folder and uncomment:
; Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\moderator-workstation.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\moderator-workstation.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\moderator-workstation.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files written at run time inside the program folder (bytecode caches of migration scripts). The users' data
; in %LOCALAPPDATA%\moderator-workstation stays.
Type: filesandordirs; Name: "{app}"
