#!/usr/bin/env bash
# Smoke test of the README's run command: the test suite runs on the test classpath, the app on the runtime one, so
# a component only the tests bring along (seda, timer, ...) passes every test and still breaks the run. This starts
# `mvn -q compile exec:exec` on port 18180 (console 18181) with its own ledger folder, asks a single, a consensus and an OpenAI-style
# request, checks each answers 200 with an answer, and stops it. .ci/run calls it after the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${SMOKE_PORT:-18180}
WORK=$(mktemp -d)
LOG="$WORK/quorum.log"
QUORUM_PORT=$PORT QUORUM_HOST=127.0.0.1 QUORUM_CONSOLE_PORT=$((PORT + 1)) QUORUM_DATA_DIR="$WORK/data" \
  mvn -q -B compile exec:exec > "$LOG" 2>&1 &
PID=$!
stop() {
  local children
  children=$(pgrep -P "$PID" || true)
  kill $children "$PID" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 $children 2>/dev/null || break
    sleep 0.5
  done
  wait "$PID" 2>/dev/null || true
}
trap stop EXIT

for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/observe/health/live" && break
  kill -0 "$PID" 2>/dev/null || { echo "smoke: Quorum did not start:"; tail -40 "$LOG"; exit 1; }
  sleep 1
done

ask() {
  local name=$1 path=$2 body=$3 field=$4 out status
  out="$WORK/$name.json"
  status=$(curl -s -o "$out" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$PORT$path")
  if [ "$status" != 200 ] || ! grep -q "\"$field\"" "$out"; then
    echo "smoke: $name answered HTTP $status: $(head -c 400 "$out")"; tail -40 "$LOG"; exit 1
  fi
  echo "smoke: $name ok"
}
ask single /api/v1/complete '{"prompt":"What is the capital of France?"}' answer
ask consensus /api/v1/consensus '{"prompt":"What is the capital of France?","algorithm":"majority"}' agreement
ask openai /v1/chat/completions '{"model":"quorum/route","messages":[{"role":"user","content":"What is the capital of France?"}]}' choices
