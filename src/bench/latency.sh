#!/usr/bin/env bash
# The benchmark's latency targets (docs/benchmarks.md, "Latency: a slow panel and the first token"), one request at a
# time, the simulator and the client pinned to one core and Quorum to the other (as in run.sh):
#   panel: a 3-way majority whose members answer after 50, 100 and 200 ms; Quorum's wall time minus 200 ms (target:
#          p50 <= 2 ms), and minus the slowest member called directly in the same moment;
#   ttft:  time to the first token of a streamed single call through Quorum (OpenAI endpoint and native stream: true)
#          against the simulator called directly with the same script (target: p50 overhead <= 1 ms).
#
#   src/bench/latency.sh                       # build, warm up, 3 rounds of each (run.sh calls it after its report)
#   ROUNDS=5 N=200 SKIP_BUILD=1 src/bench/latency.sh ttft
#
# Settings: ROUNDS (3), N (requests per variant and round: 100), WARMUP (s of load before measuring: 40),
# SKIP_BUILD=1 (use target/quorum.jar as it is), QUORUM_JAVA_OPTS (as in run.sh). Needs wrk for the warm-up, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

ROUNDS=${ROUNDS:-3}
N=${N:-100}
WARMUP=${WARMUP:-40}
SIM_PORT=${SIM_PORT:-18389}
QUORUM_PORT=${QUORUM_PORT:-18380}
OUT=${OUT:-$ROOT/target/bench-latency}
PARTS=${*:-panel ttft}
rm -rf "$OUT"; mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "install wrk first" >&2; exit 1; }
PIN_SIM=(); PIN_QUORUM=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then PIN_QUORUM=(taskset -c 0); PIN_SIM=(taskset -c 1); fi

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building"
  mvn -q -B -DskipTests package > "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
fi
CDS=(-Xshare:auto)
[ -f target/quorum.jsa ] && CDS=(-XX:SharedArchiveFile=target/quorum.jsa -Xshare:auto)

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
QUORUM_SIMULATOR_PORT=$SIM_PORT "${PIN_SIM[@]}" java -Xmx256m -cp target/quorum.jar dev.quorum.sim.SimulatorMain > "$OUT/simulator.log" 2>&1 &
PIDS+=($!)
SIM=http://127.0.0.1:$SIM_PORT
QUORUM=http://127.0.0.1:$QUORUM_PORT
for _ in $(seq 1 100); do curl -sf -o /dev/null -X DELETE "$SIM/_sim" && break; sleep 0.1; done

# the README's JVM settings (docs/benchmarks.md, items 28 and 33), a new usage database
QUORUM_DATA_DIR="$OUT/data" "${PIN_QUORUM[@]}" java "${CDS[@]}" -XX:MaxTenuringThreshold=1 \
  ${QUORUM_JAVA_OPTS:--Xms64m -Xmx160m -XX:+UseSerialGC} \
  -Dcamel.server.port="$QUORUM_PORT" -Dcamel.server.host=127.0.0.1 \
  -Dquorum.simulator.enabled=false -Dquorum.ollama.discovery-enabled=false \
  -Dquorum.console.enabled=false -Dcamel.main.routes-reload-enabled=false \
  -Dquorum.provider.openai.api-key=bench -Dquorum.provider.openai.base-url="$SIM/openai/openai/v1" \
  -Dquorum.provider.anthropic.api-key=bench -Dquorum.provider.anthropic.base-url="$SIM/anthropic/anthropic/v1/" \
  -Dquorum.provider.gemini.api-key=bench -Dquorum.provider.gemini.base-url="$SIM/gemini/gemini/v1beta" \
  -jar target/quorum.jar > "$OUT/quorum.log" 2>&1 &
QUORUM_PID=$!
PIDS+=($QUORUM_PID)
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"prompt":"ping","provider":"openai"}' \
    "$QUORUM/api/v1/complete"; do
  kill -0 "$QUORUM_PID" 2>/dev/null || { echo "Quorum died; see $OUT/quorum.log" >&2; exit 1; }
  sleep 0.1
done

script() { curl -sf -X PUT "$SIM/_sim/$1/script" -d "$2"; }
lua() {
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n' "$2" > "$OUT/$1.lua"
}
MESSAGES='[{"role":"user","content":"What is the capital of France?"}]'
lua consensus '{"prompt":"What is the capital of France?","mode":"consensus","algorithm":"majority","providers":["openai","anthropic","gemini"]}'
lua native-stream '{"prompt":"What is the capital of France?","provider":"openai","stream":true}'
lua openai-stream "{\"model\":\"openai\",\"messages\":$MESSAGES,\"stream\":true}"

# warm-up with answers at once, so the JIT has compiled the paths before the slow members are measured
for id in openai anthropic gemini; do script "$id" '{"defaultAnswer":"The capital of France is Paris."}'; done
echo "== warm-up: ${WARMUP}s over the consensus and both streaming paths"
for part in consensus:/api/v1/complete native-stream:/api/v1/complete openai-stream:/v1/chat/completions; do
  "${PIN_SIM[@]}" wrk -t1 -c4 -d"$(( WARMUP / 3 ))s" -s "$OUT/${part%%:*}.lua" "$QUORUM${part#*:}" > /dev/null
done

for part in $PARTS; do
  case "$part" in
    panel)
      script openai '{"defaultAnswer":"The capital of France is Paris.","latencyMs":50}'
      script anthropic '{"defaultAnswer":"The capital of France is Paris.","latencyMs":100}'
      script gemini '{"defaultAnswer":"The capital of France is Paris.","latencyMs":200}'
      ;;
    ttft)
      # the first piece at once, the next ones 20 ms apart: a first token held back until more text arrives (a
      # buffered writer, a flush that waits) would show as 20 ms
      script openai '{"defaultAnswer":"The capital of France is Paris, on the Seine.","streamChunkDelayMs":20}'
      ;;
    *) echo "unknown part $part (panel, ttft)" >&2; exit 2 ;;
  esac
  echo "== $part: $ROUNDS rounds of $N requests per variant, one at a time"
  "${PIN_SIM[@]}" python3 src/bench/latency.py "$part" "$QUORUM" "$SIM" "$ROUNDS" "$N" | tee "$OUT/$part.txt"
done
