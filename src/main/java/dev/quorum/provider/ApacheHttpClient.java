package dev.quorum.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client under every provider's LangChain4j model: LangChain4j's {@link HttpClient} SPI over Apache
 * HttpClient 5's classic (blocking) client, so a call runs on the calling Camel thread, which a provider call blocks
 * anyway, with no thread hand-off (the JDK's asynchronous client measured twice the CPU per request,
 * docs/benchmarks.md). One pool of kept-alive connections per client, reused newest first.
 *
 * <p>What it adds to the library's defaults: automatic retries are off, so the client never sends a request a second
 * time (a POST on a pooled connection the server closed meanwhile fails, and the provider route's retry policy
 * decides); a connection idle longer than {@link Builder#validateAfterInactivity} is checked before it is reused, so
 * one the server closed while idle is replaced before the request is written; redirects, cookies and authentication
 * caching are off. Proxies come from the default {@link ProxySelector} ({@code http.proxyHost}, {@code https.proxyHost},
 * {@code http.nonProxyHosts}), decided once per origin. Responses compressed with gzip or deflate are decompressed.
 *
 * <p>Errors: an HTTP status outside 2xx (a 3xx too: redirects are not followed) is a {@link ProviderHttpException}
 * with the provider's body and the wait its {@code Retry-After} or {@code retry-after-ms} header asks for; an I/O
 * failure is an {@link UncheckedIOException} around it (a {@link SocketTimeoutException} at the read timeout, which
 * restarts with every byte, or at the connect timeout; an answer longer than 32 MiB after decompression fails too).
 * Streamed calls report them to the listener.
 *
 * <p>The deadline of the whole call is the provider route's {@link CallDeadline} (found on the calling thread): each
 * exchange arms it with the request's {@code cancel()}, which the deadline's watchdog runs when it passes; that closes
 * the connection at once (a trickling body included, and a wait for a pooled connection), and the call fails with the
 * deadline's {@link SocketTimeoutException}. An aborted connection is never reused.
 */
public final class ApacheHttpClient implements HttpClient {

    static final int DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 256;
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_VALIDATE_AFTER_INACTIVITY = Duration.ofSeconds(1);
    /** The longest answer body read (after decompression): a compressed answer can expand a thousandfold. */
    static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Headers the client sets itself (framing, connection handling, the encodings it decompresses). */
    private static final String[] SKIPPED = {"Host", "Content-Length", "Transfer-Encoding", "Connection", "Expect",
        "Accept-Encoding"};

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final int maxBodyBytes;

    private ApacheHttpClient(Builder builder) {
        this.maxBodyBytes = builder.maxBodyBytes;
        Timeout connectTimeout = timeout(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        Timeout readTimeout = timeout(builder.readTimeout, DEFAULT_READ_TIMEOUT);
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(builder.maxConnectionsPerOrigin)
                .setMaxConnTotal(builder.maxConnectionsPerOrigin * 2)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(readTimeout).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(readTimeout)
                        .setIdleTimeout(timeout(builder.idleTimeout, DEFAULT_IDLE_TIMEOUT))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(builder.validateAfterInactivity.toMillis()))
                        .build());
        if (builder.sslContext != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(builder.sslContext));
        }
        this.pool = connections.build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        // waiting for a pooled connection counts as connecting
                        .setConnectionRequestTimeout(connectTimeout)
                        .setResponseTimeout(readTimeout)
                        .setRedirectsEnabled(false)
                        .build())
                .setRoutePlanner(new ProxyPerOrigin())
                .setUserAgent("Quorum")
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CallDeadline deadline = CallDeadline.current();
        HttpUriRequestBase call = toApache(request);
        arm(deadline, call);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, call, null);
            int status = response.getCode();
            String body = body(response.getEntity(), maxBodyBytes);
            if (status < 200 || status >= 300) {
                // 4xx and 5xx, and a 3xx (redirects are not followed): the provider's answer is not a result
                throw new ProviderHttpException(status, body, retryAfterMs(response));
            }
            return SuccessfulHttpResponse.builder().statusCode(status).headers(headers(response)).body(body).build();
        } catch (IOException e) {
            call.cancel(); // before the response is closed: a body left unread is dropped with its connection, not drained
            throw new UncheckedIOException(failure(deadline, e));
        } finally {
            close(response);
            disarm(deadline);
        }
    }

    /** Streams server-sent events on the calling thread; the listener has seen the end when this returns. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        CallDeadline deadline = CallDeadline.current();
        HttpUriRequestBase call;
        try {
            call = toApache(request);
            arm(deadline, call);
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        Throwable error = null;
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, call, null);
            int status = response.getCode();
            if (status < 200 || status >= 300) {
                error = new ProviderHttpException(status, body(response.getEntity(), maxBodyBytes),
                        retryAfterMs(response));
            } else {
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(status).headers(headers(response)).build());
                HttpEntity entity = response.getEntity();
                if (entity != null) {
                    EndAware events = new EndAware(entity.getContent(), deadline);
                    parser.parse(events, listener);
                    if (!events.ended) {
                        // the parser stopped before the stream's end: close the connection instead of draining it
                        call.cancel();
                    }
                }
            }
        } catch (IOException e) {
            call.cancel();
            error = failure(deadline, e);
        } catch (RuntimeException e) {
            call.cancel();
            error = deadline != null && deadline.passed() ? deadline.timeout() : e;
        } finally {
            close(response);
            disarm(deadline);
        }
        if (error != null) {
            listener.onError(error);
        } else if (deadline != null && deadline.passed()) {
            // aborted at the deadline: the parser may have taken the closed connection for the stream's end
            listener.onError(deadline.timeout());
        } else {
            listener.onClose();
        }
    }

    /** Closes a response: a body read to its end hands the connection back, a cancelled one has already closed it. */
    private static void close(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException e) {
                // the connection is dropped; nothing else to do
            }
        }
    }

    /** How many idle connections this client keeps (for tests). */
    int idleConnections() {
        return pool.getTotalStats().getAvailable();
    }

    /** Arms the call's deadline (if any) with the request's abort; fails at once when it has already passed. */
    private static void arm(CallDeadline deadline, HttpUriRequestBase call) {
        if (deadline != null && !deadline.arm(call::cancel)) {
            throw new UncheckedIOException(deadline.timeout());
        }
    }

    private static void disarm(CallDeadline deadline) {
        if (deadline != null) {
            deadline.disarm();
        }
    }

    /** The deadline's timeout when the call passed it, a connect timeout as a timeout, else the failure as it came. */
    private static IOException failure(CallDeadline deadline, IOException failure) {
        SocketTimeoutException timeout;
        if (deadline != null && deadline.passed()) {
            timeout = deadline.timeout();
        } else if (failure instanceof ConnectTimeoutException) {
            timeout = new SocketTimeoutException(failure.getMessage());
        } else {
            return failure;
        }
        timeout.initCause(failure);
        return timeout;
    }

    private static HttpUriRequestBase toApache(HttpRequest request) {
        HttpUriRequestBase call = new HttpUriRequestBase(request.method().name(), URI.create(request.url()));
        Map<String, List<String>> headers = request.headers();
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                String name = header.getKey();
                if (name == null || skipped(name) || header.getValue() == null) {
                    continue;
                }
                for (String value : header.getValue()) {
                    call.addHeader(name, value == null ? "" : value);
                }
            }
        }
        String body = request.body();
        if (body != null) {
            call.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
        }
        return call;
    }

    private static boolean skipped(String name) {
        for (String skipped : SKIPPED) {
            if (skipped.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The whole body as UTF-8 text (the providers' JSON), read to its end; longer than {@code max} bytes fails, and the
     * stream is left open for the caller to cancel (closing it would read the rest).
     */
    private static String body(HttpEntity entity, int max) throws IOException {
        InputStream in = entity == null ? null : entity.getContent();
        if (in == null) {
            return "";
        }
        byte[] bytes = in.readNBytes(max);
        if (bytes.length == max && in.read() >= 0) {
            throw new IOException("the provider's answer is longer than " + max + " bytes (decompressed)");
        }
        in.close(); // at its end: hands the connection back
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The response's headers by case-insensitive name, each name's values in order. */
    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        return headers;
    }

    private static long retryAfterMs(ClassicHttpResponse response) {
        return ProviderHttpException.retryAfterMs(name -> {
            Header header = response.getFirstHeader(name);
            return header == null ? null : header.getValue();
        }, Instant.now());
    }

    private static Timeout timeout(Duration duration, Duration fallback) {
        return Timeout.ofMilliseconds((duration == null ? fallback : duration).toMillis());
    }

    /**
     * A streamed body that notes whether it was read to its end, and fails with the deadline's timeout once the call
     * has passed it (the parser hands a failed read to the listener, which must learn it was the deadline).
     */
    private static final class EndAware extends FilterInputStream {
        private final CallDeadline deadline;
        boolean ended;

        EndAware(InputStream in, CallDeadline deadline) {
            super(in);
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                ended |= b < 0;
                return b;
            } catch (IOException e) {
                throw failure(deadline, e);
            }
        }

        @Override
        public int read(byte[] to, int off, int len) throws IOException {
            try {
                int n = super.read(to, off, len);
                ended |= n < 0;
                return n;
            } catch (IOException e) {
                throw failure(deadline, e);
            }
        }
    }

    /**
     * The JDK's proxy settings, asked once per origin (the default {@link ProxySelector} of the time of its first call)
     * instead of on every request.
     */
    private static final class ProxyPerOrigin extends SystemDefaultRoutePlanner {
        private static final int MAX_ORIGINS = 64;
        private final Map<HttpHost, Optional<HttpHost>> proxies = new ConcurrentHashMap<>();

        ProxyPerOrigin() {
            super(null);
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
            Optional<HttpHost> known = proxies.get(target);
            if (known == null) {
                known = Optional.ofNullable(super.determineProxy(target, context));
                if (proxies.size() < MAX_ORIGINS) {
                    proxies.put(target, known);
                }
            }
            return known.orElse(null);
        }
    }

    /** The LangChain4j builder for this client; models set its timeouts from their own settings. */
    public static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration validateAfterInactivity = DEFAULT_VALIDATE_AFTER_INACTIVITY;
        private int maxConnectionsPerOrigin = DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private SSLContext sslContext;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** How long a connection may sit idle and still be reused (default 30 s). */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * A connection idle at least this long is checked (a 1 ms read) before it is reused, so one the server closed
         * is replaced before a request is written to it (default 1 s; a busy connection is reused unchecked).
         */
        public Builder validateAfterInactivity(Duration validateAfterInactivity) {
            this.validateAfterInactivity = validateAfterInactivity;
            return this;
        }

        /** How many connections one origin may have open at once, in use or idle (default 256). */
        public Builder maxConnectionsPerOrigin(int maxConnectionsPerOrigin) {
            this.maxConnectionsPerOrigin = maxConnectionsPerOrigin;
            return this;
        }

        /** The longest answer body read, after decompression (default 32 MiB); a longer one fails the call. */
        Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The TLS context for https (default: the JDK's default one); tests trust their own certificate. */
        Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        @Override
        public ApacheHttpClient build() {
            return new ApacheHttpClient(this);
        }
    }
}
