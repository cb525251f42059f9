package dev.quorum.api;

import java.util.List;
import java.util.Map;

/**
 * The one request every trigger produces: a prompt and how it should be answered. Optional fields are {@code null}
 * when the caller did not set them, so later steps can tell "not asked" from a default. {@code priority},
 * {@code maxCostUsd}, {@code maxLatencyMs} and {@code capabilities} steer the router (docs/routing.md);
 * {@code algorithm}, {@code minAgreement}, {@code quorum} and {@code timeoutMs} steer a consensus or cascade panel
 * (docs/consensus.md). {@code chat} holds a conversation, tools, an output format and sampling options when the
 * caller sent them ({@link Chat}); then {@code prompt} is the last user message's text and {@code system} the system
 * messages' text, for the steps that only read those (classification, estimates, logs), while providers get the
 * whole conversation. It is {@code null} for a plain prompt.
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
        Long timeoutMs,
        Chat chat) {

    /** A request of a plain prompt (no {@link Chat}). */
    public CompletionRequest(String id, String prompt, String system, Mode mode, String provider, List<String> providers,
                             Integer maxTokens, Double temperature, String tenant, String task,
                             Map<String, Object> metadata, String priority, Double maxCostUsd, Long maxLatencyMs,
                             List<String> capabilities, String algorithm, Double minAgreement, Integer quorum,
                             Long timeoutMs) {
        this(id, prompt, system, mode, provider, providers, maxTokens, temperature, tenant, task, metadata, priority,
                maxCostUsd, maxLatencyMs, capabilities, algorithm, minAgreement, quorum, timeoutMs, null);
    }

    /** Characters the conversation adds to {@code prompt} and {@code system}, for estimates (0 for a plain prompt). */
    public int extraChars() {
        return chat == null ? 0 : chat.extraChars(prompt, system);
    }

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
                timeoutMs, chat);
    }

    /**
     * This request with another prompt and system message, e.g. the prompt a consensus judge is asked: a plain
     * prompt, without the conversation, tools or output format of the original.
     */
    public CompletionRequest withPrompt(String newSystem, String newPrompt) {
        return new CompletionRequest(id, newPrompt, newSystem, mode, provider, providers, maxTokens, temperature, tenant,
                task, metadata, priority, maxCostUsd, maxLatencyMs, capabilities, algorithm, minAgreement, quorum,
                timeoutMs);
    }

    /**
     * This request with a rendered prompt template: its prompt and system text, and the template's defaults for the
     * task, priority and maxTokens where the request sets none (docs/prompts.md).
     */
    public CompletionRequest withTemplate(String newPrompt, String templateSystem, String defaultTask,
                                          String defaultPriority, Integer defaultMaxTokens) {
        return new CompletionRequest(id, newPrompt, system != null ? system : templateSystem, mode, provider, providers,
                maxTokens != null ? maxTokens : defaultMaxTokens, temperature, tenant, task != null ? task : defaultTask,
                metadata, priority != null ? priority : defaultPriority, maxCostUsd, maxLatencyMs, capabilities,
                algorithm, minAgreement, quorum, timeoutMs, chat);
    }
}
