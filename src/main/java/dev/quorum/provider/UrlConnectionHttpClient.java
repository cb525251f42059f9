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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider HTTP client for hosts reached through a proxy: blocking {@link HttpURLConnection} calls with kept-alive
 * connections, made on the calling (Camel) thread, which honour the JDK's proxy settings ({@code http.proxyHost} and
 * the rest). {@link KeepAliveHttpClient}, the client under every provider's model, hands such calls to this one; it
 * costs more CPU per call than that client but far less than LangChain4j's default asynchronous JDK client. Errors
 * carry the provider's {@code Retry-After}.
 */
final class UrlConnectionHttpClient implements HttpClient {

    static {
        // kept-alive connections per provider host; the JDK default (5) would reopen connections under load
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
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
        HttpURLConnection connection = open(request);
        try {
            int status = connection.getResponseCode();
            String body = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            if (status >= 400) {
                throw new ProviderHttpException(status, body, retryAfter(connection));
            }
            return SuccessfulHttpResponse.builder().statusCode(status).headers(headers(connection)).body(body).build();
        } catch (IOException e) {
            connection.disconnect();
            throw new UncheckedIOException(e);
        }
    }

    /** Streams server-sent events on the calling thread; the listener has seen the end when this returns. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpURLConnection connection;
        try {
            connection = open(request);
            int status = connection.getResponseCode();
            if (status >= 400) {
                listener.onError(new ProviderHttpException(status, read(connection.getErrorStream()), retryAfter(connection)));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(status).headers(headers(connection)).build());
            try (InputStream events = connection.getInputStream()) {
                parser.parse(events, listener);
            }
            listener.onClose();
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
        }
    }

    private HttpURLConnection open(HttpRequest request) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
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
                // read that ends in a SocketTimeoutException on every request (a tenth of Quorum's CPU per call);
                // a buffered body of a few kB skips that probe and still sends Content-Length
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        return ProviderHttpException.retryAfterSeconds(connection.getHeaderField("Retry-After"));
    }
}
