package dev.quorum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A running Quorum over HTTP (the JDK's client): the same requests a {@code curl} of the README sends, with the API key
 * as {@code Authorization: Bearer} when one is given. Refused connections, unknown hosts and an answer that is not
 * Quorum's JSON end the command as unreachable; the key is never printed.
 */
final class RemoteQuorum implements Connection {

    private static final ObjectMapper JSON = Output.JSON;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The most of an answer read: far above any result, report or catalog; a hostile server cannot fill the heap. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    RemoteQuorum(String url, String apiKey) {
        this.base = base(url);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    private static URI base(String url) {
        String text = url.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new CliException(ExitCodes.BAD_INPUT, "invalid_request",
                        "--url must be an http:// or https:// URL with a host, not '" + url + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "invalid_request", "--url is not a URL: " + e.getMessage());
        }
    }

    @Override
    public Reply ask(String mode, ObjectNode request, Duration wait) {
        ObjectNode body = request.deepCopy();
        if (!"single".equals(mode)) {
            body.put("mode", mode);
        }
        HttpRequest.Builder builder = builder("/api/v1/complete").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (wait != null) {
            builder.timeout(wait);
        }
        return send(builder.build());
    }

    @Override
    public Reply providers() {
        return send(builder("/api/v1/providers").GET().build());
    }

    @Override
    public Reply usage(String period, String by) {
        return send(builder("/api/v1/usage?period=" + encode(period) + "&by=" + encode(by)).GET().build());
    }

    @Override
    public Reply prompts(String id, Integer version) {
        String path = "/api/v1/prompts" + (id == null ? "" : "/" + encode(id)) + (version == null ? "" : "/" + version);
        return send(builder(path).GET().build());
    }

    @Override
    public String describe() {
        return base.toString();
    }

    @Override
    public void close() {
        // the JDK's client has no close before Java 21; its threads are daemons
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        HttpResponse<java.io.InputStream> response;
        String raw;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new CliException(ExitCodes.FAILED, "answer_too_large", base + " answered more than "
                            + MAX_BODY_BYTES / (1024 * 1024) + " MB; not read further");
                }
                raw = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new CliException(ExitCodes.FAILED, "timeout", "no answer from " + base + " within "
                    + request.timeout().map(RemoteQuorum::seconds).orElse("the time-out"), e);
        } catch (ConnectException e) {
            throw unreachable("connection refused", e);
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted", "interrupted while waiting for " + base, e);
        }
        JsonNode body;
        try {
            body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isContainerNode()) {
            // a 404 of a path this Quorum does not serve, or another server altogether
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("type", "not_quorum_json")
                    .put("message", base + request.uri().getRawPath() + " answered HTTP " + response.statusCode()
                            + " without a Quorum result (is it a Quorum, and does it serve this path?)");
            return new Reply(response.statusCode() < 300 ? 502 : response.statusCode(), error, raw);
        }
        return new Reply(response.statusCode(), body, raw);
    }

    private CliException unreachable(String why, Exception cause) {
        return new CliException(ExitCodes.UNREACHABLE, "unreachable", "Quorum at " + base + " is unreachable: " + why
                + " (is it running? --url or QUORUM_URL names it)", cause);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
