package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumProcess;
import dev.quorum.SimulatorProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost across a crash: Quorum (a process of its own) is killed with {@code kill -9} in the middle of a batch
 * of file-drop requests and of Kafka requests, and started again on the same data folder. Every request gets its
 * result, and the usage ledger holds at least as many rows as the simulator (its own process, so its count survives)
 * received calls: the call in flight at the crash is booked (as interrupted) and so is its redelivery's second call.
 */
class CrashRecoveryTest {

    private static final int FILES = 200;
    private static final int RECORDS = 300;

    @Test
    void should_ledger_every_call_of_a_file_drop_batch_killed_in_the_middle() throws Exception {
        // given: 200 request files in the inbox, each answered in about 20 ms
        Path root = Path.of(Files.createTempDirectory("quorum-crash-file").toString());
        Path dataDir = root.resolve("data");
        Path inbox = root.resolve("inbox");
        Path outbox = root.resolve("outbox");
        Path error = root.resolve("error");
        Map<String, String> settings = Map.of(
                "quorum.file.enabled", "true",
                "quorum.file.inbox", inbox.toString(),
                "quorum.file.outbox", outbox.toString(),
                "quorum.file.done", root.resolve("done").toString(),
                "quorum.file.error", error.toString(),
                "quorum.file.poll-delay-ms", "50",
                "quorum.file.read-lock-min-age-ms", "100",
                "quorum.file.read-lock-check-interval-ms", "50");
        Files.createDirectories(inbox);
        Path staging = Files.createDirectories(root.resolve("staging"));
        for (int i = 0; i < FILES; i++) {
            Path file = staging.resolve("q-" + i + ".json");
            Files.writeString(file, "{\"id\":\"q-" + i + "\",\"prompt\":\"Question number " + i + "?\","
                    + "\"provider\":\"mistral\"}", StandardCharsets.UTF_8);
            Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        try (SimulatorProcess simulator = SimulatorProcess.start(root.resolve("simulator.log"))) {
            simulator.script("mistral", "{\"latencyMs\":20}");
            QuorumProcess first = QuorumProcess.start(dataDir, simulator.port(), settings);
            await().atMost(Duration.ofSeconds(60)).until(() -> results(outbox) >= FILES / 3);

            // when: kill -9 mid-batch, then a start on the same folders
            first.kill();
            try (QuorumProcess second = QuorumProcess.start(dataDir, simulator.port(), settings)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> results(outbox) == FILES);

                // then: one result per request, none in the error folder, and a ledger row for every call received
                assertThat(results(outbox)).isEqualTo(FILES);
                assertThat(count(error, ".json")).isZero();
                JsonNode totals = second.getJson("/api/v1/usage?period=day").path("totals");
                assertThat(totals.path("requests").asLong()).as("ledger rows")
                        .isGreaterThanOrEqualTo(simulator.received("mistral"))
                        .isGreaterThanOrEqualTo(FILES);
            }
        }
    }

    @Test
    void should_ledger_every_call_of_a_kafka_batch_killed_in_the_middle() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            // given: 300 requests on the request topic, each answered in about 20 ms
            broker.createTopics("crash.requests", "crash.results", "crash.dlq");
            Path root = Path.of(Files.createTempDirectory("quorum-crash-kafka").toString());
            Path dataDir = root.resolve("data");
            Map<String, String> settings = new HashMap<>(Map.of(
                    "quorum.kafka.bootstrap-servers", broker.bootstrapServers(),
                    "quorum.kafka.request-topic", "crash.requests",
                    "quorum.kafka.result-topic", "crash.results",
                    "quorum.kafka.dead-letter-topic", "crash.dlq",
                    "quorum.kafka.group-id", "quorum-crash",
                    "quorum.kafka.poll-timeout-ms", "100",
                    "quorum.kafka.idempotent-store", dataDir.resolve("answered.txt").toString(),
                    // the killed consumer's partition goes to the restarted one after this, not Kafka's default 45 s
                    "camel.component.kafka.session-timeout-ms", "6000"));
            for (int i = 0; i < RECORDS; i++) {
                broker.send("crash.requests", "k-" + i, "{\"id\":\"k-" + i + "\",\"prompt\":\"Question number " + i
                        + "?\",\"provider\":\"mistral\"}");
            }
            try (SimulatorProcess simulator = SimulatorProcess.start(root.resolve("simulator.log"))) {
                simulator.script("mistral", "{\"latencyMs\":20}");
                QuorumProcess first = QuorumProcess.start(dataDir, simulator.port(), settings);
                broker.readUntil("crash.results", Duration.ofSeconds(60), read -> read.size() >= RECORDS / 3);

                // when: kill -9 mid-batch, then a start on the same data folder
                first.kill();
                try (QuorumProcess second = QuorumProcess.start(dataDir, simulator.port(), settings)) {
                    List<ConsumerRecord<String, byte[]>> results = broker.readUntil("crash.results",
                            Duration.ofSeconds(60), read -> byKey(read).size() == RECORDS);

                    // then: every request answered (a request whose result was written just before the kill, its
                    // offset not yet committed, may be answered twice: at least once), and a row for every call
                    Map<String, Long> perRequest = byKey(results);
                    assertThat(perRequest).hasSize(RECORDS);
                    assertThat(perRequest.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(1);
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second
                            .getJson("/api/v1/usage?period=day").path("totals").path("requests").asLong())
                            .as("ledger rows").isGreaterThanOrEqualTo(simulator.received("mistral"))
                            .isGreaterThanOrEqualTo(RECORDS));
                }
            }
        }
    }

    private static Map<String, Long> byKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private static long results(Path outbox) {
        return count(outbox, ".result.json");
    }

    private static long count(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(suffix)
                    && !name.startsWith(".")).map(Function.identity()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
