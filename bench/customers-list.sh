#!/usr/bin/env bash
# Benchmark: GET /api/v1/customers?limit=50 over an organization with 10,000 customers.
#
#   bench/customers-list.sh [base-url]        (default http://localhost:9080; start the server first,
#                                               e.g. with the README's run command)
#
# Signs up a fresh organization, registers CUSTOMERS customers through the API, walks every page once to
# collect the cursors, then lets wrk request random pages (first page and keyset pages alike) for DURATION
# and prints wrk's latency distribution (p50, p99) and throughput. Needs curl, jq and wrk
# (apt-get install wrk jq).
set -euo pipefail
BASE=${1:-http://localhost:9080}
CUSTOMERS=${CUSTOMERS:-10000}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

tag=$(date +%s)-$RANDOM
password="bench password $tag"
curl -sf -X POST "$BASE/api/v1/organizations" -H 'Content-Type: application/json' -d @- >/dev/null <<JSON
{"organizationName":"Bench $tag","shopName":"Bench shop","timeZone":"UTC","currency":"USD",
 "ownerName":"Bench Owner","ownerEmail":"bench-$tag@example.com","ownerPassword":"$password"}
JSON
token=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench-$tag@example.com\",\"password\":\"$password\"}" | jq -r .accessToken)

echo "Registering $CUSTOMERS customers..."
start=$(date +%s.%N)
seq 1 "$CUSTOMERS" | xargs -P 8 -I{} curl -sf -o /dev/null -X POST "$BASE/api/v1/customers" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"firstName":"First{}","lastName":"Last{}","email":"c{}@example.com","phone":"+1 555 {}"}'
echo "  done in $(echo "$(date +%s.%N) - $start" | bc) s"

echo "Collecting page cursors..."
: > "$WORK/cursors"
after=""
while :; do
  page=$(curl -sf "$BASE/api/v1/customers?limit=50${after:+&after=$after}" -H "Authorization: Bearer $token")
  after=$(echo "$page" | jq -r '.next // empty')
  [ -z "$after" ] && break
  echo "$after" >> "$WORK/cursors"
done
echo "  $(($(wc -l < "$WORK/cursors") + 1)) pages of 50"

cat > "$WORK/pages.lua" <<LUA
local cursors = {}
for line in io.lines("$WORK/cursors") do cursors[#cursors + 1] = line end
wrk.headers["Authorization"] = "Bearer $token"
request = function()
  local i = math.random(0, #cursors)
  local path = "/api/v1/customers?limit=50"
  if i > 0 then path = path .. "&after=" .. cursors[i] end
  return wrk.format("GET", path)
end
LUA
echo "wrk: $CONNECTIONS connections, 2 threads, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/pages.lua" "$BASE"
