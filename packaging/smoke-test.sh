#!/usr/bin/env bash
# Smoke-test a built bundle (default dist/Parallax): version, a report from the seeds, an
# offscreen screenshot of the GUI, and a saved web page through the HTML extractor.
# Usage: packaging/smoke-test.sh [BUNDLE_DIR]     exit status 0 when every check passed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bundle="$(cd "${1:-$root/dist/Parallax}" && pwd)"
app="$bundle/Parallax"
[ -x "$app" ] || { echo "smoke-test: no executable $app (run make dist)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
# Keep the user's real library and settings out of it.
export PARALLAX_LIBRARY="$work/library.sqlite" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
# Run from elsewhere with a copy of the seeds: the bundle must not lean on the checkout.
cp -r "$root/seeds" "$work/seeds"
cd "$work"

failed=0
check() {  # check NAME CMD... : run, time, report
  local name="$1"; shift
  local t0 t1 rc
  t0=$(date +%s.%N)
  "$@" >"$work/$name.out" 2>"$work/$name.err"; rc=$?
  t1=$(date +%s.%N)
  if [ $rc -eq 0 ]; then
    printf 'ok    %-12s %5.1f s\n' "$name" "$(echo "$t1 - $t0" | bc)"
  else
    printf 'FAIL  %-12s exit %d\n' "$name" "$rc"; sed 's/^/      /' "$work/$name.err" | tail -15
    failed=1
  fi
}
nonempty() { [ -s "$1" ] || { echo "      $1 is missing or empty" >&2; return 1; }; }

check version "$app" --version
grep -q "parallax" "$work/version.out" 2>/dev/null || { echo "FAIL  version output: $(cat "$work/version.out")"; failed=1; }

# HTML once the reports part supports it; the JSON report is the contract fallback.
check compare-html "$app" compare seeds --format html -o report.html
if [ -s report.html ] && grep -qi "<html" report.html; then :; else
  echo "      no HTML report; trying json"
  check compare-json "$app" compare seeds --format json -o report.json
  nonempty report.json || failed=1
fi

check group-json "$app" group seeds --json
python3 -c 'import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["schema"] == "parallax/1", doc.get("schema")
print("      %d articles, %d stories" % (len(doc["articles"]), len(doc["stories"])))' "$work/group-json.out" \
  || { echo "FAIL  group --json is not a parallax/1 document"; failed=1; }

cat > page.html <<'HTML'
<!doctype html><html><head><title>Harbour bridge reopens after repairs - Coast Herald</title>
<meta property="og:site_name" content="Coast Herald"><meta name="date" content="2025-03-14"></head>
<body><nav>Home | World | Share on Facebook</nav><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Friday after eight months of repairs, the city council said.</p>
<p>Engineers replaced 140 steel cables and resurfaced the deck, at a cost of 12 million euros.</p>
<p>"We are glad to give the bridge back to the people who use it every day," the mayor said.</p>
</article><footer>Follow us</footer></body></html>
HTML
check html-ingest "$app" group page.html --json
grep -q "Harbour bridge" "$work/html-ingest.out" 2>/dev/null || { echo "FAIL  html-ingest: page text missing"; failed=1; }

check screenshot "$app" gui seeds --screenshot shot.png
nonempty shot.png || failed=1
[ -s shot.png ] && cp shot.png "${SMOKE_SCREENSHOT:-/dev/null}" 2>/dev/null

# Lean: Qt modules Parallax does not use must not be in the bundle.
unwanted="$(find "$bundle" \( -name 'libQt6Network*' -o -name 'libQt6Qml*' -o -name 'libQt6Quick*' \
  -o -name 'libQt6WebEngine*' -o -name 'libQt6Multimedia*' -o -name 'libQt63D*' -o -name 'libgtk-3*' \
  -o -path '*/Qt/translations/*' \) | head -5)"
if [ -z "$unwanted" ]; then echo "ok    lean"; else echo "FAIL  lean: $unwanted"; failed=1; fi

echo "bundle: $(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files"
[ $failed -eq 0 ] && echo "smoke-test: all checks passed" || echo "smoke-test: FAILED" >&2
exit $failed
