package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quorum.QuorumProcess;
import dev.quorum.budget.TestDatabase;
import dev.quorum.sim.ProviderSimulator;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The scale-out deployment in small ({@code src/bench/scale-out.sh} runs it with 1,000 requests): two Quorum
 * processes in one Kafka consumer group on a real broker, sharing one database (ledger, budget windows) and the
 * answered-requests topic, one of them killed with {@code kill -9} in the middle of the batch and started again.
 * Nothing is lost (every request id has a result) and nothing is double-billed: for every request id, the ledger's
 * rows cover each call the provider received, and it holds no more billed rows than calls the provider answered.
 * The global budget the two share is not passed. On an H2 server and on PostgreSQL, by the two subclasses.
 */
abstract class ScaleOutTest {

    private static final int RECORDS = 150;
    private static final String GROUP = "quorum-scale";

    /** The database this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @Test
    void should_lose_nothing_and_bill_nothing_twice_when_one_of_two_instances_in_a_group_is_killed() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start();
             TestDatabase database = TestDatabase.create(backend(), "scale_out");
             ProviderSimulator simulator = ProviderSimulator.start(0)) {
            // given: two instances in one group on a two-partition topic, one database, a $1 global budget
            broker.createTopics(2, "scale.requests");
            broker.createTopics("scale.results", "scale.dlq", "scale.answered");
            simulator.script("mistral", SimScript.builder().latencyMs(20).build());
            Path root = Files.createTempDirectory("quorum-scale-out");
            Map<String, String> settings = new HashMap<>();
            settings.put("quorum.kafka.bootstrap-servers", broker.bootstrapServers());
            settings.put("quorum.kafka.request-topic", "scale.requests");
            settings.put("quorum.kafka.result-topic", "scale.results");
            settings.put("quorum.kafka.dead-letter-topic", "scale.dlq");
            settings.put("quorum.kafka.group-id", GROUP);
            settings.put("quorum.kafka.poll-timeout-ms", "100");
            settings.put("quorum.kafka.idempotent-repository", "kafka");
            settings.put("quorum.kafka.idempotent-topic", "scale.answered");
            // the killed member's partition moves on after this, not after Kafka's default 45 s
            settings.put("camel.component.kafka.session-timeout-ms", "6000");
            settings.put("quorum.ledger.jdbc-url", database.jdbcUrl());
            settings.put("quorum.budget.scale-cap.scope", "global");
            settings.put("quorum.budget.scale-cap.period", "day");
            settings.put("quorum.budget.scale-cap.limit-usd", "1");
            settings.put("quorum.budget.scale-cap.policy", "reject");
            QuorumProcess first = QuorumProcess.start(root.resolve("a"), simulator.port(), settings);
            try (QuorumProcess second = QuorumProcess.start(root.resolve("b"), simulator.port(), settings)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> broker.groupIsStable(GROUP, 2));
                for (int i = 0; i < RECORDS; i++) {
                    broker.send("scale.requests", "s-" + i, "{\"id\":\"s-" + i + "\",\"prompt\":\"Question s-" + i
                            + "?\",\"provider\":\"mistral\"}");
                }
                broker.readUntil("scale.results", Duration.ofSeconds(60), read -> read.size() >= RECORDS / 3);

                // when: kill -9 one instance mid-batch, then start it again on its data folder
                first.kill();
                try (QuorumProcess restarted = QuorumProcess.start(root.resolve("a"), simulator.port(), settings)) {
                    List<ConsumerRecord<String, byte[]>> results = broker.readUntil("scale.results",
                            Duration.ofSeconds(90), read -> byKey(read).size() == RECORDS);

                    // then: lost 0, every result written by one of the two
                    Map<String, Long> perRequest = byKey(results);
                    assertThat(perRequest).hasSize(RECORDS);
                    // and double-billed 0, once both ledgers' queues and the restarted one's journal are written
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(doubleBilled(database, simulator.calls("mistral"))).isEmpty());
                    // and the shared budget window holds the spend of both, within its limit
                    long ledgerNanos = sum(database, "SELECT COALESCE(SUM(cost_nanos), 0) FROM usage_ledger");
                    long spentNanos = sum(database, "SELECT COALESCE(SUM(spent_nanos), 0) FROM budget_window "
                            + "WHERE budget = 'scale-cap'");
                    assertThat(ledgerNanos).isPositive();
                    assertThat(spentNanos).isGreaterThanOrEqualTo(ledgerNanos).isLessThanOrEqualTo(1_000_000_000L);
                }
            }
        }
    }

    /**
     * Request ids whose ledger rows do not match the provider's calls: a call without a row, or more billed rows
     * ({@code ok}) than answered calls; with how many calls, answered calls and rows (billed) each had.
     */
    static Map<String, String> doubleBilled(TestDatabase database, List<SimCall> calls) throws Exception {
        Map<String, long[]> byId = new TreeMap<>();
        for (SimCall call : calls) {
            String id = call.prompt().replaceAll("^Question (\\S+)\\?$", "$1");
            long[] counts = byId.computeIfAbsent(id, k -> new long[4]);
            counts[0]++;
            if (call.status() == 200) {
                counts[1]++;
            }
        }
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT request_id, outcome, COUNT(*) FROM usage_ledger "
                     + "GROUP BY request_id, outcome")) {
            while (rows.next()) {
                long[] counts = byId.computeIfAbsent(rows.getString(1), k -> new long[4]);
                counts[2] += rows.getLong(3);
                if ("ok".equals(rows.getString(2))) {
                    counts[3] += rows.getLong(3);
                }
            }
        }
        return byId.entrySet().stream().filter(e -> e.getValue()[2] < e.getValue()[0] || e.getValue()[3] > e.getValue()[1])
                .collect(Collectors.toMap(Map.Entry::getKey, e -> "calls " + e.getValue()[0] + ", answered "
                        + e.getValue()[1] + ", rows " + e.getValue()[2] + ", billed " + e.getValue()[3]));
    }

    private static long sum(TestDatabase database, String query) throws Exception {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, Long> byKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }
}
