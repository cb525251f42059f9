package dev.quorum.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.settings.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code quorum.http.*}: defaults, body limits by path prefix, and errors that name the setting. */
class HttpLimitsTest {

    private static HttpLimits read(Map<String, String> settings) {
        return HttpLimits.read(TestSettings.of(settings, "quorum.http"));
    }

    @Test
    void should_default_to_4_mib_bodies_64_mib_held_and_4096_connections() {
        // when
        HttpLimits limits = read(Map.of());

        // then
        assertThat(limits.maxBodyBytes("/api/v1/complete")).isEqualTo(4L << 20);
        assertThat(limits.maxBufferedBodyBytes()).isEqualTo(64L << 20);
        assertThat(limits.maxConnections()).isEqualTo(4096);
        assertThat(limits.headerTimeoutMs()).isEqualTo(10_000);
        assertThat(limits.idleTimeoutMs()).isEqualTo(30_000);
        assertThat(limits.bodyTimeoutMs()).isEqualTo(30_000);
    }

    @Test
    void should_take_the_longest_matching_path_prefix() {
        // when
        HttpLimits limits = read(Map.of("quorum.http.max-body-bytes", "1000",
                "quorum.http.max-body-bytes-by-path", "/v1/=2000, /v1/chat/completions=3000"));

        // then
        assertThat(limits.maxBodyBytes("/v1/chat/completions")).isEqualTo(3000);
        assertThat(limits.maxBodyBytes("/v1/models")).isEqualTo(2000);
        assertThat(limits.maxBodyBytes("/api/v1/complete")).isEqualTo(1000);
        assertThat(limits.largestBody()).isEqualTo(3000);
    }

    @Test
    void should_name_the_setting_of_a_value_it_cannot_use() {
        assertThatThrownBy(() -> read(Map.of("quorum.http.max-connections", "lots")))
                .hasMessageContaining("quorum.http.max-connections").hasMessageContaining("lots");
        assertThatThrownBy(() -> read(Map.of("quorum.http.body-timeout-ms", "0")))
                .hasMessageContaining("quorum.http.body-timeout-ms");
        assertThatThrownBy(() -> read(Map.of("quorum.http.max-body-bytes-by-path", "v1=10")))
                .hasMessageContaining("quorum.http.max-body-bytes-by-path").hasMessageContaining("<path prefix>=<bytes>");
        assertThatThrownBy(() -> read(Map.of("quorum.http.max-buffered-body-bytes", "1000")))
                .hasMessageContaining("quorum.http.max-buffered-body-bytes").hasMessageContaining("4194304");
    }
}
