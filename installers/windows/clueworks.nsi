; Windows installer of Clue Workstation (检察监督线索工作台), NSIS 3, Simplified Chinese UI.
;
;   makensis -WX -DPAYLOAD=<dist\clueworks> -DVERSION=0.1.0 -DOUTFILE=<setup.exe> clueworks.nsi
;
; PAYLOAD is the PyInstaller one-folder bundle (clueworks.exe, clueworks-gui.exe,
; _internal\). The clerk chooses "for all users" (Program Files, needs an administrator)
; or "only for me" (%LOCALAPPDATA%\Programs, no administrator). The uninstaller removes
; the program only: workspaces live in the user's data folder (%LOCALAPPDATA%\clueworks)
; or wherever the user put them, and are never touched.

Unicode true
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef PAYLOAD
  !error "定义 PAYLOAD：PyInstaller 输出的 clueworks 文件夹（-DPAYLOAD=...）"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "clueworks-${VERSION}-setup.exe"
!endif

!define APPNAME "检察监督线索工作台"
!define APPNAME_EN "Clue Workstation"
!define COMPANY "clueworks"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\clueworks"
!define SETTINGS_KEY "Software\clueworks\installer"

Name "${APPNAME}"
OutFile "${OUTFILE}"
BrandingText "${APPNAME} ${VERSION}"

; VIProductVersion needs four numbers
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${COMPANY}"

; ---- per-machine or per-user -------------------------------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE          ; /AllUsers or /CurrentUser for silent installs
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "clueworks"
; remember the mode, so the uninstaller (and a later update) use the same one
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"

!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh

; ---- pages ----------------------------------------------------------------------------
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "欢迎安装${APPNAME}"
!define MUI_WELCOMEPAGE_TEXT "本程序在本机离线运行，不需要联网，也不需要另行安装 Python。$\r$\n$\r$\n安装时可选择“为所有用户安装”（需要管理员权限）或“仅为我安装”。$\r$\n$\r$\n点击“下一步”继续。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\clueworks-gui.exe"
!define MUI_FINISHPAGE_RUN_TEXT "立即运行${APPNAME}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从本机删除${APPNAME}程序文件。您的工作区（案件数据、线索、文书）不会被删除。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

; ---- install --------------------------------------------------------------------------
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "本程序需要 64 位 Windows。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
FunctionEnd

Section "程序文件" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; an older version's libraries must not linger next to the new ones
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\clueworks-gui.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\clueworks-gui.exe"

  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APPNAME}（${APPNAME_EN}）"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${COMPANY}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\clueworks-gui.exe"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
SectionEnd

; ---- uninstall ------------------------------------------------------------------------
Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Uninstall"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"

  ; Only what the installer put there: a workspace or file the user saved inside the
  ; program folder stays, and so does the folder then (RMDir without /r).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\clueworks.exe"
  Delete "$INSTDIR\clueworks-gui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey SHCTX "${SETTINGS_KEY}"
  DeleteRegKey /ifempty SHCTX "Software\clueworks"
SectionEnd
