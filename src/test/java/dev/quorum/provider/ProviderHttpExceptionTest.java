package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wait a provider's response headers ask for: Retry-After in seconds or as an HTTP-date, and retry-after-ms. */
class ProviderHttpExceptionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T23:00:00Z");

    private static long retryAfterMs(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return ProviderHttpException.retryAfterMs(byName::get, NOW);
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            20                            | 20000
            ' 3 '                         | 3000
            1.5                           | 1500
            0                             | 0
            Fri, 04 Dec 2026 23:00:30 GMT | 30000
            Fri, 04 Dec 2026 22:59:00 GMT | 0
            -5                            | -1
            NaN                           | -1
            Infinity                      | -1
            soon                          | -1
            ''                            | -1
            """)
    void should_read_retry_after_in_seconds_or_as_an_http_date(String value, long millis) {
        // then
        assertThat(retryAfterMs(Map.of("Retry-After", value))).isEqualTo(millis);
    }

    @Test
    void should_prefer_openais_retry_after_ms_and_fall_back_to_retry_after_when_it_is_unreadable() {
        // then
        assertThat(retryAfterMs(Map.of("retry-after-ms", "350", "Retry-After", "1"))).isEqualTo(350);
        assertThat(retryAfterMs(Map.of("Retry-After-Ms", "12.6"))).isEqualTo(13);
        assertThat(retryAfterMs(Map.of("retry-after-ms", "later", "retry-after", "2"))).isEqualTo(2_000);
        assertThat(retryAfterMs(Map.of())).isEqualTo(-1);
    }

    @Test
    void should_read_a_huge_wait_as_huge_not_as_none() {
        // then: longer than any max-retry-after-ms, so not waited for, rather than retried at once
        assertThat(retryAfterMs(Map.of("Retry-After", "99999999999999999999999"))).isEqualTo(Long.MAX_VALUE);
    }
}
