#!/usr/bin/env bash
# Generates benchmark data for the backup benchmark: ROWS customers (default 3,600,000, about 1.1 GB of table
# data plus indexes) in the first organization of the database DATABASE (a migrated database, e.g. one the dev
# server created with DEMO_DATA=true). Run once, outside the test suite:
#   bench/backup-data.sh batch_bench [rows]
set -euo pipefail
DATABASE="${1:?database name}"
ROWS="${2:-3600000}"
PSQL=(psql -v ON_ERROR_STOP=1 -q -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" "$DATABASE")
ORG=$("${PSQL[@]}" -At -c "select id from organizations order by id limit 1")
[ -n "$ORG" ] || { echo "no organization in $DATABASE (start the server once with DEMO_DATA=true)" >&2; exit 1; }
BATCH=400000
for ((from = 1; from <= ROWS; from += BATCH)); do
  to=$((from + BATCH - 1)); ((to > ROWS)) && to=$ROWS
  "${PSQL[@]}" -c "set synchronous_commit = off;
    insert into customers (id, organization_id, first_name, last_name, email, phone, phone_digits, address,
                           created_at, updated_at, version)
    select gen_random_uuid(), '$ORG', 'Bench' || g, initcap(left(md5(g::text), 12)),
           left(md5(g::text), 16) || '@bench.example', '+1 555 ' || lpad(g::text, 7, '0'), '1555' || lpad(g::text, 7, '0'),
           (g % 9000 + 1) || ' ' || md5((g * 7)::text) || ' Road, ' || md5((g * 13)::text),
           now() - (g % 1000) * interval '1 hour', now(), g % 5
    from generate_series($from, $to) g"
  echo "customers $to / $ROWS"
done
"${PSQL[@]}" -c "vacuum analyze customers"
"${PSQL[@]}" -At -c "select 'database ' || pg_size_pretty(pg_database_size(current_database())) || ', customers table '
  || pg_size_pretty(pg_relation_size('customers')) || ' (+ indexes ' || pg_size_pretty(pg_indexes_size('customers')) || ')'"
