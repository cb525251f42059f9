package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.QuorumInstance;
import dev.quorum.budget.LedgerEntry;
import dev.quorum.budget.UsageLedger;
import dev.quorum.sim.ProviderSimulator;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Kafka trigger ({@code routes/kafka.camel.yaml}) against a real broker in the test JVM: results keyed by
 * request id, dead letters with their reason, each request id answered once, and a crash between consuming a
 * request and producing its result, after which a restarted Quorum answers it exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTriggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUESTS = "test.requests";
    private static final String RESULTS = "test.results";
    private static final String DEAD_LETTERS = "test.requests.dlq";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private KafkaBroker broker;
    private Path data;
    private QuorumInstance quorum;

    @BeforeAll
    void startBrokerAndQuorum() throws IOException {
        broker = KafkaBroker.start();
        broker.createTopics(REQUESTS, RESULTS, DEAD_LETTERS);
        data = Files.createTempDirectory("quorum-kafka");
        quorum = startQuorum();
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @AfterAll
    void stopAll() throws Exception {
        if (quorum != null) {
            quorum.close();
        }
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void should_produce_the_result_to_the_result_topic_keyed_by_request_id() throws IOException {
        // when
        broker.send(REQUESTS, "k-1", "{\"id\":\"req-1\",\"prompt\":\"What is the capital of France?\",\"provider\":\"mistral-sim\"}");

        // then
        ConsumerRecord<String, byte[]> result = resultFor("req-1");
        JsonNode json = JSON.readTree(result.value());
        assertThat(json.path("id").asText()).isEqualTo("req-1");
        assertThat(json.path("answer").asText()).isEqualTo("Paris.");
        assertThat(json.path("provider").asText()).isEqualTo("mistral-sim");
        assertThat(json.path("costUsd").asDouble()).isPositive();
        assertThat(header(result, "QuorumStatus")).isEqualTo("200");
        assertThat(header(result, "QuorumRequestId")).isEqualTo("req-1");
    }

    @Test
    void should_answer_a_record_that_names_a_prompt_template() throws IOException {
        // given
        quorum.post("/api/v1/prompts", "{\"id\":\"kafka-capital\",\"template\":\"What is the capital of {{country}}?\"}");

        // when
        broker.send(REQUESTS, "k-t", "{\"id\":\"req-t\",\"template\":\"kafka-capital\",\"variables\":"
                + "{\"country\":\"France\"},\"provider\":\"mistral-sim\"}");

        // then
        JsonNode json = JSON.readTree(resultFor("req-t").value());
        assertThat(json.path("answer").asText()).as(json.toString()).isEqualTo("Paris.");
        assertThat(json.path("template").path("id").asText()).isEqualTo("kafka-capital");
        assertThat(json.path("template").path("version").asInt()).isEqualTo(1);
    }

    @Test
    void should_answer_a_conversation_with_tools_from_a_record() throws IOException {
        // when
        broker.send(REQUESTS, "chat-1", """
                {"id":"chat-1","provider":"mistral-sim","toolChoice":"required",
                 "tools":[{"name":"lookup","parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}],
                 "messages":[{"role":"user","content":"Look it up."}]}""");

        // then
        JsonNode json = JSON.readTree(resultFor("chat-1").value());
        assertThat(json.path("toolCalls").path(0).path("name").asText()).as(json.toString()).isEqualTo("lookup");
        assertThat(json.path("toolCalls").path(0).path("arguments").asText()).isEqualTo("{\"q\":\"simulated\"}");
    }

    @Test
    void should_produce_a_result_with_the_error_when_the_provider_fails() throws IOException {
        // given
        simulator().script("ollama-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when
        broker.send(REQUESTS, "fail-1", "{\"id\":\"fail-1\",\"prompt\":\"Hello\",\"provider\":\"ollama-sim\"}");

        // then: a result, not a dead letter: the request was valid, the provider failed
        ConsumerRecord<String, byte[]> result = resultFor("fail-1");
        JsonNode json = JSON.readTree(result.value());
        assertThat(json.path("error").path("provider").asText()).isEqualTo("ollama-sim");
        assertThat(json.has("answer")).isFalse();
        assertThat(Integer.parseInt(header(result, "QuorumStatus"))).isGreaterThanOrEqualTo(500);
    }

    @Test
    void should_send_a_poison_message_to_the_dead_letter_topic_with_the_reason() {
        // when
        broker.send(REQUESTS, "poison-1", "{\"prompt\": unquoted");
        broker.send(REQUESTS, "poison-2", "{\"id\":\"poison-2\",\"prompt\":\"Hi\",\"provider\":\"no-such-provider\"}");

        // then
        List<ConsumerRecord<String, byte[]>> letters = broker.readUntil(DEAD_LETTERS, WAIT, records ->
                records.stream().anyMatch(r -> "poison-1".equals(r.key()))
                        && records.stream().anyMatch(r -> "poison-2".equals(r.key())));
        ConsumerRecord<String, byte[]> notJson = letters.stream().filter(r -> "poison-1".equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(notJson.value(), StandardCharsets.UTF_8)).isEqualTo("{\"prompt\": unquoted");
        assertThat(header(notJson, "QuorumDeadLetterReason")).contains("not valid JSON");
        assertThat(header(notJson, "QuorumDeadLetterErrorType")).isEqualTo("invalid_request");
        assertThat(header(notJson, "QuorumDeadLetterSource")).startsWith(REQUESTS + "/0/");
        ConsumerRecord<String, byte[]> unknown = letters.stream().filter(r -> "poison-2".equals(r.key())).findFirst().orElseThrow();
        assertThat(header(unknown, "QuorumDeadLetterField")).isEqualTo("provider");
        assertThat(header(unknown, "QuorumDeadLetterReason")).contains("no-such-provider");
        // and the consumer goes on: a valid request after them is answered
        broker.send(REQUESTS, "after-poison", "{\"id\":\"after-poison\",\"prompt\":\"What is the capital of France?\",\"provider\":\"mistral-sim\"}");
        assertThat(resultFor("after-poison").key()).isEqualTo("after-poison");
        assertThat(resultsFor("poison-2")).isEmpty();
    }

    @Test
    void should_answer_a_request_id_once_when_it_arrives_twice() {
        // given
        String request = "{\"id\":\"dup-1\",\"prompt\":\"Name a duplicate detector\",\"provider\":\"gemini-sim\"}";

        // when
        broker.send(REQUESTS, "dup-1", request);
        broker.send(REQUESTS, "dup-1", request);
        broker.send(REQUESTS, "dup-marker", "{\"id\":\"dup-marker\",\"prompt\":\"Marker\",\"provider\":\"gemini-sim\"}");

        // then: by the time the request after both copies is answered, the id was answered once and paid once
        resultFor("dup-marker");
        assertThat(resultsFor("dup-1")).hasSize(1);
        assertThat(callsWithPrompt(simulator(), "gemini-sim", "Name a duplicate detector")).hasSize(1);
    }

    @Test
    void should_answer_a_request_exactly_once_when_quorum_stops_between_consuming_it_and_producing_its_result() throws Exception {
        // given: the provider holds its answer longer than Quorum waits for in-flight requests when stopping
        simulator().script("anthropic-sim", SimScript.builder().latencyMs(4_000).build());
        broker.send(REQUESTS, "crash-1", "{\"id\":\"crash-1\",\"prompt\":\"Survive a crash\",\"provider\":\"anthropic-sim\"}");
        CamelContext before = quorum.context();
        await().atMost(WAIT).until(() -> before.getInflightRepository().size("kafka-requests") == 1);

        // when: Quorum stops mid-request, and a new instance starts with the same group and answered-requests store
        quorum.close();
        assertThat(resultsFor("crash-1")).isEmpty();
        quorum = startQuorum();

        // then: the new instance answers it, once, with one provider call
        broker.send(REQUESTS, "crash-marker", "{\"id\":\"crash-marker\",\"prompt\":\"Marker\",\"provider\":\"anthropic-sim\"}");
        resultFor("crash-marker");
        List<ConsumerRecord<String, byte[]>> results = resultsFor("crash-1");
        assertThat(results).hasSize(1);
        assertThat(JSON.readTree(results.get(0).value()).path("answer").asText()).startsWith("Simulated answer from anthropic-sim");
        assertThat(callsWithPrompt(simulator(), "anthropic-sim", "Survive a crash")).hasSize(1);
        // and billed once: one answered call in the usage ledger both instances share
        UsageLedger ledger = quorum.context().getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
        ledger.flush(5_000);
        assertThat(ledger.entries(0, Long.MAX_VALUE)).filteredOn(entry -> "crash-1".equals(entry.requestId()))
                .filteredOn(entry -> LedgerEntry.OK.equals(entry.outcome())).hasSize(1);
    }

    @Test
    void should_leave_the_file_drop_stopped_when_switched_off() {
        // given quorum.file.enabled=false
        // then
        assertThat(quorum.context().getRouteController().getRouteStatus("file-drop").isStopped()).isTrue();
        assertThat(quorum.context().getRoute("kafka-requests")).isNotNull();
    }

    private QuorumInstance startQuorum() {
        return QuorumInstance.start(Map.of(
                "quorum.kafka.bootstrap-servers", broker.bootstrapServers(),
                "quorum.kafka.request-topic", REQUESTS,
                "quorum.kafka.result-topic", RESULTS,
                "quorum.kafka.dead-letter-topic", DEAD_LETTERS,
                "quorum.kafka.group-id", "quorum-test",
                "quorum.kafka.poll-timeout-ms", "100",
                // the crash test stops Quorum while a provider call is still running: give up on it after a second
                "camel.main.shutdown-timeout", "1",
                "quorum.kafka.max-poll-interval-ms", "10000",
                "quorum.kafka.idempotent-store", data.resolve("answered.txt").toString(),
                "quorum.data.dir", data.resolve("ledger").toString()));
    }

    private ProviderSimulator simulator() {
        return quorum.simulator();
    }

    private ConsumerRecord<String, byte[]> resultFor(String id) {
        return broker.readUntil(RESULTS, WAIT, records -> records.stream().anyMatch(r -> id.equals(r.key())))
                .stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
    }

    /** The results for {@code id} among everything on the result topic now. */
    private List<ConsumerRecord<String, byte[]>> resultsFor(String id) {
        String end = "end-of-read-" + java.util.UUID.randomUUID();
        broker.send(RESULTS, end, "{}");
        return broker.readUntil(RESULTS, WAIT, records -> records.stream().anyMatch(r -> end.equals(r.key())))
                .stream().filter(r -> id.equals(r.key())).toList();
    }

    private static List<SimCall> callsWithPrompt(ProviderSimulator simulator, String provider, String prompt) {
        return simulator.calls(provider).stream().filter(call -> prompt.equals(call.prompt())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
