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
# Settings: ROUNDS (3), N (requests per variant and round: 100), WARMUP (s of load before measuring: 80),
# WARMUP_SHAPE (late; instant: answers at once only, as before item 37),
# SKIP_BUILD=1 (use target/quorum.jar as it is), QUORUM_JAVA_OPTS (as in run.sh). Needs wrk for the warm-up, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. src/bench/readme-command.sh

ROUNDS=${ROUNDS:-3}
N=${N:-100}
WARMUP=${WARMUP:-80}
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

# the README's JVM settings (readme-command.sh; docs/benchmarks.md, items 28, 33, 37 and 38), a new usage database
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$README_MALLOC_ARENA_MAX} QUORUM_DATA_DIR="$OUT/data" "${PIN_QUORUM[@]}" java "${CDS[@]}" \
  -XX:MaxTenuringThreshold=1 ${QUORUM_JAVA_OPTS:-$README_JVM_OPTS} \
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

# Warm-up, in two halves. Answers at once first, so the JIT compiles the request paths; then answers that come late,
# but only a few milliseconds late (members after 1, 2 and 4 ms, the single member after 4 ms, stream pieces 1 ms
# apart), so the paths a slow answer takes (a panel whose members arrive one by one, a reply written after the worker
# waited, a stream's pieces arriving apart) run thousands of times and are compiled too. Measured one at a time with
# members 200 ms late, Quorum sees five requests a second: code only a slow answer runs would stay interpreted for
# the whole measurement, which a gateway serving real providers all day never is (docs/benchmarks.md, item 37).
# WARMUP_SHAPE=instant keeps the first half only (the warm-up before item 37), to compare.
WARMUP_SHAPE=${WARMUP_SHAPE:-late}
warm() { # SECONDS CONNECTIONS PART... (at least 1 s each: wrk refuses -d0s, which a WARMUP under 16 s gave)
  local seconds=$(( $1 > 0 ? $1 : 1 )) connections=$2; shift 2
  for part in "$@"; do
    "${PIN_SIM[@]}" wrk -t1 -c"$connections" -d"${seconds}s" -s "$OUT/${part%%:*}.lua" "$QUORUM${part#*:}" > /dev/null
  done
}
lua alone '{"prompt":"What is the capital of France?","provider":"gemini"}'
for id in openai anthropic gemini; do script "$id" '{"defaultAnswer":"The capital of France is Paris."}'; done
HALF=$(( WARMUP / 2 ))
[ "$WARMUP_SHAPE" = instant ] && HALF=$WARMUP
echo "== warm-up: ${WARMUP}s over the consensus, single and both streaming paths ($WARMUP_SHAPE)"
warm "$(( HALF / 4 ))" 4 consensus:/api/v1/complete alone:/api/v1/complete native-stream:/api/v1/complete \
  openai-stream:/v1/chat/completions
if [ "$WARMUP_SHAPE" != instant ]; then
  LATE=$(( (WARMUP - HALF) / 4 ))
  script openai '{"defaultAnswer":"The capital of France is Paris.","latencyMs":1}'
  script anthropic '{"defaultAnswer":"The capital of France is Paris.","latencyMs":2}'
  script gemini '{"defaultAnswer":"The capital of France is Paris.","latencyMs":4}'
  warm "$(( LATE * 2 ))" 8 consensus:/api/v1/complete
  warm "$LATE" 4 alone:/api/v1/complete
  script openai '{"defaultAnswer":"The capital of France is Paris, on the Seine.","streamChunkDelayMs":1}'
  warm "$(( LATE / 2 ))" 4 native-stream:/api/v1/complete openai-stream:/v1/chat/completions
fi

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
