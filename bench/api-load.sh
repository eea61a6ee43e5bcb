#!/usr/bin/env bash
# Issue 12: the API under load, as the issue measures it. Starts a PostgreSQL cluster of its own and a server
# from the built EAR, seeds through the API (10,000 customers, a board of 50 work orders, a work order of 20
# lines), pins the server alone to core 0 and PostgreSQL + wrk to core 1 (taskset), runs wrk (2 threads,
# 32 connections, 10 s warm-up then 30 s) per scenario and prints one table:
#   get one customer | list 20 by name prefix | create a customer | 70/30 get/create | board of 50 cards |
#   a work order with 20 lines
# Tenant checks, permissions, audit rows, encryption, request logging and rate limits stay on (the per-user limit
# is raised out of reach, not switched off).
#
#   1. build once:  mvn -B -ntp -DskipTests package
#   2. bench/api-load.sh [port] [pg port]        (defaults 9280 55433; state and results in $WORK,
#                                                  default /tmp/mechanics-bench)
# The server runs as deployed: the heap of liberty-config/jvm.options and MALLOC_ARENA_MAX=2 as the image sets it.
# env: SERVER_CPUS (0), LOAD_CPUS (1), WARMUP (10), DURATION (30), SCENARIOS (all six), HEAP (JVM options, one per
#      line, appended to jvm.options; none by default),
#      READY_TIMEOUT (600 s), KEEP=1 leaves server and database running afterwards.
# Needs wrk, python3, psql, taskset, ss, and PostgreSQL's server binaries (/usr/lib/postgresql/*/bin).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$ROOT/bench/load
PORT=${1:-9280}
PG_PORT=${2:-55433}
export WORK=${WORK:-/tmp/mechanics-bench}
SERVER_CPUS=${SERVER_CPUS-0}
export WRK_CPUS=${LOAD_CPUS-1} PG_CPUS=${LOAD_CPUS-1}
export WARMUP=${WARMUP:-10} DURATION=${DURATION:-30}
SCENARIOS=${SCENARIOS:-get,list,post,mix,board,workorder}
WLP=$ROOT/ear/target/liberty/wlp
[ -f "$WLP/usr/servers/mechanics/apps/mechanics.ear" ] || { echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 1; }
mkdir -p "$WORK"

# PostgreSQL of its own, pinned with the load generator; a fresh database every run
"$HERE/pg-up" "$PG_PORT" "$WORK/pg"
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "drop database if exists mechanics_bench" \
  -c "create database mechanics_bench"

# the built server, copied (the build's own server folder holds the integration tests' overrides)
rm -rf "$WORK/usr"
mkdir -p "$WORK/usr/servers"
cp -r "$WLP/usr/shared" "$WORK/usr/"
cp -r "$WLP/usr/servers/mechanics" "$WORK/usr/servers/"
rm -rf "$WORK/usr/servers/mechanics/"{configDropins,logs,workarea,tranlog}
# the integration tests leave their in-server test applications in dropins/
rm -rf "$WORK/usr/servers/mechanics/dropins"/*
if [ -n "${HEAP:-}" ]; then echo "$HEAP" >>"$WORK/usr/servers/mechanics/jvm.options"; fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
key() { head -c 32 /dev/urandom | base64; }
# Appended to the build's server.env, never written over it: that file holds the keystore_password and
# ltpa_keys_password the Liberty plugin generated. Liberty (since 26.0.0.4) has no default LTPA keys password;
# without one its LTPA service fails (CWWKS4118E) and MicroProfile JWT then authenticates no token, so every
# signed-in call answers 401 while sign-in itself works. The integration tests keep these lines the same way
# (TestDatabase, ServerProcess).
ENV_FILE=$WORK/usr/servers/mechanics/server.env
grep -qE '^(keystore_password|ltpa_keys_password)=' "$ENV_FILE" ||
  { echo "no keystore_password/ltpa_keys_password in the built server.env: rebuild (mvn -B -ntp -DskipTests package)" >&2; exit 1; }
# an integration-test run may have left its own values of the variables set below
grep -vE '^(PORT|DATABASE_URL|JWT_SECRET|JWT_REFRESH_SECRET|ENCRYPTION_KEY|REDIS_URL|REDIS_KEY_PREFIX|RATE_LIMIT_[A-Z_]+|JWT_EXPIRATION)=' \
  "$ENV_FILE" >"$ENV_FILE.tmp" || true
mv "$ENV_FILE.tmp" "$ENV_FILE"
cat >>"$ENV_FILE" <<EOF
PORT=$PORT
DATABASE_URL=postgresql://postgres@127.0.0.1:$PG_PORT/mechanics_bench
JWT_SECRET=$(key)
JWT_REFRESH_SECRET=$(key)
ENCRYPTION_KEY=$(key)
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
REDIS_KEY_PREFIX=bench-$$:
RATE_LIMIT_API_PER_MINUTE=100000000
RATE_LIMIT_SIGNIN_PER_MINUTE=100000
JWT_EXPIRATION=2h
EOF
export WLP_USER_DIR=$WORK/usr
stop() {
  if [ "${KEEP:-0}" != 1 ]; then
    "$WLP/bin/server" stop mechanics >/dev/null 2>&1 || true
    "$HERE/pg-down" "$WORK/pg" >/dev/null 2>&1 || true
  fi
}
trap stop EXIT
. "$HERE/start-pinned.sh"
start_pinned "$WLP" mechanics "$SERVER_CPUS" "$PORT"
ready=$READY
echo "server ready in ${ready} s (empty database), pid $PID on cpu $SERVER_CPUS" >&2

B=http://127.0.0.1:$PORT
python3 "$HERE/seed-api.py" "$B" auth
python3 "$HERE/seed-api.py" "$B" customers 10000 16
: >"$WORK/ours-wo-ids.txt"
python3 "$HERE/seed-api.py" "$B" workorders 50 8
python3 "$HERE/seed-api.py" "$B" lines 20

cat >"$WORK/target.env" <<EOF
LABEL=mechanics
BASE_URL=$B
PID=$PID
AUTH="Bearer \$(cat "$WORK/ours.token")"
ID_FILE=$WORK/ours-ids.txt
GET_PATH='/api/v1/customers/{id}'
LIST_PATH='/api/v1/customers?q={prefix}&limit=20'
POST_PATH='/api/v1/customers'
POST_BODY='{"firstName":"Bench{rand}","lastName":"Bench{rand}"}'
BOARD_PATH="/api/v1/work-orders?shopId=\$(cat "$WORK/ours-shop.txt")&limit=50"
WORK_ORDER_PATH="/api/v1/work-orders/\$(cat "$WORK/ours-wo-lines.txt")"
EOF
"$HERE/run" -s "$SCENARIOS" "$WORK/target.env"
echo "ready ${ready} s from launch on an empty database; RSS after the runs: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$PID/status")"
