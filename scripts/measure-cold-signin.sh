#!/usr/bin/env bash
# The staff sign-ins a cold node meets (docs/load.md "Cold sign-ins"): the production jar with the
# embedded defaults and the demo users, restarted on its data directory (no seeding, so no bcrypt
# ran before), then N users sign in at the same moment as the load test's reviewers do: the login
# page (its CSRF token), the form's POST, and the page the POST redirects to.
# Usage: scripts/measure-cold-signin.sh [-n sign-ins] [-p port] [-d data-dir] JAR [JVM option ...]
#   e.g. scripts/measure-cold-signin.sh target/review-desk-0.1.0-SNAPSHOT.jar -Xmx768m \
#          -XX:StartFlightRecording=filename=signin.jfr,settings=profile
# Prints the start's wall and CPU time to ready, each sign-in's three times (ms), and the CPU the
# JVM spent on the sign-ins.
set -euo pipefail
n=10; port=18084; data=""
while getopts "n:p:d:" opt; do
  case $opt in n) n=$OPTARG ;; p) port=$OPTARG ;; d) data=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
jar=$(realpath "$1"); shift
[ -n "$data" ] || data=$(mktemp -d)
mkdir -p "$data"; data=$(realpath "$data")
base="http://127.0.0.1:$port"
users=(admin reviewer reviewer2 supervisor hotline window handler)
ticks=$(getconf CLK_TCK)
cpu_of() { awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$1/stat"; }

start_node() {
  (cd "$data" && REVIEWDESK_DEMO_DATA=true REVIEWDESK_PORT="$port" SERVER_ADDRESS=127.0.0.1 \
      exec java "$@" -jar "$jar" >> "$data/node.log" 2>&1) &
  pid=$!
  started=$(date +%s%N)
  until curl -sf -o /dev/null "$base/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "the application stopped, see $data/node.log"; tail -20 "$data/node.log"; exit 1; }
    sleep 0.1
  done
}

if [ ! -d "$data/data" ]; then
  # the first start seeds the demo users (hashing their passwords): not the start measured
  start_node -Xmx768m
  kill "$pid"; wait "$pid" 2>/dev/null || true
fi
start_node "$@"
ready_ms=$((($(date +%s%N) - started) / 1000000))
cpu_ready=$(cpu_of "$pid")
printf 'ready after %d ms, %d.%02d s CPU\n' "$ready_ms" $((cpu_ready / ticks)) $((cpu_ready % ticks * 100 / ticks))

sign_in() {
  local user=$1 jar="$data/cookies-$2" page post next csrf
  rm -f "$jar"
  page=$(curl -s -c "$jar" -o "$data/login-$2.html" -w '%{time_total}' "$base/login")
  csrf=$(grep -o '<meta name="_csrf" content="[^"]*"' "$data/login-$2.html" | sed 's/.*content="//; s/"$//')
  post=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{time_total} %{http_code} %{redirect_url}' \
      --data-urlencode "username=$user" --data-urlencode "password=ReviewDesk2026" --data-urlencode "_csrf=$csrf" "$base/login")
  set -- $post
  next=$(curl -s -b "$jar" -o /dev/null -w '%{time_total} %{http_code}' "$3")
  printf '%-10s login page %5.0f ms  POST %5.0f ms (%s -> %s)  next page %5.0f ms (%s)\n' "$user" \
      "$(echo "$page * 1000" | bc)" "$(echo "$1 * 1000" | bc)" "$2" "${3#$base}" "$(echo "${next% *} * 1000" | bc)" "${next#* }"
}
signers=()
for i in $(seq "$n"); do
  sign_in "${users[$(( (i - 1) % ${#users[@]} ))]}" "$i" &
  signers+=($!)
done
wait "${signers[@]}"
cpu_done=$(cpu_of "$pid")
printf 'CPU of the node for the %d sign-ins: %d ms\n' "$n" $(((cpu_done - cpu_ready) * 1000 / ticks))
kill "$pid"; wait "$pid" 2>/dev/null || true
