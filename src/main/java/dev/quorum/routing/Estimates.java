package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.provider.ProviderSpec;

/**
 * Estimates the router works with before any provider has answered: prompt tokens (one per started four characters,
 * close to real tokenizers for English) and the most a request may cost with a provider.
 */
final class Estimates {

    private Estimates() {
    }

    static int promptTokens(CompletionRequest request) {
        long chars = request.prompt().length() + (request.system() == null ? 0 : request.system().length())
                + (request.chat() == null ? 0 : request.extraChars());
        return (int) Math.min(Integer.MAX_VALUE, (chars + 3) / 4);
    }

    /** The output tokens a request may produce: its own cap, else the provider's, else the assumed default. */
    static int outputTokens(CompletionRequest request, ProviderSpec spec, int assumed) {
        if (request.maxTokens() != null) {
            return request.maxTokens();
        }
        return spec.maxOutputTokens() != null ? spec.maxOutputTokens() : assumed;
    }

    /** Prompt tokens × input price + maximum output tokens × output price. */
    static double maxCostUsd(CompletionRequest request, ProviderSpec spec, int assumedOutput) {
        return spec.pricing().cost(promptTokens(request), outputTokens(request, spec, assumedOutput));
    }
}
