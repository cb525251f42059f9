package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.sim.SimScript;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * LLM calls take seconds, so a gateway must hold many of them at once: 100 simultaneous requests to a provider that
 * takes 500 ms finish together, not in waves of the HTTP server's default 20 worker threads.
 */
class ConcurrencyTest extends QuorumTestSupport {

    @Test
    void should_serve_a_hundred_slow_provider_calls_at_once() {
        // given
        simulator().script("openai-sim", SimScript.builder().latencyMs(500).defaultAnswer("slow").build());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complete"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\",\"provider\":\"openai-sim\"}")).build();
        long started = System.nanoTime();

        // when
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 100)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        List<Integer> statuses = responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        // then: five waves of 20 would take 2.5 s
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(statuses).hasSize(100).containsOnly(200);
        assertThat(simulator().calls("openai-sim")).hasSize(100);
        assertThat(elapsedMillis).isLessThan(2_000);
    }
}
