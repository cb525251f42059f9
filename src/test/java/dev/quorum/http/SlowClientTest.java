package dev.quorum.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections without finishing a request: a request head trickled a byte at a time, a body
 * trickled the same way, a keep-alive connection left idle. Each is closed by its deadline (one second here) while
 * an authorised request is answered as usual.
 */
class SlowClientTest extends QuorumTestSupport {

    private static final String KEY = "qk-slow-8c2f41";
    private static final int SLOW_CONNECTIONS = 300;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.auth.enabled", "true",
                "quorum.auth.keys.slow.key", KEY,
                "quorum.http.header-timeout-ms", "1000",
                "quorum.http.idle-timeout-ms", "1000",
                "quorum.http.body-timeout-ms", "1000");
    }

    private HttpResponse<String> authorised() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complete"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"What is the capital of France?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_close_hundreds_of_connections_trickling_their_request_heads_and_keep_answering() throws Exception {
        // given 300 connections that send a request line, then one byte of a header every 100 ms, never ending the head
        List<SocketChannel> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap("POST /api/v1/complete HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            slow.add(channel);
        }
        List<SocketChannel> open = new ArrayList<>(slow);
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        trickler.scheduleWithFixedDelay(() -> {
            synchronized (open) {
                open.removeIf(SlowClientTest::tricklesOrIsClosed);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        try {
            // when
            HttpResponse<String> during = authorised();

            // then
            assertThat(during.statusCode()).as(during.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                synchronized (open) {
                    return open.isEmpty();
                }
            });
            assertThat(authorised().statusCode()).isEqualTo(200);
        } finally {
            trickler.shutdownNow();
            for (SocketChannel channel : slow) {
                channel.close();
            }
        }
    }

    /** Sends one more byte of the head; {@code true} once the server has closed the connection. */
    private static boolean tricklesOrIsClosed(SocketChannel channel) {
        try {
            if (channel.read(ByteBuffer.allocate(1024)) < 0) {
                return true;
            }
            channel.write(ByteBuffer.wrap(new byte[] {'x'}));
            return false;
        } catch (IOException closed) {
            return true;
        }
    }

    @Test
    void should_answer_408_to_a_body_that_trickles_past_its_deadline() throws Exception {
        // given an authorised request declaring a 1,000-byte body and sending a byte of it every 100 ms
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/complete HTTP/1.1\r\nHost: quorum\r\nX-API-Key: " + KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            ScheduledExecutorService trickler = trickle(out);
            try {
                // when the server gives up on it and closes the connection
                String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                // then
                assertThat(reply).startsWith("HTTP/1.1 408").contains("application/json").contains("\"request_timeout\"")
                        .contains("quorum.http.body-timeout-ms");
            } finally {
                trickler.shutdownNow();
            }
        }
    }

    @Test
    void should_close_a_refused_body_still_trickling_at_the_idle_timeout() throws Exception {
        // given a request without a key declaring a 1,000-byte body and sending a byte of it every 100 ms: refused at
        // once with 401 (which ends the request), its body then dropped as it arrives, a byte every 100 ms
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/complete HTTP/1.1\r\nHost: quorum\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            ScheduledExecutorService trickler = trickle(out);
            long start = System.nanoTime();
            try {
                // when the server stops dropping it and closes the connection
                String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

                // then: the 401 came first, and the close well before the 1,000 bytes' 100 s
                assertThat(reply).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
                assertThat(seconds).as("seconds until the connection was closed").isLessThan(20);
            } finally {
                trickler.shutdownNow();
            }
        }
    }

    /** Writes one byte of a body every 100 ms until shut down (or the connection is closed). */
    private static ScheduledExecutorService trickle(OutputStream out) {
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        trickler.scheduleWithFixedDelay(() -> {
            try {
                out.write(' ');
            } catch (IOException closed) {
                throw new IllegalStateException(closed);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        return trickler;
    }

    @Test
    void should_close_a_keep_alive_connection_left_idle() throws IOException {
        // given a connection that asked one question and then says nothing
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /api/v1/providers HTTP/1.1\r\nHost: quorum\r\nX-API-Key: " + KEY
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            // when: reading until the server closes it
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // then
            assertThat(reply).startsWith("HTTP/1.1 200").contains("openai-sim");
        }
    }
}
