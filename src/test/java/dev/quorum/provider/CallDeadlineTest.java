package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.TestHttp;
import dev.quorum.sim.SimScript;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code timeout-ms} is a deadline for the whole provider call, through the real routes against simulated providers
 * that trickle their answers one byte at a time (a read timeout restarts on every byte and would never strike): a
 * single call, a consensus member and a streamed call (first token and total) each end as {@code provider_timeout}
 * at their deadline, long before the trickle would, and the provider's connection is closed.
 */
class CallDeadlineTest extends QuorumTestSupport {

    /**
     * Half of what the shortest trickle here would take (half a minute and more), so a call the deadline did not end
     * still fails, and far above the deadlines (1 s) for a loaded 2-core CI's first request.
     */
    private static final long BOUND_MILLIS = 15_000;

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        // openai-sim: a deadline of 1 s for a plain call (single mode and consensus)
        settings.put("quorum.simulator.provider.openai-sim.timeout-ms", "1000");
        // mistral-sim: a generous total but 1 s for the first token of a stream
        settings.put("quorum.simulator.provider.mistral-sim.timeout-ms", "30000");
        settings.put("quorum.simulator.provider.mistral-sim.first-token-timeout-ms", "1000");
        // gemini-sim: 1.5 s for a whole stream
        settings.put("quorum.simulator.provider.gemini-sim.timeout-ms", "1500");
        return settings;
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void should_answer_a_timeout_at_the_deadline_of_a_single_call_to_a_trickling_provider() {
        // given: one byte every 200 ms, over a minute for the whole answer
        simulator().script("openai-sim", SimScript.builder().defaultAnswer("Paris.").trickleMs(200).build());
        CircuitBreaker breaker = breaker("openai-sim");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        long started = System.nanoTime();

        // when
        HttpResponse<String> response = send("/api/v1/complete", """
                {"prompt":"Where is Paris?","provider":"openai-sim"}""");

        // then: a timeout naming the deadline, well before the trickle's end, counted by the breaker, not retried
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("provider_timeout");
        assertThat(error.path("message").asText()).isEqualTo(
                "provider 'openai-sim' did not finish its answer within 1000 ms (timeout-ms)");
        assertThat(elapsedMillis).isBetween(900L, BOUND_MILLIS);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 1);
        assertThat(simulator().calls("openai-sim")).hasSize(1);
        // the connection is closed (the simulator's next byte fails) and the ledger has the timed-out call
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator().disconnects("openai-sim") == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                json(get("/api/v1/usage?period=day")).path("recentErrors").findValuesAsText("outcome"))
                .contains("provider_timeout"));
    }

    @Test
    void should_count_a_trickling_consensus_member_as_timed_out_at_its_own_deadline() {
        // given: the panel may take 30 s (the default), its trickling member only its own 1 s
        simulator().script("openai-sim", SimScript.builder().defaultAnswer("Paris.").trickleMs(200).build());
        long started = System.nanoTime();

        // when
        HttpResponse<String> response = send("/api/v1/consensus", """
                {"prompt":"What is the capital of France?","providers":["openai-sim","anthropic-sim","gemini-sim"]}""");

        // then: the other two still vote
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode member = member(json(response), "openai-sim");
        assertThat(member.path("error").path("type").asText()).isEqualTo("provider_timeout");
        assertThat(member.path("error").path("message").asText()).contains("within 1000 ms (timeout-ms)");
        assertThat(elapsedMillis).isBetween(900L, BOUND_MILLIS);
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator().disconnects("openai-sim") == 1);
    }

    @Test
    void should_answer_a_streamed_call_whose_first_token_does_not_come_in_time_with_a_timeout() {
        // given: the stream's frames trickle one byte every 100 ms, so its first token would take some 30 s
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("Paris is in France.").trickleMs(100)
                .build());
        long started = System.nanoTime();

        // when
        HttpResponse<String> response = send("/v1/chat/completions", """
                {"model":"mistral-sim","stream":true,"messages":[{"role":"user","content":"Where is Paris?"}]}""");

        // then: nothing was streamed yet, so the caller gets the JSON error
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("provider_timeout");
        assertThat(error.path("message").asText()).contains("sent no token within 1000 ms (first-token-timeout-ms)");
        assertThat(elapsedMillis).isBetween(900L, BOUND_MILLIS);
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator().disconnects("mistral-sim") == 1);
    }

    @Test
    void should_cut_a_stream_that_outlasts_its_total_deadline_with_a_timeout_event() {
        // given: a token every 300 ms, forty of them: the stream would last twelve seconds
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("word ".repeat(40).strip())
                .streamChunkDelayMs(300).build());
        long started = System.nanoTime();

        // when
        HttpResponse<String> response = send("/v1/chat/completions", """
                {"model":"gemini-sim","stream":true,"messages":[{"role":"user","content":"Say words"}]}""");

        // then: the first tokens, then an error event, at the deadline
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>(List.of(response.body().split("\n\n")));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        String last = events.get(events.size() - 2);
        assertThat(last).startsWith("event: error\ndata: ");
        JsonNode error = parse(last.substring("event: error\ndata: ".length())).path("error");
        assertThat(error.path("code").asText()).isEqualTo("provider_timeout");
        assertThat(error.path("message").asText()).contains("did not finish its answer within 1500 ms (timeout-ms)")
                .contains("characters had been sent");
        assertThat(response.body()).contains("\"content\":\"word \"");
        // cut before the stream's end: fewer than its forty words came (a loaded machine may take its time for them)
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_400L);
        assertThat(response.body().split("\"content\":\"word", -1).length - 1).isLessThan(40);
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator().disconnects("gemini-sim") == 1);
    }

    /** A POST that gives up after a minute, so the old behaviour (minutes of trickle) fails instead of hanging. */
    private HttpResponse<String> send(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return TestHttp.send(http, request);
    }

    private static JsonNode member(JsonNode result, String provider) {
        for (JsonNode response : result.path("responses")) {
            if (response.path("provider").asText().equals(provider)) {
                return response;
            }
        }
        throw new AssertionError("no response of " + provider + " in " + result);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CircuitBreaker breaker(String provider) {
        return context.getRegistry().lookupByNameAndType(provider + "CircuitBreaker", CircuitBreaker.class);
    }
}
