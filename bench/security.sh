#!/usr/bin/env bash
# Security figures for docs/benchmarks.md: sign-in latency (p50/p99) against a running server, and the
# per-request overhead of the rate limiter with Redis and in-process.
#
#   1. build once:   mvn -B -ntp -DskipTests package
#   2. start a server that trusts X-Forwarded-For (so each sign-in comes from its own address and the per-address
#      limit does not interfere) with the demo chain:
#        createdb -h 127.0.0.1 -U postgres mechanics_bench
#        PORT=9182 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mechanics_bench DEMO_DATA=true \
#        TRUSTED_PROXIES=127.0.0.1,0:0:0:0:0:0:0:1 REDIS_URL=redis://127.0.0.1:6379 REDIS_KEY_PREFIX=mechanics-bench: \
#        ear/target/liberty/wlp/bin/server start mechanics
#   3. bench/security.sh [base-url] [sign-ins]        (defaults: http://localhost:9182 200)
set -euo pipefail
BASE=${1:-http://localhost:9182}
N=${2:-200}
cd "$(dirname "$0")/.."

echo "== sign-in: $N sequential POST /api/v1/auth/login (demo owner, correct password) against $BASE"
for i in $(seq 1 5); do  # warm-up
  curl -s -o /dev/null -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.99.0.$i" \
    -d '{"email":"owner@demo.mechanics.dev","password":"demo-Garage-2026"}' "$BASE/api/v1/auth/login"
done
times=$(for i in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: 10.$((i / 65536 % 256)).$((i / 256 % 256)).$((i % 256))" \
    -d '{"email":"owner@demo.mechanics.dev","password":"demo-Garage-2026"}' "$BASE/api/v1/auth/login"
done)
bad=$(echo "$times" | awk '$1 != 200' | wc -l)
echo "$times" | awk '{print $2 * 1000}' | sort -n | awk -v n="$N" -v bad="$bad" '
  { v[NR] = $1; s += $1 }
  END { printf "sign-in  p50=%.1f ms  p99=%.1f ms  mean=%.1f ms  (non-200: %d)\n", v[int(n*0.5)], v[int(n*0.99)], s/n, bad }'

echo "== wrong password (same cost by design: one Argon2 verification)"
times=$(for i in $(seq 1 50); do
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: 10.200.$((i / 256 % 256)).$((i % 256))" \
    -d "{\"email\":\"nobody-$i@demo.mechanics.dev\",\"password\":\"wrong\"}" "$BASE/api/v1/auth/login"
done)
echo "$times" | awk '{print $1 * 1000}' | sort -n | awk '{ v[NR] = $1 } END { printf "unknown e-mail p50=%.1f ms\n", v[int(NR*0.5)] }'

echo "== rate limiter overhead per request (20,000 hits)"
mvn -B -ntp -q test -pl datasource-module,domain-module,web-module -Dtest=RateLimiterBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true 2>&1 | grep '\[bench\]'
