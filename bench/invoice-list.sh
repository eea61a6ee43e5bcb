#!/usr/bin/env bash
# Invoice list benchmark (issue 14): a new organization's shop with INVOICES (20,000) invoices, then Chromium
# measures /invoices: a page load to the first page rendered, the in-app navigation to it, and the next page
# (the page's own clock, performance.now()). It is the browser test InvoiceListBenchIT, which is skipped unless
# BENCH_INVOICES is set, run against the integration-test server the build starts (its own database).
#
#   bench/invoice-list.sh [invoices] [liberty port]
#
# Needs what the README's test command needs (chromium, chromium-driver, PostgreSQL, Redis). Figures are printed
# as lines starting with [InvoiceListBench]; BENCH_ROUNDS (7) sets the rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_INVOICES="${1:-20000}"
PORT="${2:-9080}"
mvn -B -ntp -o install -DskipTests -q
mvn -B -ntp -o verify -pl ear -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.port="$PORT" -Dit.test=InvoiceListBenchIT | grep -E '\[InvoiceListBench\]|Tests run|ERROR'
