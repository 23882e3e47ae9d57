; Inno Setup 6 script: AfterDesk-Setup-<version>.exe from the one-folder bundle.
;
; Built by build.ps1 on a Windows PC (it runs PyInstaller first, then this script):
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\AfterDesk /DOutputDir=..\..\dist afterdesk.iss
;
; Per-user install, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\AfterDesk ({userpf}), shortcuts to the user's Start menu and desktop.
; The DATA is elsewhere and is never touched: the database, its backups and settings.json live
; in %LOCALAPPDATA%\AfterDesk (platformdirs' user data dir, app/config.py), passwords in the
; Windows Credential Manager. Uninstalling removes the program folder only; installing a new
; version over an old one replaces the program and keeps the data.
;
; NOT run on our Linux machines: written to Inno Setup 6's documentation, checked by hand.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\AfterDesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; the AppId ties upgrades and the uninstaller together: never change it
AppId={{6C0E7A52-3F1B-4C69-9E0B-AF7E2D5D1C11}
AppName=AfterDesk
AppVerName=AfterDesk {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=AfterDesk
DefaultDirName={userpf}\AfterDesk
DefaultGroupName=AfterDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=AfterDesk-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\afterdesk.ico
UninstallDisplayIcon={app}\AfterDesk.exe
UninstallDisplayName=AfterDesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; a running AfterDesk holds its files: ask to close it (Restart Manager) before replacing them
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
en.DesktopIcon=Create a desktop shortcut
zh_CN.DesktopIcon=创建桌面快捷方式
en.LaunchApp=Start AfterDesk now
zh_CN.LaunchApp=立即启动售后台
en.DataKept=Your database, backups and settings in %LOCALAPPDATA%\AfterDesk are kept.
zh_CN.DataKept=数据库、备份和设置（%LOCALAPPDATA%\AfterDesk）会保留。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[InstallDelete]
; an upgrade replaces the whole program folder: no module of the old version is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\AfterDesk"; Filename: "{app}\AfterDesk.exe"; WorkingDir: "{userdocs}"
Name: "{userdesktop}\AfterDesk"; Filename: "{app}\AfterDesk.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\AfterDesk.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the installer put in {app}; %LOCALAPPDATA%\AfterDesk (the data) is never listed here
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    MsgBox(ExpandConstant('{cm:DataKept}'), mbInformation, MB_OK);
end;
