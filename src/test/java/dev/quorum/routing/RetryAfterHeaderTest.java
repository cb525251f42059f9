package dev.quorum.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import dev.quorum.sim.SimScript.RetryAfterForm;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 429 that names its wait in a header only (Anthropic's way, and any provider's {@code Retry-After} without
 * OpenAI's sentence in the message), through the real provider routes and each of the five wire formats of the
 * simulator: the retry waits for it, in seconds, as an HTTP-date and as OpenAI's {@code retry-after-ms}; a wait
 * beyond {@code max-retry-after-ms} is not waited for. The backoff alone is 50 ms here, so a header that is not read
 * shows as a retry far sooner than asked.
 */
class RetryAfterHeaderTest extends QuorumTestSupport {

    private static final List<String> PROVIDERS = List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim",
            "ollama-sim");

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "quorum.routing.retry.max-attempts", "2",
                "quorum.routing.retry.initial-delay-ms", "50",
                "quorum.routing.retry.jitter", "0",
                "quorum.routing.retry.max-retry-after-ms", "5000",
                // the 429s of all three tests must not open a provider's breaker (which stops retries)
                "quorum.routing.breaker.minimum-number-of-calls", "100");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void should_wait_for_a_header_only_retry_after_in_seconds_in_each_wire_format() {
        // given: each provider answers its next call with a 429 whose only Retry-After is the header, 1 second
        for (String provider : PROVIDERS) {
            simulator().script(provider, SimScript.builder().failNext(1).errorStatus(429).retryAfterSeconds(1)
                    .retryAfterForm(RetryAfterForm.SECONDS).defaultAnswer("after the wait").build());
        }

        // when: one request pinned to each provider, all at once
        Map<String, HttpResponse<String>> responses = callAll(PROVIDERS);

        // then: each answered, its second call at least the header's second after the first
        responses.forEach((provider, response) -> assertAnsweredAfter(provider, response, Duration.ofMillis(950)));
    }

    @Test
    void should_wait_for_a_retry_after_http_date_and_for_openais_retry_after_ms() {
        // given: an HTTP-date 2 seconds ahead (whole seconds, so 1 to 2 seconds away) and retry-after-ms of 1000
        simulator().script("anthropic-sim", SimScript.builder().failNext(1).errorStatus(429).retryAfterSeconds(2)
                .retryAfterForm(RetryAfterForm.DATE).defaultAnswer("after the wait").build());
        simulator().script("openai-sim", SimScript.builder().failNext(1).errorStatus(429).retryAfterSeconds(1)
                .retryAfterForm(RetryAfterForm.MILLIS).defaultAnswer("after the wait").build());

        // when
        Map<String, HttpResponse<String>> responses = callAll(List.of("anthropic-sim", "openai-sim"));

        // then
        assertAnsweredAfter("anthropic-sim", responses.get("anthropic-sim"), Duration.ofMillis(800));
        assertAnsweredAfter("openai-sim", responses.get("openai-sim"), Duration.ofMillis(950));
    }

    @Test
    void should_not_wait_for_a_header_only_retry_after_beyond_the_maximum_in_any_form() {
        // given: waits of a minute, each in a header only, longer than max-retry-after-ms (5 s)
        Map<String, RetryAfterForm> forms = Map.of("openai-sim", RetryAfterForm.MILLIS,
                "anthropic-sim", RetryAfterForm.SECONDS, "gemini-sim", RetryAfterForm.DATE);
        forms.forEach((provider, form) -> simulator().script(provider, SimScript.builder().failNext(1)
                .errorStatus(429).retryAfterSeconds(60).retryAfterForm(form).build()));

        // when
        Map<String, HttpResponse<String>> responses = callAll(List.copyOf(forms.keySet()));

        // then: the 429 goes back at once, after a single call (the old code retried after its 50 ms backoff)
        responses.forEach((provider, response) -> {
            assertThat(response.statusCode()).as(provider + ": " + response.body()).isEqualTo(429);
            assertThat(simulator().calls(provider)).as(provider).extracting(SimCall::status).containsExactly(429);
        });
    }

    private Map<String, HttpResponse<String>> callAll(List<String> providers) {
        Map<String, CompletableFuture<HttpResponse<String>>> calls = new LinkedHashMap<>();
        for (String provider : providers) {
            calls.put(provider, CompletableFuture.supplyAsync(() ->
                    post("/api/v1/complete", "{\"prompt\":\"hi\",\"provider\":\"" + provider + "\"}")));
        }
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        calls.forEach((provider, call) -> responses.put(provider, call.join()));
        return responses;
    }

    private void assertAnsweredAfter(String provider, HttpResponse<String> response, Duration atLeast) {
        assertThat(response.statusCode()).as(provider + ": " + response.body()).isEqualTo(200);
        assertThat(json(response).path("answer").asText()).as(provider).isEqualTo("after the wait");
        List<SimCall> calls = simulator().calls(provider);
        assertThat(calls).as(provider).extracting(SimCall::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).as(provider).isGreaterThanOrEqualTo(atLeast);
    }
}
