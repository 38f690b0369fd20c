#!/usr/bin/env bash
# Runs a command against a private Xvfb server and stops the server afterwards. Xvfb picks a
# free display itself (-displayfd), so parallel test runs never collide. -noreset: by default
# the server regenerates itself whenever its last client leaves, and the next client's
# connection waited for that (SDL_Init took ~105 ms instead of ~20 ms), so every start after
# the first, test or benchmark, paid for the one before it. A kiosk's own X server (Xwayland,
# started by cage with the kiosk) is fresh each time.
set -euo pipefail
command -v Xvfb >/dev/null || { echo "with-xvfb: Xvfb is missing (package xvfb, see .ci/debian-packages.txt)" >&2; exit 1; }
fifo=$(mktemp -u)
mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1920x1920x24 -nolisten tcp -noreset 3>"$fifo" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -f "$fifo"' EXIT
# Xvfb writes the display number once it accepts clients: reading it is the readiness signal.
read -r display <"$fifo"
export DISPLAY=":$display"
"$@"
