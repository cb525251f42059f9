#!/usr/bin/env bash
# Quorum's rerunnable benchmark: the provider simulator and Quorum each run as their own process (pinned to different
# cores where taskset exists), wrk drives load over loopback, and the figures (requests/s, latency p50/p99, overhead
# against calling the simulator directly, Quorum CPU time per request from /proc, RSS) go to docs/benchmarks.md.
#
#   src/bench/run.sh                 # every scenario, 3 runs of 10 s each, concurrency 1 and 32
#   RUNS=1 DURATION=5 src/bench/run.sh single   # a quick look at one scenario
#
# Needs: Java 17, Maven, wrk (installed with apt-get when missing and running as root), python3 for the report.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. src/bench/readme-command.sh

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}
SIM_PORT=${SIM_PORT:-18089}
QUORUM_PORT=${QUORUM_PORT:-18080}
OUT=${OUT:-$ROOT/target/bench}
SCENARIOS=${*:-baseline single fallback consensus-majority consensus-semantic}
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.json "$OUT"/*.lua
# a new usage database and file-drop folders for every run, as a fresh install has (the ledger keeps a row per call,
# and a database grown over earlier runs made both the start and the writes slower)
rm -rf "$OUT/data"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else echo "install wrk first" >&2; exit 1; fi
fi
PIN_SIM=(); PIN_QUORUM=(); PIN_LOAD=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  PIN_QUORUM=(taskset -c 0); PIN_SIM=(taskset -c 1); PIN_LOAD=(taskset -c 1)
fi

echo "== building (target/quorum.jar, its libraries and its class-data-sharing archive, as a deployment would run it)"
mvn -q -B -DskipTests package > "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }

cleanup() { [ -n "${QUORUM_PID:-}" ] && kill "$QUORUM_PID" 2>/dev/null; [ -n "${SIM_PID:-}" ] && kill "$SIM_PID" 2>/dev/null; true; }
trap cleanup EXIT

echo "== simulator on :$SIM_PORT"
QUORUM_SIMULATOR_PORT=$SIM_PORT "${PIN_SIM[@]}" java -Xmx256m -cp target/quorum.jar dev.quorum.sim.SimulatorMain > "$OUT/simulator.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null -X DELETE "http://127.0.0.1:$SIM_PORT/_sim" && break; sleep 0.1; done

SIM="http://127.0.0.1:$SIM_PORT"
# the same semantic answer in other words, for the semantic vote
curl -sf -X PUT "$SIM/_sim/openai/script" -d '{"defaultAnswer":"The capital of France is Paris."}'
curl -sf -X PUT "$SIM/_sim/anthropic/script" -d '{"defaultAnswer":"Paris is the capital city of France."}'
curl -sf -X PUT "$SIM/_sim/gemini/script" -d '{"defaultAnswer":"The capital of France is Paris."}'
curl -sf -X PUT "$SIM/_sim/mistral/script" -d '{"errorRate":1.0,"errorStatus":500}'

echo "== quorum on :$QUORUM_PORT"
# fallback scenario: task "simple" routes to mistral first (always 500) and falls back to openai. Mistral's breaker
# gets a window too large to fill and no retries, so every request really calls mistral, fails, then calls openai
# (with the defaults the breaker would open after five failures and mistral would not be called at all).
API="http://127.0.0.1:$QUORUM_PORT/api/v1/complete"
# starts Quorum (a new usage database each time) and waits for its first answer; sets QUORUM_PID and FIRST_MS.
# arguments: the JVM's class-data-sharing options (the archive mvn package wrote, or -Xshare:auto for none)
start_quorum() {
  rm -rf "$OUT/data"
  local started
  started=$(date +%s%N)
  # the JVM and memory settings of the README's command (readme-command.sh; docs/benchmarks.md, items 28, 33, 37, 38);
  # QUORUM_JAVA_OPTS replaces them except -XX:MaxTenuringThreshold=1 (QUORUM_JAVA_OPTS=' ' for the JVM's defaults)
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$README_MALLOC_ARENA_MAX} QUORUM_DATA_DIR="$OUT/data" "${PIN_QUORUM[@]}" java "$@" -XX:MaxTenuringThreshold=1 ${QUORUM_JAVA_OPTS:-$README_JVM_OPTS} \
    -Dcamel.server.port="$QUORUM_PORT" -Dcamel.server.host=127.0.0.1 \
    -Dquorum.simulator.enabled=false -Dquorum.ollama.discovery-enabled=false \
    -Dquorum.console.enabled=false -Dcamel.main.routes-reload-enabled=false \
    -Dquorum.provider.openai.api-key=bench -Dquorum.provider.openai.base-url="$SIM/openai/openai/v1" \
    -Dquorum.provider.anthropic.api-key=bench -Dquorum.provider.anthropic.base-url="$SIM/anthropic/anthropic/v1/" \
    -Dquorum.provider.gemini.api-key=bench -Dquorum.provider.gemini.base-url="$SIM/gemini/gemini/v1beta" \
    -Dquorum.provider.mistral.api-key=bench -Dquorum.provider.mistral.base-url="$SIM/mistral/mistral/v1" \
    -Dquorum.routing.tier.simple.primary=mistral -Dquorum.routing.tier.simple.fallback=openai \
    -Dquorum.routing.retry.mistral.max-attempts=1 \
    -Dquorum.routing.breaker.mistral.sliding-window-size=100000 \
    -Dquorum.routing.breaker.mistral.minimum-number-of-calls=100000 \
    -jar target/quorum.jar > "$OUT/quorum.log" 2>&1 &
  QUORUM_PID=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"prompt":"ping","provider":"openai"}' "$API"; do
    kill -0 "$QUORUM_PID" 2>/dev/null || { echo "Quorum died; see $OUT/quorum.log" >&2; exit 1; }
    sleep 0.05
  done
  FIRST_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
# start to first answer varies by a second or two run to run on a small VM: the median of three starts is reported,
# first without the class archive (for comparison), then with it (the figure; the last start stays up for the load)
PLAIN_STARTS=""
for attempt in 1 2 3; do
  start_quorum -Xshare:auto
  PLAIN_STARTS="$PLAIN_STARTS $FIRST_MS"
  echo "   start $attempt without the class archive: first answer after $FIRST_MS ms"
  kill "$QUORUM_PID"; wait "$QUORUM_PID" 2>/dev/null || true
done
STARTS=""
for attempt in 1 2 3; do
  # -Xshare:on: a start that cannot map the archive fails instead of silently loading every class
  start_quorum -XX:SharedArchiveFile=target/quorum.jsa -Xshare:on
  STARTS="$STARTS $FIRST_MS"
  echo "   start $attempt with the class archive: first answer after $FIRST_MS ms"
  if [ "$attempt" -lt 3 ]; then
    kill "$QUORUM_PID"; wait "$QUORUM_PID" 2>/dev/null || true
  fi
done
FIRST_ANSWER_MS=$(printf '%s\n' $STARTS | sort -n | sed -n 2p)
sleep 2
IDLE_RSS_KB=$(awk '/VmRSS/ {print $2}' /proc/$QUORUM_PID/status)
echo "first answer after ${FIRST_ANSWER_MS} ms (median of${STARTS}), idle RSS ${IDLE_RSS_KB} kB"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$QUORUM_PID/stat"; }
# waits until Quorum is idle again (under 30 ms of CPU in half a second), so the work a load leaves behind (ledger rows
# still queued for the database, JIT compiles it triggered, a GC) is charged to that load and not to the next one
settle() {
  local last now
  last=$(cpu_ticks)
  for _ in $(seq 1 120); do
    sleep 0.5; now=$(cpu_ticks)
    [ $(( (now - last) * 1000 / $(getconf CLK_TCK) )) -lt 30 ] && return
    last=$now
  done
}

# scenario -> URL and body
target() {
  case "$1" in
    baseline) echo "$SIM/openai/openai/v1/chat/completions|{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}" ;;
    single) echo "$API|{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai\"}" ;;
    fallback) echo "$API|{\"prompt\":\"What is the capital of France?\",\"task\":\"simple\"}" ;;
    consensus-majority) echo "$API|{\"prompt\":\"What is the capital of France?\",\"mode\":\"consensus\",\"algorithm\":\"majority\",\"providers\":[\"openai\",\"anthropic\",\"gemini\"]}" ;;
    consensus-semantic) echo "$API|{\"prompt\":\"What is the capital of France?\",\"mode\":\"consensus\",\"algorithm\":\"semantic\",\"providers\":[\"openai\",\"anthropic\",\"gemini\"]}" ;;
    *) echo "unknown scenario $1" >&2; exit 2 ;;
  esac
}

lua() {
  cat > "$OUT/$1.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$2]]
LUA
}

# Warm-up first, every scenario before any is measured: the JIT compiles Camel, Vert.x, LangChain4j and Jackson code
# for the first minutes, on Quorum's core, and a scenario measured while that runs is charged for it. Each scenario
# warms at both measured concurrencies: one request at a time takes other paths (an idle worker thread woken for each
# request, no batching) that the JIT otherwise compiles during the first c=1 runs.
MEASURED=""
for scenario in $SCENARIOS; do
  IFS='|' read -r url body <<< "$(target "$scenario")"
  check=$(curl -s -o "$OUT/$scenario.check.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "$url")
  if [ "$check" != 200 ]; then
    echo "== $scenario: skipped, a request answers HTTP $check ($(head -c 200 "$OUT/$scenario.check.json"))"
    echo "{\"scenario\":\"$scenario\",\"skipped\":\"HTTP $check\"}" > "$OUT/$scenario.skipped.json"
    continue
  fi
  lua "$scenario" "$body"
  MEASURED="$MEASURED $scenario"
  echo "== $scenario: warm-up ${WARMUP}s at c=32, $(( WARMUP / 2 ))s at c=1"
  "${PIN_LOAD[@]}" wrk -t2 -c32 -d"${WARMUP}s" -s "$OUT/$scenario.lua" "$url" > /dev/null
  "${PIN_LOAD[@]}" wrk -t1 -c1 -d"$(( WARMUP / 2 ))s" -s "$OUT/$scenario.lua" "$url" > /dev/null
  settle
done

# Then until the JIT is quiet: on Quorum's one core the C2 compiler thread gets a thin share of the CPU next to 32
# busy request threads, and a 3-way consensus load was still compiling (and costing half again its steady CPU per
# request) after nine minutes. Rounds of every scenario at concurrency 4, where the compiler gets more of the core,
# until a round compiles fewer than JIT_QUIET methods (jstat), at most JIT_MAX seconds; the time it took is reported.
JIT_QUIET=${JIT_QUIET:-40}
JIT_MAX=${JIT_MAX:-900}
compiled() { jstat -compiler "$QUORUM_PID" | awk 'NR == 2 {print $1}'; }
JIT_STARTED=$(date +%s)
echo "== warm-up until the JIT is quiet (a round compiling fewer than $JIT_QUIET methods, at most ${JIT_MAX}s)"
while :; do
  before=$(compiled)
  for scenario in $MEASURED; do
    [ "$scenario" = baseline ] && continue
    IFS='|' read -r url body <<< "$(target "$scenario")"
    "${PIN_LOAD[@]}" wrk -t2 -c4 -d5s -s "$OUT/$scenario.lua" "$url" > /dev/null
  done
  settle
  after=$(compiled)
  echo "   $((after - before)) methods compiled in this round"
  if [ $((after - before)) -lt "$JIT_QUIET" ]; then
    JIT_NOTE="quiet after $(( $(date +%s) - JIT_STARTED )) s of rounds"
    break
  fi
  if [ $(( $(date +%s) - JIT_STARTED )) -ge "$JIT_MAX" ]; then
    JIT_NOTE="still compiling $((after - before)) methods a round after ${JIT_MAX} s"
    break
  fi
done
echo "   JIT $JIT_NOTE"
echo "$JIT_NOTE" > "$OUT/jit.txt"

# Quorum's RSS once a second while a run's load lasts (issue 18: RSS under sustained load); prints the largest, in kB
rss_while_loaded() {
  local largest=0 now
  for _ in $(seq 1 "$DURATION"); do
    sleep 1
    now=$(awk '/VmRSS/ {print $2}' "/proc/$QUORUM_PID/status")
    [ "$now" -gt "$largest" ] && largest=$now
  done
  echo "$largest"
}

# Measured in rounds, every scenario once per round, so each scenario's runs are spread over the whole measurement
# and the VM's slow minutes land on all of them alike (measured one scenario after the other, the first had come out
# slower than the ones after it: fallback, two calls, had measured cheaper than single, one call).
for run in $(seq 1 "$RUNS"); do
  for scenario in $MEASURED; do
    IFS='|' read -r url body <<< "$(target "$scenario")"
    # a short second warm-up, so the scenario's own code paths are hot again after the others ran
    "${PIN_LOAD[@]}" wrk -t2 -c32 -d5s -s "$OUT/$scenario.lua" "$url" > /dev/null
    "${PIN_LOAD[@]}" wrk -t1 -c1 -d5s -s "$OUT/$scenario.lua" "$url" > /dev/null
    settle
    for concurrency in 1 32; do
      threads=$(( concurrency == 1 ? 1 : 2 ))
      before=$(cpu_ticks)
      rss_while_loaded > "$OUT/rss.tmp" &
      sampler=$!
      "${PIN_LOAD[@]}" wrk -t$threads -c$concurrency -d"${DURATION}s" --latency -s "$OUT/$scenario.lua" "$url" > "$OUT/$scenario-c$concurrency-r$run.txt"
      wait "$sampler"
      settle
      after=$(cpu_ticks)
      echo "cpu_ticks $((after - before)) $(getconf CLK_TCK)" >> "$OUT/$scenario-c$concurrency-r$run.txt"
      echo "rss_kb $(cat "$OUT/rss.tmp")" >> "$OUT/$scenario-c$concurrency-r$run.txt"
      echo "   $scenario c=$concurrency run $run: $(grep 'Requests/sec' "$OUT/$scenario-c$concurrency-r$run.txt")"
    done
  done
done
PEAK_RSS_KB=$(awk '/VmHWM/ {print $2}' /proc/$QUORUM_PID/status)

python3 src/bench/report.py "$OUT" "$FIRST_ANSWER_MS" "$IDLE_RSS_KB" "$PEAK_RSS_KB" "$STARTS" "$PLAIN_STARTS" > "$OUT/results.md"
echo "== results in $OUT/results.md"
cat "$OUT/results.md"

# the latency targets (a 3-way panel of 50/100/200 ms members, a streamed call's first token): their own processes
# and ports, after this run's are gone; SKIP_LATENCY=1 leaves them out
if [ -z "${SKIP_LATENCY:-}" ]; then
  cleanup
  QUORUM_PID=""; SIM_PID=""
  SKIP_BUILD=1 src/bench/latency.sh | tee "$OUT/latency.txt"
fi
