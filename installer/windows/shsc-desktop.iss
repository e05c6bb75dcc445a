; Inno Setup script for SHSC Desktop (Windows 10 1809+ / 11, x64). Needs Inno Setup 6.3 or newer
; (the "x64compatible" architecture identifier below is new in 6.3).
;
; Build (from the repository root, after `pyinstaller installer/shsc-desktop.spec`):
;   iscc /DAppVersion=0.1.0 installer\windows\shsc-desktop.iss
; with signing (see installer/BUILD.md; skipped when SignCommand is not given):
;   iscc /DAppVersion=0.1.0 /DSignCommand "/Ssigntool=signtool.exe sign /fd sha256 /tr URL /td sha256 /a $f" ...
;   (iscc takes the /S sign tool definition itself; /DSignCommand only switches SignTool= on.)
; Output: dist\installer\shsc-desktop-<version>-setup.exe
;
; What it does:
;   - installs dist\shsc-desktop\ for every user of the PC ("C:\Program Files\SHSC Desktop", admin
;     rights) — or, if the person installing has no admin rights and chooses "only for me", into
;     her own "%LOCALAPPDATA%\Programs\SHSC Desktop" (PrivilegesRequiredOverridesAllowed=dialog);
;   - ONE OFFICE PER PC: a per-machine install creates the office folder
;     %PROGRAMDATA%\SHSC Desktop with modify rights for the local group Users, so the chief and
;     the clerks open the same office whichever Windows account they use (the records stay
;     encrypted with the office's own passwords). A per-user install writes install-scope.txt =
;     "user" next to the program, and the app then keeps the office in that user's
;     %LOCALAPPDATA%\SHSC Desktop (services/data_location.py);
;   - adds a Start-menu shortcut (and, if ticked, a desktop one) to the windowed shsc-desktop-gui.exe,
;     with no working folder of its own: a per-machine shortcut is shared by every account, so a
;     {userdocs} there would be the installing administrator's Documents. The app does not depend on
;     the working folder (views/file_dialogs.py opens every dialog in the user's own Documents);
;   - uninstalls the program files only. The office data — the encrypted database, key slots and
;     backups — is NEVER deleted: it holds survivors' records, and an uninstall/reinstall (or an
;     upgrade) must not lose them. The office folder is marked uninsneveruninstall and the
;     uninstaller names the real folder at the end.
;
; Languages: English (Inno's Default.isl) and Khmer (Khmer.isl next to this script: Inno Setup ships
; no Khmer translation, so the pages people read are translated there and the rest falls back to
; English). Windows 10+ has a Khmer UI font (Leelawadee UI / Khmer UI).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SHSC Desktop"
#define AppPublisher "CARE Cambodia - Safe Homes, Safe Communities"
#define GuiExe "shsc-desktop-gui.exe"
#define CliExe "shsc-desktop.exe"
#define SourceDir "..\..\dist\shsc-desktop"
#define DataFolder "SHSC Desktop"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{7C1B4E2A-5D0F-4C3B-9A8E-2F6D1B9C4E71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=CARE Cambodia
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine by default; "only for me" offered to someone without admin rights.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 supports Windows 10 from version 1809 (build 17763), 64-bit only.
MinVersion=10.0.17763
OutputDir=..\..\dist\installer
OutputBaseFilename=shsc-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced (Windows Restart Manager).
CloseApplications=yes
RestartApplications=no
; The command-line exe is added to PATH (per machine or per user): guides can say `shsc-desktop`.
ChangesEnvironment=yes
SetupIconFile=shsc-desktop.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} setup
; Code signing: on only when the build defines SignCommand (a certificate is available); an
; unsigned build is for testing only (SmartScreen warns). See installer/BUILD.md.
#ifdef SignCommand
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "khmer"; MessagesFile: "compiler:Default.isl,Khmer.isl"

[CustomMessages]
english.DataKept=The program has been removed. The office data (records, key slots and backups) is kept in %1. Keep it until a verified backup has been handed over; delete it by hand only if the office has no further use for it.
english.AddToPath=Add the command line (shsc-desktop) to PATH
; The Khmer texts of these two are in Khmer.isl ([CustomMessages]).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; GroupDescription: "{cm:AdditionalIcons}"

[Dirs]
; One office per PC: every Windows account of the PC may read and write the office folder.
Name: "{commonappdata}\{#DataFolder}"; Permissions: users-modify; Flags: uninsneveruninstall; Check: IsAdminInstallMode

[Files]
; The whole PyInstaller folder. ignoreversion: Qt and Python DLLs carry unrelated version numbers,
; and an upgrade must always replace every file with the one from the same build.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so files dropped from a newer build do not
; linger next to it. Only the program folder, never user data.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; PATH for the command line: per machine (HKLM) or per user (HKCU), following the install mode.
Root: HKA; Subkey: "{code:PathKey}"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[Code]
function PathKey(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function NeedsAddPath(Folder: String): Boolean;
var
  Current: String;
begin
  if not RegQueryStringValue(HKA, PathKey(''), 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

function DataFolderPath(): String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{commonappdata}\{#DataFolder}')
  else
    Result := ExpandConstant('{localappdata}\{#DataFolder}');
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Scope: String;
begin
  if CurStep = ssPostInstall then
  begin
    // Read by services/data_location.py: where this installation keeps the office.
    if IsAdminInstallMode then
      Scope := 'machine'
    else
      Scope := 'user';
    SaveStringToFile(ExpandConstant('{app}\install-scope.txt'), Scope + #13#10, False);
  end;
end;

procedure RemoveFromPath(Folder: String);
var
  Current: String;
  Wrapped: String;
  At: Integer;
begin
  if not RegQueryStringValue(HKA, PathKey(''), 'Path', Current) then
    exit;
  Wrapped := ';' + Current + ';';
  At := Pos(';' + Uppercase(Folder) + ';', Uppercase(Wrapped));
  if At = 0 then
    exit;
  Delete(Wrapped, At, Length(Folder) + 1);
  Current := Copy(Wrapped, 2, Length(Wrapped) - 2);
  RegWriteExpandStringValue(HKA, PathKey(''), 'Path', Current);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // install-scope.txt was written by [Code], so the uninstaller removes it explicitly.
  if CurUninstallStep = usUninstall then
  begin
    DeleteFile(ExpandConstant('{app}\install-scope.txt'));
    RemoveFromPath(ExpandConstant('{app}'));
  end;
  // The real folder: %PROGRAMDATA% for a per-machine install (never the elevated account's own
  // %LOCALAPPDATA%), the installing user's %LOCALAPPDATA% for a per-user one.
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolderPath()]), mbInformation, MB_OK);
end;
