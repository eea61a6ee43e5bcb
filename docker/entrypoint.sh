#!/bin/bash
# Container entrypoint: starts Liberty exactly as the Open Liberty base image does, and adds the
# Application Insights Java agent to the JVM only when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
# Without it (local runs, docker compose, CI) the agent is not loaded at all: no export attempts,
# no start-up cost. Liberty's server script appends $JVM_ARGS to the java command line.
set -euo pipefail

AGENT_JAR="${APPLICATIONINSIGHTS_AGENT_JAR:-/opt/mechanics/agent/applicationinsights-agent.jar}"
LIBERTY_ENTRYPOINT="${LIBERTY_ENTRYPOINT:-/opt/ol/helpers/runtime/docker-server.sh}"

if [[ -n "${APPLICATIONINSIGHTS_CONNECTION_STRING:-}" ]]; then
  if [[ ! -r "${AGENT_JAR}" ]]; then
    echo "entrypoint: APPLICATIONINSIGHTS_CONNECTION_STRING is set but ${AGENT_JAR} is missing" >&2
    exit 1
  fi
  export JVM_ARGS="${JVM_ARGS:+${JVM_ARGS} }-javaagent:${AGENT_JAR}"
  echo "entrypoint: Application Insights agent enabled"
else
  echo "entrypoint: APPLICATIONINSIGHTS_CONNECTION_STRING not set, Application Insights agent disabled"
fi

exec "${LIBERTY_ENTRYPOINT}" "$@"
