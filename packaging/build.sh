#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle dist/Parallax/ and dist/Parallax-<version>-<os>-<arch>.tar.gz.
# Needs PyInstaller in $PYTHON's environment (`make dist` installs the `dist` extra first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
PYTHON="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"

version="$("$PYTHON" -c 'import reader; print(reader.__version__)')"
os="$(uname -s | tr '[:upper:]' '[:lower:]')"
arch="$(uname -m)"
archive="dist/Parallax-$version-$os-$arch.tar.gz"

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/parallax.spec
# So an unpacked bundle can add itself to the desktop menu.
install -m 755 packaging/install-desktop.sh dist/Parallax/install-desktop.sh
rm -f "$archive"
tar -C dist -czf "$archive" Parallax
end=$(date +%s)

echo "build: dist/Parallax/ $(du -sh dist/Parallax | cut -f1) ($(find dist/Parallax -type f | wc -l) files)"
echo "build: $archive $(du -h "$archive" | cut -f1)"
echo "build: $((end - start)) s"
