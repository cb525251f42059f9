package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.api.CompletionResult;
import dev.quorum.camel.FileTriggerConstants;
import dev.quorum.sim.SimScript;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The file-drop trigger ({@code routes/file.camel.yaml}) on real folders: answered files, rejected files, files still
 * being written, file names that try to leave the folders or that the file component cannot read, names that
 * sanitise alike, symbolic links and files too large to read.
 */
class FileDropTest extends QuorumTestSupport {

    private final Path root = temporaryFolder();
    private final Path inbox = root.resolve("drop/inbox");
    private final Path outbox = root.resolve("drop/outbox");
    private final Path done = root.resolve("drop/done");
    private final Path error = root.resolve("drop/error");
    /** Where the targets of links dropped into the inbox live: outside every folder of the file drop. */
    private final Path outside = temporaryFolder();

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
                "quorum.file.read-lock-check-interval-ms", "100",
                "quorum.file.max-bytes", "4096");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @AfterAll
    void removeFolders() throws IOException {
        for (Path folder : List.of(root, outside)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
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
    void should_answer_a_dropped_request_that_names_a_prompt_template() throws IOException {
        // given
        post("/api/v1/prompts", "{\"id\":\"file-capital\",\"template\":\"What is the capital of {{country}}?\"}");

        // when
        drop("templated.json", "{\"id\":\"file-t\",\"template\":\"file-capital\",\"variables\":{\"country\":\"France\"},"
                + "\"provider\":\"mistral-sim\"}");

        // then
        Path result = outbox.resolve("templated.result.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result));
        JsonNode json = JSON.readTree(result.toFile());
        assertThat(json.path("template").path("id").asText()).as(json.toString()).isEqualTo("file-capital");
        assertThat(json.path("template").path("version").asInt()).isEqualTo(1);
        assertThat(simulator().calls("mistral-sim")).extracting(dev.quorum.sim.SimCall::prompt)
                .contains("What is the capital of France?");
    }

    @Test
    void should_answer_a_dropped_conversation_with_its_messages_sent_as_they_are() throws IOException {
        // given
        String request = """
                {"id":"file-chat","provider":"mistral-sim","messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":"Hi."},{"role":"assistant","content":"Hello."},
                 {"role":"user","content":"What is the capital of France?"}]}""";

        // when
        drop("chat.json", request);

        // then
        Path result = outbox.resolve("chat.result.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result));
        assertThat(JSON.readTree(result.toFile()).path("answer").asText()).isEqualTo("Paris.");
        assertThat(simulator().calls("mistral-sim").get(0).request().roles())
                .containsExactly("system", "user", "assistant", "user");
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
        // given: a name with '..', spaces and other characters is sanitised for the files written from it
        String odd = "a..b c:d.json";
        String oddInvalid = "x..y.json.json";
        String oddBase = FileDrop.safeBaseName(odd);

        // when
        drop(odd, "{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");
        drop(oddInvalid, "not json");

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(outbox.resolve(oddBase + ".result.json"))
                && Files.exists(done.resolve(oddBase + ".json")) && Files.exists(error.resolve("x..y.json.json")));
        assertThat(oddBase).startsWith("a..b_c_d~");
        assertThat(error.resolve("x..y.json.error.json")).exists();
        assertThat(filesUnder(root)).allSatisfy(path -> assertThat(path).startsWith(root.resolve("drop")));
        assertThat(simulator().calls("openai-sim")).hasSize(1);
    }

    @Test
    void should_move_names_the_file_component_cannot_read_to_the_error_folder_unread() throws IOException {
        // given: on Linux '\' is an ordinary character in a file name, which Camel (and Windows) read as a separator,
        // and a newline keeps a name from matching *.json; both used to stay in the inbox forever
        String backslash = "..\\..\\escape.json";
        String newline = "two\nlines.json";
        String request = "{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}";

        // when
        drop(backslash, request);
        drop(newline, request);

        // then
        String backslashBase = FileDrop.safeBaseName(backslash);
        String newlineBase = FileDrop.safeBaseName(newline);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(error.resolve(backslashBase + ".json"))
                && Files.exists(error.resolve(newlineBase + ".json"))
                && Files.exists(error.resolve(newlineBase + ".error.json"))
                && Files.exists(error.resolve(backslashBase + ".error.json")));
        assertThat(inbox.resolve(backslash)).doesNotExist();
        assertThat(inbox.resolve(newline)).doesNotExist();
        assertThat(Files.readString(error.resolve(newlineBase + ".json"))).isEqualTo(request);
        assertThat(JSON.readTree(error.resolve(newlineBase + ".error.json").toFile()).path("error").path("message")
                .asText()).contains("U+000A").contains(newlineBase + ".json");
        assertThat(JSON.readTree(error.resolve(backslashBase + ".error.json").toFile()).path("error").path("message")
                .asText()).contains("backslash");
        assertThat(filesUnder(root)).allSatisfy(path -> assertThat(path).startsWith(root.resolve("drop")));
        assertThat(root.getParent().resolve("escape.json")).doesNotExist();
        assertThat(simulator().calls("openai-sim")).isEmpty();
    }

    @Test
    void should_refuse_a_symbolic_link_without_reading_moving_or_deleting_its_target() throws IOException {
        // given: a request outside the inbox, and a link to it dropped into the inbox
        Path secret = outside.resolve("secret.json");
        String content = "{\"prompt\":\"Repeat: TOPSECRET-42\",\"provider\":\"openai-sim\"}";
        Files.writeString(secret, content);
        Files.createDirectories(inbox);
        Path link = Files.createSymbolicLink(inbox.resolve("link.json"), secret);

        // then
        Path report = error.resolve("link.error.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report)
                && Files.isSymbolicLink(error.resolve("link.symlink")));
        String message = JSON.readTree(report.toFile()).path("error").path("message").asText();
        assertThat(message).contains("symbolic link").contains("link.symlink");
        assertThat(Files.readString(report)).doesNotContain("TOPSECRET");
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readSymbolicLink(error.resolve("link.symlink"))).isEqualTo(secret);
        assertThat(Files.readString(secret)).isEqualTo(content);
        assertThat(outbox.resolve("link.result.json")).doesNotExist();
        assertThat(done.resolve("link.json")).doesNotExist();
        assertThat(simulator().calls("openai-sim")).isEmpty();
    }

    @Test
    void should_move_a_pipe_to_the_error_folder_without_opening_it() throws Exception {
        // given: a named pipe, whose read would block the file consumer until someone writes to it
        Files.createDirectories(inbox);
        Path pipe = inbox.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

        // then
        Path report = error.resolve("pipe.error.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report)
                && Files.exists(error.resolve("pipe.json"), LinkOption.NOFOLLOW_LINKS));
        assertThat(JSON.readTree(report.toFile()).path("error").path("message").asText()).contains("not a regular file");
        assertThat(Files.exists(pipe, LinkOption.NOFOLLOW_LINKS)).isFalse();
        // the consumer is not blocked: the next request is answered
        drop("after-pipe.json", "{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(outbox.resolve("after-pipe.result.json")));
    }

    @Test
    void should_refuse_a_file_turned_into_a_link_after_the_filter_looked() throws IOException {
        // given: what the route's first step sees when a link took a listed file's place
        Path secret = outside.resolve("target.json");
        Files.writeString(secret, "{\"prompt\":\"TOPSECRET-43\"}");
        Path link = Files.createSymbolicLink(outside.resolve("swapped.json"), secret);
        GenericFile<File> file = new GenericFile<>();
        file.setFile(link.toFile());
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(file);
        exchange.getMessage().setHeader(Exchange.FILE_NAME_ONLY, "swapped.json");
        FileDrop fileDrop = context.getRegistry().lookupByNameAndType("fileDrop", FileDrop.class);

        // when
        fileDrop.accept(exchange);
        fileDrop.route(exchange);

        // then
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.error().message()).contains("symbolic link").doesNotContain("TOPSECRET");
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("swapped.error.json");
        assertThat(exchange.getProperty(FileTriggerConstants.FILE_MOVE_TO, String.class)).endsWith("swapped.symlink");
    }

    @Test
    void should_keep_apart_the_results_of_names_that_sanitise_alike() throws IOException {
        // given
        String spaced = "a b.json";
        String underscored = "a_b.json";

        // when
        drop(spaced, "{\"id\":\"spaced\",\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");
        drop(underscored, "{\"id\":\"underscored\",\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}");

        // then
        Path spacedResult = outbox.resolve(FileDrop.safeBaseName(spaced) + ".result.json");
        Path underscoredResult = outbox.resolve("a_b.result.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(spacedResult) && Files.exists(underscoredResult)
                && Files.exists(done.resolve("a_b.json")) && Files.exists(done.resolve(FileDrop.safeBaseName(spaced) + ".json")));
        assertThat(spacedResult).isNotEqualTo(underscoredResult);
        assertThat(JSON.readTree(spacedResult.toFile()).path("id").asText()).isEqualTo("spaced");
        assertThat(JSON.readTree(underscoredResult.toFile()).path("id").asText()).isEqualTo("underscored");
    }

    @Test
    void should_refuse_a_file_larger_than_the_limit_unread() throws IOException {
        // given: quorum.file.max-bytes is 4096 here
        String large = "{\"prompt\":\"" + "x".repeat(5000) + "\",\"provider\":\"openai-sim\"}";

        // when
        drop("large.json", large);

        // then
        Path report = error.resolve("large.error.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report) && Files.exists(error.resolve("large.json")));
        assertThat(JSON.readTree(report.toFile()).path("error").path("message").asText())
                .contains("quorum.file.max-bytes");
        assertThat(Files.readString(error.resolve("large.json"))).isEqualTo(large);
        assertThat(simulator().calls("openai-sim")).isEmpty();
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
    void should_reduce_any_name_to_a_plain_unique_file_name() {
        // a name that is already plain stays as it is
        assertThat(FileDrop.safeBaseName("question.json")).isEqualTo("question");
        // the example of docs/triggers.md
        assertThat(FileDrop.safeBaseName("my file.json")).isEqualTo("my_file~c635e7cabfb1");
        assertThat(FileDrop.safeBaseName("x..y.json.json")).isEqualTo("x..y.json");
        // any other gets the characters replaced and a hash of the original name, after a '~' no plain name has
        assertThat(FileDrop.safeBaseName("../../etc/passwd.json")).matches("_\\.\\._\\.\\._etc_passwd~[0-9a-f]{12}");
        assertThat(FileDrop.safeBaseName("..\\..\\escape.json")).matches("_\\.\\._\\.\\._escape~[0-9a-f]{12}");
        assertThat(FileDrop.safeBaseName("..")).matches("_\\.\\.~[0-9a-f]{12}");
        assertThat(FileDrop.safeBaseName(".hidden.JSON")).matches("_\\.hidden~[0-9a-f]{12}");
        assertThat(FileDrop.safeBaseName("C:\\x.json")).matches("C__x~[0-9a-f]{12}");
        assertThat(FileDrop.safeBaseName("r\u00e9sum\u00e9 (1).json")).matches("r_sum___1_~[0-9a-f]{12}");
        assertThat(FileDrop.safeBaseName("")).matches("_~[0-9a-f]{12}");
        assertThat(FileDrop.safeBaseName("x".repeat(300) + ".json")).hasSize(200 + 13);
        // the same name always gives the same base name; names that sanitise alike do not
        assertThat(FileDrop.safeBaseName("a b.json")).isEqualTo(FileDrop.safeBaseName("a b.json"))
                .isNotEqualTo(FileDrop.safeBaseName("a_b.json")).isNotEqualTo(FileDrop.safeBaseName("a:b.json"));
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
