#!/usr/bin/env bash
# Makes the README's screenshots with the kiosk itself (under a private Xvfb).
# Usage: assets/screenshots/make.sh [build/release/bin/berswordt-kiosk]
set -eu
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
kiosk=${1:-build/release/bin/berswordt-kiosk}
out=assets/screenshots
walk=$(mktemp)
trap 'rm -f "$walk"' EXIT
shoot() {  # size lang name steps…
  local size=$1 lang=$2 name=$3
  shift 3
  printf '[{"tap": "attract.start"}, {"tap": "lang.%s"}, %s, {"screenshot": "%s/%s.png"}, {"quit": true}]' \
    "$lang" "$(IFS=,; echo "$*")" "$out" "$name" >"$walk"
  tests/with-xvfb.sh "$kiosk" --windowed "$size" --script "$walk" 2>&1 | grep -v "^<6>" || true
}
tests/with-xvfb.sh "$kiosk" --windowed 1080x1920 --screenshot "$out/attract-portrait.png" 2>/dev/null
shoot 1080x1920 de home-de-portrait '{"expect_screen": "home"}'
shoot 1080x1920 de unit-de-portrait '{"tap": "home.units"}' '{"tap": "unit.allianz-smart-city"}'
shoot 1080x1920 uk units-uk-portrait '{"tap": "home.units"}'
shoot 1920x1080 en offer-en-landscape '{"tap": "home.offers"}' '{"tap": "offer.lesepaten-aplerbeck"}'
shoot 1080x1920 de offers-search-de-portrait '{"tap": "home.offers"}' '{"tap": "offers.filter.category"}' \
  '{"tap": "filter.category.umwelt"}' '{"tap": "offers.search"}' '{"type": "garten"}'
shoot 1920x1080 tr offers-district-tr-landscape '{"tap": "home.offers"}' '{"tap": "offers.filter.district"}' \
  '{"tap": "filter.district.innenstadt-nord"}'
shoot 1080x1920 de large-contrast-de-portrait '{"tap": "a11y.large_text"}' '{"tap": "a11y.contrast"}' \
  '{"tap": "home.offers"}' '{"tap": "offer.lesepaten-aplerbeck"}'
shoot 1080x1920 de reach-de-portrait '{"tap": "a11y.reach"}' '{"tap": "home.offers"}' '{"tap": "offers.filter.when"}'
shoot 1080x1920 uk offer-uk-fallback-portrait '{"tap": "home.offers"}' '{"tap": "offer.lesepaten-aplerbeck"}'

# Speech on (issue 17): the badge in the header and the focus ring on what a finger explored;
# every touch here is a screen reader's gesture (explore, then a double tap anywhere).
printf '[{"tap": "attract.start"}, {"double_tap": true}, {"explore": "home.offers"}, {"double_tap": true},
  {"expect_screen": "offers"}, {"explore": "offers.filter.district"}, {"double_tap": true},
  {"explore": "filter.district.hoerde"}, {"screenshot": "%s/speech-focus-de-portrait.png"}, {"quit": true}]' "$out" >"$walk"
tests/with-xvfb.sh "$kiosk" --windowed 1080x1920 --speech-wav /dev/null --script "$walk" 2>&1 | grep -v "^<6>" || true
# A keypad without speech: Tab moves the focus ring (English, large text, landscape).
shoot 1920x1080 en keypad-focus-en-landscape '{"tap": "a11y.large_text"}' '{"key": "tab"}' '{"key": "tab"}' '{"key": "tab"}'

# The registration form needs a registration key (and a state folder for the outbox).
tmp=$(mktemp -d)
build_bin=$(dirname "$kiosk")
"$build_bin/kioskctl" registrations keygen --secret-key "$tmp/reg.key" >/dev/null
printf '{"registration_public_key": "%s", "state_dir": "%s/state", "cache_dir": "%s/cache"}' \
  "$(sed -n 's/.*"public_key": "\([^"]*\)".*/\1/p' "$tmp/reg.key")" "$tmp" "$tmp" >"$tmp/kiosk.json"
printf '[{"tap": "attract.start"}, {"tap": "home.offers"}, {"tap": "offer.lesepaten-aplerbeck"}, {"tap": "offer.register"},
  {"tap": "form.first_name"}, {"type": "Zeynep"}, {"tap": "osk.enter"}, {"drag": "form.last_name", "dy": -700},
  {"tap": "form.submit"}, {"screenshot": "%s/register-errors-de-portrait.png"}, {"quit": true}]' "$out" >"$walk"
tests/with-xvfb.sh "$kiosk" --config "$tmp/kiosk.json" --windowed 1080x1920 --script "$walk" 2>&1 | grep -v "^<6>" || true
# The Turkish keyboard, on the form, a name with ş half typed.
printf '[{"tap": "attract.start"}, {"tap": "lang.tr"}, {"tap": "home.offers"}, {"tap": "offer.lesepaten-aplerbeck"},
  {"tap": "offer.register"}, {"tap": "form.first_name"}, {"tap": "osk.shift"}, {"tap": "osk.key.a"}, {"tap": "osk.key.y"},
  {"tap": "osk.key.ş"}, {"screenshot": "%s/keyboard-tr-portrait.png"}, {"quit": true}]' "$out" >"$walk"
tests/with-xvfb.sh "$kiosk" --config "$tmp/kiosk.json" --windowed 1080x1920 --script "$walk" 2>&1 | grep -v "^<6>" || true
rm -rf "$tmp"

# The web editor's pages and the kiosk showing its preview: made by the browser test itself.
/usr/bin/python3 tests/editor/editor_browser_test.py "$build_bin" "$out"
/usr/bin/python3 tests/editor/editor_content_test.py "$build_bin" "$out"
