#!/usr/bin/env bash
# Start-to-ready time and idle RSS of the README's run command, median of N runs.
# Usage: scripts/measure-startup.sh [runs] [port]   (from the project root, after one build)
set -euo pipefail
runs=${1:-3}; port=${2:-18081}
data=$(mktemp -d)
for i in $(seq "$runs"); do
  rm -rf "$data"/*
  start=$(date +%s.%N)
  REVIEWDESK_PORT=$port REVIEWDESK_DATA_DIR=$data mvn -o -q spring-boot:run > "$data/run.log" 2>&1 &
  mvn_pid=$!
  until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.5; done
  ready=$(date +%s.%N)
  sleep 20
  app_pid=$(pgrep -f "org.reviewdesk.ReviewDeskApplication" | head -1)
  rss=$(ps -o rss= -p "$app_pid")
  printf 'run %d: ready after %.1f s, idle RSS %d MiB\n' "$i" "$(echo "$ready - $start" | bc)" $((rss / 1024))
  kill "$app_pid"; wait "$mvn_pid" 2>/dev/null || true
done
rm -rf "$data"
