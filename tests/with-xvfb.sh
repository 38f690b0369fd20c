#!/usr/bin/env bash
# Runs a command against a private Xvfb server and stops the server afterwards. Xvfb picks a
# free display itself (-displayfd), so parallel test runs never collide.
set -euo pipefail
command -v Xvfb >/dev/null || { echo "with-xvfb: Xvfb is missing (package xvfb, see .ci/debian-packages.txt)" >&2; exit 1; }
fifo=$(mktemp -u)
mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1920x1920x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -f "$fifo"' EXIT
# Xvfb writes the display number once it accepts clients: reading it is the readiness signal.
read -r display <"$fifo"
export DISPLAY=":$display"
"$@"
