package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which Host and Origin headers the console answers, and the origins its Jolokia policy gets: its own address, and a
 * reverse proxy's public origin from {@code quorum.console.allowed-origins}; nothing that merely looks like them.
 */
class ConsoleOriginsTest {

    @Test
    void should_answer_only_its_own_names_on_loopback() {
        // given
        ConsoleOrigins origins = ConsoleOrigins.of("127.0.0.1", 8081, List.of());

        // then
        assertThat(origins.allowsHost("127.0.0.1:8081")).isTrue();
        assertThat(origins.allowsHost("LOCALHOST:8081")).isTrue();
        assertThat(origins.allowsHost("[::1]:8081")).isTrue();
        assertThat(origins.allowsHost("localhost")).isFalse();
        assertThat(origins.allowsHost("localhost:8080")).isFalse();
        assertThat(origins.allowsHost("evil.example:8081")).isFalse();
        assertThat(origins.allowsHost("localhost.evil.example:8081")).isFalse();
        assertThat(origins.allowsHost("")).isFalse();
        assertThat(origins.allowsHost(null)).isFalse();
        assertThat(origins.allowsOrigin(null)).isTrue();
        assertThat(origins.allowsOrigin("http://localhost:8081")).isTrue();
        assertThat(origins.allowsOrigin("https://localhost:8081")).isFalse();
        assertThat(origins.allowsOrigin("http://localhost:3000")).isFalse();
        assertThat(origins.allowsOrigin("null")).isFalse();
        assertThat(origins.allowsOrigin("http://localhost:8081/path")).isFalse();
        assertThat(origins.allowsOrigin("http://user@localhost:8081")).isFalse();
        assertThat(origins.allowsOrigin("file://")).isFalse();
        assertThat(origins.anySecure()).isFalse();
    }

    @Test
    void should_answer_a_configured_proxy_origin_under_its_host_with_or_without_port() {
        // given
        ConsoleOrigins origins = ConsoleOrigins.of("127.0.0.1", 8081, List.of("https://Console.Example.com"));

        // then
        assertThat(origins.allowsHost("console.example.com")).isTrue();
        assertThat(origins.allowsHost("console.example.com:443")).isTrue();
        assertThat(origins.allowsHost("console.example.com:8443")).isFalse();
        assertThat(origins.allowsOrigin("https://console.example.com")).isTrue();
        assertThat(origins.allowsOrigin("https://console.example.com:443")).isTrue();
        assertThat(origins.allowsOrigin("http://console.example.com")).isFalse();
        assertThat(origins.anySecure()).isTrue();
    }

    @Test
    void should_name_the_setting_for_an_origin_that_is_not_one() {
        assertThatThrownBy(() -> ConsoleOrigins.of("127.0.0.1", 8081, List.of("console.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quorum.console.allowed-origins");
        assertThatThrownBy(() -> ConsoleOrigins.of("127.0.0.1", 8081, List.of("https://console.example.com/hawtio")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quorum.console.allowed-origins");
    }

    @Test
    void should_write_the_origins_into_the_policy() throws IOException {
        // given
        String template;
        try (InputStream in = QuorumConsole.class.getResourceAsStream(QuorumConsole.POLICY)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // when
        String local = QuorumConsole.withOrigins(template, ConsoleOrigins.of("127.0.0.1", 8081, List.of()));
        String proxied = QuorumConsole.withOrigins(template,
                ConsoleOrigins.of("127.0.0.1", 8081, List.of("https://console.example.com")));

        // then
        assertThat(local).contains("<allow-origin>http://127.0.0.1:8081</allow-origin>",
                "<allow-origin>http://127.0.0.1:8081/*</allow-origin>", "<allow-origin>http://localhost:8081</allow-origin>",
                "<strict-checking/>").doesNotContain("ignore-scheme", "@console-origins@");
        assertThat(proxied).contains("<allow-origin>https://console.example.com</allow-origin>", "<ignore-scheme/>");
    }
}
