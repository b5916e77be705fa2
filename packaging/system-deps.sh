#!/usr/bin/env bash
# Install (as root) or name (otherwise) the Debian/Ubuntu packages Parallax and its tests need.
set -euo pipefail
qt=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 fonts-dejavu-core)
tools=(poppler-utils chromium desktop-file-utils appstream)
case "${1:-all}" in
  qt) want=("${qt[@]}") ;;
  *) want=("${qt[@]}" "${tools[@]}") ;;
esac
command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian system; install Qt 6 runtime libraries yourself" >&2; exit 0; }
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: please run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
