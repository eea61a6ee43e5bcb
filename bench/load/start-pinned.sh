# Sourced by the benchmarks that launch a server of their own (api-load.sh, platform-floor.sh).
# start_pinned <wlp> <server name> <cpus> <port>: starts the server on <cpus>, waits for /health/ready
# (READY_TIMEOUT, 600 s) and pins every JVM thread to <cpus> (a thread started before the pinning keeps its own
# mask). Sets READY (seconds from launch), CPU_AT_READY (the JVM's CPU seconds by then) and PID.
start_pinned() {
  local wlp=$1 name=$2 cpus=$3 port=$4 started
  started=$(date +%s.%N)
  taskset -c "$cpus" "$wlp/bin/server" start "$name" >/dev/null
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    sleep 0.1
    if (( $(date +%s) - ${started%.*} > ${READY_TIMEOUT:-600} )); then
      echo "not ready after ${READY_TIMEOUT:-600} s" >&2
      return 1
    fi
  done
  READY=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  PID=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  CPU_AT_READY=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$PID/stat")
  taskset -a -p -c "$cpus" "$PID" >/dev/null
}
