package dev.quorum.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.api.ErrorInfo;
import dev.quorum.api.ProviderResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a provider route calls again, and after how long. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Map.of(),
            new RetryPolicy.Settings(4, 100, 1_000, 0.2, 5_000), new ProviderHealth(Map.of(), Map.of()));

    private static ProviderResponse failure(int status, String message) {
        return new ProviderResponse("p", "m", null, null, null, null, 5, null,
                ErrorInfo.provider("provider_error", "p", status, message), 502);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Please try again in 20s.                    | 20000
            Rate limit reached. Please try again in 350ms | 350
            please retry after 2 seconds               | 2000
            try again in 1.5s                           | 1500
            server exploded                             | 0
            """)
    void should_read_the_wait_a_provider_asks_for_from_its_message(String message, long millis) {
        // then
        assertThat(RetryPolicy.retryAfterMs(message)).isEqualTo(millis);
    }

    @Test
    void should_back_off_exponentially_within_the_jitter_and_stop_after_the_last_attempt() {
        // then
        assertThat(policy.delayMs("p", 1, failure(503, "busy"))).isBetween(80L, 120L);
        assertThat(policy.delayMs("p", 2, failure(503, "busy"))).isBetween(160L, 240L);
        assertThat(policy.delayMs("p", 3, failure(500, "busy"))).isBetween(320L, 480L);
        assertThat(policy.delayMs("p", 4, failure(500, "busy"))).isEqualTo(-1);
    }

    @Test
    void should_honour_retry_after_but_not_beyond_the_configured_maximum() {
        // then
        assertThat(policy.delayMs("p", 1, failure(429, "Please try again in 2s"))).isEqualTo(2_000);
        assertThat(policy.delayMs("p", 1, failure(429, "Please try again in 60s"))).isEqualTo(-1);
    }

    @Test
    void should_take_the_wait_from_the_providers_header_before_its_message() {
        // then: a header-only Retry-After (as Anthropic sends) is waited for; the header wins over the message
        assertThat(policy.delayMs("p", 1, failure(429, "rate limited"), 2_000)).isEqualTo(2_000);
        assertThat(policy.delayMs("p", 1, failure(429, "Please try again in 1s"), 3_000)).isEqualTo(3_000);
        assertThat(policy.delayMs("p", 1, failure(429, "rate limited"), 60_000)).isEqualTo(-1);
        // without a header, the message is the fallback
        assertThat(policy.delayMs("p", 1, failure(429, "Please try again in 2s"), -1)).isEqualTo(2_000);
    }

    @Test
    void should_not_retry_a_client_error_a_timeout_or_a_success() {
        // then
        assertThat(policy.delayMs("p", 1, failure(400, "bad request"))).isEqualTo(-1);
        assertThat(policy.delayMs("p", 1, new ProviderResponse("p", "m", null, null, null, null, 5, null,
                ErrorInfo.provider("provider_timeout", "p", null, "too slow"), 504))).isEqualTo(-1);
        assertThat(policy.delayMs("p", 1, new ProviderResponse("p", "m", "ok", 1, 1, 0.0, 5, "stop", null, 200))).isEqualTo(-1);
    }
}
