#!/bin/sh
# Build AfterDesk.app on a Mac (run by the shop's IT person; not run on our Linux machines).
#
# Needs Python 3.11+ (python.org installer or Homebrew) and the Xcode command line tools
# (`xcode-select --install`). From the source folder:
#
#   sh installer/macos/build.sh
#
# It makes .venv, installs AfterDesk with its build tools, builds dist/AfterDesk.app with
# PyInstaller (installer/afterdesk.spec's BUNDLE step, the same spec CI builds on Linux), runs
# the bundle's self-test, and packs dist/AfterDesk-<version>-macos.zip. The app is not signed:
# the first start needs right-click → Open (or an Apple Developer ID to sign and notarize it).
set -eu
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/python -m pip install --upgrade pip
.venv/bin/python -m pip install -e '.[dev]'
version=$(.venv/bin/python -c 'import app; print(app.__version__)')

.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build installer/afterdesk.spec
QT_QPA_PLATFORM=offscreen dist/AfterDesk.app/Contents/MacOS/afterdesk --self-test

ditto -c -k --keepParent dist/AfterDesk.app "dist/AfterDesk-$version-macos.zip"
echo "Done: dist/AfterDesk.app and dist/AfterDesk-$version-macos.zip"
