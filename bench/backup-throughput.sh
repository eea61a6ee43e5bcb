#!/usr/bin/env bash
# Database backup benchmark: `pg_dump | gzip` against the database-backup job on the same database, then the
# database-restore job into an empty database. Needs a running server (BASE, default http://localhost:9080) on
# the database DATABASE (fill it with bench/backup-data.sh), a platform operator (PLATFORM_ADMIN_EMAILS) with
# OPERATOR_EMAIL / OPERATOR_PASSWORD, BACKUP_ENCRYPTION_KEY set, and jq. Prints the figures.
#   bench/backup-throughput.sh batch_bench http://localhost:9382
set -euo pipefail
DATABASE="${1:?database name}"
BASE="${2:-http://localhost:9080}"
PG=(-h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}")
OUT="${TMPDIR:-/tmp}/backup-bench"
mkdir -p "$OUT"
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

db_bytes=$(psql "${PG[@]}" -At -c "select pg_database_size('$DATABASE')" postgres)
echo "database $DATABASE: $((db_bytes / 1024 / 1024)) MiB"

for level in 6 1; do
  t0=$(now)
  pg_dump "${PG[@]}" "$DATABASE" | gzip "-$level" > "$OUT/dump.sql.gz"
  t1=$(now)
  echo "pg_dump | gzip -$level: $(secs "$t0" "$t1") s, $(stat -c %s "$OUT/dump.sql.gz") bytes"
done

TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"${OPERATOR_EMAIL:-operator@platform.mechanics.dev}\",\"password\":\"${OPERATOR_PASSWORD:-operator-Garage-2026}\"}" \
  | jq -r .accessToken)
run() { # job parameters-json -> prints the finished run
  local id
  id=$(curl -sf -X POST "$BASE/api/v1/batch/executions" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"jobName\":\"$1\",\"parameters\":$2}" | jq -r .executionId)
  while :; do
    local r
    r=$(curl -sf "$BASE/api/v1/batch/executions/$id" -H "Authorization: Bearer $TOKEN")
    case $(jq -r .status <<<"$r") in COMPLETED|FAILED|STOPPED|ABANDONED) echo "$r"; return;; esac
    sleep 2
  done
}
step_secs() { jq -r --arg s "$2" '.steps[] | select(.name == $s) | "\(.startedAt) \(.endedAt)"' <<<"$1" \
  | { read -r a b; echo "$(date -d "$b" +%s.%N) - $(date -d "$a" +%s.%N)" | bc; }; }

backup=$(run database-backup '{}')
echo "database-backup: $(jq -r .status <<<"$backup"), object $(jq -r '.outputs[0].objectKey' <<<"$backup") $(jq -r '.outputs[0].sizeBytes' <<<"$backup") bytes"
echo "  snapshot (COPY -> gzip -> AES-GCM -> store): $(step_secs "$backup" snapshot) s"
echo "  verify (restore into a scratch database + compare every table): $(step_secs "$backup" verify) s"
key=$(jq -r '.outputs[0].objectKey' <<<"$backup")
target="bench_restore_$(date +%s)"
psql "${PG[@]}" -q -c "create database $target" postgres
restore=$(run database-restore "{\"backupKey\":\"$key\",\"targetDatabase\":\"$target\"}")
echo "database-restore into $target: $(jq -r .status <<<"$restore"), $(step_secs "$restore" restore) s"
psql "${PG[@]}" -q -c "drop database $target" postgres
