package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM calls take seconds, so a gateway must hold many of them at once: 100 simultaneous requests to a provider that
 * takes 2 s are all in flight together, not served in waves of the HTTP server's default 20 worker threads; and
 * panel members reached through their queues are called at once, not one by one.
 */
class ConcurrencyTest extends QuorumTestSupport {

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void should_serve_a_hundred_slow_provider_calls_at_once() {
        // given
        simulator().script("openai-sim", SimScript.builder().latencyMs(2_000).defaultAnswer("slow").build());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complete"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\",\"provider\":\"openai-sim\"}")).build();

        // when
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 100)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        List<Integer> statuses = responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        // then: more than the default 20 calls were open at the provider at once (with 20 workers, the 21st call
        // could only arrive once one had been answered), counted from the simulator's own arrival and answer times
        assertThat(statuses).hasSize(100).containsOnly(200);
        List<SimCall> calls = simulator().calls("openai-sim");
        assertThat(calls).hasSize(100);
        assertThat(mostOpenAtOnce(calls)).isGreaterThan(20);
    }

    @Test
    void should_call_panel_members_at_once_for_requests_with_their_own_time_out() {
        // given: consensus requests naming their own timeoutMs reach each member through its seda queue
        simulator().script("openai-sim", SimScript.builder().latencyMs(1_000).defaultAnswer("Paris").build());
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("Paris").build());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complete"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"capital of France?\",\"mode\":\"consensus\","
                        + "\"providers\":[\"openai-sim\",\"gemini-sim\"],\"timeoutMs\":20000}")).build();

        // when
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 12)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        List<HttpResponse<String>> answers = responses.stream().map(CompletableFuture::join).toList();

        // then: the slow member's calls overlapped instead of going one at a time through the queue's consumer
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        List<SimCall> calls = simulator().calls("openai-sim");
        assertThat(calls).hasSize(12);
        assertThat(mostOpenAtOnce(calls)).isGreaterThanOrEqualTo(10);
    }

    /**
     * The most calls open at the provider at one moment: each call is open from its {@code receivedAt} to its
     * {@code at} (when it was answered), both recorded by the simulator, so the count does not depend on how long
     * a loaded machine took to sleep the scripted latency.
     */
    private static int mostOpenAtOnce(List<SimCall> calls) {
        List<Instant> opened = calls.stream().map(SimCall::receivedAt).sorted().toList();
        List<Instant> closed = calls.stream().map(SimCall::at).sorted().toList();
        int most = 0;
        int open = 0;
        int next = 0;
        for (Instant arrival : opened) {
            while (next < closed.size() && closed.get(next).isBefore(arrival)) {
                next++;
                open--;
            }
            open++;
            most = Math.max(most, open);
        }
        return most;
    }
}
