#!/bin/bash
# Read-only smoke test of a deployed instance: nothing is created, changed or logged in.
# Usage: smoke-test.sh <base-url> [expected-version]
#   base-url          e.g. https://app-mechanics-prd-abc123-staging.azurewebsites.net
#   expected-version  when given, /api/v1/health must report it (APP_VERSION = the image tag)
# Exits non-zero on the first failed check, naming it.
# FRONT_DOOR_ID, when set, is sent as X-Azure-FDID (direct calls to the staging slot; see wait-for-health.sh).
set -euo pipefail

base="${1:?usage: smoke-test.sh <base-url> [expected-version]}"
base="${base%/}"
expected_version="${2:-}"
body=$(mktemp)
headers=$(mktemp)
trap 'rm -f "$body" "$headers"' EXIT

fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }

# request <method> <path> [data]: fills $body and $headers, prints the status code
request() {
  local method="$1" path="$2" data="${3:-}"
  local args=(-s -o "$body" -D "$headers" -w '%{http_code}' --max-time 20 -X "$method")
  if [[ -n "${FRONT_DOOR_ID:-}" ]]; then
    args+=(-H "X-Azure-FDID: ${FRONT_DOOR_ID}")
  fi
  if [[ -n "$data" ]]; then
    args+=(-H 'Content-Type: application/json' --data "$data")
  fi
  curl "${args[@]}" "$base$path" || echo "000"
}

expect_status() { # <expected> <method> <path> [data]
  local want="$1"; shift
  local got
  got=$(request "$@")
  [[ "$got" == "$want" ]] || fail "$1 $2 returned $got, expected $want"
  echo "ok: $1 $2 -> $got"
}

expect_status 200 GET /health/live
expect_status 200 GET /health/ready

expect_status 200 GET /api/v1/health
if command -v jq >/dev/null; then
  status=$(jq -r '.status // empty' "$body")
  [[ "$status" =~ ^(UP|up|ok|OK|healthy)$ ]] || fail "/api/v1/health status is '$status'"
  if [[ -n "$expected_version" ]]; then
    version=$(jq -r '.version // empty' "$body")
    [[ "$version" == "$expected_version" ]] || fail "/api/v1/health reports version '$version', expected '$expected_version'"
    echo "ok: version $version"
  fi
fi

# Security headers are on every response.
grep -qi '^strict-transport-security:' "$headers" || fail "no Strict-Transport-Security header"
grep -qi '^x-content-type-options: *nosniff' "$headers" || fail "no X-Content-Type-Options: nosniff header"

# The API answers bad input with a 4xx problem document, never a 5xx or a stack trace.
got=$(request POST /api/v1/auth/login '{"email":"smoke-test@invalid.example","password":"not-a-real-password"}')
[[ "$got" =~ ^4[0-9][0-9]$ ]] || fail "POST /api/v1/auth/login with unknown credentials returned $got, expected 4xx"
grep -qi '^content-type: *application/problem+json' "$headers" || fail "login failure is not application/problem+json"
if grep -q 'at [a-z][a-zA-Z0-9_.]*(' "$body"; then fail "login failure response contains a stack trace"; fi
echo "ok: POST /api/v1/auth/login (unknown user) -> $got problem+json"

# Protected resources need a token.
got=$(request GET /api/v1/me)
[[ "$got" == "401" ]] || fail "GET /api/v1/me without a token returned $got, expected 401"
echo "ok: GET /api/v1/me without token -> 401"

expect_status 200 GET /openapi
# /metrics is for the monitoring side only (the Application Insights agent reads the registry in-process): not checked here.

echo "smoke test passed: $base"
