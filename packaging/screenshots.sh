#!/usr/bin/env bash
# Regenerate the README screenshots (docs/screenshot-*.png) from `parallax gui --screenshot`,
# on the shipped seeds, in a throw-away library and settings folder.
set -euo pipefail
cd "$(dirname "$0")/.."
PARALLAX="${PARALLAX:-.venv/bin/parallax}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
export PARALLAX_LIBRARY="$tmp/library.sqlite"
mkdir -p docs
# The first run imports the seeds; later runs reuse the same temp library.
for theme in light dark; do
  for view in side reader map; do
    out="docs/screenshot-$view-$theme.png"
    "$PARALLAX" gui seeds --view "$view" --theme "$theme" --size 1280x800 --screenshot "$out"
    echo "wrote $out"
  done
done
"$PARALLAX" gui seeds --view side --theme light --size 1920x1080 \
  --screenshot docs/screenshot-side-light-1920.png
echo "wrote docs/screenshot-side-light-1920.png"
# A story mixing feed items from three outlets, with one outlet's later edit as a version.
"${PYTHON:-.venv/bin/python}" packaging/feeds_screenshot.py docs/screenshot-feeds.png
echo "wrote docs/screenshot-feeds.png"
