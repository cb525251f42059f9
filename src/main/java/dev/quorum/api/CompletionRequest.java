package dev.quorum.api;

import java.util.List;
import java.util.Map;

/**
 * The one request every trigger produces: a prompt and how it should be answered. Optional fields are {@code null}
 * when the caller did not set them, so later steps can tell "not asked" from a default. {@code priority},
 * {@code maxCostUsd}, {@code maxLatencyMs} and {@code capabilities} steer the router (docs/routing.md);
 * {@code algorithm}, {@code minAgreement}, {@code quorum} and {@code timeoutMs} steer a consensus or cascade panel
 * (docs/consensus.md).
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
        List<String> capabilities,
        String algorithm,
        Double minAgreement,
        Integer quorum,
        Long timeoutMs) {

    /** Tasks a request may name and the classifier may find. */
    public static final List<String> TASKS = List.of("code", "reasoning", "extraction", "classification", "creative",
            "simple", "long-context");

    /** Routing priorities a request may name. */
    public static final List<String> PRIORITIES = List.of("cost", "quality", "latency", "balanced");

    /** Voting methods a consensus or cascade request may name. */
    public static final List<String> ALGORITHMS = List.of("majority", "weighted", "semantic", "threshold", "judge",
            "fusion", "verify", "rank");

    /** This request answered in another mode, e.g. when an endpoint implies the mode. */
    public CompletionRequest withMode(Mode newMode) {
        return new CompletionRequest(id, prompt, system, newMode, provider, providers, maxTokens, temperature, tenant,
                task, metadata, priority, maxCostUsd, maxLatencyMs, capabilities, algorithm, minAgreement, quorum,
                timeoutMs);
    }

    /** This request with another prompt and system message, e.g. the prompt a consensus judge is asked. */
    public CompletionRequest withPrompt(String newSystem, String newPrompt) {
        return new CompletionRequest(id, newPrompt, newSystem, mode, provider, providers, maxTokens, temperature, tenant,
                task, metadata, priority, maxCostUsd, maxLatencyMs, capabilities, algorithm, minAgreement, quorum,
                timeoutMs);
    }
}
