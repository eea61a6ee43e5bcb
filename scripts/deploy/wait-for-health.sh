#!/bin/bash
# Waits until a URL answers 200 (default: up to 600 s), printing each attempt.
# Usage: wait-for-health.sh <url> [timeout-seconds] [interval-seconds]
# Used by the pipeline after deploying to the staging slot and after a swap; also handy by hand.
# FRONT_DOOR_ID, when set, is sent as X-Azure-FDID: a direct call to the staging slot then looks like one that came
# through the estate's Front Door (the app refuses other requests).
set -euo pipefail

url="${1:?usage: wait-for-health.sh <url> [timeout-seconds] [interval-seconds]}"
timeout="${2:-600}"
interval="${3:-10}"
deadline=$(( $(date +%s) + timeout ))

while :; do
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 ${FRONT_DOOR_ID:+-H "X-Azure-FDID: ${FRONT_DOOR_ID}"} "$url" || true)
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
