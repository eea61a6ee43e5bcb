#!/usr/bin/env bash
# Issue 15.9: 50 concurrent sign-ins must not raise the p99 of a concurrent customer list by more than 20 %.
# Alternates phases of the list alone and under the sign-ins (rounds of both, then alone once more), pools each
# kind and prints their p50/p99, then PASS or FAIL. Run it on a quiet machine; a run with 0 sign-in clients shows
# the noise of the comparison itself.
#
#   1. build once:   mvn -B -ntp -DskipTests package
#   2. start a server with the demo chain that trusts X-Forwarded-For from loopback (every request comes from a
#      made-up client address) and whose per-user and per-address limits the benchmark cannot reach:
#        createdb -h 127.0.0.1 -U postgres mechanics_bench
#        key() { head -c "$1" /dev/urandom | base64 -w0; }   # with DATABASE_URL set the server needs real keys
#        PORT=9182 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mechanics_bench DEMO_DATA=true \
#        ENCRYPTION_KEY=$(key 32) BACKUP_ENCRYPTION_KEY=$(key 32) JWT_SECRET=$(key 48) JWT_REFRESH_SECRET=$(key 48) \
#        TRUSTED_PROXIES=127.0.0.0/8,::1/128 RATE_LIMIT_API_PER_MINUTE=10000000 \
#        RATE_LIMIT_SIGNIN_PER_MINUTE=10000000 ear/target/liberty/wlp/bin/server start mechanics
#      (stop it with ear/target/liberty/wlp/bin/server stop mechanics; dropdb mechanics_bench to start over)
#   3. bench/signin-load.sh [base-url] [seconds per phase] [list clients] [sign-in clients] [rounds]
#                           (defaults: http://localhost:9182 15 4 50 4: about 3 minutes)
# Needs only a JDK 17+ (single-file source launch).
set -euo pipefail
cd "$(dirname "$0")"
exec java SignInLoadBench.java "${1:-http://localhost:9182}" "${2:-15}" "${3:-4}" "${4:-50}" "${5:-4}"
