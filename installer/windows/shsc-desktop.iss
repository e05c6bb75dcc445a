; Inno Setup 6 script for SHSC Desktop (Windows, 64-bit, per-machine).
;
; Build (from the repository root, after `pyinstaller installer/shsc-desktop.spec`):
;   iscc /DAppVersion=0.1.0 installer\windows\shsc-desktop.iss
; Output: dist\installer\shsc-desktop-<version>-setup.exe
;
; What it does:
;   - installs dist\shsc-desktop\ into "C:\Program Files\SHSC Desktop" for every user of the PC
;     (admin rights needed once; commune PCs are shared by the chief and the clerks);
;   - adds a Start-menu shortcut (and, if ticked, a desktop one) to the windowed shsc-desktop-gui.exe;
;   - uninstalls the program files only. The office data — the encrypted database, key slots and
;     backups in %LOCALAPPDATA%\SHSC Desktop of each Windows user — is NEVER deleted by the
;     uninstaller: it holds survivors' records, and an uninstall/reinstall (or an upgrade) must
;     not lose them. There is on purpose no [UninstallDelete] entry and no code touching that folder.
;
; Languages: Inno Setup ships no Khmer translation (Default.isl is English; no Khmer .isl exists among
; its official or unofficial translations), so the installer's own pages are in English. The app
; itself starts in Khmer. If a reviewed Khmer.isl is written later, add it under [Languages] and
; make sure the installer font can show Khmer (Windows 10+ has Khmer UI / Leelawadee UI).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SHSC Desktop"
#define AppPublisher "CARE Cambodia - Safe Homes, Safe Communities"
#define GuiExe "shsc-desktop-gui.exe"
#define SourceDir "..\..\dist\shsc-desktop"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{7C1B4E2A-5D0F-4C3B-9A8E-2F6D1B9C4E71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=shsc-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced (Windows Restart Manager).
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Code signing (see installer/BUILD.md): define a sign tool named "signtool" in the Inno Setup IDE
; or pass /S"signtool=signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 $f"
; to iscc, then uncomment the next line so that the setup and uninstaller are signed too.
;SignTool=signtool
; SetupIconFile=..\..\resources\icons\shsc-desktop.ico   ; once the icon exists

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder. ignoreversion: Qt and Python DLLs carry unrelated version numbers,
; and an upgrade must always replace every file with the one from the same build.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so files dropped from a newer build do not
; linger next to it. Only the program folder, never user data.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('The program has been removed. The office data (records, key slots and backups) is kept ' +
           'in each user''s folder "' + ExpandConstant('{localappdata}') + '\SHSC Desktop". ' +
           'Keep it until a verified backup has been handed over; delete it by hand only if the ' +
           'office has no further use for it.', mbInformation, MB_OK);
end;
