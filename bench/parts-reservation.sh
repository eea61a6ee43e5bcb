#!/usr/bin/env bash
# Stock reservation throughput on one hot part (issue 19) against a running server.
#   bench/parts-reservation.sh [baseUrl] [clients] [units] [attempts]
# Needs only a JDK 17+ (single-file source launch). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
exec java PartsReservationBench.java "${1:-http://localhost:9080}" "${2:-32}" "${3:-1000}" "${4:-1200}"
