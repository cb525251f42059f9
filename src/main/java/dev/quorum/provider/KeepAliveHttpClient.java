package dev.quorum.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The HTTP client under every provider's LangChain4j model: a small blocking HTTP/1.1 client over plain and TLS
 * sockets that keeps connections alive per origin and runs on the calling (Camel) thread, which a provider call blocks
 * anyway. It exists for CPU: {@code HttpURLConnection} wrote a request's head and body in two writes and spent much
 * of Quorum's per-request CPU on header handling, its keep-alive cache and locking (measured in docs/benchmarks.md,
 * item 8); this client writes the whole request with one write and parses the response head straight from its bytes.
 *
 * <p>What it does: HTTP/1.1 with {@code Content-Length}, chunked (trailers read and dropped) and read-to-close
 * bodies, interim 1xx responses skipped, identity encoding only (no {@code Accept-Encoding} is sent), no
 * {@code Expect: 100-continue}, no redirects (a 3xx is returned as it came). HTTPS uses the default
 * {@link SSLSocketFactory} with SNI and hostname verification. Idle connections are reused newest first, at most
 * {@value #DEFAULT_MAX_IDLE_PER_ORIGIN} per origin by default, and closed once idle longer than the idle timeout
 * (30 s by default; checked when a connection would be taken, there is no background thread). A pooled connection the
 * server closed meanwhile is detected when the write fails or the response ends before its first byte; the request
 * is then sent once more on a new connection. A request is never repeated once response bytes arrived, nor after a new
 * connection failed.
 *
 * <p>Proxies: when the default {@link ProxySelector} names a proxy for an origin (decided once per origin and client,
 * e.g. from {@code http.proxyHost}/{@code https.proxyHost}), calls to it go through {@link UrlConnectionHttpClient},
 * which speaks to proxies the JDK's way. Errors are those of {@link UrlConnectionHttpClient}: an HTTP status of 400 or
 * more is a {@link ProviderHttpException} with the provider's {@code Retry-After}; an I/O failure is an
 * {@link UncheckedIOException} around it (a {@link SocketTimeoutException} at the read timeout, which
 * {@link ReadWatchdog} enforces up to {@value ReadWatchdog#TICK_MILLIS} ms late); streamed calls report them to the
 * listener.
 *
 * <p>A read timeout restarts with every byte. The deadline of the whole call is the provider route's
 * {@link CallDeadline} (found on the calling thread): each exchange arms it with its connection, and when it passes,
 * the deadline's watchdog closes that connection; the call fails with the deadline's {@link SocketTimeoutException}
 * and the connection is never reused. A new connection's connect and TLS handshake wait no longer than the deadline
 * leaves.
 */
public final class KeepAliveHttpClient implements HttpClient {

    static final int DEFAULT_MAX_IDLE_PER_ORIGIN = 64;
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int DEFAULT_READ_TIMEOUT_MILLIS = 60_000;
    /** Origins one client keeps pools for; a client normally talks to one provider's base URL. */
    private static final int MAX_ORIGINS = 32;
    private static final int READ_BUFFER = 8 * 1024;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_RETAINED_SCRATCH = 256 * 1024;
    private static final byte[] HTTP11 = ascii(" HTTP/1.1\r\nHost: ");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] USER_AGENT = ascii("User-Agent: Quorum\r\n");

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final long idleTimeoutNanos;
    private final int maxIdlePerOrigin;
    private final SSLSocketFactory sslSocketFactory;
    private final UrlConnectionHttpClient viaProxy;
    private volatile Origin[] origins = new Origin[0];

    private KeepAliveHttpClient(Builder builder) {
        this.connectTimeoutMillis = millis(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT_MILLIS);
        this.readTimeoutMillis = millis(builder.readTimeout, DEFAULT_READ_TIMEOUT_MILLIS);
        this.idleTimeoutNanos = builder.idleTimeout.toNanos();
        this.maxIdlePerOrigin = builder.maxIdlePerOrigin;
        this.sslSocketFactory = builder.sslSocketFactory;
        this.viaProxy = new UrlConnectionHttpClient(connectTimeoutMillis, readTimeoutMillis);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Origin origin = origin(request.url());
        if (origin.proxied) {
            return viaProxy.execute(request);
        }
        Response response;
        try {
            response = send(origin, request, CallDeadline.current());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body;
        try {
            body = response.body.readString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.status >= 400) {
            throw new ProviderHttpException(response.status, body, response.retryAfterMs());
        }
        return SuccessfulHttpResponse.builder().statusCode(response.status).headers(response.headers).body(body)
                .build();
    }

    /** Streams server-sent events on the calling thread; the listener has seen the end when this returns. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Response response;
        CallDeadline deadline = CallDeadline.current();
        try {
            Origin origin = origin(request.url());
            if (origin.proxied) {
                viaProxy.execute(request, parser, listener);
                return;
            }
            response = send(origin, request, deadline);
        } catch (IOException e) {
            listener.onError(new UncheckedIOException(e));
            return;
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        ProviderHttpException error = null;
        // a fully read body hands the connection back to the pool; one closed before its end closes the socket
        try (Body body = response.body) {
            if (response.status >= 400) {
                error = new ProviderHttpException(response.status, body.readString(), response.retryAfterMs());
            } else {
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.status)
                        .headers(response.headers).build());
                parser.parse(body, listener);
            }
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
            return;
        }
        if (error != null) {
            listener.onError(error);
        } else if (deadline != null && deadline.passed()) {
            // aborted at the deadline: the parser may have taken the closed socket for the stream's end
            listener.onError(deadline.timeout());
        } else {
            listener.onClose();
        }
    }

    /**
     * Sends the request on a kept-alive connection if there is one, else on a new one, and reads the response head.
     * A pooled connection that fails before any response byte arrived is replaced once by a new connection. The
     * connection is armed with the call's deadline (when it has one) until the response has been read or abandoned.
     */
    private Response send(Origin origin, HttpRequest request, CallDeadline deadline) throws IOException {
        Connection pooled = origin.take();
        if (pooled != null) {
            if (!pooled.arm(deadline)) {
                origin.release(pooled); // unused: still clean
                throw deadline.timeout();
            }
            try {
                return exchange(pooled, request, true);
            } catch (StaleConnectionException e) {
                pooled.close();
            } catch (IOException | RuntimeException e) {
                pooled.close();
                throw e;
            }
        }
        Connection fresh = origin.connect(deadline);
        if (!fresh.arm(deadline)) {
            fresh.close();
            throw deadline.timeout();
        }
        try {
            return exchange(fresh, request, false);
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private Response exchange(Connection connection, HttpRequest request, boolean pooled) throws IOException {
        int length = connection.writeRequest(request);
        try {
            connection.out.write(connection.scratch, 0, length);
            connection.out.flush();
        } catch (IOException e) {
            if (pooled) {
                throw new StaleConnectionException(e);
            }
            throw e;
        }
        return connection.readResponse(request.method(), pooled);
    }

    /** How many idle connections this client keeps, over all origins (for tests). */
    int idleConnections() {
        int idle = 0;
        for (Origin origin : origins) {
            synchronized (origin) {
                idle += origin.idleCount;
            }
        }
        return idle;
    }

    private Origin origin(String url) {
        for (Origin origin : origins) {
            if (origin.matches(url)) {
                return origin;
            }
        }
        return addOrigin(url);
    }

    private synchronized Origin addOrigin(String url) {
        Origin[] known = origins;
        for (Origin origin : known) {
            if (origin.matches(url)) {
                return origin;
            }
        }
        Origin origin = new Origin(url, known.length < MAX_ORIGINS);
        if (origin.pooled) {
            Origin[] more = Arrays.copyOf(known, known.length + 1);
            more[known.length] = origin;
            origins = more;
        }
        return origin;
    }

    /** One scheme, host and port: how to connect there, and its idle connections (a stack, newest on top). */
    private final class Origin {
        final String prefix;
        final boolean tls;
        final String host;
        final int port;
        final byte[] hostHeader;
        final boolean proxied;
        final boolean pooled;
        final SSLSocketFactory tlsFactory;
        private final Connection[] idle;
        private int idleCount;

        Origin(String url, boolean pooled) {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("not an http(s) URL: " + url);
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host in URL: " + url);
            }
            int authorityStart = url.indexOf("//") + 2;
            int end = authorityStart;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            this.prefix = url.substring(0, end);
            this.tls = scheme.equals("https");
            String uriHost = uri.getHost();
            this.host = uriHost.startsWith("[") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
            int defaultPort = tls ? 443 : 80;
            this.port = uri.getPort() < 0 ? defaultPort : uri.getPort();
            this.hostHeader = ascii(port == defaultPort ? uriHost : uriHost + ":" + port);
            List<Proxy> proxies = ProxySelector.getDefault() == null ? List.of()
                    : ProxySelector.getDefault().select(URI.create(scheme + "://" + uri.getRawAuthority() + "/"));
            this.proxied = proxies != null && !proxies.isEmpty() && proxies.get(0).type() != Proxy.Type.DIRECT;
            this.pooled = pooled;
            this.tlsFactory = !tls ? null
                    : sslSocketFactory != null ? sslSocketFactory : (SSLSocketFactory) SSLSocketFactory.getDefault();
            this.idle = new Connection[pooled ? maxIdlePerOrigin : 0];
        }

        boolean matches(String url) {
            int length = prefix.length();
            if (!url.startsWith(prefix)) {
                return false;
            }
            if (url.length() == length) {
                return true;
            }
            char next = url.charAt(length);
            return next == '/' || next == '?' || next == '#';
        }

        /** The newest idle connection, or null; connections idle too long are closed on the way. */
        Connection take() {
            Connection connection;
            Connection[] expired = null;
            long now = System.nanoTime();
            synchronized (this) {
                if (idleCount == 0) {
                    return null;
                }
                connection = idle[--idleCount];
                idle[idleCount] = null;
                if (now - connection.idleSince >= idleTimeoutNanos) {
                    // the newest is too old, so all below it are: close them all
                    expired = Arrays.copyOf(idle, idleCount);
                    Arrays.fill(idle, 0, idleCount, null);
                    idleCount = 0;
                }
            }
            if (expired != null) {
                connection.close();
                for (Connection old : expired) {
                    old.close();
                }
                return null;
            }
            return connection;
        }

        void release(Connection connection) {
            connection.idleSince = System.nanoTime();
            synchronized (this) {
                if (idleCount < idle.length) {
                    idle[idleCount++] = connection;
                    return;
                }
            }
            connection.close();
        }

        /** A new connection; connecting (and the TLS handshake) waits no longer than the call's deadline allows. */
        Connection connect(CallDeadline deadline) throws IOException {
            Socket socket = new Socket();
            int configured = KeepAliveHttpClient.this.connectTimeoutMillis;
            int connectTimeoutMillis = deadline == null ? configured
                    : (int) Math.max(1, Math.min(configured, deadline.remainingMillis()));
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                if (tls) {
                    SSLSocket ssl = (SSLSocket) tlsFactory.createSocket(socket, host, port, true);
                    SSLParameters parameters = ssl.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    ssl.setSSLParameters(parameters);
                    socket = ssl;
                    socket.setSoTimeout(connectTimeoutMillis);
                    ssl.startHandshake();
                }
                // reads block without SO_TIMEOUT (one read syscall; a timed read is a read, a poll and a read again);
                // the read timeout is the watchdog's, which closes a socket whose read waited too long
                socket.setSoTimeout(0);
                return new Connection(this, socket, readTimeoutMillis);
            } catch (IOException | RuntimeException e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already failing
                }
                throw e;
            }
        }
    }

    /** One socket with its read buffer and a scratch buffer for the request (and for collecting a body). */
    private static final class Connection {
        final Origin origin;
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        byte[] buf = new byte[READ_BUFFER];
        int pos;
        int limit;
        byte[] scratch = new byte[READ_BUFFER];
        long idleSince;

        final long readTimeoutNanos;
        /** When the read under way times out (System.nanoTime), 0 while no read waits; the watchdog reads it. */
        volatile long readDeadline;
        volatile boolean timedOut;
        /** The deadline of the call using this connection, armed with {@link #abortAtDeadline}; owner thread only. */
        private CallDeadline deadline;
        /** The deadline that aborted this connection's exchange (set by the deadline watchdog), or null. */
        private volatile CallDeadline abortedBy;

        Connection(Origin origin, Socket socket, int readTimeoutMillis) throws IOException {
            this.origin = origin;
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
            ReadWatchdog.watch(this);
        }

        /** One blocking read of the socket, for at most the read timeout (then a {@link SocketTimeoutException}). */
        int read(byte[] to, int off, int len) throws IOException {
            readDeadline = System.nanoTime() + readTimeoutNanos;
            try {
                return in.read(to, off, len);
            } catch (IOException e) {
                CallDeadline aborted = abortedBy;
                if (aborted != null) {
                    SocketTimeoutException timeout = aborted.timeout();
                    timeout.initCause(e);
                    throw timeout;
                }
                if (timedOut) {
                    SocketTimeoutException timeout = new SocketTimeoutException("Read timed out after "
                            + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms");
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                readDeadline = 0;
            }
        }

        /**
         * Arms the call's deadline (if any) for the exchange this connection starts; false when it has already passed.
         */
        boolean arm(CallDeadline callDeadline) {
            if (callDeadline == null) {
                return true;
            }
            if (!callDeadline.arm(() -> abortAtDeadline(callDeadline))) {
                return false;
            }
            deadline = callDeadline;
            return true;
        }

        /** The exchange is over: no deadline can abort it any more. True when one did, so it must not be reused. */
        private boolean disarm() {
            CallDeadline armed = deadline;
            if (armed == null) {
                return abortedBy != null;
            }
            deadline = null;
            return armed.disarm() || abortedBy != null;
        }

        /** Run by the deadline watchdog: ends the exchange under way by closing the socket. */
        private void abortAtDeadline(CallDeadline callDeadline) {
            abortedBy = callDeadline;
            closeSocket();
        }

        /** Closes the connection (by its owner): the exchange, if any, is over. */
        void close() {
            disarm();
            closeSocket();
        }

        /** Closes the socket from any thread, which ends a read blocked on it. */
        void closeSocket() {
            ReadWatchdog.forget(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do with it
            }
        }

        /** Hands the connection back for reuse if the response left it clean, else closes it. */
        void finish(boolean reusable) {
            if (disarm()) {
                closeSocket();
                return;
            }
            if (reusable && pos == limit && origin.pooled) {
                if (scratch.length > MAX_RETAINED_SCRATCH) {
                    scratch = new byte[READ_BUFFER];
                }
                origin.release(this);
            } else {
                close();
            }
        }

        // ---- request ----

        /** Writes the whole request into {@link #scratch}; returns its length. */
        int writeRequest(HttpRequest request) {
            String url = request.url();
            String body = request.body();
            int length = 0;
            length = putAscii(length, request.method().name());
            length = put(length, (byte) ' ');
            length = putTarget(length, url, origin.prefix.length());
            length = put(length, HTTP11);
            length = put(length, origin.hostHeader);
            length = putCrlf(length);
            boolean userAgent = false;
            Map<String, List<String>> headers = request.headers() == null ? Map.of() : request.headers();
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                String name = header.getKey();
                if (name == null || skipped(name)) {
                    continue;
                }
                userAgent |= name.equalsIgnoreCase("User-Agent");
                for (String value : header.getValue()) {
                    length = putAscii(length, name);
                    length = put(length, (byte) ':');
                    length = put(length, (byte) ' ');
                    length = putAscii(length, value == null ? "" : value);
                    length = putCrlf(length);
                }
            }
            if (!userAgent) {
                length = put(length, USER_AGENT);
            }
            int bodyLength = body == null ? 0 : utf8Length(body);
            if (body != null || request.method() == HttpMethod.POST) {
                length = put(length, CONTENT_LENGTH);
                length = putDecimal(length, bodyLength);
                length = putCrlf(length);
            }
            length = putCrlf(length);
            if (bodyLength > 0) {
                length = putUtf8(length, body, bodyLength);
            }
            return length;
        }

        private static boolean skipped(String name) {
            // framing and connection handling are this client's; identity bodies only
            return name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Connection")
                    || name.equalsIgnoreCase("Expect") || name.equalsIgnoreCase("Accept-Encoding");
        }

        private void ensure(int length, int more) {
            if (length + more > scratch.length) {
                scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, length + more));
            }
        }

        private int put(int length, byte b) {
            ensure(length, 1);
            scratch[length] = b;
            return length + 1;
        }

        private int put(int length, byte[] bytes) {
            ensure(length, bytes.length);
            System.arraycopy(bytes, 0, scratch, length, bytes.length);
            return length + bytes.length;
        }

        private int putCrlf(int length) {
            ensure(length, 2);
            scratch[length] = '\r';
            scratch[length + 1] = '\n';
            return length + 2;
        }

        /** A header name or value: Latin-1, and no line breaks, which would let a value start a new header. */
        private int putAscii(int length, String text) {
            int n = text.length();
            ensure(length, n);
            byte[] to = scratch;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\r' || c == '\n') {
                    throw new IllegalArgumentException("line break in an HTTP header: " + text);
                }
                to[length++] = c < 0x100 ? (byte) c : (byte) '?';
            }
            return length;
        }

        /** The path and query of {@code url}, percent-encoding anything that is not printable ASCII. */
        private int putTarget(int length, String url, int from) {
            int end = url.indexOf('#', from);
            if (end < 0) {
                end = url.length();
            }
            if (from == end || url.charAt(from) != '/') {
                length = put(length, (byte) '/');
            }
            for (int i = from; i < end; i++) {
                char c = url.charAt(i);
                if (c > 0x20 && c < 0x7f) {
                    length = put(length, (byte) c);
                } else {
                    byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    if (Character.isHighSurrogate(c) && i + 1 < end) {
                        encoded = url.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                        i++;
                    }
                    for (byte b : encoded) {
                        length = put(length, (byte) '%');
                        length = put(length, (byte) Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
                        length = put(length, (byte) Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                    }
                }
            }
            return length;
        }

        private int putDecimal(int length, int value) {
            int digits = 1;
            for (int rest = value / 10; rest > 0; rest /= 10) {
                digits++;
            }
            ensure(length, digits);
            for (int i = length + digits - 1; i >= length; i--) {
                scratch[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            return length + digits;
        }

        /** The UTF-8 length of {@code text} as {@link #putUtf8} writes it. */
        private static int utf8Length(String text) {
            int n = text.length();
            int bytes = n;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    continue;
                }
                if (c < 0x800) {
                    bytes += 1;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // four bytes for the two chars
                    i++;
                } // an unpaired surrogate is one '?'
            }
            return bytes;
        }

        /** UTF-8 as {@link String#getBytes} writes it (an unpaired surrogate becomes '?'), without the copy. */
        private int putUtf8(int length, String text, int bytes) {
            ensure(length, bytes);
            byte[] to = scratch;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    to[length++] = (byte) c;
                } else if (c < 0x800) {
                    to[length++] = (byte) (0xc0 | (c >> 6));
                    to[length++] = (byte) (0x80 | (c & 0x3f));
                } else if (!Character.isSurrogate(c)) {
                    to[length++] = (byte) (0xe0 | (c >> 12));
                    to[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    to[length++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    to[length++] = (byte) (0xf0 | (cp >> 18));
                    to[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    to[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    to[length++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    to[length++] = (byte) '?';
                }
            }
            return length;
        }

        // ---- response ----

        /** Reads more bytes into {@link #buf}; -1 at the end of the stream. */
        private int fill() throws IOException {
            if (limit == buf.length) {
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                } else {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            int n = read(buf, limit, buf.length - limit);
            if (n > 0) {
                limit += n;
            }
            return n;
        }

        /** The index of the next line's '\n' in {@link #buf}, reading as needed. */
        private int lineEnd() throws IOException {
            int from = pos;
            while (true) {
                for (int i = from; i < limit; i++) {
                    if (buf[i] == '\n') {
                        return i;
                    }
                }
                if (limit - pos >= MAX_HEAD) {
                    throw new IOException("HTTP response line longer than " + MAX_HEAD + " bytes");
                }
                int scanned = limit - pos;
                if (fill() < 0) {
                    throw new EOFException("connection closed in the middle of an HTTP response head");
                }
                from = pos + scanned;
            }
        }

        /** The end of the line ending at {@code newline}, without its '\r'. */
        private int trimCr(int start, int newline) {
            return newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
        }

        Response readResponse(HttpMethod method, boolean pooled) throws IOException {
            if (pos == limit) {
                pos = 0; // start the response at the front of the buffer
                limit = 0;
                int n;
                try {
                    n = fill();
                } catch (InterruptedIOException e) {
                    throw e; // a read timeout: the server may be working on the request
                } catch (IOException e) {
                    if (pooled) {
                        throw new StaleConnectionException(e);
                    }
                    throw e;
                }
                if (n < 0) {
                    if (pooled) {
                        throw new StaleConnectionException(new EOFException("kept-alive connection closed"));
                    }
                    throw new EOFException("connection closed before an HTTP response");
                }
            }
            while (true) {
                Response response = readHead();
                if (response.status >= 200 || response.status < 100) {
                    int framing = response.framing(method.name().equals("HEAD"));
                    response.body = new Body(this, framing, response.contentLength, response.reusable());
                    return response;
                }
                // 1xx: an interim response, the real one follows
            }
        }

        private Response readHead() throws IOException {
            int newline = lineEnd();
            int end = trimCr(pos, newline);
            if (end - pos < 12 || buf[pos] != 'H' || buf[pos + 1] != 'T' || buf[pos + 2] != 'T' || buf[pos + 3] != 'P'
                    || buf[pos + 4] != '/' || buf[pos + 5] != '1' || buf[pos + 6] != '.' || buf[pos + 8] != ' '
                    || !digit(buf[pos + 9]) || !digit(buf[pos + 10]) || !digit(buf[pos + 11])) {
                throw new IOException("not an HTTP/1.x status line: "
                        + new String(buf, pos, Math.min(end - pos, 80), StandardCharsets.ISO_8859_1));
            }
            Response response = new Response();
            response.minorVersion = buf[pos + 7] - '0';
            response.status = (buf[pos + 9] - '0') * 100 + (buf[pos + 10] - '0') * 10 + (buf[pos + 11] - '0');
            pos = newline + 1;
            String lastName = null;
            while (true) {
                newline = lineEnd();
                end = trimCr(pos, newline);
                if (end == pos) {
                    pos = newline + 1;
                    return response;
                }
                if (buf[pos] == ' ' || buf[pos] == '\t') {
                    // an obsolete folded line continues the previous header's value
                    if (lastName == null) {
                        throw new IOException("HTTP header continuation without a header");
                    }
                    List<String> values = response.headers.get(lastName);
                    String folded = values.get(values.size() - 1) + " " + trimmed(pos, end);
                    List<String> replaced = new ArrayList<>(values);
                    replaced.set(replaced.size() - 1, folded);
                    response.headers.put(lastName, replaced);
                    response.header(lastName, folded, true);
                } else {
                    int colon = pos;
                    while (colon < end && buf[colon] != ':') {
                        colon++;
                    }
                    if (colon == end || colon == pos) {
                        throw new IOException("malformed HTTP header line");
                    }
                    String name = new String(buf, pos, colon - pos, StandardCharsets.ISO_8859_1).trim();
                    String value = trimmed(colon + 1, end);
                    response.add(name, value);
                    lastName = name;
                }
                pos = newline + 1;
            }
        }

        private String trimmed(int start, int end) {
            while (start < end && (buf[start] == ' ' || buf[start] == '\t')) {
                start++;
            }
            while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
                end--;
            }
            return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        }

        private static boolean digit(byte b) {
            return b >= '0' && b <= '9';
        }
    }

    /** A response head as read: status, headers (case-insensitive names) and what they say about the body. */
    private static final class Response {
        int status;
        int minorVersion;
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        long contentLength = -1;
        boolean chunked;
        boolean otherTransferCoding;
        boolean close;
        boolean keepAlive;
        Body body;

        void add(String name, String value) throws IOException {
            List<String> values = headers.get(name);
            if (values == null) {
                headers.put(name, List.of(value));
            } else {
                List<String> more = new ArrayList<>(values.size() + 1);
                more.addAll(values);
                more.add(value);
                headers.put(name, more);
            }
            header(name, value, false);
        }

        void header(String name, String value, boolean replacing) throws IOException {
            if (name.equalsIgnoreCase("Content-Length")) {
                long length = parseLength(value);
                if (!replacing && contentLength >= 0 && contentLength != length) {
                    throw new IOException("conflicting Content-Length headers");
                }
                contentLength = length;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                int comma = value.lastIndexOf(',');
                String last = (comma < 0 ? value : value.substring(comma + 1)).trim();
                chunked = last.equalsIgnoreCase("chunked");
                otherTransferCoding = !chunked;
            } else if (name.equalsIgnoreCase("Connection")) {
                for (String token : value.split(",")) {
                    String t = token.trim();
                    close |= t.equalsIgnoreCase("close");
                    keepAlive |= t.equalsIgnoreCase("keep-alive");
                }
            }
        }

        private static long parseLength(String value) throws IOException {
            int comma = value.indexOf(',');
            String first = (comma < 0 ? value : value.substring(0, comma)).trim();
            if (first.isEmpty() || first.length() > 18) {
                throw new IOException("invalid Content-Length: " + value);
            }
            long length = 0;
            for (int i = 0; i < first.length(); i++) {
                char c = first.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IOException("invalid Content-Length: " + value);
                }
                length = length * 10 + (c - '0');
            }
            return length;
        }

        int framing(boolean head) {
            if (head || status == 204 || status == 304) {
                return Body.NONE;
            }
            if (chunked) {
                return Body.CHUNKED;
            }
            if (otherTransferCoding || contentLength < 0) {
                return Body.UNTIL_CLOSE;
            }
            return contentLength == 0 ? Body.NONE : Body.FIXED;
        }

        boolean reusable() {
            return !close && (minorVersion >= 1 || keepAlive);
        }

        long retryAfterMs() {
            return ProviderHttpException.retryAfterMs(name -> {
                List<String> values = headers.get(name);
                return values == null || values.isEmpty() ? null : values.get(0);
            }, Instant.now());
        }
    }

    /**
     * A response body as a stream over the connection's buffer: by length, chunked, or until the server closes.
     * Read to its end, it hands the connection back to the pool (when the response allows); closed before that, it
     * closes the connection.
     */
    private static final class Body extends InputStream {
        static final int NONE = 0;
        static final int FIXED = 1;
        static final int CHUNKED = 2;
        static final int UNTIL_CLOSE = 3;

        private final Connection connection;
        private final int framing;
        private final boolean reusable;
        /** Bytes left in the body (FIXED) or in the current chunk (CHUNKED). */
        private long remaining;
        private boolean firstChunk = true;
        private boolean ended;
        private boolean closed;
        /** Set while {@link #readString} decodes from the connection's scratch array: release only after that. */
        private boolean holdConnection;
        private boolean released;

        Body(Connection connection, int framing, long contentLength, boolean reusable) {
            this.connection = connection;
            this.framing = framing;
            this.reusable = reusable && framing != UNTIL_CLOSE;
            this.remaining = framing == FIXED ? contentLength : 0;
            if (framing == NONE) {
                end();
            }
        }

        private void end() {
            ended = true;
            if (!holdConnection) {
                release();
            }
        }

        /** Hands the connection on exactly once: a second release would let two callers share it. */
        private void release() {
            if (!released) {
                released = true;
                connection.finish(reusable);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] to, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("response body closed");
            }
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            Connection c = connection;
            if (framing == UNTIL_CLOSE) {
                if (c.pos == c.limit && c.fill() < 0) {
                    end();
                    return -1;
                }
                return copy(to, off, len);
            }
            if (remaining == 0) {
                if (framing == FIXED || !nextChunk()) {
                    end();
                    return -1;
                }
            }
            int n;
            if (c.pos == c.limit) {
                if (len >= c.buf.length) {
                    // a large read straight from the socket into the caller's array
                    n = c.read(to, off, (int) Math.min(len, remaining));
                    if (n < 0) {
                        throw new EOFException("connection closed in the middle of an HTTP response body");
                    }
                    remaining -= n;
                    return n;
                }
                if (c.fill() < 0) {
                    throw new EOFException("connection closed in the middle of an HTTP response body");
                }
            }
            n = copy(to, off, (int) Math.min(len, remaining));
            remaining -= n;
            return n;
        }

        private int copy(byte[] to, int off, int len) {
            Connection c = connection;
            int n = Math.min(len, c.limit - c.pos);
            System.arraycopy(c.buf, c.pos, to, off, n);
            c.pos += n;
            return n;
        }

        /** Reads the next chunk's size line; false at the last chunk, whose trailers it reads and drops. */
        private boolean nextChunk() throws IOException {
            Connection c = connection;
            if (!firstChunk) {
                int newline = c.lineEnd();
                if (c.trimCr(c.pos, newline) != c.pos) {
                    throw new IOException("malformed chunked body: no line break after a chunk");
                }
                c.pos = newline + 1;
            }
            firstChunk = false;
            int newline = c.lineEnd();
            int end = c.trimCr(c.pos, newline);
            long size = 0;
            int i = c.pos;
            int digits = 0;
            for (; i < end; i++) {
                int d = Character.digit(c.buf[i], 16);
                if (d < 0) {
                    break;
                }
                if (++digits > 15) {
                    throw new IOException("chunk size too large");
                }
                size = size * 16 + d;
            }
            if (digits == 0 || (i < end && c.buf[i] != ';' && c.buf[i] != ' ' && c.buf[i] != '\t')) {
                throw new IOException("malformed chunk size line");
            }
            c.pos = newline + 1;
            if (size > 0) {
                remaining = size;
                return true;
            }
            while (true) {
                newline = c.lineEnd();
                boolean empty = c.trimCr(c.pos, newline) == c.pos;
                c.pos = newline + 1;
                if (empty) {
                    return false;
                }
            }
        }

        @Override
        public int available() {
            int buffered = connection.limit - connection.pos;
            return ended || closed ? 0 : framing == UNTIL_CLOSE ? buffered : (int) Math.min(buffered, remaining);
        }

        /** The whole body as UTF-8 text, read to its end; on a failure the connection is closed. */
        String readString() throws IOException {
            try {
                return readText();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private String readText() throws IOException {
            Connection c = connection;
            if (framing == FIXED && remaining <= c.buf.length) {
                // the common case: the body fits the read buffer, decode it in place
                int length = (int) remaining;
                if (c.buf.length - c.pos < length) {
                    System.arraycopy(c.buf, c.pos, c.buf, 0, c.limit - c.pos);
                    c.limit -= c.pos;
                    c.pos = 0;
                }
                while (c.limit - c.pos < length) {
                    if (c.fill() < 0) {
                        throw new EOFException("connection closed in the middle of an HTTP response body");
                    }
                }
                String text = new String(c.buf, c.pos, length, StandardCharsets.UTF_8);
                c.pos += length;
                remaining = 0;
                end();
                return text;
            }
            int length = 0;
            holdConnection = true;
            while (true) {
                if (length == c.scratch.length) {
                    c.scratch = Arrays.copyOf(c.scratch, c.scratch.length * 2);
                }
                int n = read(c.scratch, length, c.scratch.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            String text = new String(c.scratch, 0, length, StandardCharsets.UTF_8);
            release();
            return text;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (ended) {
                release(); // read to its end: the connection is clean (a no-op if already handed back)
            } else {
                released = true;
                connection.close();
            }
        }
    }

    /**
     * Read timeouts for every client's connections: one daemon thread looks at the connections every
     * {@value #TICK_MILLIS} ms and closes the socket of a read that has waited past its deadline, which ends that
     * read with an exception the reader turns into a {@link SocketTimeoutException}. A read timeout thus strikes up to
     * a tick late. The same pattern as Okio's watchdog; it lets reads block without SO_TIMEOUT, which the JDK
     * implements as a non-blocking read, a poll and another read for every read.
     */
    static final class ReadWatchdog {
        static final long TICK_MILLIS = 50;
        private static final Set<Connection> CONNECTIONS = ConcurrentHashMap.newKeySet();
        private static volatile Thread thread;

        private ReadWatchdog() {
        }

        static void watch(Connection connection) {
            CONNECTIONS.add(connection);
            if (thread == null) {
                start();
            }
        }

        static void forget(Connection connection) {
            CONNECTIONS.remove(connection);
        }

        private static synchronized void start() {
            if (thread == null) {
                Thread watchdog = new Thread(ReadWatchdog::run, "quorum-http-read-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
                thread = watchdog;
            }
        }

        private static void run() {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
                long now = System.nanoTime();
                for (Connection connection : CONNECTIONS) {
                    long deadline = connection.readDeadline;
                    if (deadline != 0 && now - deadline > 0) {
                        connection.timedOut = true;
                        connection.closeSocket();
                    }
                }
            }
        }
    }

    /** A kept-alive connection failed before any response byte: the server closed it, the request was not seen. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(IOException cause) {
            super("kept-alive connection was closed by the server", cause);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int millis(Duration duration, int fallback) {
        return duration == null ? fallback : (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /** The LangChain4j builder for this client; models set its timeouts from their own settings. */
    public static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxIdlePerOrigin = DEFAULT_MAX_IDLE_PER_ORIGIN;
        private SSLSocketFactory sslSocketFactory;

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

        /** How many idle connections one origin keeps (default 64); more are closed when released. */
        public Builder maxIdlePerOrigin(int maxIdlePerOrigin) {
            this.maxIdlePerOrigin = maxIdlePerOrigin;
            return this;
        }

        /** The TLS socket factory for https (default: the JDK's default one); tests trust their own certificate. */
        Builder sslSocketFactory(SSLSocketFactory sslSocketFactory) {
            this.sslSocketFactory = sslSocketFactory;
            return this;
        }

        @Override
        public KeepAliveHttpClient build() {
            return new KeepAliveHttpClient(this);
        }
    }
}
