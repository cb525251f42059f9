package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.quorum.StreamedChat;
import dev.quorum.sim.ProviderSimulator;
import dev.quorum.sim.SimScript;
import dev.quorum.sim.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider HTTP client against the provider simulator (real LangChain4j wire formats) and against a raw socket
 * server that counts connections and requests, for framing, keep-alive, a connection the server closed, and that a
 * request is never sent twice by the client.
 */
class ApacheHttpClientTest {

    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private ProviderSimulator simulator;
    private RawHttpServer server;
    private final ApacheHttpClient client = ApacheHttpClient.builder().readTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws IOException {
        if (simulator != null) {
            simulator.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ProviderSimulator simulator() {
        simulator = ProviderSimulator.start(0);
        return simulator;
    }

    private RawHttpServer server(RawHttpServer.Handler handler) throws IOException {
        server = RawHttpServer.start(handler);
        return server;
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.builder().method(HttpMethod.POST).url(url).addHeader("Content-Type", "application/json")
                .body(body).build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.builder().method(HttpMethod.GET).url(url).build();
    }

    // ---- against the provider simulator ----

    @Test
    void should_return_the_body_and_headers_of_a_success() {
        // given
        ProviderSimulator simulator = simulator();
        simulator.script("p", SimScript.builder().defaultAnswer("hello").build());

        // when
        SuccessfulHttpResponse response = client.execute(post(simulator.baseUrl("p", WireFormat.OPENAI) + "/chat/completions", CHAT));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":\"hello\"");
        assertThat(response.headers()).containsKey("Content-type").containsKey("content-type");
    }

    @Test
    void should_carry_the_providers_retry_after_on_an_error() {
        // given
        ProviderSimulator simulator = simulator();
        simulator.script("p", SimScript.builder().errorRate(1).errorStatus(429).retryAfterSeconds(9).build());

        // then
        assertThatThrownBy(() -> client.execute(post(simulator.baseUrl("p", WireFormat.OPENAI) + "/chat/completions", CHAT)))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.retryAfterMs()).isEqualTo(9_000);
                    assertThat(e.getMessage()).contains("simulated failure");
                });
    }

    @Test
    void should_give_up_at_the_read_timeout() {
        // given
        ProviderSimulator simulator = simulator();
        simulator.script("p", SimScript.builder().hang(true).build());
        ApacheHttpClient impatient = ApacheHttpClient.builder().readTimeout(Duration.ofMillis(300)).build();
        long started = System.nanoTime();

        // then
        assertThatThrownBy(() -> impatient.execute(post(simulator.baseUrl("p", WireFormat.OPENAI) + "/chat/completions", CHAT)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        // it waited the read timeout, and gave up while the provider still held the call open
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250L);
        assertThat(simulator.received("p")).isEqualTo(1);
        assertThat(simulator.calls("p")).as("the hung call had not ended").isEmpty();
    }

    @Test
    void should_stream_a_langchain4j_chat_through_the_simulator() throws Exception {
        // given
        ProviderSimulator simulator = simulator();
        String answer = "Paris is the capital of France.";
        simulator.script("p", SimScript.builder().defaultAnswer(answer).build());
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .baseUrl(simulator.baseUrl("p", WireFormat.OPENAI)).apiKey("k").modelName("m")
                .timeout(Duration.ofSeconds(5)).build();

        // when: two streams, the second on the connection the first gave back
        StreamedChat first = StreamedChat.ask(model, "Where is Paris?");
        ChatResponse firstResponse = first.done().get(10, TimeUnit.SECONDS);
        StreamedChat second = StreamedChat.ask(model, "Where is Paris?");
        ChatResponse secondResponse = second.done().get(10, TimeUnit.SECONDS);

        // then
        assertThat(first.partials()).hasSizeGreaterThan(1);
        assertThat(String.join("", first.partials())).isEqualTo(answer);
        assertThat(firstResponse.aiMessage().text()).isEqualTo(answer);
        assertThat(secondResponse.aiMessage().text()).isEqualTo(answer);
        assertThat(String.join("", second.partials())).isEqualTo(answer);
        assertThat(simulator.calls("p")).hasSize(2);
    }

    @Test
    void should_abort_a_trickled_answer_at_the_call_deadline_and_close_its_connection() {
        // given: one byte every 100 ms (the whole answer would take half a minute), a read timeout of 5 s that every
        // byte restarts, and a call deadline of 500 ms
        ProviderSimulator simulator = simulator();
        simulator.script("p", SimScript.builder().defaultAnswer("Paris.").trickleMs(100).build());
        CallDeadline deadline = CallDeadline.start(Duration.ofMillis(500));
        long started = System.nanoTime();

        // when
        CallCapture.open(null, null, deadline);
        try {
            assertThatThrownBy(() -> client.execute(post(simulator.baseUrl("p", WireFormat.OPENAI) + "/chat/completions",
                    CHAT)))
                    // then: a timeout naming the deadline, long before the trickle's end
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("did not finish its answer within 500 ms");
        } finally {
            CallCapture.close();
        }
        // it waited the deadline; that it gave up before the trickle's end, the simulator's failed write below shows
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(450L);
        assertThat(deadline.passed()).isTrue();
        assertThat(client.idleConnections()).isZero();
        assertThat(CallDeadline.Watchdog.armed()).isZero();
        // the connection is closed: the simulator's next byte fails
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> simulator.disconnects("p") == 1);
    }

    @Test
    void should_abort_a_trickled_stream_at_its_first_token_limit() throws Exception {
        // given: the stream's frames trickle, so no token is complete within the first-token limit of 300 ms
        ProviderSimulator simulator = simulator();
        simulator.script("p", SimScript.builder().defaultAnswer("Paris is the capital.").trickleMs(50).build());
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .baseUrl(simulator.baseUrl("p", WireFormat.OPENAI)).apiKey("k").modelName("m")
                .timeout(Duration.ofSeconds(5)).build();
        CallDeadline deadline = CallDeadline.start(Duration.ofSeconds(20));
        deadline.expectFirstToken(Duration.ofMillis(300));

        // when: the client streams on this thread
        CallCapture.open(null, null, deadline);
        StreamedChat chat;
        try {
            chat = StreamedChat.ask(model, "Where is Paris?");
        } finally {
            CallCapture.close();
        }

        // then
        assertThatThrownBy(() -> chat.done().get(10, TimeUnit.SECONDS))
                .hasMessageContaining("sent no token within 300 ms");
        assertThat(chat.partials()).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> simulator.disconnects("p") == 1);
    }

    @Test
    void should_hand_back_a_connection_answered_within_its_deadline_for_the_next_call() {
        // given
        ProviderSimulator simulator = simulator();
        simulator.script("p", SimScript.builder().defaultAnswer("Paris.").build());
        String url = simulator.baseUrl("p", WireFormat.OPENAI) + "/chat/completions";
        CallDeadline deadline = CallDeadline.start(Duration.ofSeconds(10));

        // when
        CallCapture.open(null, null, deadline);
        try {
            assertThat(client.execute(post(url, CHAT)).body()).contains("Paris.");
        } finally {
            CallCapture.close();
        }

        // then: disarmed, not aborted, and the connection is back in the pool
        assertThat(deadline.passed()).isFalse();
        assertThat(CallDeadline.Watchdog.armed()).isZero();
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    // ---- against a raw socket server ----

    @Test
    void should_send_the_request_with_host_port_content_length_and_the_clients_own_accept_encoding() throws IOException {
        // given: the caller asks for an encoding the client could not decompress, and for 100-continue
        RawHttpServer server = server(RawHttpServer.answering("ok"));
        String body = "{\"text\":\"héllo ✓ 😀\"}";
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.url("/v1/x?q=1"))
                .addHeader("Content-Type", "application/json").addHeader("Accept-Encoding", "br")
                .addHeader("Expect", "100-continue").addHeader("X-Custom", "v").body(body).build();

        // when
        client.execute(request);

        // then
        RawHttpServer.Request received = server.received().get(0);
        assertThat(received.line()).isEqualTo("POST /v1/x?q=1 HTTP/1.1");
        assertThat(received.headers()).containsEntry("host", "127.0.0.1:" + server.port())
                .containsEntry("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
                .containsEntry("content-type", "application/json").containsEntry("x-custom", "v")
                .containsEntry("user-agent", "Quorum").doesNotContainKey("expect");
        assertThat(received.headers().get("accept-encoding")).contains("gzip").doesNotContain("br");
        assertThat(received.body()).isEqualTo(body);
    }

    @Test
    void should_decompress_a_gzip_answer() throws IOException {
        // given
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write("{\"answer\":\"société\"}".getBytes(StandardCharsets.UTF_8));
        }
        RawHttpServer server = server((index, request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: " + zipped.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(zipped.toByteArray());
            return true;
        });

        // when
        String first = client.execute(get(server.url("/"))).body();
        String second = client.execute(get(server.url("/"))).body();

        // then
        assertThat(first).isEqualTo("{\"answer\":\"société\"}");
        assertThat(second).isEqualTo(first);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_refuse_a_compressed_answer_that_expands_past_the_body_limit() throws IOException {
        // given: 4 MiB of zeros gzipped to a few kB, against a limit of 1 MiB
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(new byte[4 * 1024 * 1024]);
        }
        RawHttpServer server = server((index, request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: " + zipped.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(zipped.toByteArray());
            return true;
        });
        ApacheHttpClient limited = ApacheHttpClient.builder().maxBodyBytes(1024 * 1024).build();

        // then
        assertThatThrownBy(() -> limited.execute(get(server.url("/"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("longer than 1048576 bytes");
        assertThat(limited.idleConnections()).isZero();
    }

    @Test
    void should_not_follow_a_redirect_to_another_host() throws IOException {
        // given: the provider's address redirects to another server, which would get the request and its key
        RawHttpServer elsewhere = RawHttpServer.start(RawHttpServer.answering("elsewhere"));
        try (elsewhere) {
            RawHttpServer server = server((index, request, out) -> {
                out.write(("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + elsewhere.url("/v1/x")
                        + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return true;
            });

            // then: the 3xx is the provider's answer, an error; the other server saw nothing
            assertThatThrownBy(() -> client.execute(HttpRequest.builder().method(HttpMethod.POST)
                    .url(server.url("/v1/x")).addHeader("Authorization", "Bearer secret").body("{}").build()))
                    .isInstanceOfSatisfying(ProviderHttpException.class, e -> assertThat(e.statusCode()).isEqualTo(307));
            assertThat(elsewhere.requests()).isZero();
        }
    }

    @Test
    void should_read_a_chunked_body_with_trailers_and_keep_the_connection() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                    + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return true;
        });

        // when
        String first = client.execute(get(server.url("/a"))).body();
        String second = client.execute(get(server.url("/b"))).body();

        // then
        assertThat(first).isEqualTo("hello, world");
        assertThat(second).isEqualTo("hello, world");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_read_a_content_length_body_with_case_insensitive_headers() throws IOException {
        // given
        RawHttpServer server = server(RawHttpServer.answering("{\"answer\":\"société\"}"));

        // when
        SuccessfulHttpResponse response = client.execute(get(server.url("/")));

        // then
        assertThat(response.body()).isEqualTo("{\"answer\":\"société\"}");
        assertThat(response.headers().get("CONTENT-TYPE")).containsExactly("text/plain");
        assertThat(response.headers().get("content-length"))
                .containsExactly(String.valueOf("{\"answer\":\"société\"}".getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void should_read_a_body_until_the_server_closes_and_then_open_a_new_connection() throws IOException {
        // given: no Content-Length, no chunking: the body ends when the connection does
        RawHttpServer server = server((index, request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close " + index)
                    .getBytes(StandardCharsets.US_ASCII));
            return false;
        });

        // when
        String first = client.execute(get(server.url("/"))).body();
        String second = client.execute(get(server.url("/"))).body();

        // then
        assertThat(first).isEqualTo("until close 1");
        assertThat(second).isEqualTo("until close 2");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void should_reuse_one_connection_for_sequential_calls() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> {
            out.write(RawHttpServer.response("answer " + index).getBytes(StandardCharsets.UTF_8));
            return true;
        });

        // when
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bodies.add(client.execute(post(server.url("/chat"), "{\"n\":" + i + "}")).body());
        }

        // then
        assertThat(client.idleConnections()).isEqualTo(1);
        assertThat(bodies).containsExactly("answer 1", "answer 2", "answer 3", "answer 4", "answer 5");
        assertThat(server.requests()).isEqualTo(5);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_skip_interim_responses_and_keep_the_connection_after_a_body_less_204() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> {
            String answer = index == 1 ? "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n"
                    : "HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n" + RawHttpServer.response("after");
            out.write(answer.getBytes(StandardCharsets.US_ASCII));
            return true;
        });

        // when
        SuccessfulHttpResponse noContent = client.execute(get(server.url("/")));
        int idleAfterNoContent = client.idleConnections();
        SuccessfulHttpResponse after = client.execute(get(server.url("/")));

        // then: the connection went back to the pool once (twice would let two callers share it)
        assertThat(idleAfterNoContent).isEqualTo(1);
        assertThat(noContent.statusCode()).isEqualTo(204);
        assertThat(noContent.body()).isEmpty();
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("after");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_keep_the_connection_after_an_error_response_with_its_body() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> {
            String answer = index == 1
                    ? "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 4\r\n\r\nslow"
                    : RawHttpServer.response("fine");
            out.write(answer.getBytes(StandardCharsets.US_ASCII));
            return true;
        });

        // when
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> client.execute(get(server.url("/"))));
        String after = client.execute(get(server.url("/"))).body();

        // then
        assertThat(error).isInstanceOfSatisfying(ProviderHttpException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.retryAfterMs()).isEqualTo(7_000);
            assertThat(e.getMessage()).isEqualTo("slow");
        });
        assertThat(after).isEqualTo("fine");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_open_a_new_connection_after_connection_close() throws IOException {
        // given: the server says close but leaves the socket open; the client must not reuse it
        RawHttpServer server = server((index, request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
            return true;
        });

        // when
        client.execute(get(server.url("/")));
        client.execute(get(server.url("/")));

        // then
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void should_not_reuse_a_connection_idle_longer_than_the_idle_timeout() throws IOException {
        // given
        RawHttpServer server = server(RawHttpServer.answering("ok"));
        ApacheHttpClient noIdle = ApacheHttpClient.builder().idleTimeout(Duration.ofMillis(1)).build();

        // when: the second call once the first connection has been idle past the timeout
        noIdle.execute(get(server.url("/")));
        long idleSince = System.currentTimeMillis();
        org.awaitility.Awaitility.await().until(() -> System.currentTimeMillis() > idleSince + 2);
        noIdle.execute(get(server.url("/")));

        // then
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void should_send_a_post_once_on_a_new_connection_when_the_server_closed_the_idle_one() throws IOException {
        // given: the server answers and then closes the connection without saying so; the client checks an idle
        // connection before reusing it (here at once; by default after a second of idleness)
        RawHttpServer server = server((index, request, out) -> {
            out.write(RawHttpServer.response("answer " + index).getBytes(StandardCharsets.UTF_8));
            return false;
        });
        ApacheHttpClient checking = ApacheHttpClient.builder().validateAfterInactivity(Duration.ZERO).build();
        checking.execute(get(server.url("/")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.closedConnections() == 1);

        // when
        String body = checking.execute(post(server.url("/"), "{}")).body();

        // then: the closed connection was replaced before the POST was written; the server read it once
        assertThat(body).isEqualTo("answer 2");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(server.received().get(1).line()).startsWith("POST");
    }

    @Test
    void should_never_send_a_post_again_when_the_server_closes_the_pooled_connection_after_reading_it()
            throws IOException {
        // given: the server answers the first request, then reads the POST on the same kept-alive connection and
        // closes it without a byte of answer (a provider that crashed, or closed an idle connection as it arrived)
        RawHttpServer server = server((index, request, out) -> {
            if (index == 1) {
                out.write(RawHttpServer.response("first").getBytes(StandardCharsets.UTF_8));
                return true;
            }
            return false;
        });
        client.execute(get(server.url("/")));

        // then: the call fails; the POST was received exactly once, and no second connection was opened for it
        assertThatThrownBy(() -> client.execute(post(server.url("/"), "{\"charge\":1}")))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(server.received()).filteredOn(request -> request.line().startsWith("POST")).hasSize(1);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_not_retry_when_a_new_connection_is_closed_without_an_answer() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> false);

        // then
        assertThatThrownBy(() -> client.execute(post(server.url("/"), "{}")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoHttpResponseException.class);
        assertThat(server.requests()).isEqualTo(1);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_not_retry_after_response_bytes_arrived() throws IOException {
        // given: the second answer on the kept-alive connection breaks off inside its head
        RawHttpServer server = server((index, request, out) -> {
            if (index == 1) {
                out.write(RawHttpServer.response("first").getBytes(StandardCharsets.UTF_8));
                return true;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Le".getBytes(StandardCharsets.US_ASCII));
            return false;
        });
        client.execute(get(server.url("/")));

        // then
        assertThatThrownBy(() -> client.execute(post(server.url("/"), "{}")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_fail_a_body_cut_short_and_not_retry() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
            return false;
        });

        // then
        assertThatThrownBy(() -> client.execute(get(server.url("/"))))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void should_stream_server_sent_events_and_reuse_the_connection_after_the_stream() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "b\r\ndata: one\n\n\r\n" + "b\r\ndata: two\n\n\r\n" + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return true;
        });

        // when
        Events first = new Events();
        client.execute(get(server.url("/stream")), new DefaultServerSentEventParser(), first);
        Events second = new Events();
        client.execute(get(server.url("/stream")), new DefaultServerSentEventParser(), second);

        // then
        assertThat(client.idleConnections()).isEqualTo(1);
        assertThat(first.data).containsExactly("one", "two");
        assertThat(first.opened).isEqualTo(200);
        assertThat(first.closed).isTrue();
        assertThat(first.errors).isEmpty();
        assertThat(second.data).containsExactly("one", "two");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void should_close_the_connection_of_a_stream_closed_before_its_end() throws IOException {
        // given: a parser that stops after the first bytes
        RawHttpServer server = server((index, request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 22\r\n\r\n"
                    + "data: one\n\ndata: two\n\n").getBytes(StandardCharsets.US_ASCII));
            return true;
        });
        Events events = new Events();

        // when
        client.execute(get(server.url("/stream")), (stream, listener) -> {
            try {
                stream.read();
            } catch (IOException e) {
                listener.onError(e);
            }
        }, events);
        int idleAfterEarlyClose = client.idleConnections();
        client.execute(get(server.url("/stream")), new DefaultServerSentEventParser(), new Events());

        // then
        assertThat(idleAfterEarlyClose).isZero();
        assertThat(events.errors).isEmpty();
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void should_report_a_streamed_error_status_to_the_listener() throws IOException {
        // given
        RawHttpServer server = server((index, request, out) -> {
            out.write("HTTP/1.1 503 Busy\r\nRetry-After: 3\r\nContent-Length: 4\r\n\r\nbusy".getBytes(StandardCharsets.US_ASCII));
            return true;
        });
        Events events = new Events();

        // when
        client.execute(get(server.url("/stream")), new DefaultServerSentEventParser(), events);

        // then
        assertThat(events.errors).singleElement().isInstanceOfSatisfying(ProviderHttpException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.retryAfterMs()).isEqualTo(3_000);
        });
        assertThat(events.opened).isZero();
    }

    @Test
    void should_serve_concurrent_callers_each_their_own_answer() throws Exception {
        // given: the server echoes the request body
        RawHttpServer server = server((index, request, out) -> {
            out.write(RawHttpServer.response(request.body()).getBytes(StandardCharsets.UTF_8));
            return true;
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);

        // when
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(callers.submit(() -> {
                List<String> mismatches = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    String sent = "{\"thread\":" + thread + ",\"call\":" + i + "}";
                    String answer = client.execute(post(server.url("/echo"), sent)).body();
                    if (!answer.equals(sent)) {
                        mismatches.add(answer);
                    }
                }
                return mismatches;
            }));
        }

        // then
        for (Future<List<String>> result : results) {
            assertThat(result.get(20, TimeUnit.SECONDS)).isEmpty();
        }
        callers.shutdown();
        assertThat(server.requests()).isEqualTo(200);
        assertThat(server.connections()).isBetween(1, 8);
    }

    @Test
    void should_send_calls_through_the_proxy_the_default_proxy_selector_names() throws IOException {
        // given: the default proxy selector (http.proxyHost and the rest) names the raw server as the HTTP proxy for a
        // made-up host
        RawHttpServer proxy = server(RawHttpServer.answering("via proxy"));
        ProxySelector original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
        try {
            // when
            ApacheHttpClient proxied = ApacheHttpClient.builder().build();
            String first = proxied.execute(post("http://provider.invalid/v1/x", "{}")).body();
            String second = proxied.execute(post("http://provider.invalid/v1/x", "{}")).body();

            // then: the proxy got the absolute URL, an HTTP proxy's request form, on one kept-alive connection
            assertThat(first).isEqualTo("via proxy");
            assertThat(second).isEqualTo("via proxy");
            assertThat(proxy.received().get(0).line()).isEqualTo("POST http://provider.invalid/v1/x HTTP/1.1");
            assertThat(proxy.received().get(0).headers()).containsEntry("host", "provider.invalid");
            assertThat(proxy.connections()).isEqualTo(1);
        } finally {
            ProxySelector.setDefault(original);
        }
    }

    /** Collects what a streamed call told its listener. */
    private static final class Events implements ServerSentEventListener {
        final List<String> data = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        int opened;
        boolean closed;

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            opened = response.statusCode();
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            data.add(event.data());
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        @Override
        public void onClose() {
            closed = true;
        }
    }
}
