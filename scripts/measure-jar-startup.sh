#!/usr/bin/env bash
# Start-to-ready time and idle RSS of the production jar, as docs/deployment.md runs it: `java -jar`
# in an empty folder, embedded defaults (H2, embedded S3 store), median of N runs.
# Usage: scripts/measure-jar-startup.sh [-n runs] [-i idle-seconds] [-p port] JAR [JVM option ...]
#   e.g. scripts/measure-jar-startup.sh -n 5 target/review-desk-0.1.0-SNAPSHOT.jar -Xmx384m -XX:+UseSerialGC
# -i 0 stops each run as soon as it is ready (for timing the start alone).
set -euo pipefail
runs=5; idle=30; port=18083
while getopts "n:i:p:" opt; do
  case $opt in n) runs=$OPTARG ;; i) idle=$OPTARG ;; p) port=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
jar=$(realpath "$1"); shift
# The JVM runs in an empty folder: a relative archive path would not be found there, and a JVM that
# finds no archive starts silently without it (the figure then measures no class-data sharing).
opts=()
for opt in "$@"; do
  case $opt in
    -XX:SharedArchiveFile=/*) opts+=("$opt") ;;
    -XX:SharedArchiveFile=*) opts+=("-XX:SharedArchiveFile=$(realpath "${opt#*=}")") ;;
    *) opts+=("$opt") ;;
  esac
done
set -- "${opts[@]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
times=(); rsss=(); cpus=(); ticks=$(getconf CLK_TCK)
for i in $(seq "$runs"); do
  rm -rf "${work:?}"/*
  start=$(date +%s%N)
  (cd "$work" && exec java "$@" -jar "$jar" --server.port="$port" > "$work/run-$i.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "run $i: the application stopped, see its log:"; tail -20 "$work/run-$i.log"; exit 1; }
    sleep 0.1
  done
  ready_ms=$((($(date +%s%N) - start) / 1000000))
  # user + system CPU of the JVM up to ready: the figure that holds on a loaded machine
  cpu=$(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$pid/stat")
  rss=0
  if [ "$idle" -gt 0 ]; then
    sleep "$idle"
    rss=$(($(ps -o rss= -p "$pid") / 1024))
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  times+=("$ready_ms"); rsss+=("$rss"); cpus+=("$cpu")
  printf 'run %d: ready after %d.%01d s (%d.%02d s CPU), RSS %d MiB %d s later\n' "$i" $((ready_ms / 1000)) $((ready_ms % 1000 / 100)) \
    $((cpu / ticks)) $((cpu % ticks * 100 / ticks)) "$rss" "$idle"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
m=$(median "${times[@]}")
c=$(median "${cpus[@]}")
printf 'median of %d: ready after %d.%01d s (%d.%02d s CPU), idle RSS %d MiB\n' "$runs" $((m / 1000)) $((m % 1000 / 100)) \
  $((c / ticks)) $((c % ticks * 100 / ticks)) "$(median "${rsss[@]}")"
