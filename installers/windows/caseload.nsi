; Caseload installer for Windows (NSIS 3, Unicode). Build on Windows after `pyinstaller build.spec`:
;
;     makensis /DVERSION=0.1.0 installers\windows\caseload.nsi
;
; Defines (all optional):
;   VERSION   the app version (default 0.0.0; docs/packaging.md shows how to read it)
;   PAYLOAD   the PyInstaller one-folder bundle (default ..\..\dist\caseload, from this file)
;   OUTFILE   the installer to write (default ..\..\dist\caseload-VERSION-setup.exe)
;
; Installs for all users into Program Files\Caseload, adds a Start menu entry and an
; uninstaller (Apps & features). The uninstaller removes only the program: each user's
; data (database, key slots, backups, logs in %LOCALAPPDATA%\Caseload) stays.
; tests/packaging/test_nsis.py compiles this script on Linux with Debian's makensis
; against a placeholder payload, so it stays valid.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "${__FILEDIR__}\..\..\dist\caseload"
!endif
!ifndef OUTFILE
  !define OUTFILE "${__FILEDIR__}\..\..\dist\caseload-${VERSION}-setup.exe"
!endif

!define APP_NAME "Caseload"
!define APP_EXE "caseload.exe"
!define PUBLISHER "Caseload"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Caseload"
!define SETTINGS_KEY "Software\Caseload"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${SETTINGS_KEY}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

; Version resource of setup.exe (needs four numbers).
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "AGPL-3.0-or-later"

!define MUI_ICON "${__FILEDIR__}\caseload.ico"
!define MUI_UNICON "${__FILEDIR__}\caseload.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP_NAME}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME} will be removed from $INSTDIR. Your case data \
  (the encrypted database, key slots, backups and logs in each user's \
  %LOCALAPPDATA%\${APP_NAME} folder) is kept; delete that folder yourself to erase it."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the whole bundle: no library of the old version may stay behind.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; Only what the installer wrote: never a recursive delete of $INSTDIR itself (it may be
  ; a folder the admin chose), and nothing under the users' %LOCALAPPDATA%\Caseload.
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${SETTINGS_KEY}"
SectionEnd
