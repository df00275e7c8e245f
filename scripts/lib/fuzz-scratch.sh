# Helpers of scripts/fuzz.

# Gives a new scratch path the package checkouts of .build (or of another .build-* folder), so that a
# sanitizer or fuzz build resolves without the network (SwiftPM would clone every dependency again).
seed_scratch() {
  local scratch=$1 source
  [ ! -d "$scratch/checkouts" ] || return 0
  for source in .build .build-*; do
    [ "$source" != "$scratch" ] && [ -d "$source/checkouts" ] || continue
    mkdir -p "$scratch"
    cp -R "$source/checkouts" "$source/repositories" "$scratch/"
    [ ! -f "$source/workspace-state.json" ] || cp "$source/workspace-state.json" "$scratch/"
    return 0
  done
}

# One row of the table from a libFuzzer log: target, executions, exec/s, cov and ft of the last status
# line, corpus files after the run, and inputs saved (crash, leak, timeout or oom; "!" when the run failed).
fuzz_summary_row() {
  local target=$1 log=$2 corpus=$3 status=$4
  local executions speed cov ft files saved
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE ' cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  ft=$(grep -oE ' ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  files=$(find "$corpus" -type f | wc -l)
  saved=$(grep -c 'Test unit written to' "$log" || true)
  [ "$status" -eq 0 ] || saved="$saved!"
  printf '%-13s %12s %8s %7s %7s %7s %s' "$target" "${executions:--}" "${speed:--}" "${cov:--}" "${ft:--}" "$files" "$saved"
}
