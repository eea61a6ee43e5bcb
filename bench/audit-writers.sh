#!/usr/bin/env bash
# Parallel audited writes in one organization, then the audit chain's verification (issue 12, ADR 0050),
# against a running server.
#   bench/audit-writers.sh [baseUrl] [clients] [requests]
# Needs only a JDK 17+ (single-file source launch). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
exec java AuditWritersBench.java "${1:-http://localhost:9080}" "${2:-32}" "${3:-2000}"
