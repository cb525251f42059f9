package dev.quorum.routing;

import dev.quorum.api.ProviderResponse;
import dev.quorum.api.RouteDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * The route of one single-mode request: its task, the strategy that ranked the providers, the chosen provider and its
 * ordered fallbacks, the reason, and the responses of the providers tried so far. Lives in the {@code routePlan}
 * variable of one exchange, so it is never shared between threads.
 */
public final class RoutePlan {

    private final String task;
    private final String taskSource;
    private final String strategy;
    private final List<String> candidates;
    private final String reason;
    private final List<ProviderResponse> responses = new ArrayList<>();

    RoutePlan(String task, String taskSource, String strategy, List<String> candidates, String reason) {
        this.task = task;
        this.taskSource = taskSource;
        this.strategy = strategy;
        this.candidates = List.copyOf(candidates);
        this.reason = reason;
    }

    List<String> candidates() {
        return candidates;
    }

    /** The provider to try next, or {@code null} when every candidate was tried. */
    String next() {
        return responses.size() < candidates.size() ? candidates.get(responses.size()) : null;
    }

    void record(ProviderResponse response) {
        responses.add(response);
    }

    List<ProviderResponse> responses() {
        return responses;
    }

    ProviderResponse last() {
        return responses.isEmpty() ? null : responses.get(responses.size() - 1);
    }

    public RouteDecision decision() {
        List<String> used = responses.size() <= 1 ? List.of()
                : responses.subList(1, responses.size()).stream().map(ProviderResponse::provider).toList();
        return new RouteDecision(task, taskSource, strategy, candidates.get(0), candidates.subList(1, candidates.size()),
                reason, used);
    }
}
