# Build the Windows one-folder bundle and the NSIS installer, on a Windows PC or runner.
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-Python py] [-SkipInstaller]
#
# Needs Python 3.11 (x64) and NSIS 3 (makensis on PATH or in Program Files; `choco install
# nsis`). Makes dist\clueworks\ (clueworks.exe, clueworks-gui.exe), runs the bundled
# self-test and a start of the window program, then dist\clueworks-<version>-setup.exe.
param(
    [string]$Python = "py",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $Exe $($Arguments -join ' ')" }
}

$Venv = Join-Path $Root "build\venv-win"
if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) {
    if ($Python -eq "py") { Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv) }
    else { Invoke-Checked $Python @("-m", "venv", $Venv) }
}
$Py = Join-Path $Venv "Scripts\python.exe"
Invoke-Checked $Py @("-m", "pip", "install", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", ".", "pyinstaller")
$Version = & $Py -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"

$Started = Get-Date
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installers\clueworks.spec")
Write-Host ("PyInstaller took {0:N0} s" -f ((Get-Date) - $Started).TotalSeconds)

$Bundle = Join-Path $Root "dist\clueworks"
$Size = (Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
Write-Host ("bundle: {0} {1:N0} MB" -f $Bundle, $Size)

# Smoke test: the self-test makes its own temporary workspace; the window program is
# started on a new, empty one (and quits as soon as its main window is open).
$Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("clueworks-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Scratch | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
$Watch = [System.Diagnostics.Stopwatch]::StartNew()
Invoke-Checked (Join-Path $Bundle "clueworks.exe") @("--self-test")
Write-Host ("self-test passed in {0:N1} s" -f $Watch.Elapsed.TotalSeconds)

$env:CLUEWORKS_QUIT_WHEN_SHOWN = "1"
$Watch = [System.Diagnostics.Stopwatch]::StartNew()
$Gui = Start-Process -FilePath (Join-Path $Bundle "clueworks-gui.exe") `
    -ArgumentList @((Join-Path $Scratch "workspace")) -Wait -PassThru
if ($Gui.ExitCode -ne 0) { throw "the window program exited with $($Gui.ExitCode)" }
if (-not (Test-Path (Join-Path $Scratch "workspace\workspace.db"))) { throw "no workspace made" }
Write-Host ("window program: start to open main window {0:N2} s" -f $Watch.Elapsed.TotalSeconds)
Remove-Item Env:CLUEWORKS_QUIT_WHEN_SHOWN
Remove-Item -Recurse -Force $Scratch -ErrorAction SilentlyContinue

if ($SkipInstaller) { return }
$MakeNsis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $MakeNsis) {
    foreach ($Dir in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        $Candidate = Join-Path $Dir "NSIS\makensis.exe"
        if ($Dir -and (Test-Path $Candidate)) { $MakeNsis = $Candidate; break }
    }
}
if (-not $MakeNsis) { throw "makensis not found: install NSIS 3 (choco install nsis)" }
$Setup = Join-Path $Root "dist\clueworks-$Version-setup.exe"
Invoke-Checked $MakeNsis @("-WX", "-INPUTCHARSET", "UTF8", "-DPAYLOAD=$Bundle", "-DVERSION=$Version",
    "-DOUTFILE=$Setup", "installers\windows\clueworks.nsi")
Write-Host ("installer: {0} {1:N0} MB" -f $Setup, ((Get-Item $Setup).Length / 1MB))
