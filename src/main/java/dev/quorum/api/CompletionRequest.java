package dev.quorum.api;

import java.util.List;
import java.util.Map;

/**
 * The one request every trigger produces: a prompt and how it should be answered. Optional fields are {@code null}
 * when the caller did not set them, so later steps can tell "not asked" from a default. {@code priority},
 * {@code maxCostUsd}, {@code maxLatencyMs} and {@code capabilities} steer the router (docs/routing.md).
 */
public record CompletionRequest(
        String id,
        String prompt,
        String system,
        Mode mode,
        String provider,
        List<String> providers,
        Integer maxTokens,
        Double temperature,
        String tenant,
        String task,
        Map<String, Object> metadata,
        String priority,
        Double maxCostUsd,
        Long maxLatencyMs,
        List<String> capabilities) {

    /** Tasks a request may name and the classifier may find. */
    public static final List<String> TASKS = List.of("code", "reasoning", "extraction", "classification", "creative",
            "simple", "long-context");

    /** Routing priorities a request may name. */
    public static final List<String> PRIORITIES = List.of("cost", "quality", "latency", "balanced");
}
