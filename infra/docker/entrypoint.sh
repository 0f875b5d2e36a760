#!/bin/sh
# Starts one Ribao service from /opt/ribao/<service>/ (its jar, lib/ and the default config.yml).
#   report-ingest [config]          Dropwizard `server`; config defaults to the bundled config.yml
#   bulletin-service [config]       Dropwizard `server` (migrates the database unless RIBAO_MIGRATE_ON_STARTUP=false)
#   bulletin-db-migrate [config]    applies the Flyway migrations and exits (run before a rolling upgrade)
#   bulletin-rebuild [config] [--allow-truncated-log] [--progress-step N]  rebuilds the read models (replicas stopped)
#   aggregation-streams [config]    the Kafka Streams application
#   mint-token                      prints a new bearer token and the SHA-256 to put in the roster
# Every setting of the bundled config.yml can be overridden by its environment variable (docs/operations.md).
set -eu

command="${1:-help}"
[ "$#" -gt 0 ] && shift

run() {
  service="$1"; main="$2"; shift 2
  # JAVA_OPTS is split on spaces on purpose: it holds several JVM flags
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS -cp "/opt/ribao/$service/$service.jar:/opt/ribao/$service/lib/*" "$main" "$@"
}

# the configuration file given after the command, else the service's bundled one
config_or_default() {
  service="$1"; shift
  if [ "$#" -gt 0 ]; then echo "$1"; else echo "/opt/ribao/$service/config.yml"; fi
}

case "$command" in
  report-ingest)
    run report-ingest io.ribao.ingest.IngestApplication server "$(config_or_default report-ingest "$@")" ;;
  bulletin-service)
    run bulletin-service io.ribao.bulletin.BulletinApplication server "$(config_or_default bulletin-service "$@")" ;;
  bulletin-db-migrate)
    run bulletin-service io.ribao.bulletin.BulletinApplication db migrate "$(config_or_default bulletin-service "$@")" ;;
  bulletin-rebuild)
    # the config path comes first; with none (no arguments, or options only) the bundled one goes before the options
    case "${1:-}" in
      ''|-*) set -- /opt/ribao/bulletin-service/config.yml "$@" ;;
    esac
    run bulletin-service io.ribao.bulletin.BulletinApplication rebuild "$@" ;;
  aggregation-streams)
    run aggregation-streams io.ribao.aggregation.AggregationApp "$(config_or_default aggregation-streams "$@")" ;;
  mint-token)
    run report-ingest io.ribao.ingest.IngestApplication mint-token "$@" ;;
  help|--help|-h)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    echo "unknown command '$command'; one of: report-ingest, bulletin-service, bulletin-db-migrate, bulletin-rebuild, aggregation-streams, mint-token" >&2
    exit 64 ;;
esac
