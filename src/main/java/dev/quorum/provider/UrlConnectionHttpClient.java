package dev.quorum.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider HTTP client for hosts reached through a proxy: blocking {@link HttpURLConnection} calls with kept-alive
 * connections, made on the calling (Camel) thread, which honour the JDK's proxy settings ({@code http.proxyHost} and
 * the rest). {@link KeepAliveHttpClient}, the client under every provider's model, hands such calls to this one; it
 * costs more CPU per call than that client but far less than LangChain4j's default asynchronous JDK client. Errors
 * carry the provider's {@code Retry-After}.
 *
 * <p>A call's {@link CallDeadline} bounds connecting and every read by the time it leaves, and is checked between the
 * reads of the body, so a body trickled byte by byte is cut at the deadline (give or take one byte's wait). A response
 * head trickled byte by byte is bound only by that read timeout: the JDK reads it where no deadline can reach.
 */
final class UrlConnectionHttpClient implements HttpClient {

    static {
        // kept-alive connections per provider host; the JDK default (5) would reopen connections under load
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        // a body left before its end (a call cut at its deadline) closes its connection; by default the JDK hands up
        // to 512 kB of it to a cleaner thread that reads it to the end, which a trickling provider makes last minutes
        if (System.getProperty("http.KeepAlive.remainingData") == null) {
            System.setProperty("http.KeepAlive.remainingData", "0");
        }
    }

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /** The timeouts {@link KeepAliveHttpClient} resolved from its builder. */
    UrlConnectionHttpClient(int connectTimeoutMillis, int readTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CallDeadline deadline = CallDeadline.current();
        HttpURLConnection connection = open(request);
        try {
            send(connection, request, deadline);
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = read(within(deadline, stream));
            if (status >= 400) {
                throw new ProviderHttpException(status, body, retryAfter(connection));
            }
            return SuccessfulHttpResponse.builder().statusCode(status).headers(headers(connection)).body(body).build();
        } catch (IOException e) {
            connection.disconnect();
            throw new UncheckedIOException(timedOut(deadline, e));
        }
    }

    /** Streams server-sent events on the calling thread; the listener has seen the end when this returns. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        CallDeadline deadline = CallDeadline.current();
        HttpURLConnection connection = null;
        try {
            connection = open(request);
            send(connection, request, deadline);
            int status = connection.getResponseCode();
            if (status >= 400) {
                listener.onError(new ProviderHttpException(status, read(within(deadline, connection.getErrorStream())),
                        retryAfter(connection)));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(status).headers(headers(connection)).build());
            try (InputStream events = within(deadline, connection.getInputStream())) {
                parser.parse(events, listener);
            }
            if (deadline != null && deadline.passed()) {
                // the parser reports a failed read to the listener and returns as if the stream had ended
                connection.disconnect();
                listener.onError(deadline.timeout());
                return;
            }
            listener.onClose();
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            listener.onError(timedOut(deadline, e));
        } catch (RuntimeException e) {
            listener.onError(deadline != null && deadline.passed() ? deadline.timeout() : e);
        }
    }

    private static HttpURLConnection open(HttpRequest request) {
        try {
            return (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deadline's timeout when the call passed it, else the failure as it came. */
    private static IOException timedOut(CallDeadline deadline, IOException failure) {
        if (deadline == null || !deadline.passed()) {
            return failure;
        }
        SocketTimeoutException timeout = deadline.timeout();
        timeout.initCause(failure);
        return timeout;
    }

    /**
     * A response body that fails with the deadline's timeout once the call has passed it, checked before every read.
     * {@code HttpURLConnection} offers no way to abort a read from another thread ({@code disconnect()} drains a
     * kept-alive body instead), so a body that keeps trickling is cut here, between its bytes.
     */
    private static InputStream within(CallDeadline deadline, InputStream body) {
        if (deadline == null || body == null) {
            return body;
        }
        return new java.io.FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }

            @Override
            public int read(byte[] to, int off, int len) throws IOException {
                check();
                return super.read(to, off, len);
            }

            private void check() throws SocketTimeoutException {
                if (deadline.checkPassed()) {
                    throw deadline.timeout();
                }
            }
        };
    }

    /**
     * Sets the connection up and sends the request's head and body (connecting on the way). Connecting and each read
     * wait no longer than the call's deadline leaves at this point.
     */
    private void send(HttpURLConnection connection, HttpRequest request, CallDeadline deadline) throws IOException {
        int connectTimeout = connectTimeoutMillis;
        int readTimeout = readTimeoutMillis;
        if (deadline != null) {
            if (deadline.checkPassed()) {
                throw deadline.timeout();
            }
            int left = (int) Math.min(Integer.MAX_VALUE, deadline.remainingMillis());
            connectTimeout = Math.min(connectTimeout, left);
            readTimeout = Math.min(readTimeout, left);
        }
        connection.setConnectTimeout(connectTimeout);
        connection.setReadTimeout(readTimeout);
        connection.setRequestMethod(request.method().name());
        connection.setUseCaches(false);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                connection.addRequestProperty(header.getKey(), value);
            }
        }
        if (request.body() != null) {
            byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
            connection.setDoOutput(true);
            // no fixed-length streaming mode: for a streamed POST the JDK probes a pooled connection with a 1 ms
            // read that ends in a SocketTimeoutException, stack trace and all, on every request (its cost is in
            // docs/benchmarks.md, item 2); a buffered body of a few kB skips that probe and still sends Content-Length
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
    }

    private static String read(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, List<String>> headers(HttpURLConnection connection) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) {
                headers.put(name, values);
            }
        });
        return headers;
    }

    private static long retryAfter(HttpURLConnection connection) {
        return ProviderHttpException.retryAfterMs(connection::getHeaderField, Instant.now());
    }
}
