#!/usr/bin/env bash
# Work-order flow and board benchmark against a running server with the demo chain (DEMO_DATA=true).
#   bench/work-order-flow.sh [baseUrl] [flows] [concurrency] [boardRequests]
# Needs only a JDK 17+ (single-file source launch). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
exec java WorkOrderFlowBench.java "${1:-http://localhost:9080}" "${2:-200}" "${3:-4}" "${4:-1000}"
