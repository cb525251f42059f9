package dev.quorum.http;

import dev.quorum.settings.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
    public static HttpLimits read(Settings settings) {
        List<PathLimit> paths = new ArrayList<>();
        for (String entry : settings.list("max-body-bytes-by-path")) {
            int equals = entry.indexOf('=');
            String prefix = equals < 0 ? "" : entry.substring(0, equals).trim();
            if (!prefix.startsWith("/")) {
                throw settings.invalid("max-body-bytes-by-path", entry,
                        "<path prefix>=<bytes>, comma-separated, e.g. /v1/chat/completions=8388608");
            }
            String bytes = entry.substring(equals + 1).trim();
            try {
                long limit = Long.parseLong(bytes.replace("_", ""));
                if (limit < 1) {
                    throw new NumberFormatException();
                }
                paths.add(new PathLimit(prefix, limit));
            } catch (NumberFormatException e) {
                throw settings.invalid("max-body-bytes-by-path", entry, "a whole number of bytes above 0 after "
                        + prefix + "=");
            }
        }
        HttpLimits limits = new HttpLimits(settings.whole("max-body-bytes", 4L << 20, 1, Long.MAX_VALUE), paths,
                settings.whole("max-buffered-body-bytes", 64L << 20, 1, Long.MAX_VALUE),
                settings.integer("max-connections", 4096, 1, Integer.MAX_VALUE),
                settings.whole("header-timeout-ms", 10_000, 1, Long.MAX_VALUE),
                settings.whole("idle-timeout-ms", 30_000, 1, Long.MAX_VALUE),
                settings.whole("body-timeout-ms", 30_000, 1, Long.MAX_VALUE));
        if (limits.maxBufferedBodyBytes() < limits.largestBody()) {
            throw settings.invalid("max-buffered-body-bytes", Long.toString(limits.maxBufferedBodyBytes()),
                    "at least the largest body limit (" + limits.largestBody() + "), or such a body never fits");
        }
        return limits;
    }
}
