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

    /** Variable: the request's task (code, reasoning, …), named by the request or classified. */
    public static final String VAR_TASK = "task";

    /** Variable: how the task was found ({@code request}, {@code rules: …}, {@code semantic: …}, {@code default}). */
    public static final String VAR_TASK_SOURCE = "taskSource";

    /** Variable: the request's routing priority (cost, quality, latency, balanced) or {@code null}. */
    public static final String VAR_PRIORITY = "priority";

    /** Variable: the provider a single-mode request names, or {@code null}; such a request is not routed. */
    public static final String VAR_PINNED_PROVIDER = "pinnedProvider";

    /** Variable: the {@link dev.quorum.routing.RoutePlan} of a routed request: ranked providers and what happened. */
    public static final String VAR_ROUTE_PLAN = "routePlan";

    /** Variable: {@code true} while the single-mode loop should try the plan's next provider. */
    public static final String VAR_TRY_NEXT = "tryNextProvider";

    /** Variable: the provider an A/B split route ({@code routes/ab.camel.yaml}) picked for this request. */
    public static final String VAR_AB_PROVIDER = "abProvider";

    /** Variable: the attempt number of the current provider call, from 1, in a provider route. */
    public static final String VAR_ATTEMPT = "providerAttempt";

    /** Variable: {@code true} while a provider route should call its provider again. */
    public static final String VAR_RETRY = "retryProvider";

    /** Variable: milliseconds a provider route waits before its next attempt. */
    public static final String VAR_RETRY_DELAY = "retryDelayMs";

    // --- OpenAI-compatible API, API keys and the consensus Kamelet ---

    /** Variable: the tenant of the API key the HTTP caller presented; it replaces the request's own tenant. */
    public static final String VAR_KEY_TENANT = "keyTenant";

    /** Variable: {@code true} once the HTTP caller presented a valid API key (or keys are not required). */
    public static final String VAR_AUTHENTICATED = "authenticated";

    /** Variable: the model an OpenAI-style caller asked for, echoed in its reply. */
    public static final String VAR_OPENAI_MODEL = "openAiModel";

    /** Variable: {@code true} when an OpenAI-style caller asked for server-sent events. */
    public static final String VAR_OPENAI_STREAM = "openAiStream";

    /** Variable: {@code true} when a streaming OpenAI-style caller asked for a usage chunk. */
    public static final String VAR_OPENAI_STREAM_USAGE = "openAiStreamUsage";

    /** Variable: epoch seconds when an OpenAI-style request arrived (the reply's {@code created}). */
    public static final String VAR_OPENAI_CREATED = "openAiCreated";

    // --- token streaming (OpenAI API, stream: true) ---

    /**
     * Variable: the {@link dev.quorum.provider.TokenSink} a single-mode provider call streams its tokens to; set only
     * by a trigger that can stream (the OpenAI API when asked for a stream).
     */
    public static final String VAR_TOKEN_SINK = "tokenSink";

    private QuorumHeaders() {
    }
}
