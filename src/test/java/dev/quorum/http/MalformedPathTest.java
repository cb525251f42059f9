package dev.quorum.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumTestSupport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A request path that is not valid percent-encoding: Vert.x's router failed decoding it and logged an error with a
 * stack trace for each such request (any caller, with or without a key, could fill the log), and answered plain text.
 */
class MalformedPathTest extends QuorumTestSupport {

    @Test
    void should_answer_a_malformed_escape_in_the_path_with_a_json_400() throws Exception {
        // given a raw request, since no HTTP client sends such a path
        String reply;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/%zz/usage HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // when
            InputStream in = socket.getInputStream();
            reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // then: JSON naming the problem, and the connection closed after it
        assertThat(reply).startsWith("HTTP/1.1 400").contains("application/json")
                .contains("\"invalid_request\"").contains("not valid URL encoding");
        // and Quorum still answers
        assertThat(get("/api/v1/providers").statusCode()).isEqualTo(200);
    }

    @Test
    void should_tell_well_formed_escapes_from_broken_ones() {
        assertThat(HttpGate.wellEscaped("/v1/models/quorum%2Froute")).isTrue();
        assertThat(HttpGate.wellEscaped("/api/v1/complete")).isTrue();
        assertThat(HttpGate.wellEscaped("/api/%zz")).isFalse();
        assertThat(HttpGate.wellEscaped("/api/%4")).isFalse();
        assertThat(HttpGate.wellEscaped("/api/%")).isFalse();
    }
}
