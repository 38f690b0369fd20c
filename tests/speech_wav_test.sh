#!/usr/bin/env bash
# Real speech out of the real kiosk (under with-xvfb.sh), in each of the four languages:
# --speech-wav starts with speech on and writes everything said to a WAV file; a script touches
# the attract screen once (said, not activated), double-taps (the visit starts) and expects the
# home screen's heading to be spoken in that language. sox then measures the file: it must be
# seconds of sound, not silence.
# Usage: speech_wav_test.sh BIN_DIR
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v sox >/dev/null || { echo "speech_wav_test: sox is missing (package sox, see .ci/debian-packages.txt)" >&2; exit 1; }

check() {
  local lang=$1 touch=$2 heading=$3
  cat >"$work/$lang.json" <<JSON
[{"expect_speech": "$touch", "lang": "$lang"}, {"double_tap": true}, {"expect_screen": "home"},
 {"expect_speech": "$heading", "lang": "$lang"}, {"quit": true}]
JSON
  # The first expectation is the attract screen's own text, heard after a single touch on it.
  sed -i 's/\[{"expect_speech"/[{"tap": "attract.start"}, {"expect_speech"/' "$work/$lang.json"
  if ! "$bin/berswordt-kiosk" --windowed 720x1280 --lang "$lang" --speech-wav "$work/$lang.wav" --script "$work/$lang.json" \
    >"$work/$lang.log" 2>&1; then
    echo "speech_wav_test: $lang: the script failed" >&2
    cat "$work/$lang.log" >&2
    exit 1
  fi
  local seconds rms
  seconds=$(sox --i -D "$work/$lang.wav")
  rms=$(sox "$work/$lang.wav" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}')
  # The intro, the attract text and the heading take well over 4 s in every language; speech
  # has an RMS of several hundredths of full scale, silence 0.
  if ! awk -v s="$seconds" -v r="$rms" 'BEGIN { exit !(s > 4.0 && r > 0.02) }'; then
    echo "speech_wav_test: $lang: $seconds s with RMS $rms is not the speech expected" >&2
    exit 1
  fi
  echo "ok - $lang: $seconds s of speech, RMS $rms"
}

check de "Bitte berühren" "Mitmachen in Dortmund"
check en "Touch the screen" "Get involved in Dortmund"
check tr "Başlamak için" "Dortmund"
check uk "Торкніться екрана" "Долучайтеся"

# Keypad only, speech on, in German and Turkish (tests/scripts/keypad-speech-*.json): Tab until
# the wanted element is said, Enter, letters typed; from the attract screen to a registration for
# an offer in Hörde, sealed in the kiosk's outbox. The scripts expect what is said at each step.
"$bin/kioskctl" registrations keygen --secret-key "$work/reg.key" >/dev/null
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for lang in de tr; do
  mkdir -p "$work/$lang-state" "$work/$lang-cache"
  printf '{"registration_public_key": "%s", "state_dir": "%s", "cache_dir": "%s"}' \
    "$(sed -n 's/.*"public_key": "\([^"]*\)".*/\1/p' "$work/reg.key")" "$work/$lang-state" "$work/$lang-cache" >"$work/$lang-kiosk.json"
  if ! "$bin/berswordt-kiosk" --windowed 1080x1920 --config "$work/$lang-kiosk.json" --lang "$lang" --speech-wav "$work/walk-$lang.wav" \
    --script "$src/scripts/keypad-speech-$lang.json" >"$work/walk-$lang.log" 2>&1; then
    echo "speech_wav_test: the $lang keypad walk failed" >&2
    cat "$work/walk-$lang.log" >&2
    exit 1
  fi
  grep -q "for offer tafel-hoerde saved" "$work/walk-$lang.log" || { echo "speech_wav_test: $lang: no registration saved" >&2; exit 1; }
  # The typed values are in the outbox, sealed; they were never spoken (the scripts hear the
  # length instead) and are in no log line.
  if grep -q "Zeynep\|Yilmazoglu" "$work/walk-$lang.log"; then echo "speech_wav_test: $lang: a typed value is in the log" >&2; exit 1; fi
  echo "ok - keypad walk in $lang: registered, $(sox --i -D "$work/walk-$lang.wav") s of speech"
done
