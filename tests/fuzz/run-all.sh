#!/usr/bin/env bash
# Runs every fuzz target on its seeds for SECONDS each and prints runs and runs/s per target.
# A crash prints the fuzzer's report and fails. Usage: tests/fuzz/run-all.sh BIN_DIR [SECONDS]
set -euo pipefail
bin=$1
seconds=${2:-15}
seeds=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/seeds
status=0
printf '%-26s %10s %10s\n' target runs runs/s >&2
for dir in "$seeds"/*/; do
  target=$(basename "$dir")
  corpus=$(mktemp -d)
  log=$(mktemp)
  if ! "$bin/$target" -max_total_time="$seconds" -print_final_stats=1 "$corpus" "$dir" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target found a crash (above); its input is in the fuzzer's crash-* file" >&2
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  printf '%-26s %10s %10s\n' "$target" "${runs:-?}" "$(( ${runs:-0} / seconds ))" >&2
  rm -rf "$corpus" "$log"
done
exit $status
