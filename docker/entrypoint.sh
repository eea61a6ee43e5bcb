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

# Liberty's security service encrypts its LTPA keys with ltpa_keys_password (else keystore_password); with neither
# it fails (CWWKS4118E) and refuses every token while the rest looks healthy. The Maven plugin writes both into the
# build server's server.env, the image has no server.env: generate them per start unless the platform sets them
# (App Service settings). Our tokens are our own JWTs, so fresh keys each start lose nothing; keys left by an earlier
# start of this container were encrypted with the old password and are removed so that Liberty makes new ones.
SECURITY_DIR="${WLP_OUTPUT_DIR:-/opt/ol/wlp/output}/${SERVER_NAME:-defaultServer}/resources/security"
if [[ -z "${ltpa_keys_password:-}" ]]; then
  ltpa_keys_password="$(head -c 32 /dev/urandom | base64)"
  export ltpa_keys_password
  rm -f "${SECURITY_DIR}/ltpa.keys"
fi
if [[ -z "${keystore_password:-}" ]]; then
  keystore_password="$(head -c 32 /dev/urandom | base64)"
  export keystore_password
  rm -f "${SECURITY_DIR}/key.p12"
fi

exec "${LIBERTY_ENTRYPOINT}" "$@"
