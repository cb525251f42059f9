package dev.quorum.camel;

/**
 * Routing a single-mode request: its task and priority, the ranked plan and the fallback loop over it
 * ({@code dev.quorum.routing}, {@code routes/engine/single.camel.yaml}). All are exchange variables.
 */
public final class RoutingConstants {

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

    /** Variable: the provider an A/B split route ({@code routes/engine/ab.camel.yaml}) picked for this request. */
    public static final String VAR_AB_PROVIDER = "abProvider";

    /** Variable: the choice indexes 0..n-1 of a single-mode request asking for {@code n} > 1 choices (else unset). */
    public static final String VAR_CHOICES = "choices";

    private RoutingConstants() {
    }
}
