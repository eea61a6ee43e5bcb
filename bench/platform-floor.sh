#!/usr/bin/env bash
# The platform floor (issue 12): what Liberty itself costs on this machine, with nothing of the product's work.
# A WAR with no database (bench/floor: a signed-in get and a validated create of a customer made up on the spot)
# runs on the product's packaged Liberty, with the product's features (the <featureManager> of
# liberty-config/server.xml), HTTP, executor, logging and MicroProfile JWT settings and its jvm.options, pinned
# and loaded exactly like bench/api-load.sh. It prints launch -> ready, the product harness's table for get and
# post, the classes loaded and the resident memory after the load: the ceiling any request of the product can
# reach here, and the floor of its start-up and memory.
#
#   mvn -B -ntp -DskipTests package && bench/platform-floor.sh [port]
#
# env: SERVER_CPUS (0), LOAD_CPUS (1), WARMUP (10), DURATION (30), SCENARIOS (get,post), PASSES (3: the last one is
# the warm figure), KEEP=1 leaves it running.
# Needs taskset, curl, wrk, openssl, python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${1:-9290}
WORK=${FLOOR_WORK:-/tmp/mechanics-floor}
SERVER_CPUS=${SERVER_CPUS-0}
export WRK_CPUS=${LOAD_CPUS-1} WARMUP=${WARMUP:-10} DURATION=${DURATION:-30}
WLP=$ROOT/ear/target/liberty/wlp
PACKAGED=$WLP/usr/servers/mechanics
[ -f "$PACKAGED/server.env" ] || { echo "build first: mvn -B -ntp -DskipTests package" >&2; exit 1; }
for tool in taskset curl wrk openssl python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
mvn -B -q -ntp -f "$ROOT/bench/floor/pom.xml" package

rm -rf "$WORK"
SERVER=$WORK/usr/servers/floor
mkdir -p "$SERVER/apps"
cp "$ROOT/bench/floor/target/floor.war" "$SERVER/apps/"
cp "$PACKAGED/jvm.options" "$PACKAGED/bootstrap.properties" "$SERVER/"
# the packaged keystore and LTPA passwords (MicroProfile JWT brings Liberty's SSL and LTPA along), this port
grep -E '^(keystore_password|ltpa_keys_password)=' "$PACKAGED/server.env" >"$SERVER/server.env"
echo "PORT=$PORT" >>"$SERVER/server.env"

# the token: ES256 like the product's (AccessTokens), signed here with openssl
openssl ecparam -name prime256v1 -genkey -noout -out "$WORK/jwt.key" 2>/dev/null
openssl ec -in "$WORK/jwt.key" -pubout -out "$SERVER/jwt-public.pem" 2>/dev/null
TOKEN=$(python3 - "$WORK/jwt.key" <<'PY'
import base64, json, subprocess, sys, time, uuid
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
now = int(time.time())
head = b64(json.dumps({"alg": "ES256", "typ": "JWT"}).encode())
body = b64(json.dumps({"iss": "floor", "aud": "floor", "sub": str(uuid.uuid4()), "upn": "floor",
                       "groups": [], "iat": now, "exp": now + 7200, "jti": str(uuid.uuid4())}).encode())
der = subprocess.run(["openssl", "dgst", "-sha256", "-sign", sys.argv[1]], input=f"{head}.{body}".encode(),
                     capture_output=True, check=True).stdout
# DER SEQUENCE of two INTEGERs -> the 64 bytes r || s that JWS wants
i = 4 if der[1] & 0x80 else 2
def integer(at):
    n = der[at + 1]
    return der[at + 2:at + 2 + n].lstrip(b"\0").rjust(32, b"\0"), at + 2 + n
r, i = integer(i)
s, _ = integer(i)
print(f"{head}.{body}.{b64(r + s)}")
PY
)

# the product's own elements, taken from its server.xml so the two cannot drift apart: features, variables, HTTP,
# executor, web container, logging, metrics, MicroProfile JWT, CDI and the configuration and application monitors
python3 - "$ROOT/liberty-config/server.xml" >"$SERVER/server.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
KEEP = {"featureManager", "variable", "httpEndpoint", "executor", "webContainer", "logging", "mpMetrics", "mpJwt",
        "cdi", "config", "applicationMonitor"}
product = ET.parse(sys.argv[1]).getroot()
floor = ET.Element("server", description="platform floor: the product's settings, the floor WAR")
floor.extend(e for e in product if e.tag in KEEP)
ET.SubElement(floor, "webApplication", id="floor", location="floor.war", contextRoot="/")
ET.indent(floor)
print(ET.tostring(floor, encoding="unicode"))
PY
# the verification key and claims as system properties: MicroProfile Config's own source, no code in the WAR
cat >>"$SERVER/jvm.options" <<EOF
-Dmp.jwt.verify.publickey.location=$SERVER/jwt-public.pem
-Dmp.jwt.verify.publickey.algorithm=ES256
-Dmp.jwt.verify.issuer=floor
-Dmp.jwt.verify.audiences=floor
EOF

export WLP_USER_DIR=$WORK/usr MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
stop() { [ "${KEEP:-0}" = 1 ] || "$WLP/bin/server" stop floor >/dev/null 2>&1 || true; }
trap stop EXIT
. "$ROOT/bench/load/start-pinned.sh"
start_pinned "$WLP" floor "$SERVER_CPUS" "$PORT"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/api/v1/customers/$(python3 -c 'import uuid; print(uuid.uuid4())')")
[ "$status" = 200 ] || { echo "the signed-in get answered $status, not 200 (see $SERVER/logs/messages.log)" >&2; exit 1; }
unsigned=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/customers/$(python3 -c 'import uuid; print(uuid.uuid4())')")
[ "$unsigned" = 401 ] || { echo "a get without a token answered $unsigned, not 401" >&2; exit 1; }

python3 -c 'import uuid; [print(uuid.uuid4()) for _ in range(10000)]' >"$WORK/ids.txt"
cat >"$WORK/target.env" <<EOF
LABEL=floor
BASE_URL=http://127.0.0.1:$PORT
PID=$PID
AUTH="Bearer $TOKEN"
ID_FILE=$WORK/ids.txt
GET_PATH='/api/v1/customers/{id}'
POST_PATH='/api/v1/customers'
POST_BODY='{"firstName":"Bench{rand}","lastName":"Bench{rand}"}'
EOF
# the product's figures are taken after warm passes (issue 12); so are these: each pass prints its table
for pass in $(seq 1 "${PASSES:-3}"); do
  echo "pass $pass of ${PASSES:-3}" >&2
  WORK=$WORK "$ROOT/bench/load/run" -s "${SCENARIOS:-get,post}" "$WORK/target.env"
done
classes=$(jcmd "$PID" VM.classloader_stats 2>/dev/null | awk '/^Total =/ && !n {print $4; n = 1}' || true)
echo "platform floor: ready ${READY} s from launch (${CPU_AT_READY} s of CPU), ${classes:-?} classes loaded," \
  "RSS after the runs $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$PID/status")"
