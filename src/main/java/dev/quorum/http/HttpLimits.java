package dev.quorum.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Quorum's HTTP server allows one caller, read from {@code quorum.http.*}: how large a request body may be (per
 * path prefix), how many body bytes the server holds at once, how many connections it keeps open, and how long a
 * connection may take to send a request head, may sit idle between requests, and may take to send a body.
 *
 * @param maxBodyBytes         a body's limit where no path prefix names another
 * @param pathLimits           body limits by path prefix; the longest matching prefix wins
 * @param maxBufferedBodyBytes the bodies held at once (from the head until the response ends), counted by their
 *                             declared length, or by their limit when chunked
 * @param maxConnections       open connections; one more is closed as soon as it is accepted
 * @param headerTimeoutMs      a new connection's first request head must have arrived within this
 * @param idleTimeoutMs        a connection with no request in progress is closed after this (a keep-alive connection
 *                             between requests, or one trickling its next request head)
 * @param bodyTimeoutMs        a request body must have arrived in full within this of its head
 */
public record HttpLimits(long maxBodyBytes, List<PathLimit> pathLimits, long maxBufferedBodyBytes, int maxConnections,
                         long headerTimeoutMs, long idleTimeoutMs, long bodyTimeoutMs) {

    static final String PREFIX = "quorum.http.";

    /** A body limit for the paths that start with {@code prefix}. */
    public record PathLimit(String prefix, long maxBodyBytes) {
    }

    public HttpLimits {
        pathLimits = pathLimits.stream().sorted(Comparator.comparingInt((PathLimit l) -> l.prefix().length()).reversed())
                .toList();
    }

    /** The body limit of a request to {@code path}. */
    public long maxBodyBytes(String path) {
        for (PathLimit limit : pathLimits) {
            if (path.startsWith(limit.prefix())) {
                return limit.maxBodyBytes();
            }
        }
        return maxBodyBytes;
    }

    /** The largest body any path accepts. */
    public long largestBody() {
        return pathLimits.stream().mapToLong(PathLimit::maxBodyBytes).reduce(maxBodyBytes, Math::max);
    }

    /** Reads the limits; a value that is not a positive whole number fails with the setting's name. */
    public static HttpLimits read(Function<String, Optional<String>> settings) {
        Reader reader = new Reader(settings);
        List<PathLimit> paths = new ArrayList<>();
        String byPath = settings.apply(PREFIX + "max-body-bytes-by-path").orElse("").trim();
        for (String entry : byPath.isEmpty() ? new String[0] : byPath.split(",")) {
            int equals = entry.indexOf('=');
            String prefix = equals < 0 ? "" : entry.substring(0, equals).trim();
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException(PREFIX + "max-body-bytes-by-path: '" + entry.trim()
                        + "' is not <path prefix>=<bytes>, e.g. /v1/chat/completions=8388608");
            }
            paths.add(new PathLimit(prefix, reader.positive("max-body-bytes-by-path (" + prefix + ")",
                    entry.substring(equals + 1).trim())));
        }
        HttpLimits limits = new HttpLimits(reader.positive("max-body-bytes", 4L << 20), paths,
                reader.positive("max-buffered-body-bytes", 64L << 20),
                (int) Math.min(Integer.MAX_VALUE, reader.positive("max-connections", 4096)),
                reader.positive("header-timeout-ms", 10_000), reader.positive("idle-timeout-ms", 30_000),
                reader.positive("body-timeout-ms", 30_000));
        if (limits.maxBufferedBodyBytes() < limits.largestBody()) {
            throw new IllegalArgumentException(PREFIX + "max-buffered-body-bytes (" + limits.maxBufferedBodyBytes()
                    + ") must be at least the largest body limit (" + limits.largestBody() + "), or such a body never fits");
        }
        return limits;
    }

    private record Reader(Function<String, Optional<String>> settings) {

        long positive(String name, long fallback) {
            Optional<String> value = settings.apply(PREFIX + name).map(String::trim).filter(v -> !v.isEmpty());
            return value.isEmpty() ? fallback : positive(name, value.get());
        }

        long positive(String name, String value) {
            try {
                long number = Long.parseLong(value.replace("_", ""));
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // falls through to the error naming the setting
            }
            throw new IllegalArgumentException(PREFIX + name + " must be a whole number above 0, not '" + value + "'");
        }
    }
}
