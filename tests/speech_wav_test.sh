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
