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
 * The trigger route files under live reload, on a temporary copy of {@code routes/}: an edited
 * {@code kafka.camel.yaml} still adds no Kafka route while no bootstrap servers are set, and an edited
 * {@code file.camel.yaml} comes back running.
 */
class TriggerReloadTest extends QuorumTestSupport {

    private final Path routes = copyRoutes();
    private final Path inbox = routes.resolve("inbox");

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml,file:" + routes + "/config/*.camel.yaml",
                "camel.main.routes-reload-enabled", "true",
                "camel.main.routes-reload-directory", routes.toString(),
                "quorum.file.enabled", "true",
                "quorum.file.inbox", inbox.toString(),
                "quorum.file.outbox", routes.resolve("outbox").toString(),
                "quorum.file.done", routes.resolve("done").toString(),
                "quorum.file.error", routes.resolve("error").toString());
    }

    @AfterAll
    void deleteCopy() throws IOException {
        try (Stream<Path> files = Files.walk(routes)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void should_keep_kafka_absent_and_the_file_drop_running_when_their_files_are_reloaded() throws IOException {
        // given
        assertThat(context.getRoute("kafka-requests")).isNull();

        // when: both files are edited; the Kafka file gains a probe route without precondition to show it reloaded
        Path kafka = routes.resolve("kafka.camel.yaml");
        replace(kafka, Files.readString(kafka) + """
                - route:
                    id: kafka-reload-probe
                    from:
                      uri: direct:kafka-reload-probe
                      steps:
                        - setBody:
                            constant: reloaded
                """);
        Path file = routes.resolve("file.camel.yaml");
        replace(file, Files.readString(file).replace("description: Answers request files dropped into the inbox folder",
                "description: Answers request files dropped into the inbox folder (edited)"));

        // then
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                context.getRoute("kafka-reload-probe") != null
                        && context.getRoute("file-drop") != null
                        && context.getRoute("file-drop").getDescription().endsWith("(edited)"));
        assertThat(context.getRoute("kafka-requests")).isNull();
        assertThat(context.getRoute("kafka-dead-letter")).isNull();
        assertThat(context.getRoute("kafka-answer")).isNull();
        assertThat(context.getRouteController().getRouteStatus("file-drop").isStarted()).isTrue();
    }

    private static void replace(Path target, String content) throws IOException {
        // written beside and moved into place, as an editor's atomic save does
        Path staged = Files.writeString(target.resolveSibling(target.getFileName() + ".tmp"), content);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path copyRoutes() {
        try {
            Path target = Files.createTempDirectory("quorum-trigger-routes");
            Path source = Path.of("routes");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
