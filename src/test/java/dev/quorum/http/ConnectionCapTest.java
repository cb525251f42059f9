package dev.quorum.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The connection cap: with {@code quorum.http.max-connections} connections open, one more is closed as soon as it is
 * accepted, so a client opening sockets without end runs out before Quorum runs out of file descriptors; once
 * connections close, requests are answered again.
 */
class ConnectionCapTest extends QuorumTestSupport {

    private static final String KEY = "qk-cap-31b7e0";
    private static final int CAP = 40;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    protected Map<String, String> overrides() {
        // silent connections stay open (for two minutes) unless the cap closes them
        return Map.of("quorum.auth.enabled", "true",
                "quorum.auth.keys.cap.key", KEY,
                "quorum.http.max-connections", String.valueOf(CAP),
                "quorum.http.header-timeout-ms", "120000");
    }

    private HttpResponse<String> authorised() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/providers"))
                .header("X-API-Key", KEY).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens one more connection: {@code true} when the server closes it at once, else it is closed again here. */
    private boolean oneMoreIsClosedAtOnce() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void should_close_connections_beyond_the_cap_at_once_and_serve_again_when_they_go() throws Exception {
        // given as many silent connections as the cap allows
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                silent.add(new Socket("127.0.0.1", port));
            }

            // when / then: one more is closed as soon as it is accepted, and so is a request's connection
            await().atMost(Duration.ofSeconds(60)).until(this::oneMoreIsClosedAtOnce);
            assertThatThrownBy(this::authorised).isInstanceOf(IOException.class);
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> authorised().statusCode() == 200);
    }
}
