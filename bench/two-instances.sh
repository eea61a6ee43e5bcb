#!/usr/bin/env bash
# Two instances against one (issue 16): requests per second and p99 of the customer list (20 of 200 customers)
# with 16 keep-alive clients, against one instance directly, through the round-robin front end to that instance
# alone, and through it to two instances on the same database and Redis. It is TwoInstancesBenchIT (skipped
# unless BENCH_TWO_INSTANCES is set), which starts the two server processes of the scale-out tests
# (dev.mechanics.it.faults.support.ScaledOut) beside the build's own test server.
#
#   bench/two-instances.sh [liberty port] [clients] [seconds]
#
# Needs what the README's test command needs (PostgreSQL, Redis). Figures are printed as lines starting with
# [TwoInstancesBench]. All processes share this machine's cores: two instances cannot beat one on a machine
# the one instance already saturates; the figure that matters on App Service is per instance (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-9080}"
export BENCH_TWO_INSTANCES=1 BENCH_CLIENTS="${2:-16}" BENCH_SECONDS="${3:-20}"
mvn -B -ntp verify -Dit.port="$PORT" -Dit.test=TwoInstancesBenchIT -Dtest=NoUnitTests \
  -Dsurefire.failIfNoSpecifiedTests=false | grep -E '\[TwoInstancesBench\]|Tests run|ERROR'
