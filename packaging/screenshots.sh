#!/usr/bin/env bash
# Regenerate the README screenshots (docs/screenshot-*.png) from `parallax gui --screenshot`:
# the shipped seeds (their five-version story) and docs/example-story (a four-version story),
# each in a throw-away library and settings folder, at 1280x800 and 1920x1080, light and dark.
set -euo pipefail
cd "$(dirname "$0")/.."
PARALLAX="${PARALLAX:-.venv/bin/parallax}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
mkdir -p docs

shoot() {  # shoot NAME SOURCE VIEW THEME SIZE
  local name="$1" src="$2" view="$3" theme="$4" size="$5"
  # One library per source: the first run imports it, later runs reuse it.
  mkdir -p "$tmp/$name"
  XDG_CONFIG_HOME="$tmp/$name/config" XDG_DATA_HOME="$tmp/$name/data" \
    PARALLAX_LIBRARY="$tmp/$name/library.sqlite" \
    "$PARALLAX" gui "$src" --view "$view" --theme "$theme" --size "$size" \
    --screenshot "docs/screenshot-$name-$view-$theme-${size%%x*}.png"
  echo "wrote docs/screenshot-$name-$view-$theme-${size%%x*}.png"
}

for theme in light dark; do
  for size in 1280x800 1920x1080; do
    shoot seeds seeds side "$theme" "$size"
    shoot example docs/example-story side "$theme" "$size"
  done
  for view in reader map; do
    shoot seeds seeds "$view" "$theme" 1280x800
  done
done
# A story mixing feed items from three outlets, with one outlet's later edit as a version.
"${PYTHON:-.venv/bin/python}" packaging/feeds_screenshot.py docs/screenshot-feeds.png
echo "wrote docs/screenshot-feeds.png"
