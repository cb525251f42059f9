#!/usr/bin/env bash
# A same-run A/B of two Quorum variants on the benchmark's single-provider scenario (docs/benchmarks.md): both run at
# once, each its own process on the same core (Quorum's core in run.sh), the simulator and wrk on the other; after a
# warm-up of both, rounds alternate A and B, so a slow minute of a shared machine lands on both alike. Per run: CPU
# per request (from /proc), requests/s, p50/p99, RSS; the medians over the rounds are printed at the end.
#
#   A_JAR=target/quorum.jar B_JAR=target/quorum-b.jar src/bench/ab.sh          # two builds
#   A_OPTS='' B_OPTS='-Xmx128m' src/bench/ab.sh                                  # two JVM settings, one build
#   B_ENV='MALLOC_ARENA_MAX=2' src/bench/ab.sh                                   # two environments, one build
#   SCENARIO=majority A_JAR=... B_JAR=... src/bench/ab.sh                        # the 3-way majority instead
#   SCENARIO=semantic A_JAR=... B_JAR=... src/bench/ab.sh                        # the 3-way semantic vote
#
# Settings: A_JAR, B_JAR (default target/quorum.jar), A_OPTS, B_OPTS (JVM options), A_ENV, B_ENV
# (environment variables for that JVM, NAME=value separated by spaces), ROUNDS (5), DURATION (10 s per
# measurement), WARMUP (40 s each), CONCURRENCY ("1 32"), SCENARIO (single: one provider, openai; majority: a 3-way
# majority vote of openai, anthropic and gemini, as run.sh's consensus-majority; semantic: the same panel voting
# semantically on the same answer in other words, as run.sh's consensus-semantic). Build first (mvn -DskipTests package). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."

A_JAR=${A_JAR:-target/quorum.jar}
B_JAR=${B_JAR:-target/quorum.jar}
A_OPTS=${A_OPTS:-}
B_OPTS=${B_OPTS:-}
A_ENV=${A_ENV:-}
B_ENV=${B_ENV:-}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-40}
CONCURRENCY=${CONCURRENCY:-1 32}
SCENARIO=${SCENARIO:-single}
SIM_PORT=${SIM_PORT:-18289}
OUT=${OUT:-target/ab}
rm -rf "$OUT"; mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "install wrk first" >&2; exit 1; }
PIN_Q=(); PIN_L=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then PIN_Q=(taskset -c 0); PIN_L=(taskset -c 1); fi

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
QUORUM_SIMULATOR_PORT=$SIM_PORT "${PIN_L[@]}" java -Xmx256m -cp target/quorum.jar dev.quorum.sim.SimulatorMain > "$OUT/simulator.log" 2>&1 &
PIDS+=($!)
SIM=http://127.0.0.1:$SIM_PORT
for _ in $(seq 1 100); do curl -sf -o /dev/null -X DELETE "$SIM/_sim" && break; sleep 0.1; done

# start NAME PORT JAR OPTS ENV
start() {
  rm -rf "$OUT/$1-data"
  # shellcheck disable=SC2086
  env QUORUM_DATA_DIR="$OUT/$1-data" $5 "${PIN_Q[@]}" java $4 -XX:MaxTenuringThreshold=1 \
    -Dcamel.server.port="$2" -Dcamel.server.host=127.0.0.1 -Dquorum.simulator.enabled=false \
    -Dquorum.ollama.discovery-enabled=false -Dquorum.console.enabled=false -Dquorum.file.enabled=false \
    -Dcamel.main.routes-reload-enabled=false \
    -Dquorum.provider.openai.api-key=bench -Dquorum.provider.openai.base-url="$SIM/openai/openai/v1" \
    -Dquorum.provider.anthropic.api-key=bench -Dquorum.provider.anthropic.base-url="$SIM/anthropic/anthropic/v1/" \
    -Dquorum.provider.gemini.api-key=bench -Dquorum.provider.gemini.base-url="$SIM/gemini/gemini/v1beta" \
    -jar "$3" > "$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  eval "${1}_PID=$!"
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"prompt":"ping","provider":"openai"}' \
      "http://127.0.0.1:$2/api/v1/complete"; do sleep 0.2; done
}
start A 18281 "$A_JAR" "$A_OPTS" "$A_ENV"
start B 18282 "$B_JAR" "$B_OPTS" "$B_ENV"
case "$SCENARIO" in
  single) BODY='{"prompt":"What is the capital of France?","provider":"openai"}' ;;
  majority) BODY='{"prompt":"What is the capital of France?","mode":"consensus","algorithm":"majority","providers":["openai","anthropic","gemini"]}' ;;
  semantic)
    # as run.sh's consensus-semantic: the same answer in other words, for the semantic vote
    curl -sf -X PUT "$SIM/_sim/openai/script" -d '{"defaultAnswer":"The capital of France is Paris."}'
    curl -sf -X PUT "$SIM/_sim/anthropic/script" -d '{"defaultAnswer":"Paris is the capital city of France."}'
    curl -sf -X PUT "$SIM/_sim/gemini/script" -d '{"defaultAnswer":"The capital of France is Paris."}'
    BODY='{"prompt":"What is the capital of France?","mode":"consensus","algorithm":"semantic","providers":["openai","anthropic","gemini"]}' ;;
  *) echo "SCENARIO is single, majority or semantic" >&2; exit 1 ;;
