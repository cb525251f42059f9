package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Editing a route file while Quorum runs changes its behaviour without a restart. The test runs on a temporary copy
 * of {@code routes/} and rewrites the single-mode route to rank by cost when a request asks no priority.
 */
class RouteReloadTest extends QuorumTestSupport {

    private final LiveRoutes routes = LiveRoutes.copy();

    @Override
    protected Map<String, String> overrides() {
        return routes.settings();
    }

    @AfterAll
    void deleteCopy() throws IOException {
        routes.delete();
    }

    @Test
    void should_change_behaviour_when_a_route_file_is_edited() throws IOException {
        // given
        assertThat(json(post("/api/v1/complete", "{\"prompt\":\"hi\"}")).path("provider").asText()).isEqualTo("anthropic-sim");
        Path intake = routes.resolve("engine/routing.camel.yaml");
        String original = Files.readString(intake);
        // the otherwise branch (no priority asked) ranks by cost instead of the tier table
        String pinned = original.replace("ref: providerRanker.tier", "ref: providerRanker.cost");
        assertThat(pinned).isNotEqualTo(original);

        // when: written beside and moved into place, as an editor's atomic save does
        LiveRoutes.replace(intake, pinned);

        // then
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(json(post("/api/v1/complete", "{\"prompt\":\"hi\"}")).path("provider").asText())
                        .isEqualTo("ollama-sim"));
    }
}
