#!/bin/sh
# Creates every topic of the catalogue (io.ribao.topics.Topics.all()) that does not exist yet, with the same
# settings as the local stack's TopicAdmin: compacted topics keep the latest value per key forever, the event logs
# keep 400 days (the horizon of a read-model rebuild, docs/operations.md). Existing topics are left as they are:
# partitions are never added here, because that would move keys to other partitions.
# InfraYamlTest checks that the two lists below are exactly the catalogue.
#
# Environment: BOOTSTRAP (required), PARTITIONS (6), REPLICATION (3), MIN_ISR (2), KAFKA_TOPICS (kafka-topics.sh).
set -eu

: "${BOOTSTRAP:?set BOOTSTRAP to the brokers, e.g. kafka-1:19092}"
PARTITIONS="${PARTITIONS:-6}"
REPLICATION="${REPLICATION:-3}"
MIN_ISR="${MIN_ISR:-2}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
LOG_RETENTION_MS=34560000000   # 400 days
MAX_MESSAGE_BYTES=16777216     # 16 MiB: a county roster or a day-closed snapshot fits in one record

create() {
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" \
    --partitions "$PARTITIONS" --replication-factor "$REPLICATION" \
    --config cleanup.policy="$2" --config retention.ms="$3" \
    --config min.insync.replicas="$MIN_ISR" --config max.message.bytes="$MAX_MESSAGE_BYTES"
}
compacted() { create "$1" compact -1; }
event_log() { create "$1" delete "$LOG_RETENTION_MS"; }

compacted ribao.roster.jurisdictions
compacted ribao.roster.units
compacted ribao.roster.forms
compacted ribao.roster.users
event_log ribao.reports
compacted ribao.unit-day-status
event_log ribao.alerts
compacted ribao.rollups
event_log ribao.day-closed
event_log ribao.bulletins
event_log ribao.audit
event_log ribao.dlq.report-ingest
event_log ribao.dlq.aggregation-streams
event_log ribao.dlq.bulletin-service

echo "ribao topics ready on $BOOTSTRAP"
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --list
