package dev.quorum.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The response cache switched on for every request ({@code quorum.cache.enabled=true}) with a short time to live:
 * requests that ask nothing are cached, {@code "cache": false} bypasses it, and an entry expires.
 */
class ResponseCacheEnabledTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.cache.enabled", "true", "quorum.cache.ttl-ms", "1500");
    }

    @Test
    void should_cache_every_request_bypass_on_false_and_expire_after_the_ttl() {
        // given
        Map<String, Object> ask = Map.of("prompt", "Cached by default?", "provider", "openai-sim");
        post("/api/v1/complete", request(ask));
        int calls = simulator().received("openai-sim");

        // when
        JsonNode hit = json(post("/api/v1/complete", request(ask)));
        JsonNode bypass = json(post("/api/v1/complete", request(Map.of("prompt", "Cached by default?",
                "provider", "openai-sim", "cache", false))));

        // then
        assertThat(hit.path("cached").asBoolean()).isTrue();
        assertThat(bypass.path("cached").isMissingNode()).isTrue();
        assertThat(simulator().received("openai-sim")).isEqualTo(calls + 1);
        // and: once the time to live has passed, the same request is asked again
        await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(post("/api/v1/complete", request(ask))).path("cached").isMissingNode()).isTrue());
    }
}
