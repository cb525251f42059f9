package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Editing a route file while Quorum runs changes its behaviour without a restart. The test runs on a temporary copy
 * of {@code routes/} and rewrites the single-mode route to rank by cost when a request asks no priority.
 */
class RouteReloadTest extends QuorumTestSupport {

    private final Path routes = copyRoutes();

    private static Path copyRoutes() {
        try {
            Path target = Files.createTempDirectory("quorum-routes");
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

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml,file:" + routes + "/config/*.camel.yaml",
                "camel.main.routes-reload-enabled", "true",
                "camel.main.routes-reload-directory", routes.toString());
    }

    @AfterAll
    void deleteCopy() throws IOException {
        try (Stream<Path> files = Files.walk(routes)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void should_change_behaviour_when_a_route_file_is_edited() throws IOException {
        // given
        assertThat(json(post("/api/v1/complete", "{\"prompt\":\"hi\"}")).path("provider").asText()).isEqualTo("anthropic-sim");
        Path intake = routes.resolve("routing.camel.yaml");
        String original = Files.readString(intake);
        // the otherwise branch (no priority asked) ranks by cost instead of the tier table
        String pinned = original.replace("method: tier", "method: cost");
        assertThat(pinned).isNotEqualTo(original);

        // when: written beside and moved into place, as an editor's atomic save does
        Path staged = Files.writeString(routes.resolve("routing.camel.yaml.tmp"), pinned);
        Files.move(staged, intake, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        // then
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(json(post("/api/v1/complete", "{\"prompt\":\"hi\"}")).path("provider").asText())
                        .isEqualTo("ollama-sim"));
    }
}