esac
cat > "$OUT/single.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$BODY]]
LUA
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
echo "== warm-up ${WARMUP}s each at c=32 and c=1"
for v in A B; do
  "${PIN_L[@]}" wrk -t2 -c32 -d"${WARMUP}s" -s "$OUT/single.lua" "http://127.0.0.1:$([ $v = A ] && echo 18281 || echo 18282)/api/v1/complete" > /dev/null
  "${PIN_L[@]}" wrk -t1 -c1 -d"$(( WARMUP / 2 ))s" -s "$OUT/single.lua" "http://127.0.0.1:$([ $v = A ] && echo 18281 || echo 18282)/api/v1/complete" > /dev/null
done
HZ=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONCURRENCY; do
    for v in A B; do
      pid=$([ $v = A ] && echo "$A_PID" || echo "$B_PID")
      port=$([ $v = A ] && echo 18281 || echo 18282)
      before=$(ticks "$pid")
      "${PIN_L[@]}" wrk -t$(( c == 1 ? 1 : 2 )) -c"$c" -d"${DURATION}s" --latency -s "$OUT/single.lua" \
        "http://127.0.0.1:$port/api/v1/complete" > "$OUT/$v-c$c-r$round.txt"
      after=$(ticks "$pid")
      python3 - "$OUT/$v-c$c-r$round.txt" $(( after - before )) "$HZ" "$(awk '/VmRSS/ {print $2}' /proc/$pid/status)" <<'PY' | tee -a "$OUT/$v-c$c.tsv"
import re, sys
text = open(sys.argv[1]).read()
ticks, hz, rss = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
total = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(label):
    m = re.search(label + r"\s+([\d.]+)(us|ms|s)\b", text)
    v = float(m.group(1)); return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
print(f"{ticks * 1000 / hz / max(total, 1):.4f}\t{rps:.0f}\t{ms(' 50%'):.3f}\t{ms(' 99%'):.3f}\t{rss // 1024}")
PY
      sed -i "\$s/^/$v c=$c r$round\t/" "$OUT/$v-c$c.tsv"
    done
  done
done
echo "== medians over $ROUNDS rounds: CPU ms/request, requests/s, p50 ms, p99 ms, RSS MB (A: $A_JAR $A_OPTS; B: $B_JAR $B_OPTS)"
for c in $CONCURRENCY; do
  for v in A B; do
    python3 - "$OUT/$v-c$c.tsv" "$v c=$c" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t")[1:] for line in open(sys.argv[1]) if line.strip()]
cols = list(zip(*[[float(x) for x in r] for r in rows]))
print(sys.argv[2] + "\t" + "\t".join(f"{statistics.median(c):g}" for c in cols) + "\t(runs: " + ", ".join(r[0] for r in rows) + " ms CPU)")
PY
  done
done
PEAK_A=$(awk '/VmHWM/ {print $2}' /proc/$A_PID/status); PEAK_B=$(awk '/VmHWM/ {print $2}' /proc/$B_PID/status)
echo "peak RSS: A $((PEAK_A / 1024)) MB, B $((PEAK_B / 1024)) MB"
