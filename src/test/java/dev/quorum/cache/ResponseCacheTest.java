package dev.quorum.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.budget.LedgerEntry;
import dev.quorum.budget.UsageLedger;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact response cache through the real routes, off by default and asked for per request with
 * {@code "cache": true}: a repeat answered from it (no provider call, cost 0, the original's id), a miss for every
 * answer-changing field and for another tenant, errors never stored, the ledger and the usage report after hits,
 * {@code DELETE /api/v1/cache}, and streams: a cached answer streamed back, a broken stream not stored.
 */
class ResponseCacheTest extends QuorumTestSupport {

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
        post("/api/v1/cache", "{}"); // POST is no method of the route: keeps nothing; DELETE below empties
        send("DELETE");
    }

    private HttpResponse<String> send(String method) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/api/v1/cache")).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ask(String prompt, Object... more) {
        Map<String, Object> request = new HashMap<>(Map.of("prompt", prompt, "provider", "openai-sim", "cache", true));
        for (int i = 0; i < more.length; i += 2) {
            request.put((String) more[i], more[i + 1]);
        }
        return request;
    }

    @Test
    void should_answer_a_repeated_request_from_the_cache_at_no_cost() {
        // given
        JsonNode first = json(post("/api/v1/complete", request(ask("What is the capital of Norway?", "id", "orig-1"))));

        // when
        HttpResponse<String> repeat = post("/api/v1/complete",
                request(ask("What is the capital of Norway?", "id", "again-1")));

        // then
        JsonNode second = json(repeat);
        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
        assertThat(first.path("cached").isMissingNode()).isTrue();
        assertThat(first.path("costUsd").asDouble()).isPositive();
        assertThat(second.path("cached").asBoolean()).isTrue();
        assertThat(second.path("id").asText()).isEqualTo("again-1");
        assertThat(second.path("answer").asText()).isEqualTo(first.path("answer").asText());
        assertThat(second.path("costUsd").asDouble()).isZero();
        assertThat(second.path("cache").path("originalRequestId").asText()).isEqualTo("orig-1");
        assertThat(second.path("cache").path("savedUsd").asDouble()).isEqualTo(first.path("costUsd").asDouble());
        assertThat(simulator().received("openai-sim")).isEqualTo(1);
    }

    @Test
    void should_miss_when_any_answer_changing_field_or_the_tenant_differs() {
        // given
        post("/api/v1/complete", request(ask("Name a colour.")));
        List<Map<String, Object>> variants = List.of(
                ask("Name a colour!"),
                ask("Name a colour.", "system", "Be brief."),
                ask("Name a colour.", "temperature", 0.5),
                ask("Name a colour.", "maxTokens", 77),
                ask("Name a colour.", "provider", "mistral-sim"),
                ask("Name a colour.", "task", "creative"),
                ask("Name a colour.", "tenant", "other-team"));
        int before = simulator().received("openai-sim") + simulator().received("mistral-sim");

        // when
        for (Map<String, Object> variant : variants) {
            JsonNode result = json(post("/api/v1/complete", request(variant)));
            assertThat(result.path("cached").isMissingNode()).as("%s", variant).isTrue();
        }
        JsonNode same = json(post("/api/v1/complete", request(ask("Name a colour."))));

        // then
        assertThat(simulator().received("openai-sim") + simulator().received("mistral-sim") - before)
                .isEqualTo(variants.size());
        assertThat(same.path("cached").asBoolean()).isTrue();
    }

    @Test
    void should_not_use_the_cache_unless_asked_and_never_store_an_error() {
        // given: caching is off by default
        post("/api/v1/complete", request(Map.of("prompt", "Not asked", "provider", "openai-sim")));
        JsonNode unasked = json(post("/api/v1/complete", request(Map.of("prompt", "Not asked", "provider", "openai-sim"))));
        // a refused request (400 from the provider: not retried, no breaker) on a provider of its own
        simulator().script("anthropic-sim", SimScript.builder().failNext(1).errorStatus(400).build());

        // when
        JsonNode failed = json(post("/api/v1/complete", request(ask("Fails first", "provider", "anthropic-sim"))));
        JsonNode retried = json(post("/api/v1/complete", request(ask("Fails first", "provider", "anthropic-sim"))));

        // then
        assertThat(unasked.path("cached").isMissingNode()).isTrue();
        assertThat(failed.path("error").isObject()).as(failed.toString()).isTrue();
        assertThat(retried.path("cached").isMissingNode()).as("an error is never stored").isTrue();
        assertThat(retried.path("answer").asText()).isNotBlank();
    }

    @Test
    void should_record_hits_in_the_ledger_and_the_usage_report_and_empty_on_delete() throws Exception {
        // given
        JsonNode original = json(post("/api/v1/complete", request(ask("Count the hits", "id", "hit-orig"))));
        post("/api/v1/complete", request(ask("Count the hits", "id", "hit-1")));
        post("/api/v1/complete", request(ask("Count the hits", "id", "hit-2")));

        // when
        HttpResponse<String> cleared = send("DELETE");
        JsonNode afterClear = json(post("/api/v1/complete", request(ask("Count the hits", "id", "hit-3"))));

        // then
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(json(cleared).path("cleared").asLong()).isEqualTo(1);
        assertThat(afterClear.path("cached").isMissingNode()).isTrue();
        UsageLedger ledger = context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
        List<LedgerEntry> hits = ledger.entries(0, Long.MAX_VALUE).stream()
                .filter(e -> e.requestId() != null && e.requestId().startsWith("hit-")).toList();
        assertThat(hits).filteredOn(e -> "cache_hit".equals(e.outcome())).extracting(LedgerEntry::requestId)
                .containsExactlyInAnyOrder("hit-1", "hit-2");
        assertThat(hits).filteredOn(e -> "cache_hit".equals(e.outcome())).allMatch(e -> e.costNanos() == 0
                && "cache".equals(e.provider()));
        double cost = original.path("costUsd").asDouble();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode usage = json(get("/api/v1/usage"));
            assertThat(usage.path("cache").path("hits").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(usage.path("cache").path("savedUsd").asDouble()).isGreaterThanOrEqualTo(2 * cost);
            assertThat(usage.path("cache").path("hitRatio").asDouble()).isPositive();
            assertThat(usage.path("recentErrors").findValuesAsText("outcome")).doesNotContain("cache_hit");
        });
    }

    @Test
    void should_stream_a_cached_answer_back_and_not_store_a_broken_stream() {
        // given
        String body = "{\"model\":\"openai-sim\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Stream me\"}],\"quorum\":{\"cache\":true}}";
        HttpResponse<String> first = post("/v1/chat/completions", body);

        // when
        HttpResponse<String> second = post("/v1/chat/completions", body);

        // then
        assertThat(first.body()).contains("data: [DONE]");
        assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(second.body()).contains("data: [DONE]").contains("\"cached\":true");
        assertThat(simulator().received("openai-sim")).isEqualTo(1);

        // given: a stream that breaks after a few characters
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("A long answer that breaks midway.")
                .streamBreakAfterChars(6).build());
        String broken = "{\"model\":\"gemini-sim\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Break me\"}],\"quorum\":{\"cache\":true}}";
        post("/v1/chat/completions", broken);
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("A whole answer.").build());

        // when
        HttpResponse<String> afterBreak = post("/v1/chat/completions", broken);

        // then
        assertThat(afterBreak.body()).doesNotContain("\"cached\":true").contains("A whole");
    }

    @Test
    void should_answer_a_reworded_prompt_from_the_semantic_cache_and_miss_a_hard_negative() {
        // given
        JsonNode original = json(post("/api/v1/complete", request(ask("What is the capital of France?",
                "cache", "semantic", "id", "sem-orig"))));

        // when
        JsonNode reworded = json(post("/api/v1/complete", request(ask("what's the capital of France",
                "cache", "semantic"))));
        JsonNode otherCountry = json(post("/api/v1/complete", request(ask("What is the capital of Germany?",
                "cache", "semantic"))));
        JsonNode swapped = json(post("/api/v1/complete", request(ask("What is France the capital of?",
                "cache", "semantic"))));
        JsonNode exactOnly = json(post("/api/v1/complete", request(ask("what's the capital of France"))));

        // then
        assertThat(original.path("cached").isMissingNode()).isTrue();
        assertThat(reworded.path("cached").asBoolean()).as(reworded.toString()).isTrue();
        assertThat(reworded.path("cache").path("kind").asText()).isEqualTo("semantic");
        assertThat(reworded.path("cache").path("originalRequestId").asText()).isEqualTo("sem-orig");
        assertThat(reworded.path("cache").path("matchedPrompt").asText()).isEqualTo("What is the capital of France?");
        assertThat(reworded.path("cache").path("similarity").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(otherCountry.path("cached").isMissingNode()).as("a hard negative").isTrue();
        assertThat(swapped.path("cached").isMissingNode()).as("the same words in another order").isTrue();
        assertThat(exactOnly.path("cached").isMissingNode()).as("\"cache\": true is the exact cache only").isTrue();
    }

    @Test
    void should_stream_a_cached_answer_back_on_the_native_api() {
        // given
        String body = "{\"prompt\":\"Stream me natively\",\"provider\":\"openai-sim\",\"stream\":true,\"cache\":true}";
        HttpResponse<String> first = post("/api/v1/complete", body);

        // when
        HttpResponse<String> second = post("/api/v1/complete", body);

        // then
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(second.headers().firstValue("Content-Type").orElse("")).as(second.body())
                .startsWith("text/event-stream");
        assertThat(second.body()).contains("event: result").contains("\"cached\":true");
        assertThat(simulator().received("openai-sim")).isEqualTo(1);
    }
}
