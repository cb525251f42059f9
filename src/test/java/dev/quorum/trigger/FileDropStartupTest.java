package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code quorum.file.enabled=false} (what every test Quorum runs with) leaves the file-drop routes there but stopped,
 * decided by their route policy ({@code AutoStartupPolicy}) rather than a placeholder in {@code autoStartup}: an
 * operator can still start them from JMX or the console, and a started file drop answers.
 */
class FileDropStartupTest extends QuorumTestSupport {

    private final Path root = temporaryFolder();

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "quorum.file.inbox", root.resolve("inbox").toString(),
                "quorum.file.outbox", root.resolve("outbox").toString(),
                "quorum.file.done", root.resolve("done").toString(),
                "quorum.file.error", root.resolve("error").toString(),
                "quorum.file.poll-delay-ms", "100",
                "quorum.file.read-lock-min-age-ms", "200",
                "quorum.file.read-lock-check-interval-ms", "100");
    }

    @AfterAll
    void removeFolders() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void should_leave_the_file_drop_stopped_when_disabled_and_answer_once_an_operator_starts_it() throws Exception {
        // given: disabled, the routes exist and are stopped
        assertThat(context.getRoute("file-drop")).isNotNull();
        assertThat(context.getRouteController().getRouteStatus("file-drop").isStopped()).isTrue();
        assertThat(context.getRouteController().getRouteStatus("file-drop-refused").isStopped()).isTrue();

        // when: started as from the Hawtio console, and a request dropped
        context.getRouteController().startRoute("file-drop");
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path staged = Files.writeString(root.resolve("question.json.part"),
                "{\"prompt\":\"What is the capital of France?\",\"provider\":\"mistral-sim\"}");
        Files.move(staged, inbox.resolve("question.json"), StandardCopyOption.ATOMIC_MOVE);

        // then
        Path result = root.resolve("outbox/question.result.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(result));
        assertThat(JSON.readTree(result.toFile()).path("answer").asText()).isEqualTo("Paris.");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("quorum-file-startup").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
