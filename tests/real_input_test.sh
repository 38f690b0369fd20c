#!/usr/bin/env bash
# The kiosk under a real X server (run by with-xvfb.sh) answers real input: X events made by
# xdotool, which reach it as they would from a touchscreen or a USB keypad, through SDL and
# ImGui's backend. Scripted tests drive the UI from inside (UiDriver); this one does not, so a
# layer that swallowed the hardware's pointer (as the driver did until 2026-12) is caught.
# Usage: real_input_test.sh BIN_DIR
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v xdotool >/dev/null || { echo "real_input_test: xdotool is missing (package xdotool, see .ci/debian-packages.txt)" >&2; exit 1; }

# Starts the kiosk with a script of expectations only (the script touches nothing itself), does
# what the remaining arguments say once its window is mapped, and waits for the script's end.
run_kiosk() {
  local name=$1 script=$2
  shift 2
  printf '%s' "$script" >"$work/$name.json"
  "$bin/berswordt-kiosk" --windowed 1080x1920 --script "$work/$name.json" >"$work/$name.log" 2>&1 &
  local pid=$!
  xdotool search --sync --onlyvisible --name Berswordt >/dev/null
  "$@"
  if ! wait "$pid"; then
    echo "real_input_test: $name: the kiosk did not see the input" >&2
    cat "$work/$name.log" >&2
    exit 1
  fi
  echo "ok - $name"
}

# A touch on the attract screen starts a visit (the screen expectations wait up to 10 s).
run_kiosk touch_starts_visit '[{"expect_screen":"home"},{"quit":true}]' \
  xdotool mousemove 540 900 mousedown 1 mouseup 1
