#!/usr/bin/env bash
# Start-up benchmark (issue 12 goal 4): launches the packaged server, polls /health/ready every 100 ms and prints
# launch -> ready in seconds, where Liberty's own messages.log says the time went, and the server's resident
# memory after ready and after a short authenticated load (wrk, GET one customer).
#
#   bench/startup.sh <database> [wlp dir] [port]
#
# <database> is created when missing (then the first start migrates it: "empty database"); run twice to
# measure the start on an existing database. EMPTY=1 drops and recreates it first. [wlp dir] defaults to
# ear/target/liberty/wlp (after `mvn -B -ntp -DskipTests package`). LOAD_SECONDS (30; 0 = no load),
# LOAD_CONNECTIONS (32), KEEP=1 leaves the server running. Needs psql, curl, jq, wrk.
set -euo pipefail
DATABASE="${1:?database name}"
WLP="${2:-ear/target/liberty/wlp}"
PORT="${3:-9397}"
LOAD_SECONDS="${LOAD_SECONDS:-30}"
PG=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -q -At)
BASE="http://localhost:$PORT"
SERVER_DIR="$WLP/usr/servers/mechanics"

if [ "${EMPTY:-0}" = 1 ]; then
  "${PG[@]}" -d postgres -c "drop database if exists $DATABASE with (force)"
fi
if [ -z "$("${PG[@]}" -d postgres -c "select 1 from pg_database where datname = '$DATABASE'")" ]; then
  "${PG[@]}" -d postgres -c "create database $DATABASE"
  state="empty database (every migration runs)"
else
  state="existing database"
fi
rm -rf "$SERVER_DIR/logs"
export PORT DATABASE_URL="postgresql://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:5432/$DATABASE"
export STORAGE_LOCAL_DIR="${STORAGE_LOCAL_DIR:-/tmp/startup-bench-files}"
# the load below is one user: at the default 600 calls a minute two thirds of it were 429 and the memory after it
# measured a mostly idle server; raised out of reach like bench/api-load.sh does, not switched off
export RATE_LIMIT_API_PER_MINUTE="${RATE_LIMIT_API_PER_MINUTE:-100000000}"
# one personal-data key per benchmark database (kept beside it in /tmp): a restart must read what the first start
# encrypted, or the start-up check refuses to start (a bench key, never a production one)
keyfile="/tmp/startup-bench-$DATABASE.key"
[ -s "$keyfile" ] && [ "$state" = "existing database" ] || openssl rand -base64 32 > "$keyfile"
export ENCRYPTION_KEY="${ENCRYPTION_KEY:-$(cat "$keyfile")}"
console="/tmp/startup-bench-$PORT-console.log"

t0=$(date +%s%N)
"$WLP/bin/server" run mechanics > "$console" 2>&1 &
LAUNCHER=$!
stop() { "$WLP/bin/server" stop mechanics > /dev/null 2>&1 || true; wait "$LAUNCHER" 2>/dev/null || true; }
[ "${KEEP:-0}" = 1 ] || trap stop EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ]; do
  kill -0 "$LAUNCHER" 2>/dev/null || { echo "server exited; see $console"; exit 1; }
  [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 600 ] || { echo "not ready after 600 s"; exit 1; }
  sleep 0.1
done
t1=$(date +%s%N)
# this server's JVM (other servers named mechanics may run on the machine)
PID=$(pgrep -f "java.*$(realpath "$WLP")/bin/tools/ws-server.jar" | head -1)
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }
echo "start-up on an $state ($DATABASE): launch -> /health/ready 200 in $(echo "scale=1; ($t1 - $t0) / 1000000000" | bc) s"
echo "  resident memory when ready: $(rss) MiB (JVM options: $(grep -v '^#' "$SERVER_DIR/jvm.options" | xargs))"

# Where the time went, from messages.log (Liberty's timestamps; t = seconds after the launch)
log="$SERVER_DIR/logs/messages.log"
if [ -f "$log" ]; then
  python3 - "$log" "$t0" <<'PY'
import json, sys, datetime
t0 = int(sys.argv[2]) / 1e9
marks = {"CWWKE0001I": "server launched", "CWWKF0007I": "feature update started",
         "CWWKF0008I": "feature update completed", "CWWKZ0018I": "application starting",
         "CWWKZ0001I": "application started", "CWWKF0011I": "server ready (smarter planet)",
         "CWWKF0012I": "features installed"}
seen = set()
for raw in open(sys.argv[1], encoding="utf-8", errors="replace"):
    try:
        e = json.loads(raw)
    except ValueError:
        continue
    msg = e.get("message", "")
    when = datetime.datetime.fromisoformat(e["ibm_datetime"].replace("+0000", "+00:00")).timestamp()
    code = msg[:10]
    label = marks.get(code)
    if label is None and ("Database schema at version" in msg or "HHH" in msg[:9]):
        label = msg[:90]
    if label and label not in seen:
        seen.add(label)
        print(f"  t={when - t0:5.1f} s  {label}")
PY
fi

if [ "$LOAD_SECONDS" -gt 0 ]; then
  unique="startup-$(date +%s%N)"
  API="$BASE/api/v1"
  curl -sf -X POST "$API/organizations" -H 'Content-Type: application/json' -d "{\"organizationName\":\"Start $unique\",
    \"shopName\":\"Main $unique\",\"timeZone\":\"UTC\",\"currency\":\"USD\",\"ownerName\":\"Bench Owner\",
    \"ownerEmail\":\"$unique@example.com\",\"ownerPassword\":\"start bench $unique\"}" > /dev/null
  TOKEN=$(curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$unique@example.com\",\"password\":\"start bench $unique\"}" | jq -r .accessToken)
  CUSTOMER=$(curl -sf -X POST "$API/customers" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"firstName":"Load","lastName":"Customer","email":"load@example.com","phone":"+1 555 010 2030"}' | jq -r .id)
  wrk -t2 -c"${LOAD_CONNECTIONS:-32}" -d"${LOAD_SECONDS}s" -H "Authorization: Bearer $TOKEN" \
    "$API/customers/$CUSTOMER" | grep -E "Requests/sec|Latency|Non-2xx|Socket errors" | sed 's/^/  load: /'
  echo "  resident memory after ${LOAD_SECONDS} s of GET one customer (${LOAD_CONNECTIONS:-32} connections): $(rss) MiB"
fi
