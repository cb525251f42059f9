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

    /** Variable: the mode an endpoint implies ({@code POST /api/v1/consensus}: consensus) for a request naming none. */
    public static final String VAR_ENDPOINT_MODE = "endpointMode";

    /** Variable: the {@link dev.quorum.consensus.ConsensusPlan} of a consensus or cascade request. */
    public static final String VAR_CONSENSUS_PLAN = "consensusPlan";

    /** Variable: the panel's endpoints as the consensus recipient list reads them (comma separated). */
    public static final String VAR_PANEL_RECIPIENTS = "panelRecipients";

    /** Variable: a panel's {@link dev.quorum.consensus.ConsensusOutcome} while a judge or an escalation runs. */
    public static final String VAR_CONSENSUS_OUTCOME = "consensusOutcome";

    /** Variable: the original request while a consensus judge is asked its own question. */
    public static final String VAR_CONSENSUS_REQUEST = "consensusRequest";

    /** Variable: the provider that judges a panel ({@code algorithm: judge}). */
    public static final String VAR_JUDGE_PROVIDER = "judgeProvider";

    /** Variable: the strong provider a cascade escalates to. */
    public static final String VAR_STRONG_PROVIDER = "strongProvider";

    /** Variable: {@code true} when a cascade's cheap panel did not agree enough and the strong provider is asked. */
    public static final String VAR_ESCALATE = "escalate";

    /** Exchange property: the responses a consensus panel has delivered so far (kept by the aggregation strategy). */
    public static final String PANEL_RESPONSES = "QuorumPanelResponses";

    private QuorumHeaders() {
    }
}
