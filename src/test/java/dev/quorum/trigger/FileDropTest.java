package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The file-drop trigger ({@code routes/file.camel.yaml}) on real folders: answered files, rejected files, files still
 * being written, and file names that try to leave the folders.
 */
class FileDropTest extends QuorumTestSupport {

    private final Path root = temporaryFolder();
    private final Path inbox = root.resolve("drop/inbox");
    private final Path outbox = root.resolve("drop/outbox");
    private final Path done = root.resolve("drop/done");
    private final Path error = root.resolve("drop/error");

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "quorum.file.enabled", "true",
                "quorum.file.inbox", inbox.toString(),
                "quorum.file.outbox", outbox.toString(),
                "quorum.file.done", done.toString(),
                "quorum.file.error", error.toString(),
                "quorum.file.poll-delay-ms", "100",
                "quorum.file.read-lock-min-age-ms", "800",
                "quorum.file.read-lock-check-interval-ms", "100");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @AfterAll
    void removeFolders() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void should_answer_a_dropped_request_into_the_outbox_and_move_the_original_to_done() throws IOException {
        // given
        String request = "{\"id\":\"file-1\",\"prompt\":\"What is the capital of France?\",\"provider\":\"mistral-sim\"}";

        // when
        drop("question.json", request);

        // then
        Path result = outbox.resolve("question.result.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result) && Files.exists(done.resolve("question.json")));
        JsonNode json = JSON.readTree(result.toFile());
        assertThat(json.path("id").asText()).isEqualTo("file-1");
        assertThat(json.path("answer").asText()).isEqualTo("Paris.");
        assertThat(json.path("provider").asText()).isEqualTo("mistral-sim");
        assertThat(json.path("outputTokens").asInt()).isPositive();
        assertThat(json.has("error")).isFalse();
        assertThat(Files.readString(done.resolve("question.json"))).isEqualTo(request);
        assertThat(inbox.resolve("question.json")).doesNotExist();
        assertThat(simulator().calls("mistral-sim")).hasSize(1);
    }

    @Test
    void should_replace_the_earlier_result_and_original_when_a_name_is_dropped_again() throws IOException {
        // given
        drop("again.json", "{\"id\":\"again-1\",\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(done.resolve("again.json")));

        // when
        String second = "{\"id\":\"again-2\",\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}";
        drop("again.json", second);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> second.equals(readOrNull(done.resolve("again.json")))
                && !Files.exists(inbox.resolve("again.json")));
        assertThat(JSON.readTree(outbox.resolve("again.result.json").toFile()).path("id").asText()).isEqualTo("again-2");
        assertThat(simulator().calls("openai-sim")).hasSize(2);
    }

    @Test
    void should_move_an_invalid_request_to_the_error_folder_beside_an_error_report() throws IOException {
        // given
        String request = "{\"prompt\":\"Hello\",\"temprature\":0.2}";

        // when
        drop("typo.json", request);

        // then
        Path report = error.resolve("typo.error.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report) && Files.exists(error.resolve("typo.json")));
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.path("error").path("type").asText()).isEqualTo("invalid_request");
        assertThat(json.path("error").path("field").asText()).isEqualTo("temprature");
        assertThat(json.path("error").path("message").asText()).contains("unknown field 'temprature'");
        assertThat(Files.readString(error.resolve("typo.json"))).isEqualTo(request);
        assertThat(outbox.resolve("typo.result.json")).doesNotExist();
        assertThat(done.resolve("typo.json")).doesNotExist();
    }

    @Test
    void should_write_a_result_with_the_error_when_the_provider_fails() throws IOException {
        // given
        simulator().script("gemini-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when
        drop("failing.json", "{\"id\":\"file-3\",\"prompt\":\"Hello\",\"provider\":\"gemini-sim\"}");

        // then
        Path result = outbox.resolve("failing.result.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(result) && Files.exists(done.resolve("failing.json")));
        JsonNode json = JSON.readTree(result.toFile());
        assertThat(json.path("id").asText()).isEqualTo("file-3");
        assertThat(json.path("error").path("provider").asText()).isEqualTo("gemini-sim");
        assertThat(json.has("answer")).isFalse();
        assertThat(error.resolve("failing.error.json")).doesNotExist();
    }

    @Test
    void should_not_pick_up_a_file_while_it_is_still_being_written() throws Exception {
        // given: a slow writer straight into the inbox, adding to the file every 100 ms for longer than the read
        // lock's minimum age (800 ms here)
        Path file = inbox.resolve("slow.json");
        Files.createDirectories(inbox);
        Files.writeString(file, "{\"id\":\"file-4\",");
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(() -> append(file, " "), 100, 100, TimeUnit.MILLISECONDS);
        try {
            // then: while it keeps changing it stays where it is, untouched
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() ->
                    Files.exists(file) && !Files.exists(outbox.resolve("slow.result.json"))
                            && !Files.exists(error.resolve("slow.error.json")));
        } finally {
            writer.shutdownNow();
            writer.awaitTermination(5, TimeUnit.SECONDS);
        }

        // when: the writer finishes
        append(file, "\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");

        // then: the whole request is answered
        Path result = outbox.resolve("slow.result.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result));
        assertThat(JSON.readTree(result.toFile()).path("answer").asText()).isEqualTo("Paris.");
        assertThat(simulator().calls("openai-sim")).hasSize(1);
    }

    @Test
    void should_ignore_a_file_written_under_a_temporary_name_until_it_is_renamed() throws IOException {
        // given
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("renamed.json.part");
        Files.writeString(partial, "{\"id\":\"file-5\",\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");
        Path hidden = inbox.resolve(".hidden.json");
        Files.writeString(hidden, "{\"prompt\":\"half");

        // then
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5)).until(() ->
                Files.exists(partial) && Files.exists(hidden) && !Files.exists(outbox.resolve("renamed.result.json")));

        // when
        Files.move(partial, inbox.resolve("renamed.json"));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(outbox.resolve("renamed.result.json")));
        assertThat(hidden).exists();
        assertThat(error.resolve("_.hidden.error.json")).doesNotExist();
    }

    @Test
    void should_keep_every_file_inside_its_folders_whatever_the_dropped_name() throws IOException {
        // given: on Linux '\' is an ordinary character in a file name, which Camel (and Windows) read as a separator;
        // a name with '..', spaces and other characters is sanitised for the files written from it
        String hostile = "..\\..\\escape.json";
        String odd = "a..b c:d.json";
        String oddInvalid = "x..y.json.json";

        // when
        drop(hostile, "{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");
        drop(odd, "{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");
        drop(oddInvalid, "not json");

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(outbox.resolve("a..b_c_d.result.json"))
                && Files.exists(done.resolve("a..b_c_d.json")) && Files.exists(error.resolve("x..y.json.json")));
        assertThat(error.resolve("x..y.json.error.json")).exists();
        assertThat(filesUnder(root)).allSatisfy(path -> assertThat(path).startsWith(root.resolve("drop")));
        assertThat(root.resolve("escape.result.json")).doesNotExist();
        assertThat(root.getParent().resolve("escape.result.json")).doesNotExist();
        assertThat(root.getParent().resolve("escape.json")).doesNotExist();
        // Camel resolves a name with '\\' to a path outside the inbox that does not exist, so it never reads it
        assertThat(inbox.resolve(hostile)).exists();
        assertThat(simulator().calls("openai-sim")).hasSize(1);
    }

    @Test
    void should_have_no_kafka_route_when_no_bootstrap_servers_are_set() {
        // given the default configuration, quorum.kafka.bootstrap-servers blank
        // then
        assertThat(context.getRoute("kafka-requests")).isNull();
        assertThat(context.getRoute("kafka-dead-letter")).isNull();
        assertThat(context.getRoute("kafka-answer")).isNull();
        assertThat(context.getRegistry().lookupByName("kafkaAnsweredRequests")).isNull();
        assertThat(context.getRouteController().getRouteStatus("file-drop").isStarted()).isTrue();
    }

    @Test
    void should_reduce_any_name_to_a_plain_file_name() {
        assertThat(FileDrop.safeBaseName("../../etc/passwd.json")).isEqualTo("_.._.._etc_passwd");
        assertThat(FileDrop.safeBaseName("..\\..\\escape.json")).isEqualTo("_.._.._escape");
        assertThat(FileDrop.safeBaseName("..")).isEqualTo("_..");
        assertThat(FileDrop.safeBaseName(".hidden.JSON")).isEqualTo("_.hidden");
        assertThat(FileDrop.safeBaseName("C:\\x.json")).isEqualTo("C__x");
        assertThat(FileDrop.safeBaseName("r\u00e9sum\u00e9 (1).json")).isEqualTo("r_sum___1_");
        assertThat(FileDrop.safeBaseName("")).isEqualTo("_");
        assertThat(FileDrop.safeBaseName("x".repeat(300) + ".json")).hasSize(200);
    }

    private void drop(String name, String content) throws IOException {
        // written beside the inbox, then moved in: the way writers are asked to drop files
        Files.createDirectories(inbox);
        Path staging = Files.createTempFile(root, "staging", ".tmp");
        Files.writeString(staging, content, StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve(name));
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("quorum-file-drop").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
