package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.QuorumInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

/**
 * Health and the HTTP API while Quorum starts: the HTTP server listens before the routes have started, and until every
 * route has, liveness and readiness are DOWN (503) and every other request is a JSON 503 {@code not_ready} with
 * {@code Retry-After}, never an HTML 404 of a route not there yet. A route of the test's own holds the start (its step
 * starts only when the test lets it).
 */
class StartupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_be_down_and_answer_json_503_until_every_route_has_started() throws Exception {
        // given: a Quorum whose start is held by one route's step
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        QuorumInstance quorum = QuorumInstance.create(Map.of(), main -> main.configure().addRoutesBuilder(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("timer:held-start?repeatCount=1").routeId("held-start").process(new Held(holding, release));
                    }
                }));
        CompletableFuture<Void> started = CompletableFuture.runAsync(quorum::startMain);
        try {
            assertThat(holding.await(60, TimeUnit.SECONDS)).as("the start reached the held route").isTrue();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> quorum.get("/observe/health/live").statusCode() > 0);

            // when / then: health is DOWN, and every other request a JSON 503
            for (String probe : List.of("/observe/health/live", "/observe/health/ready", "/observe/health")) {
                HttpResponse<String> health = quorum.get(probe);
                assertThat(health.statusCode()).as(probe + " " + health.body()).isEqualTo(503);
                assertThat(json(health).path("status").asText()).isEqualTo("DOWN");
            }
            for (HttpResponse<String> reply : List.of(quorum.get("/api/v1/providers"), quorum.get("/dashboard"),
                    quorum.get("/no/such/path"), quorum.post("/api/v1/complete", "{\"prompt\":\"hello\"}"),
                    quorum.post("/v1/chat/completions", "{\"model\":\"quorum/route\",\"messages\":[]}"))) {
                assertThat(reply.statusCode()).as(reply.uri() + " " + reply.body()).isEqualTo(503);
                assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(reply.headers().firstValue("Retry-After")).hasValue("1");
                // Quorum's error shape, or OpenAI's under /v1/
                JsonNode error = json(reply).path("error");
                assertThat(List.of(error.path("type").asText(), error.path("code").asText()))
                        .containsAnyOf("not_ready", "server_starting");
            }
            assertThat(started).isNotDone();
        } finally {
            release.countDown();
            started.get(60, TimeUnit.SECONDS);
        }
        try {
            // and once every route has started
            assertThat(quorum.get("/observe/health/live").statusCode()).isEqualTo(200);
            assertThat(quorum.get("/observe/health/ready").statusCode()).isEqualTo(200);
            assertThat(quorum.get("/api/v1/providers").statusCode()).isEqualTo(200);
        } finally {
            quorum.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** A step whose start waits for the test: its route, and so Quorum's start, is held until then. */
    private static final class Held extends ServiceSupport implements Processor {

        private final CountDownLatch holding;
        private final CountDownLatch release;

        Held(CountDownLatch holding, CountDownLatch release) {
            this.holding = holding;
            this.release = release;
        }

        @Override
        protected void doStart() throws Exception {
            holding.countDown();
            release.await(60, TimeUnit.SECONDS);
        }

        @Override
        public void process(Exchange exchange) {
        }
    }
}
