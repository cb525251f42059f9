package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why a request went where it went: the task and how it was found, the strategy, the chosen provider with its
 * ordered fallbacks, a one-line reason, and which fallbacks were actually used.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteDecision(
        String task,
        String taskSource,
        String strategy,
        String provider,
        List<String> fallbacks,
        String reason,
        List<String> fallbacksUsed) {
}
