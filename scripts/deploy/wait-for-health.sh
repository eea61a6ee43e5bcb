#!/bin/bash
# Waits until a URL answers 200 (default: up to 600 s), printing each attempt.
# Usage: wait-for-health.sh <url> [timeout-seconds] [interval-seconds]
# Used by the pipeline after deploying to the staging slot and after a swap; also handy by hand.
set -euo pipefail

url="${1:?usage: wait-for-health.sh <url> [timeout-seconds] [interval-seconds]}"
timeout="${2:-600}"
interval="${3:-10}"
deadline=$(( $(date +%s) + timeout ))

while :; do
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)
  if [[ "$status" == "200" ]]; then
    echo "healthy: $url"
    exit 0
  fi
  if (( $(date +%s) >= deadline )); then
    echo "not healthy after ${timeout}s (last status ${status:-none}): $url" >&2
    exit 1
  fi
  echo "waiting for $url (status ${status:-none})"
  sleep "$interval"
done
