package dev.quorum.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quorum.LiveRoutes;
import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The weighted A/B split of creative tasks ({@code routes/engine/ab.camel.yaml}) on a temporary copy of {@code routes/}
 * with live reload on: the split follows its weights over 1000 requests, and rewriting the weights while requests
 * stream in changes the split without losing one request.
 */
class AbSplitTest extends QuorumTestSupport {

    private static final String CREATIVE = "{\"prompt\":\"hi\",\"task\":\"creative\"}";

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
    void should_split_close_to_its_weights_and_keep_every_request_through_a_reload() throws Exception {
        // given: the shipped split, 3:1 between openai-sim and mistral-sim
        simulator().reset();

        // when
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> response = post("/api/v1/complete", CREATIVE);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            picked.add(json(response).path("provider").asText());
        }

        // then
        assertThat(Collections.frequency(picked, "openai-sim")).isBetween(720, 780);
        assertThat(Collections.frequency(picked, "mistral-sim")).isBetween(220, 280);
        assertThat(json(post("/api/v1/complete", CREATIVE)).path("route").path("strategy").asText()).isEqualTo("ab-split");

        // given: two clients streaming requests
        AtomicBoolean streaming = new AtomicBoolean(true);
        List<String> lateRound = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<List<Integer>>> statuses = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            statuses.add(clients.submit(() -> {
                List<Integer> seen = new ArrayList<>();
                while (streaming.get()) {
                    HttpResponse<String> response = post("/api/v1/complete", CREATIVE);
                    seen.add(response.statusCode());
                    lateRound.add(response.statusCode() == 200 ? json(response).path("provider").asText() : "error");
                }
                return seen;
            }));
        }

        // when: the weights flip to 1:3, written beside and moved into place as an editor saves
        Path ab = routes.resolve("engine/ab.camel.yaml");
        String flipped = Files.readString(ab).replace("distributionRatio: \"3,1\"", "distributionRatio: \"1,3\"");
        LiveRoutes.replace(ab, flipped);

        // then: the stream turns to mistral-sim without a single failed request
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<String> recent;
            synchronized (lateRound) {
                recent = new ArrayList<>(lateRound.subList(Math.max(0, lateRound.size() - 40), lateRound.size()));
            }
            return recent.size() == 40 && Collections.frequency(recent, "mistral-sim") >= 25;
        });
        streaming.set(false);
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> client : statuses) {
            all.addAll(client.get());
        }
        clients.shutdown();
        assertThat(all).isNotEmpty().containsOnly(200);
        assertThat(lateRound).doesNotContain("error");
    }
}
