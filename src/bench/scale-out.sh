#!/usr/bin/env bash
# Quorum's scale-out run (docs/scaling.md): one PostgreSQL (.ci/postgres: Debian's, started as the postgres user), one
# real Kafka broker in KRaft mode from the Maven Central jars of the project's test dependencies, the provider
# simulator as its own process, and two Quorum instances (the packaged jar) in one consumer group sharing that
# database. Three batches of requests go to quorum.requests (results to quorum.results):
#   one    N requests, instance A alone                                 -> throughput of one instance
#   two    N requests, A and B in the group                             -> throughput of two
#   crash  N requests, A killed with kill -9 mid-batch and started again -> nothing lost, nothing double-billed
# It then counts results per request id (lost, answered twice), provider calls per request id against ledger rows
# (double-billed: a call without a row, or more billed rows than answered calls), and the shared budget's spend
# against its limit; it exits non-zero unless lost is 0 and double-billed is 0.
#
#   src/bench/scale-out.sh                  # N=1000, the simulator answering in 20 ms
#   N=200 LATENCY_MS=10 src/bench/scale-out.sh
#
# Needs: root (for .ci/postgres; or QUORUM_SCALE_JDBC_URL naming a PostgreSQL database of your own, emptied by the
# run), Java 17, Maven (offline is fine once the project has been built), curl. Output and logs in target/scale-out.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. src/bench/readme-command.sh

N=${N:-1000}
LATENCY_MS=${LATENCY_MS:-20}
PARTITIONS=${PARTITIONS:-4}
LIMIT_USD=${LIMIT_USD:-5}
SIM_PORT=${SIM_PORT:-18189}
KAFKA_PORT=${KAFKA_PORT:-19092}
CONTROLLER_PORT=${CONTROLLER_PORT:-19093}
A_PORT=${A_PORT:-18181}
B_PORT=${B_PORT:-18182}
# JVM settings for each instance: the README's (docs/scaling.md, "Memory")
QUORUM_JAVA_OPTS=${QUORUM_JAVA_OPTS:-$README_JVM_OPTS}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$README_MALLOC_ARENA_MAX}
OUT=${OUT:-$ROOT/target/scale-out}
GROUP=quorum-scale
rm -rf "$OUT"
mkdir -p "$OUT"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
fail() { echo "scale-out: $*" >&2; exit 2; }

echo "== building the packaged jar (target/quorum.jar, target/lib) and the Kafka broker's class path"
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -q -B -DskipTests -Dquorum.cds.skip=true package > "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 2; }
fi
# the broker: org.apache.kafka:kafka_2.13 and what it depends on, the project's test-scoped jars from Maven Central
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test.cp" > "$OUT/cp.log" 2>&1 \
  || { tail -20 "$OUT/cp.log"; exit 2; }
KAFKA_CP=$(tr ':' '\n' < "$OUT/test.cp" | grep -v -e '-test\.jar$' -e '/target/' | paste -sd: -)

echo "== PostgreSQL"
if [ -z "${QUORUM_SCALE_JDBC_URL:-}" ]; then
  admin=$(.ci/postgres) || fail "PostgreSQL could not be started (above)"
  port=$(echo "$admin" | sed -E 's#.*://[^:]+:([0-9]+)/.*#\1#')
  runuser -u postgres -- psql -X -q -p "$port" -d postgres -c "DROP DATABASE IF EXISTS quorum_scaleout WITH (FORCE)" \
    -c "CREATE DATABASE quorum_scaleout OWNER quorum_test" >/dev/null
  QUORUM_SCALE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/quorum_scaleout?user=quorum_test&password=quorum_test"
fi
echo "   ${QUORUM_SCALE_JDBC_URL%%\?*}"

echo "== Kafka broker (KRaft, broker and controller in one node) on 127.0.0.1:$KAFKA_PORT"
cat > "$OUT/kafka.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$OUT/kafka-data
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
cat > "$OUT/kafka-logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder></appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
XML
HELPER=(java -Dlogback.configurationFile="$OUT/kafka-logback.xml" -cp "target/lib/*" src/bench/ScaleOut.java)
KAFKA_JAVA=(java -Xmx384m -Dlogback.configurationFile="$OUT/kafka-logback.xml" -cp "$KAFKA_CP")
cluster_id=$("${KAFKA_JAVA[@]}" kafka.tools.StorageTool random-uuid 2>>"$OUT/kafka.log" | tail -1)
"${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$OUT/kafka.properties" >> "$OUT/kafka.log" 2>&1 \
  || { tail -20 "$OUT/kafka.log"; fail "kafka storage format failed"; }
"${KAFKA_JAVA[@]}" kafka.Kafka "$OUT/kafka.properties" >> "$OUT/kafka.log" 2>&1 &
PIDS+=($!)
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
for _ in $(seq 1 120); do
  "${HELPER[@]}" topics "$BOOTSTRAP" "$PARTITIONS" 2>>"$OUT/helper.log" && break
  sleep 1
done

echo "== simulator on :$SIM_PORT (mistral answers in $LATENCY_MS ms)"
QUORUM_SIMULATOR_PORT=$SIM_PORT java -Xmx256m -cp target/quorum.jar dev.quorum.sim.SimulatorMain > "$OUT/simulator.log" 2>&1 &
PIDS+=($!)
SIM=http://127.0.0.1:$SIM_PORT
for _ in $(seq 1 100); do curl -sf -o /dev/null -X DELETE "$SIM/_sim" && break; sleep 0.2; done
curl -sf -X PUT "$SIM/_sim/mistral/script" -d "{\"latencyMs\":$LATENCY_MS}" || fail "simulator not scripted"

