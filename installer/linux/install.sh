#!/bin/sh
# Install AfterDesk for the current user (no root needed): the program goes to
# ~/.local/opt/AfterDesk, a menu entry to ~/.local/share/applications, and `afterdesk`
# to ~/.local/bin. The data never lives here: it is in ~/.local/share/AfterDesk (kept when
# the program is replaced or removed). Run from the unpacked folder: ./install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${AFTERDESK_PREFIX:-$HOME/.local}
target="$prefix/opt/AfterDesk"

rm -rf "$target.new"
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" "$prefix/share/icons/hicolor/256x256/apps"
cp -a "$here/AfterDesk" "$target.new"
rm -rf "$target"            # the previous version: programs only, the data is elsewhere
mv "$target.new" "$target"
ln -sf "$target/afterdesk" "$prefix/bin/afterdesk"
cp "$here/afterdesk.png" "$prefix/share/icons/hicolor/256x256/apps/afterdesk.png"
sed -e "s|@EXEC@|$target/afterdesk|" -e "s|@ICON@|afterdesk|" "$here/afterdesk.desktop" \
  > "$prefix/share/applications/afterdesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
echo "AfterDesk installed in $target (menu: Office > AfterDesk; command: afterdesk)."
"$target/afterdesk" --version
