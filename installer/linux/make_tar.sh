#!/bin/sh
# Pack the one-folder bundle for Linux: AfterDesk-<version>-linux-x86_64.tar.gz holding
#   AfterDesk/            the bundle (run AfterDesk/afterdesk)
#   afterdesk.desktop     the menu entry (install.sh fills in the paths)
#   afterdesk.png         the icon
#   install.sh            per-user install into ~/.local, no root
# Usage: installer/linux/make_tar.sh dist/AfterDesk dist/AfterDesk-0.1.0-linux-x86_64.tar.gz
set -eu
bundle=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
name=$(basename "$out" .tar.gz)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir "$stage/$name"
cp -a "$bundle" "$stage/$name/AfterDesk"
cp "$here/afterdesk.desktop" "$here/install.sh" "$stage/$name/"
cp "$root/resources/icons/afterdesk-256.png" "$stage/$name/afterdesk.png"
chmod +x "$stage/$name/install.sh"
tar -C "$stage" -czf "$out" "$name"
echo "$out: $(du -h "$out" | cut -f1)"
