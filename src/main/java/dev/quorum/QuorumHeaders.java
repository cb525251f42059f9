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

    /** Variable: the provider's reported {@code TokenUsage} of the call a provider route just made (budgets price it). */
    public static final String VAR_TOKEN_USAGE = "tokenUsage";

    /** Variable: warnings for the request's result ({@code List<String>}), e.g. a budget downgrade or unknown price. */
    public static final String VAR_WARNINGS = "resultWarnings";

    /** Variable: the budget gate's verdict on a provider call: {@code allow}, {@code downgrade} or {@code reject}. */
    public static final String VAR_BUDGET_VERDICT = "budgetVerdict";

    /** Variable: the {@link dev.quorum.budget.Reservation} a provider call holds until it is settled. */
    public static final String VAR_BUDGET_RESERVATION = "budgetReservation";

    /** Variable: the error result of a call a budget refused. */
    public static final String VAR_BUDGET_REFUSAL = "budgetRefusal";

    /** Variable: the provider a budget downgrade sends the call to instead. */
    public static final String VAR_BUDGET_DOWNGRADE_TO = "budgetDowngradeTo";

    /** Variable: {@code true} once a request was downgraded, so a downgraded call is not downgraded again. */
    public static final String VAR_BUDGET_DOWNGRADED = "budgetDowngraded";

    /** Variable: budget threshold alerts ({@code List<Map>}) a settlement raised, sent on by the provider route. */
    public static final String VAR_BUDGET_ALERTS = "budgetAlerts";

    private QuorumHeaders() {
    }
}
