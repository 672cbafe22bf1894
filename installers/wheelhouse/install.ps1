# Install Clue Workstation from this wheel folder with no network, into a new virtual
# environment (default: %LOCALAPPDATA%\clueworks-venv), then run its self-test.
#
#   powershell -ExecutionPolicy Bypass -File install.ps1 [-Venv D:\clueworks-venv] [-Python py]
param(
    [string]$Venv = (Join-Path $env:LOCALAPPDATA "clueworks-venv"),
    [string]$Python = "py"
)
$ErrorActionPreference = "Stop"
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "失败（退出码 $LASTEXITCODE）：$Exe $($Arguments -join ' ')" }
}

# The "py" launcher picks Python 3.11 when asked; a plain "python" is used as given.
if ($Python -eq "py") { Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv) }
else { Invoke-Checked $Python @("-m", "venv", $Venv) }

$VenvPython = Join-Path $Venv "Scripts\python.exe"
$env:PIP_CONFIG_FILE = "NUL"   # ignore any configured mirror: only this folder is used
Invoke-Checked $VenvPython @("-m", "pip", "install", "--no-index", "--find-links", $Here,
    "--disable-pip-version-check", "clueworks")
Invoke-Checked (Join-Path $Venv "Scripts\clueworks.exe") @("--self-test")
Write-Host "已安装：命令行 $Venv\Scripts\clueworks.exe，窗口程序 $Venv\Scripts\clueworks-gui.exe"
