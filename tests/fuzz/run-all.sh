#!/usr/bin/env bash
# Runs every fuzz target on its seeds for SECONDS each and prints runs and runs/s per target.
# A crash prints the fuzzer's report and fails. Usage: tests/fuzz/run-all.sh BIN_DIR [SECONDS]
# Targets run side by side, one per core (each still gets its SECONDS of one core): on CI's two
# cores the sequential run took 3.5 of its 30 minutes.
set -euo pipefail
bin=$1
seconds=${2:-15}
seeds=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/seeds
jobs=$(nproc 2>/dev/null || echo 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fuzz_one() {  # target seed-dir: leaves $work/<target>.log and $work/<target>.status
  local target=$1 dir=$2 corpus
  corpus=$(mktemp -d)
  if "$bin/$target" -max_total_time="$seconds" -print_final_stats=1 "$corpus" "$dir" >"$work/$target.log" 2>&1; then
    echo 0 >"$work/$target.status"
  else
    echo 1 >"$work/$target.status"
  fi
  rm -rf "$corpus"
}

targets=()
for dir in "$seeds"/*/; do
  target=$(basename "$dir")
  targets+=("$target")
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  fuzz_one "$target" "$dir" &
done
wait

status=0
printf '%-26s %10s %10s\n' target runs runs/s >&2
for target in "${targets[@]}"; do
  if [ "$(cat "$work/$target.status" 2>/dev/null || echo 1)" != 0 ]; then
    tail -n 60 "$work/$target.log" >&2
    echo "fuzz: $target found a crash (above); its input is in the fuzzer's crash-* file" >&2
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
  printf '%-26s %10s %10s\n' "$target" "${runs:-?}" "$(( ${runs:-0} / seconds ))" >&2
done
exit $status
