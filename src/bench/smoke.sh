#!/usr/bin/env bash
# Smoke test of the README's run command: the test suite runs on the test classpath, the app on the runtime one, so
# a component only the tests bring along (seda, timer, ...) passes every test and still breaks the run. This starts
# `mvn -q compile exec:exec` on port 18180 (console 18181) with its own ledger folder, asks a single, a consensus and an OpenAI-style
# request, checks each answers 200 with an answer, and stops it. Then it does the same for the packaged jar started
# with its class-data-sharing archive (README, "Run the packaged jar"), with -Xshare:on so an archive the JVM cannot
# use fails here. Last, the packaged jar started from an empty folder: no application.properties, no routes/, so it
# runs on the copies the jar carries. .ci/run calls it after the test suite (mvn verify built the jar and the archive).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/readme-command.sh

PORT=${SMOKE_PORT:-18180}
WORK=$(mktemp -d)
PID=""
stop() {
  [ -n "$PID" ] || return 0
  local children
  children=$(pgrep -P "$PID" || true)
  kill $children "$PID" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 $children "$PID" 2>/dev/null || break
    sleep 0.5
  done
  wait "$PID" 2>/dev/null || true
  PID=""
}
trap stop EXIT

# smoke <name> <command...>: starts Quorum with the command, asks the three requests, stops it
smoke() {
  local name=$1 log="$WORK/$1.log"
  shift
  QUORUM_PORT=$PORT QUORUM_HOST=127.0.0.1 QUORUM_CONSOLE_PORT=$((PORT + 1)) QUORUM_DATA_DIR="$WORK/$name-data" \
    "$@" > "$log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/observe/health/live" && break
    kill -0 "$PID" 2>/dev/null || { echo "smoke ($name): Quorum did not start:"; tail -40 "$log"; exit 1; }
    sleep 1
  done
  ask "$name" single /api/v1/complete '{"prompt":"What is the capital of France?"}' answer
  ask "$name" consensus /api/v1/consensus '{"prompt":"What is the capital of France?","algorithm":"majority"}' agreement
  ask "$name" openai /v1/chat/completions '{"model":"quorum/route","messages":[{"role":"user","content":"What is the capital of France?"}]}' choices
  stop
}

ask() {
  local run=$1 name=$2 path=$3 body=$4 field=$5 out status
  out="$WORK/$run-$name.json"
  status=$(curl -s -o "$out" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT$path")
  if [ "$status" != 200 ] || ! grep -q "\"$field\"" "$out"; then
    echo "smoke ($run): $name answered HTTP $status: $(head -c 400 "$out")"; tail -40 "$WORK/$run.log"; exit 1
  fi
  echo "smoke ($run): $name ok"
}

smoke run-command mvn -q -B compile exec:exec
# the README's command itself (readme-command.sh), with -Xshare:on added
smoke packaged bash -c "${README_RUN/java /java -Xshare:on }"
# the jar outside the project folder, as a user who only has it: the jar's own settings and routes
ELSEWHERE=$(mktemp -d)
smoke packaged-elsewhere bash -c "cd '$ELSEWHERE' && exec java -jar '$PWD/target/quorum.jar'"
grep -q "Settings: the jar's application.properties" "$WORK/packaged-elsewhere.log" \
  || { echo "smoke (packaged-elsewhere): did not say it runs on the jar's settings"; exit 1; }
rm -rf "$ELSEWHERE"
