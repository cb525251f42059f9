package dev.quorum;

/**
 * Names of the message headers and exchange variables that Quorum's routes and beans share, so a route file and
 * the Java that serves it cannot drift apart on a spelling.
 */
public final class QuorumHeaders {

    /** Header: the id of the request being served, echoed to HTTP callers as {@code X-Request-Id}. */
    public static final String REQUEST_ID = "QuorumRequestId";

    /** Variable: the validated {@link dev.quorum.api.CompletionRequest} of the exchange. */
    public static final String VAR_REQUEST = "request";

    /** Variable: the id of the provider a provider route serves or a single-mode request was sent to. */
    public static final String VAR_PROVIDER = "provider";

    /** Variable: {@link System#nanoTime()} when the request entered {@code direct:intake}. */
    public static final String VAR_STARTED = "startedNanos";

    private QuorumHeaders() {
    }
}
