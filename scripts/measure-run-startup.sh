#!/usr/bin/env bash
# Wall and CPU time from a start command to /actuator/health/readiness UP, for the developer's start
# (`mvn spring-boot:run`, ./run): the CPU seconds of every process the command started (Maven, its
# forked JVM, the application), counted when readiness answers, so a loaded machine still gives a
# comparable figure. Run from the project folder:
#   scripts/measure-run-startup.sh [-n runs] [-p port] COMMAND [ARG ...]
#   e.g. scripts/measure-run-startup.sh -n 3 -p 18184 ./run --server.port=18184
# The command must start the application on the port given with -p (default 8080).
set -euo pipefail
runs=1; port=8080
while getopts "n:p:" opt; do
  case $opt in n) runs=$OPTARG ;; p) port=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
ticks=$(getconf CLK_TCK)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# CPU ticks (user + system, own and waited-for children) of every process in the session
session_ticks() {
  local total=0 pid
  for pid in $(ps -o pid= -s "$1" 2>/dev/null); do
    # fields after the command's closing parenthesis: utime stime cutime cstime are 12-15 there
    total=$((total + $(awk '{sub(/.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  setsid "$@" > "$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "run $i: the command ended, see its output:"; tail -30 "$log"; exit 1; }
    sleep 0.2
  done
  ready_ms=$((($(date +%s%N) - start) / 1000000))
  cpu=$(session_ticks "$pid")
  kill -TERM -- -"$pid"; wait "$pid" 2>/dev/null || true
  # the application's JVM may outlive Maven for its graceful shutdown: wait for the port to close
  while curl -s -o /dev/null "http://127.0.0.1:$port/actuator/health/liveness"; do sleep 0.5; done
  printf 'run %d: ready after %d.%01d s wall, %d.%02d s CPU (user + system)\n' "$i" \
    $((ready_ms / 1000)) $((ready_ms % 1000 / 100)) $((cpu / ticks)) $((cpu % ticks * 100 / ticks))
done
