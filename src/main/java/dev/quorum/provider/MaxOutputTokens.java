package dev.quorum.provider;

import dev.quorum.api.CompletionRequest;

/**
 * Decides the most output tokens a provider call may produce, the one number both sent to the provider on every call
 * (OpenAI and Mistral {@code max_tokens}, Anthropic {@code max_tokens}, Gemini {@code maxOutputTokens}, Ollama
 * {@code num_predict}) and priced by the budget estimate, so a provider that honours it can never cost more than
 * the estimate: the request's {@code maxTokens}, else the provider's {@code max-output-tokens}, else
 * {@code quorum.provider.default-max-output-tokens}.
 */
public record MaxOutputTokens(int fallback) {

    /** The setting of the default, and the older budget setting it falls back to. */
    public static final String SETTING = "quorum.provider.default-max-output-tokens";
    public static final String LEGACY_SETTING = "quorum.budget.assumed-output-tokens";
    public static final int DEFAULT = 1024;

    public MaxOutputTokens {
        if (fallback < 1) {
            throw new IllegalArgumentException(SETTING + " must be at least 1, not " + fallback);
        }
    }

    /** The cap of one call of {@code request} to {@code spec}. */
    public int of(CompletionRequest request, ProviderSpec spec) {
        if (request != null && request.maxTokens() != null) {
            return request.maxTokens();
        }
        return spec.maxOutputTokens() != null ? spec.maxOutputTokens() : fallback;
    }
}
