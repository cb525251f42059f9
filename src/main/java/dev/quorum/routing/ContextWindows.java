package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.provider.ProviderSpec;

/**
 * Whether a request fits a provider's context window, estimated as the router does it for single mode: the prompt's
 * and system message's tokens (one per started four characters) plus the most output the call may produce (the
 * request's {@code maxTokens}, else the provider's {@code max-output-tokens}, else
 * {@code quorum.routing.assumed-output-tokens}). Consensus and cascade panels and the judge ask it before calling
 * anyone, so a prompt no member can hold is refused, not sent.
 */
public final class ContextWindows {

    private final int assumedOutputTokens;

    public ContextWindows(int assumedOutputTokens) {
        this.assumedOutputTokens = assumedOutputTokens;
    }

    /** The estimated tokens of the request's prompt and system message. */
    public int promptTokens(CompletionRequest request) {
        return Estimates.promptTokens(request);
    }

    /** The most output tokens a call with this request may produce at this provider. */
    public int outputTokens(CompletionRequest request, ProviderSpec spec) {
        return Estimates.outputTokens(request, spec, assumedOutputTokens);
    }

    /** Whether {@code inputTokens} of input and the request's output at this provider fit its context window. */
    public boolean fits(long inputTokens, CompletionRequest request, ProviderSpec spec) {
        return inputTokens + outputTokens(request, spec) <= spec.contextWindow();
    }

    /** Whether the request's prompt, system message and output fit the provider's context window. */
    public boolean fits(CompletionRequest request, ProviderSpec spec) {
        return fits(promptTokens(request), request, spec);
    }
}
