package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The console beyond loopback: it asks for HTTP Basic authentication, and without a configured password it does not
 * start at all. The console alone (Jetty and the war), without the rest of Quorum.
 */
class ConsoleAuthenticationTest {

    private static final Path WAR = Path.of("target/console/hawtio.war");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void should_require_the_password_when_bound_beyond_loopback() throws Exception {
        // given
        int port = freePort();
        QuorumConsole console = new QuorumConsole(new QuorumConsole.Settings("0.0.0.0", port, WAR, "ops", "s3cret-console"));

        try {
            // when
            console.start();
            HttpResponse<String> anonymous = get(port, null);
            HttpResponse<String> wrong = get(port, "ops:guess");
            HttpResponse<String> right = get(port, "ops:s3cret-console");

            // then
            assertThat(console.port()).isEqualTo(port);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
            assertThat(right.body()).contains("\"agent\"");
        } finally {
            console.stop();
        }
    }

    @Test
    void should_not_start_beyond_loopback_without_a_password() {
        // given
        QuorumConsole console = new QuorumConsole(new QuorumConsole.Settings("0.0.0.0", freePort(), WAR, "admin", ""));

        // when
        console.start();

        // then
        assertThat(console.port()).isEqualTo(-1);
        console.stop();
    }

    @Test
    void should_tell_loopback_hosts_from_others() {
        assertThat(QuorumConsole.isLoopback("127.0.0.1")).isTrue();
        assertThat(QuorumConsole.isLoopback("localhost")).isTrue();
        assertThat(QuorumConsole.isLoopback("::1")).isTrue();
        assertThat(QuorumConsole.isLoopback("0.0.0.0")).isFalse();
        assertThat(QuorumConsole.isLoopback("")).isFalse();
    }

    private HttpResponse<String> get(int port, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hawtio/jolokia/version"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