# starts instance $1 (a or b) on port $2; its pid in INSTANCE_PID. Every setting as a -D on the packaged jar.
start_instance() {
  local name=$1 port=$2
  mkdir -p "$OUT/$name"
  # shellcheck disable=SC2086
  java $QUORUM_JAVA_OPTS \
    -Dcamel.server.host=127.0.0.1 -Dcamel.server.port="$port" \
    -Dquorum.data.dir="$OUT/$name/data" -Dquorum.simulator.enabled=false -Dquorum.ollama.discovery-enabled=false \
    -Dquorum.console.enabled=false -Dquorum.file.enabled=false -Dcamel.main.routes-reload-enabled=false \
    -Dquorum.provider.mistral.api-key=bench -Dquorum.provider.mistral.base-url="$SIM/mistral/mistral/v1" \
    -Dquorum.ledger.jdbc-url="$QUORUM_SCALE_JDBC_URL" \
    -Dquorum.kafka.bootstrap-servers="$BOOTSTRAP" -Dquorum.kafka.group-id=$GROUP \
    -Dquorum.kafka.idempotent-repository=kafka -Dquorum.kafka.poll-timeout-ms=500 \
    -Dcamel.component.kafka.session-timeout-ms=6000 \
    -Dquorum.budget.scale-cap.scope=global -Dquorum.budget.scale-cap.period=day \
    -Dquorum.budget.scale-cap.limit-usd="$LIMIT_USD" -Dquorum.budget.scale-cap.policy=reject \
    -jar "$ROOT/target/quorum.jar" >> "$OUT/$name/quorum.log" 2>&1 &
  INSTANCE_PID=$!
  PIDS+=("$INSTANCE_PID")
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/providers" && return
    kill -0 "$INSTANCE_PID" 2>/dev/null || { tail -30 "$OUT/$name/quorum.log"; fail "instance $name died"; }
    sleep 0.3
  done
  fail "instance $name did not answer within 90 s"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# runs batch $1 of N requests and waits for every result; prints and sets THROUGHPUT (results per second, from the
# first result's to the last result's broker timestamp)
run_batch() {
  local prefix=$1 count first last
  "${HELPER[@]}" produce "$BOOTSTRAP" "$prefix" "$N"
  read -r count first last < <("${HELPER[@]}" await "$BOOTSTRAP" "$prefix" "$N" 300)
  [ "$count" -ge "$N" ] || fail "batch $prefix: only $count of $N results within 300 s"
  THROUGHPUT=$(awk -v n="$count" -v a="$first" -v b="$last" 'BEGIN { printf "%.1f", (b > a) ? (n - 1) * 1000 / (b - a) : 0 }')
}

echo "== instance A alone: batch 'one' of $N requests"
start_instance a "$A_PORT"; A_PID=$INSTANCE_PID
"${HELPER[@]}" group "$BOOTSTRAP" $GROUP 1 60
run_batch one; ONE=$THROUGHPUT
echo "   $ONE requests/s with one instance (RSS A $(( $(rss_kb "$A_PID") / 1024 )) MB)"

echo "== instances A and B in one group: batch 'two' of $N requests"
start_instance b "$B_PORT"; B_PID=$INSTANCE_PID
"${HELPER[@]}" group "$BOOTSTRAP" $GROUP 2 60
run_batch two; TWO=$THROUGHPUT
echo "   $TWO requests/s with two instances (RSS A $(( $(rss_kb "$A_PID") / 1024 )) MB, B $(( $(rss_kb "$B_PID") / 1024 )) MB)"

echo "== batch 'crash' of $N requests: kill -9 A mid-batch, start it again"
"${HELPER[@]}" produce "$BOOTSTRAP" crash "$N"
read -r done_before _ _ < <("${HELPER[@]}" await "$BOOTSTRAP" crash $(( N / 3 )) 300)
kill -9 "$A_PID"
wait "$A_PID" 2>/dev/null || true
echo "   killed A (kill -9) after $done_before results"
start_instance a "$A_PORT"; A_PID=$INSTANCE_PID
read -r count _ _ < <("${HELPER[@]}" await "$BOOTSTRAP" crash "$N" 300)
echo "   A back; $count of $N results"

echo "== counting (after the ledgers' queues are written: each instance stopped with SIGTERM)"
kill "$A_PID" "$B_PID"; wait "$A_PID" 2>/dev/null || true; wait "$B_PID" 2>/dev/null || true
set +e
"${HELPER[@]}" report "$BOOTSTRAP" "$SIM" "$QUORUM_SCALE_JDBC_URL" "$LIMIT_USD" one:"$N" two:"$N" crash:"$N" | tee "$OUT/report.txt"
status=${PIPESTATUS[0]}
set -e
echo "throughput: one instance $ONE requests/s, two instances $TWO requests/s (simulator latency $LATENCY_MS ms, $PARTITIONS partitions)" \
  | tee -a "$OUT/report.txt"
[ "$status" = 0 ] && echo "PASS: lost 0, double-billed 0" || echo "FAIL: see above"
exit "$status"
