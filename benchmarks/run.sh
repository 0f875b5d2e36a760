#!/usr/bin/env bash
# Runs one benchmark of the Ribao suite (docs/benchmarks.md). Build first:
#   ./mvnw -q -pl benchmarks -am package -DskipTests      (or: ./mvnw -o -q -pl benchmarks package)
# Usage: benchmarks/run.sh NAME [--option=value ...]
#   jmh [JMH options]   serdes, validation, rules (org.openjdk.jmh.Main; e.g. "jmh -f 1 -wi 3 -i 5 Serde")
#   streams             Streams throughput: production topology vs a pass-through, exactly_once_v2
#   deadline            deadline burst: 100,000 expected units, none reported → every MISSING committed
#   ingest              HTTP load on POST /api/v1/reports vs the no-op endpoint of the same service
#   index               report-ingest's index: CPU, collector pauses and live heap for 1,500,000 revisions
#   bulletin            bulletin drafting + HTML + PDF: demo county and a 100,000-unit roster
#   stack               local stack: time to ready, resident memory, 202 → board latency
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cp_file="$here/target/classpath.txt"
if [[ ! -f "$cp_file" ]]; then
  echo "no $cp_file: build first with ./mvnw -q -pl benchmarks -am package -DskipTests" >&2
  exit 2
fi
# In a reactor build (-am) the local stack's jar names target/lib/*.jar in its manifest Class-Path, and the JVM would
# add them all a second time (two copies of the PostgreSQL binaries make embedded-postgres refuse to start): use the
# local stack's classes directory instead of that jar.
deps="$(tr ':' '\n' < "$cp_file" | sed -E 's#^(.*/target)/ribao-local\.jar$#\1/classes#' | paste -sd: -)"
cp="$here/target/classes:$deps"
name="${1:-}"
shift || true
heap="${BENCH_HEAP:--Xmx2g}"
# BENCH_JVM_OPTS: extra JVM flags, split on spaces
# BENCH_INGEST_GC: report-ingest's collector flags as deployed (decisions 412, 415); e.g. "-XX:+UseParallelGC -Xmn160m" to compare
read -r -a extra <<< "${BENCH_JVM_OPTS:-}"
java_opts=("$heap" ${extra[@]+"${extra[@]}"} -Dlogback.configurationFile="$here/target/classes/bench-logback.xml" -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.ribao -Dfile.encoding=UTF-8)
case "$name" in
  jmh)      exec java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main "$@" ;;
  streams)  exec java "${java_opts[@]}" -cp "$cp" io.ribao.bench.streams.StreamsThroughput "$@" ;;
  deadline) exec java "${java_opts[@]}" -cp "$cp" io.ribao.bench.deadline.DeadlineBurst "$@" ;;
  ingest)   read -r -a gc <<< "${BENCH_INGEST_GC:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:MaxTenuringThreshold=0}"
            exec java "${gc[@]}" "${java_opts[@]}" -cp "$cp" io.ribao.bench.ingest.IngestLoad "$@" ;;
  index)    read -r -a gc <<< "${BENCH_INGEST_GC:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:MaxTenuringThreshold=0}"
            exec java "${gc[@]}" "${java_opts[@]}" -cp "$cp" io.ribao.bench.ingest.IndexFootprint "$@" ;;
  bulletin) exec java "${java_opts[@]}" -cp "$cp" io.ribao.bench.bulletin.BulletinDrafting "$@" ;;
  stack)    exec java "${java_opts[@]}" -cp "$cp" io.ribao.bench.stack.LocalStackRun "$@" ;;
  *) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac
