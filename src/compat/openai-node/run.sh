#!/usr/bin/env bash
# Runs the official OpenAI Node SDK check (check.mjs) against the packaged Quorum: starts target/quorum.jar on port
# 18280 with its simulator on 18289 (whose admin API the check reads to see what providers received), installs the
# SDK with npm, runs the check and stops Quorum. .ci/run calls it after the smoke test; needs Node.js 18+ and npm.
set -euo pipefail
cd "$(dirname "$0")"

PORT=${OPENAI_NODE_PORT:-18280}
SIM_PORT=$((PORT + 9))
WORK=$(mktemp -d)
PID=""
stop() {
  [ -n "$PID" ] || return 0
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}
trap stop EXIT

QUORUM_PORT=$PORT QUORUM_HOST=127.0.0.1 QUORUM_CONSOLE_PORT=$((PORT + 1)) QUORUM_DATA_DIR="$WORK/data" \
  java -Dquorum.simulator.port=$SIM_PORT -Dquorum.file.enabled=false -jar ../../../target/quorum.jar > "$WORK/quorum.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/observe/health/live" && break
  kill -0 "$PID" 2>/dev/null || { echo "openai-node: Quorum did not start:"; tail -40 "$WORK/quorum.log"; exit 1; }
  sleep 1
done

npm install --no-audit --no-fund --silent
QUORUM_URL="http://127.0.0.1:$PORT/v1" QUORUM_SIM_URL="http://127.0.0.1:$SIM_PORT" node check.mjs \
  || { echo "openai-node: the check failed; Quorum's log:"; tail -40 "$WORK/quorum.log"; exit 1; }
