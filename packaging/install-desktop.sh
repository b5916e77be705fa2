#!/usr/bin/env bash
# Install (or with --uninstall remove) Parallax's desktop entry, icons and AppStream metainfo
# for the current user, under ${XDG_DATA_HOME:-~/.local/share}. Works from a source checkout
# (packaging/install-desktop.sh) and from an unpacked bundle (Parallax/install-desktop.sh).
#   --exec CMD   command the menu entry runs (default: `parallax` if on PATH, else the bundle's
#                Parallax or the checkout's .venv/bin/parallax, as an absolute path)
set -euo pipefail

APP_ID=io.github.parallax.Parallax
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
exec_cmd="${PARALLAX_EXEC:-}"
mode=install

while [ $# -gt 0 ]; do
  case "$1" in
    --exec) exec_cmd="$2"; shift 2 ;;
    --uninstall) mode=uninstall; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-desktop: unknown option $1" >&2; exit 2 ;;
  esac
done

# Where the sources are: checkout (resources/) or bundle (_internal/reader/resources_data/).
res=""
for candidate in "$here/../resources" "$here/_internal/reader/resources_data" \
                 "$here/reader/resources_data"; do
  if [ -f "$candidate/desktop/$APP_ID.desktop" ]; then res="$(cd "$candidate" && pwd)"; break; fi
done
[ -n "$res" ] || { echo "install-desktop: cannot find Parallax's resources next to $here" >&2; exit 1; }

apps="$data/applications"
hicolor="$data/icons/hicolor"
metainfo="$data/metainfo"
sizes=(16 24 32 48 64 128 256 512)

refresh_caches() {
  # Menus and icon themes pick changes up without these, but only after a re-login.
  if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$apps" || true; fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$hicolor" || true
  fi
}

if [ "$mode" = uninstall ]; then
  rm -f "$apps/$APP_ID.desktop" "$metainfo/$APP_ID.metainfo.xml" \
        "$hicolor/scalable/apps/$APP_ID.svg"
  for s in "${sizes[@]}"; do rm -f "$hicolor/${s}x${s}/apps/$APP_ID.png"; done
  refresh_caches
  echo "install-desktop: removed Parallax from $data"
  exit 0
fi

if [ -z "$exec_cmd" ]; then
  if [ -x "$here/Parallax" ]; then exec_cmd="$here/Parallax"            # unpacked bundle
  elif command -v parallax >/dev/null; then exec_cmd=parallax           # pip/pipx install
  elif [ -x "$here/../.venv/bin/parallax" ]; then exec_cmd="$(cd "$here/.." && pwd)/.venv/bin/parallax"
  else
    echo "install-desktop: no 'parallax' on PATH; installing the entry anyway (pass --exec CMD)" >&2
    exec_cmd=parallax
  fi
fi
case "$exec_cmd" in
  *[[:space:]\"\'\\\`\$]*) echo "install-desktop: --exec path must not contain spaces or quotes: $exec_cmd" >&2; exit 2 ;;
esac

mkdir -p "$apps" "$metainfo" "$hicolor/scalable/apps"
# The shipped entry says `parallax`; point Exec/TryExec at what is really installed.
sed -e "s|^Exec=parallax |Exec=$exec_cmd |" -e "s|^TryExec=parallax\$|TryExec=$exec_cmd|" \
  "$res/desktop/$APP_ID.desktop" > "$apps/$APP_ID.desktop.tmp"
mv "$apps/$APP_ID.desktop.tmp" "$apps/$APP_ID.desktop"
install -m 644 "$res/desktop/$APP_ID.metainfo.xml" "$metainfo/$APP_ID.metainfo.xml"
install -m 644 "$res/icons/parallax.svg" "$hicolor/scalable/apps/$APP_ID.svg"
for s in "${sizes[@]}"; do
  if [ -f "$res/icons/parallax-$s.png" ]; then
    mkdir -p "$hicolor/${s}x${s}/apps"
    install -m 644 "$res/icons/parallax-$s.png" "$hicolor/${s}x${s}/apps/$APP_ID.png"
  fi
done
refresh_caches
echo "install-desktop: installed Parallax into $data (Exec=$exec_cmd)"
