# Build AfterDesk-Setup-<version>.exe on a Windows PC (run by the shop's IT person).
#
# Needs: Python 3.11+ from python.org (tick "Add python.exe to PATH"), and Inno Setup 6
# (https://jrsoftware.org/isdl.php; its iscc.exe). From the source folder, in PowerShell:
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# It makes .venv, installs AfterDesk with its build tools, builds dist\AfterDesk\ with
# PyInstaller (installer\afterdesk.spec), runs the bundle's self-test, then Inno Setup.
# Result: dist\AfterDesk-Setup-<version>.exe. Not run on our Linux machines (CI builds and
# tests the Linux bundle from the same spec).
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    py -3 -m venv .venv
    if ($LASTEXITCODE -ne 0) { python -m venv .venv }
}
$python = Join-Path $root ".venv\Scripts\python.exe"
& $python -m pip install --upgrade pip
& $python -m pip install -e ".[dev]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$version = (& $python -c "import app; print(app.__version__)").Trim()
Write-Host "AfterDesk $version"

& (Join-Path $root ".venv\Scripts\pyinstaller.exe") --noconfirm --clean --distpath dist --workpath build installer\afterdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# the console twin prints the self-test; the windowed AfterDesk.exe is what the shortcuts open
$env:QT_QPA_PLATFORM = "offscreen"
& "dist\AfterDesk\afterdesk-cli.exe" --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed (see the FAIL lines above)" }
Remove-Item Env:\QT_QPA_PLATFORM

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6", "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
        if (Test-Path "$dir\ISCC.exe") { $iscc = "$dir\ISCC.exe"; break }
    }
}
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isdl.php" }

& $iscc "/DAppVersion=$version" "/DBundleDir=$root\dist\AfterDesk" "/DOutputDir=$root\dist" installer\windows\afterdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "Done: dist\AfterDesk-Setup-$version.exe"
